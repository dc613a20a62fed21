"""The two predicates every app's policies start from, and `require`, the services' check.

The actors here are plain objects with the `core.actors.Actor` protocol's attributes: core's
policies ask nothing else of a user (core cannot import accounts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings

from perhekeskus.core.actors import Actor
from perhekeskus.core.errors import PolicyDenied
from perhekeskus.core.policies import (
    is_coordinator,
    is_two_factor_satisfied,
    is_verified_member,
    require,
)
from perhekeskus.core.roles import Role


@dataclass
class Person:
    pk: int = 1
    is_active: bool = True
    is_superuser: bool = False
    roles: frozenset[str] = field(default_factory=frozenset)
    organization_id: object = None
    # django-otp's middleware puts is_verified() on a logged-in user; None: not set.
    verified: bool | None = None

    @property
    def is_authenticated(self) -> bool:
        return True

    def has_role(self, role: str) -> bool:
        return str(role) in self.roles

    def __getattr__(self, name: str) -> Any:
        if name == "is_verified" and self.verified is not None:
            return lambda: self.verified
        raise AttributeError(name)


def a_professional(**kwargs: Any) -> Person:
    return Person(roles=frozenset({Role.PROFESSIONAL}), **kwargs)


def a_coordinator(**kwargs: Any) -> Person:
    return Person(roles=frozenset({Role.COORDINATOR}), **kwargs)


def a_superuser(**kwargs: Any) -> Person:
    return Person(is_superuser=True, **kwargs)


def test_a_person_has_what_the_actor_protocol_names() -> None:
    actor: Actor = a_professional()  # mypy checks the protocol here
    assert actor.has_role(Role.PROFESSIONAL)


# --- is_verified_member --------------------------------------------------------------------------


@override_settings(PERHEKESKUS_REQUIRE_2FA=False)
@pytest.mark.parametrize("make", [a_professional, a_coordinator, a_superuser])
def test_an_active_logged_in_user_is_a_verified_member_where_2fa_is_not_required(
    make: Any,
) -> None:
    assert is_verified_member(make())


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
@pytest.mark.parametrize("make", [a_professional, a_coordinator, a_superuser])
def test_a_user_who_passed_the_second_factor_is_a_verified_member_where_it_is_required(
    make: Any,
) -> None:
    assert is_verified_member(make(verified=True))


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
@pytest.mark.parametrize("verified", [False, None])
@pytest.mark.parametrize("make", [a_professional, a_coordinator, a_superuser])
def test_a_user_without_the_second_factor_is_refused_where_it_is_required(
    make: Any, verified: bool | None
) -> None:
    user = make(verified=verified)
    assert not is_two_factor_satisfied(user)
    assert not is_verified_member(user)


@override_settings(PERHEKESKUS_REQUIRE_2FA=False)
@pytest.mark.parametrize("make", [a_professional, a_coordinator, a_superuser])
def test_an_inactive_user_is_not_a_verified_member(make: Any) -> None:
    assert not is_verified_member(make(is_active=False))


@override_settings(PERHEKESKUS_REQUIRE_2FA=False)
def test_a_visitor_who_has_not_logged_in_is_not_a_verified_member() -> None:
    assert not is_verified_member(AnonymousUser())
    assert not is_verified_member(None)


# --- is_coordinator ------------------------------------------------------------------------------


@override_settings(PERHEKESKUS_REQUIRE_2FA=False)
@pytest.mark.parametrize("make", [a_coordinator, a_superuser])
def test_a_coordinator_and_the_technical_administrator_are_coordinators(make: Any) -> None:
    assert is_coordinator(make())


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
@pytest.mark.parametrize("make", [a_coordinator, a_superuser])
def test_a_coordinator_is_one_only_after_the_second_factor_where_it_is_required(
    make: Any,
) -> None:
    assert is_coordinator(make(verified=True))
    assert not is_coordinator(make(verified=False))
    assert not is_coordinator(make())


@override_settings(PERHEKESKUS_REQUIRE_2FA=False)
@pytest.mark.parametrize("make", [a_coordinator, a_superuser])
def test_an_inactive_coordinator_is_no_coordinator(make: Any) -> None:
    assert not is_coordinator(make(is_active=False))


@override_settings(PERHEKESKUS_REQUIRE_2FA=False)
@pytest.mark.parametrize(
    "roles",
    [
        {Role.PROFESSIONAL},
        {Role.ORGANIZATION_EDITOR},
        {Role.ORGANIZATION_APPROVER},
        {Role.EARLY_SUPPORT_TEAM},
        set(),
    ],
)
def test_other_roles_are_not_coordinators(roles: set[str]) -> None:
    assert not is_coordinator(Person(roles=frozenset(roles)))


@override_settings(PERHEKESKUS_REQUIRE_2FA=False)
def test_a_visitor_who_has_not_logged_in_is_no_coordinator() -> None:
    assert not is_coordinator(AnonymousUser())
    assert not is_coordinator(None)


@override_settings(PERHEKESKUS_REQUIRE_2FA=False)
def test_the_accounts_user_is_an_actor(coordinator: Any, professional: Any) -> None:
    """The real user model, from the suite's personas, answers the same way."""
    assert is_coordinator(coordinator)
    assert is_verified_member(professional)
    assert not is_coordinator(professional)


# --- require -------------------------------------------------------------------------------------


def test_require_lets_an_allowed_action_through() -> None:
    require(True, "never raised")


def test_require_refuses_with_the_services_message() -> None:
    with pytest.raises(PolicyDenied, match="Only network coordinators"):
        require(False, "Only network coordinators can manage users.")
