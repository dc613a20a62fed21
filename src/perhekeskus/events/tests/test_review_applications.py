"""A decision on a peer group's application asks the policy of the group as stored under its
lock: a facilitator replaced meanwhile decides nothing, and nothing is logged as done."""

from __future__ import annotations

from typing import Any

import pytest

from perhekeskus.core.errors import NotFound
from perhekeskus.core.roles import Role
from perhekeskus.events import actions
from perhekeskus.events.models import Event, SignupStatus
from perhekeskus.events.services import applications
from perhekeskus.events.services.signup import lock_event
from perhekeskus.events.tests.helpers import audits, peer_group, sign_up
from perhekeskus.testing.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_facilitator_replaced_meanwhile_decides_nothing(
    organization: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    network = OrganizationFactory.create()
    facilitator = UserFactory.create(organization=network, roles=[Role.PROFESSIONAL])
    successor = UserFactory.create(organization=network, roles=[Role.PROFESSIONAL])
    group = peer_group(facilitator, organization=organization, capacity=4)
    applied = sign_up(group, 2)

    def replaced_then_locked(event_id: Any) -> Event:
        # The organiser names another facilitator just before the decision takes the lock.
        Event.objects.filter(pk=event_id).update(facilitator=successor)
        return lock_event(event_id)

    monkeypatch.setattr(applications, "lock_event", replaced_then_locked)
    with pytest.raises(NotFound):
        applications.application_approve(actor=facilitator, signup_id=applied.signup.pk)
    applied.signup.refresh_from_db()
    assert applied.signup.status == SignupStatus.APPLIED
    assert audits(actions.APPLICATION_APPROVE) == []
