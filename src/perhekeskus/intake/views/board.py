"""The early-support team's side of "Ask for help": the triage board, one request's page with
its actions, and the weekly meeting.

Views only parse input and call one selector or service; the service checks the policy and
writes the audit entry. A request or meeting the user may not see is a 404, never a 403, so
that an outsider cannot tell "forbidden" from "missing": the selectors raise NotFound for both,
and `core.middleware.NotFoundMiddleware` answers it with the site's 404 page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from perhekeskus.accounts.models import User
from perhekeskus.core.decorators import professional_required
from perhekeskus.core.forms import apply_validation_error
from perhekeskus.intake import services
from perhekeskus.intake.forms.board import (
    AssignForm,
    BoardFilterForm,
    CloseForm,
    ContactForm,
    NoteForm,
    ReplyForm,
    RequestActionForm,
    TriageForm,
)
from perhekeskus.intake.models import (
    CloseReason,
    EventKind,
    HelpRequest,
    RequestStatus,
)
from perhekeskus.intake.selectors import (
    CONTACTED,
    OPEN,
    access_help_request,
    board_rows,
    can_be_contacted,
    first_contact_clock,
    help_request_board,
    help_request_history,
)
from perhekeskus.intake.views.common import DANGER_LABELS, current_user

PAGE_SIZE = 50


# --- Board --------------------------------------------------------------------------------------


@never_cache
@require_GET
@professional_required
def board(request: HttpRequest) -> HttpResponse:
    """The requests of the user's teams and those they are responsible for. A professional of
    another organisation who is the responsible worker of a request gets here too, with only
    their own requests; anyone else is refused."""
    user = current_user(request)
    form = BoardFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        # Refused before the form is looked at, like a valid one.
        help_request_board(actor=user)
        return render(request, "intake/team/board.html", {"form": form}, status=400)
    status = form.cleaned_data.get("status", OPEN) if form.is_bound else OPEN
    mine = bool(form.cleaned_data.get("mine")) if form.is_bound else False
    listed = help_request_board(actor=user, status=status, mine=mine)
    page = Paginator(listed.requests, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": board_rows(list(page.object_list)),
        "query": query.urlencode(),
        "status": status,
        "mine": mine,
        "status_links": _status_links(listed.counts, status, mine),
        "is_team_member": listed.is_team_member,
    }
    return render(request, "intake/team/board.html", context)


def _status_links(counts: dict[str, int], current: str, mine: bool) -> list[dict[str, Any]]:
    suffix = "&mine=on" if mine else ""
    links = [
        {
            "label": _("Open"),
            "count": sum(n for s, n in counts.items() if s != RequestStatus.CLOSED),
            "url": f"?status={suffix}",
            "current": current == OPEN,
        }
    ]
    for value, label in RequestStatus.choices:
        links.append(
            {
                "label": label,
                "count": counts.get(value, 0),
                "url": f"?status={value}{suffix}",
                "current": current == value,
            }
        )
    return links


# --- One request --------------------------------------------------------------------------------

ACTION_FORMS: dict[str, type[RequestActionForm]] = {
    "triage": TriageForm,
    "assign": AssignForm,
    "contact": ContactForm,
    "note": NoteForm,
    "reply": ReplyForm,
    "close": CloseForm,
}


@dataclass(frozen=True)
class EventRow:
    at: dt.datetime
    kind: str
    actor: str
    detail: str
    text: str


def _eventboard_rows(help_request: HelpRequest) -> list[EventRow]:
    events, names = help_request_history(help_request=help_request)
    rows = []
    for event in events:
        data = event.data or {}
        detail = ""
        if event.kind == EventKind.STATUS and data.get("new"):
            detail = f"{RequestStatus(data['old']).label} → {RequestStatus(data['new']).label}"
            if data.get("reason"):
                detail += f": {CloseReason(data['reason']).label}"
        elif event.kind == EventKind.ASSIGN:
            detail = names.get(data.get("responsible", 0), "–")
        elif event.kind in services.CONTACT_KINDS:
            detail = (
                _("Reached the family") if data.get("reached") else _("Did not reach the family")
            )
        rows.append(
            EventRow(
                at=event.at,
                kind=str(EventKind(event.kind).label),
                actor=event.actor.full_name if event.actor else "",
                detail=detail,
                text=event.text,
            )
        )
    return rows


@dataclass(frozen=True)
class ActionPanel:
    """One action offered on a request's page, with its form."""

    name: str
    heading: str
    button: str
    form: RequestActionForm
    url: str
    intro: str = ""
    button_class: str = ""


