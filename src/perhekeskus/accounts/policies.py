from __future__ import annotations

from typing import Any

from perhekeskus.core.policies import is_two_factor_satisfied
from perhekeskus.core.roles import Role


def _is_verified_member(actor: Any) -> bool:
    return bool(
        actor and actor.is_authenticated and actor.is_active and is_two_factor_satisfied(actor)
    )


def can_manage_users(actor: Any) -> bool:
    """Coordinators add professionals, change their details and roles, deactivate them."""
    return _is_verified_member(actor) and bool(
        actor.is_superuser or actor.has_role(Role.COORDINATOR)
    )


def can_view_user(actor: Any, user: Any) -> bool:
    return _is_verified_member(actor) and (actor.pk == user.pk or can_manage_users(actor))


def can_manage_user(actor: Any, user: Any) -> bool:
    """Change, deactivate or remove the authenticator of this user. The technical administrator
    (a superuser) is managed by superusers only: a coordinator cannot lock them out."""
    return can_manage_users(actor) and (not user.is_superuser or bool(actor.is_superuser))


def can_grant_roles_to(actor: Any, user: Any) -> bool:
    """Nobody gives roles to themselves: a role opens data (an early-support team's role opens
    families' help requests), so a second person must grant it."""
    return can_manage_user(actor, user) and actor.pk != user.pk
