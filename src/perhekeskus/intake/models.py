"""Help requests ("Pyydä apua") and the early-support teams (VATU) that answer them.

What a family writes and how to reach them is encrypted at rest (`crypto.EncryptedTextField`);
after the retention period a closed request keeps only what statistics need.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.validators import validate_single_line
from perhekeskus.intake.crypto import EncryptedJSONListField, EncryptedTextField

# What a family wrote and how to reach them: encrypted, never loaded by a list (decrypting them
# would be a read the audit log does not see), and erased by the retention job.
PERSONAL_FIELDS = (
    "message",
    "contact_name",
    "contact_phone",
    "contact_email",
    "preferred_time",
    "public_reply",
)


class EarlySupportTeam(models.Model):
    """A low-threshold early-support team (Askola's VATU): members from several organisations,
    answering the help requests of the municipalities it covers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # One line: the name goes into e-mail subjects, where a line break is a header injection.
    name = models.CharField(_("name"), max_length=200, validators=[validate_single_line])
    organization = models.ForeignKey(
        "catalog.Organization",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="early_support_teams",
    )
    municipalities = models.ManyToManyField(
        "catalog.Municipality",
        verbose_name=_("municipalities"),
        related_name="early_support_teams",
        help_text=_("Help requests from these municipalities come to this team."),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        blank=True,
        related_name="early_support_teams",
    )
    notification_email = models.EmailField(
        _("notification e-mail"),
        blank=True,
        help_text=_("The team's shared mailbox. Notices carry no personal data."),
    )
    first_contact_target_days = models.PositiveSmallIntegerField(
        _("target for first contact (working days)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("early-support team")
        verbose_name_plural = _("early-support teams")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Concern(models.TextChoices):
    MY_CHILD = "my_child", _("My child")
    MY_FAMILY = "my_family", _("My family")
    MYSELF = "myself", _("Myself as a parent")
    OTHER_CHILD = "other_child", _("A child I know")


class RequestStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_TRIAGE = "in_triage", _("In triage")
    ASSIGNED = "assigned", _("Assigned")
    CONTACTED = "contacted", _("Contacted")
    CLOSED = "closed", _("Closed")


class CloseReason(models.TextChoices):
    GUIDED = "guided", _("Guided to a service")
    REFERRED = "referred", _("Referred")
    COORDINATION = "coordination", _("Continues in family coordination")
    NO_CONTACT = "no_contact", _("No contact reached")
    DUPLICATE = "duplicate", _("Duplicate")
    WITHDRAWN = "withdrawn", _("Withdrawn by the family")
    OTHER = "other", _("Other")


class ContactMethod(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    NONE = "none", _("No contact: I will check the status page")


class HelpRequest(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    tracking_code = models.CharField(_("tracking code"), max_length=32, unique=True)
    # The hash of the client's Idempotency-Key (or the form's token) with its scope: the same
    # key again gets the same answer. With it, the hash of what was asked: in the API the same
    # key with other content is refused (services.receiving).
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    idempotency_body = models.CharField(max_length=64, blank=True, default="")
    team = models.ForeignKey(
        EarlySupportTeam,
        verbose_name=_("team"),
        null=True,
        on_delete=models.PROTECT,
        related_name="requests",
    )
    municipality = models.ForeignKey(
        "catalog.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="help_requests",
    )
    language = models.CharField(_("language"), max_length=2, default="fi")
    concerns = models.CharField(_("whom it concerns"), max_length=20, choices=Concern.choices)
    child_ages = models.JSONField(_("children's ages"), default=list, blank=True)
    anonymous = models.BooleanField(_("anonymous"), default=False)
    message = EncryptedTextField(_("message"))
    contact_name = EncryptedTextField(_("name"), blank=True)
    contact_phone = EncryptedTextField(_("phone"), blank=True)
    contact_email = EncryptedTextField(_("e-mail"), blank=True)
    preferred_time = EncryptedTextField(_("preferred time for contact"), blank=True)
    contact_method = models.CharField(
        _("contact by"), max_length=10, choices=ContactMethod.choices, default=ContactMethod.NONE
    )
    consent_at = models.DateTimeField(_("consent given"))
    # Which danger the family's words suggest (`core.danger`), encrypted like the words; erased
    # with them after the retention period.
    danger_signals = EncryptedJSONListField(_("danger signals"), default=list, blank=True)
    # Whether any danger was recognised: what the board and the agenda order by, and what
    # statistics keep after anonymisation. Never which danger. Set by `save`.
    has_danger = models.BooleanField(_("danger recognised"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.NEW
    )
    close_reason = models.CharField(
        _("reason for closing"), max_length=20, choices=CloseReason.choices, blank=True
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible worker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responsible_help_requests",
    )
    public_reply = EncryptedTextField(_("reply to the family"), blank=True)
    public_reply_at = models.DateTimeField(_("replied"), null=True, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    first_contact_at = models.DateTimeField(_("first contact"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymized_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # Where a multi-professional family coordination record continues this request.
    coordination_reference = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["team", "status"], name="intake_team_status")]
        # The state machine's last word, in the database (`transitions`, ADR 0028): a request
        # is closed exactly when it has a closing time, so that a closed request moved back
        # (which would keep its `closed_at` and escape retention) is refused by the database
        # too; and only a closed request is anonymised.
        constraints = [
            models.CheckConstraint(
                condition=Q(status="closed", closed_at__isnull=False)
                | (~Q(status="closed") & Q(closed_at__isnull=True)),
                name="intake_closed_exactly_when_closed_at",
            ),
            models.CheckConstraint(
                condition=Q(anonymized_at__isnull=True) | Q(status="closed"),
                name="intake_anonymised_only_when_closed",
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_code

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Danger once recognised stays recognised, also when the retention job erases which.
        if (
            "danger_signals" not in self.get_deferred_fields()
            and self.danger_signals
            and not self.has_danger
        ):
            self.has_danger = True
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "has_danger"}
        super().save(*args, **kwargs)


class EventKind(models.TextChoices):
    STATUS = "status", _("Status changed")
    ASSIGN = "assign", _("Responsible worker set")
    CALL = "call", _("Phone call")
    MESSAGE = "message", _("Message")
    VISIT = "visit", _("Meeting or visit")
    NOTE = "note", _("Note")
    REPLY = "reply", _("Reply to the family")
    DECISION = "decision", _("Team decision")
    FAMILY = "family", _("Message from the family")


class HelpRequestEvent(models.Model):
    """What was done with a request and when: the request's own history for the team."""

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=10, choices=EventKind.choices)
    at = models.DateTimeField(_("time"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = EncryptedTextField(_("text"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.request_id} {self.kind}"


class TeamMeeting(models.Model):
    """The team's weekly meeting: its agenda is the requests since the last one."""

    team = models.ForeignKey(EarlySupportTeam, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField(_("date"))
    minutes = EncryptedTextField(_("minutes"), blank=True)
    # When the retention job erased the minutes (`services.retention`); none are written after.
    anonymized_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("team meeting")
        verbose_name_plural = _("team meetings")
        ordering = ["-held_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["team", "held_on"], name="intake_meeting_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.team} {self.held_on}"


class MeetingDecision(models.Model):
    meeting = models.ForeignKey(TeamMeeting, on_delete=models.CASCADE, related_name="decisions")
    request = models.ForeignKey(HelpRequest, on_delete=models.PROTECT, related_name="decisions")
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible worker"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    services = models.ManyToManyField(
        "catalog.Service", verbose_name=_("services"), blank=True, related_name="+"
    )
    next_step = EncryptedTextField(_("next step"))
    next_step_on = models.DateField(_("next step by"), null=True, blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "request"], name="intake_one_decision")
        ]

    def __str__(self) -> str:
        return f"{self.meeting} {self.request}"
