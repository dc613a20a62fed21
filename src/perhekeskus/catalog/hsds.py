"""The catalogue as Open Referral HSDS 3.0 objects, in one language per call.

HSDS has one language per record, so we publish one dataset per language (fi, sv, en) with the
same ids; texts fall back fi → sv → en as everywhere else (modeltranslation). Empty values are
left out rather than written as "" or null, because HSDS types them as plain strings and numbers.

What HSDS has no field for travels in extension properties (HSDS allows additional properties),
all named `x_…`; `docs/catalog-mapping.md` lists them, and `importers/hsds.py` reads them back so
that our own export round-trips. The objects expect the relations the selectors prefetch
(`selectors.service_list_public(full=True)` and friends); without them they still work, with
more queries.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.importers.records import child_id
from perhekeskus.catalog.models import (
    AreaType,
    ChannelKind,
    ContactChannel,
    Location,
    LocationType,
    Municipality,
    Organization,
    Schedule,
    ScheduleKind,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from perhekeskus.catalog.opening import FINNISH_TIME

Json = dict[str, Any]

# Ways to reach a service are a classification of our own: every channel HSDS has no field for
# becomes an attribute linking a term of this taxonomy, so that a plain HSDS reader still sees
# "Chat: https://…". The ids are name-based, the same in every installation.
CHANNEL_TAXONOMY_KEY = "perhekeskus-channel"
CHANNEL_TAXONOMY_URI = "urn:perhekeskus:taxonomy:channel"
CHANNEL_TAXONOMY_ID = uuid.uuid5(uuid.NAMESPACE_URL, CHANNEL_TAXONOMY_URI)


def channel_term_id(kind: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{CHANNEL_TAXONOMY_URI}:{kind}")


CHANNEL_KIND_BY_TERM_ID: dict[uuid.UUID, str] = {channel_term_id(k): k for k in ChannelKind.values}

# Service areas are identified by these URIs (`service_area.uri`); the importer reads them back.
AREA_URI_MUNICIPALITY = "urn:perhekeskus:area:municipality:"
AREA_URI_COUNTY = "urn:perhekeskus:area:county"
AREA_URI_NATIONWIDE = "urn:perhekeskus:area:nationwide"

# org-id.guide's scheme for the Finnish business id (Y-tunnus), kept by the Patent and
# Registration Office.
BUSINESS_ID_SCHEME = "FI-PRO"

BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# Django knows most language names; these matter to the network (Somali, the Sámi languages)
# and it does not.
_LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "so": {"fi": "somali", "sv": "Somaliska", "en": "Somali"},
    "se": {"fi": "pohjoissaame", "sv": "Nordsamiska", "en": "Northern Sami"},
    "smn": {"fi": "inarinsaame", "sv": "Enaresamiska", "en": "Inari Sami"},
    "sms": {"fi": "koltansaame", "sv": "Skoltsamiska", "en": "Skolt Sami"},
}


# --- small pieces -------------------------------------------------------------------------------


def _put(data: Json, key: str, value: Any) -> None:
    """Set `key` unless the value is empty (0 and False are values)."""
    if value is None or value == "" or value == [] or value == {}:
        return
    data[key] = value


def _text(instance: Any, field: str) -> str:
    # The plain attribute is the active language with the fi → sv → en fallback.
    return str(getattr(instance, field) or "").strip()


def _time(value: dt.time | None) -> str | None:
    if value is None:
        return None
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _timestamp(value: dt.datetime) -> str:
    utc = value.astimezone(dt.UTC)
    return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _related(instance: Any, name: str) -> list[Any]:
    """A prefetched relation as a list (the prefetch cache when there is one)."""
    return list(getattr(instance, name).all())


def language_name(code: str) -> str:
    """The name of a language in the active language, or the code when we know no name."""
    lang = translation.get_language() or "fi"
    if code in _LANGUAGE_NAMES:
        names = _LANGUAGE_NAMES[code]
        return names.get(lang) or names["en"]
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _languages(owner_id: uuid.UUID, codes: Iterable[str]) -> list[Json]:
    return [
        {"id": str(child_id(owner_id, "language", code)), "name": language_name(code), "code": code}
        for code in codes
    ]


# --- taxonomies ---------------------------------------------------------------------------------


def _taxonomy(taxonomy: Taxonomy) -> Json:
    data: Json = {
        "id": str(taxonomy.pk),
        "name": _text(taxonomy, "name") or taxonomy.key,
        "description": _text(taxonomy, "description"),
    }
    _put(data, "uri", taxonomy.uri)
    _put(data, "version", taxonomy.version)
    return data


def _taxonomy_term(term: TaxonomyTerm, lang: str) -> Json:
    data: Json = {
        "id": str(term.pk),
        "code": term.code,
        "name": _text(term, "name") or term.code,
        "description": _text(term, "description"),
    }
    _put(data, "parent_id", str(term.parent_id) if term.parent_id else None)
    data["taxonomy"] = term.taxonomy.key
    data["taxonomy_id"] = str(term.taxonomy_id)
    data["taxonomy_detail"] = _taxonomy(term.taxonomy)
    data["language"] = lang
    _put(data, "term_uri", term.term_uri)
    return data


def _channel_taxonomy() -> Json:
    return {
        "id": str(CHANNEL_TAXONOMY_ID),
        "name": str(_("Contact channels")),
        "description": str(
            _("How a service can be reached: phone, e-mail, web, e-service, chat, video, form.")
        ),
        "uri": CHANNEL_TAXONOMY_URI,
    }


def _channel_term(kind: str, lang: str) -> Json:
    return {
        "id": str(channel_term_id(kind)),
        "code": kind,
        "name": str(ChannelKind(kind).label),
        "description": "",
        "taxonomy": CHANNEL_TAXONOMY_KEY,
        "taxonomy_id": str(CHANNEL_TAXONOMY_ID),
        "taxonomy_detail": _channel_taxonomy(),
        "language": lang,
        "term_uri": f"{CHANNEL_TAXONOMY_URI}:{kind}",
    }


def taxonomy(item: Taxonomy | None, *, lang: str) -> Json:
    """A taxonomy (`None` is the channel taxonomy, which lives in code, not in the database)."""
    with translation.override(lang):
        return _channel_taxonomy() if item is None else _taxonomy(item)


def taxonomy_term(item: TaxonomyTerm | str, *, lang: str) -> Json:
    """A taxonomy term; a channel kind (str) is a term of the channel taxonomy."""
    with translation.override(lang):
        if isinstance(item, str):
            return _channel_term(item, lang)
        return _taxonomy_term(item, lang)


# --- schedules ----------------------------------------------------------------------------------


def _schedule_key(schedule: Schedule) -> tuple[Any, ...]:
    return (
        schedule.kind != ScheduleKind.REGULAR,
        -1 if schedule.weekday is None else schedule.weekday,
        schedule.valid_from or dt.date.min,
        schedule.opens_at or dt.time.min,
        str(schedule.pk),
    )


def _schedule(schedule: Schedule) -> Json:
    """One row as an iCal-style weekly rule. Times are Finnish local time (Europe/Helsinki):
    HSDS's `timezone` is a fixed UTC offset, which daylight saving time would make wrong half
    the year, so it is left out.

    An exception (a holiday, a closed day) is the rule for the days it covers: `dtstart`..`until`
    on those weekdays, with `x_kind: "exception"` saying that it replaces the weekly hours on
    those days; `x_closed: true` says that the place is closed (HSDS cannot say "closed")."""
    data: Json = {"id": str(schedule.pk), "freq": "WEEKLY"}
    if schedule.kind == ScheduleKind.EXCEPTION and schedule.valid_from is not None:
        first = schedule.valid_from
        last = schedule.valid_to or first
        span = min((last - first).days + 1, 7)
        weekdays = sorted({(first + dt.timedelta(days=n)).weekday() for n in range(max(span, 1))})
        data["byday"] = ",".join(BYDAY[d] for d in weekdays)
        data["dtstart"] = first.isoformat()
        data["until"] = last.isoformat()
        data["valid_from"] = first.isoformat()
        _put(data, "valid_to", schedule.valid_to.isoformat() if schedule.valid_to else None)
        data["x_kind"] = ScheduleKind.EXCEPTION.value
    else:
        _put(data, "byday", BYDAY[schedule.weekday] if schedule.weekday is not None else None)
        _put(data, "valid_from", schedule.valid_from.isoformat() if schedule.valid_from else None)
        _put(data, "valid_to", schedule.valid_to.isoformat() if schedule.valid_to else None)
    if schedule.closed:
        data["x_closed"] = True
    else:
        _put(data, "opens_at", _time(schedule.opens_at))
        _put(data, "closes_at", _time(schedule.closes_at))
    _put(data, "description", _text(schedule, "description"))
    return data


def _schedules(rows: Iterable[Schedule]) -> list[Json]:
    return [_schedule(s) for s in sorted(rows, key=_schedule_key)]


# --- contact channels ---------------------------------------------------------------------------


def _channel_key(channel: ContactChannel) -> tuple[Any, ...]:
    return (channel.order, channel.kind, str(channel.pk))


def _channel_extensions(data: Json, channel: ContactChannel) -> None:
    _put(data, "x_name", _text(channel, "name"))
    _put(data, "x_charge", channel.phone_charge)
    _put(data, "x_charge_description", _text(channel, "charge_description"))
    data["x_order"] = channel.order
    _put(data, "x_schedules", _schedules(_related(channel, "schedules")))


def _phone(channel: ContactChannel) -> Json:
    data: Json = {"id": str(channel.pk), "number": channel.value, "type": "voice"}
    _put(data, "description", _text(channel, "description"))
    _put(data, "languages", _languages(channel.pk, channel.languages))
    _channel_extensions(data, channel)
    return data


def _channel_attribute(channel: ContactChannel, *, link_id: uuid.UUID, entity: str) -> Json:
    lang = translation.get_language() or "fi"
    data: Json = {
        "id": str(channel.pk),
        "link_id": str(link_id),
        "link_type": "channel",
        "link_entity": entity,
        "taxonomy_term_id": str(channel_term_id(channel.kind)),
        "taxonomy_term": _channel_term(channel.kind, lang),
        "value": channel.value,
    }
    _put(data, "x_description", _text(channel, "description"))
    _put(data, "x_languages", list(channel.languages))
    _channel_extensions(data, channel)
    return data


def _channels(
    channels: Iterable[ContactChannel], *, link_id: uuid.UUID, entity: str
) -> tuple[list[Json], list[Json]]:
    """(phones, attributes): phone numbers are HSDS phones; every other channel an attribute."""
    phones: list[Json] = []
    attributes: list[Json] = []
    for channel in sorted(channels, key=_channel_key):
        if channel.kind == ChannelKind.PHONE:
            phones.append(_phone(channel))
        else:
            attributes.append(_channel_attribute(channel, link_id=link_id, entity=entity))
    return phones, attributes


# --- organisations ------------------------------------------------------------------------------


def _municipality(municipality: Municipality) -> Json:
    return {"code": municipality.code, "name": _text(municipality, "name")}


def _organization_core(org: Organization) -> Json:
    data: Json = {
        "id": str(org.pk),
        "name": _text(org, "name"),
        "description": _text(org, "description"),
    }
    _put(data, "email", org.email)
    _put(data, "website", org.website)
    _put(data, "legal_status", str(org.get_type_display()))
    _put(data, "parent_organization_id", str(org.parent_id) if org.parent_id else None)
    data["x_type"] = org.type
    return data


def _organization_embedded(org: Organization) -> Json:
    """The organisation with its own small arrays, as nested in a full service."""
    data = _organization_core(org)
    if org.phone:
        data["phones"] = [
            {"id": str(child_id(org.pk, "phone")), "number": org.phone, "type": "voice"}
        ]
    if org.business_id:
        data["organization_identifiers"] = [
            {
                "id": str(child_id(org.pk, "identifier", BUSINESS_ID_SCHEME)),
                "identifier_scheme": BUSINESS_ID_SCHEME,
                "identifier_type": "Y-tunnus",
                "identifier": org.business_id,
            }
        ]
    municipalities = sorted(_related(org, "municipalities"), key=lambda m: m.code)
    _put(data, "x_municipalities", [_municipality(m) for m in municipalities])
    return data


def organization_list_item(org: Organization, *, lang: str) -> Json:
    with translation.override(lang):
        return _organization_core(org)


def organization_full(
    org: Organization, *, lang: str, services: Iterable[Service], locations: Iterable[Location]
) -> Json:
    """GET /organizations/{id}: the organisation with its public services (list items) and the
    locations where they are given (full)."""
    with translation.override(lang):
        data = _organization_embedded(org)
        _put(data, "locations", [_location(loc) for loc in _by_name_and_id(locations)])
        _put(data, "services", [_service_core(s, nested_org=True) for s in services])
        return data


# --- locations ----------------------------------------------------------------------------------


def _by_name_and_id(items: Iterable[Any]) -> list[Any]:
    return sorted(items, key=lambda item: (_text(item, "name").casefold(), str(item.pk)))


def _location_core(location: Location) -> Json:
    data: Json = {"id": str(location.pk), "location_type": location.location_type}
    _put(data, "url", location.url)
    data["organization_id"] = str(location.organization_id)
    _put(data, "name", _text(location, "name"))
    _put(data, "alternate_name", _text(location, "alternate_name"))
    _put(data, "description", _text(location, "description"))
    _put(data, "transportation", _text(location, "transportation"))
    if location.latitude is not None and location.longitude is not None:
        data["latitude"] = float(location.latitude)
        data["longitude"] = float(location.longitude)
    return data


def _location(location: Location) -> Json:
    data = _location_core(location)
    municipality = location.municipality
    street = _text(location, "street_address")
    post_office = _text(location, "post_office")
    has_address = street or location.postal_code or post_office
    if has_address and location.location_type != LocationType.VIRTUAL:
        municipality_name = _text(municipality, "name") if municipality else ""
        address: Json = {
            "id": str(child_id(location.pk, "address")),
            "address_1": street,
            "city": post_office or municipality_name,
            "state_province": "",  # Finland has none; the field is required
            "postal_code": location.postal_code,
            "country": "FI",
            "address_type": location.location_type,
        }
        _put(address, "region", municipality_name)
        data["addresses"] = [address]
    accessibility = _text(location, "accessibility")
    if accessibility:
        data["accessibility"] = [
            {"id": str(child_id(location.pk, "accessibility")), "description": accessibility}
        ]
    _put(data, "schedules", _schedules(_related(location, "schedules")))
    if municipality is not None:
        data["x_municipality"] = _municipality(municipality)
    if location.is_meeting_place:
        data["x_is_meeting_place"] = True
    return data


def location(item: Location, *, lang: str) -> Json:
    with translation.override(lang):
        return _location(item)


# --- service at location ------------------------------------------------------------------------


def _sal_core(sal: ServiceAtLocation) -> Json:
    data: Json = {
        "id": str(sal.pk),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
    }
    _put(data, "description", _text(sal, "description"))
    return data


def _sal_nested(sal: ServiceAtLocation) -> Json:
    data = _sal_core(sal)
    phones, attributes = _channels(
        _related(sal, "channels"), link_id=sal.pk, entity="service_at_location"
    )
    _put(data, "phones", phones)
    _put(data, "schedules", _schedules(_related(sal, "schedules")))
    data["location"] = _location(sal.location)
    _put(data, "attributes", attributes)
    return data


def service_at_location_full(sal: ServiceAtLocation, *, lang: str) -> Json:
    """GET /service_at_locations/{id}."""
    with translation.override(lang):
        data = _sal_nested(sal)
        data["service"] = _service_core(sal.service, nested_org=True)
        return data


def service_at_location_list_item(sal: ServiceAtLocation, *, lang: str) -> Json:
    with translation.override(lang):
        data = _sal_core(sal)
        data["location"] = _location_core(sal.location)
        data["service"] = _service_core(sal.service, nested_org=True)
        return data


# --- services -----------------------------------------------------------------------------------


def _service_core(service: Service, *, nested_org: bool) -> Json:
    data: Json = {
        "id": str(service.pk),
        "organization_id": str(service.organization_id),
        "name": _text(service, "name"),
    }
    _put(data, "alternate_name", _text(service, "alternate_name"))
    _put(data, "description", _text(service, "description"))
    _put(data, "url", service.url)
    _put(data, "email", service.email)
    data["status"] = service.status
    _put(data, "application_process", _text(service, "application_process"))
    _put(data, "fees_description", _text(service, "fees_description"))
    _put(data, "eligibility_description", _text(service, "eligibility_description"))
    _put(data, "minimum_age", service.minimum_age)
    _put(data, "maximum_age", service.maximum_age)
    if service.last_verified_at is not None:
        # The date of the check as it was in Finland, where it was made.
        data["assured_date"] = service.last_verified_at.astimezone(FINNISH_TIME).date().isoformat()
    data["last_modified"] = _timestamp(service.updated_at)
    _put(data, "x_summary", _text(service, "summary"))
    if nested_org:
        data["organization"] = _organization_core(service.organization)
    return data


def _service_areas(service: Service) -> list[Json]:
    areas: list[Json] = []
    if service.area_type in (AreaType.COUNTY, AreaType.NATIONWIDE):
        uri = AREA_URI_COUNTY if service.area_type == AreaType.COUNTY else AREA_URI_NATIONWIDE
        areas.append(
            {
                "id": str(child_id(service.pk, "area", service.area_type)),
                "name": str(service.get_area_type_display()),
                "uri": uri,
            }
        )
    for municipality in sorted(_related(service, "area_municipalities"), key=lambda m: m.code):
        areas.append(
            {
                "id": str(child_id(service.pk, "area", municipality.code)),
                "name": _text(municipality, "name"),
                "uri": f"{AREA_URI_MUNICIPALITY}{municipality.code}",
            }
        )
    return areas


def _term_attribute(term: TaxonomyTerm, *, link_id: uuid.UUID, lang: str) -> Json:
    return {
        "id": str(child_id(link_id, "attribute", term.pk)),
        "link_id": str(link_id),
        "link_type": "classification",
        "link_entity": "service",
        "taxonomy_term_id": str(term.pk),
        "taxonomy_term": _taxonomy_term(term, lang),
    }


def service_list_item(service: Service, *, lang: str) -> Json:
    """An item of GET /services: one-to-one fields only."""
    with translation.override(lang):
        return _service_core(service, nested_org=True)


def service_full(service: Service, *, lang: str) -> Json:
    """GET /services/{id}: the service with everything it links to."""
    with translation.override(lang):
        data = _service_core(service, nested_org=False)
        _put(data, "x_keywords", _text(service, "keywords"))
        data["x_free_of_charge"] = service.free_of_charge
        data["organization"] = _organization_embedded(service.organization)
        phones, channel_attributes = _channels(
            _related(service, "channels"), link_id=service.pk, entity="service"
        )
        _put(data, "phones", phones)
        _put(data, "schedules", _schedules(_related(service, "schedules")))
        _put(data, "service_areas", _service_areas(service))
        sals = sorted(
            _related(service, "at_locations"),
            key=lambda sal: (_text(sal.location, "name").casefold(), str(sal.pk)),
        )
        _put(data, "service_at_locations", [_sal_nested(sal) for sal in sals])
        _put(data, "languages", _languages(service.pk, service.languages))
        if service.free_of_charge:
            data["cost_options"] = [
                {
                    "id": str(child_id(service.pk, "cost_option")),
                    "option": str(_("Free of charge")),
                    "currency": "EUR",
                    "amount": 0,
                }
            ]
        terms = sorted(_related(service, "terms"), key=lambda t: (t.taxonomy.key, t.code))
        attributes = [_term_attribute(t, link_id=service.pk, lang=lang) for t in terms]
        _put(data, "attributes", attributes + channel_attributes)
        producers = _by_name_and_id(_related(service, "producers"))
        _put(data, "x_producers", [_organization_embedded(org) for org in producers])
        return data
