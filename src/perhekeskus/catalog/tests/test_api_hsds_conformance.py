"""The HSDS API as other tools call it: paths with and without the trailing slash, `empty` on a
page past the end, HSDS's query parameters implemented or refused by name (never ignored), and
an independent conformance check of every collection and object the API serves against the
official HSDS 3.0 JSON schemas.

The schemas are Open Referral's own files (CC BY-SA 4.0), copied unchanged into
`data/hsds-schema/` (see `data/hsds/README.md`), so that the check needs nothing outside the
repository. Like upstream, each answer is checked twice: as it is, and without our `x_`
extensions against the schemas closed with `additionalProperties: false`.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from jsonschema import Draft202012Validator

from perhekeskus.catalog import hsds
from perhekeskus.catalog.models import Service, ServiceAtLocation, TaxonomyTerm
from perhekeskus.catalog.taxonomies import task_term_id
from perhekeskus.catalog.tests.hsds_schema import schema_validators, without_extensions
from perhekeskus.catalog.tests.test_hsds_roundtrip import CLINIC, CLINIC_SERVICE, UNIT
from perhekeskus.catalog.tests.test_hsds_roundtrip import rich_catalogue as _rich_catalogue

pytestmark = pytest.mark.django_db

API = "/api/v1"
SCHEMAS = Path(__file__).parent / "data" / "hsds-schema"
COLLECTIONS = ["services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"]


def _page_schema() -> dict[str, Any]:
    openapi = json.loads((SCHEMAS / "openapi.json").read_text(encoding="utf-8"))
    page = copy.deepcopy(openapi["components"]["schemas"]["Page"])
    page["properties"]["contents"] = {"type": "array"}
    page["required"] = [*page["properties"]]
    return page


def conforms(data: Any, schema: str, where: str) -> None:
    open_validator, closed_validator = schema_validators(SCHEMAS, schema)
    errors = [
        f"{where}{error.json_path.removeprefix('$')}: {error.message}"
        for validator, item in (
            (open_validator, data),
            (closed_validator, without_extensions(data)),
        )
        for error in validator.iter_errors(item)
    ]
    assert not errors, f"{schema}: " + "\n".join(errors[:10])


def conforming_page(data: Any, where: str) -> list[dict[str, Any]]:
    page_errors = [e.message for e in Draft202012Validator(_page_schema()).iter_errors(data)]
    assert not page_errors, f"{where}: {page_errors}"
    return list(data["contents"])


def get(client: Client, path: str, **params: Any) -> Any:
    return client.get(f"{API}/{path}", params)


@pytest.fixture
def catalogue() -> None:
    _rich_catalogue()


# --- the paths other tools use ------------------------------------------------------------------


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_collections_answer_with_and_without_the_trailing_slash(
    client: Client, catalogue: None, collection: str
) -> None:
    without = get(client, collection)
    with_slash = get(client, f"{collection}/")
    assert without.status_code == with_slash.status_code == 200
    assert without.json() == with_slash.json()
    first = without.json()["contents"][0]["id"]
    assert (
        get(client, f"{collection}/{first}/").json() == get(client, f"{collection}/{first}").json()
    )


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_page_past_the_end_says_empty(client: Client, catalogue: None, collection: str) -> None:
    body = get(client, collection, page=500).json()
    assert (body["contents"], body["size"], body["empty"], body["last_page"]) == ([], 0, True, True)
    assert body["total_items"] > 0
    assert get(client, collection).json()["empty"] is False


# --- HSDS's query parameters: implemented, or refused by name -----------------------------------


@pytest.mark.parametrize(
    ("collection", "parameter"),
    [
        ("services", "format=ndjson"),
        ("organizations", "full_service=true"),
        ("service_at_locations", "proximity=500"),
        ("taxonomies", "taxonomy_id=218be497-d3fc-4a6f-b965-a154b927e022"),
        ("services", "sort_by=name"),
        (f"services/{CLINIC_SERVICE}", "page=2"),
    ],
)
def test_a_parameter_the_api_does_not_take_is_a_400_naming_it(
    client: Client, catalogue: None, collection: str, parameter: str
) -> None:
    name = parameter.split("=")[0]
    response = client.get(f"{API}/{collection}?{parameter}")
    assert response.status_code == 400, response.content
    assert name in response.json()
    assert response.json()[name]


def test_the_finders_parameters_stay_accepted(client: Client, catalogue: None) -> None:
    for params in (
        {"search": "neuvola"},
        {"municipality": "018"},
        {"age": "3"},
        {"task": "1"},
        {"channel": "chat"},
        {"open_now": "true"},
        {"near": "60.53,25.6"},
        {"language": "fi"},
        {"lang": "sv"},
        {"page": "1", "per_page": "5"},
    ):
        assert get(client, "services", **params).status_code == 200, params


def test_services_minimal_and_full(client: Client, catalogue: None) -> None:
    minimal = get(client, "services", minimal="true").json()["contents"]
    assert minimal and all(set(item) == {"id", "last_modified"} for item in minimal)
    full = get(client, "services", full="true").json()["contents"]
    clinic = next(item for item in full if item["id"] == str(CLINIC_SERVICE))
    assert clinic == get(client, f"services/{CLINIC_SERVICE}").json()
    both = get(client, "services", minimal="true", full="true")
    assert both.status_code == 400 and "minimal" in both.json()
    with_search = get(client, "services", search="neuvola", full="true")
    assert with_search.status_code == 400 and "full" in with_search.json()


def test_search_on_the_other_collections(client: Client, catalogue: None) -> None:
    service = Service.objects.get(pk=CLINIC_SERVICE)
    word = service.name_fi.split()[0]
    sals = get(client, "service_at_locations", search=word).json()["contents"]
    assert sals and all(item["service_id"] == str(CLINIC_SERVICE) for item in sals)
    assert get(client, "service_at_locations", search="qwzxyv").json()["contents"] == []
    organizations = get(client, "organizations", search="qwzxyv").json()
    assert organizations["contents"] == [] and organizations["empty"] is True
    names = [
        t["name"] for t in get(client, "taxonomies", search="Yhteydenottotavat").json()["contents"]
    ]
    assert names == ["Yhteydenottotavat"]
    terms = get(client, "taxonomy_terms", search="Puhelin").json()["contents"]
    assert [t["code"] for t in terms] == ["phone"]


def test_taxonomy_terms_by_parent_and_top_only(client: Client, catalogue: None) -> None:
    parent = TaxonomyTerm.objects.get(pk=task_term_id(1))
    child = TaxonomyTerm.objects.get(pk=task_term_id(2))
    child.parent = parent
    child.save()
    under = get(client, "taxonomy_terms", parent_id=str(parent.pk)).json()["contents"]
    assert [t["id"] for t in under] == [str(child.pk)]
    top = {
        t["id"]
        for t in get(client, "taxonomy_terms", top_only="true", per_page=100).json()["contents"]
    }
    assert str(parent.pk) in top and str(child.pk) not in top
    assert str(hsds.channel_term_id("phone")) in top


def test_service_at_locations_by_postcode(client: Client, catalogue: None) -> None:
    sal = (
        ServiceAtLocation.objects.filter(location_id=CLINIC, service_id=CLINIC_SERVICE)
        .select_related("location")
        .first()
    )
    assert sal is not None and sal.location.postal_code
    found = get(client, "service_at_locations", postcode=sal.location.postal_code).json()
    assert str(sal.pk) in {item["id"] for item in found["contents"]}
    assert get(client, "service_at_locations", postcode="99999").json()["contents"] == []
    assert get(client, "service_at_locations", postcode="AB1 2CD").status_code == 400


# --- conformance against the official schemas ----------------------------------------------------


ITEM_SCHEMAS = {
    "services": "compiled/service_list.json",
    "organizations": "compiled/organization_list.json",
    "service_at_locations": "compiled/service_at_location_list.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
}
OBJECT_SCHEMAS = {
    "services": "compiled/service_with_definitions.json",
    "organizations": "organization.json",
    "service_at_locations": "service_at_location.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_collection_and_object_conforms_to_hsds_3(
    client: Client, catalogue: None, lang: str
) -> None:
    checked = 0
    for collection in COLLECTIONS:
        body = get(client, collection, per_page=100, lang=lang).json()
        items = conforming_page(body, collection)
        assert items, f"nothing to check in {collection}"
        for index, item in enumerate(items):
            conforms(item, ITEM_SCHEMAS[collection], f"{collection}[{index}]")
            answer = get(client, f"{collection}/{item['id']}", lang=lang)
            assert answer.status_code == 200, answer.content
            data = answer.json()
            if collection == "organizations":
                # The compiled organisation (3.4 MB) is the object plus its services as list
                # items: checked as such against the small files.
                for service in data.pop("services", []):
                    conforms(service, ITEM_SCHEMAS["services"], f"organizations/{item['id']}")
            if collection == "service_at_locations":
                # Likewise the compiled service at a location: the object and its service.
                where = f"service_at_locations/{item['id']}.service"
                conforms(data.pop("service"), OBJECT_SCHEMAS["services"], where)
            conforms(data, OBJECT_SCHEMAS[collection], f"{collection}/{item['id']}")
            checked += 1
    full = conforming_page(get(client, "services", full="true", lang=lang).json(), "full")
    for item in full:
        conforms(item, OBJECT_SCHEMAS["services"], f"services?full[{item['id']}]")
    assert checked >= 10
    assert get(client, f"organizations/{UNIT}").status_code == 200
