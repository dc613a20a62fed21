"""Who may change what in the catalogue. Organisation editors keep their own organisation's
services and locations; network coordinators may edit everything and see what is stale."""

from __future__ import annotations

from typing import Any

from perhekeskus.core.policies import is_two_factor_satisfied
from perhekeskus.core.roles import Role


def _active(actor: Any) -> bool:
    return bool(
        actor and actor.is_authenticated and actor.is_active and is_two_factor_satisfied(actor)
    )


def is_coordinator(actor: Any) -> bool:
    return _active(actor) and bool(actor.is_superuser or actor.has_role(Role.COORDINATOR))


def can_edit_catalog_of(actor: Any, organization_id: Any) -> bool:
    """Edit the services and locations of the organisation with this id."""
    if is_coordinator(actor):
        return True
    return (
        _active(actor)
        and actor.has_role(Role.ORGANIZATION_EDITOR)
        and actor.organization_id is not None
        and str(actor.organization_id) == str(organization_id)
    )


def can_use_catalog_editor(actor: Any) -> bool:
    return is_coordinator(actor) or (
        _active(actor)
        and actor.has_role(Role.ORGANIZATION_EDITOR)
        and actor.organization_id is not None
    )


def can_view_stale_services(actor: Any) -> bool:
    """The coordinator's list of services not verified in 12 months."""
    return is_coordinator(actor)