def action_names(help_request: HelpRequest) -> list[str]:
    """The actions that make sense in the request's state, the most pressing first.

    A closed request takes only notes; an anonymised one nothing. "Record a contact" only when
    the family left a way to reach them; otherwise the reply is the contact. A request with
    danger signals that waits for its first contact puts that contact (or the reply) first."""
    if help_request.anonymized_at is not None:
        return []
    status = help_request.status
    if status == RequestStatus.CLOSED:
        return ["note"]
    reach = "contact" if can_be_contacted(help_request) else "reply"
    names = []
    if help_request.has_danger and help_request.first_contact_at is None:
        names.append(reach)
    if status == RequestStatus.NEW:
        names.append("triage")
    if status in (RequestStatus.NEW, RequestStatus.IN_TRIAGE):
        names.append("assign")
    names += [reach, "reply"]
    if status in (RequestStatus.ASSIGNED, RequestStatus.CONTACTED):
        names.append("assign")  # another responsible worker
    names += ["note", "close"]
    return list(dict.fromkeys(names))


def _action_panels(
    help_request: HelpRequest, forms: dict[str, RequestActionForm]
) -> list[ActionPanel]:
    def url(name: str) -> str:
        return reverse(f"intake:request_{name}", kwargs={"request_id": help_request.pk})

    anonymous = not can_be_contacted(help_request)
    panels = []
    for name in action_names(help_request):
        if name == "triage":
            panel = ActionPanel(
                name,
                _("Take into triage"),
                _("Take into triage"),
                forms[name],
                url(name),
                intro=_("Tells the team that someone is looking at the request."),
            )
        elif name == "assign":
            title = (
                _("Change the responsible worker")
                if help_request.responsible_id
                else _("Set the responsible worker")
            )
            panel = ActionPanel(name, title, title, forms[name], url(name))
        elif name == "contact":
            panel = ActionPanel(
                name, _("Record a contact"), _("Record the contact"), forms[name], url(name)
            )
        elif name == "reply":
            panel = ActionPanel(
                name,
                _("Replace the reply") if help_request.public_reply else _("Write the reply"),
                _("Save the reply"),
                forms[name],
                url(name),
            )
        elif name == "note":
            panel = ActionPanel(name, _("Write a note"), _("Save the note"), forms[name], url(name))
        else:
            intro = ""
            if anonymous and not help_request.public_reply:
                intro = _(
                    "The family asked anonymously and has no reply yet: write the reply "
                    "before you close the request. It is all they will see."
                )
            panel = ActionPanel(
                name,
                _("Close the request"),
                _("Close the request"),
                forms[name],
                url(name),
                intro=intro,
                button_class="danger",
            )
        panels.append(panel)
    return panels


def _detail_page(
    request: HttpRequest, request_id: UUID, *, failed: RequestActionForm | None = None
) -> HttpResponse:
    """The request with its personal data, read through the gatekeeper that logs it. Also the
    answer to a refused action, so that the form comes back with its errors (400)."""
    help_request = access_help_request(
        actor=current_user(request), help_request_id=request_id, request=request
    )
    forms = {
        name: form(help_request=help_request, prefix=name) for name, form in ACTION_FORMS.items()
    }
    if failed is not None and failed.prefix:
        forms[failed.prefix] = failed
    clock = first_contact_clock(help_request, timezone.localdate())
    closed = help_request.status == RequestStatus.CLOSED
    context = {
        "help_request": help_request,
        "clock": clock,
        "danger": [DANGER_LABELS.get(signal, signal) for signal in help_request.danger_signals],
        # The advice on danger speaks of the first contact only while it is still to be made.
        "first_contact_pending": not closed and (clock is None or clock.state != CONTACTED),
        "can_be_contacted": can_be_contacted(help_request),
        "events": _eventboard_rows(help_request),
        "actions": _action_panels(help_request, forms),
        "failed": failed,
        "is_anonymized": help_request.anonymized_at is not None,
        "language_name": _language_name(help_request.language),
    }
    return render(
        request, "intake/team/request_detail.html", context, status=400 if failed else 200
    )


