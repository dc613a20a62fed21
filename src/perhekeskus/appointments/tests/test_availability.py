"""Free slots: weekly hours in Finnish wall-clock time across both daylight-saving changes,
extra hours, absences, public holidays, notice, how far ahead, buffers and the duration grid."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from perhekeskus.appointments.availability import (
    HELSINKI,
    free_slots,
    is_public_holiday,
    slot_is_free,
    wall_to_utc,
)
from perhekeskus.appointments.models import BookingStatus, ExceptionKind, WeeklyHours
from perhekeskus.appointments.tests.factories import (
    AppointmentTypeFactory,
    AvailabilityExceptionFactory,
    BookingFactory,
    receiving_professional,
)

pytestmark = pytest.mark.django_db

UTC = dt.UTC
MONDAY = dt.date(2027, 1, 4)  # Winter time, UTC+2
NOW = dt.datetime(2027, 1, 1, 12, 0, tzinfo=UTC)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """Finnish wall-clock time as an aware datetime."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=HELSINKI)


def local_times(slots: list[Any]) -> list[str]:
    return [slot.starts.astimezone(HELSINKI).strftime("%H:%M") for slot in slots]


@pytest.fixture
def professional() -> Any:
    return receiving_professional()


@pytest.fixture
def kind(professional: Any) -> Any:
    return AppointmentTypeFactory.create(duration_minutes=45, professionals=[professional])


def test_weekly_hours_on_a_grid_of_the_duration(kind: Any, professional: Any) -> None:
    slots = free_slots(appointment_type=kind, date_from=MONDAY, date_to=MONDAY, now=NOW)
    assert local_times(slots) == [
        "08:00", "08:45", "09:30", "10:15", "11:00", "11:45", "12:30", "13:15", "14:00", "14:45",
    ]  # fmt: skip
    first = slots[0]
    assert first.starts == dt.datetime(2027, 1, 4, 6, 0, tzinfo=UTC)
    assert first.starts.tzinfo is not None and first.starts.utcoffset() == dt.timedelta(0)
    assert first.ends - first.starts == dt.timedelta(minutes=45)
    assert first.professional_id == professional.pk
    assert first.appointment_type_id == kind.pk
    assert first.channels == ("phone", "video")


def test_weekend_without_hours_has_no_slots(kind: Any) -> None:
    saturday = MONDAY - dt.timedelta(days=2)
    assert free_slots(appointment_type=kind, date_from=saturday, date_to=saturday, now=NOW) == []


def test_dates_are_inclusive_and_sorted_by_start_then_professional(professional: Any) -> None:
    second = receiving_professional()
    kind = AppointmentTypeFactory.create(duration_minutes=240, professionals=[second, professional])
    slots = free_slots(
        appointment_type=kind, date_from=MONDAY, date_to=MONDAY + dt.timedelta(days=1), now=NOW
    )
    assert [(s.starts, s.professional_id) for s in slots] == sorted(
        (s.starts, s.professional_id) for s in slots
    )
    assert len(slots) == 2 * 2 * 2  # two days, two professionals, two four-hour slots
    assert slots[0].professional_id == min(professional.pk, second.pk)


def test_one_professional_only(kind: Any, professional: Any) -> None:
    other = receiving_professional()
    kind.professionals.add(other)
    slots = free_slots(
        appointment_type=kind,
        date_from=MONDAY,
        date_to=MONDAY,
        professional_id=other.pk,
        now=NOW,
    )
    assert slots and {s.professional_id for s in slots} == {other.pk}


def test_professional_who_does_not_receive_the_type_has_no_slots(kind: Any) -> None:
    outsider = receiving_professional()
    assert (
        free_slots(
            appointment_type=kind,
            date_from=MONDAY,
            date_to=MONDAY,
            professional_id=outsider.pk,
            now=NOW,
        )
        == []
    )


def test_inactive_type_or_professional_has_no_slots(kind: Any, professional: Any) -> None:
    kind.is_active = False
    kind.save()
    assert free_slots(appointment_type=kind, date_from=MONDAY, date_to=MONDAY, now=NOW) == []
    kind.is_active = True
    kind.save()
    professional.is_active = False
    professional.save()
    assert free_slots(appointment_type=kind, date_from=MONDAY, date_to=MONDAY, now=NOW) == []


# --- Daylight saving time -----------------------------------------------------------------------

