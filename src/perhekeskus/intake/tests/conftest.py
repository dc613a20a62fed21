"""The early-support teams most intake tests stand on: Askola's VATU with one member, and a
team of another organisation. A test module that needs another shape defines its own."""

from __future__ import annotations

from typing import Any

import pytest

from perhekeskus.intake.tests.factories import EarlySupportTeamFactory, member_of
from perhekeskus.testing.factories import MunicipalityFactory


@pytest.fixture
def team(organization: Any) -> Any:
    askola = MunicipalityFactory.create(code="018", name="Askola")
    return EarlySupportTeamFactory.create(
        name="VATU Askola", organization=organization, municipalities=[askola]
    )


@pytest.fixture
def other_team(other_organization: Any) -> Any:
    pornainen = MunicipalityFactory.create(code="611", name="Pornainen")
    return EarlySupportTeamFactory.create(
        name="VATU Pornainen", organization=other_organization, municipalities=[pornainen]
    )


@pytest.fixture
def member(team: Any) -> Any:
    return member_of(team, email="vilma.vatu@example.org", full_name="Vilma Vatu")
