"""A service's card and an organisation's page: everything the catalogue holds, for a person."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from perhekeskus.catalog import selectors
from perhekeskus.catalog.display import localized
from perhekeskus.catalog.models import (
    ChannelKind,
    ContactChannel,
    Location,
    LocationType,
    PhoneCharge,
    Service,
    ServiceAtLocation,
)
from perhekeskus.catalog.taxonomies import TASKS_KEY
from perhekeskus.core.errors import NotFound
from perhekeskus.finder.views.common import (
    ages_text,
    area_text,
    language,
    language_name,
    place_schedules,
    service_state,
    tel_href,
)
from perhekeskus.finder.views.hours import Hours, OpeningState, hours

# The order in which a card lists the ways to reach a service: talk first, then write.
_KIND_ORDER = [
    ChannelKind.PHONE,
    ChannelKind.CHAT,
    ChannelKind.REMOTE,
    ChannelKind.ESERVICE,
    ChannelKind.EMAIL,
    ChannelKind.WEB,
    ChannelKind.FORM,
]
_KIND_ICON = {
    ChannelKind.PHONE: "phone",
    ChannelKind.CHAT: "chat",
    ChannelKind.REMOTE: "remote",
    ChannelKind.ESERVICE: "eservice",
    ChannelKind.EMAIL: "email",
    ChannelKind.WEB: "web",
    ChannelKind.FORM: "web",
}


def _link_text(kind: str) -> str:
    return {
        ChannelKind.CHAT: _("Open the chat"),
        ChannelKind.REMOTE: _("Book a remote appointment"),
        ChannelKind.ESERVICE: _("Go to the e-service"),
        ChannelKind.WEB: _("Read more on the web page"),
        ChannelKind.FORM: _("Open the form"),
    }.get(ChannelKind(kind), _("Open the link"))


def _web_href(value: str) -> str | None:
    # Only web addresses become links: a stored "javascript:" never reaches an href.
    parts = urlsplit(value.strip())
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


@dataclass(frozen=True)
class ChannelView:
    channel: ContactChannel
    icon: str
    label: str  # the kind: "Phone", "Chat"
    href: str | None
    text: str  # what the link says
    host: str  # where a web link goes
    languages: list[str]
    charge: str
    hours: Hours | None


def channel_view(channel: ContactChannel, now: dt.datetime) -> ChannelView:
    kind = ChannelKind(channel.kind)
    host = ""
    if kind == ChannelKind.PHONE:
        href: str | None = tel_href(channel.value)
        text = channel.value
    elif kind == ChannelKind.EMAIL:
        href = f"mailto:{channel.value.strip()}"
        text = channel.value
    else:
        href = _web_href(channel.value)
        text = _link_text(kind)
        host = urlsplit(channel.value).netloc
    charge = ""
    if kind == ChannelKind.PHONE and channel.phone_charge:
        charge = str(PhoneCharge(channel.phone_charge).label)
    return ChannelView(
        channel=channel,
        icon=_KIND_ICON[kind],
        label=str(kind.label),
        href=href,
        text=text,
        host=host,
        languages=[language_name(code) for code in channel.languages or []],
        charge=charge,
        hours=hours(channel.schedules.all(), now),
    )


def _channel_views(channels: list[ContactChannel], now: dt.datetime) -> list[ChannelView]:
    ordered = sorted(channels, key=lambda c: (_KIND_ORDER.index(ChannelKind(c.kind)), c.order))
    return [channel_view(c, now) for c in ordered]


@dataclass(frozen=True)
class PlaceView:
    sal: ServiceAtLocation
    location: Location
    hours: Hours | None
    channels: list[ChannelView]
    map_url: str | None


def _map_url(location: Location) -> str | None:
    if location.latitude is None or location.longitude is None:
        return None
    return f"{reverse('finder:map')}?place={location.pk}#place-{location.pk}"


def _fees_say_more(service: Service) -> bool:
    """Whether the fees text adds to "free of charge" or "there is a fee" (the demo and many
    imports say just "Free of charge." in it)."""
    text = localized(service, "fees_description").text.strip().rstrip(".").casefold()
    if not text:
        return False
    if not service.free_of_charge:
        return True
    return text not in {"maksuton", "avgiftsfri", "free of charge", _("Free of charge").casefold()}


@require_GET
def service_detail(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    try:
        service = selectors.service_get_public(service_id=service_id)
    except NotFound as exc:
        raise Http404 from exc
    now = timezone.now()
    places = [
        PlaceView(
            sal=sal,
            location=sal.location,
            hours=hours(place_schedules(sal), now),
            channels=_channel_views(list(sal.channels.all()), now),
            map_url=_map_url(sal.location),
        )
        for sal in sorted(service.at_locations.all(), key=lambda s: s.location.name or "")
    ]
    terms = list(service.terms.all())
    tasks = sorted(
        ((int(t.code), t) for t in terms if t.taxonomy.key == TASKS_KEY and t.code.isdigit()),
        key=lambda pair: pair[0],
    )
    context = {
        "service": service,
        "state": service_state(service, now),
        "service_hours": hours(service.schedules.all(), now),
        "channels": _channel_views(list(service.channels.all()), now),
        "places": places,
        "physical_places": [p for p in places if p.location.location_type == LocationType.PHYSICAL],
        "ages": ages_text(service.minimum_age, service.maximum_age),
        "languages": [language_name(code) for code in service.languages or []],
        "area": area_text(service),
        "tasks": tasks,
        "other_terms": [t for t in terms if t.taxonomy.key != TASKS_KEY],
        "producers": [p for p in service.producers.all() if p.pk != service.organization_id],
        "show_fees": _fees_say_more(service),
    }
    return render(request, "finder/service.html", context)


@dataclass(frozen=True)
class OrganizationPlace:
    location: Location
    state: OpeningState | None
    map_url: str | None


@require_GET
def organization_detail(request: HttpRequest, organization_id: uuid.UUID) -> HttpResponse:
    try:
        organization = selectors.organization_get_public(
            organization_id=organization_id, language=language()
        )
    except NotFound as exc:
        raise Http404 from exc
    services, locations = selectors.organization_public_parts(organization)
    now = timezone.now()
    places = []
    for location in locations:
        place_hours = hours(location.schedules.all(), now)
        places.append(
            OrganizationPlace(
                location=location,
                state=place_hours.state if place_hours else None,
                map_url=_map_url(location),
            )
        )
    parent = None
    if organization.parent_id:
        parent = selectors.organization_list_public().filter(pk=organization.parent_id).first()
    context = {
        "organization": organization,
        "services": services,
        "places": places,
        "parent": parent,
        "municipalities": sorted(m.name for m in organization.municipalities.all()),
        "phone_href": tel_href(organization.phone) if organization.phone else "",
    }
    return render(request, "finder/organization.html", context)