SPRING_SUNDAY = dt.date(2026, 3, 29)  # clocks go from 3.00 to 4.00
AUTUMN_SUNDAY = dt.date(2026, 10, 25)  # clocks go from 4.00 back to 3.00


def nine_to_twelve_on_sundays_and_mondays() -> tuple[Any, Any]:
    professional = receiving_professional(
        hours=[(6, dt.time(9), dt.time(12)), (0, dt.time(9), dt.time(12))]
    )
    kind = AppointmentTypeFactory.create(duration_minutes=60, professionals=[professional])
    return professional, kind


@pytest.mark.parametrize(
    ("change_day", "offset_before", "offset_after"),
    [(SPRING_SUNDAY, 2, 3), (AUTUMN_SUNDAY, 3, 2)],
    ids=["spring-forward", "fall-back"],
)
def test_nine_to_twelve_is_nine_to_twelve_on_both_sides_of_a_change(
    change_day: dt.date, offset_before: int, offset_after: int
) -> None:
    _professional, kind = nine_to_twelve_on_sundays_and_mondays()
    sunday_before = change_day - dt.timedelta(days=7)
    slots = free_slots(
        appointment_type=kind,
        date_from=sunday_before,
        date_to=change_day + dt.timedelta(days=1),
        now=dt.datetime.combine(sunday_before - dt.timedelta(days=3), dt.time(), tzinfo=UTC),
    )

    def utc_hours(day: dt.date) -> list[dt.datetime]:
        return [
            dt.datetime.combine(day, dt.time(9 + n - offset), tzinfo=UTC)
            for n in range(3)
            for offset in [offset_before if day < change_day else offset_after]
        ]

    expected = (
        utc_hours(sunday_before)
        + utc_hours(sunday_before + dt.timedelta(days=1))
        + utc_hours(change_day)
        + utc_hours(change_day + dt.timedelta(days=1))
    )
    assert [s.starts for s in slots] == expected
    assert set(local_times(slots)) == {"09:00", "10:00", "11:00"}


def night_hours_on_the_change_night(change_day: dt.date, minutes: int = 30) -> tuple[Any, Any]:
    professional = receiving_professional(hours=[(6, dt.time(2), dt.time(5))])
    kind = AppointmentTypeFactory.create(duration_minutes=minutes, professionals=[professional])
    return professional, kind


def test_spring_forward_night_loses_exactly_the_hour_that_does_not_exist() -> None:
    _professional, kind = night_hours_on_the_change_night(SPRING_SUNDAY)
    slots = free_slots(
        appointment_type=kind,
        date_from=SPRING_SUNDAY,
        date_to=SPRING_SUNDAY,
        now=dt.datetime(2026, 3, 20, tzinfo=UTC),
    )
    # 2.00 winter time is 0.00 UTC; 5.00 summer time is 2.00 UTC: two real hours.
    assert [s.starts for s in slots] == [
        dt.datetime(2026, 3, 29, 0, 0, tzinfo=UTC),
        dt.datetime(2026, 3, 29, 0, 30, tzinfo=UTC),
        dt.datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
        dt.datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
    ]
    assert local_times(slots) == ["02:00", "02:30", "04:00", "04:30"]
    assert all(b.starts == a.ends for a, b in itertools.pairwise(slots))


def test_fall_back_night_has_the_repeated_hour_twice_and_no_slot_twice() -> None:
    _professional, kind = night_hours_on_the_change_night(AUTUMN_SUNDAY)
    slots = free_slots(
        appointment_type=kind,
        date_from=AUTUMN_SUNDAY,
        date_to=AUTUMN_SUNDAY,
        now=dt.datetime(2026, 10, 20, tzinfo=UTC),
    )
    # 2.00 summer time is 23.00 UTC the day before; 5.00 winter time is 3.00 UTC: four hours.
    starts = [s.starts for s in slots]
    assert starts[0] == dt.datetime(2026, 10, 24, 23, 0, tzinfo=UTC)
    assert starts[-1] == dt.datetime(2026, 10, 25, 2, 30, tzinfo=UTC)
    assert len(starts) == len(set(starts)) == 8
    assert all(b.starts == a.ends for a, b in itertools.pairwise(slots))
    assert local_times(slots) == [
        "02:00", "02:30", "03:00", "03:30", "03:00", "03:30", "04:00", "04:30",
    ]  # fmt: skip
    # The night's first slot is on the 25th in Finland although on the 24th in UTC.
    saturday = free_slots(
        appointment_type=kind,
        date_from=AUTUMN_SUNDAY - dt.timedelta(days=1),
        date_to=AUTUMN_SUNDAY - dt.timedelta(days=1),
        now=dt.datetime(2026, 10, 20, tzinfo=UTC),
    )
    assert saturday == []


