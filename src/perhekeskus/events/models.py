"""Events, series, forums and peer groups, and the families' sign-ups to them.

One `Event` row is one thing in the calendar, of a `kind`:

- `single`: a one-off event ("Vauvamuskari 12.1.").
- `series`: the rule of a recurring event ("every Tuesday 9.30–11 until 30 May", its
  `RecurrenceRule`); families see and sign up for its `occurrence` rows, made from the rule.
  A peer group is a series with `is_peer_group`: families apply to the series (membership), the
  facilitator approves, and attendance is marked per occurrence (session).
- `umbrella`: an event with sessions (a family center forum, `is_forum`); each `session` is an
  event of its own with its own time, place and registration.

Registration belongs to the event a family signs up for (single, occurrence, session, or the
peer group's series). Seats are counted in persons: a `Signup` is one contact person and the
`Participant`s they bring. `seats_taken` and `waitlisted_count` are kept on the event by the
sign-up services only, under the event's row lock (a row lock on PostgreSQL, the write lock of an
IMMEDIATE transaction on SQLite), and a check constraint refuses more seats than the capacity even
from code that forgot the lock (ADR 0038).

Times are stored in UTC and shown in Finnish time; a series' times are Finnish wall-clock times,
so that "Tuesdays 9.30" stays 9.30 across the daylight-saving changes.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from perhekeskus.core.ages import MAX_CHILD_AGE
from perhekeskus.core.crypto import EncryptedTextField


class EventKind(models.TextChoices):
    SINGLE = "single", _("Event")
    SERIES = "series", _("Recurring event")
    OCCURRENCE = "occurrence", _("Occurrence of a recurring event")
    UMBRELLA = "umbrella", _("Event with sessions")
    SESSION = "session", _("Session")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationMode(models.TextChoices):
    DROP_IN = "drop_in", _("Drop in, no sign-up")
    REGISTRATION = "registration", _("Sign-up")
    # Peer groups: the facilitator approves each family.
    APPLICATION = "application", _("Application, the facilitator approves")


class SignupStatus(models.TextChoices):
    ATTENDING = "attending", _("Attending")
    WAITLISTED = "waitlisted", _("On the waiting list")
    # Promoted from the waiting list, holding the seats until `offer_expires_at`.
    OFFERED = "offered", _("Seat offered, waiting for confirmation")
    APPLIED = "applied", _("Applied")
    DECLINED = "declined", _("Not accepted")
    CANCELLED = "cancelled", _("Cancelled")


# The statuses that hold seats. OFFERED holds them until the offer is confirmed or expires.
SEAT_HOLDING = (SignupStatus.ATTENDING, SignupStatus.OFFERED)


class EventLanguage(models.TextChoices):
    FI = "fi", "suomi"
    SV = "sv", "svenska"
    EN = "en", "English"


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Free text")
    CHOICE = "choice", _("One of choices")


class Event(models.Model):  # type: ignore[django-manager-missing]
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=EventKind.choices)
    # The series of an occurrence, the umbrella of a session.
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    organization = models.ForeignKey(
        "catalog.Organization",
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("organiser"),
    )
    # The catalogue service the event belongs to, if any (its card lists the event).
    service = models.ForeignKey(
        "catalog.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("service"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts = models.DateTimeField(_("starts"), db_index=True)
    ends = models.DateTimeField(_("ends"))
    location = models.ForeignKey(
        "catalog.Location",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("place"),
    )
    # Where the event's municipality filter finds it: the place's, or chosen for an online event.
    municipality = models.ForeignKey(
        "catalog.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("municipality"),
    )
    is_online = models.BooleanField(_("online"), default=False)
    # Shown to registered participants only (and in their e-mails), never on the public page.
    online_url = models.URLField(_("online meeting address"), max_length=500, blank=True)
    audience = models.CharField(_("for whom"), max_length=200, blank=True)
    min_age = models.PositiveSmallIntegerField(
        _("children's age from"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_CHILD_AGE)],
    )
    max_age = models.PositiveSmallIntegerField(
        _("children's age to"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_CHILD_AGE)],
    )
    # ",fi,sv," — the languages the event is held in, between commas so that one is one lookup.
    languages = models.CharField(_("languages"), max_length=20, default=",fi,")
    # ",1,5," — the family center tasks (core.tasks numbers) the event serves.
    tasks = models.CharField(_("family center tasks"), max_length=40, blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    price_info = models.CharField(_("price"), max_length=200, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    # A family center forum: residents may send topics beforehand, a summary is published after.
    is_forum = models.BooleanField(_("family center forum"), default=False)
    summary = models.TextField(_("summary afterwards"), blank=True)
    summary_published_at = models.DateTimeField(null=True, blank=True)
    # Peer groups (series only).
    is_peer_group = models.BooleanField(_("peer group"), default=False)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("facilitator"),
    )
    allow_pseudonyms = models.BooleanField(_("pseudonyms allowed"), default=False)
    # An occurrence edited on its own is no longer overwritten by edits of its series.
    detached = models.BooleanField(default=False)
    # The Finnish date of an occurrence in its series' rule.
    series_date = models.DateField(null=True, blank=True)

    # Registration (of the event families sign up for).
    registration = models.CharField(
        _("registration"),
        max_length=12,
        choices=RegistrationMode.choices,
        default=RegistrationMode.DROP_IN,
    )
    enrolment_opens = models.DateTimeField(_("sign-up opens"), null=True, blank=True)
    enrolment_closes = models.DateTimeField(_("sign-up closes"), null=True, blank=True)
    # Seats in persons (adults and children); empty: no limit.
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    # Persons on the waiting list at most; empty: no limit, 0: no waiting list.
    waitlist_capacity = models.PositiveIntegerField(_("waiting list places"), null=True, blank=True)
    max_group_size = models.PositiveSmallIntegerField(
        _("largest group"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    # A family promoted from the waiting list must confirm within this many hours; empty: the
    # seats are theirs at once.
    confirm_within_hours = models.PositiveSmallIntegerField(
        _("promoted family confirms within (hours)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(168)],
    )
    seats_taken = models.PositiveIntegerField(default=0)
    waitlisted_count = models.PositiveIntegerField(default=0)
    # The next waiting-list number, taken under the row lock: the order of the queue.
    next_queue_number = models.PositiveIntegerField(default=1)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When families could first see the event. A cancelled event stays public (families with a
    # link see that it was cancelled) only if it had been published: a cancelled draft never is.
    published_at = models.DateTimeField(null=True, blank=True)
    reminders_sent_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = pgettext_lazy("in the calendar", "event")
        verbose_name_plural = pgettext_lazy("in the calendar", "events")
        ordering = ["starts", "title"]
        indexes = [
            models.Index(fields=["status", "starts"], name="events_status_starts"),
            models.Index(fields=["location", "starts"], name="events_location_starts"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=F("starts")), name="events_event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(seats_taken__lte=F("capacity")),
                name="events_event_seats_within_capacity",
            ),
            models.CheckConstraint(
                condition=Q(min_age__isnull=True)
                | Q(max_age__isnull=True)
                | Q(max_age__gte=F("min_age")),
                name="events_event_age_range",
            ),
            models.CheckConstraint(
                condition=Q(parent__isnull=True) | Q(kind__in=["occurrence", "session"]),
                name="events_event_only_parts_have_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def task_numbers(self) -> list[int]:
        return [int(n) for n in self.tasks.split(",") if n.strip().isdigit()]

    @property
    def takes_signups(self) -> bool:
        return self.registration != RegistrationMode.DROP_IN

    @property
    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken, 0)

    def question_owner_id(self) -> uuid.UUID:
        """Occurrences ask their series' questions; everything else its own."""
        if self.kind == EventKind.OCCURRENCE and self.parent_id is not None:
            return self.parent_id
        return self.pk


