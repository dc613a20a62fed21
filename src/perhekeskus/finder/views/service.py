"""A service's card and an organisation's page: everything the catalogue holds, for a person."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from perhekeskus.catalog import selectors
from perhekeskus.catalog.accessibility import AccessFact, accessibility_facts
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
from perhekeskus.core import happenings, service_actions
from perhekeskus.finder.views.common import (
    ages_text,
    area_text,
    language,
    language_name,
    place_schedules,
    service_state,
    tel_href,
)
from perhekeskus.finder.views.hours import Hours, OpeningState, combined_state, hours

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
    hours: Hours | None  # the service's hours here (catalog.opening.hours_at_place)
    channels: list[ChannelView]
    map_url: str | None
    # The building's own weekly hours, when they differ from the service's here (the map
    # lists the building's), so that the card and the map say the same two things.
    building_summary: list[str]
    directions: list[tuple[str, str]]  # (map service, URL)
    access: list[AccessFact]  # what is known of its accessibility


@dataclass(frozen=True)
class WayState:
    """Open now or when next, for one way of reaching the service ("Phone", "Visiting")."""

    label: str
    state: OpeningState


def reach_states(
    service: Service,
    channels: list[ChannelView],
    places: list[PlaceView],
    service_hours: Hours | None,
    now: dt.datetime,
) -> list[WayState]:
    """The headline's "open now / opens at", per way the service is reached: a phone line's
    own hours, the hours of the places, the service's own hours; not one state of whichever
    opens first, which told a family the clinic opens at 8.00 when its phone line opens at
    12.00. A service with one way and no other says it without a label."""
    ways: list[WayState] = []
    all_channels = channels + [view for place in places for view in place.channels]
    for kind in _KIND_ORDER:
        states = [v.hours.state for v in all_channels if v.channel.kind == kind and v.hours]
        state = combined_state(states)
        if state is not None:
            ways.append(WayState(str(ChannelKind(kind).label), state))
    visiting = combined_state(
        p.hours.state for p in places if p.hours and p.location.location_type == "physical"
    )
    if visiting is not None:
        ways.append(WayState(_("Visiting"), visiting))
    if service_hours is not None:
        ways.append(WayState(_("Service hours"), service_hours.state))
    return ways


def _map_url(location: Location) -> str | None:
    if location.latitude is None or location.longitude is None:
        return None
    # The focused place's box, with the map right below it: on a phone the map is in view.
    return f"{reverse('finder:map')}?place={location.pk}#place-focus"


def directions_links(location: Location) -> list[tuple[str, str]]:
    """Directions to a place in the common map services, by its coordinates only: the link
    carries no address and nothing about the person (no starting point)."""
    if location.latitude is None or location.longitude is None:
        return []
    point = f"{location.latitude},{location.longitude}"
    return [
        ("OpenStreetMap", f"https://www.openstreetmap.org/directions?to={point}"),
        ("Google Maps", f"https://www.google.com/maps/dir/?api=1&destination={point}"),
        ("Apple Maps", f"https://maps.apple.com/?daddr={point}"),
    ]


def _place_view(sal: ServiceAtLocation, now: dt.datetime) -> PlaceView:
    service_here = hours(place_schedules(sal), now)
    building = hours(sal.location.schedules.all(), now)
    building_summary = building.summary if building else []
    if service_here and building_summary == service_here.summary:
        building_summary = []
    return PlaceView(
        sal=sal,
        location=sal.location,
        hours=service_here,
        channels=_channel_views(list(sal.channels.all()), now),
        map_url=_map_url(sal.location),
        building_summary=building_summary,
        directions=directions_links(sal.location)
        if sal.location.location_type == LocationType.PHYSICAL
        else [],
        access=accessibility_facts(sal.location),
    )


def back_to_results(request: HttpRequest) -> str:
    """The results page the family came from (the Referer, sent same-origin only), so the card
    can link back to it; empty when they came from elsewhere."""
    referer = request.headers.get("Referer", "")
    parts = urlsplit(referer)
    if not referer or parts.netloc != request.get_host():
        return ""
    if parts.path != reverse("finder:search"):
        return ""
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


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
    service = selectors.service_get_public(service_id=service_id)  # NotFound: the 404 page
    return render(request, "finder/service.html", service_card_context(request, service))


def service_card_context(request: HttpRequest, service: Service) -> dict[str, Any]:
    """What the family's service card shows of `service`: the public page, and the editor's
    preview of a draft (`finder.views.preview`), render the same card from it."""
    now = timezone.now()
    places = [
        _place_view(sal, now)
        for sal in sorted(service.at_locations.all(), key=lambda s: s.location.name or "")
    ]
    channels = _channel_views(list(service.channels.all()), now)
    service_hours = hours(service.schedules.all(), now)
    terms = list(service.terms.all())
    tasks = sorted(
        ((int(t.code), t) for t in terms if t.taxonomy.key == TASKS_KEY and t.code.isdigit()),
        key=lambda pair: pair[0],
    )
    # The plain-language description (selkokieli), for those who choose it: a link, no script.
    has_plain = bool(localized(service, "description_plain").text)
    context = {
        "service": service,
        "has_plain": has_plain,
        "plain": has_plain and request.GET.get("plain") == "1",
        "state": service_state(service, now),
        "ways": reach_states(service, channels, places, service_hours, now),
        "service_hours": service_hours,
        "channels": channels,
        "places": places,
        "physical_places": [p for p in places if p.location.location_type == LocationType.PHYSICAL],
        "ages": ages_text(service.minimum_age, service.maximum_age),
        "languages": [language_name(code) for code in service.languages or []],
        "area": area_text(service),
        "tasks": tasks,
        "other_terms": [t for t in terms if t.taxonomy.key != TASKS_KEY],
        "producers": [p for p in service.producers.all() if p.pk != service.organization_id],
        "show_fees": _fees_say_more(service),
        "back_url": back_to_results(request),
        # What other apps offer for the service ("Book an appointment"), through core's registry.
        "actions": service_actions.actions_for(service.pk),
        # Its next events (the events app's, through core's registry), with a link to them all.
        "upcoming": happenings.upcoming_of_service(service.pk),
    }
    return context


@dataclass(frozen=True)
class OrganizationPlace:
    location: Location
    state: OpeningState | None
    map_url: str | None


@require_GET
def organization_detail(request: HttpRequest, organization_id: uuid.UUID) -> HttpResponse:
    organization = selectors.organization_get_public(
        organization_id=organization_id, language=language()
    )
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
    parent = selectors.organization_parent_public(organization)
    context = {
        "organization": organization,
        "services": services,
        "places": places,
        "parent": parent,
        "municipalities": sorted(m.name for m in organization.municipalities.all()),
        "phone_href": tel_href(organization.phone) if organization.phone else "",
        "upcoming": happenings.upcoming_of_organization(organization.pk),
    }
    return render(request, "finder/organization.html", context)
