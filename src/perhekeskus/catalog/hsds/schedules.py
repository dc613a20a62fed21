"""Opening hours and exceptions as iCal-style weekly rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from perhekeskus.catalog.hsds.common import BYDAY, Json, put, text, time_of_day
from perhekeskus.catalog.models import Schedule, ScheduleKind


def _schedule_key(schedule: Schedule) -> tuple[Any, ...]:
    return (
        schedule.kind != ScheduleKind.REGULAR,
        -1 if schedule.weekday is None else schedule.weekday,
        schedule.valid_from or dt.date.min,
        schedule.opens_at or dt.time.min,
        str(schedule.pk),
    )


def _schedule(schedule: Schedule) -> Json:
    """One row as an iCal-style weekly rule. Times are Finnish local time (Europe/Helsinki):
    HSDS's `timezone` is a fixed UTC offset, which daylight saving time would make wrong half
    the year, so it is left out.

    An exception (a holiday, a closed day) is the rule for the days it covers: `dtstart`..`until`
    on those weekdays, with `x_kind: "exception"` saying that it replaces the weekly hours on
    those days; `x_closed: true` says that the place is closed (HSDS cannot say "closed")."""
    data: Json = {"id": str(schedule.pk), "freq": "WEEKLY"}
    if schedule.kind == ScheduleKind.EXCEPTION and schedule.valid_from is not None:
        first = schedule.valid_from
        last = schedule.valid_to or first
        span = min((last - first).days + 1, 7)
        weekdays = sorted({(first + dt.timedelta(days=n)).weekday() for n in range(max(span, 1))})
        data["byday"] = ",".join(BYDAY[d] for d in weekdays)
        data["dtstart"] = first.isoformat()
        data["until"] = last.isoformat()
        data["valid_from"] = first.isoformat()
        put(data, "valid_to", schedule.valid_to.isoformat() if schedule.valid_to else None)
        data["x_kind"] = ScheduleKind.EXCEPTION.value
    else:
        put(data, "byday", BYDAY[schedule.weekday] if schedule.weekday is not None else None)
        put(data, "valid_from", schedule.valid_from.isoformat() if schedule.valid_from else None)
        put(data, "valid_to", schedule.valid_to.isoformat() if schedule.valid_to else None)
    if schedule.closed:
        data["x_closed"] = True
    else:
        put(data, "opens_at", time_of_day(schedule.opens_at))
        put(data, "closes_at", time_of_day(schedule.closes_at))
    put(data, "description", text(schedule, "description"))
    return data


def schedules(rows: Iterable[Schedule]) -> list[Json]:
    return [_schedule(s) for s in sorted(rows, key=_schedule_key)]
