"""The pages of a sign-up's manage link: the sign-up (status, waiting-list position, the online
link once it holds seats), changing who comes, cancelling in two steps, confirming an offered
seat and the calendar file. The manage token is in their path (the link in the family's
e-mail), so they are never stored by a browser or a proxy, indexed, or sent as a referrer, and
the access log masks the token (`core.accesslog`). A wrong token is the site's 404."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from perhekeskus.core.decorators import private_page
from perhekeskus.core.errors import NotFound
from perhekeskus.core.ratelimit import RateLimited
from perhekeskus.events import calendar, selectors
from perhekeskus.events.calendar import online_url_for
from perhekeskus.events.forms.public import CancelForm, ChangeForm
from perhekeskus.events.models import EventKind, EventStatus, Signup, SignupStatus
from perhekeskus.events.ratelimit import manage_limiter
from perhekeskus.events.services.signup import (
    ParticipantInput,
    SignupRefused,
    signup_cancel,
    signup_change,
    signup_confirm_offer,
)
from perhekeskus.events.views.common import event_view

__all__ = ["manage", "manage_cancel", "manage_change", "manage_confirm", "manage_ics"]

# The statuses a family can still change or cancel.
_LIVE = (
    SignupStatus.ATTENDING,
    SignupStatus.WAITLISTED,
    SignupStatus.OFFERED,
    SignupStatus.APPLIED,
)


def _signup(token: str) -> Signup:
    found = selectors.signup_get_by_token(token)
    if found is None:
        raise NotFound("signup")
    return found


@contextmanager
def _counted(token: str) -> Iterator[None]:
    """A change made through the manage link counts on its limit only when it is stored: each
    one writes the family a notice and takes the event's lock, so a loop on a leaked link must
    not flood the family's inbox or hold the event's sign-ups up."""
    reservation = manage_limiter(token).reserve()
    try:
        yield
    except BaseException:
        reservation.release()
        raise


def _too_many_text() -> str:
    return _("Too many changes in a short time. Please try again in an hour.")


def _too_many(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    form: Any,
    limited: RateLimited,
) -> HttpResponse:
    form.add_error(None, _too_many_text())
    context["form"] = form
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(limited.retry_after)
    return response


def _manage_url(token: str) -> str:
    return reverse("events:manage", kwargs={"token": token})


def _context(token: str, signup: Signup, now: dt.datetime) -> dict[str, Any]:
    event = signup.event
    live = signup.status in _LIVE and event.status != EventStatus.CANCELLED
    # A peer group is a membership over the series: it can be left until the group ends.
    deadline = event.ends if event.kind == EventKind.SERIES else event.starts
    may_change = live and deadline > now and signup.anonymised_at is None
    offer_open = (
        signup.status == SignupStatus.OFFERED
        and signup.offer_expires_at is not None
        and signup.offer_expires_at > now
    )
    holds_seats = signup.status == SignupStatus.ATTENDING
    return {
        **event_view(event, now),
        "token": token,
        "signup": signup,
        "participants": selectors.signup_participants(signup),
        "position": selectors.waitlist_position(signup),
        "live": live,
        "past": event.ends <= now,
        "may_change": may_change,
        "offer_open": offer_open,
        "online_url": online_url_for(event, signup),
        "show_calendar": holds_seats or signup.status == SignupStatus.OFFERED,
        "manage_url": _manage_url(token),
        "change_url": reverse("events:manage_change", kwargs={"token": token}),
        "cancel_url": reverse("events:manage_cancel", kwargs={"token": token}),
        "confirm_url": reverse("events:manage_confirm", kwargs={"token": token}),
        "ics_url": reverse("events:manage_ics", kwargs={"token": token}),
        "event_url": reverse("events:detail", kwargs={"event_id": event.pk}),
    }


@private_page("same-origin")
@require_GET
def manage(request: HttpRequest, token: str) -> HttpResponse:
    signup = _signup(token)
    return render(request, "events/manage.html", _context(token, signup, timezone.now()))


@private_page()
@require_GET
def manage_ics(request: HttpRequest, token: str) -> HttpResponse:
    signup = _signup(token)
    if signup.status not in (SignupStatus.ATTENDING, SignupStatus.OFFERED):
        raise NotFound("signup")
    response = HttpResponse(
        calendar.ics_for_event(signup.event, signup=signup),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="event.ics"'
    return response


@private_page("same-origin")
@require_http_methods(["GET", "POST"])
def manage_change(request: HttpRequest, token: str) -> HttpResponse:
    """Who comes: the rows prefilled with the group as it is; blank rows are left out."""
    signup = _signup(token)
    context = _context(token, signup, timezone.now())
    if not context["may_change"]:
        return render(request, "events/manage.html", context, status=409)
    event = signup.event
    if request.method == "GET":
        initial: dict[str, Any] = {}
        for i, participant in enumerate(context["participants"]):
            initial[f"participants-{i}-name"] = participant.name
            initial[f"participants-{i}-age"] = "" if participant.age is None else participant.age
        form = ChangeForm(initial=initial, event=event)
    else:
        form = ChangeForm(request.POST, event=event)
        if form.is_valid():
            try:
                with _counted(token):
                    signup_change(
                        token=token,
                        participants=[
                            ParticipantInput(name=name, age=age)
                            for name, age in form.cleaned_data["participants"]
                        ],
                    )
            except RateLimited as limited:
                return _too_many(request, "events/manage_change.html", context, form, limited)
            except SignupRefused as refused:
                form.add_error(None, str(refused.message))
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("Your group was changed."))
                return HttpResponseRedirect(_manage_url(token), status=303)
    context["form"] = form
    status = 400 if form.errors else 200
    return render(request, "events/manage_change.html", context, status=status)


@private_page("same-origin")
@require_http_methods(["GET", "POST"])
def manage_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """The second step of cancelling: a box to tick, then the sign-up is cancelled."""
    signup = _signup(token)
    context = _context(token, signup, timezone.now())
    if not context["may_change"]:
        return render(request, "events/manage.html", context, status=409)
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with _counted(token):
                signup_cancel(token=token)
        except RateLimited as limited:
            return _too_many(request, "events/manage_cancel.html", context, form, limited)
        except SignupRefused as refused:
            form.add_error(None, str(refused.message))
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Your sign-up was cancelled."))
            return HttpResponseRedirect(_manage_url(token), status=303)
    context["form"] = form
    status = 400 if form.errors else 200
    return render(request, "events/manage_cancel.html", context, status=status)


@private_page("same-origin")
@require_POST
def manage_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Confirm a seat offered from the waiting list, before its deadline."""
    signup = _signup(token)
    context = _context(token, signup, timezone.now())
    if not context["offer_open"]:
        context["confirm_error"] = _("The offered seat can no longer be confirmed.")
        return render(request, "events/manage.html", context, status=409)
    try:
        with _counted(token):
            signup_confirm_offer(token=token)
    except RateLimited as limited:
        context["confirm_error"] = _too_many_text()
        response = render(request, "events/manage.html", context, status=429)
        response["Retry-After"] = str(limited.retry_after)
        return response
    except (SignupRefused, ValidationError) as error:
        text = str(error.message) if isinstance(error, SignupRefused) else " ".join(error.messages)
        context["confirm_error"] = text
        return render(request, "events/manage.html", context, status=409)
    messages.success(request, _("Your seat is confirmed. Welcome!"))
    return HttpResponseRedirect(_manage_url(token), status=303)
