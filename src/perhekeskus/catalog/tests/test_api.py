"""The open HSDS read API: paging, filters, languages, public data only, and 400 for anything
malformed (never 500), in the language of the request."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from perhekeskus.catalog import hsds
from perhekeskus.catalog.api import page_of, register_shape
from perhekeskus.catalog.importers.records import (
    ChannelRecord,
    ImportBatch,
    OrganizationRecord,
    ScheduleRecord,
    ServiceAtLocationRecord,
    ServiceRecord,
    TermRecord,
)
from perhekeskus.catalog.importers.writer import apply_batch
from perhekeskus.catalog.models import Service, ServiceAtLocation, TaxonomyTerm
from perhekeskus.catalog.taxonomies import TASKS_KEY, task_term_id
from perhekeskus.catalog.tests.test_hsds_roundtrip import (
    CHAT_SERVICE,
    CLINIC,
    CLINIC_SERVICE,
    COUNTY,
    COUNTY_SERVICE,
    DRAFT_SERVICE,
    HIDDEN_ORG,
    INACTIVE_SERVICE,
    NGO,
    PTV_CLASS,
    UNIT,
    rich_catalogue,
)
from perhekeskus.testing.garbage import GARBAGE
from perhekeskus.testing.openapi import undeclared

pytestmark = pytest.mark.django_db

API = "/api/v1"
LIST_ENDPOINTS = [
    "services",
    "organizations",
    "service_at_locations",
    "taxonomies",
    "taxonomy_terms",
]


@pytest.fixture
def catalogue() -> None:
    rich_catalogue()


def get(client: Client, path: str, headers: dict[str, str] | None = None, **params: Any) -> Any:
    return client.get(f"{API}/{path}", params, headers=headers or {})


def ids(response: Any) -> set[uuid.UUID]:
    assert response.status_code == 200, response.content
    return {uuid.UUID(item["id"]) for item in response.json()["contents"]}


def many_services(count: int) -> list[uuid.UUID]:
    """`count` public services of one organisation, each with a location, channels and hours."""
    org = uuid.uuid4()
    services = [
        ServiceRecord(
            id=uuid.uuid4(),
            organization_id=org,
            names={"fi": f"Palvelu {n:03d}", "sv": f"Tjänst {n:03d}"},
            terms=[TermRecord(taxonomy_key=TASKS_KEY, code=str(n % 8 + 1), names={})],
            channels=[
                ChannelRecord(
                    kind="phone",
                    value=f"+358 40 {n:07d}",
                    schedules=[
                        ScheduleRecord(weekday=0, opens_at=dt.time(9), closes_at=dt.time(10))
                    ],
                ),
                ChannelRecord(kind="chat", value=f"https://chat.example.org/{n}"),
            ],
            schedules=[ScheduleRecord(weekday=1, opens_at=dt.time(8), closes_at=dt.time(16))],
            at_locations=[ServiceAtLocationRecord(location_id=CLINIC)],
        )
        for n in range(count)
    ]
    summary = apply_batch(
        ImportBatch(
            organizations=[OrganizationRecord(id=org, type="ngo", names={"fi": "Järjestö"})],
            services=services,
        ),
        via="test",
        source="manual",
    )
    assert not summary.skipped, summary.skipped
    return [s.id for s in services]


# --- the root, paging ---------------------------------------------------------------------------


def test_api_root_still_answers(client: Client) -> None:
    response = client.get(f"{API}/")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"version", "profile", "openapi_url"}
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/api/v1/openapi.json")


def test_service_list_has_hsds_paging(client: Client, catalogue: None) -> None:
    many_services(22)  # with the three public ones of the catalogue: 25

    first = get(client, "services", per_page=10).json()
    assert {k: v for k, v in first.items() if k != "contents"} == {
        "total_items": 25,
        "total_pages": 3,
        "page_number": 1,
        "size": 10,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    last = get(client, "services", per_page=10, page=3).json()
    assert (last["size"], last["first_page"], last["last_page"]) == (5, False, True)
    beyond = get(client, "services", per_page=10, page=4).json()
    # HSDS: `empty` says this page holds nothing.
    assert (beyond["contents"], beyond["size"], beyond["empty"]) == ([], 0, True)
    assert get(client, "services").json()["size"] == 20  # the default page

    seen = [
        item["id"]
        for page in (1, 2, 3)
        for item in get(client, "services", per_page=10, page=page).json()["contents"]
    ]
    assert len(seen) == len(set(seen)) == 25


def test_an_empty_catalogue_is_an_empty_page(client: Client) -> None:
    body = get(client, "services").json()
    assert body == {
        "total_items": 0,
        "total_pages": 0,
        "page_number": 1,
        "size": 0,
        "first_page": True,
        "last_page": True,
        "empty": True,
        "contents": [],
    }


def test_a_list_item_has_one_to_one_fields_only(client: Client, catalogue: None) -> None:
    item = next(
        i for i in get(client, "services").json()["contents"] if i["id"] == str(CLINIC_SERVICE)
    )
    assert item["organization"]["id"] == str(UNIT)
    assert not {"phones", "schedules", "service_at_locations", "attributes"} & set(item)


# --- filters ------------------------------------------------------------------------------------


def test_services_filter_by_organization_term_and_time_together(
    client: Client, catalogue: None
) -> None:
    long_ago = timezone.now() - dt.timedelta(days=30)
    Service.objects.update(updated_at=long_ago)
    Service.objects.filter(pk=COUNTY_SERVICE).update(updated_at=timezone.now())
    yesterday = (timezone.now() - dt.timedelta(days=1)).isoformat()

    assert ids(get(client, "services", organization_id=str(NGO))) == {CHAT_SERVICE}
    assert ids(get(client, "services", taxonomy_term_id=str(task_term_id(7)))) == {CLINIC_SERVICE}
    assert ids(get(client, "services", modified_after=yesterday)) == {COUNTY_SERVICE}
    assert ids(
        get(
            client,
            "services",
            organization_id=str(COUNTY),
            taxonomy_term_id=str(task_term_id(6)),
            modified_after=yesterday,
        )
    ) == {COUNTY_SERVICE}
    assert (
        ids(
            get(
                client,
                "services",
                organization_id=str(UNIT),
                taxonomy_term_id=str(task_term_id(7)),
                modified_after=yesterday,
            )
        )
        == set()
    )
    # HSDS says "on or after".
    exactly = Service.objects.get(pk=COUNTY_SERVICE).updated_at.isoformat()
    assert COUNTY_SERVICE in ids(get(client, "services", modified_after=exactly))


def test_services_filter_by_taxonomy_and_by_channel(client: Client, catalogue: None) -> None:
    ptv = TaxonomyTerm.objects.get(taxonomy__key=PTV_CLASS).taxonomy_id
    assert ids(get(client, "services", taxonomy_id=str(ptv))) == {CLINIC_SERVICE}
    chat = hsds.channel_term_id("chat")
    assert ids(get(client, "services", taxonomy_term_id=str(chat))) == {
        CLINIC_SERVICE,
        CHAT_SERVICE,
    }
    remote = hsds.channel_term_id("remote")
    assert ids(get(client, "services", taxonomy_term_id=str(remote))) == {CLINIC_SERVICE}
    assert ids(get(client, "services", taxonomy_id=str(hsds.CHANNEL_TAXONOMY_ID))) == {
        CLINIC_SERVICE,
        CHAT_SERVICE,
    }


def test_services_at_locations_filter_by_the_service(client: Client, catalogue: None) -> None:
    response = get(client, "service_at_locations", organization_id=str(UNIT))
    services = {item["service"]["id"] for item in response.json()["contents"]}
    assert services == {str(CLINIC_SERVICE)}
    assert response.json()["total_items"] == 2


def test_taxonomy_terms_filter_by_taxonomy(client: Client, catalogue: None) -> None:
    tasks = TaxonomyTerm.objects.filter(taxonomy__key=TASKS_KEY).first()
    assert tasks is not None
    body = get(client, "taxonomy_terms", taxonomy_id=str(tasks.taxonomy_id)).json()
    assert sorted(t["code"] for t in body["contents"]) == [str(n) for n in range(1, 9)]
    channels = get(client, "taxonomy_terms", taxonomy_id=str(hsds.CHANNEL_TAXONOMY_ID)).json()
    assert channels["total_items"] == 7
    everything = get(client, "taxonomy_terms", per_page=5, page=2).json()
    assert everything["total_items"] == 7 + TaxonomyTerm.objects.count()
    assert everything["size"] == 5


# --- languages ----------------------------------------------------------------------------------


def _name(response: Any) -> str:
    assert response.status_code == 200, response.content
    return str(response.json()["name"])


def test_lang_and_accept_language_choose_the_texts(client: Client, catalogue: None) -> None:
    path = f"services/{CLINIC_SERVICE}"
    assert _name(get(client, path)) == "Lastenneuvola"
    assert _name(get(client, path, lang="sv")) == "Barnrådgivning"
    assert _name(get(client, path, headers={"accept-language": "sv"})) == "Barnrådgivning"
    assert _name(get(client, path, headers={"accept-language": "en-GB,en;q=0.8"})) == (
        "Child health clinic"
    )
    # The parameter wins over the header.
    response = get(client, path, headers={"accept-language": "sv"}, lang="en")
    assert _name(response) == "Child health clinic"
    assert response["Content-Language"] == "en"
    # A language we do not publish falls back to Finnish.
    assert _name(get(client, path, headers={"accept-language": "de"})) == "Lastenneuvola"


def test_every_endpoint_speaks_the_language(client: Client, catalogue: None) -> None:
    items = get(client, "service_at_locations", lang="sv", organization_id=str(UNIT)).json()
    assert {i["location"]["name"] for i in items["contents"]} == {
        "Askola hälsostation",
        "Mötesplatsen Lillan",
    }
    organization = get(client, f"organizations/{COUNTY}", lang="sv").json()
    assert organization["name"] == "Östra Nylands välfärdsområde"
    term = get(client, f"taxonomy_terms/{task_term_id(7)}", lang="en").json()
    assert term["language"] == "en"


# --- public data only ---------------------------------------------------------------------------


def test_drafts_and_inactive_services_are_not_public(client: Client, catalogue: None) -> None:
    listed = ids(get(client, "services", per_page=100))
    assert listed == {CLINIC_SERVICE, COUNTY_SERVICE, CHAT_SERVICE}
    for hidden in (DRAFT_SERVICE, INACTIVE_SERVICE):
        response = get(client, f"services/{hidden}")
        assert response.status_code == 404
        assert response.json() == {"detail": "Ei löydy."}

    draft_sal = ServiceAtLocation.objects.get(service_id=DRAFT_SERVICE)
    assert get(client, f"service_at_locations/{draft_sal.pk}").status_code == 404
    sals = get(client, "service_at_locations", per_page=100).json()["contents"]
    assert str(draft_sal.pk) not in {s["id"] for s in sals}
    assert {s["service"]["id"] for s in sals} == {
        str(CLINIC_SERVICE),
        str(CHAT_SERVICE),
    }

    assert HIDDEN_ORG not in ids(get(client, "organizations", per_page=100))
    assert get(client, f"organizations/{HIDDEN_ORG}").status_code == 404
    public = get(client, f"organizations/{UNIT}").json()
    assert [s["id"] for s in public["services"]] == [str(CLINIC_SERVICE)]


def test_unpublishing_takes_a_service_out_at_once(client: Client, catalogue: None) -> None:
    assert get(client, f"services/{CHAT_SERVICE}").status_code == 200
    Service.objects.filter(pk=CHAT_SERVICE).update(publication_state="draft")
    assert get(client, f"services/{CHAT_SERVICE}").status_code == 404
    # The organisation stays public: it still produces the clinic's service.
    assert NGO in ids(get(client, "organizations", per_page=100))
    sals = get(client, "service_at_locations", per_page=100).json()["contents"]
    assert str(CHAT_SERVICE) not in {s["service"]["id"] for s in sals}


@pytest.mark.parametrize(
    "path",
    [
        "services",
        "organizations",
        "service_at_locations",
        "taxonomies",
        "taxonomy_terms",
    ],
)
@pytest.mark.parametrize(
    "bad_id", ["not-a-uuid", "1", "%00", "x" * 300, "0b1e7a52-3a5e-4a8e-9a3f-2d6c0f0c9e11", "😀"]
)
def test_a_malformed_or_unknown_id_is_a_json_404(client: Client, path: str, bad_id: str) -> None:
    response = get(client, f"{path}/{bad_id}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_the_channel_taxonomy_has_detail_pages(client: Client) -> None:
    taxonomy = get(client, f"taxonomies/{hsds.CHANNEL_TAXONOMY_ID}").json()
    assert taxonomy["uri"] == hsds.CHANNEL_TAXONOMY_URI
    term = get(client, f"taxonomy_terms/{hsds.channel_term_id('chat')}").json()
    assert (term["code"], term["taxonomy_id"]) == ("chat", str(hsds.CHANNEL_TAXONOMY_ID))


# --- bad input ----------------------------------------------------------------------------------

BAD_PARAMETERS = [
    ("page", "abc"),
    ("page", "0"),
    ("page", "-1"),
    ("page", "99999999999999999999999"),
    ("per_page", "100000"),
    ("per_page", "0"),
    ("modified_after", "yesterday"),
    ("modified_after", "2025-13-45T25:61"),
    ("lang", "de"),
    ("taxonomy_term_id", "not-a-uuid"),
    ("organization_id", "1"),
    ("taxonomy_id", "'; DROP TABLE catalog_service; --"),
]


@pytest.mark.parametrize(("name", "value"), BAD_PARAMETERS)
def test_a_bad_parameter_is_a_400_naming_it(client: Client, name: str, value: str) -> None:
    response = get(client, "services", **{name: value})
    assert response.status_code == 400
    body = response.json()
    assert list(body) == [name]
    assert all(isinstance(message, str) and message for message in body[name])


def test_error_messages_come_in_the_language_of_the_request(client: Client) -> None:
    assert get(client, "services", page="abc").json() == {
        "page": ["Syötä kelvollinen kokonaisluku."]
    }
    assert get(client, "services", page="abc", headers={"accept-language": "sv"}).json() == {
        "page": ["Ett giltigt heltal krävs."]
    }
    assert get(client, "services", page="abc", lang="en").json() == {
        "page": ["A valid integer is required."]
    }
    assert get(client, "services", organization_id="x", lang="sv").json() == {
        "organization_id": ["Fyll i ett giltigt UUID."]
    }
    assert get(client, "services", per_page="101").json() == {
        "per_page": ["Tämän arvon on oltava pienempi tai yhtä suuri kuin 100."]
    }
    # An unknown `lang` cannot choose the language of its own error; Accept-Language does.
    response = get(client, "services", lang="de", headers={"accept-language": "sv"})
    assert response.json() == {"lang": ['"de" är inte ett giltigt val.']}
    assert response["Content-Language"] == "sv"


PARAMETERS = [
    "page",
    "per_page",
    "lang",
    "organization_id",
    "taxonomy_term_id",
    "taxonomy_id",
    "modified_after",
]


@pytest.mark.parametrize("path", LIST_ENDPOINTS)
def test_no_garbage_makes_a_server_error(client: Client, catalogue: None, path: str) -> None:
    for name in PARAMETERS:
        for value in GARBAGE:
            response = get(client, path, **{name: value})
            assert response.status_code in (200, 400), (name, value, response.status_code)
            if response.status_code == 400:
                assert name in response.json()


# --- queries ------------------------------------------------------------------------------------


def test_a_page_of_services_costs_the_same_few_queries_whatever_its_size(
    client: Client,
    catalogue: None,
    django_assert_num_queries: Any,
    django_assert_max_num_queries: Any,
) -> None:
    service_ids = many_services(20)
    with django_assert_max_num_queries(2):  # count, page (with the organisation)
        assert get(client, "services", per_page=20).json()["size"] == 20
    with django_assert_num_queries(2):
        assert get(client, "services", per_page=5).json()["size"] == 5
    with django_assert_max_num_queries(2):
        assert get(client, "service_at_locations", per_page=20).json()["size"] == 20
    with django_assert_max_num_queries(12):  # the service and each kind of thing it links to
        assert get(client, f"services/{service_ids[0]}").status_code == 200
    with django_assert_max_num_queries(2):
        assert get(client, "organizations", per_page=20).status_code == 200


# --- the OpenAPI document -----------------------------------------------------------------------


def test_responses_are_what_the_openapi_document_says(client: Client, catalogue: None) -> None:
    document = SchemaGenerator().get_schema(request=None, public=True)
    components = document["components"]["schemas"]
    sal = ServiceAtLocation.objects.filter(service_id=CLINIC_SERVICE, location_id=CLINIC).get()
    near = {"near": "60.53,25.6"}
    checks: list[tuple[str, dict[str, str], str]] = [
        (f"services/{CLINIC_SERVICE}", {}, "HsdsService"),
        ("services", {}, "HsdsServiceSearchListItemPage"),
        # The finder's search: its extensions of the page and of each item.
        ("services", {"search": "neuvola", **near}, "HsdsServiceSearchListItemPage"),
        ("services", {"search": "lastenneuvla"}, "HsdsServiceSearchListItemPage"),
        ("services", {"search": "qwzxyv"}, "HsdsServiceSearchListItemPage"),
        ("services", {"channel": "chat", **near}, "HsdsServiceSearchListItemPage"),
        (f"organizations/{UNIT}", {}, "HsdsOrganization"),
        ("organizations", {}, "HsdsOrganizationListItemPage"),
        (f"service_at_locations/{sal.pk}", {}, "HsdsServiceAtLocation"),
        ("service_at_locations", {}, "HsdsServiceAtLocationListItemPage"),
        ("taxonomies", {}, "HsdsTaxonomyPage"),
        (f"taxonomies/{hsds.CHANNEL_TAXONOMY_ID}", {}, "HsdsTaxonomy"),
        ("taxonomy_terms", {}, "HsdsTaxonomyTermPage"),
        (f"taxonomy_terms/{task_term_id(1)}", {}, "HsdsTaxonomyTerm"),
    ]
    seen: set[str] = set()
    for path, params, component in checks:
        paging = {} if "/" in path else {"per_page": 100}  # an object has no pages
        data = get(client, path, **paging, **params).json()
        assert undeclared(data, components[component], document, path) == []
        seen |= set(data) | {key for item in data.get("contents", []) for key in item}
    assert seen >= {"x_suggestion", "x_corrected", "x_related", "x_distance_km"}
    assert {f"/api/v1/{p.split('/')[0]}" for p, _params, _c in checks} <= set(document["paths"])


def test_the_openapi_document_is_valid_and_documents_every_parameter() -> None:
    document = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(document)  # OpenAPI 3.0's own JSON schema
    operation = document["paths"]["/api/v1/services"]["get"]
    assert operation["operationId"] == "listServices"
    parameters = {p["name"]: p for p in operation["parameters"] if p["in"] == "query"}
    assert set(parameters) == {
        *PARAMETERS,
        "search",
        "municipality",
        "age",
        "task",
        "channel",
        "open_now",
        "near",
        "language",
        "accessibility",
        "minimal",
        "full",
    }
    assert all(p.get("description") for p in parameters.values())
    assert parameters["task"]["schema"]["enum"] == list(range(1, 9))
    channels = parameters["channel"]["schema"]["enum"]
    assert channels == ["visit", "phone", "chat", "eservice", "remote"]
    # A whole number of years 0-29, or `expecting` (the finder's own parameter).
    assert "29" in parameters["age"]["description"]
    assert "expecting" in parameters["age"]["description"]
    page = document["components"]["schemas"]["HsdsServiceSearchListItemPage"]["properties"]
    assert page["x_suggestion"]["nullable"] is True
    item = document["components"]["schemas"]["HsdsServiceSearchListItem"]["properties"]
    assert item["x_distance_km"] == {"type": "number", "format": "double", "nullable": True}


def test_a_shape_is_declared_once() -> None:
    register_shape("ServiceSearchListItem", "x_distance_km:float?", extends="ServiceListItem")
    with pytest.raises(ValueError, match="already declared"):
        register_shape("ServiceSearchListItem", "x_other")
    # A page already built without extensions cannot get some afterwards.
    page_of("Taxonomy")
    with pytest.raises(ValueError, match="already declared"):
        register_shape("TaxonomyPage", "x_more:int")


def test_the_openapi_document_is_served(client: Client) -> None:
    response = client.get(f"{API}/openapi.json", {"format": "json"})
    assert response.status_code == 200
    assert "/api/v1/services/{id}" in response.json()["paths"]
