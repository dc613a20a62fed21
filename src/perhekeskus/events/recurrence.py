"""The dates and times of a recurring event, made from its rule.

A rule is Finnish wall-clock time: "Tuesdays 9.30–11" is 9.30 in Helsinki on every Tuesday, in
winter (UTC+2) and in summer (UTC+3) alike, so the UTC instant of an occurrence moves by an hour
across the daylight-saving changes (the last Sundays of March and October) while the clock the
families read does not. `interval_weeks` counts weeks from the week (Monday to Sunday) of the
first date: every second week is the first date's week, the third week after it, and so on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import holidays
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

HELSINKI = ZoneInfo("Europe/Helsinki")
MAX_OCCURRENCES = 200
MAX_INTERVAL_WEEKS = 4
_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class RuleData:
    """A series' rule as the organiser gives it. Weekdays: Monday is 0."""

    weekdays: tuple[int, ...]
    starts_at: dt.time
    ends_at: dt.time
    first_date: dt.date
    last_date: dt.date
    interval_weeks: int = 1
    exceptions: tuple[dt.date, ...] = ()


def rule_errors(rule: RuleData) -> dict[str, list[str]]:
    """What is wrong with the rule, by the field of `RecurrenceRule` (empty when nothing)."""
    errors: dict[str, list[str]] = {}
    if not rule.weekdays or any(not 0 <= day <= 6 for day in rule.weekdays):
        errors["weekdays"] = [_("Choose at least one weekday.")]
    if rule.ends_at <= rule.starts_at:
        errors["ends_at"] = [_("The end must be after the start.")]
    if rule.last_date < rule.first_date:
        errors["last_date"] = [_("The last date must be on or after the first date.")]
    if not 1 <= rule.interval_weeks <= MAX_INTERVAL_WEEKS:
        errors["interval_weeks"] = [
            _("Choose every week or every %(max)s weeks at most.") % {"max": MAX_INTERVAL_WEEKS}
        ]
    return errors


def occurrence_dates(rule: RuleData) -> list[dt.date]:
    """The Finnish dates of the rule's occurrences, in order: the rule's weekdays from the first
    to the last date, every `interval_weeks` weeks, leaving out the exceptions. At most
    `MAX_OCCURRENCES`; a rule that gives more is refused (ValidationError on `last_date`), as is
    one that gives none."""
    errors = rule_errors(rule)
    if errors:
        raise ValidationError(errors)
    weekdays = frozenset(rule.weekdays)
    skipped = frozenset(rule.exceptions)
    first_monday = rule.first_date - dt.timedelta(days=rule.first_date.weekday())
    dates: list[dt.date] = []
    day = rule.first_date
    while day <= rule.last_date:
        week = (day - first_monday).days // 7
        if day.weekday() in weekdays and week % rule.interval_weeks == 0 and day not in skipped:
            dates.append(day)
            if len(dates) > MAX_OCCURRENCES:
                raise ValidationError(
                    {
                        "last_date": [
                            _(
                                "A recurring event can have at most %(max)s dates. Choose an "
                                "earlier last date or fewer weekdays."
                            )
                            % {"max": MAX_OCCURRENCES}
                        ]
                    }
                )
        day += _DAY
    if not dates:
        raise ValidationError(
            {"weekdays": [_("The rule gives no dates. Check the weekdays and the dates.")]}
        )
    return dates


def wall_clock_to_utc(day: dt.date, clock: dt.time) -> dt.datetime:
    """The UTC instant the clocks in Finland show `clock` on `day`.

    A time shown twice (the October night the clocks go back, 3.00–4.00) is its first showing.
    A time never shown (the March night the clocks jump from 3.00 to 4.00) is the jump itself:
    Finland's changes happen on a whole hour (1.00 UTC), so the instant read with the winter
    offset, rounded down to its hour, is the jump."""
    local = dt.datetime.combine(day, clock, tzinfo=HELSINKI)
    utc = local.astimezone(dt.UTC)
    if utc.astimezone(HELSINKI).replace(tzinfo=None) == local.replace(tzinfo=None):
        return utc
    return utc.replace(minute=0, second=0, microsecond=0)


def occurrence_span(
    day: dt.date, starts_at: dt.time, ends_at: dt.time
) -> tuple[dt.datetime, dt.datetime]:
    """The start and end (aware, UTC) of an occurrence on the Finnish date `day` from `starts_at`
    to `ends_at` on the Finnish wall clock."""
    return wall_clock_to_utc(day, starts_at), wall_clock_to_utc(day, ends_at)


def finnish_date(moment: dt.datetime) -> dt.date:
    """The date in Finland at an aware instant."""
    return moment.astimezone(HELSINKI).date()


def holidays_between(first_date: dt.date, last_date: dt.date) -> list[dt.date]:
    """Finnish public holidays, Christmas Eve and Midsummer Eve from `first_date` to `last_date`
    (inclusive): what the series form offers as exceptions."""
    years = range(first_date.year, last_date.year + 1)
    days = set(holidays.country_holidays("FI", years=years))
    for year in years:
        # Days off in Finland although not holidays by law (the library lists them today).
        june_19 = dt.date(year, 6, 19)
        days.add(june_19 + dt.timedelta(days=(4 - june_19.weekday()) % 7))
        days.add(dt.date(year, 12, 24))
    return sorted(day for day in days if first_date <= day <= last_date)
