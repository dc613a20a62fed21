"""Every object `export-hsds` writes is valid HSDS 3.0 by the official JSON schemas.

The schemas are the Open Referral specification's own files, kept outside the repository in the
shared data folder (`PERHEKESKUS_SHARED_DIR`, or `../shared` next to the repository); without
them these tests are skipped. Each object is checked twice: as it is (our `x_…` extension
properties are allowed: HSDS schemas allow additional properties), and without the extensions
against the schemas closed with `additionalProperties: false`, as upstream checks its examples,
so that a misspelt HSDS field cannot hide among them.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.utils import translation

from perhekeskus.catalog import hsds, selectors
from perhekeskus.catalog.importers.hsds import parse_hsds
from perhekeskus.catalog.management.commands.export_hsds import export_hsds
from perhekeskus.catalog.tests.hsds_schema import schema_validators, without_extensions
from perhekeskus.catalog.tests.test_hsds_roundtrip import rich_catalogue

pytestmark = pytest.mark.django_db

REPOSITORY = Path(__file__).resolve().parents[4]


def _shared_dir() -> Path:
    configured = os.environ.get("PERHEKESKUS_SHARED_DIR")
    return Path(configured) if configured else REPOSITORY.parent / "shared"


SCHEMA_DIR = _shared_dir() / "data" / "hsds-3.0" / "schema"
requires_schemas = pytest.mark.skipif(
    not (SCHEMA_DIR / "compiled" / "service_with_definitions.json").is_file(),
    reason=(
        f"The HSDS 3.0 schemas are not at {SCHEMA_DIR}: set PERHEKESKUS_SHARED_DIR to the "
        "shared folder that holds data/hsds-3.0/"
    ),
)


def assert_valid(objects: list[dict[str, Any]], schema: str) -> None:
    assert objects, f"nothing to check against {schema}"
    open_validator, closed_validator = schema_validators(SCHEMA_DIR, schema)
    for index, item in enumerate(objects):
        errors = [
            f"[{index}]{error.json_path.removeprefix('$')}: {error.message}"
            for validator, data in (
                (open_validator, item),
                (closed_validator, without_extensions(item)),
            )
            for error in validator.iter_errors(data)
        ]
        assert not errors, f"{schema}: " + "\n".join(errors[:10])


@pytest.fixture(scope="module")
def exported(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The export of the rich catalogue, written once for the module: the tests only read its
    files. The catalogue is built in a transaction that is rolled back, so no test sees it."""
    folder = tmp_path_factory.mktemp("hsds-export")
    with django_db_blocker.unblock(), transaction.atomic():
        rich_catalogue()
        export_hsds(outdir=folder)
        transaction.set_rollback(True)
    return folder


def _read(folder: Path, lang: str, name: str) -> list[dict[str, Any]]:
    objects = json.loads((folder / lang / f"{name}.json").read_text(encoding="utf-8"))
    assert isinstance(objects, list)
    return objects


FILES = [
    ("services", "compiled/service_with_definitions.json"),
    ("services", "compiled/service.json"),
    ("organizations", "compiled/organization.json"),
    ("service_at_locations", "compiled/service_at_location.json"),
    ("taxonomies", "taxonomy.json"),
    ("taxonomy_terms", "taxonomy_term.json"),
]


@requires_schemas
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize(("name", "schema"), FILES)
def test_every_exported_object_is_valid_hsds(
    exported: Path, lang: str, name: str, schema: str
) -> None:
    assert_valid(_read(exported, lang, name), schema)


@requires_schemas
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_list_items_are_valid_hsds(lang: str) -> None:
    rich_catalogue()
    assert_valid(
        [hsds.service_list_item(s, lang=lang) for s in selectors.service_list_public()],
        "compiled/service_list.json",
    )
    assert_valid(
        [hsds.organization_list_item(o, lang=lang) for o in selectors.organization_list_public()],
        "compiled/organization_list.json",
    )
    assert_valid(
        [
            hsds.service_at_location_list_item(s, lang=lang)
            for s in selectors.service_at_location_list_public()
        ],
        "compiled/service_at_location_list.json",
    )


@requires_schemas
def test_the_schemas_do_catch_mistakes(exported: Path) -> None:
    service = _read(exported, "fi", "services")[0]
    with pytest.raises(AssertionError, match="status"):
        assert_valid([{**service, "status": "open"}], "compiled/service_with_definitions.json")
    with pytest.raises(AssertionError, match="Additional properties"):
        assert_valid([{**service, "nmae": "typo"}], "compiled/service_with_definitions.json")
    nested = copy.deepcopy(service)
    nested["service_at_locations"][0]["location"]["lattitude"] = 60.0
    with pytest.raises(AssertionError, match="lattitude"):
        assert_valid([nested], "compiled/service.json")


def test_only_public_data_is_exported(exported: Path) -> None:
    names = {s["name"] for s in _read(exported, "fi", "services")}
    assert names == {"Lastenneuvola", "Perheneuvola", "Eroauttamisen chat"}
    organizations = {o["name"] for o in _read(exported, "fi", "organizations")}
    assert "Luonnos Oy" not in organizations
    # The parent of a provider, and the owner of a place where a service is given, are public.
    assert {"Itä-Uudenmaan hyvinvointialue", "Askolan kunta"} <= organizations
    sal_services = {s["service"]["name"] for s in _read(exported, "fi", "service_at_locations")}
    assert "Luonnospalvelu" not in sal_services


