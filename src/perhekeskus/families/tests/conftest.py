"""The families app's test fixtures: the organisations and professionals most tests meet, and
the plain family they work with; a test module with a family of another shape defines its own
`family`. The helpers the tests share are in helpers.py."""

from __future__ import annotations

from typing import Any

import pytest

from perhekeskus.accounts.models import User
from perhekeskus.catalog.models import Organization
from perhekeskus.core.roles import Role
from perhekeskus.families.models import Family
from perhekeskus.testing.factories import OrganizationFactory, UserFactory
from perhekeskus.testing.families import make_family


@pytest.fixture
def school() -> Organization:
    """An organisation of the family's network, for a team member and a consent's recipient."""
    return OrganizationFactory.create(name="Askolan koulu")


@pytest.fixture
def kuraattori(school: Organization) -> User:
    """A professional of the school: on the family's team only when a test adds them."""
    return UserFactory.create(organization=school, roles=[Role.PROFESSIONAL])


@pytest.fixture
def outsider(other_organization: Any) -> User:
    """A professional with nothing to do with the family."""
    return UserFactory.create(organization=other_organization, roles=[Role.PROFESSIONAL])


@pytest.fixture
def colleague(organization: Any) -> User:
    """Another professional of the responsible worker's organisation."""
    return UserFactory.create(
        organization=organization, roles=[Role.PROFESSIONAL], full_name="Kaisa Kollega"
    )


@pytest.fixture
def ngo() -> Organization:
    """An NGO a referral is sent to."""
    return OrganizationFactory.create(name="MLL Askola")


@pytest.fixture
def ngo_worker(ngo: Organization) -> User:
    return UserFactory.create(organization=ngo, roles=[Role.PROFESSIONAL])


@pytest.fixture
def reader() -> User:
    """A professional of child protection, who reads under a law."""
    return UserFactory.create(
        organization=OrganizationFactory.create(name="Lastensuojelu"), roles=[Role.PROFESSIONAL]
    )


@pytest.fixture
def family(professional: User) -> Family:
    """A family whose responsible worker is `professional`."""
    return make_family(responsible=professional)
