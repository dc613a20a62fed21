"""Opening hours as a person reads them: open now or when next, the coming week's hours and the
exceptions ahead (holidays), always in Finnish time (catalog.opening)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import formats
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from perhekeskus.catalog.models import Schedule, ScheduleKind, Weekday
from perhekeskus.catalog.opening import FINNISH_TIME, is_open, next_opening

MAX_EXCEPTIONS = 8


@dataclass(frozen=True)
class OpeningState:
    open_now: bool
    next_opens: dt.datetime | None
    next_text: str  # "today at 9.00", "on Monday 7.12. at 9.00"; empty when not known


@dataclass(frozen=True)
class DayHours:
    name: str
    spans: list[str]  # empty: closed
    is_today: bool


@dataclass(frozen=True)
class ExceptionHours:
    dates: str
    text: str  # "Closed" or "9.00–12.00"
    description: str


@dataclass(frozen=True)
class Hours:
    """One set of opening hours (a place's, a service's, a phone line's)."""

    state: OpeningState
    week: list[DayHours]
    exceptions: list[ExceptionHours]

    @property
    def summary(self) -> list[str]:
        """The week in a few words: ["Mon–Fri 8.00–16.00", "Sat 10.00–14.00"]."""
        return week_summary(self.week)


def week_summary(days: Sequence[DayHours]) -> list[str]:
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, day in enumerate(days):
        if day.spans:
            groups.setdefault(tuple(day.spans), []).append(index)
    lines = []
    for spans, indexes in groups.items():
        runs: list[list[int]] = []
        for index in indexes:
            if runs and runs[-1][-1] == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
        names = [
            str(WEEKDAYS_ABBR[run[0]])
            if len(run) == 1
            else f"{WEEKDAYS_ABBR[run[0]]}–{WEEKDAYS_ABBR[run[-1]]}"
            for run in runs
        ]
        lines.append(f"{', '.join(names)} {', '.join(spans)}")
    return lines


def _time(value: dt.time) -> str:
    return str(formats.time_format(value))


def _span(opens: dt.time, closes: dt.time) -> str:
    if opens == closes == dt.time(0, 0):
        return _("open 24 hours")
    return f"{_time(opens)}–{_time(closes)}"


def _on_weekday(weekday: int) -> str:
    """The day as in "opens on Monday": Finnish needs the essive ("maanantaina")."""
    return [
        pgettext("opens on a weekday", "on Monday"),
        pgettext("opens on a weekday", "on Tuesday"),
        pgettext("opens on a weekday", "on Wednesday"),
        pgettext("opens on a weekday", "on Thursday"),
        pgettext("opens on a weekday", "on Friday"),
        pgettext("opens on a weekday", "on Saturday"),
        pgettext("opens on a weekday", "on Sunday"),
    ][weekday]


def when_text(moment: dt.datetime, now: dt.datetime) -> str:
    local = moment.astimezone(FINNISH_TIME)
    today = now.astimezone(FINNISH_TIME).date()
    time = _time(local.time())
    if local.date() == today:
        return _("today at %(time)s") % {"time": time}
    if local.date() == today + dt.timedelta(days=1):
        return _("tomorrow at %(time)s") % {"time": time}
    return _("%(weekday)s %(date)s at %(time)s") % {
        "weekday": _on_weekday(local.weekday()),
        "date": formats.date_format(local.date(), "MONTH_DAY_FORMAT"),
        "time": time,
    }


def opening_state(schedules: Sequence[Schedule], now: dt.datetime) -> OpeningState | None:
    """None when the schedules give no hours at all (nothing to say)."""
    if not any(s.kind == ScheduleKind.REGULAR or not s.closed for s in schedules):
        return None
    if is_open(schedules, now):
        return OpeningState(True, None, "")
    upcoming = next_opening(schedules, now)
    if upcoming is None:
        return OpeningState(False, None, "")
    return OpeningState(False, upcoming.opens, when_text(upcoming.opens, now))


def combined_state(states: Iterable[OpeningState | None]) -> OpeningState | None:
    """Open if any is open; else the earliest next opening of them."""
    known = [s for s in states if s is not None]
    if not known:
        return None
    if any(s.open_now for s in known):
        return OpeningState(True, None, "")
    upcoming = [s for s in known if s.next_opens is not None]
    if not upcoming:
        return OpeningState(False, None, "")
    return min(upcoming, key=lambda s: s.next_opens or dt.datetime.max.replace(tzinfo=dt.UTC))


def _applies(schedule: Schedule, day: dt.date) -> bool:
    if schedule.valid_from and day < schedule.valid_from:
        return False
    return not (schedule.valid_to and day > schedule.valid_to)


def week(schedules: Sequence[Schedule], now: dt.datetime) -> list[DayHours]:
    """The regular hours of the seven days from today, listed Monday to Sunday: seasonal hours
    show as they are this week."""
    today = now.astimezone(FINNISH_TIME).date()
    days = []
    for weekday in Weekday:
        offset = (weekday.value - today.weekday()) % 7
        day = today + dt.timedelta(days=offset)
        rows = sorted(
            (
                s
                for s in schedules
                if s.kind == ScheduleKind.REGULAR
                and s.weekday == weekday.value
                and not s.closed
                and s.opens_at
                and s.closes_at
                and _applies(s, day)
            ),
            key=lambda s: s.opens_at or dt.time(0),
        )
        spans = [_span(s.opens_at, s.closes_at) for s in rows if s.opens_at and s.closes_at]
        days.append(DayHours(str(weekday.label), spans, offset == 0))
    return days


def _dates(first: dt.date, last: dt.date | None) -> str:
    start = formats.date_format(first, "SHORT_DATE_FORMAT")
    if last is None or last == first:
        return start
    return f"{start}–{formats.date_format(last, 'SHORT_DATE_FORMAT')}"


def exceptions_ahead(schedules: Sequence[Schedule], now: dt.datetime) -> list[ExceptionHours]:
    today = now.astimezone(FINNISH_TIME).date()
    rows = sorted(
        (
            s
            for s in schedules
            if s.kind == ScheduleKind.EXCEPTION
            and s.valid_from is not None
            and (s.valid_to or s.valid_from) >= today
        ),
        key=lambda s: (s.valid_from, s.opens_at or dt.time(0)),
    )
    result = []
    for s in rows[:MAX_EXCEPTIONS]:
        assert s.valid_from is not None
        if s.closed or not (s.opens_at and s.closes_at):
            text = pgettext("opening hours", "Closed")
        else:
            text = _span(s.opens_at, s.closes_at)
        result.append(ExceptionHours(_dates(s.valid_from, s.valid_to), text, s.description))
    return result


def hours(schedules: Iterable[Schedule], now: dt.datetime) -> Hours | None:
    rows = list(schedules)
    state = opening_state(rows, now)
    if state is None:
        return None
    has_weekly = any(s.kind == ScheduleKind.REGULAR for s in rows)
    return Hours(
        state=state,
        week=week(rows, now) if has_weekly else [],
        exceptions=exceptions_ahead(rows, now),
    )
