"""Appointment types, the professionals' hours and the bookings families make.

Times are stored in UTC and shown in Finnish time (Europe/Helsinki); weekly hours are wall-clock
times in Finnish time, so that "Mondays 9–12" stays 9–12 across the daylight-saving changes.
No double booking is kept by the database, not only by Python: `ProfessionalCalendar` is the row
every booking service locks before it looks for overlaps (a row lock on PostgreSQL, the write
lock of an IMMEDIATE transaction on SQLite), and a partial unique constraint refuses a second
live booking at the same start for the same professional even from code that forgot the lock.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.crypto import EncryptedTextField


class Channel(models.TextChoices):
    VISIT = "visit", _("At the place")
    PHONE = "phone", _("By phone")
    VIDEO = "video", _("By video")


class WhoMayBook(models.TextChoices):
    ANYONE = "anyone", _("Anyone")
    LINK = "link", _("Only with a link a professional sends")


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Free text")
    CHOICE = "choice", _("One of choices")


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")
    DONE = "done", _("Done")
    NO_SHOW = "no_show", _("Did not come")


class ExceptionKind(models.TextChoices):
    ABSENCE = "absence", _("Absence or blocked time")
    EXTRA = "extra", _("Extra hours")


class BookingLanguage(models.TextChoices):
    FI = "fi", "suomi"
    SV = "sv", "svenska"
    EN = "en", "English"


class AppointmentType(models.Model):  # type: ignore[django-manager-missing]
    """What a family can book from a service: "Lastenvalvojan etätapaaminen, 45 min, video"."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        "catalog.Service",
        on_delete=models.PROTECT,
        related_name="appointment_types",
        verbose_name=_("service"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(480)]
    )
    offers_visit = models.BooleanField(_("at a place"), default=False)
    offers_phone = models.BooleanField(_("by phone"), default=False)
    offers_video = models.BooleanField(_("by video"), default=False)
    # Where a visit happens: places of the catalogue.
    locations = models.ManyToManyField(
        "catalog.Location", blank=True, related_name="appointment_types", verbose_name=_("places")
    )
    professionals = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="appointment_types",
        verbose_name=_("professionals"),
    )
    who_may_book = models.CharField(
        _("who may book"), max_length=10, choices=WhoMayBook.choices, default=WhoMayBook.ANYONE
    )
    # For `WhoMayBook.LINK`: the unguessable part of the link a professional sends.
    link_token = models.CharField(max_length=64, blank=True, db_index=True)
    min_notice_minutes = models.PositiveIntegerField(_("minimum notice (minutes)"), default=120)
    max_days_ahead = models.PositiveSmallIntegerField(
        _("bookable how many days ahead"),
        default=56,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
    )
    buffer_before_minutes = models.PositiveSmallIntegerField(
        _("buffer before (minutes)"), default=0
    )
    buffer_after_minutes = models.PositiveSmallIntegerField(_("buffer after (minutes)"), default=0)
    # At most this many live bookings of this type per person (same e-mail or phone) in the period;
    # empty is no limit.
    limit_per_person = models.PositiveSmallIntegerField(
        _("bookings per person at most"), null=True, blank=True
    )
    limit_period_days = models.PositiveSmallIntegerField(
        _("in a period of (days)"), default=30, validators=[MinValueValidator(1)]
    )
    cancellation_deadline_hours = models.PositiveSmallIntegerField(
        _("family may change or cancel until (hours before)"), default=24
    )
    is_active = models.BooleanField(_("bookable"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("appointment type")
        verbose_name_plural = _("appointment types")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(offers_visit=True) | Q(offers_phone=True) | Q(offers_video=True),
                name="appointments_type_offers_a_channel",
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5), name="appointments_type_duration_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def channels(self) -> list[str]:
        """The channels offered, in a fixed order."""
        offered = (
            (Channel.VISIT, self.offers_visit),
            (Channel.PHONE, self.offers_phone),
            (Channel.VIDEO, self.offers_video),
        )
        return [str(channel) for channel, on in offered if on]


class PreQuestion(models.Model):  # type: ignore[django-manager-missing]
    """A question the family answers when booking ("What would you like to talk about?")."""

    appointment_type = models.ForeignKey(
        AppointmentType, on_delete=models.CASCADE, related_name="questions"
    )
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(
        _("kind of answer"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.TEXT
    )
    # For a choice question: one choice a line (translated like the question).
    choices = models.TextField(_("choices, one a line"), blank=True)
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("pre-question")
        verbose_name_plural = _("pre-questions")
        ordering = ["appointment_type", "position", "id"]

    def __str__(self) -> str:
        return self.text

    def choice_list(self) -> list[str]:
        return [line.strip() for line in (self.choices or "").splitlines() if line.strip()]


class ProfessionalCalendar(models.Model):
    """One row per professional who receives appointments: the row every booking service locks
    (`select_for_update`) before it checks for overlaps, and the professional's calendar
    settings."""

    professional = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="appointment_calendar",
    )
    works_on_public_holidays = models.BooleanField(_("works on public holidays"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar")
        verbose_name_plural = _("calendars")

    def __str__(self) -> str:
        return str(self.professional)


class WeeklyHours(models.Model):
    """Recurring hours in Finnish wall-clock time: weekday 0 is Monday."""

    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="weekly_hours"
    )
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), validators=[MinValueValidator(0), MaxValueValidator(6)]
    )
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("until"))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("weekly hours")
        verbose_name_plural = _("weekly hours")
        ordering = ["professional", "weekday", "starts"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=models.F("starts")), name="appointments_hours_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="appointments_hours_weekday"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.weekday} {self.starts}–{self.ends}"


