"""No double booking under concurrent attempts, proven on PostgreSQL and on a SQLite file.

Run on PostgreSQL with DATABASE_URL=postgres://… and on SQLite with
DATABASE_URL=sqlite:////path/to/file.sqlite3 (`.ci/run` does both); the suite's default
in-memory SQLite fails a second writer at once instead of letting it wait, so there they skip.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from typing import Any

import pytest

from perhekeskus.appointments import services, slotids
from perhekeskus.appointments.availability import HELSINKI
from perhekeskus.appointments.models import Booking, BookingStatus, Channel
from perhekeskus.appointments.tests.factories import AppointmentTypeFactory, receiving_professional
from perhekeskus.testing.concurrency import at_once, concurrent

MONDAY = dt.date(2027, 1, 4)
NOW = dt.datetime(2027, 1, 1, 12, 0, tzinfo=dt.UTC)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=HELSINKI).astimezone(dt.UTC)


def _book(kind: Any, professional_id: int, starts: dt.datetime, index: int, **extra: Any) -> Any:
    return services.booking_create(
        slot_id=slotids.encode(kind.pk, professional_id, starts),
        channel=Channel.PHONE,
        name=f"Perhe {index}",
        email=f"perhe{index}@example.org",
        phone="",
        language="fi",
        answers={},
        now=NOW,
        **extra,
    )


def _outcomes(results: list[Any]) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for result in results:
        if isinstance(result, services.BookingResult):
            kinds["booked" if result.created else "repeat"] += 1
        elif isinstance(result, services.SlotTaken):
            kinds["taken"] += 1
        else:
            kinds[repr(result)] += 1
    return kinds


def _no_overlaps() -> None:
    live = list(
        Booking.objects.filter(status=BookingStatus.BOOKED).values_list(
            "professional_id", "blocked_from", "blocked_until"
        )
    )
    for (p1, from1, until1), (p2, from2, until2) in itertools.combinations(live, 2):
        assert p1 != p2 or until1 <= from2 or until2 <= from1, (from1, until1, from2, until2)


@concurrent
@pytest.mark.django_db(transaction=True)
def test_twenty_families_at_once_for_one_slot_book_it_once() -> None:
    professional = receiving_professional()
    kind = AppointmentTypeFactory.create(professionals=[professional])
    results = at_once(20, lambda i: _book(kind, professional.pk, at(MONDAY, 8), i))
    assert _outcomes(results) == {"booked": 1, "taken": 19}, results
    assert Booking.objects.count() == 1


@concurrent
@pytest.mark.django_db(transaction=True)
def test_forty_families_at_once_on_twenty_slots_book_each_once() -> None:
    professional = receiving_professional()
    kind = AppointmentTypeFactory.create(professionals=[professional])  # 45 min, 10 a day
    starts = [
        at(day, 8) + n * dt.timedelta(minutes=45)
        for day in (MONDAY, MONDAY + dt.timedelta(days=1))
        for n in range(10)
    ]
    results = at_once(40, lambda i: _book(kind, professional.pk, starts[i % 20], i))
    assert _outcomes(results) == {"booked": 20, "taken": 20}, results
    assert sorted(Booking.objects.values_list("starts", flat=True)) == starts
    _no_overlaps()


@concurrent
@pytest.mark.django_db(transaction=True)
def test_overlapping_times_of_two_types_are_never_both_booked() -> None:
    """Starts that differ but overlap: only the calendar lock (not the unique constraint, which
    sees one start) keeps them apart."""
    professional = receiving_professional()
    short = AppointmentTypeFactory.create(professionals=[professional], duration_minutes=45)
    long = AppointmentTypeFactory.create(
        professionals=[professional], duration_minutes=60, buffer_after_minutes=15
    )

    def attempt(index: int) -> Any:
        if index % 2:
            return _book(
                short,
                professional.pk,
                at(MONDAY, 8) + (index // 2 % 8) * dt.timedelta(minutes=45),
                index,
            )
        return _book(
            long,
            professional.pk,
            at(MONDAY, 8) + (index // 2 % 8) * dt.timedelta(minutes=60),
            index,
        )

    results = at_once(20, attempt)
    outcomes = _outcomes(results)
    assert set(outcomes) <= {"booked", "taken"}, results
    assert outcomes["booked"] >= 5
    _no_overlaps()


@concurrent
@pytest.mark.django_db(transaction=True)
def test_the_same_key_at_once_books_once() -> None:
    professional = receiving_professional()
    kind = AppointmentTypeFactory.create(professionals=[professional])
    results = at_once(
        12,
        lambda i: _book(kind, professional.pk, at(MONDAY, 8), 0, idempotency_key="double-click"),
    )
    assert _outcomes(results) == {"booked": 1, "repeat": 11}, results
    assert len({r.booking.pk for r in results}) == 1
    assert len({r.manage_token for r in results}) == 1
    assert Booking.objects.count() == 1


@concurrent
@pytest.mark.django_db(transaction=True)
def test_whoever_is_free_first_fills_each_professional_once() -> None:
    professionals = [receiving_professional() for _ in range(3)]
    kind = AppointmentTypeFactory.create(professionals=professionals)
    results = at_once(
        12,
        lambda i: _book(kind, professionals[0].pk, at(MONDAY, 8, 45), i, any_professional=True),
    )
    assert _outcomes(results) == {"booked": 3, "taken": 9}, results
    assert sorted(Booking.objects.values_list("professional_id", flat=True)) == sorted(
        p.pk for p in professionals
    )


@concurrent
@pytest.mark.django_db(transaction=True)
def test_families_moving_to_one_slot_at_once_get_it_once() -> None:
    professional = receiving_professional()
    kind = AppointmentTypeFactory.create(professionals=[professional])
    tokens = [
        _book(kind, professional.pk, at(MONDAY, 8) + n * dt.timedelta(minutes=45), n).manage_token
        for n in range(8)
    ]
    target = slotids.encode(kind.pk, professional.pk, at(MONDAY + dt.timedelta(days=1), 8, 45))
    results = at_once(
        8,
        lambda i: services.booking_reschedule_by_family(
            manage_token=tokens[i], slot_id=target, now=NOW
        ),
    )
    moved = [r for r in results if isinstance(r, Booking)]
    assert len(moved) == 1, results
    assert all(isinstance(r, (Booking, services.SlotTaken)) for r in results), results
    assert Booking.objects.filter(starts=at(MONDAY + dt.timedelta(days=1), 8, 45)).count() == 1
    _no_overlaps()


@concurrent
@pytest.mark.django_db(transaction=True)
def test_one_person_booking_several_professionals_at_once_keeps_the_per_person_limit() -> None:
    """The calendar lock serialises one professional's bookings; the limit per person must hold
    across professionals too."""
    professionals = [receiving_professional() for _ in range(8)]
    kind = AppointmentTypeFactory.create(
        professionals=professionals, limit_per_person=1, limit_period_days=30
    )

    def same_person(index: int) -> Any:
        return services.booking_create(
            slot_id=slotids.encode(kind.pk, professionals[index].pk, at(MONDAY, 8)),
            channel=Channel.PHONE,
            name="Perhe",
            email="sama.perhe@example.org",
            phone="",
            language="fi",
            answers={},
            now=NOW,
        )

    results = at_once(len(professionals), same_person)
    booked = [result for result in results if isinstance(result, services.BookingResult)]
    assert len(booked) == 1, results
    assert Booking.objects.filter(status=BookingStatus.BOOKED).count() == 1
