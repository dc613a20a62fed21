"""Recurrence: the dates of a rule (weekdays, interval weeks, exceptions, the 200 limit) and the
Finnish wall-clock times across the daylight-saving changes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from perhekeskus.events.recurrence import (
    HELSINKI,
    MAX_OCCURRENCES,
    RuleData,
    holidays_between,
    occurrence_dates,
    occurrence_span,
    wall_clock_to_utc,
)

D = dt.date
T = dt.time
UTC = dt.UTC


def rule(**changes: object) -> RuleData:
    values: dict[str, object] = {
        "weekdays": (1,),
        "starts_at": T(9, 30),
        "ends_at": T(11, 0),
        "first_date": D(2027, 1, 5),
        "last_date": D(2027, 5, 30),
    }
    values.update(changes)
    return RuleData(**values)  # type: ignore[arg-type]


def test_every_tuesday_until_the_last_date() -> None:
    dates = occurrence_dates(rule())
    assert dates[0] == D(2027, 1, 5)
    assert dates[-1] == D(2027, 5, 25)
    assert all(day.weekday() == 1 for day in dates)
    assert len(dates) == 21


def test_several_weekdays_in_order() -> None:
    dates = occurrence_dates(rule(weekdays=(3, 0), last_date=D(2027, 1, 14)))
    assert dates == [D(2027, 1, 7), D(2027, 1, 11), D(2027, 1, 14)]


def test_every_second_week_counts_from_the_first_dates_week() -> None:
    # First date a Wednesday: that week's Monday is skipped (before the first date), Wednesday
    # counts, the next week is left out, the week after counts again.
    dates = occurrence_dates(
        rule(weekdays=(0, 2), first_date=D(2027, 1, 6), last_date=D(2027, 2, 3), interval_weeks=2)
    )
    assert dates == [D(2027, 1, 6), D(2027, 1, 18), D(2027, 1, 20), D(2027, 2, 1), D(2027, 2, 3)]


def test_every_third_week() -> None:
    dates = occurrence_dates(rule(last_date=D(2027, 3, 1), interval_weeks=3))
    assert dates == [D(2027, 1, 5), D(2027, 1, 26), D(2027, 2, 16)]


def test_exceptions_are_left_out() -> None:
    dates = occurrence_dates(
        rule(last_date=D(2027, 1, 26), exceptions=(D(2027, 1, 12), D(2027, 1, 13)))
    )
    assert dates == [D(2027, 1, 5), D(2027, 1, 19), D(2027, 1, 26)]


def test_at_most_200_dates() -> None:
    daily = (0, 1, 2, 3, 4, 5, 6)
    first = D(2027, 1, 1)
    last = first + dt.timedelta(days=MAX_OCCURRENCES - 1)
    assert len(occurrence_dates(rule(weekdays=daily, first_date=first, last_date=last))) == 200
    with translation.override("en"), pytest.raises(ValidationError) as error:
        occurrence_dates(
            rule(weekdays=daily, first_date=first, last_date=first + dt.timedelta(days=200))
        )
    assert "at most 200 dates" in error.value.message_dict["last_date"][0]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weekdays": ()}, "weekdays"),
        ({"weekdays": (7,)}, "weekdays"),
        ({"ends_at": T(9, 0)}, "ends_at"),
        ({"last_date": D(2027, 1, 1)}, "last_date"),
        ({"interval_weeks": 0}, "interval_weeks"),
        ({"interval_weeks": 5}, "interval_weeks"),
        # Only Sundays from a Tuesday to the Saturday after: no date at all.
        ({"weekdays": (6,), "last_date": D(2027, 1, 9)}, "weekdays"),
    ],
)
def test_a_bad_rule_is_refused_on_its_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as error:
        occurrence_dates(rule(**changes))
    assert field in error.value.message_dict


# --- Daylight saving --------------------------------------------------------------------------


def test_a_series_over_the_spring_change_stays_at_930_finnish_time() -> None:
    # The clocks go forward on the last Sunday of March 2027, the 28th.
    dates = occurrence_dates(
        rule(weekdays=(6,), first_date=D(2027, 3, 21), last_date=D(2027, 4, 4))
    )
    spans = [occurrence_span(day, T(9, 30), T(11, 0)) for day in dates]
    assert [starts for starts, _ends in spans] == [
        dt.datetime(2027, 3, 21, 7, 30, tzinfo=UTC),
        dt.datetime(2027, 3, 28, 6, 30, tzinfo=UTC),
        dt.datetime(2027, 4, 4, 6, 30, tzinfo=UTC),
    ]
    for starts, ends in spans:
        assert starts.astimezone(HELSINKI).time() == T(9, 30)
        assert ends.astimezone(HELSINKI).time() == T(11, 0)
        assert ends - starts == dt.timedelta(minutes=90)


def test_a_series_over_the_autumn_change_stays_at_930_finnish_time() -> None:
    # The clocks go back on the last Sunday of October 2027, the 31st.
    dates = occurrence_dates(
        rule(weekdays=(6,), first_date=D(2027, 10, 24), last_date=D(2027, 11, 7))
    )
    starts = [occurrence_span(day, T(9, 30), T(11, 0))[0] for day in dates]
    assert starts == [
        dt.datetime(2027, 10, 24, 6, 30, tzinfo=UTC),
        dt.datetime(2027, 10, 31, 7, 30, tzinfo=UTC),
        dt.datetime(2027, 11, 7, 7, 30, tzinfo=UTC),
    ]
    assert {moment.astimezone(HELSINKI).time() for moment in starts} == {T(9, 30)}


def test_an_evening_series_over_the_change_keeps_its_length() -> None:
    # Saturday evening before the change and the Sunday evening of it.
    for day in (D(2027, 3, 27), D(2027, 3, 28), D(2027, 10, 30), D(2027, 10, 31)):
        starts, ends = occurrence_span(day, T(18, 0), T(19, 30))
        assert ends - starts == dt.timedelta(minutes=90)
        assert starts.astimezone(HELSINKI).date() == day


def test_a_time_the_clocks_skip_is_the_moment_of_the_jump() -> None:
    # 3.30 does not exist on 28 March 2027: the clocks go from 3.00 to 4.00 (1.00 UTC).
    assert wall_clock_to_utc(D(2027, 3, 28), T(3, 30)) == dt.datetime(2027, 3, 28, 1, 0, tzinfo=UTC)
    starts, ends = occurrence_span(D(2027, 3, 28), T(3, 30), T(4, 15))
    assert ends > starts
    assert ends - starts == dt.timedelta(minutes=15)


def test_a_time_shown_twice_is_its_first_showing() -> None:
    # 3.30 is shown twice on 31 October 2027: first in summer time (0.30 UTC).
    assert wall_clock_to_utc(D(2027, 10, 31), T(3, 30)) == dt.datetime(
        2027, 10, 31, 0, 30, tzinfo=UTC
    )


def test_holidays_between_lists_the_days_off() -> None:
    days = holidays_between(D(2027, 5, 1), D(2027, 6, 30))
    assert D(2027, 5, 1) in days  # May Day
    assert D(2027, 5, 6) in days  # Ascension Day
    assert D(2027, 6, 25) in days  # Midsummer Eve
    assert D(2027, 6, 26) in days  # Midsummer Day
    assert D(2027, 5, 4) not in days
    assert holidays_between(D(2027, 12, 20), D(2028, 1, 7)) == [
        D(2027, 12, 24),
        D(2027, 12, 25),
        D(2027, 12, 26),
        D(2028, 1, 1),
        D(2028, 1, 6),
    ]
