"""The gatekeepers of the families' data in events: who signed up, their contacts and answers.

An organiser (or a peer group's facilitator) reaches an event's sign-ups only through
`access_event` (the event, for a page or an action's check; a read is audited, an action's check
with `for_action=True` is not) and `participant_list` (every sign-up with its participants and
answers; one audit entry per call, a view or an export). Missing and forbidden are both NotFound.
A family reaches its own sign-up with the manage link's token (`signup_get_by_token`).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from perhekeskus.audit.services import audit_record
from perhekeskus.core.actors import Visitor
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.events import actions
from perhekeskus.events.models import (
    Attendance,
    Event,
    EventKind,
    Participant,
    Question,
    Signup,
    SignupStatus,
)
from perhekeskus.events.policies import can_view_participants

MAX_TOKEN = 200

# The order of the participant list: who comes, then who waits (in the queue's order), then
# applications, then those no longer coming.
_STATUS_ORDER = {
    SignupStatus.ATTENDING: 0,
    SignupStatus.OFFERED: 0,
    SignupStatus.WAITLISTED: 1,
    SignupStatus.APPLIED: 2,
    SignupStatus.DECLINED: 3,
    SignupStatus.CANCELLED: 4,
}


def token_hash(token: str) -> str:
    """How a manage link's token is stored: its SHA-256, never the token."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def signup_get_by_token(token: str) -> Signup | None:
    """The sign-up of a manage link in any status (the family's own page), with its event; None
    for an unknown token and for a sign-up whose personal data has been erased."""
    if not token or len(token) > MAX_TOKEN:
        return None
    return (
        Signup.objects.select_related("event__parent", "event__location", "event__organization")
        .filter(manage_token_hash=token_hash(token), anonymised_at__isnull=True)
        .first()
    )


def signup_participants(signup: Signup) -> list[Participant]:
    """Who comes with a sign-up, in the order the family gave (the family's own manage page)."""
    return list(signup.participants.all())


def waitlist_position(signup: Signup) -> int | None:
    """The family's place in the queue: 1 + the waiting groups ahead of them (groups, not
    persons). None when the sign-up is not on the waiting list."""
    if signup.status != SignupStatus.WAITLISTED:
        return None
    ahead = Signup.objects.filter(
        event_id=signup.event_id,
        status=SignupStatus.WAITLISTED,
        queue_number__lt=signup.queue_number,
    ).count()
    return ahead + 1


def access_event(
    *,
    actor: Visitor,
    event_id: Any,
    for_action: bool = False,
    request: HttpRequest | None = None,
) -> Event:
    """An event whose participants the actor may see (its organisers, a peer group's
    facilitator). Missing and forbidden are both NotFound; a read (not an action's check) is
    audited as a view of the participants."""
    try:
        event = Event.objects.select_related("parent", "organization", "location").get(pk=event_id)
    except (Event.DoesNotExist, ValueError, TypeError, ValidationError):
        raise NotFound from None
    if not can_view_participants(actor, event):
        raise AccessDenied(target_type="events.event", target_id=event.pk)
    if not for_action:
        audit_record(action=actions.PARTICIPANTS_VIEW, actor=actor, target=event, request=request)
    return event


@dataclass
class ParticipantRow:
    """One sign-up on the organiser's list. `answers` maps each question's text (in the active
    language, in the questions' order) to the family's answer; `position` is the waiting-list
    position of a waitlisted sign-up; `attendance` the marks given at the listed event (a peer
    group's session: at that session), participant id → present."""

    signup: Signup
    participants: list[Participant]
    answers: dict[str, str]
    position: int | None
    attendance: dict[int, bool] = field(default_factory=dict)


def _signups_event(event: Event) -> Event:
    """Whose sign-ups an event's list shows: a peer group's session shows its group's members
    (families apply to the series), every other event its own."""
    parent = event.parent
    if (
        event.kind == EventKind.OCCURRENCE
        and parent is not None
        and parent.is_peer_group
        and parent.takes_signups
    ):
        return parent
    return event


def _stored_answers(signup: Signup) -> dict[str, str]:
    try:
        stored = json.loads(signup.answers or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in stored.items()} if isinstance(stored, dict) else {}


def _signup_rows(event: Event) -> QuerySet[Signup]:
    return Signup.objects.filter(event=event).prefetch_related("participants")


def participant_list(
    *,
    actor: Visitor,
    event_id: uuid.UUID,
    export: bool = False,
    request: HttpRequest | None = None,
) -> tuple[Event, list[ParticipantRow]]:
    """The event and every sign-up of it (all statuses: attending and offered first, then the
    waiting list in its order, applications, declined and cancelled), for whoever may see its
    participants; NotFound for a missing event and a forbidden one alike. One audit entry per
    call: PARTICIPANTS_EXPORT for an export, PARTICIPANTS_VIEW otherwise."""
    event = access_event(actor=actor, event_id=event_id, for_action=True)
    owner = _signups_event(event)
    questions = list(Question.objects.filter(event_id=owner.question_owner_id()))
    signups = sorted(
        _signup_rows(owner),
        key=lambda s: (_STATUS_ORDER.get(SignupStatus(s.status), 9), s.queue_number, s.created_at),
    )
    marks: dict[int, bool] = dict(
        Attendance.objects.filter(event=event, participant__signup__event=owner).values_list(
            "participant_id", "present"
        )
    )
    rows: list[ParticipantRow] = []
    waiting = 0
    for signup in signups:
        position = None
        if signup.status == SignupStatus.WAITLISTED:
            waiting += 1
            position = waiting
        stored = _stored_answers(signup)
        answers = {
            question.text: stored[str(question.pk)]
            for question in questions
            if str(question.pk) in stored
        }
        people = list(signup.participants.all())
        attendance = {person.pk: marks[person.pk] for person in people if person.pk in marks}
        rows.append(ParticipantRow(signup, people, answers, position, attendance))
    audit_record(
        action=actions.PARTICIPANTS_EXPORT if export else actions.PARTICIPANTS_VIEW,
        actor=actor,
        target=event,
        request=request,
        details={"count": len(rows)},
    )
    return event, rows
