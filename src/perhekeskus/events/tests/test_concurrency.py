"""Seats never lost or doubled under concurrent sign-ups and cancellations, proven on
PostgreSQL and on a SQLite file (ADR 0038).

Run on PostgreSQL with DATABASE_URL=postgres://… and on SQLite with
DATABASE_URL=sqlite:////path/to/file.sqlite3 (`.ci/run` does both); the suite's default
in-memory SQLite fails a second writer at once instead of letting it wait, so there they skip.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from perhekeskus.events.models import Event, Signup, SignupStatus
from perhekeskus.events.services import (
    SignupRefused,
    SignupResult,
    signup_cancel,
    signup_change,
    signup_create,
)
from perhekeskus.events.tests.helpers import NOW, family, make_event
from perhekeskus.testing.concurrency import at_once, concurrent


def _outcomes(results: list[Any]) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for result in results:
        if isinstance(result, SignupResult):
            kinds[result.signup.status if result.created else "repeat"] += 1
        elif isinstance(result, SignupRefused):
            kinds[result.code] += 1
        else:
            kinds[repr(result)] += 1
    return kinds


def _seats(event: Event, *statuses: str) -> int:
    return sum(
        Signup.objects.filter(event=event, status__in=statuses).values_list("seats", flat=True)
    )


def _consistent(event: Event) -> Event:
    """The counters on the event are the sums of the sign-ups, the queue's numbers are unique
    and in the order the sign-ups were stored, and nobody waits who would fit."""
    event.refresh_from_db()
    assert event.seats_taken == _seats(event, SignupStatus.ATTENDING, SignupStatus.OFFERED)
    assert event.waitlisted_count == _seats(event, SignupStatus.WAITLISTED)
    assert event.capacity is None or event.seats_taken <= event.capacity
    queue = list(
        Signup.objects.filter(event=event, queue_number__gt=0)
        .order_by("queue_number")
        .values_list("queue_number", "created_at")
    )
    numbers = [number for number, _ in queue]
    assert numbers == list(range(1, event.next_queue_number)), numbers
    stored = [created for _, created in queue]
    assert stored == sorted(stored)
    waiting = Signup.objects.filter(event=event, status=SignupStatus.WAITLISTED)
    smallest = min((s.seats for s in waiting), default=None)
    assert smallest is None or event.seats_left is None or smallest > event.seats_left
    return event


def _sign_up(event: Event, index: int, persons: int, **extra: Any) -> SignupResult:
    return signup_create(
        event_id=event.pk,
        data=family(persons, email=f"perhe{index}@example.org"),
        now=NOW,
        **extra,
    )


@concurrent
@pytest.mark.django_db(transaction=True)
def test_two_hundred_families_at_once_fill_twenty_seats_exactly() -> None:
    event = make_event(capacity=20, max_group_size=3)
    sizes = [1 + index % 3 for index in range(200)]
    results = at_once(200, lambda i: _sign_up(event, i, sizes[i]))
    outcomes = _outcomes(results)
    assert set(outcomes) == {"attending", "waitlisted"}, outcomes
    assert outcomes["attending"] + outcomes["waitlisted"] == 200
    event = _consistent(event)
    assert event.seats_taken == 20
    assert _seats(event, SignupStatus.ATTENDING) == 20
    assert event.waitlisted_count == sum(sizes) - 20
    assert event.next_queue_number == outcomes["waitlisted"] + 1


@concurrent
@pytest.mark.django_db(transaction=True)
def test_concurrent_cancellations_promote_the_queue_in_order() -> None:
    event = make_event(capacity=10)
    seated = [_sign_up(event, i, 1) for i in range(10)]
    queued = [_sign_up(event, 100 + i, 1) for i in range(15)]
    assert all(r.signup.status == SignupStatus.WAITLISTED for r in queued)
    results = at_once(10, lambda i: signup_cancel(token=seated[i].manage_token, now=NOW))
    assert all(isinstance(r, Signup) for r in results), results
    event = _consistent(event)
    assert event.seats_taken == 10 and event.waitlisted_count == 5
    statuses = [Signup.objects.get(pk=r.signup.pk).status for r in queued]
    assert statuses == [SignupStatus.ATTENDING] * 10 + [SignupStatus.WAITLISTED] * 5


@concurrent
@pytest.mark.django_db(transaction=True)
def test_cancellations_and_sign_ups_at_once_keep_the_seats_and_the_queue() -> None:
    event = make_event(capacity=20, max_group_size=3)
    seated = []
    for index in range(40):
        result = _sign_up(event, index, 1 + index % 3)
        if result.signup.status == SignupStatus.ATTENDING:
            seated.append(result)

    def act(index: int) -> Any:
        if index < len(seated):
            return signup_cancel(token=seated[index].manage_token, now=NOW)
        return _sign_up(event, 1000 + index, 1 + index % 3)

    results = at_once(40, act)
    assert not [r for r in results if isinstance(r, Exception)], results
    event = _consistent(event)
    assert event.seats_taken == 20


@concurrent
@pytest.mark.django_db(transaction=True)
def test_growing_groups_at_once_never_take_more_than_the_seats() -> None:
    event = make_event(capacity=12, max_group_size=6)
    seated = [_sign_up(event, i, 2) for i in range(6)]
    results = at_once(
        6,
        lambda i: signup_change(
            token=seated[i].manage_token, participants=family(4).participants, now=NOW
        ),
    )
    grown = [r for r in results if isinstance(r, Signup)]
    assert len(grown) == 0, results  # 12 of 12 taken: nobody may grow
    event = _consistent(event)
    assert event.seats_taken == 12
    signup_cancel(token=seated[0].manage_token, now=NOW)
    signup_cancel(token=seated[1].manage_token, now=NOW)
    results = at_once(
        4,
        lambda i: signup_change(
            token=seated[2 + i].manage_token, participants=family(4).participants, now=NOW
        ),
    )
    assert len([r for r in results if isinstance(r, Signup)]) == 2, results
    assert _consistent(event).seats_taken == 12


@concurrent
@pytest.mark.django_db(transaction=True)
def test_the_same_key_at_once_signs_up_once() -> None:
    event = make_event(capacity=20)
    results = at_once(12, lambda i: _sign_up(event, 0, 2, idempotency_key="double-click"))
    assert _outcomes(results) == {"attending": 1, "repeat": 11}, results
    assert len({r.signup.pk for r in results}) == 1
    assert Signup.objects.count() == 1
    assert _consistent(event).seats_taken == 2
