"""Reads for the early-support team's pages: which teams a user works in, the board's rows
and the clock to first contact. Reads of a request's personal data go through
`services.access_help_request`; of a meeting's minutes through `access_meeting` here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.core.errors import NotFound
from perhekeskus.intake.models import (
    EarlySupportTeam,
    HelpRequest,
    RequestStatus,
    TeamMeeting,
)
from perhekeskus.intake.policies import can_use_triage_board, is_team_member
from perhekeskus.intake.workdays import add_working_days, working_days_between

# A list never loads what the family wrote or how to reach them: decrypting them would be a
# read of special-category data that the list does not show and the audit log would not see.
PERSONAL_FIELDS = (
    "message",
    "contact_name",
    "contact_phone",
    "contact_email",
    "preferred_time",
    "public_reply",
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
    """Where a request stands against its team's target for first contact, in working days."""

    state: str
    due_on: dt.date
    days: int = 0
    contacted_on: dt.date | None = None

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
    due = add_working_days(received, team.first_contact_target_days)
    if help_request.first_contact_at is not None:
        contacted = timezone.localdate(help_request.first_contact_at)
        return Clock(CONTACTED, due, contacted_on=contacted)
    if help_request.status == RequestStatus.CLOSED:
        return Clock(CLOSED, due)
    if today > due:
        # On a weekend after a Friday deadline this is 0: overdue, by no working day yet.
        return Clock(OVERDUE, due, working_days_between(due, today))
    return Clock(DUE, due, working_days_between(today, due))


@dataclass(frozen=True)
class Row:
    help_request: HelpRequest
    received_on: dt.date
    age_days: int
    clock: Clock | None


def board_rows(requests: list[HelpRequest]) -> list[Row]:
    today = timezone.localdate()
    rows = []
    for help_request in requests:
        received = timezone.localdate(help_request.created_at)
        rows.append(
            Row(
                help_request,
                received,
                (today - received).days,
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
    if meeting is None or not is_team_member(actor, meeting.team_id):
        raise NotFound
    audit_record(action=actions.MEETING_VIEW, actor=actor, target=meeting, request=request)
    return meeting
