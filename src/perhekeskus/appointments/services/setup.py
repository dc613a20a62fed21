"""Setting up appointments: types of a service, a professional's weekly hours, absences and
extra hours, the public-holiday setting and the private calendar feed.

Each service checks its policy against what is stored, locks what it changes (a calendar's
changes take the professional's calendar row, the same lock the booking services take, so hours
never change halfway through a booking's check), writes and audits in one transaction. Hours and
exceptions never touch existing bookings: a professional cancels those themselves, with a reason
the family receives.
"""

from __future__ import annotations

import datetime as dt
import itertools
import secrets
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.appointments import actions
from perhekeskus.appointments.models import (
    AppointmentType,
    AvailabilityException,
    CalendarFeed,
    ExceptionKind,
    ProfessionalCalendar,
    WeeklyHours,
)
from perhekeskus.appointments.policies import can_manage_appointment_types, can_manage_calendar
from perhekeskus.appointments.selectors import token_hash
from perhekeskus.appointments.services.booking import lock_calendars
from perhekeskus.audit.services import audit_record
from perhekeskus.catalog.models import Service
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.core.policies import require
from perhekeskus.core.validators import has_control_characters

# What a type's audit entry lists when changed (its settings; never a link token).
_TYPE_FIELDS = (
    "name",
    "duration_minutes",
    "offers_visit",
    "offers_phone",
    "offers_video",
    "who_may_book",
    "min_notice_minutes",
    "max_days_ahead",
    "buffer_before_minutes",
    "buffer_after_minutes",
    "limit_per_person",
    "limit_period_days",
    "cancellation_deadline_hours",
    "is_active",
)


def _type_state(appointment_type: AppointmentType) -> dict[str, Any]:
    state = {name: getattr(appointment_type, name) for name in _TYPE_FIELDS}
    if appointment_type.pk and not appointment_type._state.adding:
        state["professionals"] = sorted(appointment_type.professionals.values_list("pk", flat=True))
        state["locations"] = sorted(
            str(pk) for pk in appointment_type.locations.values_list("pk", flat=True)
        )
    return state


def _service(service_id: Any) -> Service:
    try:
        return Service.objects.get(pk=service_id)
    except (Service.DoesNotExist, ValueError, ValidationError):
        raise NotFound from None


def appointment_type_create(
    *, actor: User, service_id: Any, apply_changes: Callable[[AppointmentType], None]
) -> AppointmentType:
    """A new type of the service: `apply_changes` sets its fields (and may save it to set its
    places, professionals and questions)."""
    service = _service(service_id)
    require(can_manage_appointment_types(actor, service))
    with transaction.atomic():
        appointment_type = AppointmentType(service=service)
        apply_changes(appointment_type)
        require(appointment_type.service_id == service.pk)
        appointment_type.full_clean()
        appointment_type.save()
        audit_record(
            action=actions.TYPE_CREATE,
            actor=actor,
            target=appointment_type,
            details={"service": str(service.pk), "to": _jsonable(_type_state(appointment_type))},
        )
    return appointment_type


def appointment_type_update(
    *, actor: User, type_id: Any, apply_changes: Callable[[AppointmentType], None]
) -> AppointmentType:
    """Change a type: its row is locked and the policy checked against its stored service."""
    with transaction.atomic():
        try:
            appointment_type = (
                AppointmentType.objects.select_for_update(of=("self",))
                .select_related("service")
                .get(pk=type_id)
            )
        except (AppointmentType.DoesNotExist, ValueError, ValidationError):
            raise NotFound from None
        require(can_manage_appointment_types(actor, appointment_type.service))
        service_id = appointment_type.service_id
        before = _type_state(appointment_type)
        apply_changes(appointment_type)
        # A type does not move to another service.
        require(appointment_type.service_id == service_id)
        appointment_type.full_clean()
        appointment_type.save()
        after = _type_state(appointment_type)
        changed = {k: (before.get(k), v) for k, v in after.items() if before.get(k) != v}
        audit_record(
            action=actions.TYPE_UPDATE,
            actor=actor,
            target=appointment_type,
            details={
                "from": _jsonable({k: old for k, (old, _new) in changed.items()}),
                "to": _jsonable({k: new for k, (_old, new) in changed.items()}),
            },
        )
    return appointment_type


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v if isinstance(v, (bool, int, str, list, type(None))) else str(v)
        for k, v in values.items()
    }


def _managed_professional(actor: User, professional_id: Any) -> User:
    try:
        professional = User.objects.get(pk=professional_id)
    except (User.DoesNotExist, ValueError, TypeError):
        raise NotFound from None
    require(can_manage_calendar(actor, professional))
    return professional


def _hours_label(hours: list[tuple[int, dt.time, dt.time]]) -> list[list[Any]]:
    return [[w, s.strftime("%H:%M"), e.strftime("%H:%M")] for w, s, e in sorted(hours)]


