"""What the family's booking pages share: the private-page headers, what the session keeps, the
week of free times and how a booking is shown."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from perhekeskus.appointments import availability, selectors
from perhekeskus.appointments.forms.public import ANY, professional_label, week_start
from perhekeskus.appointments.models import AppointmentType, Booking, BookingStatus, Channel
from perhekeskus.catalog import selectors as catalog_selectors
from perhekeskus.catalog.models import ChannelKind
from perhekeskus.core.errors import NotFound
from perhekeskus.core.forms import session_recall, session_remember
from perhekeskus.core.service_actions import ServiceAction

SALT = "perhekeskus.appointments.public"
# What the family does not type: checked again by the booking service, its errors go on top.
HIDDEN_FIELDS = {"slot", "channel", "who", "link", "form_token"}

# --- Helpers ------------------------------------------------------------------------------------


def remember(request: HttpRequest, key: str, value: Any) -> None:
    session_remember(request, salt=SALT, key=key, value=value)


def recall(request: HttpRequest, key: str, max_age: int) -> Any:
    return session_recall(request, salt=SALT, key=key, max_age=max_age)


def query_string(**params: str) -> str:
    kept = {name: value for name, value in params.items() if value}
    return f"?{urlencode(kept)}" if kept else ""


def professionals_of(appointment_type: AppointmentType) -> list[Any]:
    return list(appointment_type.professionals.filter(is_active=True).order_by("full_name", "pk"))


def service_phones(service_id: uuid.UUID) -> list[tuple[str, str]]:
    """The service's phone numbers (name, number) from the catalogue: whom to call instead."""
    try:
        service = catalog_selectors.service_get_public(service_id=service_id)
    except NotFound:
        return []
    channels = list(service.channels.all())
    for at_location in service.at_locations.all():
        channels.extend(at_location.channels.all())
    phones: list[tuple[str, str]] = []
    for channel in channels:
        if channel.kind == ChannelKind.PHONE and channel.value:
            entry = (channel.name or str(service.name), channel.value)
            if entry not in phones:
                phones.append(entry)
    return phones


def service_card_actions(service_id: uuid.UUID) -> list[ServiceAction]:
    """ "Book an appointment" on the finder's service card (registered in `apps.py`)."""
    if not selectors.appointment_types_bookable(service_id=service_id):
        return []
    url = reverse("appointments:service", kwargs={"service_id": service_id})
    return [ServiceAction(label=_("Book an appointment"), url=url)]


# --- The week of free times ---------------------------------------------------------------------


@dataclass(frozen=True)
class SlotChoice:
    id: str
    starts: dt.datetime
    ends: dt.datetime
    professional: str


@dataclass(frozen=True)
class Day:
    date: dt.date
    slots: list[SlotChoice]


@dataclass(frozen=True)
class Week:
    start: dt.date
    end: dt.date
    days: list[Day]
    previous: dt.date | None
    next: dt.date | None
    # When there is nothing this week: the next free time, if there is one in the window.
    next_free: dt.datetime | None

    @property
    def ids(self) -> set[str]:
        return {slot.id for day in self.days for slot in day.slots}


def free_week(
    appointment_type: AppointmentType,
    *,
    channel: str,
    who: str,
    week: dt.date | None,
    names: dict[int, str],
    now: dt.datetime,
    exclude_booking_id: uuid.UUID | None = None,
) -> Week:
    today = availability.helsinki_date(now)
    last_day = today + dt.timedelta(days=appointment_type.max_days_ahead)
    first_week = week_start(today)
    start = week_start(week) if week else first_week
    start = min(max(start, first_week), week_start(last_day))
    end = start + dt.timedelta(days=6)
    professional_id = None if who == ANY else int(who)

    def free(date_from: dt.date, date_to: dt.date) -> list[availability.Slot]:
        found = availability.free_slots(
            appointment_type=appointment_type,
            date_from=date_from,
            date_to=date_to,
            professional_id=professional_id,
            now=now,
            exclude_booking_id=exclude_booking_id,
        )
        return [slot for slot in found if channel in slot.channels]

    slots = free(max(start, today), min(end, last_day))
    days: dict[dt.date, list[SlotChoice]] = {}
    seen: set[dt.datetime] = set()
    for slot in slots:
        if professional_id is None:
            # "Whoever is free first": one choice per time; the first free professional gets it.
            if slot.starts in seen:
                continue
            seen.add(slot.starts)
        day = availability.helsinki_date(slot.starts)
        days.setdefault(day, []).append(
            SlotChoice(
                id=slot.id,
                starts=slot.starts,
                ends=slot.ends,
                professional=names.get(slot.professional_id, ""),
            )
        )
    next_free = None
    if not slots and end < last_day:
        later = free(end + dt.timedelta(days=1), last_day)
        next_free = later[0].starts if later else None
    return Week(
        start=start,
        end=end,
        days=[Day(date=day, slots=choices) for day, choices in sorted(days.items())],
        previous=start - dt.timedelta(days=7) if start > first_week else None,
        next=start + dt.timedelta(days=7) if end < last_day else None,
        next_free=next_free,
    )


def picker_context(
    appointment_type: AppointmentType, week: Week, *, query: Callable[..., str], who: str
) -> dict[str, Any]:
    next_free_week = (
        week_start(availability.helsinki_date(week.next_free)) if week.next_free else None
    )
    return {
        "week": week,
        "previous_url": query(week=week.previous.isoformat()) if week.previous else "",
        "next_url": query(week=week.next.isoformat()) if week.next else "",
        "next_free_url": query(week=next_free_week.isoformat()) if next_free_week else "",
        "show_professional": who == ANY and appointment_type.professionals.count() > 1,
        # Whom to call instead: only when the weeks open for booking have no free time.
        "phones": []
        if week.days or week.next_free
        else service_phones(appointment_type.service_id),
    }


# --- A booking shown to the family -------------------------------------------------------------


def booking_view(booking: Booking, now: dt.datetime) -> dict[str, Any]:
    """What every page about one booking shows."""
    appointment_type = booking.appointment_type
    deadline = booking.starts - dt.timedelta(hours=appointment_type.cancellation_deadline_hours)
    live = booking.status == BookingStatus.BOOKED
    return {
        "booking": booking,
        "appointment_type": appointment_type,
        "channel_label": str(Channel(booking.channel).label),
        "professional": professional_label(booking.professional),
        "location": booking.location,
        "deadline": deadline,
        "live": live,
        "past": booking.ends <= now,
        # As the service has it: a change is allowed up to the deadline itself.
        "may_change": live and now <= deadline,
        "is_video": booking.channel == Channel.VIDEO,
        "phones": service_phones(appointment_type.service_id),
    }


def uuid_or_none(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def add_errors(form: Any, error: ValidationError) -> None:
    """The service's messages on the form: on their field where the form has it, otherwise at
    the top of the summary (the slot, the channel, the whole booking)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, texts in error.message_dict.items():
        form.add_error(
            field if field in form.fields and field not in HIDDEN_FIELDS else None, texts
        )
