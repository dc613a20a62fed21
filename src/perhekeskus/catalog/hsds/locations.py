"""Locations with their address, accessibility, opening hours and municipality."""

from __future__ import annotations

from django.utils import translation

from perhekeskus.catalog.accessibility import accessibility_facts
from perhekeskus.catalog.hsds.common import Json, municipality_object, put, related, text
from perhekeskus.catalog.hsds.schedules import schedules
from perhekeskus.catalog.importers.records import child_id
from perhekeskus.catalog.models import Location, LocationType


def location_core(location: Location) -> Json:
    data: Json = {"id": str(location.pk), "location_type": location.location_type}
    put(data, "url", location.url)
    data["organization_id"] = str(location.organization_id)
    put(data, "name", text(location, "name"))
    put(data, "alternate_name", text(location, "alternate_name"))
    put(data, "description", text(location, "description"))
    put(data, "transportation", text(location, "transportation"))
    if location.latitude is not None and location.longitude is not None:
        data["latitude"] = float(location.latitude)
        data["longitude"] = float(location.longitude)
    return data


def location_object(location: Location) -> Json:
    data = location_core(location)
    municipality = location.municipality
    street = text(location, "street_address")
    post_office = text(location, "post_office")
    has_address = street or location.postal_code or post_office
    if has_address and location.location_type != LocationType.VIRTUAL:
        municipality_name = text(municipality, "name") if municipality else ""
        address: Json = {
            "id": str(child_id(location.pk, "address")),
            "address_1": street,
            "city": post_office or municipality_name,
            "state_province": "",  # Finland has none; the field is required
            "postal_code": location.postal_code,
            "country": "FI",
            "address_type": location.location_type,
        }
        put(address, "region", municipality_name)
        data["addresses"] = [address]
    accessibility = text(location, "accessibility")
    records: list[Json] = []
    if accessibility:
        records.append(
            {"id": str(child_id(location.pk, "accessibility")), "description": accessibility}
        )
    for fact in accessibility_facts(location):  # the structured features, yes or no
        records.append(
            {
                "id": str(child_id(location.pk, f"accessibility/{fact.key}")),
                "description": fact.text,
                "x_feature": fact.key,
                "x_available": fact.available,
            }
        )
    put(data, "accessibility", records)
    put(data, "schedules", schedules(related(location, "schedules")))
    if municipality is not None:
        data["x_municipality"] = municipality_object(municipality)
    if location.is_meeting_place:
        data["x_is_meeting_place"] = True
    return data


def location(item: Location, *, lang: str) -> Json:
    with translation.override(lang):
        return location_object(item)
