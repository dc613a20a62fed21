"""The organiser's events: the list (upcoming, past, drafts; a series and an event with sessions
with their parts), one event's page with its actions, the form that creates or changes one, and
publishing and cancelling.

A new event is made in two steps that work without JavaScript: the organiser (when the user may
organise for several) and the kind, then the form of that kind. A session is made from its
umbrella's page (`?parent=`). One occurrence of a series is changed on its own page ("only this
date"), the whole series on the series' ("all dates")."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from perhekeskus.accounts.models import User
from perhekeskus.catalog.selectors import municipality_list
from perhekeskus.core.decorators import professional_required
from perhekeskus.core.errors import NotFound
from perhekeskus.core.forms import apply_validation_error
from perhekeskus.events import selectors_pro
from perhekeskus.events.forms.pro import (
    KIND_MODEL,
    OCCURRENCE,
    PEER_GROUP,
    SESSION,
    CancelEventForm,
    EventForm,
    KindChoiceForm,
    ListFilterForm,
    QuestionFormSet,
    error_links,
    event_initial,
    form_kind,
    question_data,
    question_initial,
)
from perhekeskus.events.models import Event, EventKind, EventStatus
from perhekeskus.events.policies import can_manage_event
from perhekeskus.events.services import organise
from perhekeskus.events.views.pro.common import current_user, with_query

PAGE_SIZE = 25
# Parts shown under a series or an umbrella in the list; the rest are on its page.
PARTS_SHOWN = 5


# --- The list -----------------------------------------------------------------------------------


def _parts(event: Event, show: str, now: dt.datetime) -> tuple[list[Event], int]:
    """The parts of a series or an umbrella to show under it: the coming ones in the list of
    upcoming events, the first ones otherwise; and how many more there are."""
    parts: list[Event] = list(getattr(event, "parts", []))
    if show == ListFilterForm.UPCOMING:
        parts = [part for part in parts if part.ends >= now]
    return parts[:PARTS_SHOWN], max(len(parts) - PARTS_SHOWN, 0)


@never_cache
@require_GET
@professional_required
def event_list(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = ListFilterForm(request.GET)
    valid = form.is_valid()
    show = (form.cleaned_data.get("show") if valid else "") or ListFilterForm.UPCOMING
    now = timezone.now()
    events = selectors_pro.events_listed(user, show=show, now=now)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for event in page.object_list:
        parts, more = _parts(event, show, now)
        rows.append(
            {
                "event": event,
                "may_manage": can_manage_event(user, event),
                "parts": parts,
                "more": more,
            }
        )
    filters = [
        (value, label, with_query(reverse("events_pro:list"), show=value))
        for value, label in ListFilterForm.CHOICES
    ]
    context = {
        "rows": rows,
        "page": page,
        "show": show,
        "filters": filters,
        "query": f"show={show}",
        "may_create": selectors_pro.organizations_for(actor=user).exists(),
    }
    return render(request, "events/pro/list.html", context, status=200 if valid else 400)


# --- One event ----------------------------------------------------------------------------------


def _detail_page(
    request: HttpRequest, event_id: UUID, *, error: ValidationError | None = None
) -> HttpResponse:
    user = current_user(request)
    event = selectors_pro.event_get_for_edit(actor=user, event_id=event_id)
    parts = selectors_pro.event_parts(event)
    now = timezone.now()
    context = {
        "event": event,
        "kind": form_kind(event.kind, is_peer_group=event.is_peer_group, is_forum=event.is_forum),
        "rule": getattr(event, "rule", None) if event.kind == EventKind.SERIES else None,
        "parts": parts,
        "questions": selectors_pro.questions_of(event),
        "is_past": event.ends < now,
        "may_publish": event.status == EventStatus.DRAFT,
        "may_cancel": event.status != EventStatus.CANCELLED and event.ends > now,
        "has_participants": event.takes_signups,
        "errors": error.messages if error is not None else [],
    }
    return render(request, "events/pro/detail.html", context, status=400 if error else 200)


@never_cache
@require_GET
@professional_required
def event_detail(request: HttpRequest, event_id: UUID) -> HttpResponse:
    return _detail_page(request, event_id)


@never_cache
@professional_required
@require_POST
def event_publish(request: HttpRequest, event_id: UUID) -> HttpResponse:
    user = current_user(request)
    try:
        event = organise.event_publish(actor=user, event_id=event_id)
    except ValidationError as error:
        return _detail_page(request, event_id, error=error)
    messages.success(request, _("The event was published. Families can now find it."))
    return redirect("events_pro:detail", event_id=event.pk)


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def event_cancel(request: HttpRequest, event_id: UUID) -> HttpResponse:
    """Cancel in two steps without JavaScript: the reason, then a page that shows what the
    participants will receive and asks to confirm. Only the confirmed POST calls the service."""
    user = current_user(request)
    event = selectors_pro.event_get_for_edit(actor=user, event_id=event_id)
    form = CancelEventForm(request.POST if request.method == "POST" else None)
    confirming = False
    if form.is_bound and form.is_valid():
        if form.cleaned_data["confirmed"]:
            try:
                organise.event_cancel(
                    actor=user, event_id=event.pk, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(
                    request,
                    _("The event was cancelled. Everyone signed up or waiting is told."),
                )
                return redirect("events_pro:detail", event_id=event.pk)
        elif "edit" not in request.POST:
            confirming = True
    context = {
        "event": event,
        "form": form,
        "confirming": confirming,
        "reason": form.cleaned_data.get("reason", "") if confirming else "",
        "parts": selectors_pro.parts_to_cancel(event),
        "may_cancel": event.status != EventStatus.CANCELLED and event.ends > timezone.now(),
    }
    return render(request, "events/pro/cancel.html", context, status=400 if form.errors else 200)


# --- The form -----------------------------------------------------------------------------------


def _choices(user: User, organization_id: Any, kind: str) -> dict[str, Any]:
    services = selectors_pro.services_for(user, organization_id)
    return {
        "locations": selectors_pro.locations_for(actor=user, organization_id=organization_id),
        "municipalities": municipality_list(),
        "services": services,
        "facilitators": selectors_pro.facilitator_choices(actor=user)
        if kind == PEER_GROUP
        else None,
    }


def _form_page(
    request: HttpRequest,
    *,
    kind: str,
    organization: Any,
    event: Event | None = None,
    parent: Event | None = None,
) -> HttpResponse:
    """Create (no `event`) or change an event of the form's `kind`. An occurrence asks its
    series' questions, so its form has none."""
    user = current_user(request)
    posted = request.POST if request.method == "POST" else None
    form = EventForm(
        posted,
        kind=kind,
        in_peer_group=parent is not None and parent.is_peer_group,
        initial=event_initial(event) if event is not None else {},
        **_choices(user, organization.pk, kind),
    )
    questions = None
    if kind != OCCURRENCE:
        questions = QuestionFormSet(
            posted,
            prefix="questions",
            initial=question_initial(selectors_pro.questions_of(event))
            if event is not None
            else None,
        )
    if posted is not None and form.is_valid() and (questions is None or questions.is_valid()):
        asked = question_data(questions) if questions is not None else None
        try:
            if event is None:
                saved = organise.event_create(
                    actor=user,
                    organization_id=organization.pk,
                    kind=KIND_MODEL[kind][0],
                    fields=form.event_fields(),
                    rule=form.rule(),
                    parent_id=parent.pk if parent is not None else None,
                    questions=asked,
                )
            else:
                saved = organise.event_update(
                    actor=user,
                    event_id=event.pk,
                    fields=form.event_fields(),
                    rule=form.rule(),
                    questions=asked,
                )
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("The event was saved."))
            return redirect("events_pro:detail", event_id=saved.pk)
    failed = posted is not None
    context = {
        "form": form,
        "questions": questions,
        "kind": kind,
        "event": event,
        "parent": parent,
        "organization": organization,
        "failed": failed,
        "errors": error_links(form, questions) if failed else [],
    }
    return render(request, "events/pro/form.html", context, status=400 if failed else 200)


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    """`?parent=<umbrella>`: a new session of that event. Otherwise the choice of organiser and
    kind (`?organization=&kind=`), then the form of that kind."""
    user = current_user(request)
    raw_parent = request.GET.get("parent", "")
    if raw_parent:
        try:
            parent_id = UUID(raw_parent)
        except ValueError:
            raise NotFound from None
        parent = selectors_pro.event_get_for_edit(actor=user, event_id=parent_id)
        if parent.kind != EventKind.UMBRELLA:
            raise NotFound
        return _form_page(request, kind=SESSION, organization=parent.organization, parent=parent)
    organizations = selectors_pro.organizations_for(actor=user)
    chosen = "organization" in request.GET or "kind" in request.GET
    data = request.GET if chosen else None
    if data is None and organizations.count() == 1:
        first = organizations.first()
        initial = {"organization": first.pk if first is not None else None}
    else:
        initial = {}
    choice = KindChoiceForm(data, organizations=organizations, initial=initial)
    if choice.is_bound and choice.is_valid():
        return _form_page(
            request,
            kind=choice.cleaned_data["kind"],
            organization=choice.cleaned_data["organization"],
        )
    if request.method == "POST":
        raise NotFound  # a form posted without its organiser and kind
    return render(
        request,
        "events/pro/new.html",
        {"form": choice, "may_create": organizations.exists()},
        status=400 if choice.is_bound else 200,
    )


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, event_id: UUID) -> HttpResponse:
    user = current_user(request)
    event = selectors_pro.event_get_for_edit(actor=user, event_id=event_id)
    kind = form_kind(event.kind, is_peer_group=event.is_peer_group, is_forum=event.is_forum)
    return _form_page(
        request, kind=kind, organization=event.organization, event=event, parent=event.parent
    )
