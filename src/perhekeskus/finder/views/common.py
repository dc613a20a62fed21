"""What several finder pages show of a service: its result card (channels, area, open now), and
the municipalities a family can choose from."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from perhekeskus.catalog import selectors
from perhekeskus.catalog.models import (
    AreaType,
    ChannelKind,
    ContactChannel,
    LocationType,
    Schedule,
    Service,
    ServiceAtLocation,
)
from perhekeskus.catalog.opening import hours_at_place
from perhekeskus.finder.forms import CHANNEL_LABELS
from perhekeskus.finder.views.hours import OpeningState, combined_state, opening_state

# ChannelKind → the channel a family filters by (forms.CHANNEL_LABELS); e-mail, web pages and
# printable forms are shown on the service card but are not search channels.
SEARCH_CHANNEL_OF_KIND = {
    ChannelKind.PHONE: "phone",
    ChannelKind.CHAT: "chat",
    ChannelKind.ESERVICE: "eservice",
    ChannelKind.REMOTE: "remote",
}


def language() -> str:
    return (get_language() or "fi").split("-")[0]


def municipality_choices() -> list[tuple[str, str]]:
    """The municipalities that have a public service, by name in the page's language."""
    return [(m.code, m.name) for m in selectors.municipality_list_public(language=language())]


def language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def ages_text(minimum: int | None, maximum: int | None) -> str:
    if minimum is None and maximum is None:
        return ""
    if minimum is not None and maximum is not None:
        if minimum == maximum:
            return _("%(age)s years") % {"age": minimum}
        return _("%(min)s–%(max)s years") % {"min": minimum, "max": maximum}
    if minimum is not None:
        return _("from %(age)s years") % {"age": minimum}
    return _("up to %(age)s years") % {"age": maximum}


def area_text(service: Service) -> str:
    if service.area_type == AreaType.NATIONWIDE:
        return _("the whole country")
    if service.area_type == AreaType.COUNTY:
        return _("the whole wellbeing services county")
    names = sorted(m.name for m in service.area_municipalities.all())
    return ", ".join(names)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def place_schedules(sal: ServiceAtLocation) -> list[Schedule]:
    """A service's hours at a place (catalog.opening.hours_at_place): its own weekly hours
    there, else the place's, and the exceptions of both."""
    return hours_at_place(sal.schedules.all(), sal.location.schedules.all())


def _all_channels(service: Service) -> list[ContactChannel]:
    channels = list(service.channels.all())
    for sal in service.at_locations.all():
        channels.extend(sal.channels.all())
    return channels


def service_state(service: Service, now: dt.datetime) -> OpeningState | None:
    """Open now, or when next: by its own hours, at any of its places, or on any of its contact
    channels (a helpline that answers now) — the rule the search's "open now" filter follows
    (`search.engine.services_open_at`), so that a card never contradicts the filter."""
    return combined_state(
        [
            opening_state(list(service.schedules.all()), now),
            *(opening_state(place_schedules(sal), now) for sal in service.at_locations.all()),
            *(opening_state(list(c.schedules.all()), now) for c in _all_channels(service)),
        ]
    )


def search_channels(service: Service) -> list[tuple[str, str]]:
    """The ways to reach a service, as (key, label) in the order of the channel filter."""
    keys = {
        SEARCH_CHANNEL_OF_KIND[ChannelKind(c.kind)]
        for c in _all_channels(service)
        if c.kind in SEARCH_CHANNEL_OF_KIND
    }
    if any(
        sal.location.location_type == LocationType.PHYSICAL for sal in service.at_locations.all()
    ):
        keys.add("visit")
    return [(key, str(label)) for key, label in CHANNEL_LABELS.items() if key in keys]


def tel_href(number: str) -> str:
    digits = "".join(ch for ch in number if ch.isdigit())
    return f"tel:{'+' if number.strip().startswith('+') else ''}{digits}"


@dataclass(frozen=True)
class PhoneLink:
    number: str
    href: str  # tap to call


def phone_links(service: Service, limit: int = 2) -> list[PhoneLink]:
    """The service's own phone numbers first, then its places', each once: a card shows the
    number, not just a phone icon."""
    links: list[PhoneLink] = []
    for channel in _all_channels(service):
        if channel.kind == ChannelKind.PHONE and channel.value.strip():
            number = channel.value.strip()
            if all(link.number != number for link in links):
                links.append(PhoneLink(number, tel_href(number)))
    return links[:limit]


@dataclass(frozen=True)
class ServiceCard:
    service: Service
    channels: list[tuple[str, str]]
    area: str
    places: list[str]  # municipalities of its places
    state: OpeningState | None
    distance_km: float | None = None
    phones: tuple[PhoneLink, ...] = ()


def service_cards(
    services: Sequence[Service], now: dt.datetime, distances: Iterable[float | None] = ()
) -> list[ServiceCard]:
    selectors.service_list_fetch_cards(services=services)
    distance_list = list(distances) or [None] * len(services)
    cards = []
    for service, distance in zip(services, distance_list, strict=True):
        towns = sorted(
            {
                sal.location.municipality.name
                for sal in service.at_locations.all()
                if sal.location.municipality is not None
            }
        )
        cards.append(
            ServiceCard(
                service=service,
                channels=search_channels(service),
                area=area_text(service),
                places=towns,
                state=service_state(service, now),
                distance_km=distance,
                phones=tuple(phone_links(service)),
            )
        )
    return cards
