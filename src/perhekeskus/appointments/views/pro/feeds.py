"""The private calendar feed: its management page (create, shown once; revoke) and the feed
itself at /calendar-feeds/<token>.ics, which a calendar program fetches without a login.

The feed carries no more personal data than a calendar needs: "Appointment: <type>", the time,
the channel or the place and the link to the booking's page, never the family's name or
contacts (`calendar.feed_ics`). Only the token's hash is stored; a revoked or unknown token is a
404 at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from perhekeskus.appointments import selectors, selectors_pro, services
from perhekeskus.appointments.calendar import feed_ics
from perhekeskus.appointments.views.pro.common import (
    chosen_professional_id,
    current_user,
    manageable,
    managed_professional_id,
    no_calendar,
    with_query,
)
from perhekeskus.core.decorators import professional_required
from perhekeskus.core.links import absolute

FEED_DAYS_BACK = 30
FEED_DAYS_AHEAD = 180


def _feed_page(request: HttpRequest, professional_id: int, *, new_url: str = "") -> HttpResponse:
    user = current_user(request)
    feed = selectors_pro.feed_active(actor=user, professional_id=professional_id)
    professional = selectors_pro.professional_get_manageable(
        actor=user, professional_id=professional_id
    )
    context: dict[str, Any] = {
        "professional": professional,
        "professionals": manageable(user),
        "is_own": professional_id == user.pk,
        "feed": feed,
        "new_url": new_url,
        "webcal_url": new_url.replace("https://", "webcal://", 1).replace(
            "http://", "webcal://", 1
        ),
        "calendar_url": with_query(
            reverse("appointments_pro:calendar"),
            professional=professional_id if professional_id != user.pk else "",
        ),
    }
    return render(request, "appointments/pro/feed.html", context)


@never_cache
@require_GET
@professional_required
def feed(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    professionals = manageable(user)
    if (nothing := no_calendar(request, professionals)) is not None:
        return nothing
    return _feed_page(request, chosen_professional_id(request, user, professionals))


@never_cache
@professional_required
@require_POST
def feed_create(request: HttpRequest) -> HttpResponse:
    """A new address, shown on this answer only: only its hash is kept. An older one stops
    working."""
    user = current_user(request)
    professional_id = managed_professional_id(request, user)
    token = services.feed_create(actor=user, professional_id=professional_id)
    url = absolute(reverse("appointments-feed", kwargs={"token": token}))
    return _feed_page(request, professional_id, new_url=url)


@professional_required
@require_POST
def feed_revoke(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    professional_id = managed_professional_id(request, user)
    services.feed_revoke(actor=user, professional_id=professional_id)
    messages.success(
        request, _("The feed address was revoked. Calendars that used it get nothing more.")
    )
    return redirect(
        with_query(
            reverse("appointments_pro:feed"),
            professional=professional_id if professional_id != user.pk else "",
        )
    )


@require_GET
def feed_file(request: HttpRequest, token: str) -> HttpResponse:
    """The feed a calendar program subscribes to: bookings from a month back to half a year
    ahead. NotFound (404) when the token is unknown or revoked."""
    today = timezone.localdate()
    professional, bookings = selectors.feed_bookings(
        token=token,
        date_from=today - dt.timedelta(days=FEED_DAYS_BACK),
        date_to=today + dt.timedelta(days=FEED_DAYS_AHEAD),
    )
    response = HttpResponse(
        feed_ics(professional, bookings), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = 'inline; filename="appointments.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
