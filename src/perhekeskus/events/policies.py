"""Who may organise events, see their participants and run peer groups.

An organisation's editors publish and change its events (the same people who write its
catalogue); coordinators all. The participants' names and contacts are for the organisers and,
in a peer group, its facilitator, who approves the applications and marks attendance even when
they are not an editor (a facilitator may come from another organisation of the network).
"""

from __future__ import annotations

from perhekeskus.catalog.policies import can_edit_catalog_of
from perhekeskus.core.actors import Visitor
from perhekeskus.core.policies import is_verified_member
from perhekeskus.events.models import Event, EventKind


def can_manage_events_of(actor: Visitor, organization_id: object) -> bool:
    """Create, change, publish and cancel the events of the organisation with this id."""
    return is_verified_member(actor) and can_edit_catalog_of(actor, organization_id)


def can_manage_event(actor: Visitor, event: Event) -> bool:
    return can_manage_events_of(actor, event.organization_id)


def _facilitator_id(event: Event) -> int | None:
    """A peer group's facilitator: the series', also for each of its sessions."""
    if event.kind == EventKind.OCCURRENCE and event.parent_id is not None:
        parent = event.parent
        return parent.facilitator_id if parent is not None else None
    return event.facilitator_id


def is_facilitator_of(actor: Visitor, event: Event) -> bool:
    facilitator_id = _facilitator_id(event)
    return is_verified_member(actor) and facilitator_id is not None and actor.pk == facilitator_id


def can_view_participants(actor: Visitor, event: Event) -> bool:
    """The list of who signed up, with their contacts and answers; attendance; messages."""
    return can_manage_event(actor, event) or is_facilitator_of(actor, event)


def can_mark_attendance(actor: Visitor, event: Event) -> bool:
    return can_view_participants(actor, event)


def can_message_participants(actor: Visitor, event: Event) -> bool:
    return can_view_participants(actor, event)


def can_decide_applications(actor: Visitor, event: Event) -> bool:
    """Approve or decline applications to a peer group."""
    return can_view_participants(actor, event)


def can_view_topics(actor: Visitor, event: Event) -> bool:
    """The topics residents sent to a forum: its organisers."""
    return can_manage_event(actor, event)
