"""Family coordination: a family's record with its children and guardians, the responsible
worker and the team across organisations, the family's consents, the support plan, network
meetings, notes, referrals between organisations and the access log the family may read.

Every read of a family's data goes through `selectors.access_*` (the consent gate, `access.py`);
every change through one service in `services/`. What identifies a person or what anyone wrote is
encrypted at rest (`core.crypto`); a person with a non-disclosed address (`address_protected`,
turvakielto) has the address shown to the responsible worker only. A closed record is anonymised
after `FAMILIES_RETENTION_DAYS` (`services/retention.py`), keeping what statistics need.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from perhekeskus.core.crypto import EncryptedTextField
from perhekeskus.core.validators import validate_single_line

# --- The record ----------------------------------------------------------------------------------


class FamilyStatus(models.TextChoices):
    # A record's state ("avoin"), not the list filter's plural ("avoimet").
    OPEN = "open", pgettext_lazy("family record", "Open")
    CLOSED = "closed", pgettext_lazy("family record", "Closed")


class FamilyCloseReason(models.TextChoices):
    GOALS_MET = "goals_met", _("The goals of the plan were reached")
    FAMILY_ENDED = "family_ended", _("The family ended the coordination")
    CONTINUES_ELSEWHERE = "continues_elsewhere", _("Support continues in another service")
    MOVED = "moved", _("The family moved away")
    OTHER = "other", _("Other")


class Family(models.Model):
    """A family in family coordination (perhekoordinaatio): one record per family, opened with
    the family's consent, owned by the organisation of the worker who opened it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The name the family is known by ("Virtanen"); encrypted. `name_digest` is a keyed hash of
    # the normalised name, so that a worker can find a family by its exact name without the
    # database ever holding the name in the clear (`lookup.digest`).
    name = EncryptedTextField(_("family name"))
    name_digest = models.CharField(max_length=64, blank=True, db_index=True)
    municipality = models.ForeignKey(
        "catalog.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The organisation responsible for the record (the controller): the responsible worker's
    # organisation when the record was opened.
    organization = models.ForeignKey(
        "catalog.Organization",
        verbose_name=_("responsible organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The language the family's notices are written in (fi, sv or en).
    language = models.CharField(_("language of notices"), max_length=2, default="fi")
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible worker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responsible_families",
    )
    # The help request this record continues (its decision: "continues in family coordination").
    help_request = models.OneToOneField(
        "intake.HelpRequest",
        verbose_name=_("help request"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="family_record",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=FamilyStatus.choices, default=FamilyStatus.OPEN
    )
    close_reason = models.CharField(
        _("reason for closing"), max_length=24, choices=FamilyCloseReason.choices, blank=True
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now, db_index=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymized_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("family")
        verbose_name_plural = _("families")
        ordering = ["-opened_at", "id"]
        indexes = [
            models.Index(fields=["responsible", "status"], name="families_responsible_status"),
            models.Index(fields=["status", "closed_at"], name="families_status_closed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="closed", closed_at__isnull=False)
                | (~Q(status="closed") & Q(closed_at__isnull=True)),
                name="families_closed_exactly_when_closed_at",
            ),
            models.CheckConstraint(
                condition=Q(anonymized_at__isnull=True) | Q(status="closed"),
                name="families_anonymised_only_when_closed",
            ),
        ]

    def __str__(self) -> str:
        # Never the name: a family's str goes into audit entries and log lines.
        return f"family {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == FamilyStatus.OPEN


class Person(models.Model):
    """What a child and a guardian share: a name, an address that may be non-disclosed, and an
    optional Finnish personal identity code (validated with its check character, encrypted,
    shown masked; `pic_digest` finds a person by it for a reading under a law)."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="+")
    name = EncryptedTextField(_("name"))
    address = EncryptedTextField(_("address"), blank=True)
    # Non-disclosure for personal safety (turvakielto): the address is shown to the
    # responsible worker only, never on any other page, export, e-mail, letter, API answer or
    # log line.
    address_protected = models.BooleanField(_("non-disclosure of address"), default=False)
    personal_identity_code = EncryptedTextField(_("personal identity code"), blank=True)
    pic_digest = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Child(Person):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="children")
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    # When only the age is known: the age on the day it was recorded.
    age_years = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    age_recorded_on = models.DateField(null=True, blank=True)
    # What statistics keep after anonymisation (set by save from the date or the age).
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("child")
        verbose_name_plural = _("children")
        ordering = ["birth_year", "id"]

    def __str__(self) -> str:
        return f"child {self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        year = None
        if self.birth_date is not None:
            year = self.birth_date.year
        elif self.age_years is not None:
            recorded = self.age_recorded_on or timezone.localdate()
            year = recorded.year - self.age_years
        if year is not None and year != self.birth_year:
            self.birth_year = year
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "birth_year"}
        super().save(*args, **kwargs)

    def age_on(self, day: datetime.date) -> int | None:
        if self.birth_date is not None:
            born = self.birth_date
            return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        if self.age_years is not None:
            recorded = self.age_recorded_on or day
            return self.age_years + max(0, day.year - recorded.year)
        return None


class CustodyRole(models.TextChoices):
    CUSTODIAN = "custodian", _("Guardian with custody")
    PARENT = "parent", _("Parent without custody")
    FOSTER_PARENT = "foster_parent", _("Foster parent")
    OTHER = "other", _("Other close adult")


class PreferredLanguage(models.TextChoices):
    FI = "fi", _("Finnish")
    SV = "sv", _("Swedish")
    EN = "en", _("English")
    SE = "se", _("Northern Sámi")
    RU = "ru", _("Russian")
    ET = "et", _("Estonian")
    AR = "ar", _("Arabic")
    SO = "so", _("Somali")
    UK = "uk", _("Ukrainian")
    FA = "fa", _("Persian")
    OTHER = "other", _("Other language")


class Guardian(Person):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="guardians")
    email = EncryptedTextField(_("e-mail"), blank=True)
    # A keyed hash of the lower-cased e-mail: the family page's sign-in finds the guardian by it.
    email_digest = models.CharField(max_length=64, blank=True, db_index=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=PreferredLanguage.choices,
        default=PreferredLanguage.FI,
    )
    interpreter_needed = models.BooleanField(_("needs an interpreter"), default=False)
    interpreter_language = models.CharField(
        _("interpreter's language"), max_length=8, choices=PreferredLanguage.choices, blank=True
    )
    custody_role = models.CharField(
        _("role"), max_length=16, choices=CustodyRole.choices, default=CustodyRole.CUSTODIAN
    )

    class Meta:
        verbose_name = _("guardian")
        verbose_name_plural = _("guardians")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"guardian {self.pk}"

    @property
    def has_custody(self) -> bool:
        return self.custody_role == CustodyRole.CUSTODIAN

    @property
    def notice_language(self) -> str:
        """The language of this guardian's e-mails: theirs where the site speaks it, else the
        family's."""
        if self.preferred_language in ("fi", "sv", "en"):
            return str(self.preferred_language)
        return self.family.language


# --- The people who work with the family ---------------------------------------------------------


class TeamRole(models.TextChoices):
    SOCIAL_WORKER = "social_worker", _("Social worker")
    FAMILY_WORKER = "family_worker", _("Family worker")
    PUBLIC_HEALTH_NURSE = "public_health_nurse", _("Public health nurse")
    SCHOOL_SOCIAL_WORKER = "school_social_worker", _("School social worker")
    SCHOOL_PSYCHOLOGIST = "school_psychologist", _("School psychologist")
    PSYCHOLOGIST = "psychologist", _("Psychologist")
    SCHOOL_NURSE = "school_nurse", _("School nurse")
    EARLY_EDUCATION_TEACHER = "early_education_teacher", _("Early education teacher")
    TEACHER = "teacher", _("Teacher")
    YOUTH_WORKER = "youth_worker", _("Youth worker")
    DOCTOR = "doctor", _("Doctor")
    THERAPIST = "therapist", _("Therapist")
    VOLUNTEER_COORDINATOR = "volunteer_coordinator", _("NGO volunteer coordinator")
    PARISH_WORKER = "parish_worker", _("Parish family worker")
    OTHER = "other", _("Other professional")


class TeamMember(models.Model):
    """A professional on this family's team, with their role on it. Membership alone opens
    nothing: each read also needs a consent that covers the member's organisation
    (`access.py`). A member leaves by `removed_at`; the row stays for the history."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The member's organisation when added: the one whose consent their reads need.
    organization = models.ForeignKey(
        "catalog.Organization", on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role on the team"), max_length=32, choices=TeamRole.choices)
    added_at = models.DateTimeField(_("added"), default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    removed_at = models.DateTimeField(_("left the team"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["added_at", "id"]
        indexes = [models.Index(fields=["user", "removed_at"], name="families_member_user")]
        constraints = [
            models.UniqueConstraint(
                fields=["family", "user"],
                condition=Q(removed_at__isnull=True),
                name="families_one_active_membership",
            )
        ]

    def __str__(self) -> str:
        return f"{self.family_id} {self.user_id} {self.role}"


class ResponsibleChange(models.Model):
    """A hand-over of the responsible worker: who, when, why. The first row is the opening."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="handovers")
    previous = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    new = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = EncryptedTextField(_("reason"), blank=True)
    changed_at = models.DateTimeField(_("time"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("change of responsible worker")
        verbose_name_plural = _("changes of responsible worker")
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.family_id} {self.changed_at:%Y-%m-%d}"


# --- Consent -------------------------------------------------------------------------------------


class DataCategory(models.TextChoices):
    """What a consent covers and what a read is of. BASIC (that the family is a client, its
    members' names and ages, who works with them) is part of every consent."""

    BASIC = "basic", _("The family and its team")
    CONTACT = "contact", _("Contact details")
    PLAN = "plan", _("Support plan")
    MEETINGS = "meetings", _("Network meetings and their minutes")
    NOTES = "notes", _("Notes")
    REFERRALS = "referrals", _("Referrals")


class ConsentPurpose(models.TextChoices):
    COORDINATION = "coordination", _("Coordinating support for the family")
    SCHOOL = "school", _("Sharing with the school or early education")
    HEALTH = "health", _("Sharing with health services")
    REFERRAL = "referral", _("Referral to another service or an NGO")


# Purposes that take effect only when every guardian with custody has given the consent; for
# the others one guardian's consent is enough. Stored on each consent when it is recorded
# (`Consent.requires_all_custodians`), so that a later change here does not rewrite history.
PURPOSES_REQUIRING_ALL_CUSTODIANS = frozenset({ConsentPurpose.COORDINATION})


class ConsentMethod(models.TextChoices):
    WRITTEN = "written", _("In writing")
    ORAL = "oral", _("Orally")
    ELECTRONIC = "electronic", _("Electronically")


class ConsentQuerySet(models.QuerySet["Consent"]):
    def effective(self, on: datetime.date | None = None) -> ConsentQuerySet:
        """Consents in force on the day: given by every guardian they need, not revoked, and
        within their validity (both ends inclusive)."""
        day = on or timezone.localdate()
        return self.filter(
            is_complete=True, revoked_at__isnull=True, valid_from__lte=day, valid_until__gte=day
        )


class Consent(models.Model):
    """The family's consent to share its data: for a purpose, with the organisations named, for
    the data categories named, for a period; given by each guardian separately (`ConsentGiven`);
    revocable at any moment with immediate effect."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=16, choices=ConsentPurpose.choices)
    recipients = models.ManyToManyField(
        "catalog.Organization", verbose_name=_("recipients"), related_name="+"
    )
    # DataCategory values; always includes BASIC.
    categories = models.JSONField(_("data covered"), default=list)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    requires_all_custodians = models.BooleanField(
        _("needs every guardian with custody"), default=False
    )
    # Whether everyone this consent needs has given it: kept by the services whenever a
    # guardian gives it or a guardian's custody changes, so that the gate can filter on it.
    is_complete = models.BooleanField(default=False)
    note = EncryptedTextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revoked_by_guardian = models.ForeignKey(
        Guardian, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoke_reason = EncryptedTextField(_("reason for revoking"), blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-recorded_at", "-id"]
        indexes = [
            models.Index(
                fields=["family", "is_complete", "revoked_at", "valid_until"],
                name="families_consent_effective",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")),
                name="families_consent_period",
            )
        ]

    def __str__(self) -> str:
        return f"consent {self.pk} ({self.purpose})"

    def covers(self, category: str) -> bool:
        return category in self.categories

    def is_effective(self, on: datetime.date | None = None) -> bool:
        day = on or timezone.localdate()
        return (
            self.is_complete
            and self.revoked_at is None
            and self.valid_from <= day <= self.valid_until
        )


class ConsentGiven(models.Model):
    """One guardian's giving of a consent: how, when, recorded by whom (nobody when the
    guardian gave it electronically on the family's own page)."""

    consent = models.ForeignKey(Consent, on_delete=models.CASCADE, related_name="givers")
    guardian = models.ForeignKey(Guardian, on_delete=models.CASCADE, related_name="+")
    method = models.CharField(_("given"), max_length=12, choices=ConsentMethod.choices)
    given_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("guardian's consent")
        verbose_name_plural = _("guardians' consents")
        ordering = ["recorded_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["consent", "guardian"], name="families_one_giving")
        ]

    def __str__(self) -> str:
        return f"{self.consent_id} {self.guardian_id}"


class ChildView(models.Model):
    """The child's own view of a consent, recorded with the child's age at the time (how much
    weight it carries grows with the age)."""

    consent = models.ForeignKey(Consent, on_delete=models.CASCADE, related_name="child_views")
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="+")
    age = models.PositiveSmallIntegerField(_("age at the time"), null=True, blank=True)
    view = EncryptedTextField(_("the child's view"), blank=True)

    class Meta:
        verbose_name = _("child's view")
        verbose_name_plural = _("children's views")
        constraints = [
            models.UniqueConstraint(fields=["consent", "child"], name="families_one_child_view")
        ]

    def __str__(self) -> str:
        return f"{self.consent_id} {self.child_id}"


# --- Reading under a law, and the access log -----------------------------------------------------


class LegalBasis(models.TextChoices):
    CHILD_WELFARE_NOTIFICATION = (
        "child_welfare_notification",
        _("Duty to notify child protection (Child Welfare Act, section 25)"),
    )
    CHILD_WELFARE_ASSESSMENT = (
        "child_welfare_assessment",
        _("Child protection's right to information (Child Welfare Act, section 41)"),
    )
    DANGER_TO_LIFE = (
        "danger_to_life",
        _("Protecting someone's life, health or safety (Social Welfare Client Act, section 18)"),
    )
    OTHER_LAW = "other_law", _("Another provision of law, named in the reason")


class LegalAccess(models.Model):
    """A professional's reading of a family's data without consent, under a law: the legal basis
    and the reason are stated first, the access lasts `FAMILIES_LEGAL_ACCESS_HOURS`, every read
    under it is marked in the access log, and it waits on the coordinators' review list until a
    coordinator has reviewed it."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="legal_accesses")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(
        "catalog.Organization", null=True, on_delete=models.PROTECT, related_name="+"
    )
    basis = models.CharField(_("legal basis"), max_length=32, choices=LegalBasis.choices)
    reason = EncryptedTextField(_("reason"))
    categories = models.JSONField(_("data read"), default=list)
    granted_at = models.DateTimeField(_("time"), default=timezone.now)
    expires_at = models.DateTimeField(_("ends"))
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    review_note = EncryptedTextField(_("review note"), blank=True)

    class Meta:
        verbose_name = _("reading under a law")
        verbose_name_plural = _("readings under a law")
        ordering = ["-granted_at", "-id"]
        indexes = [
            models.Index(fields=["actor", "expires_at"], name="families_legal_actor"),
            models.Index(fields=["reviewed_at"], name="families_legal_review"),
        ]

    def __str__(self) -> str:
        return f"legal access {self.pk}"


class AccessBasis(models.TextChoices):
    RESPONSIBLE = "responsible", _("Responsible worker")
    CONSENT = "consent", _("The family's consent")
    LAW = "law", _("A provision of law")


class AccessPlace(models.TextChoices):
    LIST = "list", _("List")
    PAGE = "page", _("Page")
    API = "api", _("API")
    EXPORT = "export", _("Export")
    PRINT = "print", _("Printout")


class AccessLogIsAppendOnly(Exception):
    """Raised on any attempt to change or delete an access log entry."""


class AccessLogQuerySet(models.QuerySet["AccessLogEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AccessLogIsAppendOnly("Access log entries cannot be changed")

    def delete(self) -> NoReturn:
        raise AccessLogIsAppendOnly("Access log entries cannot be deleted")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AccessLogIsAppendOnly("Access log entries cannot be changed")


class AccessLogEntry(models.Model):
    """One read of a family's data (käyttöloki): who, of which family, which data category,
    where, and on what basis (the responsible worker, a consent, or a law). Written by the gate
    in the read's transaction (`access.py`), one row per family and category, in bulk for a list.
    The family sees these rows (organisation, role, date, purpose) on their own page.
    Append-only like the audit log."""

    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("time"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_label = models.CharField(_("reader"), max_length=254, blank=True)
    organization = models.ForeignKey(
        "catalog.Organization",
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    # The reader's role on the family's team, "responsible" or the reader's profession.
    role = models.CharField(_("role"), max_length=32, blank=True)
    category = models.CharField(_("data"), max_length=12, choices=DataCategory.choices)
    place = models.CharField(_("where"), max_length=8, choices=AccessPlace.choices)
    basis = models.CharField(_("basis"), max_length=12, choices=AccessBasis.choices)
    consent = models.ForeignKey(
        Consent, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    legal_access = models.ForeignKey(
        LegalAccess, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    # The consent's purpose or the legal basis: what the family reads as "why".
    purpose = models.CharField(_("purpose"), max_length=32, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log entries")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["family", "at"], name="families_access_family_time")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.family_id} {self.category}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AccessLogIsAppendOnly("Access log entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AccessLogIsAppendOnly("Access log entries cannot be deleted")


# --- Plan, meetings, notes -----------------------------------------------------------------------


class PlanStatus(models.TextChoices):
    ACTIVE = "active", _("In force")
    ENDED = "ended", _("Ended")


class SupportPlan(models.Model):
    """The family's support plan (suunnitelma): goals in the family's own words, follow-up, and
    its actions (`PlanAction`). Each save stores a `PlanVersion`."""

    family = models.OneToOneField(Family, on_delete=models.CASCADE, related_name="plan")
    goals = EncryptedTextField(_("goals, in the family's own words"), blank=True)
    follow_up_on = models.DateField(_("next follow-up"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=PlanStatus.choices, default=PlanStatus.ACTIVE
    )
    version = models.PositiveIntegerField(_("version"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("support plan")
        verbose_name_plural = _("support plans")

    def __str__(self) -> str:
        return f"plan {self.family_id} v{self.version}"


class PlanVersion(models.Model):
    """One stored version of a plan: the goals, follow-up and actions as they were (encrypted
    JSON, `snapshot`)."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    snapshot = EncryptedTextField()
    created_at = models.DateTimeField(_("saved"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="families_plan_version")
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.number}"


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", pgettext_lazy("meeting", "Cancelled")


class NetworkMeeting(models.Model):
    """A network meeting (verkostopalaveri) of the team with the family: when and where, who
    took part, and what was agreed; each agreed item becomes a plan action."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("time"))
    place = models.CharField(
        _("place"), max_length=200, blank=True, validators=[validate_single_line]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    guardians = models.ManyToManyField(Guardian, verbose_name=_("guardians"), blank=True)
    children = models.ManyToManyField(Child, verbose_name=_("children"), blank=True)
    professionals = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("professionals"), blank=True, related_name="+"
    )
    minutes = EncryptedTextField(_("what was agreed"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    recorded_at = models.DateTimeField(_("minutes recorded"), null=True, blank=True)

    class Meta:
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")
        ordering = ["-starts_at", "-id"]

    def __str__(self) -> str:
        return f"meeting {self.pk}"


class ActionStatus(models.TextChoices):
    OPEN = "open", _("To do")
    DONE = "done", pgettext_lazy("plan action", "Done")
    CANCELLED = "cancelled", pgettext_lazy("plan action", "Cancelled")


class PlanAction(models.Model):
    """Who does what by when: a team member (`assignee`) or someone named in words (the mother,
    the family) in `assignee_text`."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="actions")
    text = EncryptedTextField(_("what"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assignee_text = EncryptedTextField(_("who"), blank=True)
    due_on = models.DateField(_("by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    meeting = models.ForeignKey(
        NetworkMeeting,
        verbose_name=_("agreed in meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("plan action")
        verbose_name_plural = _("plan actions")
        ordering = ["due_on", "created_at", "id"]

    def __str__(self) -> str:
        return f"action {self.pk}"


class Note(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = EncryptedTextField(_("note"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"note {self.pk}"


# --- Referrals -----------------------------------------------------------------------------------


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    DONE = "done", pgettext_lazy("referral", "Done")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Referral(models.Model):
    """A referral from one network service to another, between organisations too. Sending needs
    a consent in force that names the receiving organisation and covers the data sent; the
    receiving organisation sees it in its inbox only while such a consent is in force."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="referrals")
    from_organization = models.ForeignKey(
        "catalog.Organization", on_delete=models.PROTECT, related_name="+"
    )
    to_organization = models.ForeignKey(
        "catalog.Organization",
        verbose_name=_("to organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_service = models.ForeignKey(
        "catalog.Service",
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # DataCategory values sent with the referral; always includes BASIC.
    categories = models.JSONField(_("data sent"), default=list)
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, related_name="referrals")
    message = EncryptedTextField(_("message"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decline_reason = EncryptedTextField(_("reason for declining"), blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-sent_at", "id"]
        indexes = [
            models.Index(fields=["to_organization", "status"], name="families_referral_inbox")
        ]

    def __str__(self) -> str:
        return f"referral {self.pk}"


# --- Data-subject rights and the family's sign-in ------------------------------------------------


class CorrectionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    CORRECTED = "corrected", _("Corrected")
    REJECTED = "rejected", _("Not corrected")


class CorrectionRequest(models.Model):
    """A request to correct the family's data (GDPR article 16), from a guardian on their page or
    recorded by a worker; answered with what was done."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="corrections")
    guardian = models.ForeignKey(
        Guardian, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = EncryptedTextField(_("what should be corrected"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CorrectionStatus.choices,
        default=CorrectionStatus.RECEIVED,
    )
    response = EncryptedTextField(_("answer"), blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"correction {self.pk}"


class SignInLink(models.Model):
    """A guardian's sign-in link to the family's own page: short-lived, single use, bound to the
    guardian. Only a hash of the token is stored."""

    guardian = models.ForeignKey(Guardian, on_delete=models.CASCADE, related_name="+")
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["expires_at"], name="families_signin_expiry")]

    def __str__(self) -> str:
        return f"sign-in link {self.pk}"