@pytest.mark.parametrize("change_day", [SPRING_SUNDAY, AUTUMN_SUNDAY])
def test_every_slot_of_a_change_night_is_free_one_by_one(change_day: dt.date) -> None:
    professional, kind = night_hours_on_the_change_night(change_day, minutes=60)
    now = dt.datetime.combine(change_day - dt.timedelta(days=5), dt.time(), tzinfo=UTC)
    slots = free_slots(appointment_type=kind, date_from=change_day, date_to=change_day, now=now)
    assert slots
    for slot in slots:
        assert slot_is_free(
            appointment_type=kind, professional_id=professional.pk, starts=slot.starts, now=now
        )


def test_hours_starting_in_the_missing_hour_start_when_the_clocks_jump() -> None:
    assert wall_to_utc(SPRING_SUNDAY, dt.time(3, 30)) == dt.datetime(2026, 3, 29, 1, tzinfo=UTC)
    assert wall_to_utc(SPRING_SUNDAY, dt.time(2, 59)) == dt.datetime(2026, 3, 29, 0, 59, tzinfo=UTC)
    # A time shown twice is its first occurrence (summer time).
    assert wall_to_utc(AUTUMN_SUNDAY, dt.time(3, 30)) == dt.datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC
    )


# --- Validity, exceptions, holidays -------------------------------------------------------------


def test_weekly_hours_apply_only_while_valid(kind: Any, professional: Any) -> None:
    WeeklyHours.objects.filter(professional=professional).delete()
    WeeklyHours.objects.create(
        professional=professional,
        weekday=0,
        starts=dt.time(9),
        ends=dt.time(10),
        valid_from=MONDAY + dt.timedelta(days=7),
        valid_until=MONDAY + dt.timedelta(days=14),
    )
    days = [MONDAY + dt.timedelta(days=7 * n) for n in range(4)]
    counts = [
        len(free_slots(appointment_type=kind, date_from=day, date_to=day, now=NOW)) for day in days
    ]
    assert counts == [0, 1, 1, 0]


def test_extra_hours_are_bookable_and_continue_the_grid(kind: Any, professional: Any) -> None:
    saturday = MONDAY + dt.timedelta(days=5)
    AvailabilityExceptionFactory.create(
        professional=professional,
        kind=ExceptionKind.EXTRA,
        starts=at(saturday, 10),
        ends=at(saturday, 12),
    )
    # Extra hours right after Monday's hours join them: the grid goes on from 8.00.
    AvailabilityExceptionFactory.create(
        professional=professional,
        kind=ExceptionKind.EXTRA,
        starts=at(MONDAY, 16),
        ends=at(MONDAY, 17, 30),
    )
    assert local_times(
        free_slots(appointment_type=kind, date_from=saturday, date_to=saturday, now=NOW)
    ) == ["10:00", "10:45"]
    monday = local_times(
        free_slots(appointment_type=kind, date_from=MONDAY, date_to=MONDAY, now=NOW)
    )
    assert monday[-3:] == ["14:45", "15:30", "16:15"]


def test_an_absence_removes_the_slots_it_touches(kind: Any, professional: Any) -> None:
    AvailabilityExceptionFactory.create(
        professional=professional,
        kind=ExceptionKind.ABSENCE,
        starts=at(MONDAY, 9),
        ends=at(MONDAY, 11),
    )
    assert local_times(
        free_slots(appointment_type=kind, date_from=MONDAY, date_to=MONDAY, now=NOW)
    ) == ["08:00", "11:00", "11:45", "12:30", "13:15", "14:00", "14:45"]


def test_an_absence_of_another_professional_changes_nothing(kind: Any) -> None:
    other = receiving_professional()
    AvailabilityExceptionFactory.create(
        professional=other, starts=at(MONDAY, 0), ends=at(MONDAY, 23)
    )
    assert len(free_slots(appointment_type=kind, date_from=MONDAY, date_to=MONDAY, now=NOW)) == 10


def test_public_holiday_is_closed_by_default(kind: Any) -> None:
    epiphany = dt.date(2027, 1, 6)  # a Wednesday
    assert free_slots(appointment_type=kind, date_from=epiphany, date_to=epiphany, now=NOW) == []


