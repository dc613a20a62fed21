"""The professional's pages of a family's team and its responsible worker: adding a member,
changing a member's role or taking them off the team, handing the record over."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from perhekeskus.core.decorators import professional_required
from perhekeskus.core.errors import NotFound
from perhekeskus.core.policies import is_coordinator
from perhekeskus.families import selectors, selectors_records
from perhekeskus.families.forms.records import HandoverForm, TeamAddForm, TeamRoleForm
from perhekeskus.families.models import AccessPlace
from perhekeskus.families.policies import can_work_with_families
from perhekeskus.families.services import records, team
from perhekeskus.families.views.common import (
    current_user,
    family_url,
    form_status,
    managed_access,
    posted,
    save_form,
)


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def team_add(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    family_access = managed_access(user, family_id)
    family = family_access.family
    form = TeamAddForm(posted(request), users=selectors_records.professional_choices())
    saved = save_form(
        request,
        form,
        lambda data: team.team_member_add(
            actor=user,
            family_id=family.pk,
            user_id=data["user"].pk,
            role=data["role"],
            request=request,
        ),
        success=_("The professional was added to the team."),
        then=family_url(family.pk, "team"),
    )
    if saved:
        return saved
    return render(
        request,
        "families/pro/team_add.html",
        {"family": family, "form": form, "team": selectors.family_team(family_access)},
        status=form_status(form),
    )


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def team_member(request: HttpRequest, family_id: uuid.UUID, member_id: int) -> HttpResponse:
    user = current_user(request)
    family_access = managed_access(user, family_id)
    family = family_access.family
    member = selectors_records.team_member_get(family_access, member_id)
    removing = request.method == "POST" and "remove" in request.POST
    form = TeamRoleForm(
        request.POST if request.method == "POST" and not removing else None,
        initial={"role": member.role},
    )
    if removing:
        team.team_member_remove(
            actor=user, family_id=family.pk, member_id=member.pk, request=request
        )
        messages.success(request, _("The professional was taken off the team."))
        return redirect(family_url(family.pk, "team"))
    saved = save_form(
        request,
        form,
        lambda data: team.team_member_update(
            actor=user, family_id=family.pk, member_id=member.pk, role=data["role"], request=request
        ),
        success=_("The role on the team was changed."),
        then=family_url(family.pk, "team"),
    )
    if saved:
        return saved
    return render(
        request,
        "families/pro/team_member.html",
        {"family": family, "form": form, "member": member},
        status=form_status(form),
    )


def _handover_family(request: HttpRequest, family_id: uuid.UUID) -> tuple[Any, bool]:
    """The family to hand over and whether the page may show its name: the responsible worker
    reads it through the gate; a coordinator (who reads no family's data) sees only a record
    whose responsible worker has left, without its name."""
    user = current_user(request)
    if can_work_with_families(user):
        try:
            family_access = selectors.access_family(
                actor=user, family_id=family_id, place=AccessPlace.PAGE
            )
        except NotFound:
            if not is_coordinator(user):
                raise
        else:
            if not records.can_hand_over(user, family_access.family):
                raise PermissionDenied
            return family_access.family, True
    family = selectors_records.family_for_coordinator_handover(user, family_id)
    return family, False


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def handover(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    family, shows_name = _handover_family(request, family_id)
    form = HandoverForm(
        posted(request),
        users=selectors_records.professional_choices().exclude(pk=family.responsible_id or 0),
    )
    saved = save_form(
        request,
        form,
        lambda data: records.responsible_change(
            actor=user,
            family_id=family.pk,
            new_responsible_id=data["new_responsible"].pk,
            reason=data["reason"],
            request=request,
        ),
        success=_("The record was handed over. The family is told who their new worker is."),
        # The former responsible worker no longer reads the record: back to the list.
        then="families:list",
    )
    if saved:
        return saved
    return render(
        request,
        "families/pro/handover.html",
        {"family": family, "form": form, "shows_name": shows_name},
        status=form_status(form),
    )
