"""The professionals' pages of a family's support plan, network meetings and notes.

Every page reads the family once through the gate (`selectors.access_family`, which logs each
category it grants) and shows only the categories granted: one the family's consent does not
cover for the reader's organisation is replaced by a note saying so. A family the reader may not
read at all is a 404 (`core.middleware`). A write goes through one service of `services.plan`,
which checks the writer again under lock (a refusal is a 403) and validates."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.accounts.models import User
from perhekeskus.core.decorators import professional_required
from perhekeskus.families import selectors, selectors_plan
from perhekeskus.families.forms.plan import (
    ActionForm,
    ConfirmForm,
    MeetingForm,
    NoteForm,
    PlanForm,
    RecordForm,
)
from perhekeskus.families.models import AccessPlace, DataCategory, MeetingStatus, NetworkMeeting
from perhekeskus.families.selectors import FamilyAccess
from perhekeskus.families.services import plan as services
from perhekeskus.families.services.plan import can_write
from perhekeskus.families.views.common import current_user, family_url, posted, save_form

NOTES_PER_PAGE = 25


def _read(
    request: HttpRequest,
    family_id: uuid.UUID,
    categories: list[str],
    *,
    place: str = AccessPlace.PAGE,
) -> FamilyAccess:
    return selectors.access_family(
        actor=current_user(request), family_id=family_id, categories=categories, place=place
    )


def _require_writer(request: HttpRequest, family_access: FamilyAccess, category: str) -> None:
    """A write form is shown only to whom the service would let write (it checks again)."""
    if not can_write(current_user(request), family_access, category):
        raise PermissionDenied


def _base(request: HttpRequest, family_access: FamilyAccess) -> dict[str, Any]:
    user = current_user(request)
    return {
        "family": family_access.family,
        "family_access": family_access,
        "family_url": family_url(family_access.family.pk),
        "can_write_plan": can_write(user, family_access, DataCategory.PLAN),
        "can_write_meetings": can_write(user, family_access, DataCategory.MEETINGS),
        "can_write_notes": can_write(user, family_access, DataCategory.NOTES),
    }


def _plan_url(family_access: FamilyAccess) -> str:
    return reverse("families:plan", kwargs={"family_id": family_access.family.pk})


def _meeting_url(meeting: NetworkMeeting) -> str:
    return reverse(
        "families:meeting", kwargs={"family_id": meeting.family_id, "meeting_id": meeting.pk}
    )


def _user_label(user: User, family_access: FamilyAccess) -> str:
    organization = getattr(user, "organization", None)
    label = f"{user.full_name} – {organization}" if organization is not None else user.full_name
    if user.pk == family_access.family.responsible_id:
        label = _("%(name)s (responsible worker)") % {"name": label}
    return label


def _assignees(family_access: FamilyAccess) -> list[tuple[int, str]]:
    return [
        (user.pk, _user_label(user, family_access))
        for user in selectors_plan.assignee_options(family_access)
    ]


def _people(family_access: FamilyAccess) -> dict[str, list[tuple[int, str]]]:
    return {
        "guardians": [(g.pk, g.name) for g in selectors_plan.meeting_guardians(family_access)],
        "children": [(c.pk, c.name) for c in selectors_plan.meeting_children(family_access)],
        "professionals": _assignees(family_access),
    }


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], *, failed: bool = False
) -> HttpResponse:
    return render(request, template, context, status=400 if failed else 200)


# --- The plan -----------------------------------------------------------------------------------


@never_cache
@require_GET
@professional_required
def plan_detail(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    family_access = _read(request, family_id, [DataCategory.PLAN])
    context = _base(request, family_access)
    if family_access.can(DataCategory.PLAN):
        context["plan"] = selectors_plan.support_plan(family_access)
        context["actions"] = selectors_plan.plan_actions(family_access)
    return _render(request, "families/pro/plan_detail.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def plan_edit(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    family_access = _read(request, family_id, [DataCategory.PLAN])
    _require_writer(request, family_access, DataCategory.PLAN)
    plan = selectors_plan.support_plan(family_access)
    initial = (
        {"goals": plan.goals, "follow_up_on": plan.follow_up_on, "status": plan.status}
        if plan is not None
        else {}
    )
    form = PlanForm(posted(request), initial=initial)
    user = current_user(request)
    saved = save_form(
        request,
        form,
        lambda data: services.plan_update(
            actor=user,
            family_id=family_access.family.pk,
            goals=data["goals"],
            follow_up_on=data["follow_up_on"],
            status=data["status"],
            request=request,
        ),
        success=_("The support plan was saved."),
        then=_plan_url(family_access),
    )
    if saved:
        return saved
    context = {**_base(request, family_access), "form": form, "plan": plan}
    return _render(request, "families/pro/plan_form.html", context, failed=bool(form.errors))


@never_cache
@require_GET
@professional_required
def plan_versions(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    family_access = _read(request, family_id, [DataCategory.PLAN])
    context = _base(request, family_access)
    if family_access.can(DataCategory.PLAN):
        context["versions"] = selectors_plan.plan_versions(family_access)
    return _render(request, "families/pro/plan_versions.html", context)


@never_cache
@require_GET
@professional_required
def plan_version(request: HttpRequest, family_id: uuid.UUID, number: int) -> HttpResponse:
    family_access = _read(request, family_id, [DataCategory.PLAN])
    context = _base(request, family_access)
    if family_access.can(DataCategory.PLAN):
        context["shown"] = selectors_plan.plan_version(family_access, number)
    return _render(request, "families/pro/plan_version.html", context)


# --- Actions ------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def action_new(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    family_access = _read(request, family_id, [DataCategory.BASIC])
    _require_writer(request, family_access, DataCategory.PLAN)
    form = ActionForm(posted(request), assignees=_assignees(family_access))
    user = current_user(request)
    saved = save_form(
        request,
        form,
        lambda data: services.action_add(
            actor=user,
            family_id=family_access.family.pk,
            text=data["text"],
            assignee_id=data["assignee"],
            assignee_text=data["assignee_text"],
            due_on=data["due_on"],
            request=request,
        ),
        success=_("The action was added to the plan."),
        then=_plan_url(family_access),
    )
    if saved:
        return saved
    context = {**_base(request, family_access), "form": form}
    return _render(request, "families/pro/plan_action_form.html", context, failed=bool(form.errors))


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def action_edit(request: HttpRequest, family_id: uuid.UUID, action_id: int) -> HttpResponse:
    family_access = _read(request, family_id, [DataCategory.PLAN])
    _require_writer(request, family_access, DataCategory.PLAN)
    action = selectors_plan.plan_action(family_access, action_id)
    form = ActionForm(
        posted(request),
        assignees=_assignees(family_access),
        with_status=True,
        initial={
            "text": action.text,
            "assignee": action.assignee_id,
            "assignee_text": action.assignee_text,
            "due_on": action.due_on,
            "status": action.status,
        },
    )
    user = current_user(request)
    saved = save_form(
        request,
        form,
        lambda data: services.action_update(
            actor=user,
            family_id=family_access.family.pk,
            action_id=action.pk,
            status=data["status"],
            text=data["text"],
            assignee_id=data["assignee"],
            assignee_text=data["assignee_text"],
            due_on=data["due_on"],
            request=request,
        ),
        success=_("The action was saved."),
        then=_plan_url(family_access),
    )
    if saved:
        return saved
    context = {**_base(request, family_access), "form": form, "action": action}
    return _render(request, "families/pro/plan_action_form.html", context, failed=bool(form.errors))


# --- Meetings -----------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def meeting_new(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    family_access = _read(request, family_id, [DataCategory.BASIC])
    _require_writer(request, family_access, DataCategory.MEETINGS)
    form = MeetingForm(posted(request), **_people(family_access))
    user = current_user(request)
    saved = save_form(
        request,
        form,
        lambda data: services.meeting_plan(
            actor=user,
            family_id=family_access.family.pk,
            starts_at=data["starts_at"],
            place=data["place"],
            guardian_ids=data["guardians"],
            child_ids=data["children"],
            professional_ids=data["professionals"],
            request=request,
        ),
        success=_(
            "The meeting was planned. The invited guardians who gave an e-mail address "
            "were told its time and place."
        ),
        then=_meeting_url,
    )
    if saved:
        return saved
    context = {**_base(request, family_access), "form": form}
    return _render(request, "families/pro/meeting_form.html", context, failed=bool(form.errors))


@never_cache
@require_GET
@professional_required
def meeting_detail(request: HttpRequest, family_id: uuid.UUID, meeting_id: int) -> HttpResponse:
    # The plan too: the actions agreed in the meeting are the plan's (shown where it is granted).
    family_access = _read(request, family_id, [DataCategory.MEETINGS, DataCategory.PLAN])
    context = _base(request, family_access)
    if family_access.can(DataCategory.MEETINGS):
        context["meeting"] = selectors_plan.family_meeting(family_access, meeting_id)
    return _render(request, "families/pro/meeting_detail.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def meeting_record(request: HttpRequest, family_id: uuid.UUID, meeting_id: int) -> HttpResponse:
    family_access = _read(request, family_id, [DataCategory.MEETINGS])
    _require_writer(request, family_access, DataCategory.MEETINGS)
    meeting = selectors_plan.family_meeting(family_access, meeting_id)
    if meeting.status != MeetingStatus.PLANNED:
        messages.info(request, _("Only a planned meeting's minutes can be written."))
        return redirect(_meeting_url(meeting))
    user = current_user(request)
    with_agreed = can_write(user, family_access, DataCategory.PLAN)
    form = RecordForm(
        posted(request),
        **_people(family_access),
        assignees=_assignees(family_access),
        with_agreed=with_agreed,
        initial={
            "guardians": [g.pk for g in meeting.guardians.all()],
            "children": [c.pk for c in meeting.children.all()],
            "professionals": [p.pk for p in meeting.professionals.all()],
        },
    )
    saved = save_form(
        request,
        form,
        lambda data: services.meeting_record(
            actor=user,
            family_id=family_access.family.pk,
            meeting_id=meeting.pk,
            minutes=data["minutes"],
            agreed=form.agreed(),
            guardian_ids=data["guardians"],
            child_ids=data["children"],
            professional_ids=data["professionals"],
            request=request,
        ),
        success=_("The meeting's minutes were saved."),
        then=_meeting_url(meeting),
    )
    if saved:
        return saved
    context = {**_base(request, family_access), "form": form, "meeting": meeting}
    return _render(request, "families/pro/meeting_record.html", context, failed=bool(form.errors))


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def meeting_cancel(request: HttpRequest, family_id: uuid.UUID, meeting_id: int) -> HttpResponse:
    family_access = _read(request, family_id, [DataCategory.MEETINGS])
    _require_writer(request, family_access, DataCategory.MEETINGS)
    meeting = selectors_plan.family_meeting(family_access, meeting_id)
    form = ConfirmForm(posted(request))
    user = current_user(request)
    saved = save_form(
        request,
        form,
        lambda data: services.meeting_cancel(
            actor=user, family_id=family_access.family.pk, meeting_id=meeting.pk, request=request
        ),
        success=_("The meeting was cancelled. The invited guardians were told by e-mail."),
        then=_meeting_url(meeting),
    )
    if saved:
        return saved
    context = {**_base(request, family_access), "form": form, "meeting": meeting}
    return _render(request, "families/pro/meeting_cancel.html", context, failed=bool(form.errors))


@never_cache
@require_GET
@professional_required
def meeting_letter(
    request: HttpRequest, family_id: uuid.UUID, meeting_id: int, guardian_id: int
) -> HttpResponse:
    """The printable invitation to one invited guardian. Its address block comes from
    `contact_details` only: a non-disclosed address is printed for the responsible worker
    alone. The read is logged as a printout."""
    family_access = _read(
        request,
        family_id,
        [DataCategory.MEETINGS, DataCategory.CONTACT],
        place=AccessPlace.PRINT,
    )
    context = _base(request, family_access)
    if family_access.can(DataCategory.MEETINGS):
        context["letter"] = selectors_plan.meeting_letter(family_access, meeting_id, guardian_id)
    return _render(request, "families/pro/letter.html", context)


# --- Notes --------------------------------------------------------------------------------------


@never_cache
@require_GET
@professional_required
def note_list(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    family_access = _read(request, family_id, [DataCategory.NOTES])
    context = _base(request, family_access)
    if family_access.can(DataCategory.NOTES):
        context["page"] = Paginator(
            selectors_plan.family_notes(family_access), NOTES_PER_PAGE
        ).get_page(request.GET.get("page"))
    return _render(request, "families/pro/note_list.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def note_new(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    family_access = _read(request, family_id, [DataCategory.BASIC])
    _require_writer(request, family_access, DataCategory.NOTES)
    form = NoteForm(posted(request))
    user = current_user(request)
    saved = save_form(
        request,
        form,
        lambda data: services.note_add(
            actor=user, family_id=family_access.family.pk, text=data["text"], request=request
        ),
        success=_("The note was saved."),
        then=reverse("families:notes", kwargs={"family_id": family_access.family.pk}),
    )
    if saved:
        return saved
    context = {**_base(request, family_access), "form": form}
    return _render(request, "families/pro/note_form.html", context, failed=bool(form.errors))
