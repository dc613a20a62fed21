"""Who sees and handles a help request: the members of the team it came to, and its
responsible worker. Nobody else — not even coordinators see a family's words."""

from __future__ import annotations

import uuid

from perhekeskus.core.actors import Visitor
from perhekeskus.core.policies import is_coordinator, is_verified_member
from perhekeskus.core.roles import Role
from perhekeskus.intake.models import EarlySupportTeam, HelpRequest


def is_team_member(actor: Visitor, team_id: uuid.UUID | str | None) -> bool:
    if not (is_verified_member(actor) and actor.has_role(Role.EARLY_SUPPORT_TEAM)):
        return False
    if team_id is None:
        return False
    return EarlySupportTeam.objects.filter(pk=team_id, is_active=True, members=actor.pk).exists()


def can_be_responsible(actor: Visitor) -> bool:
    """A responsible worker reaches their requests only while they hold a role that works with
    families: revoking a user's roles revokes their requests too (the link stays, for the
    record, until someone reassigns them)."""
    return is_verified_member(actor) and (
        actor.has_role(Role.PROFESSIONAL) or actor.has_role(Role.EARLY_SUPPORT_TEAM)
    )


def can_view_request(actor: Visitor, help_request: HelpRequest) -> bool:
    if not is_verified_member(actor):
        return False
    if (
        help_request.responsible_id is not None
        and help_request.responsible_id == actor.pk
        and can_be_responsible(actor)
    ):
        return True
    return is_team_member(actor, help_request.team_id)


def can_handle_request(actor: Visitor, help_request: HelpRequest) -> bool:
    """Triage, assign, record contacts, reply, close: the same people who may see it."""
    return can_view_request(actor, help_request)


def can_use_triage_board(actor: Visitor) -> bool:
    return is_verified_member(actor) and actor.has_role(Role.EARLY_SUPPORT_TEAM)


def can_manage_teams(actor: Visitor) -> bool:
    return is_coordinator(actor)
