"""Reads of the organiser's pages that hold no family's data: the events a user may organise,
one event to edit, the choices of the event form, and whether the dashboard shows the tool.
Families' data is read only through `selectors.access_event` and `selectors.participant_list`
(audited); the forum's topics, which residents wrote, only through `topics_for` (audited).

An event the user may not manage is NotFound, like a missing one."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TypeGuard, cast

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q, QuerySet

from perhekeskus.accounts.models import User
from perhekeskus.audit.services import audit_record
from perhekeskus.catalog.models import Location, Organization, Service
from perhekeskus.catalog.selectors import editable_by
from perhekeskus.core.actors import Actor, Visitor
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.core.policies import is_coordinator, is_verified_member
from perhekeskus.core.roles import Role
from perhekeskus.events import actions
from perhekeskus.events.models import Event, EventKind, EventStatus, ForumTopic, Question
from perhekeskus.events.policies import (
    can_manage_event,
    can_manage_events_of,
    can_view_topics,
)

# The events the organiser's list shows; occurrences and sessions are reached through them.
TOP_LEVEL_KINDS = (EventKind.SINGLE, EventKind.SERIES, EventKind.UMBRELLA)
# Who can facilitate a peer group: a professional of any organisation of the network.
FACILITATOR_ROLES = (Role.PROFESSIONAL, Role.ORGANIZATION_EDITOR, Role.COORDINATOR)


def _is_organiser(actor: Visitor) -> TypeGuard[Actor]:
    return is_coordinator(actor) or (
        is_verified_member(actor)
        and actor.organization_id is not None
        and actor.has_role(Role.ORGANIZATION_EDITOR)
    )


def events_manageable_by(actor: Visitor) -> QuerySet[Event]:
    """The top-level events the actor organises (their organisation's; a coordinator's: all)
    and the peer groups they facilitate, newest start first."""
    if not is_verified_member(actor):
        return Event.objects.none()
    condition = Q(kind=EventKind.SERIES, is_peer_group=True, facilitator_id=actor.pk)
    if is_coordinator(actor):
        condition = Q()
    elif _is_organiser(actor) and can_manage_events_of(actor, actor.organization_id):
        condition |= Q(organization_id=actor.organization_id)
    return (
        Event.objects.filter(condition, kind__in=TOP_LEVEL_KINDS, parent__isnull=True)
        .select_related("organization", "location")
        .order_by("-starts", "pk")
    )


def event_get_for_edit(*, actor: Visitor, event_id: uuid.UUID) -> Event:
    """One event with its rule, questions and parent, if the actor may manage it."""
    event = (
        Event.objects.select_related(
            "organization", "location", "municipality", "service", "facilitator", "parent"
        )
        .prefetch_related("questions")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        raise NotFound
    if not can_manage_event(actor, event):
        raise AccessDenied(target_type="events.event", target_id=event_id)
    return event


def organizations_for(actor: Visitor) -> QuerySet[Organization]:
    """The organisations whose events the actor may create."""
    if is_coordinator(actor):
        return Organization.objects.order_by("name", "pk")
    if _is_organiser(actor) and can_manage_events_of(actor, actor.organization_id):
        return Organization.objects.filter(pk=cast(uuid.UUID, actor.organization_id))
    return Organization.objects.none()


def event_places(organization_id: uuid.UUID) -> QuerySet[Location]:
    """The places of the catalogue an event of the organisation may be held at: its own places,
    the places where its services are given, and every open meeting place of the network."""
    return (
        Location.objects.filter(
            Q(organization_id=organization_id)
            | Q(service_at_locations__service__organization_id=organization_id)
            | Q(is_meeting_place=True)
        )
        .select_related("municipality")
        .distinct()
        .order_by("name", "pk")
    )


def locations_for(actor: Visitor, organization_id: uuid.UUID) -> QuerySet[Location]:
    """The places the actor may choose for an event of the organisation (`event_places`)."""
    if not can_manage_events_of(actor, organization_id):
        return Location.objects.none()
    return event_places(organization_id)


def organization_services(organization_id: uuid.UUID) -> QuerySet[Service]:
    """The catalogue services an event of the organisation may belong to: its own."""
    return Service.objects.filter(organization_id=organization_id).order_by("name", "pk")


def network_members() -> QuerySet[User]:
    """Active professionals of the network's organisations: those who may facilitate a group."""
    return (
        User.objects.filter(
            is_active=True,
            organization__isnull=False,
            role_grants__role__in=[role.value for role in FACILITATOR_ROLES],
        )
        .select_related("organization")
        .distinct()
        .order_by("full_name", "pk")
    )


