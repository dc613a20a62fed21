"""Working days in Finland: the clock to first contact runs on them, not on calendar days.

Weekends and the public holidays of the Finnish calendar (New Year, Epiphany, Good Friday,
Easter Monday, May Day, Ascension, Midsummer Eve (a de facto day off), All Saints' Day,
Independence Day, Christmas Eve, Christmas, Boxing Day)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


def _easter(year: int) -> dt.date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _first_saturday_from(start: dt.date) -> dt.date:
    return start + dt.timedelta(days=(5 - start.weekday()) % 7)


@lru_cache(maxsize=32)
def finnish_holidays(year: int) -> frozenset[dt.date]:
    easter = _easter(year)
    midsummer_day = _first_saturday_from(dt.date(year, 6, 20))
    all_saints = _first_saturday_from(dt.date(year, 10, 31))
    return frozenset(
        {
            dt.date(year, 1, 1),
            dt.date(year, 1, 6),
            easter - dt.timedelta(days=2),
            easter + dt.timedelta(days=1),
            dt.date(year, 5, 1),
            easter + dt.timedelta(days=39),
            midsummer_day - dt.timedelta(days=1),
            all_saints,
            dt.date(year, 12, 6),
            dt.date(year, 12, 24),
            dt.date(year, 12, 25),
            dt.date(year, 12, 26),
        }
    )


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in finnish_holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date `days` working days after `start` (a request received on Friday with a target
    of 3 working days is due on Wednesday)."""
    day = start
    remaining = days
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_day_on_or_after(day: dt.date) -> dt.date:
    """`day` itself when it is a working day, else the next one: the same-day target of a
    request received at a weekend or on a holiday falls on the first day the team works."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