class RecurrenceRule(models.Model):
    """The rule of a series: on these weekdays, from–until, at these Finnish wall-clock times,
    every `interval_weeks` weeks, except on the listed dates."""

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, primary_key=True, related_name="rule"
    )
    # ",0,2," — Monday is 0.
    weekdays = models.CharField(_("weekdays"), max_length=20)
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    first_date = models.DateField(_("first date"))
    last_date = models.DateField(_("last date"))
    interval_weeks = models.PositiveSmallIntegerField(
        _("every … weeks"), default=1, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    # ISO dates, one a line: days without an occurrence (a holiday, the summer break).
    exceptions = models.TextField(_("except on"), blank=True)

    class Meta:
        verbose_name = _("recurrence")
        verbose_name_plural = _("recurrences")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="events_rule_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(last_date__gte=F("first_date")), name="events_rule_dates_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.weekdays} {self.starts_at}–{self.ends_at}"

    @property
    def weekday_numbers(self) -> list[int]:
        return [int(n) for n in self.weekdays.split(",") if n.strip().isdigit()]


class Question(models.Model):  # type: ignore[django-manager-missing]
    """A question asked at sign-up, configured per event (a series' for all its occurrences)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.TEXT
    )
    choices = models.TextField(_("choices, one a line"), blank=True)
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["event", "position", "pk"]

    def __str__(self) -> str:
        return self.text

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class Signup(models.Model):
    """One family's sign-up: a contact person and the participants they bring.

    The contact details, the answers and the participants' names are encrypted at rest and erased
    by the retention job (`anonymised_at`). The manage link's token is kept as a hash to find the
    sign-up and encrypted to write the link again in a reminder or a promotion notice."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="signups")
    status = models.CharField(_("status"), max_length=12, choices=SignupStatus.choices)
    seats = models.PositiveSmallIntegerField(_("persons"), validators=[MinValueValidator(1)])
    # The order of the waiting list (and of applications): from the event's counter.
    queue_number = models.PositiveIntegerField(default=0)
    language = models.CharField(
        _("language"), max_length=2, choices=EventLanguage.choices, default=EventLanguage.FI
    )
    name = EncryptedTextField(_("contact person"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    # JSON object {question id: answer}, encrypted.
    answers = EncryptedTextField(_("answers"), blank=True)
    manage_token_hash = models.CharField(max_length=64, unique=True)
    manage_token = EncryptedTextField(blank=True)
    idempotency_key = models.CharField(max_length=64, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by_family = models.BooleanField(default=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["event", "queue_number"]
        indexes = [models.Index(fields=["event", "status", "queue_number"])]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="events_signup_idempotency_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} {self.status} {self.seats}"


class SessionReminder(models.Model):
    """That a member of a peer group (a sign-up to its series) was reminded of one of its
    sessions (an occurrence of the series): one row per sign-up and session, written in the
    reminder's transaction, so that each session is reminded once. A sign-up to anything else
    keeps its one reminder in `Signup.reminder_sent_at`."""

    signup = models.ForeignKey(Signup, on_delete=models.CASCADE, related_name="session_reminders")
    occurrence = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["signup", "occurrence"], name="events_session_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.signup_id} {self.occurrence_id}"


class Participant(models.Model):
    """A person of a sign-up: an adult (no age) or a child with their age in years."""

    signup = models.ForeignKey(Signup, on_delete=models.CASCADE, related_name="participants")
    # A name or, where the event allows it, a pseudonym; encrypted, erased by retention.
    name = EncryptedTextField(_("name"), blank=True)
    age = models.PositiveSmallIntegerField(
        _("age"), null=True, blank=True, validators=[MaxValueValidator(MAX_CHILD_AGE)]
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["signup", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.signup_id} #{self.position}"

    @property
    def is_child(self) -> bool:
        return self.age is not None


class Attendance(models.Model):
    """Whether a participant came to an event (for a peer group: to one session)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendance")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendance"
    )
    present = models.BooleanField(_("present"))
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["event", "participant"], name="events_attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.event_id} {self.participant_id} {self.present}"


class ForumTopic(models.Model):
    """A topic or question a resident sends to a family center forum beforehand (no account)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="topics")
    text = EncryptedTextField(_("topic or question"))
    language = models.CharField(
        _("language"), max_length=2, choices=EventLanguage.choices, default=EventLanguage.FI
    )
    created_at = models.DateTimeField(auto_now_add=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("forum topic")
        verbose_name_plural = _("forum topics")
        ordering = ["event", "created_at"]

    def __str__(self) -> str:
        return f"{self.event_id} {self.created_at:%Y-%m-%d}"


class MessageAudience(models.TextChoices):
    ATTENDING = "attending", _("Those attending")
    WAITLISTED = "waitlisted", _("Those on the waiting list")
    ALL = "all", _("Attending and waiting list")


class EventMessage(models.Model):
    """A message from the organiser to the contact persons of an event's sign-ups."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="messages")
    audience = models.CharField(_("to"), max_length=12, choices=MessageAudience.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = EncryptedTextField(_("message"))
    send_sms = models.BooleanField(_("also as a text message"), default=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    recipient_count = models.PositiveIntegerField(default=0)
    # Set by the delivery job in the transaction that writes the e-mails and text messages, under
    # the message's row lock: a retry finds it set and sends nothing again (a recipient with only
    # a phone number leaves no outbox row to recognise a delivery by).
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")
        ordering = ["event", "-created_at"]

    def __str__(self) -> str:
        return self.subject
