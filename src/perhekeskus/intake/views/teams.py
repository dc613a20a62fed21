"""Coordinators configure the early-support teams: who is in them and which municipalities'
requests they receive."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.core.decorators import professional_required
from perhekeskus.intake import services
from perhekeskus.intake.forms.teams import TeamForm
from perhekeskus.intake.policies import can_manage_teams
from perhekeskus.intake.selectors import team_get, team_list_for
from perhekeskus.intake.views.common import current_user


@never_cache
@require_GET
@professional_required
def team_list(request: HttpRequest) -> HttpResponse:
    teams = team_list_for(actor=current_user(request))
    return render(request, "intake/teams/list.html", {"teams": teams})


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def team_edit(request: HttpRequest, team_id: uuid.UUID | None = None) -> HttpResponse:
    # Only coordinators, for a new team as for an existing one.
    team = None if team_id is None else team_get(actor=current_user(request), team_id=team_id)
    if team is None and not can_manage_teams(request.user):
        raise PermissionDenied
    form = TeamForm(request.POST or None, instance=team)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.team_save(
                actor=current_user(request),
                team=form.instance,
                municipality_codes=[m.code for m in form.cleaned_data["municipalities"]],
                member_ids=[u.pk for u in form.cleaned_data["members"]],
                request=request,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The team was saved."))
            return redirect("teams:edit", team_id=saved.pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "intake/teams/edit.html", {"form": form, "team": team}, status=status)
