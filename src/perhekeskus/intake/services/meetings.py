"""The early-support team's weekly meeting: opening it, decisions and minutes (its agenda is
`selectors.meeting_agenda`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.audit.services import audit_record
from perhekeskus.core.policies import require
from perhekeskus.intake import actions
from perhekeskus.intake.models import (
    EarlySupportTeam,
    EventKind,
    HelpRequest,
    MeetingDecision,
    TeamMeeting,
)
from perhekeskus.intake.policies import is_team_member
from perhekeskus.intake.services.handling import _event, _open, help_request_assign


def meeting_open(
    *, actor: User, team: EarlySupportTeam, held_on: dt.date, request: HttpRequest | None = None
) -> TeamMeeting:
    require(is_team_member(actor, team.pk), _("Only the team's members can hold its meeting."))
    with transaction.atomic():
        meeting, created = TeamMeeting.objects.get_or_create(
            team=team, held_on=held_on, defaults={"created_by": actor}
        )
        if created:
            audit_record(
                action=actions.MEETING_CREATE, actor=actor, target=meeting, request=request
            )
    return meeting


def meeting_decide(
    *,
    actor: User,
    meeting: TeamMeeting,
    help_request: HelpRequest,
    responsible: Any,
    services: Iterable[Any],
    next_step: str,
    next_step_on: dt.date | None,
    request: HttpRequest | None = None,
) -> MeetingDecision:
    if not next_step.strip():
        raise ValidationError({"next_step": _("Write the next step.")})
    with transaction.atomic():
        # The request's row is locked first (then `help_request_assign` works under the same
        # lock): two members deciding on it at once are served one after the other.
        help_request.refresh_from_db(
            fields=["team", "status", "responsible", "anonymized_at"],
            from_queryset=HelpRequest.objects.select_for_update(),
        )
        require(
            is_team_member(actor, meeting.team_id) and help_request.team_id == meeting.team_id,
            _("Only the team's members decide on its requests."),
        )
        # A closed request is off the agenda; a decision on it would reopen nothing but would
        # write words about the family after its outcome was recorded.
        _open(help_request)
        decision, _created = MeetingDecision.objects.update_or_create(
            meeting=meeting,
            request=help_request,
            defaults={
                "responsible": responsible,
                "next_step": next_step.strip(),
                "next_step_on": next_step_on,
            },
        )
        decision.services.set(list(services))
        if help_request.responsible_id != responsible.pk:
            help_request_assign(
                actor=actor, help_request=help_request, responsible=responsible, request=request
            )
        _event(
            help_request,
            actor=actor,
            kind=EventKind.DECISION,
            text=next_step.strip(),
            meeting=meeting.pk,
        )
        audit_record(
            action=actions.MEETING_DECIDE,
            actor=actor,
            target=help_request,
            request=request,
            details={"meeting": meeting.pk},
        )
    return decision


def meeting_minutes_save(
    *, actor: User, meeting: TeamMeeting, minutes: str, request: HttpRequest | None = None
) -> TeamMeeting:
    with transaction.atomic():
        meeting.refresh_from_db(
            fields=["team", "anonymized_at"], from_queryset=TeamMeeting.objects.select_for_update()
        )
        require(
            is_team_member(actor, meeting.team_id), _("Only the team's members write its minutes.")
        )
        if meeting.anonymized_at is not None:
            raise ValidationError(
                {
                    "minutes": _(
                        "The minutes of this meeting were erased after the retention period; "
                        "nothing more can be written to them."
                    )
                }
            )
        meeting.minutes = minutes.strip()
        meeting.save(update_fields=["minutes"])
        audit_record(action=actions.MEETING_MINUTES, actor=actor, target=meeting, request=request)
    return meeting
