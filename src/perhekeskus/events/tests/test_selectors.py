"""The gatekeepers of the families' data: access_event and participant_list (audited, NotFound
for missing and forbidden alike), the waiting-list position and the manage link's look-up."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from perhekeskus.accounts.models import User
from perhekeskus.core.actors import Visitor
from perhekeskus.core.errors import NotFound
from perhekeskus.core.roles import Role
from perhekeskus.events import actions, selectors
from perhekeskus.events.models import Event, EventKind, Question, RegistrationMode, SignupStatus
from perhekeskus.events.services import (
    application_approve,
    signup_cancel,
    signup_create,
)
from perhekeskus.events.tests.helpers import NOW, audits, family, make_event, peer_group, sign_up
from perhekeskus.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(organization: Any) -> Event:
    return make_event(organization=organization, capacity=3)


def test_access_event_gives_the_organiser_the_event_and_audits_the_read(
    event: Event, editor: User
) -> None:
    assert selectors.access_event(actor=editor, event_id=event.pk) == event
    entry = audits(actions.PARTICIPANTS_VIEW)[0]
    assert entry.actor_id == editor.pk and entry.target_id == str(event.pk)
    assert selectors.access_event(actor=editor, event_id=event.pk, for_action=True) == event
    assert len(audits(actions.PARTICIPANTS_VIEW)) == 1


def test_access_event_is_not_found_for_missing_and_forbidden(
    event: Event, professional: User, other_organization: Any
) -> None:
    outsiders: list[Visitor] = [
        AnonymousUser(),
        professional,
        UserFactory.create(organization=other_organization, roles=[Role.ORGANIZATION_EDITOR]),
    ]
    for actor in outsiders:
        with pytest.raises(NotFound):
            selectors.access_event(actor=actor, event_id=event.pk)
        with pytest.raises(NotFound):
            selectors.participant_list(actor=actor, event_id=event.pk)
    for missing in (uuid.uuid4(), "not-an-id", None):
        with pytest.raises(NotFound):
            selectors.access_event(actor=outsiders[1], event_id=missing)
    assert not audits(actions.PARTICIPANTS_VIEW) and not audits(actions.PARTICIPANTS_EXPORT)


def test_the_participant_list_in_order_with_positions_and_answers(
    event: Event, editor: User
) -> None:
    question = Question.objects.create(event=event, text="Allergiat?")
    first = signup_create(
        event_id=event.pk,
        data=family(ages=[None, 2], answers={f"q_{question.pk}": "maito"}),
        now=NOW,
    )
    waiting_big = sign_up(event, 3, index=2)
    attending = sign_up(event, 1, index=3)
    waiting_small = sign_up(event, 1, index=4)
    cancelled = sign_up(event, 1, index=5)
    signup_cancel(token=cancelled.manage_token, now=NOW)
    shown, rows = selectors.participant_list(actor=editor, event_id=event.pk)
    assert shown == event
    assert [(row.signup.pk, row.signup.status, row.position) for row in rows] == [
        (first.signup.pk, SignupStatus.ATTENDING, None),
        (attending.signup.pk, SignupStatus.ATTENDING, None),
        (waiting_big.signup.pk, SignupStatus.WAITLISTED, 1),
        (waiting_small.signup.pk, SignupStatus.WAITLISTED, 2),
        (cancelled.signup.pk, SignupStatus.CANCELLED, None),
    ]
    assert rows[0].answers == {"Allergiat?": "maito"}
    assert [(p.name, p.age) for p in rows[0].participants] == [
        ("Osallistuja 0", None),
        ("Osallistuja 1", 2),
    ]
    assert rows[0].signup.email == "maija@example.org"
    entry = audits(actions.PARTICIPANTS_VIEW)[0]
    assert entry.actor_id == editor.pk and entry.details == {"count": 5}
    assert not audits(actions.PARTICIPANTS_EXPORT)


def test_an_export_is_audited_as_an_export(event: Event, coordinator: User) -> None:
    sign_up(event, 1)
    _, rows = selectors.participant_list(actor=coordinator, event_id=event.pk, export=True)
    assert len(rows) == 1
    entry = audits(actions.PARTICIPANTS_EXPORT)[0]
    assert entry.actor_id == coordinator.pk and entry.target_id == str(event.pk)
    assert not audits(actions.PARTICIPANTS_VIEW)


def test_a_peer_group_session_lists_the_groups_members(organization: Any) -> None:
    facilitator = UserFactory.create(roles=[Role.PROFESSIONAL])
    group = peer_group(facilitator, organization=organization)
    session = make_event(
        kind=EventKind.OCCURRENCE,
        parent=group,
        organization=organization,
        registration=RegistrationMode.APPLICATION,
    )
    member = sign_up(group, 2).signup
    application_approve(actor=facilitator, signup_id=member.pk)
    shown, rows = selectors.participant_list(actor=facilitator, event_id=session.pk)
    assert shown == session
    assert [row.signup.pk for row in rows] == [member.pk]
    assert audits(actions.PARTICIPANTS_VIEW)[0].target_id == str(session.pk)


def test_the_waiting_list_position_counts_groups_ahead(event: Event) -> None:
    sign_up(event, 3, index=1)
    a = sign_up(event, 3, index=2).signup
    b = sign_up(event, 2, index=3).signup
    c = sign_up(event, 1, index=4).signup
    assert [selectors.waitlist_position(s) for s in (a, b, c)] == [1, 2, 3]


def test_a_manage_token_finds_its_sign_up_and_nothing_else(event: Event) -> None:
    result = sign_up(event, 1)
    found = selectors.signup_get_by_token(result.manage_token)
    assert found is not None and found.pk == result.signup.pk and found.event == event
    assert selectors.signup_get_by_token("") is None
    assert selectors.signup_get_by_token(result.manage_token + "x") is None
    assert selectors.signup_get_by_token("x" * 201) is None
    assert len(selectors.token_hash(result.manage_token)) == 64
    assert selectors.token_hash("a") != selectors.token_hash("b")
