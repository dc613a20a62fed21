"""Peer group applications: the facilitator (or the group's organisers) approves or declines."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from perhekeskus.accounts.models import User
from perhekeskus.core.errors import NotFound
from perhekeskus.core.roles import Role
from perhekeskus.events import actions, selectors
from perhekeskus.events.models import Event, EventStatus, Signup, SignupStatus
from perhekeskus.events.services import application_approve, application_decline
from perhekeskus.events.tests.helpers import audits, counters, peer_group, sign_up, spy_notices
from perhekeskus.testing.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator() -> User:
    """A facilitator from another organisation of the network, not an editor."""
    return UserFactory.create(organization=OrganizationFactory.create(), roles=[Role.PROFESSIONAL])


@pytest.fixture
def group(organization: Any, facilitator: User) -> Event:
    return peer_group(facilitator, organization=organization, capacity=4, allow_pseudonyms=True)


def _status(signup: Signup) -> str:
    return Signup.objects.get(pk=signup.pk).status


def test_the_facilitator_approves_into_the_seats(
    group: Event, facilitator: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = spy_notices(monkeypatch)
    applied = sign_up(group, 3, index=1).signup
    approved = application_approve(actor=facilitator, signup_id=applied.pk)
    assert approved.status == SignupStatus.ATTENDING
    assert counters(group) == (3, 0)
    entry = audits(actions.APPLICATION_APPROVE)[0]
    assert entry.actor_id == facilitator.pk and entry.target_id == str(applied.pk)
    assert entry.details == {
        "event": str(group.pk),
        "from": "applied",
        "to": "attending",
        "seats": 3,
    }
    assert sent[-1] == ("application_decided", "attending")


def test_an_approved_family_that_does_not_fit_waits_in_turn(
    group: Event, facilitator: User
) -> None:
    first, second, third = (sign_up(group, 2, index=i).signup for i in range(3))
    for signup in (first, second, third):
        application_approve(actor=facilitator, signup_id=signup.pk)
    waiting = Signup.objects.get(pk=third.pk)
    assert waiting.status == SignupStatus.WAITLISTED and waiting.queue_number == 4
    assert selectors.waitlist_position(waiting) == 1
    assert counters(group) == (4, 2)


def test_the_organisers_editor_decides_too(group: Event, editor: User) -> None:
    applied = sign_up(group, 1).signup
    assert application_decline(actor=editor, signup_id=applied.pk).status == "declined"
    entry = audits(actions.APPLICATION_DECLINE)[0]
    assert entry.actor_id == editor.pk
    assert entry.details["from"] == "applied" and entry.details["to"] == "declined"
    assert counters(group) == (0, 0)


def test_others_cannot_decide_and_learn_nothing(
    group: Event, professional: User, other_organization: Any
) -> None:
    applied = sign_up(group, 1).signup
    outsiders = [
        professional,  # the organiser's own professional, not an editor
        UserFactory.create(organization=other_organization, roles=[Role.ORGANIZATION_EDITOR]),
        UserFactory.create(
            organization=group.organization, roles=[Role.ORGANIZATION_EDITOR], is_active=False
        ),
    ]
    for actor in outsiders:
        with pytest.raises(NotFound):
            application_approve(actor=actor, signup_id=applied.pk)
        with pytest.raises(NotFound):
            application_decline(actor=actor, signup_id=applied.pk)
    assert _status(applied) == "applied"
    assert not audits(actions.APPLICATION_APPROVE) and not audits(actions.APPLICATION_DECLINE)


def test_a_facilitator_of_another_group_cannot_decide(group: Event) -> None:
    other = UserFactory.create(roles=[Role.PROFESSIONAL])
    peer_group(other)
    applied = sign_up(group, 1).signup
    with pytest.raises(NotFound):
        application_approve(actor=other, signup_id=applied.pk)


def test_a_missing_application_is_not_found(facilitator: User) -> None:
    for signup_id in (uuid.uuid4(), "nope"):
        with pytest.raises(NotFound):
            application_approve(actor=facilitator, signup_id=signup_id)  # type: ignore[arg-type]


def test_a_decision_twice_is_the_same_and_a_change_of_mind_is_refused(
    group: Event, facilitator: User
) -> None:
    applied = sign_up(group, 2).signup
    application_approve(actor=facilitator, signup_id=applied.pk)
    assert application_approve(actor=facilitator, signup_id=applied.pk).status == "attending"
    assert len(audits(actions.APPLICATION_APPROVE)) == 1 and counters(group) == (2, 0)
    with pytest.raises(ValidationError):
        application_decline(actor=facilitator, signup_id=applied.pk)
    declined = sign_up(group, 1, index=2).signup
    application_decline(actor=facilitator, signup_id=declined.pk)
    with pytest.raises(ValidationError):
        application_approve(actor=facilitator, signup_id=declined.pk)
    assert _status(declined) == "declined"


def test_no_decision_on_a_cancelled_group(group: Event, facilitator: User) -> None:
    applied = sign_up(group, 1).signup
    Event.objects.filter(pk=group.pk).update(status=EventStatus.CANCELLED)
    with pytest.raises(ValidationError):
        application_approve(actor=facilitator, signup_id=applied.pk)
    assert _status(applied) == "applied" and counters(group) == (0, 0)
