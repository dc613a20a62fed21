"""The families' event pages: no account, phone-sized first, no JavaScript needed.

The list is a GET form (every filter is in the address, shareable); an event's page says what,
where, when, for whom and whether there are seats, with the sign-up form; the sign-up posts with
a one-time form token as the idempotency key, so a double submit signs up once; the confirmation
gets the manage token through the (encrypted, server-side) session, never through its own
address. A forum takes residents' topics beforehand and shows its summary afterwards. The pages
of the manage link are in `manage.py`."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.core.errors import NotFound
from perhekeskus.core.forms import apply_validation_error
from perhekeskus.core.language import active_language
from perhekeskus.core.links import absolute
from perhekeskus.core.ratelimit import RateLimited
from perhekeskus.core.tasks import task_by_number
from perhekeskus.events import selectors
from perhekeskus.events.forms.public import (
    EventFilterForm,
    SignupForm,
    TopicForm,
    age_label,
    date_span,
)
from perhekeskus.events.models import Event, EventKind, EventLanguage, EventStatus
from perhekeskus.events.ratelimit import signup_limiter, topic_limiter
from perhekeskus.events.selectors_public import (
    EventFilters,
    event_get_public,
    event_list_public,
    helsinki_date,
    linked_names,
    municipalities_with_events,
    occurrences_of,
    place_on_map,
    questions_of,
    sessions_of,
)
from perhekeskus.events.services import forum
from perhekeskus.events.services.signup import (
    ParticipantInput,
    SignupInput,
    SignupRefused,
    signup_create,
)
from perhekeskus.events.views.common import (
    ages_text,
    event_view,
    query_string,
    recall,
    remember,
    seats_of,
)

__all__ = ["done", "event_detail", "event_list", "signup", "topic"]

PER_PAGE = 20
# The list's parameters, in the order of the addresses the page makes.
PARAMS = (
    "organization",
    "service",
    "place",
    "municipality",
    "when",
    "day_from",
    "day_to",
    "age",
    "task",
    "language",
    "free",
)
# The filters that come from links elsewhere (no field of their own on the page).
LINKED = ("organization", "service", "place")
# How long the confirmation can still be opened after signing up.
DONE_MAX_AGE = 60 * 60

_DONE = "events.done"
_TOPIC_SENT = "events.topic_sent"


# --- The list -----------------------------------------------------------------------------------


def _params(values: dict[str, Any]) -> dict[str, str]:
    params: dict[str, str] = {}
    for name in (*PARAMS, "has_seats"):
        value = values.get(name)
        if value in (None, "", False):
            continue
        if name in ("free", "has_seats"):
            value = "1"
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        params[name] = str(value)
    return params


def _active_filters(
    values: dict[str, Any], params: dict[str, str], municipalities: dict[str, str]
) -> list[tuple[str, str]]:
    """(label, address without it) of each filter in use."""

    def without(*names: str) -> str:
        return "?" + query_string({k: v for k, v in params.items() if k not in names})

    active = []
    for name, label in _linked_names(values).items():
        active.append((label, without(name)))
    if values.get("municipality"):
        name = municipalities.get(values["municipality"], values["municipality"])
        active.append((_("Municipality: %(name)s") % {"name": name}, without("municipality")))
    if values.get("when") == "today":
        active.append((_("Today"), without("when", "day_from", "day_to")))
    elif values.get("when") == "week":
        active.append((_("This week"), without("when", "day_from", "day_to")))
    elif values.get("day_from") or values.get("day_to"):
        start, end = values.get("day_from"), values.get("day_to")
        text = "–".join(
            [
                date_format(start, "SHORT_DATE_FORMAT") if start else "",
                date_format(end, "SHORT_DATE_FORMAT") if end else "",
            ]
        )
        active.append(
            (_("Dates: %(dates)s") % {"dates": text}, without("when", "day_from", "day_to"))
        )
    if values.get("age") is not None:
        active.append(
            (_("Age of the child: %(age)s") % {"age": age_label(values["age"])}, without("age"))
        )
    if values.get("task"):
        title = task_by_number(values["task"]).title
        active.append((_("Task: %(task)s") % {"task": title}, without("task")))
    if values.get("language"):
        label = dict(EventLanguage.choices).get(values["language"], values["language"])
        active.append((_("Language: %(language)s") % {"language": label}, without("language")))
    if values.get("free"):
        active.append((_("Free of charge"), without("free")))
    if values.get("has_seats"):
        active.append((_("Has free seats"), without("has_seats")))
    return active


def _linked_names(values: dict[str, Any]) -> dict[str, str]:
    """The names of the organiser, service and place the list is limited to."""
    found = linked_names(
        organization_id=values.get("organization"),
        service_id=values.get("service"),
        location_id=values.get("place"),
    )
    names: dict[str, str] = {}
    if found.organization:
        names["organization"] = _("Organiser: %(name)s") % {"name": found.organization}
    if found.service:
        names["service"] = _("Service: %(name)s") % {"name": found.service}
    if found.place:
        names["place"] = _("Place: %(name)s") % {"name": found.place}
    return names


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    chosen = str(request.GET.get("municipality") or "")[:10]
    municipalities = municipalities_with_events(now=now, include=chosen or None)
    form = EventFilterForm(request.GET, municipalities=municipalities)
    values = form.parse()
    notes = form.notes()
    day_from, day_to = date_span(values, helsinki_date(now))
    filters = EventFilters(
        municipality=values.get("municipality") or None,
        day_from=day_from,
        day_to=day_to,
        age=values.get("age"),
        task=values.get("task"),
        language=values.get("language") or None,
        free=bool(values.get("free")),
        has_seats=bool(values.get("has_seats")),
        organization_id=values.get("organization"),
        service_id=values.get("service"),
        location_id=values.get("place"),
    )
    paginator = Paginator(event_list_public(filters=filters, now=now), PER_PAGE)
    page = paginator.get_page(values.get("page") or 1)
    params = _params(values)
    active = _active_filters(values, params, dict(municipalities))
    context = {
        "form": form,
        "notes": notes,
        "page": page,
        "items": [
            {
                "event": event,
                "seats": seats_of(event, now),
                "ages": ages_text(event.min_age, event.max_age),
            }
            for event in page.object_list
        ],
        "query": query_string(params),
        "active_filters": active,
        "linked": [(name, params[name]) for name in LINKED if name in params],
        "clear_url": reverse("events:list"),
        "filtered": bool(active),
        "open_filters": bool(active) or bool(notes),
        "subscriptions": _subscriptions(values, dict(municipalities)),
    }
    return render(request, "events/list.html", context)


def _subscriptions(values: dict[str, Any], municipalities: dict[str, str]) -> list[tuple[str, str]]:
    """The calendar subscriptions that fit the chosen filters: the municipality's events, the
    organisation's events (the feed's own language follows the page's)."""
    language = active_language()
    found: list[tuple[str, str]] = []
    code = values.get("municipality")
    if code and code in municipalities:
        url = reverse("events_feed:municipality", kwargs={"code": code})
        label = _("Events in %(municipality)s") % {"municipality": municipalities[code]}
        found.append((label, f"{url}?lang={language}"))
    organization = values.get("organization")
    if organization:
        url = reverse("events_feed:organization", kwargs={"organization_id": organization})
        found.append((_("Events of this organiser"), f"{url}?lang={language}"))
    return found


