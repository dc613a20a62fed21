"""Texts in the Sámi languages (se, smn, sms) that PTV carries are kept on the service and
exported, tagged by language; a place's structured accessibility is exported as HSDS
accessibility records, valid against the schema (extensions aside)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from perhekeskus.catalog.hsds.locations import location as hsds_location
from perhekeskus.catalog.hsds.services import service_full
from perhekeskus.catalog.models import Location, Service
from perhekeskus.catalog.tests.test_hsds_export import assert_valid, requires_schemas
from perhekeskus.catalog.tests.test_import_ptv import SERVICE, export, run, service, texts
from perhekeskus.testing.factories import LocationFactory

pytestmark = pytest.mark.django_db


def _with_sami(**changes: Any) -> dict[str, Any]:
    base = service()
    return {
        "serviceNames": [
            *base["serviceNames"],
            {"language": "se", "value": "Mánáidráđđehus", "type": "Name"},
            {"language": "smn", "value": "Párnáiráđádâslâh", "type": "Name"},
        ],
        "serviceDescriptions": [
            *texts("Neuvola lapsille.", "Rådgivning för barn.", "For children.", type="Summary"),
            {"language": "se", "value": "Ráđđehus mánáide.", "type": "Summary"},
            {"language": "sms", "value": "Mäinnõs.", "type": "Description"},
        ],
        **changes,
    }


def test_the_ptv_import_keeps_the_sami_texts(tmp_path: Path) -> None:
    run(export(tmp_path, **_with_sami()))
    imported = Service.objects.get(pk=SERVICE)
    assert imported.extra_texts == {
        "se": {"name": "Mánáidráđđehus", "summary": "Ráđđehus mánáide."},
        "smn": {"name": "Párnáiráđádâslâh"},
        "sms": {"description": "Mäinnõs."},
    }
    assert imported.name_fi == "Lastenneuvola"  # the catalogue's own languages as before


def test_the_hsds_export_carries_them_tagged_by_language(tmp_path: Path) -> None:
    run(export(tmp_path, **_with_sami()))
    data = service_full(Service.objects.get(pk=SERVICE), lang="fi")
    assert data["x_texts"][0] == {
        "language": "se",
        "name": "Mánáidráđđehus",
        "summary": "Ráđđehus mánáide.",
    }
    assert [t["language"] for t in data["x_texts"]] == ["se", "smn", "sms"]


def test_a_service_without_them_exports_no_empty_field(tmp_path: Path) -> None:
    run(export(tmp_path))
    assert "x_texts" not in service_full(Service.objects.get(pk=SERVICE), lang="fi")


def _place() -> Location:
    return LocationFactory.create(
        step_free_entrance=True, accessible_toilet=False, lift=None, accessibility="Ramppi."
    )


def test_a_places_accessibility_features_are_hsds_accessibility_records() -> None:
    records = hsds_location(_place(), lang="en")["accessibility"]
    assert [r["description"] for r in records] == [
        "Ramppi.",
        "Step-free entrance",
        "No accessible toilet",
    ]
    assert [r.get("x_feature") for r in records] == [None, "step_free", "toilet"]
    assert records[2]["x_available"] is False
    assert len({r["id"] for r in records}) == 3


@requires_schemas
def test_the_location_with_them_is_valid_hsds() -> None:
    assert_valid([hsds_location(_place(), lang="fi")], "location.json")


def test_an_editor_tells_a_places_accessibility_in_the_place_form(editor: Any) -> None:
    from perhekeskus.audit.models import AuditEntry
    from perhekeskus.testing.admin import admin_form_data
    from perhekeskus.testing.clients import logged_in_client

    place = LocationFactory.create(organization=editor.organization, name="Perhetalo")
    client = logged_in_client(editor)
    url = f"/fi/pro/catalog/catalog/location/{place.pk}/change/"
    data = admin_form_data(
        client.get(url), step_free_entrance="true", induction_loop="false", lift="unknown"
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    place.refresh_from_db()
    assert (place.step_free_entrance, place.induction_loop, place.lift) == (True, False, None)
    entry = AuditEntry.objects.filter(action="catalog.location.update").latest("id")
    assert entry.details["changes"]["step_free_entrance"] == [None, True]


def test_the_hsds_round_trip_keeps_the_features_and_the_sami_texts(tmp_path: Path) -> None:
    from perhekeskus.catalog.importers.hsds import import_hsds
    from perhekeskus.catalog.management.commands.export_hsds import export_hsds
    from perhekeskus.catalog.tests.test_hsds_roundtrip import (
        CLINIC_SERVICE,
        empty_catalogue,
        rich_catalogue,
    )

    rich_catalogue()
    service = Service.objects.get(pk=CLINIC_SERVICE)
    Service.objects.filter(pk=service.pk).update(extra_texts={"se": {"name": "Mánáidráđđehus"}})
    place = service.at_locations.first().location
    Location.objects.filter(pk=place.pk).update(step_free_entrance=True, lift=False)
    export_hsds(outdir=tmp_path)
    empty_catalogue()
    import_hsds(path=tmp_path)
    assert Service.objects.get(pk=CLINIC_SERVICE).extra_texts == {"se": {"name": "Mánáidráđđehus"}}
    imported = Location.objects.get(pk=place.pk)
    assert (imported.step_free_entrance, imported.lift, imported.accessible_toilet) == (
        True,
        False,
        None,
    )
    assert "Step-free entrance" not in (imported.accessibility_en or "")


def test_the_api_declares_what_it_answers_with_the_features_and_the_texts() -> None:
    from django.test import Client
    from drf_spectacular.generators import SchemaGenerator

    from perhekeskus.catalog.tests.test_hsds_roundtrip import CLINIC_SERVICE, rich_catalogue
    from perhekeskus.testing.openapi import undeclared

    rich_catalogue()
    service = Service.objects.get(pk=CLINIC_SERVICE)
    Service.objects.filter(pk=service.pk).update(extra_texts={"se": {"name": "Mánáidráđđehus"}})
    place = service.at_locations.first().location
    Location.objects.filter(pk=place.pk).update(step_free_entrance=True, lift=False)
    document = SchemaGenerator().get_schema(request=None, public=True)
    components = document["components"]["schemas"]
    data = Client().get(f"/api/v1/services/{service.pk}").json()
    assert data["x_texts"] == [{"language": "se", "name": "Mánáidráđđehus"}]
    assert undeclared(data, components["HsdsService"], document, "service") == []
    located = Client().get(f"/api/v1/organizations/{place.organization_id}").json()
    assert undeclared(located, components["HsdsOrganization"], document, "org") == []
    assert any(
        record.get("x_feature") == "step_free"
        for location in located["locations"]
        for record in location.get("accessibility", [])
    )
