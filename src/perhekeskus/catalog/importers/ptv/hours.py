"""Service hours: weekly rows, over-midnight intervals and exceptions, in Finnish time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext_noop

from perhekeskus.catalog.importers.ptv.constants import (
    _TIME,
    FINNISH_TIME,
    MIDNIGHT,
    SCHEDULE_DESCRIPTION_MAX,
    WEEKDAYS,
)
from perhekeskus.catalog.importers.ptv.reader import _bool, _Doc, _objects, _str
from perhekeskus.catalog.importers.ptv.texts import _fit, _texts
from perhekeskus.catalog.importers.records import ScheduleRecord

# --- service hours ------------------------------------------------------------------------------


def _time(doc: _Doc, value: str, path: str) -> dt.time | None:
    match = _TIME.match(value)
    if match:
        hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
        if hour == 24 and minute == 0 and second == 0:
            return MIDNIGHT  # the end of the day; closing at 00:00 means at midnight
        if hour < 24 and minute < 60 and second < 60:
            return dt.time(hour, minute, second)
    doc.note(
        path, gettext_noop("not a time of day, opening hours left out: %(value)r"), value=value
    )
    return None


def _date(doc: _Doc, parent: dict[str, Any], key: str, path: str) -> dt.date | None:
    value = _str(doc, parent, key, path)
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        doc.note(f"{path}.{key}", gettext_noop("not a date, left out: %(value)r"), value=value)
        return None
    # PTV stores a day as its Finnish midnight in UTC ("2024-06-20T21:00:00Z" is 21 June).
    if moment.tzinfo is not None:
        moment = moment.astimezone(FINNISH_TIME)
    return moment.date()


def _weekday(doc: _Doc, value: str, path: str) -> int | None:
    if not value:
        return None
    day = WEEKDAYS.get(value.lower())
    if day is None:
        doc.note(
            path, gettext_noop("not a weekday, opening hours left out: %(value)r"), value=value
        )
    return day


def _week_rows(
    day_from: int, day_to: int | None, opens: dt.time, closes: dt.time, *, continuous: bool
) -> list[tuple[int, dt.time, dt.time]]:
    """(weekday, opens, closes) rows for one PTV opening-hour entry. Closing at or before
    opening means past midnight, as in `catalog.opening`."""
    if day_to is None or day_to == day_from:
        return [(day_from, opens, closes)]
    span = (day_to - day_from) % 7
    if span == 1 and closes <= opens:
        return [(day_from, opens, closes)]  # e.g. Friday 22:00 - Saturday 02:00
    days = [(day_from + offset) % 7 for offset in range(span + 1)]
    if not continuous:
        return [(day, opens, closes) for day in days]  # Monday-Friday 8-16
    rows = [(days[0], opens, MIDNIGHT)]
    rows += [(day, MIDNIGHT, MIDNIGHT) for day in days[1:-1]]
    if closes != MIDNIGHT:
        rows.append((days[-1], MIDNIGHT, closes))
    return rows


def _service_hours(doc: _Doc, parent: dict[str, Any], path: str) -> list[ScheduleRecord]:
    schedules: list[ScheduleRecord] = []
    for hour_path, hour in _objects(doc, parent, "serviceHours", path):
        hour_type = _str(doc, hour, "serviceHourType", hour_path)
        valid_from = _date(doc, hour, "validFrom", hour_path)
        valid_to = _date(doc, hour, "validTo", hour_path)
        closed = _bool(doc, hour, "isClosed", hour_path)
        always_open = _bool(doc, hour, "isAlwaysOpen", hour_path)
        descriptions = _fit(
            doc,
            _texts(doc, hour, "additionalInformation", hour_path),
            SCHEDULE_DESCRIPTION_MAX,
            f"{hour_path}.additionalInformation",
        )
        openings: list[tuple[int | None, int | None, dt.time, dt.time]] = []
        for opening_path, opening in _objects(doc, hour, "openingHour", hour_path):
            opens = _time(doc, _str(doc, opening, "from", opening_path), f"{opening_path}.from")
            closes = _time(doc, _str(doc, opening, "to", opening_path), f"{opening_path}.to")
            day_from = _weekday(
                doc, _str(doc, opening, "dayFrom", opening_path), f"{opening_path}.dayFrom"
            )
            day_to = _weekday(
                doc, _str(doc, opening, "dayTo", opening_path), f"{opening_path}.dayTo"
            )
            if opens is not None and closes is not None:
                openings.append((day_from, day_to, opens, closes))
        if always_open:
            openings = [(day, None, MIDNIGHT, MIDNIGHT) for day in range(7)]

        if hour_type == "Exceptional":
            if valid_from is None:
                doc.note(hour_path, gettext_noop("exceptional hours without a date, left out"))
                continue
            if closed or not openings:
                schedules.append(
                    ScheduleRecord(
                        kind="exception",
                        closed=True,
                        valid_from=valid_from,
                        valid_to=valid_to,
                        descriptions=descriptions,
                    )
                )
                continue
            seen: set[tuple[dt.time, dt.time]] = set()
            for _day_from, _day_to, opens, closes in openings:
                if (opens, closes) in seen:
                    continue
                seen.add((opens, closes))
                schedules.append(
                    ScheduleRecord(
                        kind="exception",
                        opens_at=opens,
                        closes_at=closes,
                        valid_from=valid_from,
                        valid_to=valid_to,
                        descriptions=descriptions,
                    )
                )
        elif hour_type in ("DaysOfTheWeek", "OverMidnight", "Special"):
            if hour_type == "DaysOfTheWeek" and _bool(doc, hour, "validForNow", hour_path):
                valid_to = None  # "until further notice"
            if closed:
                # Closed for a period: that is an exception over the period.
                if valid_from is None:
                    doc.note(hour_path, gettext_noop("closed weekly hours without dates, left out"))
                    continue
                schedules.append(
                    ScheduleRecord(
                        kind="exception",
                        closed=True,
                        valid_from=valid_from,
                        valid_to=valid_to,
                        descriptions=descriptions,
                    )
                )
                continue
            for day_from, day_to, opens, closes in openings:
                if day_from is None:
                    doc.note(hour_path, gettext_noop("opening hours without a weekday, left out"))
                    continue
                for weekday, row_opens, row_closes in _week_rows(
                    day_from, day_to, opens, closes, continuous=hour_type != "DaysOfTheWeek"
                ):
                    schedules.append(
                        ScheduleRecord(
                            kind="regular",
                            weekday=weekday,
                            opens_at=row_opens,
                            closes_at=row_closes,
                            valid_from=valid_from,
                            valid_to=valid_to,
                            descriptions=descriptions,
                        )
                    )
        else:
            doc.note(
                f"{hour_path}.serviceHourType",
                gettext_noop("unknown type %(value)r, left out"),
                value=hour_type,
            )
    return schedules
