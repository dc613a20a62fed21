"""The waiting list: its order and positions, promotion of the first waiting group that fits,
offers that must be confirmed, and their expiry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from perhekeskus.events import actions, selectors
from perhekeskus.events.models import Event, Signup, SignupStatus
from perhekeskus.events.services import (
    SignupResult,
    lock_event,
    offers_expire,
    promote_waitlist,
    signup_cancel,
    signup_change,
    signup_confirm_offer,
)
from perhekeskus.events.tests.helpers import (
    NOW,
    START,
    audits,
    counters,
    family,
    make_event,
    sign_up,
    spy_notices,
)

pytestmark = pytest.mark.django_db


def _status(result: SignupResult) -> str:
    return Signup.objects.get(pk=result.signup.pk).status


def _positions(event: Event) -> dict[int, int | None]:
    return {
        signup.seats * 100 + signup.queue_number: selectors.waitlist_position(signup)
        for signup in Signup.objects.filter(event=event, status=SignupStatus.WAITLISTED)
    }


def _full_with_queue(
    capacity: int, attending: list[int], waiting: list[int]
) -> tuple[Event, list[SignupResult], list[SignupResult]]:
    event = make_event(capacity=capacity)
    seated = [sign_up(event, n, index=i) for i, n in enumerate(attending)]
    queued = [sign_up(event, n, index=100 + i) for i, n in enumerate(waiting)]
    assert all(r.signup.status == SignupStatus.WAITLISTED for r in queued)
    return event, seated, queued


def test_the_queue_keeps_its_order_and_positions_count_groups() -> None:
    event, _, queued = _full_with_queue(2, [2], [3, 1, 2])
    assert [r.signup.queue_number for r in queued] == [1, 2, 3]
    assert [selectors.waitlist_position(r.signup) for r in queued] == [1, 2, 3]
    assert counters(event) == (2, 6)
    signup_cancel(token=queued[0].manage_token, now=NOW)
    assert [selectors.waitlist_position(Signup.objects.get(pk=r.signup.pk)) for r in queued] == [
        None,
        1,
        2,
    ]


def test_cancelling_promotes_exactly_the_next_group_that_fits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent = spy_notices(monkeypatch)
    event, seated, (three, two, one) = _full_with_queue(4, [2, 2], [3, 2, 1])
    signup_cancel(token=seated[1].manage_token, now=NOW)  # 2 free: the 3 waits, the 2 comes
    assert (_status(three), _status(two), _status(one)) == ("waitlisted", "attending", "waitlisted")
    assert counters(event) == (4, 4)
    assert selectors.waitlist_position(Signup.objects.get(pk=one.signup.pk)) == 2
    entry = audits(actions.SIGNUP_PROMOTE)[0]
    assert entry.target_id == str(two.signup.pk)
    assert entry.details == {
        "event": str(event.pk),
        "from": "waitlisted",
        "to": "attending",
        "seats": 2,
    }
    assert ("signup_promoted", "attending") in sent
    signup_cancel(token=seated[0].manage_token, now=NOW)  # 2 free: the 3 still waits, the 1 comes
    assert (_status(three), _status(one)) == ("waitlisted", "attending")
    assert counters(event) == (3, 3)
    signup_cancel(token=two.manage_token, now=NOW)  # 3 free: now the 3 fits
    assert _status(three) == "attending"
    assert counters(event) == (4, 0)
    promoted = Signup.objects.get(pk=three.signup.pk)
    assert promoted.promoted_at == NOW


def test_several_groups_that_fit_are_promoted_in_order() -> None:
    event, seated, queued = _full_with_queue(4, [4], [1, 1, 3, 1, 1])
    signup_cancel(token=seated[0].manage_token, now=NOW)
    assert [_status(r) for r in queued] == [
        "attending",
        "attending",
        "waitlisted",
        "attending",
        "attending",
    ]
    assert counters(event) == (4, 3)


def test_a_smaller_group_frees_seats_for_the_queue() -> None:
    event, seated, (waiting,) = _full_with_queue(3, [3], [1])
    signup_change(token=seated[0].manage_token, participants=family(2).participants, now=NOW)
    assert _status(waiting) == "attending"
    assert counters(event) == (3, 0)


def test_a_waiting_group_made_smaller_may_fit_itself() -> None:
    event, _, (first, second) = _full_with_queue(3, [2], [2, 3])
    signup_change(token=second.manage_token, participants=family(1).participants, now=NOW)
    assert (_status(first), _status(second)) == ("waitlisted", "attending")
    assert counters(event) == (3, 2)


def test_a_waiting_group_made_larger_needs_room_on_the_list() -> None:
    event = make_event(capacity=1, waitlist_capacity=3)
    sign_up(event, 1, index=1)
    waiting = sign_up(event, 2, index=2)
    changed = signup_change(
        token=waiting.manage_token, participants=family(3).participants, now=NOW
    )
    assert changed.seats == 3 and changed.queue_number == 1
    assert counters(event) == (1, 3)
    with pytest.raises(ValidationError):
        signup_change(token=waiting.manage_token, participants=family(4).participants, now=NOW)
    assert counters(event) == (1, 3)


def test_nobody_is_promoted_once_the_event_has_begun() -> None:
    event, _, (waiting,) = _full_with_queue(1, [1], [1])
    Event.objects.filter(pk=event.pk).update(capacity=2)
    with transaction.atomic():
        locked = lock_event(event.pk)
        assert promote_waitlist(locked, now=START) == []
    assert _status(waiting) == "waitlisted"


def test_more_capacity_promotes_through_promote_waitlist() -> None:
    event, _, queued = _full_with_queue(2, [2], [2, 1])
    Event.objects.filter(pk=event.pk).update(capacity=4)
    with transaction.atomic():
        promoted = promote_waitlist(lock_event(event.pk), now=NOW)
    assert [s.pk for s in promoted] == [queued[0].signup.pk]
    assert counters(event) == (4, 1)


def test_the_queue_goes_first_when_seats_were_freed_without_promotion() -> None:
    event, _, (waiting,) = _full_with_queue(2, [2], [1])
    Event.objects.filter(pk=event.pk).update(capacity=3)  # nobody promoted yet
    newcomer = sign_up(event, 1, index=9)
    assert _status(waiting) == "attending"
    assert newcomer.signup.status == SignupStatus.WAITLISTED
    assert counters(event) == (3, 1)


# --- Offers -------------------------------------------------------------------------------------


def _offered_event(hours: int = 12) -> tuple[Event, list[SignupResult], list[SignupResult]]:
    event = make_event(capacity=2, confirm_within_hours=hours)
    seated = [sign_up(event, 2, index=1)]
    queued = [sign_up(event, n, index=10 + n) for n in (2, 1)]
    signup_cancel(token=seated[0].manage_token, now=NOW)
    return event, seated, queued


def test_a_promotion_is_an_offer_that_holds_the_seats(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = spy_notices(monkeypatch)
    event, _, (offered, waiting) = _offered_event()
    signup = Signup.objects.get(pk=offered.signup.pk)
    assert signup.status == SignupStatus.OFFERED
    assert signup.offer_expires_at == NOW + dt.timedelta(hours=12)
    assert _status(waiting) == "waitlisted"
    assert counters(event) == (2, 1)
    assert ("signup_promoted", "offered") in sent
    assert audits(actions.SIGNUP_PROMOTE)[0].details["to"] == "offered"


def test_a_confirmed_offer_is_attending() -> None:
    event, _, (offered, _waiting) = _offered_event()
    confirmed = signup_confirm_offer(token=offered.manage_token, now=NOW + dt.timedelta(hours=11))
    assert confirmed.status == SignupStatus.ATTENDING and confirmed.offer_expires_at is None
    entry = audits(actions.SIGNUP_CONFIRM)[0]
    assert entry.details == {"event": str(event.pk), "from": "offered", "to": "attending"}
    again = signup_confirm_offer(token=offered.manage_token, now=NOW + dt.timedelta(hours=11))
    assert again.status == SignupStatus.ATTENDING and len(audits(actions.SIGNUP_CONFIRM)) == 1
    assert offers_expire(now=NOW + dt.timedelta(hours=13)) == 0
    assert counters(event) == (2, 1)


def test_an_offer_cannot_be_confirmed_late_or_when_there_is_none() -> None:
    _, _, (offered, waiting) = _offered_event()
    with pytest.raises(ValidationError):
        signup_confirm_offer(token=offered.manage_token, now=NOW + dt.timedelta(hours=12))
    with pytest.raises(ValidationError):
        signup_confirm_offer(token=waiting.manage_token, now=NOW)
    assert _status(offered) == "offered"


def test_an_expired_offer_passes_the_seats_to_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    event, _, (offered, waiting) = _offered_event()
    sent = spy_notices(monkeypatch)
    assert offers_expire(now=NOW + dt.timedelta(hours=11)) == 0
    assert offers_expire(now=NOW + dt.timedelta(hours=12)) == 1
    expired = Signup.objects.get(pk=offered.signup.pk)
    assert expired.status == SignupStatus.CANCELLED and not expired.cancelled_by_family
    next_one = Signup.objects.get(pk=waiting.signup.pk)
    assert next_one.status == SignupStatus.OFFERED
    assert next_one.offer_expires_at == NOW + dt.timedelta(hours=24)
    assert counters(event) == (1, 0)
    entry = audits(actions.SIGNUP_OFFER_EXPIRE)[0]
    assert entry.details == {
        "event": str(event.pk),
        "from": "offered",
        "to": "cancelled",
        "seats": 2,
    }
    assert sent == [("offer_expired", "cancelled"), ("signup_promoted", "offered")]
    assert offers_expire(now=NOW + dt.timedelta(hours=12)) == 0


def test_an_offered_family_may_still_cancel() -> None:
    event, _, (offered, waiting) = _offered_event()
    signup_cancel(token=offered.manage_token, now=NOW)
    assert _status(waiting) == "offered"
    assert counters(event) == (1, 0)
