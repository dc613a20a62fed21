"""Calendar files (iCalendar, RFC 5545/5546) of events, written with the `icalendar` library.

- `ics_for_event(event, signup=...)`: the file attached to a family's confirmation and offered on
  its manage page, in the sign-up's language: the title, the time, the place, the manage link, and
  the online meeting's address only when the family is attending (the address is for registered
  participants only). METHOD:REQUEST while the sign-up is live, METHOD:CANCEL with
  STATUS:CANCELLED once it or the event is cancelled. A peer group's file (a sign-up to the series)
  has each of its sessions.
- `ics_for_event(event)` without a sign-up: the public "add to calendar" file (METHOD:PUBLISH).
- `feed_for(events, name=...)`: a public subscription (a municipality's or an organisation's
  events): no METHOD, nothing about anyone who signed up, never an online meeting's address.

One event is one calendar event for its whole life: its UID is the event's id, and SEQUENCE grows
with every change of the event (the seconds from its creation to its last save, one more once it
is cancelled), so that a calendar program replaces the event when it is moved and removes it when
it is cancelled. Times are written in UTC (no VTIMEZONE needed; programs show them in the
reader's own time, right on both sides of the daylight-saving changes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from icalendar import Calendar, vCalAddress
from icalendar import Event as CalendarEvent

from perhekeskus.core.links import absolute
from perhekeskus.events.models import Event, EventKind, EventStatus, Signup, SignupStatus
from perhekeskus.events.selectors_public import PUBLIC

PRODID = "-//Perhekeskus//Events//EN"
HELSINKI = "Europe/Helsinki"
LANGUAGES = ("fi", "sv", "en")
# A family's file says TENTATIVE while the family is not (yet) coming for sure.
_TENTATIVE = (SignupStatus.WAITLISTED, SignupStatus.OFFERED, SignupStatus.APPLIED)
_ENDED = (SignupStatus.CANCELLED, SignupStatus.DECLINED)


def language_of(signup: Signup) -> str:
    return signup.language if signup.language in LANGUAGES else "fi"


def local_when(moment: dt.datetime) -> str:
    """ "4.12.2026 klo 9.00" (sv "kl.", en "at") in Finnish time, in the active language."""
    with timezone.override(HELSINKI):
        return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def when_text(event: Event) -> str:
    """ "4.12.2026 klo 9.00–11.00" in Finnish time; an event over several days has both ends."""
    with timezone.override(HELSINKI):
        starts, ends = timezone.localtime(event.starts), timezone.localtime(event.ends)
        if starts.date() == ends.date():
            return f"{local_when(event.starts)}–{date_format(ends, 'TIME_FORMAT')}"
        return f"{local_when(event.starts)} – {local_when(event.ends)}"


def place_text(event: Event) -> str:
    """The place's name and address on one line ("Perhekeskus Simo, Ratatie 5, 95200 Simo"),
    or "Online" for an online event without a place."""
    location = event.location
    if location is None:
        return _("Online") if event.is_online else ""
    town = " ".join(part for part in (location.postal_code, location.post_office) if part)
    parts = [location.name, location.street_address, town]
    return ", ".join(part for part in parts if part)


def online_url_for(event: Event, signup: Signup | None) -> str:
    """The online meeting's address, for an attending family of an event that takes place."""
    if (
        signup is None
        or signup.status != SignupStatus.ATTENDING
        or not event.is_online
        or event.status == EventStatus.CANCELLED
    ):
        return ""
    return event.online_url


def manage_url(token: str) -> str:
    """The family's manage link, absolute, in the active language."""
    return absolute(reverse("events:manage", kwargs={"token": token}))


def public_url(event: Event) -> str:
    """The event's public page (a session is shown on its umbrella's page)."""
    shown = event.parent if event.kind == EventKind.SESSION and event.parent else event
    return absolute(reverse("events:detail", kwargs={"event_id": shown.pk}))


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{settings.PERHEKESKUS_SITE_DOMAIN.split(':')[0]}"


def event_sequence(event: Event) -> int:
    if event.created_at is None or event.updated_at is None:
        return 0
    seconds = int(event.updated_at.timestamp()) - int(event.created_at.timestamp())
    return max(0, seconds) + (1 if event.status == EventStatus.CANCELLED else 0)


