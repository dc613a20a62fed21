"""The user reads other apps' forms and services use instead of querying `User` themselves
(intake's team members and responsible workers, a request's history)."""

from __future__ import annotations

import pytest

from perhekeskus.accounts.selectors import user_list_active, user_list_with_role, user_names
from perhekeskus.core.roles import Role
from perhekeskus.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_only_active_users_with_one_of_the_roles_are_offered() -> None:
    both = UserFactory.create(full_name="Aino", roles=[Role.PROFESSIONAL, Role.EARLY_SUPPORT_TEAM])
    team = UserFactory.create(full_name="Bertta", roles=[Role.EARLY_SUPPORT_TEAM])
    UserFactory.create(full_name="Cecilia", roles=[Role.ORGANIZATION_EDITOR])
    UserFactory.create(full_name="Doris", roles=[Role.EARLY_SUPPORT_TEAM], is_active=False)
    chosen = user_list_with_role(roles=[Role.PROFESSIONAL, Role.EARLY_SUPPORT_TEAM])
    assert list(chosen) == [both, team]  # once each, by name
    assert list(user_list_with_role(roles=[Role.EARLY_SUPPORT_TEAM])) == [both, team]


def test_active_users_by_id_and_names_by_id() -> None:
    active = UserFactory.create(full_name="Aino")
    gone = UserFactory.create(full_name="Bertta", is_active=False)
    assert user_list_active(ids=[active.pk, gone.pk, 999999]) == [active]
    assert user_names(ids=[active.pk, gone.pk, None]) == {active.pk: "Aino", gone.pk: "Bertta"}
    assert user_names(ids=[]) == {}
