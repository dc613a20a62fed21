"""Versions and reference rows an import writes do not depend on the active language; a new
service's first version stores its snapshot once; the search index hook gets only the services
whose documents may have changed."""

import copy
import uuid
from dataclasses import replace
from typing import Any

import pytest
from django.db import connection
from django.utils import translation

from perhekeskus.catalog import listeners
from perhekeskus.catalog.importers.records import ImportBatch, ServiceRecord
from perhekeskus.catalog.importers.writer import apply_batch
from perhekeskus.catalog.models import Municipality, Service, ServiceVersion
from perhekeskus.catalog.tests.test_writer import ORG, SVC, batch
from perhekeskus.catalog.versions import service_snapshot, service_version_record

pytestmark = pytest.mark.django_db

SVC2 = uuid.UUID("44444444-4444-4444-8444-444444444444")


def _version(service_id: uuid.UUID = SVC) -> ServiceVersion:
    version = ServiceVersion.objects.filter(service_id=service_id).order_by("-number").first()
    assert version is not None
    return version


def test_snapshot_is_the_same_in_every_active_language() -> None:
    apply_batch(batch(), via="test", source="hsds")
    service = Service.objects.get(pk=SVC)
    with translation.override("fi"):
        in_finnish = service_snapshot(service)
    with translation.override("sv"):
        in_swedish = service_snapshot(Service.objects.get(pk=SVC))
    assert in_swedish == in_finnish
    assert "name" not in in_finnish and in_finnish["name_sv"] == "Barnrådgivning"
    assert "name" not in in_finnish["channels"][0]
    assert "description" not in in_finnish["at_locations"][0]["schedules"][0]
    # The writer's snapshot, built in memory, is the one read back from the database.
    assert _version().snapshot == in_finnish


def test_an_import_in_swedish_stores_the_same_snapshot_and_an_edit_in_swedish_no_false_change() -> (
    None
):
    with translation.override("sv"):
        apply_batch(batch(), via="test", source="hsds")
        service = Service.objects.get(pk=SVC)
        assert service_version_record(service=service, actor=None, action="update") is None
    with translation.override("fi"):
        assert _version().snapshot == service_snapshot(Service.objects.get(pk=SVC))


def test_a_version_stored_with_translated_base_fields_shows_no_false_change() -> None:
    apply_batch(batch(), via="test", source="hsds")
    version = _version()
    legacy = copy.deepcopy(version.snapshot)
    legacy["name"] = "Lastenneuvola"
    legacy["channels"][0]["name"] = ""
    legacy["at_locations"][0]["description"] = ""
    version.snapshot = legacy
    version.save()
    service = Service.objects.get(pk=SVC)
    assert service_version_record(service=service, actor=None, action="update") is None
    assert apply_batch(batch(), via="test", source="hsds").services.unchanged == 1
    assert ServiceVersion.objects.filter(service_id=SVC).count() == 1


def test_municipality_names_go_to_their_own_languages_whatever_the_active_one() -> None:
    names = {"091": {"fi": "Helsinki", "sv": "Helsingfors"}}
    with translation.override("sv"):
        apply_batch(ImportBatch(municipalities=names), via="test", source="hsds")
    municipality = Municipality.objects.get(pk="091")
    assert (municipality.name_fi, municipality.name_sv, municipality.name_en) == (
        "Helsinki",
        "Helsingfors",
        "",
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT name FROM {Municipality._meta.db_table} WHERE code = %s",  # noqa: S608
            ["091"],
        )
        assert cursor.fetchone() == ("Helsinki",)


def test_a_new_service_first_version_stores_its_snapshot_once() -> None:
    apply_batch(batch(), via="test", source="hsds")
    version = _version()
    assert (version.number, version.action, version.changes) == (1, "create", {})
    assert version.snapshot["name_fi"] == "Lastenneuvola"
    # Later versions still say what changed.
    apply_batch(batch("Lasten neuvola"), via="test", source="hsds")
    assert _version().changes["name_fi"] == ["Lastenneuvola", "Lasten neuvola"]


def test_service_version_record_first_version_without_and_with_before() -> None:
    apply_batch(batch(), via="test", source="hsds")
    ServiceVersion.objects.all().delete()
    service = Service.objects.get(pk=SVC)
    before = service_snapshot(service)
    version = service_version_record(service=service, actor=None, action="create")
    assert version is not None and version.changes == {}
    ServiceVersion.objects.all().delete()
    service.name_fi = "Perheneuvola"
    service.save()
    version = service_version_record(service=service, actor=None, action="update", before=before)
    assert version is not None
    assert version.changes["name_fi"] == ["Lastenneuvola", "Perheneuvola"]


def _hooked(monkeypatch: pytest.MonkeyPatch) -> list[list[Any]]:
    calls: list[list[Any]] = []

    def hook(*, service_ids: Any, import_summary: Any) -> int:
        calls.append(sorted(service_ids))
        return 0

    # Only this listener hears the imports (not the finder's index), so the test sees the ids.
    monkeypatch.setattr(listeners, "_listeners", [hook])
    return calls


def _two_services(name_fi: str = "Lastenneuvola", organization: str = "Hyvinvointialue") -> Any:
    data = batch(name_fi)
    data.organizations[0].names = {"fi": organization}
    other = ServiceRecord(id=SVC2, organization_id=ORG, names={"fi": "Perhetyö"})
    return replace(data, services=[*data.services, other])


def test_the_search_index_gets_only_the_services_the_import_created_or_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _hooked(monkeypatch)
    apply_batch(_two_services(), via="test", source="hsds")
    apply_batch(_two_services("Lasten neuvola"), via="test", source="hsds")
    apply_batch(_two_services("Lasten neuvola"), via="test", source="hsds")
    assert calls == [sorted([SVC, SVC2]), [SVC], []]


def test_the_search_index_gets_the_services_of_a_changed_organisation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _hooked(monkeypatch)
    apply_batch(_two_services(), via="test", source="hsds")
    apply_batch(
        _two_services(organization="Itä-Uudenmaan hyvinvointialue"), via="test", source="hsds"
    )
    assert calls[-1] == sorted([SVC, SVC2])