def test_professional_who_works_on_public_holidays_has_slots_then() -> None:
    professional = receiving_professional(works_on_public_holidays=True)
    kind = AppointmentTypeFactory.create(professionals=[professional])
    epiphany = dt.date(2027, 1, 6)
    assert free_slots(appointment_type=kind, date_from=epiphany, date_to=epiphany, now=NOW)


def test_extra_hours_on_a_public_holiday_are_bookable(kind: Any, professional: Any) -> None:
    epiphany = dt.date(2027, 1, 6)
    AvailabilityExceptionFactory.create(
        professional=professional,
        kind=ExceptionKind.EXTRA,
        starts=at(epiphany, 10),
        ends=at(epiphany, 11),
    )
    assert local_times(
        free_slots(appointment_type=kind, date_from=epiphany, date_to=epiphany, now=NOW)
    ) == ["10:00"]


@pytest.mark.parametrize(
    ("day", "holiday"),
    [
        (dt.date(2026, 1, 1), True),
        (dt.date(2026, 1, 6), True),
        (dt.date(2026, 4, 3), True),  # Good Friday
        (dt.date(2026, 4, 6), True),  # Easter Monday
        (dt.date(2026, 5, 1), True),
        (dt.date(2026, 5, 14), True),  # Ascension Day
        (dt.date(2026, 6, 19), True),  # Midsummer Eve
        (dt.date(2027, 6, 25), True),  # Midsummer Eve
        (dt.date(2026, 12, 6), True),
        (dt.date(2026, 12, 24), True),  # Christmas Eve
        (dt.date(2026, 12, 25), True),
        (dt.date(2026, 12, 26), True),
        (dt.date(2026, 6, 22), False),
        (dt.date(2026, 12, 23), False),
        (dt.date(2026, 4, 2), False),
    ],
)
def test_finnish_public_holidays(day: dt.date, holiday: bool) -> None:
    assert is_public_holiday(day) is holiday


# --- The window ---------------------------------------------------------------------------------


def test_minimum_notice_keeps_the_grid(kind: Any) -> None:
    kind.min_notice_minutes = 120
    kind.save()
    now = at(MONDAY, 9, 10).astimezone(UTC)
    assert (
        local_times(free_slots(appointment_type=kind, date_from=MONDAY, date_to=MONDAY, now=now))[0]
        == "11:45"
    )


def test_no_slots_in_the_past(kind: Any) -> None:
    now = at(MONDAY + dt.timedelta(days=1), 12).astimezone(UTC)
    assert free_slots(appointment_type=kind, date_from=MONDAY, date_to=MONDAY, now=now) == []


def test_bookable_only_so_many_days_ahead(kind: Any) -> None:
    kind.max_days_ahead = 3  # from Friday the 1st: until Monday the 4th
    kind.save()
    slots = free_slots(
        appointment_type=kind,
        date_from=MONDAY,
        date_to=MONDAY + dt.timedelta(days=7),
        now=NOW,
    )
    assert {s.starts.astimezone(HELSINKI).date() for s in slots} == {MONDAY}


