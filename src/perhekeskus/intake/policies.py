"""Who sees and handles a help request: the members of the team it came to, and its
responsible worker. Nobody else — not even coordinators see a family's words."""

from __future__ import annotations

from typing import Any

from perhekeskus.core.policies import is_two_factor_satisfied
from perhekeskus.core.roles import Role


def _active(actor: Any) -> bool:
    return bool(
        actor and actor.is_authenticated and actor.is_active and is_two_factor_satisfied(actor)
    )


def is_team_member(actor: Any, team_id: Any) -> bool:
    if not (_active(actor) and actor.has_role(Role.EARLY_SUPPORT_TEAM)) or team_id is None:
        return False
    return bool(actor.early_support_teams.filter(pk=team_id, is_active=True).exists())


def can_be_responsible(actor: Any) -> bool:
    """A responsible worker reaches their requests only while they hold a role that works with
    families: revoking a user's roles revokes their requests too (the link stays, for the
    record, until someone reassigns them)."""
    return _active(actor) and (
        actor.has_role(Role.PROFESSIONAL) or actor.has_role(Role.EARLY_SUPPORT_TEAM)
    )


def can_view_request(actor: Any, request: Any) -> bool:
    if not _active(actor):
        return False
    if (
        request.responsible_id is not None
        and request.responsible_id == actor.pk
        and can_be_responsible(actor)
    ):
        return True
    return is_team_member(actor, request.team_id)


def can_handle_request(actor: Any, request: Any) -> bool:
    """Triage, assign, record contacts, reply, close: the same people who may see it."""
    return can_view_request(actor, request)


def can_use_triage_board(actor: Any) -> bool:
    return _active(actor) and actor.has_role(Role.EARLY_SUPPORT_TEAM)


def can_manage_teams(actor: Any) -> bool:
    return _active(actor) and bool(actor.is_superuser or actor.has_role(Role.COORDINATOR))