def _organizer() -> vCalAddress:
    """The site as the organiser of a family's file (RFC 5546 wants one with METHOD:REQUEST)."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "noreply@invalid"
    return vCalAddress(f"mailto:{address}", params={"cn": settings.PERHEKESKUS_SITE_NAME})


def _calendar(*properties: tuple[str, object]) -> Calendar:
    calendar = Calendar()
    standard: tuple[tuple[str, object], ...] = (
        ("prodid", PRODID),
        ("version", "2.0"),
        ("calscale", "GREGORIAN"),
    )
    for name, value in (*standard, *properties):
        calendar.add(name, value)
    return calendar


def _status(event: Event, signup: Signup | None) -> str:
    if event.status == EventStatus.CANCELLED:
        return "CANCELLED"
    if signup is not None and signup.status in _ENDED:
        return "CANCELLED"
    if signup is not None and signup.status in _TENTATIVE:
        return "TENTATIVE"
    return "CONFIRMED"


def _vevent(
    event: Event, *, signup: Signup | None, token: str, now: dt.datetime, status: str
) -> CalendarEvent:
    item = CalendarEvent()
    item.add("uid", event_uid(event))
    item.add("sequence", event_sequence(event))
    item.add("dtstamp", now.astimezone(dt.UTC))
    item.add("dtstart", event.starts.astimezone(dt.UTC))
    item.add("dtend", event.ends.astimezone(dt.UTC))
    item.add("summary", event.title)
    item.add("status", status)
    item.add("transp", "TRANSPARENT" if status == "CANCELLED" else "OPAQUE")
    online = online_url_for(event, signup)
    place = place_text(event)
    lines: list[str] = []
    if event.description:
        lines.append(event.description.strip())
    if event.location is not None or not online:
        if place:
            item.add("location", place)
            lines.append(_("Place: %(place)s") % {"place": place})
    else:
        item.add("location", online)
    if online:
        lines.append(_("Online meeting: %(url)s") % {"url": online})
    if signup is not None and token:
        link = manage_url(token)
        item.add("url", link)
        lines.append(_("See, change or cancel your sign-up: %(url)s") % {"url": link})
    else:
        link = public_url(event)
        item.add("url", link)
        lines.append(link)
    item.add("description", "\n\n".join(lines))
    return item


def _parts(event: Event) -> list[Event]:
    """What a file of `event` holds: a series' (a peer group's) public occurrences (published,
    or cancelled after publication), else the event itself."""
    if event.kind != EventKind.SERIES:
        return [event]
    occurrences = list(
        event.children.filter(PUBLIC, kind=EventKind.OCCURRENCE)
        .select_related("location")
        .order_by("starts")
    )
    return occurrences or [event]


def ics_for_event(
    event: Event,
    *,
    signup: Signup | None = None,
    manage_token: str | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """One event (a peer group: its sessions) as a calendar file. With a `signup`, the family's
    file in the sign-up's language (`manage_token` defaults to the one stored with the sign-up);
    without, the public file in the active language."""
    now = now or timezone.now()
    if signup is None:
        calendar = _calendar(("method", "PUBLISH"))
        for part in _parts(event):
            calendar.add_component(
                _vevent(part, signup=None, token="", now=now, status=_status(part, None))
            )
        return calendar.to_ical()
    token = signup.manage_token if manage_token is None else manage_token
    whole = _status(event, signup)
    calendar = _calendar(("method", "CANCEL" if whole == "CANCELLED" else "REQUEST"))
    with translation.override(language_of(signup)):
        for part in _parts(event):
            status = "CANCELLED" if whole == "CANCELLED" else _status(part, signup)
            item = _vevent(part, signup=signup, token=token, now=now, status=status)
            item.add("organizer", _organizer())
            calendar.add_component(item)
    return calendar.to_ical()


def feed_for(events: Iterable[Event], *, name: str, now: dt.datetime | None = None) -> bytes:
    """A public subscription of `events` in the active language. It is read by third-party
    calendar services: nothing about any sign-up, and no online meeting's address."""
    now = now or timezone.now()
    title = pgettext("calendar name", "Events: %(name)s") % {"name": name}
    calendar = _calendar(
        ("x-wr-calname", title), ("x-wr-timezone", HELSINKI), ("x-published-ttl", "PT1H")
    )
    calendar.add("refresh-interval", dt.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    for event in events:
        calendar.add_component(
            _vevent(event, signup=None, token="", now=now, status=_status(event, None))
        )
    return calendar.to_ical()
