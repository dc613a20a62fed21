"""The early-support team's weekly meeting: opening it, its agenda, decisions and minutes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _

from perhekeskus.audit.services import audit_record
from perhekeskus.core.errors import PolicyDenied
from perhekeskus.intake import actions
from perhekeskus.intake.models import (
    PERSONAL_FIELDS,
    EarlySupportTeam,
    EventKind,
    HelpRequest,
    MeetingDecision,
    RequestStatus,
    TeamMeeting,
)
from perhekeskus.intake.policies import is_team_member
from perhekeskus.intake.selectors import danger_first
from perhekeskus.intake.services.handling import _event, _open, help_request_assign


def meeting_open(
    *, actor: Any, team: EarlySupportTeam, held_on: dt.date, request: HttpRequest | None = None
) -> TeamMeeting:
    if not is_team_member(actor, team.pk):
        raise PolicyDenied(_("Only the team's members can hold its meeting."))
    with transaction.atomic():
        meeting, created = TeamMeeting.objects.get_or_create(
            team=team, held_on=held_on, defaults={"created_by": actor}
        )
        if created:
            audit_record(
                action=actions.MEETING_CREATE, actor=actor, target=meeting, request=request
            )
    return meeting


# `urgency` is the annotation of `selectors.danger_first`: danger first, then oldest first.
AGENDA_ORDER = ("urgency", "created_at", "pk")


def meeting_agenda(*, meeting: TeamMeeting) -> list[HelpRequest]:
    """The requests to discuss: every open request of the team that came in since the previous
    meeting, or that has no decision yet. Those with danger signals first (whether or not the
    family has been reached: they are the ones the team must not run out of time for), then
    oldest first."""
    previous = (
        TeamMeeting.objects.filter(team=meeting.team, held_on__lt=meeting.held_on)
        .order_by("-held_on")
        .first()
    )
    open_requests = HelpRequest.objects.filter(team=meeting.team).exclude(
        status=RequestStatus.CLOSED
    )
    since = (
        open_requests.filter(created_at__date__gte=previous.held_on) if previous else open_requests
    )
    # "Undecided" counts this meeting's own decisions as not yet made: recording a decision
    # must not take the request off the agenda the team is working through.
    undecided = open_requests.filter(Q(decisions__isnull=True) | Q(decisions__meeting=meeting))
    # The agenda lists requests; their words are read on each request's own (logged) page.
    agenda = danger_first((since | undecided).distinct(), waiting_only=False)
    return list(agenda.defer(*PERSONAL_FIELDS).order_by(*AGENDA_ORDER))


def meeting_decide(
    *,
    actor: Any,
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
        if not is_team_member(actor, meeting.team_id) or help_request.team_id != meeting.team_id:
            raise PolicyDenied(_("Only the team's members decide on its requests."))
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
    *, actor: Any, meeting: TeamMeeting, minutes: str, request: HttpRequest | None = None
) -> TeamMeeting:
    with transaction.atomic():
        meeting.refresh_from_db(
            fields=["team", "anonymized_at"], from_queryset=TeamMeeting.objects.select_for_update()
        )
        if not is_team_member(actor, meeting.team_id):
            raise PolicyDenied(_("Only the team's members write its minutes."))
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
