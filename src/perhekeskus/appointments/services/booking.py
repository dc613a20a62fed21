"""A family books, moves and cancels an appointment (no account: the manage link's token).

No double booking (ADR 0035): every write of a booking runs in a transaction that first locks
the professional's `ProfessionalCalendar` row (`select_for_update` on PostgreSQL; SQLite's
IMMEDIATE transactions hold the database's write lock from their start), then asks
`availability.slot_is_free` again with what is committed now, and only then writes. The partial
unique constraint on (professional, start) of live bookings is the second line: code that forgot
the lock still cannot store two live bookings at one start (IntegrityError → SlotTaken).

The family's notices are written in the same transaction (`appointments.notices`: the outbox row
and the text message's job go out only if the booking is stored).
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from perhekeskus.appointments import actions, slotids
from perhekeskus.appointments.availability import (
    bookable_window,
    helsinki_date,
    slot_is_free,
)
from perhekeskus.appointments.models import (
    AppointmentType,
    Booking,
    BookingLanguage,
    BookingStatus,
    Channel,
    ProfessionalCalendar,
    QuestionKind,
    WhoMayBook,
)
from perhekeskus.appointments.selectors import (
    booking_get_by_token,
    link_allows,
    token_hash,
)
from perhekeskus.appointments.services.people import (
    email_is_valid,
    normalise_phone,
    person_key,
    same_person,
)
from perhekeskus.audit.services import audit_record
from perhekeskus.catalog.models import Service
from perhekeskus.core.idempotency import is_strict, store_within_limit, stored_key
from perhekeskus.core.ratelimit import NO_LIMIT, Limiter
from perhekeskus.core.validators import has_control_characters

MAX_NAME = 200
MAX_ANSWER = 2000


class SlotTaken(Exception):
    """The slot was free when it was shown and is not now: someone else booked it first."""

    def __init__(self, message: str = "") -> None:
        self.message = message or _(
            "Someone else has just booked this time. Please choose another time."
        )
        super().__init__(self.message)


class IdempotencyConflict(Exception):
    """An API idempotency key already used for a booking with other content."""


@dataclass(frozen=True)
class BookingResult:
    """`created` is False for a repeat of a known idempotency key (the first booking)."""

    booking: Booking
    manage_token: str
    created: bool


def lock_calendars(professional_ids: Iterable[int]) -> None:
    """Take the calendar row lock of each professional, in id order so that two transactions
    locking the same two calendars never wait for each other. The row is made first if the
    professional has none (in a savepoint: a concurrent maker's row is then simply read)."""
    for professional_id in sorted(set(professional_ids)):
        ProfessionalCalendar.objects.get_or_create(professional_id=professional_id)
        ProfessionalCalendar.objects.select_for_update().get(professional_id=professional_id)


def _overlaps_a_booking(
    appointment_type: AppointmentType,
    professional_id: int,
    starts: dt.datetime,
    exclude_booking_id: uuid.UUID | None = None,
) -> bool:
    """Whether the slot is taken by a booking (rather than closed by the hours or the window)."""
    ends = starts + dt.timedelta(minutes=appointment_type.duration_minutes)
    blocked_from = starts - dt.timedelta(minutes=appointment_type.buffer_before_minutes)
    blocked_until = ends + dt.timedelta(minutes=appointment_type.buffer_after_minutes)
    bookings = Booking.objects.filter(
        professional_id=professional_id,
        blocked_from__lt=blocked_until,
        blocked_until__gt=blocked_from,
    ).exclude(status=BookingStatus.CANCELLED)
    if exclude_booking_id is not None:
        bookings = bookings.exclude(pk=exclude_booking_id)
    return bookings.exists()


def _not_available() -> ValidationError:
    return ValidationError(
        {"slot": _("This time can no longer be booked. Please choose another time.")}
    )


def _slot_window_problem(
    appointment_type: AppointmentType, starts: dt.datetime, now: dt.datetime
) -> str | None:
    window = bookable_window(appointment_type, now)
    if starts < now:
        return _("This time has already passed. Please choose another time.")
    if starts < window.earliest:
        return _("This time is too soon to book. Please choose a later time.")
    if helsinki_date(starts) > window.last_day:
        return _("This time is too far ahead to book yet. Please choose an earlier time.")
    return None


def _bookable_type(type_id: uuid.UUID) -> AppointmentType | None:
    return (
        AppointmentType.objects.select_related("service")
        .filter(pk=type_id, is_active=True, service__in=Service.objects.public())
        .first()
    )


# --- Booking ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Checked:
    appointment_type: AppointmentType
    ref: slotids.SlotRef
    channel: str
    location_id: uuid.UUID | None
    name: str
    email: str
    phone: str
    language: str
    answers: dict[str, str]
    person_key: str


def _check_answers(
    appointment_type: AppointmentType, answers: dict[str, str], errors: dict[str, list[str]]
) -> dict[str, str]:
    given = {
        str(key).removeprefix("q_"): str(value or "").strip() for key, value in answers.items()
    }
    kept: dict[str, str] = {}
    for question in appointment_type.questions.all():
        field = f"q_{question.pk}"
        value = given.get(str(question.pk), "")
        if not value:
            if question.required:
                errors.setdefault(field, []).append(_("Please answer this question."))
            continue
        if question.kind == QuestionKind.CHOICE and value not in question.choice_list():
            errors.setdefault(field, []).append(_("Please choose one of the options."))
        elif len(value) > MAX_ANSWER:
            errors.setdefault(field, []).append(
                _("Please write at most %(count)d characters.") % {"count": MAX_ANSWER}
            )
        kept[str(question.pk)] = value
    return kept


def _check_location(
    appointment_type: AppointmentType,
    channel: str,
    location_id: uuid.UUID | None,
    errors: dict[str, list[str]],
) -> uuid.UUID | None:
    if channel != Channel.VISIT:
        return None
    if location_id is not None and not isinstance(location_id, uuid.UUID):
        try:
            location_id = uuid.UUID(str(location_id))
        except ValueError:
            errors.setdefault("location", []).append(_("Please choose one of the places."))
            return None
    offered = list(appointment_type.locations.values_list("pk", flat=True))
    if location_id is None and len(offered) == 1:
        return offered[0]
    if not offered:
        errors.setdefault("channel", []).append(
            _("This appointment cannot be booked at a place right now. Please choose another way.")
        )
    elif location_id not in offered:
        errors.setdefault("location", []).append(_("Please choose one of the places."))
    return location_id


def _check_contacts(
    name: str, email: str, phone: str, errors: dict[str, list[str]]
) -> tuple[str, str, str]:
    name = name.strip()
    if not name:
        errors.setdefault("name", []).append(_("Please give your name."))
    elif len(name) > MAX_NAME or has_control_characters(name):
        errors.setdefault("name", []).append(_("Please give your name on one line."))
    email = email.strip()
    if email and not email_is_valid(email):
        errors.setdefault("email", []).append(_("Enter a valid email address."))
    try:
        phone = normalise_phone(phone)
    except ValueError:
        errors.setdefault("phone", []).append(_("Enter a phone number, e.g. 040 123 4567."))
    if not email.strip() and not phone.strip():
        errors.setdefault("email", []).append(
            _("Give an e-mail address or a phone number, so that we can reach you.")
        )
    return name, email, phone


def _check(
    *,
    slot_id: str,
    channel: str,
    name: str,
    email: str,
    phone: str,
    language: str,
    answers: dict[str, str],
    location_id: uuid.UUID | None,
    link_token: str,
    now: dt.datetime,
) -> _Checked:
    """Everything that does not need the lock, with field-level messages in the active
    language; raises ValidationError with every problem found."""
    ref = slotids.decode(slot_id)
    if ref is None:
        raise ValidationError({"slot": _("Please choose a time.")})
    appointment_type = _bookable_type(ref.appointment_type_id)
    if appointment_type is None:
        raise ValidationError({"slot": _("This appointment can no longer be booked.")})
    if appointment_type.who_may_book == WhoMayBook.LINK and not link_allows(
        appointment_type, link_token
    ):
        raise ValidationError(
            {"slot": _("This appointment can be booked only with the link you were sent.")}
        )
    errors: dict[str, list[str]] = {}
    problem = _slot_window_problem(appointment_type, ref.starts, now)
    if problem:
        errors["slot"] = [problem]
    if channel not in appointment_type.channels:
        errors["channel"] = [_("Please choose one of the ways this appointment is offered.")]
    location = _check_location(appointment_type, channel, location_id, errors)
    name, email, phone = _check_contacts(name, email, phone, errors)
    if language not in BookingLanguage.values:
        errors["language"] = [_("Please choose Finnish, Swedish or English.")]
    kept = _check_answers(appointment_type, answers, errors)
    if errors:
        raise ValidationError(errors)
    return _Checked(
        appointment_type=appointment_type,
        ref=ref,
        channel=channel,
        location_id=location,
        name=name,
        email=email,
        phone=phone,
        language=language,
        answers=kept,
        person_key=person_key(email=email, phone=phone),
    )


def _check_person_limit(checked: _Checked, *, locked: bool = False) -> None:
    """At most `limit_per_person` live bookings of the type by the same person (same e-mail
    address or phone number) whose starts are within `limit_period_days` of this one. With
    `locked`, inside the booking's transaction: the calendar lock serialises one professional's
    bookings only, so the type's row, locked after it (always in this order), serialises the
    same person booking two professionals at once."""
    _person_limit(checked.appointment_type, checked.person_key, checked.ref.starts, locked=locked)


def _person_limit(
    appointment_type: AppointmentType,
    key: str,
    starts: dt.datetime,
    *,
    locked: bool = False,
    exclude_booking_id: uuid.UUID | None = None,
) -> None:
    """The per-person limit for a booking of `key` starting at `starts` (leaving out the booking
    being moved); ValidationError when it would be passed."""
    limit = appointment_type.limit_per_person
    if not limit or not key:
        return
    if locked:
        AppointmentType.objects.select_for_update().filter(pk=appointment_type.pk).first()
    period = dt.timedelta(days=appointment_type.limit_period_days)
    others = Booking.objects.filter(
        same_person(key),
        appointment_type=appointment_type,
        status=BookingStatus.BOOKED,
        starts__gt=starts - period,
        starts__lt=starts + period,
    )
    if exclude_booking_id is not None:
        others = others.exclude(pk=exclude_booking_id)
    if others.count() >= limit:
        message = ngettext(
            "You can have at most %(count)d booking of this kind within %(days)d days.",
            "You can have at most %(count)d bookings of this kind within %(days)d days.",
            limit,
        ) % {"count": limit, "days": appointment_type.limit_period_days}
        raise ValidationError({"__all__": [message]})


def _replay(existing: Booking, scope: str, checked_key: str | None, type_id: Any) -> BookingResult:
    """The booking a known key made. In a strict scope, other content is a conflict: a retry
    carries the same e-mail or phone the booking was made with, so a body without a person to
    compare (a number that is not one) is never answered with the family's manage link."""
    if is_strict(scope) and existing.anonymised_at is None:
        same = (
            existing.appointment_type_id == type_id
            and checked_key is not None
            and existing.person_key == checked_key
        )
        if not same:
            raise IdempotencyConflict
    return BookingResult(existing, existing.manage_token, False)


def _request_fingerprint(slot_id: str, email: str, phone: str) -> tuple[str | None, Any]:
    ref = slotids.decode(slot_id)
    try:
        key = person_key(email=email, phone=normalise_phone(phone))
    except ValueError:
        key = None
    return key, ref.appointment_type_id if ref else None


def booking_create(
    *,
    slot_id: str,
    channel: str,
    name: str,
    email: str,
    phone: str,
    language: str,
    answers: dict[str, str],
    location_id: uuid.UUID | None = None,
    idempotency_key: str = "",
    idempotency_scope: str = "form",
    link_token: str = "",
    any_professional: bool = False,
    limiter: Limiter | None = None,
    now: dt.datetime | None = None,
) -> BookingResult:
    """Book the slot `slot_id` for a family.

    Bad input raises ValidationError with messages per field (`slot`, `channel`, `location`,
    `name`, `email`, `phone`, `language`, `q_<question id>`, `__all__`) in the active language.
    A slot someone else booked first raises SlotTaken; with `any_professional` another of the
    type's professionals who is free at the same start gets the booking instead. A repeat of
    `idempotency_key` returns the first booking (`created` False), before any rate limit; only a
    booking stored uses a slot of `limiter` (RateLimited when none is left)."""
    key = stored_key(idempotency_scope, idempotency_key)
    now = now or timezone.now()
    if key:
        existing = Booking.objects.filter(idempotency_key=key).first()
        if existing is not None:
            return _replay(
                existing, idempotency_scope, *_request_fingerprint(slot_id, email, phone)
            )
    checked = _check(
        slot_id=slot_id,
        channel=channel,
        name=name,
        email=email,
        phone=phone,
        language=language,
        answers=answers,
        location_id=location_id,
        link_token=link_token,
        now=now,
    )
    _check_person_limit(checked)
    return store_within_limit(
        limiter or NO_LIMIT,
        lambda: _store(checked, key, idempotency_scope, any_professional, now),
    )


def _candidates(checked: _Checked, any_professional: bool) -> list[int]:
    """The slot's professional, and with `any_professional` the type's other professionals:
    only people who receive the type (no calendar row is made for anyone else)."""
    receiving = set(
        checked.appointment_type.professionals.filter(is_active=True).values_list("pk", flat=True)
    )
    first = checked.ref.professional_id
    candidates = [first] if first in receiving else []
    if any_professional:
        candidates += sorted(receiving - {first})
    return candidates


def _store(
    checked: _Checked, key: str, scope: str, any_professional: bool, now: dt.datetime
) -> BookingResult:
    taken = False
    for professional_id in _candidates(checked, any_professional):
        # One transaction per professional tried: a second calendar is never locked while the
        # first is held, so two families trying each other's professionals cannot deadlock.
        try:
            with transaction.atomic():
                lock_calendars([professional_id])
                if key:
                    # The same key, made while we waited for the lock.
                    existing = Booking.objects.filter(idempotency_key=key).first()
                    if existing is not None:
                        return _replay(
                            existing, scope, checked.person_key, checked.appointment_type.pk
                        )
                if not slot_is_free(
                    appointment_type=checked.appointment_type,
                    professional_id=professional_id,
                    starts=checked.ref.starts,
                    now=now,
                ):
                    taken = taken or _overlaps_a_booking(
                        checked.appointment_type, professional_id, checked.ref.starts
                    )
                    continue
                _check_person_limit(checked, locked=True)
                return _write(checked, professional_id, key, scope)
        except IntegrityError:
            # The partial unique constraint (a live booking at this start: a writer that did not
            # take the lock) or the same idempotency key stored by another professional's
            # transaction at the same moment.
            if key:
                existing = Booking.objects.filter(idempotency_key=key).first()
                if existing is not None:
                    return _replay(existing, scope, checked.person_key, checked.appointment_type.pk)
            taken = True
    if taken:
        raise SlotTaken
    raise _not_available()


def _write(checked: _Checked, professional_id: int, key: str, scope: str) -> BookingResult:
    appointment_type = checked.appointment_type
    starts = checked.ref.starts
    ends = starts + dt.timedelta(minutes=appointment_type.duration_minutes)
    manage_token = secrets.token_urlsafe(24)
    booking = Booking(
        appointment_type=appointment_type,
        professional_id=professional_id,
        starts=starts,
        ends=ends,
        blocked_from=starts - dt.timedelta(minutes=appointment_type.buffer_before_minutes),
        blocked_until=ends + dt.timedelta(minutes=appointment_type.buffer_after_minutes),
        channel=checked.channel,
        location_id=checked.location_id,
        language=checked.language,
        name=checked.name,
        email=checked.email,
        phone=checked.phone,
        answers=json.dumps(checked.answers, ensure_ascii=False, sort_keys=True),
        person_key=checked.person_key,
        manage_token_hash=token_hash(manage_token),
        manage_token=manage_token,
        video_room=secrets.token_urlsafe(18) if checked.channel == Channel.VIDEO else "",
        idempotency_key=key,
    )
    booking.save(force_insert=True)
    audit_record(
        action=actions.BOOKING_CREATE,
        target=booking,
        details={
            "type": str(appointment_type.pk),
            "professional": professional_id,
            "starts": starts.isoformat(),
            "channel": checked.channel,
            "via": scope,
        },
    )
    from perhekeskus.appointments import notices

    notices.booking_confirmed(booking, manage_token)
    return BookingResult(booking, manage_token, True)


# --- The family changes or cancels --------------------------------------------------------------


def _family_may_change(booking: Booking, now: dt.datetime) -> None:
    """A live booking whose cancellation deadline has not passed."""
    if booking.status != BookingStatus.BOOKED:
        raise ValidationError(
            {"__all__": [_("This appointment is no longer booked, so it cannot be changed.")]}
        )
    hours = booking.appointment_type.cancellation_deadline_hours
    if now > booking.starts - dt.timedelta(hours=hours):
        message = ngettext(
            "Appointments can be changed or cancelled here until %(hours)d hour before they "
            "begin. To change this appointment now, please contact the service.",
            "Appointments can be changed or cancelled here until %(hours)d hours before they "
            "begin. To change this appointment now, please contact the service.",
            hours,
        ) % {"hours": hours}
        raise ValidationError({"__all__": [message]})


def _locked_booking(booking_id: uuid.UUID) -> Booking:
    return (
        Booking.objects.select_for_update(of=("self",))
        .select_related("appointment_type__service", "professional", "location")
        .get(pk=booking_id)
    )


def booking_reschedule_by_family(
    *, manage_token: str, slot_id: str, now: dt.datetime | None = None
) -> Booking:
    """Move the booking of a manage link to another free slot of the same type (with any of its
    professionals), until the type's cancellation deadline. NotFound for an unknown token;
    ValidationError for a deadline passed or a slot that cannot be booked; SlotTaken when
    someone else booked the slot first."""
    now = now or timezone.now()
    found = booking_get_by_token(manage_token=manage_token)
    ref = slotids.decode(slot_id)
    if ref is None or ref.appointment_type_id != found.appointment_type_id:
        raise ValidationError({"slot": _("Please choose a time.")})
    if not found.appointment_type.professionals.filter(
        pk=ref.professional_id, is_active=True
    ).exists():
        raise _not_available()
    with transaction.atomic():
        lock_calendars([found.professional_id, ref.professional_id])
        booking = _locked_booking(found.pk)
        if booking.professional_id != found.professional_id:
            # Moved by someone else while we took the locks: the next try locks the right rows.
            raise SlotTaken(_("This appointment was changed just now. Please try again."))
        _family_may_change(booking, now)
        appointment_type = booking.appointment_type
        if ref.starts == booking.starts and ref.professional_id == booking.professional_id:
            raise ValidationError({"slot": _("This is already the time of your appointment.")})
        problem = _slot_window_problem(appointment_type, ref.starts, now)
        if problem:
            raise ValidationError({"slot": [problem]})
        if not slot_is_free(
            appointment_type=appointment_type,
            professional_id=ref.professional_id,
            starts=ref.starts,
            now=now,
            exclude_booking_id=booking.pk,
        ):
            if _overlaps_a_booking(appointment_type, ref.professional_id, ref.starts, booking.pk):
                raise SlotTaken
            raise _not_available()
        # The per-person limit holds for the new time too: moving a later booking next to an
        # earlier one must not give two where the type allows one.
        _person_limit(
            appointment_type,
            booking.person_key,
            ref.starts,
            locked=True,
            exclude_booking_id=booking.pk,
        )
        old_starts, old_professional = booking.starts, booking.professional_id
        booking.professional_id = ref.professional_id
        booking.starts = ref.starts
        booking.ends = ref.starts + dt.timedelta(minutes=appointment_type.duration_minutes)
        booking.blocked_from = booking.starts - dt.timedelta(
            minutes=appointment_type.buffer_before_minutes
        )
        booking.blocked_until = booking.ends + dt.timedelta(
            minutes=appointment_type.buffer_after_minutes
        )
        booking.reminder_sent_at = None
        if booking.channel == Channel.VIDEO and booking.professional_id != old_professional:
            # The first professional may hold a moderator token for the old room (valid until
            # after the old end): the new one receives the family in a room of their own. The
            # family's link is our waiting page, which shows the new room.
            booking.video_room = secrets.token_urlsafe(18)
        try:
            with transaction.atomic():
                booking.save()
        except IntegrityError:
            raise SlotTaken from None
        audit_record(
            action=actions.BOOKING_RESCHEDULE,
            target=booking,
            details={
                "from": old_starts.isoformat(),
                "to": booking.starts.isoformat(),
                "professional_from": old_professional,
                "professional_to": booking.professional_id,
                "by_family": True,
            },
        )
        from perhekeskus.appointments import notices

        notices.booking_rescheduled(booking, manage_token)
    return booking


def booking_cancel_by_family(*, manage_token: str, now: dt.datetime | None = None) -> Booking:
    """Cancel the booking of a manage link, until the type's cancellation deadline."""
    now = now or timezone.now()
    found = booking_get_by_token(manage_token=manage_token)
    with transaction.atomic():
        lock_calendars([found.professional_id])
        booking = _locked_booking(found.pk)
        _family_may_change(booking, now)
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.cancelled_by_family = True
        booking.save(update_fields=["status", "cancelled_at", "cancelled_by_family", "updated_at"])
        audit_record(
            action=actions.BOOKING_CANCEL,
            target=booking,
            details={"from": BookingStatus.BOOKED, "to": booking.status, "by_family": True},
        )
        from perhekeskus.appointments import notices

        notices.booking_cancelled(booking, by_family=True)
    return booking
