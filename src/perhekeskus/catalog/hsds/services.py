"""Services, services at locations, and the organisation with its services and locations."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.hsds.channels import channels
from perhekeskus.catalog.hsds.common import (
    AREA_URI_COUNTY,
    AREA_URI_MUNICIPALITY,
    AREA_URI_NATIONWIDE,
    Json,
    by_name_and_id,
    languages,
    put,
    related,
    text,
    timestamp,
)
from perhekeskus.catalog.hsds.locations import location_core, location_object
from perhekeskus.catalog.hsds.organizations import organization_core, organization_embedded
from perhekeskus.catalog.hsds.schedules import schedules
from perhekeskus.catalog.hsds.taxonomies import taxonomy_term_object
from perhekeskus.catalog.importers.records import child_id
from perhekeskus.catalog.models import (
    AreaType,
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from perhekeskus.catalog.opening import FINNISH_TIME

# The texts a service keeps in languages without columns (Service.extra_texts).
_OTHER_TEXTS = ("name", "summary", "description")

# --- organisations ------------------------------------------------------------------------------


def organization_full(
    org: Organization, *, lang: str, services: Iterable[Service], locations: Iterable[Location]
) -> Json:
    """GET /organizations/{id}: the organisation with its public services (list items) and the
    locations where they are given (full)."""
    with translation.override(lang):
        data = organization_embedded(org)
        put(data, "locations", [location_object(loc) for loc in by_name_and_id(locations)])
        put(data, "services", [_service_core(s, nested_org=True) for s in services])
        return data


# --- service at location ------------------------------------------------------------------------


def _sal_core(sal: ServiceAtLocation) -> Json:
    data: Json = {
        "id": str(sal.pk),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
    }
    put(data, "description", text(sal, "description"))
    return data


def _sal_nested(sal: ServiceAtLocation) -> Json:
    data = _sal_core(sal)
    phones, attributes = channels(
        related(sal, "channels"), link_id=sal.pk, entity="service_at_location"
    )
    put(data, "phones", phones)
    put(data, "schedules", schedules(related(sal, "schedules")))
    data["location"] = location_object(sal.location)
    put(data, "attributes", attributes)
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
        data["location"] = location_core(sal.location)
        data["service"] = _service_core(sal.service, nested_org=True)
        return data


# --- services -----------------------------------------------------------------------------------


def _service_core(service: Service, *, nested_org: bool) -> Json:
    data: Json = {
        "id": str(service.pk),
        "organization_id": str(service.organization_id),
        "name": text(service, "name"),
    }
    put(data, "alternate_name", text(service, "alternate_name"))
    put(data, "description", text(service, "description"))
    put(data, "url", service.url)
    put(data, "email", service.email)
    data["status"] = service.status
    put(data, "application_process", text(service, "application_process"))
    put(data, "fees_description", text(service, "fees_description"))
    put(data, "eligibility_description", text(service, "eligibility_description"))
    put(data, "minimum_age", service.minimum_age)
    put(data, "maximum_age", service.maximum_age)
    if service.last_verified_at is not None:
        # The date of the check as it was in Finland, where it was made.
        data["assured_date"] = service.last_verified_at.astimezone(FINNISH_TIME).date().isoformat()
    data["last_modified"] = timestamp(service.updated_at)
    put(data, "x_summary", text(service, "summary"))
    if nested_org:
        data["organization"] = organization_core(service.organization)
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
    for municipality in sorted(related(service, "area_municipalities"), key=lambda m: m.code):
        areas.append(
            {
                "id": str(child_id(service.pk, "area", municipality.code)),
                "name": text(municipality, "name"),
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
        "taxonomy_term": taxonomy_term_object(term, lang),
    }


def service_list_item(service: Service, *, lang: str) -> Json:
    """An item of GET /services: one-to-one fields only."""
    with translation.override(lang):
        return _service_core(service, nested_org=True)


def service_minimal(service: Service) -> Json:
    """An item of GET /services?minimal=true: the id and when the service last changed."""
    return {"id": str(service.id), "last_modified": timestamp(service.updated_at)}


def service_full(service: Service, *, lang: str) -> Json:
    """GET /services/{id}: the service with everything it links to."""
    with translation.override(lang):
        data = _service_core(service, nested_org=False)
        put(data, "x_keywords", text(service, "keywords"))
        data["x_free_of_charge"] = service.free_of_charge
        data["organization"] = organization_embedded(service.organization)
        phones, channel_attributes = channels(
            related(service, "channels"), link_id=service.pk, entity="service"
        )
        put(data, "phones", phones)
        put(data, "schedules", schedules(related(service, "schedules")))
        put(data, "service_areas", _service_areas(service))
        sals = sorted(
            related(service, "at_locations"),
            key=lambda sal: (text(sal.location, "name").casefold(), str(sal.pk)),
        )
        put(data, "service_at_locations", [_sal_nested(sal) for sal in sals])
        put(data, "languages", languages(service.pk, service.languages))
        if service.free_of_charge:
            data["cost_options"] = [
                {
                    "id": str(child_id(service.pk, "cost_option")),
                    "option": str(_("Free of charge")),
                    "currency": "EUR",
                    "amount": 0,
                }
            ]
        terms = sorted(related(service, "terms"), key=lambda t: (t.taxonomy.key, t.code))
        attributes = [_term_attribute(t, link_id=service.pk, lang=lang) for t in terms]
        put(data, "attributes", attributes + channel_attributes)
        producers = by_name_and_id(related(service, "producers"))
        put(data, "x_producers", [organization_embedded(org) for org in producers])
        # Texts in the Sámi languages from PTV, one record per language (ADR 0032).
        put(
            data,
            "x_texts",
            [
                {"language": lang, **{k: v for k, v in texts.items() if k in _OTHER_TEXTS}}
                for lang, texts in sorted((service.extra_texts or {}).items())
            ],
        )
        return data
