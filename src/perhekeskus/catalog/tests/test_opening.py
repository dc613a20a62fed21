import datetime as dt

from perhekeskus.catalog.models import Schedule, ScheduleKind
from perhekeskus.catalog.opening import FINNISH_TIME, is_open, next_opening


def weekly(weekday: int, opens: str, closes: str, **kwargs: object) -> Schedule:
    return Schedule(
        kind=ScheduleKind.REGULAR,
        weekday=weekday,
        opens_at=dt.time.fromisoformat(opens),
        closes_at=dt.time.fromisoformat(closes),
        **kwargs,  # type: ignore[arg-type]
    )


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=FINNISH_TIME)


# 2026-11-23 is a Monday.
MONDAY_TO_FRIDAY = [weekly(day, "08:00", "16:00") for day in range(5)]


def test_open_during_weekly_hours_and_closed_outside() -> None:
    assert is_open(MONDAY_TO_FRIDAY, at("2026-11-23T08:00"))
    assert is_open(MONDAY_TO_FRIDAY, at("2026-11-23T15:59"))
    assert not is_open(MONDAY_TO_FRIDAY, at("2026-11-23T16:00"))
    assert not is_open(MONDAY_TO_FRIDAY, at("2026-11-28T12:00"))  # Saturday


def test_open_now_is_answered_in_finnish_time_whatever_the_callers_zone() -> None:
    utc_moment = dt.datetime(2026, 11, 23, 6, 30, tzinfo=dt.UTC)  # 08:30 in Helsinki
    assert is_open(MONDAY_TO_FRIDAY, utc_moment)


def test_next_opening_skips_the_weekend() -> None:
    nxt = next_opening(MONDAY_TO_FRIDAY, at("2026-11-27T17:00"))  # Friday evening
    assert nxt is not None
    assert nxt.opens == at("2026-11-30T08:00")


def test_closed_exception_overrides_weekly_hours() -> None:
    holiday = Schedule(kind=ScheduleKind.EXCEPTION, valid_from=dt.date(2026, 12, 24), closed=True)
    rows = [*MONDAY_TO_FRIDAY, holiday]
    assert not is_open(rows, at("2026-12-24T10:00"))
    assert is_open(rows, at("2026-12-23T10:00"))
    nxt = next_opening(rows, at("2026-12-23T17:00"))
    assert nxt is not None and nxt.opens == at("2026-12-25T08:00")


def test_exception_with_own_hours_over_a_date_range() -> None:
    summer = Schedule(
        kind=ScheduleKind.EXCEPTION,
        valid_from=dt.date(2027, 7, 1),
        valid_to=dt.date(2027, 7, 31),
        opens_at=dt.time(9),
        closes_at=dt.time(12),
    )
    rows = [*MONDAY_TO_FRIDAY, summer]
    assert is_open(rows, at("2027-07-05T11:00"))
    assert not is_open(rows, at("2027-07-05T13:00"))
    assert is_open(rows, at("2027-08-02T13:00"))


def test_hours_past_midnight_and_validity_range() -> None:
    late = weekly(
        4, "18:00", "02:00", valid_from=dt.date(2026, 1, 1), valid_to=dt.date(2026, 12, 31)
    )
    assert is_open([late], at("2026-11-28T01:00"))  # Saturday 01:00, Friday's evening
    assert not is_open([late], at("2027-01-02T01:00"))  # after validity


def test_no_hours_means_no_next_opening() -> None:
    assert next_opening([], at("2026-11-23T10:00")) is None
