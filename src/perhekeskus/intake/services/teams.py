"""Configuring the early-support teams."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.accounts.selectors import user_list_active, users_given_role_by
from perhekeskus.audit.services import audit_record
from perhekeskus.catalog.selectors import municipality_list
from perhekeskus.core.policies import require
from perhekeskus.core.roles import Role
from perhekeskus.intake import actions
from perhekeskus.intake.models import EarlySupportTeam
from perhekeskus.intake.policies import can_manage_teams


def team_save(
    *,
    actor: User,
    team: EarlySupportTeam,
    municipality_codes: Iterable[str],
    member_ids: Iterable[Any],
    request: HttpRequest | None = None,
) -> EarlySupportTeam:
    """Create or change an early-support team. Members must hold the early-support team role;
    a municipality may belong to one active team only, so that no request has two homes."""
    require(can_manage_teams(actor), _("Only network coordinators can manage early-support teams."))
    codes = set(municipality_codes)
    if team.is_active:
        taken = (
            EarlySupportTeam.objects.filter(is_active=True, municipalities__code__in=codes)
            .exclude(pk=team.pk)
            .values_list("municipalities__code", "name")
        )
        clashes = sorted({f"{code} ({name})" for code, name in taken if code in codes})
        if clashes:
            raise ValidationError(
                {
                    "municipalities": _("Already served by another active team: %(list)s")
                    % {"list": ", ".join(clashes)}
                }
            )
    members = user_list_active(ids=member_ids)
    without_role = [m.email for m in members if not m.has_role(Role.EARLY_SUPPORT_TEAM)]
    if without_role:
        raise ValidationError(
            {
                "members": _("These users lack the early-support team role: %(list)s")
                % {"list": ", ".join(without_role)}
            }
        )
    with transaction.atomic():
        created = team._state.adding
        before = set() if created else set(team.members.values_list("pk", flat=True))
        added = {m.pk for m in members} - before
        # Membership opens the team's help requests: nobody adds themselves, another
        # coordinator must (the same rule as for roles, accounts.services.user_roles_set).
        if actor.pk in added:
            raise ValidationError(
                {"members": _("You cannot add yourself to a team; another coordinator must do it.")}
            )
        # Nor through an account of one's own making: whoever gave a user the team role does
        # not also put them in a team, so that two people always stand behind the access.
        self_granted = users_given_role_by(
            granter=actor, role=Role.EARLY_SUPPORT_TEAM, user_ids=added
        )
        if self_granted:
            raise ValidationError(
                {
                    "members": _(
                        "You gave these users the early-support team role yourself; another "
                        "coordinator must add them to a team: %(list)s"
                    )
                    % {"list": ", ".join(self_granted)}
                }
            )
        team.full_clean()
        team.save()
        team.municipalities.set(municipality_list(codes=codes))
        team.members.set(members)
        audit_record(
            action=actions.TEAM_CHANGE,
            actor=actor,
            target=team,
            request=request,
            details={
                "created": created,
                "municipalities": sorted(codes),
                "members": sorted(m.pk for m in members),
                # Who gained and who lost access to the team's requests, at a glance.
                "members_added": sorted(added),
                "members_removed": sorted(before - {m.pk for m in members}),
            },
        )
    return team


def team_provision(
    *,
    id: Any,
    name: str,
    organization: Any,
    municipality_codes: Iterable[str],
    members: Iterable[Any],
    via: str,
) -> tuple[EarlySupportTeam, bool]:
    """Create a team from the command line (demo data, installation scripts). Idempotent by id:
    an existing team is left as it is (a coordinator may have changed it since)."""
    existing = EarlySupportTeam.objects.filter(pk=id).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        team = EarlySupportTeam(pk=id, name=name, organization=organization)
        team.full_clean()
        team.save()
        team.municipalities.set(municipality_list(codes=municipality_codes))
        team.members.set(list(members))
        audit_record(action=actions.TEAM_CHANGE, target=team, details={"via": via})
    return team, True