def facilitator_choices(actor: Visitor) -> QuerySet[User]:
    """The facilitators an organiser may choose for a peer group (from any organisation)."""
    if not _is_organiser(actor):
        return User.objects.none()
    return network_members()


def topics_for(*, actor: Visitor, event_id: uuid.UUID) -> tuple[Event, list[ForumTopic]]:
    """The forum and the topics residents sent to it, oldest first, for its organisers; each
    read is recorded. NotFound for a missing event, another organiser's, or one that is no
    forum."""
    try:
        event = (
            Event.objects.select_related("organization", "location", "parent")
            .filter(pk=event_id)
            .first()
        )
    except (ValueError, TypeError, ValidationError):
        event = None
    if event is None or not event.is_forum:
        raise NotFound
    if not can_view_topics(actor, event):
        raise AccessDenied(target_type="events.event", target_id=event_id)
    topics = list(ForumTopic.objects.filter(event=event).order_by("created_at", "pk"))
    audit_record(
        action=actions.TOPICS_VIEW,
        actor=actor,
        target=event,
        details={"count": len(topics)},
    )
    return event, topics


def events_listed(actor: Visitor, *, show: str, now: dt.datetime) -> QuerySet[Event]:
    """The organiser's list (`events_manageable_by`): "drafts", "past" or the upcoming ones,
    each with its parts (occurrences, sessions) by time in `parts`."""
    events = events_manageable_by(actor)
    if show == "drafts":
        events = events.filter(status=EventStatus.DRAFT).order_by("starts", "pk")
    elif show == "past":
        events = events.exclude(status=EventStatus.DRAFT).filter(ends__lt=now).order_by("-starts")
    else:
        events = (
            events.exclude(status=EventStatus.DRAFT).filter(ends__gte=now).order_by("starts", "pk")
        )
    return events.prefetch_related(
        Prefetch("children", queryset=Event.objects.order_by("starts", "pk"), to_attr="parts")
    )


def questions_of(event: Event) -> list[Question]:
    """An event's own sign-up questions in their order (prefetched by `event_get_for_edit`)."""
    return list(event.questions.all())


def parts_to_cancel(event: Event) -> int:
    """How many of the event's occurrences or sessions a cancellation would cancel at most."""
    return event.children.exclude(status=EventStatus.CANCELLED).count()


def services_for(actor: Visitor, organization_id: uuid.UUID) -> QuerySet[Service]:
    """The organisation's catalogue services the actor may attach an event to."""
    return editable_by(
        Service.objects.filter(organization_id=organization_id).order_by("name"),
        actor=actor,
        organization_paths=("organization",),
    )


def event_parts(event: Event) -> list[Event]:
    """The occurrences of a series or the sessions of an event with sessions, by time, with
    their places (a peer group's sessions, where its attendance is marked)."""
    return list(event.children.select_related("location").order_by("starts", "pk"))


def may_use_events_tool(actor: Visitor) -> bool:
    """Organisers (editors of an organisation, coordinators) and peer group facilitators."""
    if _is_organiser(actor):
        return True
    return (
        is_verified_member(actor)
        and Event.objects.filter(
            kind=EventKind.SERIES, is_peer_group=True, facilitator_id=actor.pk
        ).exists()
    )