def test_a_huge_range_is_cut_to_the_window(kind: Any, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(6):
        slots = free_slots(
            appointment_type=kind,
            date_from=dt.date(2000, 1, 1),
            date_to=dt.date(2100, 1, 1),
            now=NOW,
        )
    # From Friday 1.1. 56 days ahead: eight weeks of workdays less the Epiphany.
    assert len({s.starts.astimezone(HELSINKI).date() for s in slots}) == 39


# --- Bookings and buffers -----------------------------------------------------------------------


def test_a_live_booking_takes_its_time_and_buffers(kind: Any, professional: Any) -> None:
    kind.buffer_before_minutes = 15
    kind.buffer_after_minutes = 15
    kind.save()
    BookingFactory.create(
        appointment_type=kind, professional=professional, starts=at(MONDAY, 10, 15)
    )
    # Blocked 10.00–11.15; a slot's own buffers may not touch that either.
    assert local_times(
        free_slots(appointment_type=kind, date_from=MONDAY, date_to=MONDAY, now=NOW)
    ) == ["08:00", "08:45", "11:45", "12:30", "13:15", "14:00", "14:45"]


def test_a_booking_of_another_type_blocks_the_professional(kind: Any, professional: Any) -> None:
    other_kind = AppointmentTypeFactory.create(duration_minutes=30, professionals=[professional])
    BookingFactory.create(
        appointment_type=other_kind, professional=professional, starts=at(MONDAY, 8, 30)
    )
    assert local_times(
        free_slots(appointment_type=kind, date_from=MONDAY, date_to=MONDAY, now=NOW)
    )[:2] == ["09:30", "10:15"]


def test_a_cancelled_booking_frees_its_time(kind: Any, professional: Any) -> None:
    BookingFactory.create(
        appointment_type=kind,
        professional=professional,
        starts=at(MONDAY, 8),
        status=BookingStatus.CANCELLED,
    )
    assert (
        local_times(free_slots(appointment_type=kind, date_from=MONDAY, date_to=MONDAY, now=NOW))[0]
        == "08:00"
    )


def test_slot_is_free_follows_the_same_rules(kind: Any, professional: Any) -> None:
    booking = BookingFactory.create(
        appointment_type=kind, professional=professional, starts=at(MONDAY, 8)
    )
    free = at(MONDAY, 8, 45).astimezone(UTC)
    assert slot_is_free(
        appointment_type=kind, professional_id=professional.pk, starts=free, now=NOW
    )
    taken = at(MONDAY, 8).astimezone(UTC)
    assert not slot_is_free(
        appointment_type=kind, professional_id=professional.pk, starts=taken, now=NOW
    )
    assert slot_is_free(
        appointment_type=kind,
        professional_id=professional.pk,
        starts=taken,
        now=NOW,
        exclude_booking_id=booking.pk,
    )
    off_grid = at(MONDAY, 9).astimezone(UTC)
    assert not slot_is_free(
        appointment_type=kind, professional_id=professional.pk, starts=off_grid, now=NOW
    )
    outsider = receiving_professional()
    assert not slot_is_free(
        appointment_type=kind, professional_id=outsider.pk, starts=free, now=NOW
    )


def test_slot_search_reads_in_bulk(django_assert_max_num_queries: Any) -> None:
    """Fifty professionals over eight weeks: the same few queries as one professional for a day."""
    professionals = [receiving_professional() for _ in range(50)]
    kind = AppointmentTypeFactory.create(duration_minutes=45, professionals=professionals)
    for index, professional in enumerate(professionals):
        BookingFactory.create(
            appointment_type=kind,
            professional=professional,
            starts=at(MONDAY + dt.timedelta(days=index % 5), 8),
        )
        AvailabilityExceptionFactory.create(
            professional=professional, starts=at(MONDAY, 12), ends=at(MONDAY, 13)
        )
    with django_assert_max_num_queries(6):
        slots = free_slots(
            appointment_type=kind,
            date_from=MONDAY,
            date_to=MONDAY + dt.timedelta(weeks=8) - dt.timedelta(days=1),
            now=NOW,
        )
    # 39 workdays of ten slots each; every professional's absence takes two slots and the
    # booking one, except the ten booked on the Epiphany, when nobody works.
    assert len(slots) == 50 * 39 * 10 - 50 * 2 - 40
    assert len({s.id for s in slots}) == len(slots)


def test_both_three_oclocks_of_the_fall_back_night_are_booked_apart() -> None:
    """3.00 summer time and 3.00 winter time are two instants an hour apart: booking one leaves
    the other free."""
    professional, kind = night_hours_on_the_change_night(AUTUMN_SUNDAY, minutes=60)
    now = dt.datetime(2026, 10, 20, tzinfo=UTC)
    first_three = dt.datetime(2026, 10, 25, 0, 0, tzinfo=UTC)  # 3.00 +03:00
    second_three = dt.datetime(2026, 10, 25, 1, 0, tzinfo=UTC)  # 3.00 +02:00
    assert first_three.astimezone(HELSINKI).hour == second_three.astimezone(HELSINKI).hour == 3
    BookingFactory.create(appointment_type=kind, professional=professional, starts=first_three)
    assert not slot_is_free(
        appointment_type=kind, professional_id=professional.pk, starts=first_three, now=now
    )
    assert slot_is_free(
        appointment_type=kind, professional_id=professional.pk, starts=second_three, now=now
    )
    slots = free_slots(
        appointment_type=kind, date_from=AUTUMN_SUNDAY, date_to=AUTUMN_SUNDAY, now=now
    )
    assert [s.starts.hour for s in slots] == [23, 1, 2]  # UTC: 2.00, (3.00), 3.00, 4.00
