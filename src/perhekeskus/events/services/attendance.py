"""Marking who came. The participants of an event are those of its attending sign-ups; for a
session of a peer group, the group's attending members (families join the group, and their
attendance is marked per session)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.audit.services import audit_record
from perhekeskus.events import actions
from perhekeskus.events.models import (
    Attendance,
    Event,
    EventKind,
    EventStatus,
    Participant,
    SignupStatus,
)
from perhekeskus.events.policies import can_mark_attendance
from perhekeskus.events.recurrence import finnish_date
from perhekeskus.events.services.organise import locked_event_for


def roster_event(event: Event) -> Event:
    """The event whose sign-ups are the participants of `event`: a peer group's series for its
    sessions, the event itself otherwise."""
    parent = event.parent if event.kind == EventKind.OCCURRENCE else None
    if parent is not None and parent.is_peer_group:
        return parent
    return event


def roster(event: Event) -> QuerySet[Participant]:
    """The participants whose attendance is marked at `event`."""
    return Participant.objects.filter(
        signup__event=roster_event(event), signup__status=SignupStatus.ATTENDING
    ).order_by("signup__queue_number", "signup_id", "position", "pk")


def attendance_mark(
    *,
    actor: User,
    event_id: uuid.UUID,
    marks: Mapping[int, bool | None],
    now: dt.datetime | None = None,
) -> int:
    """Mark participants present (True) or absent (False), or take a mark away (None), from the
    day of the event on. Returns how many marks changed; a participant who is not on the event's
    list is refused with nothing stored."""
    now = now or timezone.now()
    with transaction.atomic():
        event = locked_event_for(actor, event_id, can_mark_attendance)
        if event.status == EventStatus.CANCELLED:
            raise ValidationError({"__all__": [_("The event was cancelled.")]})
        if finnish_date(now) < finnish_date(event.starts):
            raise ValidationError(
                {"__all__": [_("Attendance can be marked from the day of the event on.")]}
            )
        wanted = {int(pk): value for pk, value in marks.items()}
        known = set(roster(event).filter(pk__in=wanted).values_list("pk", flat=True))
        if set(wanted) - known:
            raise ValidationError(
                {"__all__": [_("Someone marked is not on this event's list. Reload the page.")]}
            )
        stored = {
            row.participant_id: row
            for row in Attendance.objects.select_for_update().filter(
                event=event, participant_id__in=wanted
            )
        }
        before: dict[str, bool | None] = {}
        after: dict[str, bool | None] = {}
        for participant_id in sorted(wanted):
            value = wanted[participant_id]
            row = stored.get(participant_id)
            old = row.present if row is not None else None
            if old == value:
                continue
            if value is None:
                if row is not None:
                    row.delete()
            elif row is None:
                Attendance.objects.create(
                    event=event, participant_id=participant_id, present=value, marked_by=actor
                )
            else:
                row.present = value
                row.marked_by = actor
                row.save(update_fields=["present", "marked_by", "marked_at"])
            before[str(participant_id)] = old
            after[str(participant_id)] = value
        if after:
            audit_record(
                action=actions.ATTENDANCE_MARK,
                actor=actor,
                target=event,
                details={"from": before, "to": after},
            )
    return len(after)
