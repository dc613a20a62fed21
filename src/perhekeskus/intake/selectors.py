"""Reads for the early-support team's pages: which teams a user works in, the board's rows,
the clock to first contact and the order of urgency. Reads of a request's personal data go
through `services.access_help_request`; of a meeting's minutes through `access_meeting` here.

Danger first: a request whose message has danger signals has a same-day target for first
contact, and while it waits for that contact it is at the top of the board (and always first on
the meeting's agenda)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import pgettext

from perhekeskus.accounts.models import User
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.intake.models import (
    ContactMethod,
    EarlySupportTeam,
    HelpRequest,
    RequestStatus,
    TeamMeeting,
)
from perhekeskus.intake.policies import can_use_triage_board, is_team_member
from perhekeskus.intake.workdays import (
    add_working_days,
    working_day_on_or_after,
    working_days_between,
)


def member_teams(user: User) -> QuerySet[EarlySupportTeam]:
    """The teams whose requests the user handles; mirrors `policies.is_team_member`."""
    if not can_use_triage_board(user):
        return EarlySupportTeam.objects.none()
    return EarlySupportTeam.objects.filter(members=user, is_active=True)


# --- The clock to first contact -----------------------------------------------------------------

CONTACTED = "contacted"
CLOSED = "closed"
DUE = "due"
OVERDUE = "overdue"


@dataclass(frozen=True)
class Clock:
    """Where a request stands against its target for first contact, in working days. The
    target is the team's number of working days, or the same (working) day for a request
    with danger signals."""

    state: str
    due_on: dt.date
    days: int = 0
    contacted_on: dt.date | None = None
    same_day: bool = False

    @property
    def overdue(self) -> bool:
        return self.state == OVERDUE

    @property
    def late(self) -> bool:
        return self.contacted_on is not None and self.contacted_on > self.due_on


def first_contact_clock(help_request: HelpRequest, today: dt.date) -> Clock | None:
    team = help_request.team
    if team is None:
        return None
    received = timezone.localdate(help_request.created_at)
    same_day = help_request.has_danger
    if same_day:
        due = working_day_on_or_after(received)
    else:
        due = add_working_days(received, team.first_contact_target_days)
    if help_request.first_contact_at is not None:
        contacted = timezone.localdate(help_request.first_contact_at)
        return Clock(CONTACTED, due, contacted_on=contacted, same_day=same_day)
    if help_request.status == RequestStatus.CLOSED:
        return Clock(CLOSED, due, same_day=same_day)
    if today > due:
        # On a weekend after a Friday deadline this is 0: overdue, by no working day yet.
        return Clock(OVERDUE, due, working_days_between(due, today), same_day=same_day)
    return Clock(DUE, due, working_days_between(today, due), same_day=same_day)


# --- Danger first -------------------------------------------------------------------------------

HAS_DANGER = Q(has_danger=True)
WAITING_FOR_FIRST_CONTACT = Q(first_contact_at__isnull=True) & ~Q(status=RequestStatus.CLOSED)


def danger_first(queryset: QuerySet[HelpRequest], *, waiting_only: bool) -> QuerySet[HelpRequest]:
    """Annotate `urgency` (0 first): requests with danger signals before the others. With
    `waiting_only`, only those still waiting for their first contact are pinned: once the
    family has been reached, the request takes its place in the ordinary order again (its
    danger marker stays)."""
    pinned = HAS_DANGER & WAITING_FOR_FIRST_CONTACT if waiting_only else HAS_DANGER
    return queryset.annotate(
        urgency=Case(When(pinned, then=Value(0)), default=Value(1), output_field=IntegerField())
    )


# --- Contact and what the family sees -----------------------------------------------------------


def can_be_contacted(help_request: HelpRequest) -> bool:
    """Whether the team has a way to reach the family. An anonymous family can only be
    answered on the status page; "record a contact" means nothing for them."""
    return not help_request.anonymous and help_request.contact_method != ContactMethod.NONE


ANSWERED = "answered"


def family_status_step(*, status: str, anonymous: bool) -> str:
    """The step the family's status page shows. For an anonymous family the team's reply is
    the contact (it moves the request to "contacted"), and they see it as "Answered"."""
    if anonymous and status == RequestStatus.CONTACTED:
        return ANSWERED
    return str(status)


def family_status_label(*, status: str, anonymous: bool) -> str:
    """The short status label a family's client shows (the API's `status_label`)."""
    if family_status_step(status=status, anonymous=anonymous) == ANSWERED:
        return pgettext("status of a help request", "Answered")
    return str(RequestStatus(status).label)


@dataclass(frozen=True)
class Row:
    help_request: HelpRequest
    received_at: dt.datetime  # local time: the board shows the time of day
    age_days: int
    clock: Clock | None

    @property
    def received_on(self) -> dt.date:
        return self.received_at.date()


def board_rows(requests: list[HelpRequest]) -> list[Row]:
    today = timezone.localdate()
    rows = []
    for help_request in requests:
        received = timezone.localtime(help_request.created_at)
        rows.append(
            Row(
                help_request,
                received,
                (today - received.date()).days,
                first_contact_clock(help_request, today),
            )
        )
    return rows


def access_meeting(
    *, actor: User, meeting_id: Any, request: HttpRequest | None = None
) -> TeamMeeting:
    """A meeting with its minutes (which may name families). Only the team's members; missing
    and forbidden look the same; every read is in the audit log."""
    from perhekeskus.audit.services import audit_record
    from perhekeskus.intake import actions

    meeting = TeamMeeting.objects.select_related("team").filter(pk=meeting_id).first()
    if meeting is None:
        raise NotFound
    if not is_team_member(actor, meeting.team_id):
        raise AccessDenied(target_type="intake.teammeeting", target_id=meeting.pk)
    audit_record(action=actions.MEETING_VIEW, actor=actor, target=meeting, request=request)
    return meeting
