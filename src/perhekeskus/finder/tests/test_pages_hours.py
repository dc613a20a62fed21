"""How the pages say opening hours: open now or when next, the week in a few words, exceptions
ahead; and how they read a point from a link."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from perhekeskus.catalog.models import Schedule, ScheduleKind
from perhekeskus.catalog.opening import FINNISH_TIME
from perhekeskus.finder.forms import parse_point
from perhekeskus.finder.views.hours import combined_state, hours, opening_state, when_text

WEDNESDAY_NOON = dt.datetime(2026, 11, 25, 12, 0, tzinfo=FINNISH_TIME)


def weekly(weekday: int, opens: str, closes: str) -> Schedule:
    return Schedule(
        kind=ScheduleKind.REGULAR,
        weekday=weekday,
        opens_at=dt.time.fromisoformat(opens),
        closes_at=dt.time.fromisoformat(closes),
    )


def closed(first: dt.date, last: dt.date | None = None) -> Schedule:
    return Schedule(kind=ScheduleKind.EXCEPTION, closed=True, valid_from=first, valid_to=last)


def test_next_opening_is_said_as_today_tomorrow_or_a_date() -> None:
    with translation.override("en"):
        morning = WEDNESDAY_NOON.replace(hour=8)
        assert when_text(WEDNESDAY_NOON.replace(hour=16), morning) == "today at 16.00"
        assert when_text(WEDNESDAY_NOON + dt.timedelta(days=1), morning) == "tomorrow at 12.00"
        later = WEDNESDAY_NOON + dt.timedelta(days=5)
        assert when_text(later, morning) == "on Monday 30.11. at 12.00"
    with translation.override("fi"):
        # Finnish times have a dot: 16.00.
        assert "16.00" in when_text(WEDNESDAY_NOON.replace(hour=16), WEDNESDAY_NOON)


def test_opening_state_open_closed_and_unknown() -> None:
    office = [weekly(day, "08:00", "16:00") for day in range(5)]
    assert opening_state(office, WEDNESDAY_NOON).open_now  # type: ignore[union-attr]
    evening = opening_state(office, WEDNESDAY_NOON.replace(hour=18))
    assert evening is not None and not evening.open_now
    assert evening.next_opens == WEDNESDAY_NOON.replace(day=26, hour=8)
    assert opening_state([], WEDNESDAY_NOON) is None
    # Only a holiday, no weekly hours: nothing to say.
    assert opening_state([closed(dt.date(2026, 12, 24))], WEDNESDAY_NOON) is None


def test_combined_state_is_open_when_any_place_is_and_else_the_earliest_opening() -> None:
    morning = opening_state([weekly(3, "08:00", "10:00")], WEDNESDAY_NOON)
    evening = opening_state([weekly(2, "17:00", "19:00")], WEDNESDAY_NOON)
    now = opening_state([weekly(2, "11:00", "13:00")], WEDNESDAY_NOON)
    assert combined_state([morning, evening]) == evening
    assert combined_state([morning, now, None]).open_now  # type: ignore[union-attr]
    assert combined_state([None, None]) is None


def test_week_summary_groups_days_with_the_same_hours() -> None:
    rows = [weekly(day, "08:00", "16:00") for day in range(5)]
    rows += [weekly(5, "10:00", "14:00"), weekly(1, "17:30", "19:00")]
    with translation.override("en"):
        result = hours(rows, WEDNESDAY_NOON)
        assert result is not None
        assert result.summary == [
            "Mon, Wed–Fri 8.00–16.00",
            "Tue 8.00–16.00, 17.30–19.00",
            "Sat 10.00–14.00",
        ]
    assert [day.is_today for day in result.week].index(True) == 2


def test_round_the_clock_and_exceptions_ahead() -> None:
    rows = [weekly(day, "00:00", "00:00") for day in range(7)]
    rows += [
        closed(dt.date(2026, 11, 1)),  # past: not shown
        closed(dt.date(2026, 12, 24), dt.date(2026, 12, 26)),
    ]
    with translation.override("en"):
        result = hours(rows, WEDNESDAY_NOON)
        assert result is not None
        assert result.summary == ["Mon–Sun open 24 hours"]
    assert result.state.open_now
    assert [(e.dates, e.text) for e in result.exceptions] == [("24.12.2026–26.12.2026", "Closed")]


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("60.45,22.27", (60.45, 22.27)),
        (" 60.123456789 , 22.1 ", (60.12346, 22.1)),
        ("-33.9,151.2", (-33.9, 151.2)),
        ("60.45", None),
        ("a,b", None),
        ("inf,1", None),
        ("nan,1", None),
        ("91,0", None),
        ("0,181", None),
        ("1,2,3", None),
    ],
)
def test_a_point_is_read_from_lat_comma_lon(text: str, point: tuple[float, float] | None) -> None:
    assert parse_point(text) == point
