"""Calendar files (iCalendar, RFC 5545/5546) for bookings, written with the `icalendar` library.

- `booking_ics(booking, for_family=True)`: the file attached to the family's e-mails and offered on
  the manage page: the type's name, where (the place's address, "the professional calls you" or
  the waiting page's link), the manage link and the cancellation deadline. METHOD:REQUEST for a
  live booking, METHOD:CANCEL with STATUS:CANCELLED for a cancelled one.
- `booking_ics(booking, for_family=False)` and `feed_ics(professional, bookings)`: the
  professional's version carries no family name, contact or answer (a feed is read by third-party
  calendar services): "Appointment: <type>", the channel and a link to the booking in the app.

One booking is one event for its whole life: its UID is the booking's id, and SEQUENCE grows with
every change (the seconds from the booking's creation to its last change), so that a calendar
program replaces the event when it is moved and removes it when it is cancelled.
Times are written in UTC (no VTIMEZONE needed; programs show them in the reader's own time).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from email.utils import parseaddr

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from icalendar import Calendar, Event, vCalAddress, vText

from perhekeskus.appointments.models import Booking, BookingStatus, Channel
from perhekeskus.core.links import absolute

PRODID = "-//Perhekeskus//Appointments//EN"
HELSINKI = "Europe/Helsinki"


def booking_uid(booking: Booking) -> str:
    return f"appointment-{booking.pk}@{settings.PERHEKESKUS_SITE_DOMAIN.split(':')[0]}"


def booking_sequence(booking: Booking) -> int:
    """Grows with every change of the booking (a reschedule, a cancellation): the whole seconds
    from its creation to its last save, one more once it is cancelled."""
    if booking.created_at is None or booking.updated_at is None:
        return 0
    seconds = int(booking.updated_at.timestamp()) - int(booking.created_at.timestamp())
    return max(0, seconds) + (1 if booking.status == BookingStatus.CANCELLED else 0)


def _language(booking: Booking) -> str:
    return booking.language if booking.language in ("fi", "sv", "en") else "fi"


def place_text(booking: Booking) -> str:
    """The place's name and address on one line ("Perhekeskus Simo, Ratatie 5, 95200 Simo")."""
    location = booking.location
    if location is None:
        return ""
    town = " ".join(part for part in (location.postal_code, location.post_office) if part)
    parts = [location.name, location.street_address, town]
    return ", ".join(part for part in parts if part)


def family_links(booking: Booking, manage_token: str) -> dict[str, str]:
    """The family's absolute links, in the active language: manage, calendar file and (for a
    video booking) the waiting page. Kept on the instance for the notice's e-mail, calendar file
    and text message (a reminder run builds thousands)."""
    cache: dict[tuple[str, str], dict[str, str]] = booking.__dict__.setdefault("_family_links", {})
    key = (manage_token, translation.get_language() or "")
    if key not in cache:
        links = {
            "manage": absolute(reverse("appointments:manage", kwargs={"token": manage_token})),
            "calendar": absolute(
                reverse("appointments:manage_ics", kwargs={"token": manage_token})
            ),
        }
        if booking.channel == Channel.VIDEO:
            links["video"] = absolute(reverse("appointments:video", kwargs={"token": manage_token}))
        cache[key] = links
    return dict(cache[key])


def local_when(moment: dt.datetime) -> str:
    """ "4.12.2026 klo 9.00" (sv "kl.", en "at") in Finnish time, in the active language."""
    with timezone.override(HELSINKI):
        return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def _organizer() -> vCalAddress:
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address or 'noreply@invalid'}")
    organizer.params["cn"] = vText(settings.PERHEKESKUS_SITE_NAME)
    return organizer


def _calendar(method: str | None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    return calendar


def _base_event(booking: Booking, now: dt.datetime) -> Event:
    event = Event()
    event.add("uid", booking_uid(booking))
    event.add("sequence", booking_sequence(booking))
    event.add("dtstamp", now.astimezone(dt.UTC))
    event.add("dtstart", booking.starts.astimezone(dt.UTC))
    event.add("dtend", booking.ends.astimezone(dt.UTC))
    cancelled = booking.status == BookingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    return event


def _family_event(booking: Booking, manage_token: str, now: dt.datetime) -> Event:
    appointment_type = booking.appointment_type
    event = _base_event(booking, now)
    event.add("organizer", _organizer())
    event.add("summary", appointment_type.name)
    links = family_links(booking, manage_token) if manage_token else {}
    lines: list[str] = []
    if booking.channel == Channel.VISIT:
        place = place_text(booking)
        if place:
            event.add("location", place)
            lines.append(_("Place: %(place)s") % {"place": place})
    elif booking.channel == Channel.PHONE:
        text = _("By phone: the professional calls you at the number you gave.")
        event.add("location", text)
        lines.append(text)
    elif booking.channel == Channel.VIDEO and "video" in links:
        event.add("location", links["video"])
        lines.append(_("Video appointment: open this link at the time of the appointment:"))
        lines.append(links["video"])
    if "manage" in links:
        event.add("url", links["manage"])
        lines.append(_("Change or cancel: %(url)s") % {"url": links["manage"]})
    deadline = booking.starts - dt.timedelta(hours=appointment_type.cancellation_deadline_hours)
    lines.append(
        _("You can change or cancel the appointment until %(deadline)s.")
        % {"deadline": local_when(deadline)}
    )
    event.add("description", "\n".join(lines))
    return event


def _pro_link(booking: Booking) -> str:
    try:
        return absolute(reverse("appointments_pro:booking", kwargs={"booking_id": booking.pk}))
    except NoReverseMatch:
        return ""


def _professional_event(booking: Booking, now: dt.datetime) -> Event:
    event = _base_event(booking, now)
    summary = pgettext("calendar event", "Appointment: %(type)s")
    event.add("summary", summary % {"type": booking.appointment_type.name})
    if booking.channel == Channel.VISIT:
        place = place_text(booking)
        if place:
            event.add("location", place)
    else:
        event.add("location", str(Channel(booking.channel).label))
    link = _pro_link(booking)
    if link:
        event.add("url", link)
        event.add("description", link)
    return event


def booking_ics(
    booking: Booking,
    *,
    for_family: bool,
    manage_token: str | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """One booking as a calendar file. The family's version is written in the booking's
    language; `manage_token` defaults to the one stored (encrypted) with the booking."""
    now = now or timezone.now()
    method = "CANCEL" if booking.status == BookingStatus.CANCELLED else "REQUEST"
    calendar = _calendar(method)
    if for_family:
        token = booking.manage_token if manage_token is None else manage_token
        with translation.override(_language(booking)):
            calendar.add_component(_family_event(booking, token, now))
    else:
        calendar.add_component(_professional_event(booking, now))
    return calendar.to_ical()


def feed_ics(
    professional: object, bookings: Iterable[Booking], *, now: dt.datetime | None = None
) -> bytes:
    """A professional's private feed (no METHOD: a subscribed calendar, not an invitation),
    in the active language. Cancelled bookings stay in as STATUS:CANCELLED so that a subscribed
    program removes them."""
    now = now or timezone.now()
    calendar = _calendar(None)
    name = pgettext("calendar name", "Appointments: %(site)s")
    calendar.add("x-wr-calname", name % {"site": settings.PERHEKESKUS_SITE_NAME})
    calendar.add("x-wr-timezone", HELSINKI)
    calendar.add("refresh-interval", dt.timedelta(minutes=15), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT15M")
    for booking in bookings:
        calendar.add_component(_professional_event(booking, now))
    return calendar.to_ical()
