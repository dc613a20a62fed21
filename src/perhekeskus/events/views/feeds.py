"""Public calendar subscriptions of events, without a language prefix:
/event-feeds/municipality/<code>.ics and /event-feeds/organization/<uuid>.ics.

A calendar program fetches these without a login, so they carry only what the public event pages
show: the published, publicly listed events (single events, occurrences of series and peer
groups, events with sessions) from a month back to half a year ahead, with the title, time,
place and the event page's link — never anything of a sign-up and never an online meeting's
address. The language is `?lang=fi|sv|en`, else the request's. An unknown municipality or
organisation is a 404. Answers may be cached for a while (the feed says so too) and carry an
ETag, so that a program polling an unchanged feed gets a 304."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.views.decorators.http import require_GET

from perhekeskus.catalog.models import Municipality, Organization
from perhekeskus.events.calendar import LANGUAGES, feed_for
from perhekeskus.events.models import Event, EventKind, EventStatus

FEED_DAYS_BACK = 30
FEED_DAYS_AHEAD = 183
# A feed is a bounded file: a county's busiest half-year fits many times over.
FEED_LIMIT = 3000
MAX_AGE_SECONDS = 900
FEED_KINDS = (EventKind.SINGLE, EventKind.OCCURRENCE, EventKind.UMBRELLA)


def feed_events(condition: Q, *, now: dt.datetime | None = None) -> QuerySet[Event]:
    """The published, listed events matching `condition` inside the feed's window."""
    now = now or timezone.now()
    return (
        Event.objects.filter(
            condition,
            status=EventStatus.PUBLISHED,
            kind__in=FEED_KINDS,
            ends__gte=now - dt.timedelta(days=FEED_DAYS_BACK),
            starts__lte=now + dt.timedelta(days=FEED_DAYS_AHEAD),
        )
        .select_related("location", "parent")
        .order_by("starts", "pk")[:FEED_LIMIT]
    )


def _language(request: HttpRequest) -> str:
    asked = request.GET.get("lang", "")
    if asked in LANGUAGES:
        return asked
    active = translation.get_language() or "fi"
    return active if active in LANGUAGES else "fi"


def _answer(request: HttpRequest, content: bytes, filename: str) -> HttpResponse:
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    conditional = get_conditional_response(request, etag=etag, response=response)
    return conditional if conditional is not None else response


@require_GET
def municipality_feed(request: HttpRequest, code: str) -> HttpResponse:
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise Http404
    language = _language(request)
    with translation.override(language):
        events = feed_events(
            Q(municipality_id=municipality.code)
            | Q(municipality__isnull=True, location__municipality_id=municipality.code)
        )
        content = feed_for(events, name=municipality.name)
    return _answer(request, content, f"events-{municipality.code}-{language}.ics")


@require_GET
def organization_feed(request: HttpRequest, organization_id: uuid.UUID) -> HttpResponse:
    organization = Organization.objects.filter(pk=organization_id).first()
    if organization is None:
        raise Http404
    language = _language(request)
    with translation.override(language):
        content = feed_for(feed_events(Q(organization_id=organization.pk)), name=organization.name)
    return _answer(request, content, f"events-{language}.ics")
