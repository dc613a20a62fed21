"""Opening hours for the demo catalogue in a compact notation, and the holidays of the demo
year: Christmas 2026, New Year and Epiphany 2027, a summer break in July 2027."""

from __future__ import annotations

import datetime as dt

from perhekeskus.catalog.importers.records import ScheduleRecord
from perhekeskus.catalog.models import ScheduleKind
from perhekeskus.demo.catalog.helpers import Text, texts

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _days(spec: str) -> list[int]:
    days: list[int] = []
    for part in spec.split(","):
        first, _, last = part.partition("-")
        start = _DAYS.index(first)
        days.extend(range(start, _DAYS.index(last) + 1) if last else [start])
    return days


def _time(text: str) -> dt.time:
    hour, _, minute = text.partition(":")
    # 24 closes at midnight; 0-24 is round the clock (see catalog.opening).
    return dt.time(int(hour) % 24, int(minute or 0))


def _span(span: str) -> tuple[dt.time, dt.time]:
    opens, closes = span.split("-")
    return _time(opens), _time(closes)


def weekly(*rules: str, note: Text | None = None) -> list[ScheduleRecord]:
    """Weekly hours: weekly("mon-fri 8-16", "tue,thu 17:30-19"); "mon-sun 0-24" is always open."""
    rows: list[ScheduleRecord] = []
    for rule in rules:
        days, span = rule.split()
        opens, closes = _span(span)
        rows.extend(
            ScheduleRecord(weekday=day, opens_at=opens, closes_at=closes, descriptions=texts(note))
            for day in _days(days)
        )
    return rows


def closed(first: str, last: str | None = None, why: Text = "") -> ScheduleRecord:
    return ScheduleRecord(
        kind=ScheduleKind.EXCEPTION,
        closed=True,
        valid_from=dt.date.fromisoformat(first),
        valid_to=dt.date.fromisoformat(last) if last else None,
        descriptions=texts(why),
    )


def special(day: str, span: str, why: Text) -> ScheduleRecord:
    opens, closes = _span(span)
    return ScheduleRecord(
        kind=ScheduleKind.EXCEPTION,
        opens_at=opens,
        closes_at=closes,
        valid_from=dt.date.fromisoformat(day),
        descriptions=texts(why),
    )


ALWAYS = weekly("mon-sun 0-24")
OFFICE_HOLIDAYS = [
    closed(
        "2026-12-24",
        "2026-12-26",
        ("Joulunpyhinä suljettu", "Stängt under julhelgen", "Closed over Christmas"),
    ),
    special(
        "2026-12-31",
        "8-12",
        ("Uudenvuodenaattona auki klo 12 asti", "Nyårsafton öppet till kl. 12", "New Year's Eve"),
    ),
    closed("2027-01-01", why=("Uudenvuodenpäivä", "Nyårsdagen", "New Year's Day")),
    closed("2027-01-06", why=("Loppiainen", "Trettondagen", "Epiphany")),
]
CHRISTMAS_BREAK = closed(
    "2026-12-21",
    "2027-01-06",
    ("Joulutauko", "Juluppehåll", "Christmas break"),
)
SUMMER_BREAK = closed(
    "2027-07-01",
    "2027-07-31",
    ("Kesätauko heinäkuussa", "Sommaruppehåll i juli", "Summer break in July"),
)
MEETING_PLACE_BREAKS = [CHRISTMAS_BREAK, SUMMER_BREAK]