def weekly_hours_replace(
    *, actor: User, professional_id: int, hours: list[tuple[int, dt.time, dt.time]]
) -> None:
    """Replace the professional's weekly hours with `hours` ((weekday 0 = Monday, from, until)
    in Finnish time). Hours of one day may not overlap."""
    professional = _managed_professional(actor, professional_id)
    rows = sorted(hours)
    for weekday, starts, ends in rows:
        if not 0 <= weekday <= 6:
            raise ValidationError({"__all__": [_("Choose a weekday.")]})
        if ends <= starts:
            raise ValidationError(
                {
                    "__all__": [
                        _("The hours must end after they begin (%(from)s–%(until)s).")
                        % {"from": starts.strftime("%H.%M"), "until": ends.strftime("%H.%M")}
                    ]
                }
            )
    for (day_a, _start_a, end_a), (day_b, start_b, _end_b) in itertools.pairwise(rows):
        if day_a == day_b and start_b < end_a:
            raise ValidationError(
                {"__all__": [_("The hours of one day overlap. Join them into one.")]}
            )
    with transaction.atomic():
        lock_calendars([professional.pk])
        before = list(
            WeeklyHours.objects.filter(professional=professional).values_list(
                "weekday", "starts", "ends"
            )
        )
        WeeklyHours.objects.filter(professional=professional).delete()
        WeeklyHours.objects.bulk_create(
            WeeklyHours(professional=professional, weekday=w, starts=s, ends=e) for w, s, e in rows
        )
        audit_record(
            action=actions.AVAILABILITY_UPDATE,
            actor=actor,
            target=professional,
            details={"from": _hours_label(before), "to": _hours_label(rows)},
        )


def calendar_settings_update(
    *, actor: User, professional_id: int, works_on_public_holidays: bool
) -> None:
    """Whether the professional receives on public holidays (closed by default)."""
    professional = _managed_professional(actor, professional_id)
    with transaction.atomic():
        lock_calendars([professional.pk])
        calendar = ProfessionalCalendar.objects.get(professional=professional)
        old = calendar.works_on_public_holidays
        if old == works_on_public_holidays:
            return
        calendar.works_on_public_holidays = works_on_public_holidays
        calendar.save(update_fields=["works_on_public_holidays", "updated_at"])
        audit_record(
            action=actions.AVAILABILITY_UPDATE,
            actor=actor,
            target=professional,
            details={"works_on_public_holidays": {"from": old, "to": works_on_public_holidays}},
        )


def exception_create(
    *,
    actor: User,
    professional_id: int,
    kind: str,
    starts: dt.datetime,
    ends: dt.datetime,
    note: str = "",
) -> AvailabilityException:
    """An absence (no bookings then) or extra hours (bookable then)."""
    professional = _managed_professional(actor, professional_id)
    note = (note or "").strip()
    errors: dict[str, list[str]] = {}
    if kind not in ExceptionKind.values:
        errors["kind"] = [_("Choose an absence or extra hours.")]
    if starts.tzinfo is None or ends.tzinfo is None:
        raise ValueError("Exception times must be aware")
    if ends <= starts:
        errors["ends"] = [_("The end must be after the start.")]
    elif ends - starts > dt.timedelta(days=366):
        errors["ends"] = [_("Add at most a year at a time.")]
    if len(note) > 200 or has_control_characters(note):
        errors["note"] = [_("Write the note on one line, in at most 200 characters.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        lock_calendars([professional.pk])
        exception = AvailabilityException.objects.create(
            professional=professional,
            kind=kind,
            starts=starts,
            ends=ends,
            note=note,
            created_by=actor,
        )
        audit_record(
            action=actions.EXCEPTION_CREATE,
            actor=actor,
            target=exception,
            details={
                "professional": professional.pk,
                "kind": kind,
                "starts": starts.isoformat(),
                "ends": ends.isoformat(),
            },
        )
    return exception


def exception_delete(*, actor: User, exception_id: int) -> None:
    """Remove an absence or extra hours; NotFound for one of a calendar the actor does not
    manage, as for a missing one."""
    try:
        found = AvailabilityException.objects.select_related("professional").get(pk=exception_id)
    except (AvailabilityException.DoesNotExist, ValueError, TypeError):
        raise NotFound from None
    if not can_manage_calendar(actor, found.professional):
        raise AccessDenied(target_type="appointments.availabilityexception", target_id=found.pk)
    with transaction.atomic():
        lock_calendars([found.professional_id])
        exception = (
            AvailabilityException.objects.select_for_update()
            .select_related("professional")
            .filter(pk=found.pk)
            .first()
        )
        if exception is None:
            return
        require(can_manage_calendar(actor, exception.professional))
        details = {
            "professional": exception.professional_id,
            "kind": exception.kind,
            "starts": exception.starts.isoformat(),
            "ends": exception.ends.isoformat(),
        }
        exception.delete()
        audit_record(
            action=actions.EXCEPTION_DELETE,
            actor=actor,
            target_type="appointments.availabilityexception",
            target_id=found.pk,
            details=details,
        )


def _revoke_feeds(professional: User, now: dt.datetime) -> int:
    return CalendarFeed.objects.filter(professional=professional, revoked_at__isnull=True).update(
        revoked_at=now
    )


def feed_create(*, actor: User, professional_id: int) -> str:
    """A new private feed address for the professional's calendar; returns its token (shown
    once: only its hash is stored). Older addresses stop working."""
    professional = _managed_professional(actor, professional_id)
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        lock_calendars([professional.pk])
        revoked = _revoke_feeds(professional, now)
        CalendarFeed.objects.create(professional=professional, token_hash=token_hash(token))
        audit_record(
            action=actions.FEED_CREATE,
            actor=actor,
            target=professional,
            details={"revoked": revoked},
        )
    return token


def feed_revoke(*, actor: User, professional_id: int) -> None:
    """Every feed address of the professional stops working at once."""
    professional = _managed_professional(actor, professional_id)
    with transaction.atomic():
        lock_calendars([professional.pk])
        revoked = _revoke_feeds(professional, timezone.now())
        audit_record(
            action=actions.FEED_REVOKE,
            actor=actor,
            target=professional,
            details={"revoked": revoked},
        )
