"""Public calendar subscriptions of events, without a language prefix:
/event-feeds/municipality/<code>.ics and /event-feeds/organization/<uuid>.ics.

A calendar program fetches these without a login, so they carry only what the public event pages
show: the publicly listed events (single events, occurrences of series and peer groups, events
with sessions; one cancelled after publication stays, marked cancelled) from a month back to half
a year ahead, with the title, time, place and the event page's link — never anything of a
sign-up and never an online meeting's address. The language is `?lang=fi|sv|en`, else the
request's. An unknown municipality or
organisation is a 404 (the selectors raise NotFound). Answers may be cached for a while (the
feed says so too) and carry an ETag, so that a program polling an unchanged feed gets a 304."""

from __future__ import annotations

import hashlib
import uuid

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.views.decorators.http import require_GET

from perhekeskus.events.calendar import LANGUAGES, feed_for
from perhekeskus.events.selectors_public import feed_events, feed_municipality, feed_organization

MAX_AGE_SECONDS = 900


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
    municipality = feed_municipality(code=code)
    language = _language(request)
    with translation.override(language):
        events = feed_events(municipality_code=municipality.code)
        content = feed_for(events, name=municipality.name)
    return _answer(request, content, f"events-{municipality.code}-{language}.ics")


@require_GET
def organization_feed(request: HttpRequest, organization_id: uuid.UUID) -> HttpResponse:
    organization = feed_organization(organization_id=organization_id)
    language = _language(request)
    with translation.override(language):
        events = feed_events(organization_id=organization.pk)
        content = feed_for(events, name=organization.name)
    return _answer(request, content, f"events-{language}.ics")