def _language_name(code: str) -> str:
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


@never_cache
@require_GET
@professional_required
def request_detail(request: HttpRequest, request_id: UUID) -> HttpResponse:
    return _detail_page(request, request_id)


Action = Callable[[User, HelpRequest, dict[str, Any], HttpRequest], object]


def _act(
    request: HttpRequest, request_id: UUID, name: str, action: Action, done: str
) -> HttpResponse:
    """Run one action form. The service's PolicyDenied is a PermissionDenied: Django answers
    403 with it; its ValidationError goes back on the form with 400."""
    user = current_user(request)
    help_request = access_help_request(actor=user, help_request_id=request_id, for_action=True)
    form = ACTION_FORMS[name](request.POST, prefix=name, help_request=help_request)
    if form.is_valid():
        try:
            action(user, help_request, form.cleaned_data, request)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, done)
            return redirect("intake:request_detail", request_id=help_request.pk)
    return _detail_page(request, help_request.pk, failed=form)


@professional_required
@require_POST
def request_triage(request: HttpRequest, request_id: UUID) -> HttpResponse:
    return _act(
        request,
        request_id,
        "triage",
        lambda user, hr, data, req: services.help_request_triage(
            actor=user, help_request=hr, request=req
        ),
        _("The request is now in triage."),
    )


@professional_required
@require_POST
def request_assign(request: HttpRequest, request_id: UUID) -> HttpResponse:
    return _act(
        request,
        request_id,
        "assign",
        lambda user, hr, data, req: services.help_request_assign(
            actor=user, help_request=hr, responsible=data["responsible"], request=req
        ),
        _("The responsible worker was set."),
    )


@professional_required
@require_POST
def request_contact(request: HttpRequest, request_id: UUID) -> HttpResponse:
    return _act(
        request,
        request_id,
        "contact",
        lambda user, hr, data, req: services.help_request_contact_record(
            actor=user,
            help_request=hr,
            kind=data["kind"],
            text=data["text"],
            reached=data["reached"],
            request=req,
        ),
        _("The contact was recorded."),
    )


@professional_required
@require_POST
def request_note(request: HttpRequest, request_id: UUID) -> HttpResponse:
    return _act(
        request,
        request_id,
        "note",
        lambda user, hr, data, req: services.help_request_note(
            actor=user, help_request=hr, text=data["text"], request=req
        ),
        _("The note was saved."),
    )


@professional_required
@require_POST
def request_reply(request: HttpRequest, request_id: UUID) -> HttpResponse:
    return _act(
        request,
        request_id,
        "reply",
        lambda user, hr, data, req: services.help_request_reply(
            actor=user, help_request=hr, text=data["text"], request=req
        ),
        _("The reply was saved. The family sees it on the status page."),
    )


@professional_required
@require_POST
def request_close(request: HttpRequest, request_id: UUID) -> HttpResponse:
    return _act(
        request,
        request_id,
        "close",
        lambda user, hr, data, req: services.help_request_close(
            actor=user, help_request=hr, reason=data["reason"], text=data["text"], request=req
        ),
        _("The request was closed."),
    )


@never_cache
@professional_required
@require_POST
def request_export(request: HttpRequest, request_id: UUID) -> HttpResponse:
    """Everything stored about the request, as a file for the data subject (GDPR art. 15).
    POST, not a link: it is an audited act, and no prefetcher may trigger it."""
    user = current_user(request)
    help_request = access_help_request(actor=user, help_request_id=request_id, for_action=True)
    data = services.help_request_export(actor=user, help_request=help_request, request=request)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    filename = f"help-request-{help_request.tracking_code}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
