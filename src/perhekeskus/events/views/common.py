"""What the families' event pages share: the private-page headers of the manage link, what the
session keeps, and how an event's time, audience and seats are said."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from perhekeskus.core.forms import session_recall, session_remember
from perhekeskus.core.tasks import FAMILY_CENTER_TASKS
from perhekeskus.events.models import (
    Event,
    EventKind,
    EventLanguage,
    EventStatus,
    RegistrationMode,
)
from perhekeskus.events.selectors_public import helsinki_date

SALT = "perhekeskus.events.public"


def remember(request: HttpRequest, key: str, value: Any) -> None:
    session_remember(request, salt=SALT, key=key, value=value)


def recall(request: HttpRequest, key: str, max_age: int) -> Any:
    return session_recall(request, salt=SALT, key=key, max_age=max_age)


def query_string(params: dict[str, str]) -> str:
    kept = {name: value for name, value in params.items() if value}
    return urlencode(kept)


# --- How an event is said -----------------------------------------------------------------------


def ages_text(minimum: int | None, maximum: int | None) -> str:
    """ "Children 0–3 years", "from 4 years"; "" for no range."""
    if minimum is None and maximum is None:
        return ""
    if minimum is not None and maximum is not None:
        if minimum == maximum:
            return _("Children aged %(age)s") % {"age": minimum}
        return _("Children aged %(min)s–%(max)s") % {"min": minimum, "max": maximum}
    if minimum is not None:
        return _("Children from %(age)s years") % {"age": minimum}
    return _("Children up to %(age)s years") % {"age": maximum}


def language_names(event: Event) -> list[str]:
    labels = dict(EventLanguage.choices)
    return [str(labels.get(code, code)) for code in event.language_codes]


def task_names(event: Event) -> list[str]:
    numbers = set(event.task_numbers)
    return [str(task.title) for task in FAMILY_CENTER_TASKS if task.number in numbers]


def same_day(event: Event) -> bool:
    return helsinki_date(event.starts) == helsinki_date(event.ends - dt.timedelta(seconds=1))


@dataclass(frozen=True)
class Seats:
    """What a family reads about signing up: `state` one of drop_in, cancelled, over, not_yet,
    closed, open, full (open for the waiting list), no_room; and the numbers."""

    state: str
    text: str
    seats_left: int | None = None
    waitlisted: int = 0
    opens: dt.datetime | None = None
    closes: dt.datetime | None = None

    @property
    def can_sign_up(self) -> bool:
        return self.state in ("open", "full")


def _waitlist_has_room(event: Event) -> bool:
    if event.waitlist_capacity is None:
        return True
    return event.waitlisted_count < event.waitlist_capacity


def seats_of(event: Event, now: dt.datetime) -> Seats:
    """Whether and how a family can sign up for this event now, in words."""
    if event.status == EventStatus.CANCELLED:
        return Seats("cancelled", _("Cancelled"))
    if event.ends <= now:
        return Seats("over", _("This event is over."))
    if not event.takes_signups:
        if event.kind == EventKind.UMBRELLA:
            return Seats("drop_in", _("Sign up for each session separately."))
        return Seats("drop_in", _("Drop in, no sign-up needed"))
    closes = event.enrolment_closes
    if event.enrolment_opens is not None and event.enrolment_opens > now:
        return Seats(
            "not_yet",
            _("Sign-up opens %(when)s") % {"when": _datetime_text(event.enrolment_opens)},
            opens=event.enrolment_opens,
        )
    if event.starts <= now or (closes is not None and closes <= now):
        return Seats("closed", _("Sign-up has closed."))
    left = event.seats_left
    waitlisted = event.waitlisted_count
    if left is None or left > 0:
        if left is None:
            text = _("Seats available")
        else:
            text = ngettext("%(count)s seat left", "%(count)s seats left", left) % {"count": left}
        return Seats("open", text, seats_left=left, waitlisted=waitlisted, closes=closes)
    if event.waitlist_capacity == 0 or not _waitlist_has_room(event):
        return Seats("no_room", _("Full"), seats_left=0, waitlisted=waitlisted)
    if waitlisted:
        text = ngettext(
            "Full: %(count)s person on the waiting list",
            "Full: %(count)s people on the waiting list",
            waitlisted,
        ) % {"count": waitlisted}
    else:
        text = _("Full: you can join the waiting list")
    return Seats("full", text, seats_left=0, waitlisted=waitlisted, closes=closes)


def _datetime_text(moment: dt.datetime) -> str:
    return date_format(localtime(moment), "SHORT_DATETIME_FORMAT")


def event_view(event: Event, now: dt.datetime) -> dict[str, Any]:
    """What every page about one event shows besides the event itself."""
    return {
        "event": event,
        "seats": seats_of(event, now),
        "same_day": same_day(event),
        "ages": ages_text(event.min_age, event.max_age),
        "language_names": language_names(event),
        "task_names": task_names(event),
        "retention_days": settings.EVENTS_RETENTION_DAYS,
        "is_application": event.registration == RegistrationMode.APPLICATION,
    }
