"""Organisations: the one-to-one fields, and the organisation with its phones and identifiers."""

from __future__ import annotations

from django.utils import translation

from perhekeskus.catalog.hsds.common import (
    BUSINESS_ID_SCHEME,
    Json,
    municipality_object,
    put,
    related,
    text,
)
from perhekeskus.catalog.importers.records import child_id
from perhekeskus.catalog.models import Organization


def organization_core(org: Organization) -> Json:
    data: Json = {
        "id": str(org.pk),
        "name": text(org, "name"),
        "description": text(org, "description"),
    }
    put(data, "email", org.email)
    put(data, "website", org.website)
    put(data, "legal_status", str(org.get_type_display()))
    put(data, "parent_organization_id", str(org.parent_id) if org.parent_id else None)
    data["x_type"] = org.type
    return data


def organization_embedded(org: Organization) -> Json:
    """The organisation with its own small arrays, as nested in a full service."""
    data = organization_core(org)
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
    municipalities = sorted(related(org, "municipalities"), key=lambda m: m.code)
    put(data, "x_municipalities", [municipality_object(m) for m in municipalities])
    return data


def organization_list_item(org: Organization, *, lang: str) -> Json:
    with translation.override(lang):
        return organization_core(org)
