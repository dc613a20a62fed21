"""Open now? When next? Opening hours are read in Finnish time, whatever the server's zone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from perhekeskus.catalog.models import Schedule, ScheduleKind

FINNISH_TIME = ZoneInfo("Europe/Helsinki")
LOOKAHEAD_DAYS = 60


@dataclass(frozen=True)
class Interval:
    opens: dt.datetime
    closes: dt.datetime


def _applies(schedule: Schedule, day: dt.date) -> bool:
    if schedule.valid_from and day < schedule.valid_from:
        return False
    return not (schedule.valid_to and day > schedule.valid_to)


def _interval(day: dt.date, opens: dt.time, closes: dt.time) -> Interval:
    start = dt.datetime.combine(day, opens, tzinfo=FINNISH_TIME)
    # Closing at or before opening means past midnight (e.g. 18:00–02:00; 00:00–00:00 is 24 h).
    end_day = day + dt.timedelta(days=1) if closes <= opens else day
    end = dt.datetime.combine(end_day, closes, tzinfo=FINNISH_TIME)
    return Interval(start, end)


def intervals_on(schedules: Iterable[Schedule], day: dt.date) -> list[Interval]:
    """The opening intervals of one day. Exceptions covering the day replace the weekly hours:
    a closed exception closes the day, one with hours gives that day's hours."""
    rows = list(schedules)
    # An exception without valid_to covers its one day only.
    exceptions = [
        s
        for s in rows
        if s.kind == ScheduleKind.EXCEPTION
        and _applies(s, day)
        and (s.valid_to is not None or s.valid_from == day)
    ]
    if exceptions:
        return sorted(
            (
                _interval(day, s.opens_at, s.closes_at)
                for s in exceptions
                if not s.closed and s.opens_at and s.closes_at
            ),
            key=lambda i: i.opens,
        )
    return sorted(
        (
            _interval(day, s.opens_at, s.closes_at)
            for s in rows
            if s.kind == ScheduleKind.REGULAR
            and s.weekday == day.weekday()
            and not s.closed
            and s.opens_at
            and s.closes_at
            and _applies(s, day)
        ),
        key=lambda i: i.opens,
    )


def is_open(schedules: Iterable[Schedule], at: dt.datetime) -> bool:
    rows = list(schedules)
    local = at.astimezone(FINNISH_TIME)
    # Yesterday's interval may run past midnight into today.
    for day in (local.date() - dt.timedelta(days=1), local.date()):
        if any(i.opens <= local < i.closes for i in intervals_on(rows, day)):
            return True
    return False


def next_opening(schedules: Iterable[Schedule], at: dt.datetime) -> Interval | None:
    """The next interval that opens after `at` (within two months), or None."""
    rows = list(schedules)
    local = at.astimezone(FINNISH_TIME)
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = local.date() + dt.timedelta(days=offset)
        for interval in intervals_on(rows, day):
            if interval.opens > local:
                return interval
    return None


def has_hours(schedules: Iterable[Schedule]) -> bool:
    return any(s.kind == ScheduleKind.REGULAR for s in schedules)


def _days_covered(schedule: Schedule) -> tuple[dt.date, dt.date] | None:
    if schedule.valid_from is None:
        return None
    return schedule.valid_from, schedule.valid_to or schedule.valid_from


def hours_at_place(own: Iterable[Schedule], place: Iterable[Schedule]) -> list[Schedule]:
    """The hours of a service at a place: the one rule that the service card, the map and the
    search's "open now" follow, so that they never disagree.

    The service's own weekly hours there, else the place's; and the exceptions of both, the
    service's own winning on the days they both cover: a holiday closure of the building closes
    every service in it, and a service's own special day says more than the building's."""
    own_rows = list(own)
    place_rows = list(place)
    regular = [s for s in own_rows if s.kind == ScheduleKind.REGULAR] or [
        s for s in place_rows if s.kind == ScheduleKind.REGULAR
    ]
    own_exceptions = [s for s in own_rows if s.kind == ScheduleKind.EXCEPTION]
    own_days = [d for d in map(_days_covered, own_exceptions) if d is not None]
    place_exceptions = []
    for schedule in place_rows:
        days = _days_covered(schedule) if schedule.kind == ScheduleKind.EXCEPTION else None
        if days is None:
            continue
        if not any(days[0] <= last and first <= days[1] for first, last in own_days):
            place_exceptions.append(schedule)
    return [*regular, *own_exceptions, *place_exceptions]