def test_every_language_has_the_same_ids_and_its_own_texts(exported: Path) -> None:
    by_lang = {lang: _read(exported, lang, "services") for lang in ("fi", "sv", "en")}
    ids = {lang: sorted(s["id"] for s in services) for lang, services in by_lang.items()}
    assert ids["fi"] == ids["sv"] == ids["en"]
    names = {lang: {s["id"]: s["name"] for s in services} for lang, services in by_lang.items()}
    clinic = next(i for i, name in names["fi"].items() if name == "Lastenneuvola")
    assert (names["sv"][clinic], names["en"][clinic]) == ("Barnrådgivning", "Child health clinic")
    county = next(i for i, name in names["fi"].items() if name == "Perheneuvola")
    # No English name: the fallback is the Finnish one, so the record is never nameless.
    assert names["en"][county] == "Perheneuvola"


def test_channels_schedules_and_areas_are_mapped(exported: Path) -> None:
    services = {s["name"]: s for s in _read(exported, "en", "services")}
    clinic = services["Child health clinic"]
    assert [p["number"] for p in clinic["phones"]] == ["+358 40 123 4567"]
    assert [lang["code"] for lang in clinic["phones"][0]["languages"]] == ["fi", "sv"]
    assert clinic["phones"][0]["x_schedules"][0]["byday"] == "MO"
    channels = {
        a["taxonomy_term"]["code"]: a["value"]
        for a in clinic["attributes"]
        if a["taxonomy_term"]["taxonomy"] == hsds.CHANNEL_TAXONOMY_KEY
    }
    assert set(channels) == {"email", "web", "eservice", "chat", "remote", "form"}
    tasks = {
        a["taxonomy_term"]["code"]
        for a in clinic["attributes"]
        if a["taxonomy_term"]["taxonomy"] == "perhekeskus-tasks"
    }
    assert tasks == {"2", "7"}
    assert [a["uri"] for a in clinic["service_areas"]] == [
        f"{hsds.AREA_URI_MUNICIPALITY}018",
        f"{hsds.AREA_URI_MUNICIPALITY}638",
    ]
    assert services["Perheneuvola"]["service_areas"][0]["uri"] == hsds.AREA_URI_COUNTY
    assert services["Separation support chat"]["service_areas"][0]["uri"] == (
        hsds.AREA_URI_NATIONWIDE
    )
    assert services["Perheneuvola"]["cost_options"][0]["amount"] == 0
    assert "cost_options" not in clinic
    assert [lang["code"] for lang in clinic["languages"]] == ["fi", "so", "sv"]
    assert clinic["languages"][1]["name"] == "Somali"

    clinic_location = next(
        sal["location"]
        for sal in clinic["service_at_locations"]
        if sal["location"]["name"] == "Askola hälsostation"
        or sal["location"]["name"] == "Askolan terveysasema"
    )
    exceptions = [s for s in clinic_location["schedules"] if s.get("x_kind") == "exception"]
    christmas = next(s for s in exceptions if s.get("x_closed"))
    assert christmas | {"id": "…"} == {
        "id": "…",
        "freq": "WEEKLY",
        "byday": "WE,TH,FR",
        "dtstart": "2025-12-24",
        "until": "2025-12-26",
        "valid_from": "2025-12-24",
        "valid_to": "2025-12-26",
        "x_kind": "exception",
        "x_closed": True,
        "description": "Christmas",
    }
    new_year = next(s for s in exceptions if not s.get("x_closed"))
    assert (new_year["opens_at"], new_year["closes_at"], new_year["until"]) == (
        "08:00",
        "12:00",
        "2025-12-31",
    )


def test_taxonomy_files_hold_the_channel_taxonomy(exported: Path) -> None:
    taxonomies = _read(exported, "fi", "taxonomies")
    assert taxonomies[0]["id"] == str(hsds.CHANNEL_TAXONOMY_ID)
    terms = _read(exported, "fi", "taxonomy_terms")
    channel_terms = [t for t in terms if t["taxonomy_id"] == str(hsds.CHANNEL_TAXONOMY_ID)]
    assert {t["code"] for t in channel_terms} == {
        "phone",
        "email",
        "web",
        "eservice",
        "chat",
        "remote",
        "form",
    }
    # Every term an exported service links to is in the terms file.
    term_ids = {t["id"] for t in terms}
    for service in _read(exported, "fi", "services"):
        for attribute in service.get("attributes", []):
            assert attribute["taxonomy_term_id"] in term_ids


@requires_schemas
def test_the_official_example_service_can_be_read() -> None:
    """Someone else's HSDS: what fits is read, what does not is left out with a note."""
    example = SCHEMA_DIR.parent / "examples" / "service_full.json"
    with translation.override("en"):  # the notes in English
        batch, notes = parse_hsds(example, language="en")

    (service,) = batch.services
    assert str(service.id) == "ac148810-d857-441c-9679-408f346de14b"
    assert service.names == {"en": "Community Counselling"}
    assert (service.minimum_age, service.maximum_age) == (12, 100)
    assert service.free_of_charge is False  # a cost option of 35
    assert service.languages == ["ur"]
    assert [(s.weekday, s.opens_at) for s in service.schedules] == [
        (3, dt.time(10)),
        (4, dt.time(10)),
    ]
    assert [c.kind for c in service.channels] == ["phone"]
    assert [(t.taxonomy_key, t.code) for t in service.terms] == [("taxonomy", "code")]
    (organization,) = batch.organizations
    assert organization.type == "other"
    assert organization.parent_id is None  # its parent is not in the file
    assert [loc.id for loc in batch.locations] == [service.at_locations[0].location_id]
    assert any("service area without our URI" in note for note in notes)
    assert any("parent" in note for note in notes)