class AvailabilityException(models.Model):
    """An absence or blocked time (no bookings) or extra hours (bookable), in UTC."""

    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="availability_exceptions"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ExceptionKind.choices)
    starts = models.DateTimeField(_("from"))
    ends = models.DateTimeField(_("until"))
    # A word for the professional's own calendar ("training"); never shown to families.
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("absence or extra hours")
        verbose_name_plural = _("absences and extra hours")
        ordering = ["professional", "starts"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=models.F("starts")),
                name="appointments_exception_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.starts:%Y-%m-%d %H:%M}"


class Booking(models.Model):
    """A family's appointment with a named professional.

    What identifies the family (name, e-mail, phone, answers, a cancellation reason) is encrypted
    at rest and erased by the retention job (`anonymised_at`). `blocked_from`/`blocked_until`
    are the start and end with the type's buffers, stored so that overlaps are one query.
    The manage link's token is kept twice: its hash to find the booking, and encrypted to write
    the link again in the reminder."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    appointment_type = models.ForeignKey(
        AppointmentType, on_delete=models.PROTECT, related_name="bookings"
    )
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointment_bookings"
    )
    starts = models.DateTimeField(_("starts"), db_index=True)
    ends = models.DateTimeField(_("ends"))
    blocked_from = models.DateTimeField()
    blocked_until = models.DateTimeField()
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    location = models.ForeignKey(
        "catalog.Location",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("place"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=BookingStatus.choices, default=BookingStatus.BOOKED
    )
    language = models.CharField(
        _("language"), max_length=2, choices=BookingLanguage.choices, default=BookingLanguage.FI
    )
    name = EncryptedTextField(_("name"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    # JSON object {question id: answer}, encrypted.
    answers = EncryptedTextField(_("answers"), blank=True)
    # A keyed hash of the normalised e-mail and phone, for the per-person limit; erased with them.
    person_key = models.CharField(max_length=64, blank=True, db_index=True)
    manage_token_hash = models.CharField(max_length=64, unique=True)
    manage_token = EncryptedTextField(blank=True)
    # The unguessable room name on the video server; empty unless the channel is video.
    video_room = models.CharField(max_length=64, blank=True)
    # Hash of the client's Idempotency-Key or the form's token with its scope: a repeat books once.
    idempotency_key = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cancelled_by_family = models.BooleanField(default=False)
    cancel_reason = EncryptedTextField(_("reason for cancelling"), blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts"]
        indexes = [
            models.Index(fields=["professional", "blocked_from"], name="appointments_booking_busy"),
            models.Index(fields=["status", "starts"], name="appointments_booking_due"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["professional", "starts"],
                condition=Q(status="booked"),
                name="appointments_booking_one_live_per_start",
            ),
            models.UniqueConstraint(
                fields=["idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="appointments_booking_idempotency_key",
            ),
            models.CheckConstraint(
                condition=Q(ends__gt=models.F("starts")),
                name="appointments_booking_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(blocked_from__lte=models.F("starts"))
                & Q(blocked_until__gte=models.F("ends")),
                name="appointments_booking_buffers_around",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.appointment_type_id} {self.starts:%Y-%m-%d %H:%M}"


class CalendarFeed(models.Model):
    """A professional's private calendar feed address (iCalendar). Only the token's hash is
    stored; revoking it makes the old address answer 404 at once."""

    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"feed {self.pk}"
