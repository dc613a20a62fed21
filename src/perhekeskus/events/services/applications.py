"""A peer group's facilitator (or its organisers) approves or declines the families' applications.

An approved family takes its seats if they fit, else joins the end of the waiting list (the
facilitator's yes is never refused for a full waiting list); its place then moves up like any
other. Both decisions run under the event's lock (`signup.lock_event`), are audited with the
status moved and tell the family in the same transaction.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.events import actions, notices
from perhekeskus.events.models import EventStatus, Signup, SignupStatus
from perhekeskus.events.policies import can_decide_applications
from perhekeskus.events.services.signup import lock_event, move_status

_OUTCOMES = {
    "approve": (SignupStatus.ATTENDING, SignupStatus.WAITLISTED, SignupStatus.OFFERED),
    "decline": (SignupStatus.DECLINED,),
}


def _decide(actor: User, signup_id: uuid.UUID, decision: str) -> Signup:
    try:
        found = Signup.objects.filter(pk=signup_id).values_list("event_id", flat=True).first()
    except (ValueError, ValidationError):
        found = None
    if found is None:
        raise NotFound
    with transaction.atomic():
        # The policy is asked of the row as stored under the lock: a facilitator replaced while
        # the page was open decides nothing any more.
        event = lock_event(found)
        if not can_decide_applications(actor, event):
            raise AccessDenied(target_type="events.event", target_id=event.pk)
        signup = Signup.objects.get(pk=signup_id)
        signup.event = event
        if signup.status in _OUTCOMES[decision]:
            return signup  # decided so already (a form sent twice)
        if signup.status != SignupStatus.APPLIED:
            raise ValidationError(
                {"__all__": [_("This application has already been decided or withdrawn.")]}
            )
        if event.status == EventStatus.CANCELLED:
            raise ValidationError({"__all__": [_("This event has been cancelled.")]})
        if decision == "decline":
            to, action = SignupStatus.DECLINED, actions.APPLICATION_DECLINE
        elif event.seats_left is None or signup.seats <= event.seats_left:
            to, action = SignupStatus.ATTENDING, actions.APPLICATION_APPROVE
            event.seats_taken += signup.seats
        else:
            to, action = SignupStatus.WAITLISTED, actions.APPLICATION_APPROVE
            signup.queue_number = event.next_queue_number
            event.next_queue_number += 1
            event.waitlisted_count += signup.seats
        move_status(signup, to, action, actor=actor, fields=["queue_number"], seats=signup.seats)
        event.save(
            update_fields=["seats_taken", "waitlisted_count", "next_queue_number", "updated_at"]
        )
        notices.application_decided(signup)
    return signup


def application_approve(*, actor: User, signup_id: uuid.UUID) -> Signup:
    """Approve an application: attending if the group's persons fit the seats left, else on the
    waiting list. NotFound for a missing sign-up and one the actor may not see; ValidationError
    for one no longer an application."""
    return _decide(actor, signup_id, "approve")


def application_decline(*, actor: User, signup_id: uuid.UUID) -> Signup:
    """Decline an application (it held no seats)."""
    return _decide(actor, signup_id, "decline")
