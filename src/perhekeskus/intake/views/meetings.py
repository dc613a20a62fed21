"""The early-support team's weekly meeting: the agenda, decisions and minutes. A meeting or a
request the user may not see is NotFound from the selectors, a 404 (`core.middleware`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from perhekeskus.core.decorators import professional_required
from perhekeskus.core.forms import apply_validation_error
from perhekeskus.intake import services
from perhekeskus.intake.forms.board import (
    DecisionForm,
    MeetingOpenForm,
    MinutesForm,
)
from perhekeskus.intake.models import (
    HelpRequest,
    MeetingDecision,
)
from perhekeskus.intake.policies import can_use_triage_board
from perhekeskus.intake.selectors import (
    Row,
    access_help_request,
    access_meeting,
    board_rows,
    meeting_agenda,
    meeting_decisions,
    meeting_list_for,
    member_teams,
    team_services,
)
from perhekeskus.intake.views.common import current_user

MEETINGS_PER_PAGE = 20


# --- Meetings -----------------------------------------------------------------------------------


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def meeting_list(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if not can_use_triage_board(user):
        raise PermissionDenied
    teams = member_teams(user)
    form = MeetingOpenForm(request.POST if request.method == "POST" else None, teams=teams)
    if form.is_bound and form.is_valid():
        try:
            meeting = services.meeting_open(
                actor=user,
                team=form.cleaned_data["team"],
                held_on=form.cleaned_data["held_on"],
                request=request,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return redirect("intake:meeting_detail", meeting_id=meeting.pk)
    page = Paginator(meeting_list_for(actor=user), MEETINGS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {"form": form, "page": page, "query": "", "has_teams": teams.exists()}
    return render(
        request, "intake/team/meeting_list.html", context, status=400 if form.errors else 200
    )


def _decision_prefix(help_request: HelpRequest) -> str:
    return f"decision-{help_request.pk.hex}"


@dataclass(frozen=True)
class AgendaItem:
    row: Row
    decision: MeetingDecision | None
    form: DecisionForm


def _meeting_page(
    request: HttpRequest,
    meeting_id: int,
    *,
    failed_decision: DecisionForm | None = None,
    failed_minutes: MinutesForm | None = None,
) -> HttpResponse:
    """The meeting with its agenda, decisions and minutes, which may name families. Every way
    to this page, also a refused decision or minutes form, reads the meeting through
    `access_meeting`, so that every showing is in the audit log."""
    meeting = access_meeting(actor=current_user(request), meeting_id=meeting_id, request=request)
    agenda = meeting_agenda(meeting=meeting)
    decisions = meeting_decisions(meeting=meeting)
    service_choices = team_services(meeting.team)
    items = []
    shared: dict[str, list[Any]] = {}
    for row in board_rows(agenda):
        help_request = row.help_request
        decision = decisions.get(help_request.pk)
        if failed_decision is not None and failed_decision.help_request.pk == help_request.pk:
            form = failed_decision
        else:
            form = DecisionForm(
                prefix=_decision_prefix(help_request),
                help_request=help_request,
                services=service_choices,
                initial=_decision_initial(help_request, decision),
            )
        # The choices are the same for every request of the meeting: read them once, not once
        # per form. (Validation on POST still uses each form's own queryset.)
        for name in ("responsible", "services"):
            if name not in shared:
                shared[name] = list(form.fields[name].choices)  # type: ignore[attr-defined]
            form.fields[name].choices = shared[name]  # type: ignore[attr-defined]
        items.append(AgendaItem(row, decision, form))
    minutes_form = failed_minutes or MinutesForm(initial={"minutes": meeting.minutes})
    failed = failed_decision or failed_minutes
    context = {
        "meeting": meeting,
        "items": items,
        "minutes_form": minutes_form,
        "failed": failed,
    }
    return render(
        request, "intake/team/meeting_detail.html", context, status=400 if failed else 200
    )


def _decision_initial(
    help_request: HelpRequest, decision: MeetingDecision | None
) -> dict[str, Any]:
    if decision is None:
        return {"responsible": help_request.responsible_id}
    return {
        "responsible": decision.responsible_id,
        "services": [service.pk for service in decision.services.all()],
        "next_step": decision.next_step,
        "next_step_on": decision.next_step_on,
    }


@never_cache
@require_GET
@professional_required
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    return _meeting_page(request, meeting_id)


@professional_required
@require_POST
def meeting_decide(request: HttpRequest, meeting_id: int, request_id: UUID) -> HttpResponse:
    user = current_user(request)
    meeting = access_meeting(actor=user, meeting_id=meeting_id, for_action=True)
    # The service refuses a request of another team (403); one the user may not see is a 404.
    help_request = access_help_request(actor=user, help_request_id=request_id, for_action=True)
    form = DecisionForm(
        request.POST,
        prefix=_decision_prefix(help_request),
        help_request=help_request,
        services=team_services(meeting.team),
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.meeting_decide(
                actor=user,
                meeting=meeting,
                help_request=help_request,
                responsible=data["responsible"],
                services=data["services"],
                next_step=data["next_step"],
                next_step_on=data["next_step_on"],
                request=request,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("The decision on %(code)s was recorded.")
                % {"code": help_request.tracking_code[:5]},
            )
            url = reverse("intake:meeting_detail", kwargs={"meeting_id": meeting.pk})
            return redirect(f"{url}#request-{help_request.pk}")
    return _meeting_page(request, meeting.pk, failed_decision=form)


@professional_required
@require_POST
def meeting_minutes(request: HttpRequest, meeting_id: int) -> HttpResponse:
    user = current_user(request)
    meeting = access_meeting(actor=user, meeting_id=meeting_id, for_action=True)
    form = MinutesForm(request.POST)
    if form.is_valid():
        try:
            services.meeting_minutes_save(
                actor=user, meeting=meeting, minutes=form.cleaned_data["minutes"], request=request
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The minutes were saved."))
            return redirect("intake:meeting_detail", meeting_id=meeting.pk)
    return _meeting_page(request, meeting.pk, failed_minutes=form)
