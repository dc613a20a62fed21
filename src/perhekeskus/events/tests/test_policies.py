"""Who may manage events, see their participants, decide applications and read forum topics:
each permission allowed and denied."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from perhekeskus.accounts.models import User
from perhekeskus.core.actors import Visitor
from perhekeskus.core.roles import Role
from perhekeskus.events import policies
from perhekeskus.events.models import Event, EventKind
from perhekeskus.events.tests.helpers import make_event, peer_group
from perhekeskus.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

_PARTICIPANT_RULES = (
    policies.can_view_participants,
    policies.can_mark_attendance,
    policies.can_message_participants,
    policies.can_decide_applications,
)


@pytest.fixture
def facilitator() -> User:
    return UserFactory.create(roles=[Role.PROFESSIONAL])


@pytest.fixture
def group(organization: Any, facilitator: User) -> Event:
    return peer_group(facilitator, organization=organization)


def test_the_organisations_editor_and_a_coordinator_manage_its_events(
    organization: Any, editor: User, coordinator: User
) -> None:
    event = make_event(organization=organization)
    for actor in (editor, coordinator):
        assert policies.can_manage_events_of(actor, organization.pk)
        assert policies.can_manage_event(actor, event)
        assert policies.can_view_topics(actor, event)
        assert all(rule(actor, event) for rule in _PARTICIPANT_RULES)


def test_others_manage_nothing(
    organization: Any, other_organization: Any, professional: User
) -> None:
    event = make_event(organization=organization)
    outsiders: list[Visitor] = [
        AnonymousUser(),
        professional,
        UserFactory.create(organization=other_organization, roles=[Role.ORGANIZATION_EDITOR]),
        UserFactory.create(
            organization=organization, roles=[Role.ORGANIZATION_EDITOR], is_active=False
        ),
    ]
    for actor in outsiders:
        assert not policies.can_manage_event(actor, event)
        assert not policies.can_view_topics(actor, event)
        assert not any(rule(actor, event) for rule in _PARTICIPANT_RULES)


def test_the_facilitator_runs_the_group_and_its_sessions_but_does_not_edit_them(
    group: Event, facilitator: User
) -> None:
    session = make_event(kind=EventKind.OCCURRENCE, parent=group, organization=group.organization)
    for event in (group, session):
        assert policies.is_facilitator_of(facilitator, event)
        assert all(rule(facilitator, event) for rule in _PARTICIPANT_RULES)
        assert not policies.can_manage_event(facilitator, event)
        assert not policies.can_view_topics(facilitator, event)


def test_a_facilitator_has_no_say_in_other_events(group: Event, facilitator: User) -> None:
    other = make_event(organization=group.organization)
    assert not policies.is_facilitator_of(facilitator, other)
    assert not any(rule(facilitator, other) for rule in _PARTICIPANT_RULES)
    facilitator.is_active = False
    assert not policies.can_view_participants(facilitator, group)
