"""Who may change what in the catalogue. Organisation editors keep their own organisation's
services and locations; network coordinators may edit everything and see what is stale."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeGuard

from perhekeskus.core.actors import Actor, Visitor
from perhekeskus.core.policies import is_coordinator, is_verified_member
from perhekeskus.core.roles import Role

if TYPE_CHECKING:
    from perhekeskus.catalog.models import Organization


def _is_organization_editor(actor: Visitor) -> TypeGuard[Actor]:
    return (
        is_verified_member(actor)
        and actor.has_role(Role.ORGANIZATION_EDITOR)
        and actor.organization_id is not None
    )


def can_edit_catalog_of(actor: Visitor, organization_id: object) -> bool:
    """Edit the services and locations of the organisation with this id."""
    if is_coordinator(actor):
        return True
    return _is_organization_editor(actor) and str(actor.organization_id) == str(organization_id)


def can_use_catalog_editor(actor: Visitor) -> TypeGuard[Actor]:
    return is_coordinator(actor) or _is_organization_editor(actor)


def can_view_stale_services(actor: Visitor) -> bool:
    """The coordinator's list of services not verified in 12 months."""
    return is_coordinator(actor)


def _is_organization_approver(actor: Visitor) -> TypeGuard[Actor]:
    return (
        is_verified_member(actor)
        and actor.has_role(Role.ORGANIZATION_APPROVER)
        and actor.organization_id is not None
    )


def can_approve_services_of(actor: Visitor, organization_id: object) -> bool:
    """Approve the drafts (changes and publications) of this organisation's services."""
    if is_coordinator(actor):
        return True
    return _is_organization_approver(actor) and str(actor.organization_id) == str(organization_id)


def must_send_for_review(actor: Visitor, organization: Organization) -> bool:
    """Whether the actor's publications and changes of published services in this organisation
    wait for approval: the organisation requires review and the actor may not approve."""
    return bool(organization.requires_review) and not can_approve_services_of(
        actor, organization.pk
    )


def can_view_review_queue(actor: Visitor) -> bool:
    """The list of service descriptions waiting for approval."""
    return is_coordinator(actor) or _is_organization_approver(actor)


def can_view_pending_imports(actor: Visitor) -> bool:
    """The documents imports keep until what they link to arrives (`PendingImport`): the
    network's coordinators, who run the imports, see them."""
    return is_coordinator(actor)
