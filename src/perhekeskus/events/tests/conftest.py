"""The events app's test fixtures; the helpers they share are in helpers.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.catalog.models import Location
from perhekeskus.core import sms
from perhekeskus.core.roles import Role
from perhekeskus.events.tests.helpers import NOW
from perhekeskus.testing.factories import LocationFactory, UserFactory


@pytest.fixture
def frozen_now(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    """`timezone.now()` stands at the test module's NOW (helpers.NOW if it has none)."""
    moment: dt.datetime = getattr(request.module, "NOW", NOW)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment


@pytest.fixture(autouse=True)
def empty_sms_outbox() -> Iterator[None]:
    """The text messages sent by the Locmem backend, emptied around each test."""
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture
def place(organization: Any) -> Location:
    """A place of the organisation."""
    return LocationFactory.create(organization=organization, name="Perhekeskus Kompassi")


@pytest.fixture
def outsider(other_organization: Any) -> User:
    """An editor of another organisation of the network."""
    return UserFactory.create(organization=other_organization, roles=[Role.ORGANIZATION_EDITOR])