# --- One event ----------------------------------------------------------------------------------


def _takes_own_signups(event: Event) -> bool:
    """Families sign up for this event itself (a plain series by its occurrences, a peer
    group's meetings through the group)."""
    if event.kind == EventKind.SERIES and not event.is_peer_group:
        return False
    parent = event.parent if event.kind == EventKind.OCCURRENCE else None
    if parent is not None and parent.is_peer_group:
        return False
    return event.takes_signups


def _signup_form(event: Event, data: Any = None, **kwargs: Any) -> SignupForm:
    return SignupForm(data, event=event, questions=questions_of(event), **kwargs)


def _new_signup_form(event: Event) -> SignupForm:
    return _signup_form(event, initial={"form_token": secrets.token_urlsafe(24)})


def _topics_open(event: Event, now: dt.datetime) -> bool:
    return (
        event.kind == EventKind.UMBRELLA
        and event.is_forum
        and event.status == EventStatus.PUBLISHED
        and event.ends > now
    )


@never_cache
@require_GET
def event_detail(request: HttpRequest, event_id: uuid.UUID) -> HttpResponse:
    event = event_get_public(event_id=event_id)  # NotFound: the 404 page
    if event.kind == EventKind.SESSION and event.parent_id is not None:
        # A session is shown, and signed up for, on its forum's page.
        parent = event_get_public(event_id=event.parent_id)
        url = reverse("events:detail", kwargs={"event_id": parent.pk})
        return HttpResponseRedirect(f"{url}#session-{event.pk}")
    now = timezone.now()
    context = event_view(event, now)
    seats = context["seats"]
    sessions = sessions_of(event)
    own_signups = _takes_own_signups(event)
    topics_open = _topics_open(event, now)
    context.update(
        {
            "sessions": [(session, seats_of(session, now)) for session in sessions],
            "occurrences": occurrences_of(event, now=now),
            "on_map": place_on_map(event),
            "own_signups": own_signups,
            "form": _new_signup_form(event) if own_signups and seats.can_sign_up else None,
            "topics_open": topics_open,
            "topic_form": TopicForm() if topics_open else None,
            "summary": event.summary if event.summary_published_at else "",
            "series": event.parent if event.kind == EventKind.OCCURRENCE else None,
        }
    )
    return render(request, "events/detail.html", context)


