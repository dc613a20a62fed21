from __future__ import annotations

from perhekeskus.accounts.models import User
from perhekeskus.core.actors import Visitor
from perhekeskus.core.policies import is_coordinator, is_verified_member


def can_manage_users(actor: Visitor) -> bool:
    """Coordinators add professionals, change their details and roles, deactivate them."""
    return is_coordinator(actor)


def can_view_user(actor: Visitor, user: User) -> bool:
    return is_verified_member(actor) and (actor.pk == user.pk or can_manage_users(actor))


def can_manage_user(actor: Visitor, user: User) -> bool:
    """Change, deactivate or remove the authenticator of this user. The technical administrator
    (a superuser) is managed by superusers only: a coordinator cannot lock them out."""
    return is_coordinator(actor) and (not user.is_superuser or bool(actor.is_superuser))


def can_grant_roles_to(actor: Visitor, user: User) -> bool:
    """Nobody gives roles to themselves: a role opens data (an early-support team's role opens
    families' help requests), so a second person must grant it."""
    return can_manage_user(actor, user) and actor is not None and actor.pk != user.pk