# --- Signing up ---------------------------------------------------------------------------------


def _signup_page(
    request: HttpRequest, event: Event, form: SignupForm | None, *, status: int = 200, **extra: Any
) -> HttpResponse:
    context = event_view(event, timezone.now())
    context.update({"form": form, **extra})
    return render(request, "events/signup.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest, event_id: uuid.UUID) -> HttpResponse:
    """The sign-up form on a page of its own (the target of the event page's form too)."""
    event = event_get_public(event_id=event_id)
    if not _takes_own_signups(event):
        raise NotFound(event_id)
    seats = seats_of(event, timezone.now())
    if request.method == "GET":
        form = _new_signup_form(event) if seats.can_sign_up else None
        return _signup_page(request, event, form)
    form = _signup_form(event, request.POST)
    if not seats.can_sign_up:
        return _signup_page(request, event, form, status=409, refused=seats.text, page_error=True)
    if not form.is_valid():
        return _signup_page(request, event, form, status=400)
    data = SignupInput(
        name=form.cleaned_data["name"],
        email=form.cleaned_data.get("email") or "",
        phone=form.cleaned_data.get("phone") or "",
        language=active_language(),
        participants=[
            ParticipantInput(name=name, age=age) for name, age in form.cleaned_data["participants"]
        ],
        answers=form.answers(),
    )
    try:
        result = signup_create(
            event_id=event.pk,
            data=data,
            idempotency_key=form.cleaned_data["form_token"],
            idempotency_scope="form",
            limiter=signup_limiter(request),
        )
    except SignupRefused as refused:
        event.refresh_from_db()
        return _signup_page(
            request, event, form, status=409, refused=str(refused.message), page_error=True
        )
    except RateLimited as limited:
        response = _signup_page(
            request, event, form, status=429, rate_limited=True, page_error=True
        )
        response["Retry-After"] = str(limited.retry_after)
        return response
    except ValidationError as error:
        form.add_service_error(error)
        return _signup_page(request, event, form, status=400)
    remember(request, _DONE, {"token": result.manage_token, "created": result.created})
    return HttpResponseRedirect(reverse("events:done"), status=303)


@never_cache
@require_GET
def done(request: HttpRequest) -> HttpResponse:
    """The confirmation: shows the manage link once; a reload says where the link is now."""
    remembered = recall(request, _DONE, DONE_MAX_AGE)
    request.session.pop(_DONE, None)
    token = str(remembered.get("token") or "") if isinstance(remembered, dict) else ""
    the_signup = selectors.signup_get_by_token(token) if token else None
    context: dict[str, Any] = {"signup": None}
    if the_signup is not None:
        event = the_signup.event
        context = {
            **event_view(event, timezone.now()),
            "signup": the_signup,
            "position": selectors.waitlist_position(the_signup),
            "already": not remembered.get("created", True),
            # The site's own address, as in the e-mail: never the request's Host header.
            "manage_url": absolute(reverse("events:manage", kwargs={"token": token})),
            "ics_url": reverse("events:manage_ics", kwargs={"token": token}),
        }
    response = render(request, "events/done.html", context)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# --- A forum's topics ---------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def topic(request: HttpRequest, event_id: uuid.UUID) -> HttpResponse:
    """A resident sends a topic or a question to a forum beforehand, without an account."""
    event = event_get_public(event_id=event_id)
    now = timezone.now()
    if not (event.kind == EventKind.UMBRELLA and event.is_forum):
        raise NotFound(event_id)
    context = event_view(event, now)
    context["topics_open"] = _topics_open(event, now)
    if request.method == "GET":
        context["sent"] = request.session.pop(_TOPIC_SENT, None) == str(event.pk)
        context["topic_form"] = TopicForm() if context["topics_open"] else None
        return render(request, "events/topic.html", context)
    form = TopicForm(request.POST)
    context["topic_form"] = form
    if not context["topics_open"]:
        return render(request, "events/topic.html", context, status=409)
    if not form.is_valid():
        context["page_error"] = True
        return render(request, "events/topic.html", context, status=400)
    try:
        forum.topic_create(
            event_id=event.pk,
            text=form.cleaned_data["text"],
            language=active_language(),
            limiter=topic_limiter(request),
        )
    except RateLimited as limited:
        context.update({"rate_limited": True, "page_error": True})
        response = render(request, "events/topic.html", context, status=429)
        response["Retry-After"] = str(limited.retry_after)
        return response
    except ValidationError as error:
        apply_validation_error(form, error)
        context["page_error"] = True
        return render(request, "events/topic.html", context, status=400)
    request.session[_TOPIC_SENT] = str(event.pk)
    return HttpResponseRedirect(reverse("events:topic", kwargs={"event_id": event.pk}), status=303)
