"""`GET /api/v1/services` with the finder's search and filters, on the demo network: rank order
as the engine gives it, each filter alone and together with the catalogue's own, languages,
paging, the HSDS extensions, 400 (never 500) for anything malformed, the plain list unchanged,
and a bounded number of queries. The same tests run on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any
from unittest import mock

import pytest
from django.db import connection
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from perhekeskus.catalog import api as catalog_api
from perhekeskus.catalog import hsds
from perhekeskus.catalog.models import AreaType, Organization, Service, TaxonomyTerm
from perhekeskus.catalog.opening import FINNISH_TIME
from perhekeskus.catalog.taxonomies import TASKS_KEY, task_term_id
from perhekeskus.demo.relevance.evaluate import _demo_keys
from perhekeskus.finder.forms import MAX_QUERY_LENGTH
from perhekeskus.finder.search import engine
from perhekeskus.finder.search.types import SearchFilters, SearchPage
from perhekeskus.finder.tests.test_search_engine import (
    ASKOLA,
    ASKOLA_CLINIC,
    LASTENVALVOJAT,
    NEUVOLAT,
    PERHENEUVOLAT,
)
from perhekeskus.testing.garbage import GARBAGE as CATALOG_GARBAGE

SERVICES = "/api/v1/services"
NEAR = f"{ASKOLA_CLINIC[0]},{ASKOLA_CLINIC[1]}"
WEDNESDAY_MORNING = dt.datetime(2026, 11, 25, 10, 0, tzinfo=FINNISH_TIME)
SUNDAY_NIGHT = dt.datetime(2026, 11, 29, 3, 0, tzinfo=FINNISH_TIME)
PAGE_FIELDS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}
EXTENSIONS = {
    "x_suggestion",
    "x_corrected",
    "x_related",
    "x_urgent",
    "x_place",
    "x_matching_every_word",
}


def engine_search(
    query: str = "", language: str = "fi", page: int = 1, per_page: int = 20, **filters: Any
) -> SearchPage:
    return engine.search_services(
        query=query,
        filters=SearchFilters(**filters),
        language=language,
        page=page,
        per_page=per_page,
    )


def at(moment: dt.datetime) -> Any:
    """Search as if it were `moment` (the engine's clock)."""
    return mock.patch("perhekeskus.finder.search.engine.timezone.now", return_value=moment)


@pytest.mark.usefixtures("demo_network")
class SearchApiTestCase(TestCase):
    """On the demo region, loaded once per process (testing/demo.py)."""

    keys: dict[uuid.UUID, str]

    @classmethod
    def setUpTestData(cls) -> None:
        cls.keys = _demo_keys()

    def get(self, headers: dict[str, str] | None = None, **params: Any) -> Any:
        return self.client.get(SERVICES, params, headers=headers or {})

    def body(self, **params: Any) -> dict[str, Any]:
        response = self.get(**params)
        assert response.status_code == 200, response.content
        data: dict[str, Any] = response.json()
        return data

    def key(self, service_id: str | uuid.UUID) -> str:
        return self.keys.get(uuid.UUID(str(service_id)), str(service_id))

    def ranked(self, body: dict[str, Any]) -> list[str]:
        return [self.key(item["id"]) for item in body["contents"]]

    def engine_ranked(self, page: SearchPage) -> list[str]:
        return [self.key(hit.service.pk) for hit in page.hits]


class SearchOrderTests(SearchApiTestCase):
    def test_a_search_comes_in_the_engines_rank_order(self) -> None:
        body = self.body(search="neuvolassa")
        expected = engine_search("neuvolassa")
        assert self.ranked(body) == self.engine_ranked(expected)
        assert set(self.ranked(body)[:5]) <= NEUVOLAT | {"turku-svensk-radgivning"}
        assert set(body) == PAGE_FIELDS | EXTENSIONS
        assert body["total_items"] == expected.total
        assert (body["page_number"], body["first_page"], body["empty"]) == (1, True, False)
        assert body["size"] == len(body["contents"]) == min(20, expected.total)

    def test_an_item_is_the_hsds_list_item_of_the_service(self) -> None:
        body = self.body(search="lastenneuvola", per_page=1)
        item = body["contents"][0]
        service = Service.objects.select_related("organization").get(pk=item["id"])
        assert item == hsds.service_list_item(service, lang="fi")
        assert "x_distance_km" not in item

    def test_an_empty_search_with_a_filter_browses_by_name(self) -> None:
        body = self.body(municipality=ASKOLA, per_page=100)
        expected = engine_search(municipality=ASKOLA, per_page=100)
        assert self.ranked(body) == self.engine_ranked(expected)
        assert body["x_suggestion"] is None
        assert body["x_corrected"] is False


class FilterTests(SearchApiTestCase):
    def test_a_municipality_gives_its_own_county_wide_and_nationwide_services(self) -> None:
        found = set(self.ranked(self.body(municipality=ASKOLA, per_page=100)))
        assert "askola-lastenneuvola" in found  # Askola's own
        assert "itauusimaa-lastenvalvoja" in found  # the wellbeing services county's
        assert "mll-vanhempainpuhelin" in found  # nationwide
        assert "porvoo-neuvola" not in found  # another municipality's own, in the same county
        assert "turku-neuvola" not in found
        assert "varha-lastenvalvoja" not in found  # another county's
        for item in self.body(municipality=ASKOLA, per_page=100)["contents"]:
            service = Service.objects.get(pk=item["id"])
            if service.area_type == AreaType.MUNICIPALITIES:
                assert ASKOLA in {m.code for m in service.area_municipalities.all()}

    def test_a_municipality_filters_a_search(self) -> None:
        body = self.body(search="neuvola", municipality=ASKOLA)
        assert set(self.ranked(body)[:2]) == {"askola-lastenneuvola", "askola-aitiysneuvola"}
        assert "turku-neuvola" not in self.ranked(body)
        assert self.ranked(body) == self.engine_ranked(
            engine_search("neuvola", municipality=ASKOLA)
        )

    def test_age(self) -> None:
        body = self.body(age=16, per_page=100)
        assert 0 < body["total_items"] < Service.objects.public().count()
        for item in body["contents"]:
            assert item.get("minimum_age", 0) <= 16 <= item.get("maximum_age", 99), item["name"]
        assert self.ranked(body) == self.engine_ranked(engine_search(age=16, per_page=100))

    def test_task(self) -> None:
        body = self.body(task=3, per_page=100)
        assert set(self.ranked(body)) >= LASTENVALVOJAT
        of_task = set(
            Service.objects.public().filter(terms__id=task_term_id(3)).values_list("pk", flat=True)
        )
        assert {uuid.UUID(item["id"]) for item in body["contents"]} == of_task

    def test_channel(self) -> None:
        chat = set(self.ranked(self.body(channel="chat", per_page=100)))
        visit = set(self.ranked(self.body(channel="visit", per_page=100)))
        assert "mll-vanhempainpuhelin" in chat
        assert "mll-vanhempainpuhelin" not in visit
        assert "askola-lastenneuvola" in visit
        for channel in ("visit", "phone", "chat", "eservice", "remote"):
            body = self.body(channel=channel, per_page=100)
            assert body["total_items"] > 0, channel
            expected = engine_search(channel=channel, per_page=100)
            assert self.ranked(body) == self.engine_ranked(expected), channel

    def test_open_now_reads_the_hours_at_the_time_asked(self) -> None:
        with at(WEDNESDAY_MORNING):
            wednesday = self.body(search="neuvola", open_now="true", per_page=100)
        with at(SUNDAY_NIGHT):
            sunday = self.body(search="neuvola", open_now="true", per_page=100)
        assert "askola-lastenneuvola" in self.ranked(wednesday)
        assert "askola-lastenneuvola" not in self.ranked(sunday)
        assert sunday["total_items"] < wednesday["total_items"]
        ids = {uuid.UUID(item["id"]) for item in wednesday["contents"]}
        assert engine.services_open_at(ids, WEDNESDAY_MORNING) == ids

    def test_near_sorts_by_distance_and_tells_it(self) -> None:
        body = self.body(search="neuvola", near=NEAR, per_page=50)
        assert self.ranked(body)[0] in {"askola-lastenneuvola", "askola-aitiysneuvola"}
        distances = [item["x_distance_km"] for item in body["contents"]]
        # Nearest first among the services that answer as well (the engine's relevance band).
        band = [km for km, key in zip(distances, self.ranked(body), strict=True) if key in NEUVOLAT]
        known = [km for km in band if km is not None]
        assert known == sorted(known)
        assert known[0] < 1.0
        expected = engine_search("neuvola", near=ASKOLA_CLINIC, per_page=50)
        assert distances == [hit.distance_km for hit in expected.hits]
        assert self.ranked(body) == self.engine_ranked(expected)

    def test_near_without_a_search_sorts_everything_by_distance(self) -> None:
        body = self.body(near=NEAR, per_page=100)
        assert body["total_items"] == Service.objects.public().count()
        assert any(item["x_distance_km"] is None for item in body["contents"])
        known = [i["x_distance_km"] for i in body["contents"] if i["x_distance_km"] is not None]
        assert known == sorted(known)

    def test_the_finders_filters_combine(self) -> None:
        body = self.body(
            search="perhe", municipality=ASKOLA, age=4, task=2, channel="phone", per_page=100
        )
        expected = engine_search(
            "perhe", municipality=ASKOLA, age=4, task=2, channel="phone", per_page=100
        )
        assert body["total_items"] == expected.total > 0
        assert self.ranked(body) == self.engine_ranked(expected)
        alone = set(self.ranked(self.body(search="perhe", per_page=100)))
        assert set(self.ranked(body)) < alone

    def test_the_catalogues_filters_combine_with_the_finders(self) -> None:
        county = Organization.objects.get(name_fi__startswith="Itä-Uudenmaan")
        by_county = self.body(search="perhe", organization_id=str(county.pk), per_page=100)
        assert by_county["total_items"] > 0
        assert {item["organization_id"] for item in by_county["contents"]} == {str(county.pk)}

        term = self.body(taxonomy_term_id=str(task_term_id(3)), municipality="853", per_page=100)
        assert set(self.ranked(term)) == set(self.ranked(self.body(task=3, municipality="853")))
        assert "varha-lastenvalvoja" in self.ranked(term)
        assert "itauusimaa-lastenvalvoja" not in self.ranked(term)
        # Both tasks: what is in both.
        both = self.body(task=3, taxonomy_term_id=str(task_term_id(8)), per_page=100)
        three = set(self.ranked(self.body(task=3, per_page=100)))
        eight = set(self.ranked(self.body(task=8, per_page=100)))
        assert set(self.ranked(both)) == three & eight != three

        tasks = TaxonomyTerm.objects.filter(taxonomy__key=TASKS_KEY).first()
        assert tasks is not None
        with_a_task = self.body(search="neuvola", taxonomy_id=str(tasks.taxonomy_id))
        assert with_a_task["total_items"] == self.body(search="neuvola")["total_items"]
        expected = engine_search("neuvola", taxonomy_id=tasks.taxonomy_id)
        assert self.ranked(with_a_task) == self.engine_ranked(expected)

        later = (timezone.now() + dt.timedelta(hours=1)).isoformat()
        assert self.body(search="neuvola", modified_after=later)["total_items"] == 0
        earlier = (timezone.now() - dt.timedelta(days=1)).isoformat()
        assert (
            self.body(search="neuvola", modified_after=earlier)["total_items"]
            == self.body(search="neuvola")["total_items"]
        )


class LanguageTests(SearchApiTestCase):
    def test_lang_and_accept_language_choose_the_texts(self) -> None:
        finnish = self.body(search="lastenneuvola", municipality=ASKOLA, per_page=1)
        assert finnish["contents"][0]["name"] == "Lastenneuvola"
        swedish = self.body(search="barnrådgivning", municipality=ASKOLA, per_page=1, lang="sv")
        assert swedish["contents"][0]["name"] == "Barnrådgivning"
        assert swedish["contents"][0]["id"] == finnish["contents"][0]["id"]
        response = self.get(
            headers={"accept-language": "sv"}, search="barnrådgivning", municipality=ASKOLA
        )
        assert response.json()["contents"][0]["name"] == "Barnrådgivning"
        assert response["Content-Language"] == "sv"
        # `lang` wins over the header, and chooses the language the query is analysed in.
        response = self.get(
            headers={"accept-language": "sv"},
            lang="en",
            search="child health clinic",
            municipality=ASKOLA,
        )
        assert response["Content-Language"] == "en"
        assert response.json()["contents"][0]["name"] == "Child health clinic"
        expected = engine_search("child health clinic", "en", municipality=ASKOLA)
        assert self.ranked(response.json()) == self.engine_ranked(expected)

    def test_error_messages_come_in_the_language_of_the_request(self) -> None:
        assert self.get(lang="fi", age="abc").json() == {
            "age": ["Anna lapsen ikä kokonaisina vuosina väliltä 0–29."]
        }
        assert self.get(age="abc").json() == self.get(lang="fi", age="abc").json()
        assert self.get(lang="sv", age="abc").json() == {
            "age": ["Ange barnets ålder i hela år, från 0 till 29."]
        }
        assert self.get(headers={"accept-language": "en"}, age="abc").json() == {
            "age": ["The age of the child is a whole number of years from 0 to 29."]
        }
        assert self.get(lang="sv", municipality="999").json() == {
            "municipality": ["Det finns ingen kommun med kommunnumret 999."]
        }
        assert self.get(lang="fi", municipality="999").json() == {
            "municipality": ["Kuntanumerolla 999 ei löydy kuntaa."]
        }
        assert self.get(lang="en", channel="fax").json() == {
            "channel": [
                "Choose one of these ways to reach a service: visit, phone, chat, eservice, remote."
            ]
        }
        for lang in ("fi", "sv", "en"):
            for name, value in BAD_PARAMETERS:
                body = self.get(**{"lang": lang, name: value}).json()
                assert all(m.isprintable() and "{" not in m for m in body[name]), body


class PagingTests(SearchApiTestCase):
    def test_pages_follow_the_rank_order(self) -> None:
        whole = self.body(search="perhe", per_page=100)
        assert whole["total_items"] > 20
        second = self.body(search="perhe", per_page=10, page=2)
        assert self.ranked(second) == self.ranked(whole)[10:20]
        assert {k: v for k, v in second.items() if k not in ("contents", *EXTENSIONS)} == {
            "total_items": whole["total_items"],
            "total_pages": -(-whole["total_items"] // 10),
            "page_number": 2,
            "size": 10,
            "first_page": False,
            "last_page": False,
            "empty": False,
        }

    def test_one_per_page(self) -> None:
        whole = self.ranked(self.body(search="lastenvalvoja", per_page=100))
        singles = [
            self.ranked(self.body(search="lastenvalvoja", per_page=1, page=n))
            for n in range(1, len(whole) + 1)
        ]
        assert singles == [[key] for key in whole]
        last = self.body(search="lastenvalvoja", per_page=1, page=len(whole))
        assert (last["last_page"], last["total_pages"], last["size"]) == (True, len(whole), 1)

    def test_a_page_past_the_last_is_empty_not_an_error(self) -> None:
        body = self.body(search="lastenvalvoja", per_page=10, page=1000)
        assert body["total_items"] > 0
        assert (body["contents"], body["size"], body["empty"], body["last_page"]) == (
            [],
            0,
            True,  # HSDS: this page holds nothing
            True,
        )
        farthest = self.body(search="perhe", per_page=100, page=catalog_api.MAX_PAGE)
        assert farthest["contents"] == []

    def test_nothing_found_is_an_empty_page(self) -> None:
        body = self.body(search="qwzxyv blörp")
        assert {k: v for k, v in body.items() if k not in EXTENSIONS} == {
            "total_items": 0,
            "total_pages": 0,
            "page_number": 1,
            "size": 0,
            "first_page": True,
            "last_page": True,
            "empty": True,
            "contents": [],
        }

    def test_the_api_never_asks_the_engine_for_more_than_it_gives(self) -> None:
        assert catalog_api.MAX_PER_PAGE <= engine.MAX_PER_PAGE
        assert Service.objects.public().count() > 100
        assert self.body(near=NEAR, per_page=100)["size"] == 100


class ExtensionTests(SearchApiTestCase):
    def test_a_typo_is_corrected_and_said(self) -> None:
        body = self.body(search="perhenuevola")
        assert body["x_suggestion"] == "perheneuvola"
        assert body["x_corrected"] is True
        assert set(self.ranked(body)[:4]) == PERHENEUVOLAT

    def test_a_right_spelling_suggests_nothing(self) -> None:
        body = self.body(search="perheneuvola")
        assert (body["x_suggestion"], body["x_corrected"]) == (None, False)

    def test_nothing_found_offers_related_life_situations(self) -> None:
        body = self.body(search="qwzxyv blörp", municipality=ASKOLA)
        assert body["total_items"] == 0
        assert body["x_related"], "zero results never end the road"
        assert all(set(r) == {"key", "name"} and r["key"] and r["name"] for r in body["x_related"])
        assert body["x_related"] == [
            {"key": r.key, "name": r.name}
            for r in engine_search("qwzxyv blörp", municipality=ASKOLA).related
        ]
        swedish = self.body(search="qwzxyv blörp", lang="sv")["x_related"]
        assert [r["key"] for r in swedish] == [r["key"] for r in body["x_related"]]
        assert [r["name"] for r in swedish] != [r["name"] for r in body["x_related"]]

    def test_a_life_situation_is_related_to_a_search_that_finds(self) -> None:
        body = self.body(search="olemme eroamassa")
        assert body["total_items"] > 0
        assert "separation" in [r["key"] for r in body["x_related"]]


class PlainListTests(SearchApiTestCase):
    def plain(self, **params: Any) -> Any:
        request = RequestFactory().get(SERVICES, params)
        response = catalog_api.ServiceListView.as_view()(request)
        response.render()
        return json.loads(response.content)

    def test_without_the_finders_parameters_the_list_is_the_catalogues(self) -> None:
        for params in [
            {},
            {"per_page": 7, "page": 3},
            {"lang": "sv", "per_page": 100},
            {"organization_id": str(Organization.objects.get(name_fi__startswith="Itä-U").pk)},
            {"taxonomy_term_id": str(task_term_id(3))},
        ]:
            body = self.body(**params)
            assert body == self.plain(**params), params
            assert not EXTENSIONS & set(body)
        # A blank search and open_now=false ask for nothing.
        assert self.body(search="  ", open_now="false") == self.plain()
        assert self.body(search="", municipality="", near="") == self.plain()

    def test_the_plain_list_stays_two_queries_a_page(self) -> None:
        with self.assertNumQueries(2):
            assert self.body(per_page=20)["size"] == 20
        with self.assertNumQueries(2):
            assert self.body(per_page=5, taxonomy_term_id=str(task_term_id(3)))["size"] == 5


class QueryCountTests(SearchApiTestCase):
    def count(self, **params: Any) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert self.get(**params).status_code == 200
        return len(queries)

    def test_a_search_costs_a_bounded_number_of_queries(self) -> None:
        self.body(search="neuvola")  # warm the vocabulary, the thesaurus and the documents
        # The index state, the look-ups of the query's words, the page's services with their
        # providers; one more to check the municipality, one for the catalogue's filters, three
        # for the opening hours.
        for params, bound in [
            ({"search": "neuvola", "per_page": 100}, 5),
            ({"search": "olemme eroamassa", "municipality": ASKOLA, "age": 4}, 8),
            ({"municipality": ASKOLA, "channel": "phone", "per_page": 100}, 4),
            ({"search": "perhe", "near": NEAR, "open_now": "true", "per_page": 50}, 9),
            ({"search": "perhe", "taxonomy_term_id": str(task_term_id(2))}, 6),
        ]:
            with CaptureQueriesContext(connection) as queries:
                assert self.get(**params).status_code == 200
            assert len(queries) <= bound, (params, [q["sql"][:90] for q in queries])

    def test_a_bigger_page_costs_no_more_queries(self) -> None:
        self.body(search="perhe")
        assert self.count(search="perhe", per_page=5) == self.count(search="perhe", per_page=100)
        assert self.count(near=NEAR, per_page=1) == self.count(near=NEAR, per_page=100)


# --- bad input ----------------------------------------------------------------------------------

BAD_PARAMETERS = [
    ("near", "abc"),
    ("near", "91,0"),
    ("near", "0,181"),
    ("near", "nan,1"),
    ("near", "1,inf"),
    ("near", "60.5"),
    ("near", "60.5,25.6,3"),
    ("near", "\x00"),
    ("age", "-1"),
    ("age", "999"),
    ("age", "abc"),
    ("age", "1.5"),
    ("age", "9" * 400),
    ("task", "0"),
    ("task", "9"),
    ("task", "abc"),
    ("channel", "fax"),
    ("channel", "CHAT"),
    ("municipality", "12"),
    ("municipality", "0180"),
    ("municipality", "abc"),
    ("municipality", "٠١٨"),  # digits, but not the official ones
    ("municipality", "999"),  # well formed, but not a municipality we know
    ("municipality", "\x00"),
    ("open_now", "maybe"),
    ("open_now", "\x00"),
    ("search", "\x00"),
    ("search", "neuvola\x00"),
    ("lang", "de"),
]
# The catalogue API's bad values (blank aside: a blank finder parameter asks for nothing), and
# what the finder's parameters add.
GARBAGE = [
    *(value for value in CATALOG_GARBAGE if value != ""),
    "nan",
    "-0",
    "1,2",
    "'; DROP TABLE catalog_service; --",
    "x" * 5000,
]
FINDER_PARAMETERS = ["search", "municipality", "age", "task", "channel", "open_now", "near"]


class BadInputTests(SearchApiTestCase):
    def test_a_bad_parameter_is_a_400_naming_it(self) -> None:
        for name, value in BAD_PARAMETERS:
            with self.subTest(name=name, value=value):
                response = self.get(**{name: value})
                assert response.status_code == 400, response.content
                body = response.json()
                assert list(body) == [name]
                assert all(isinstance(m, str) and m for m in body[name])
                # With a search, too.
                assert self.get(**{"search": "neuvola", name: value}).status_code == 400

    def test_a_malformed_municipality_and_an_unknown_one_say_different_things(self) -> None:
        malformed = self.get(lang="en", municipality="12").json()
        unknown = self.get(lang="en", municipality="999").json()
        assert malformed == {"municipality": ["A municipality code has three digits."]}
        assert unknown == {"municipality": ["There is no municipality with the code 999."]}

    def test_every_bad_parameter_is_reported_at_once(self) -> None:
        body = self.get(age="-1", task="9", near="abc").json()
        assert set(body) == {"age", "task", "near"}

    def test_no_garbage_makes_a_server_error(self) -> None:
        for name in FINDER_PARAMETERS:
            for value in GARBAGE:
                with self.subTest(name=name, value=value[:20]):
                    response = self.get(**{name: value})
                    assert response.status_code in (200, 400), response.status_code
                    if response.status_code == 400:
                        assert name in response.json()

    def test_a_long_search_is_cut_not_refused(self) -> None:
        text = "lastenvalvoja " + "q" * 300
        body = self.body(search=text)
        cut = text[:MAX_QUERY_LENGTH]
        assert self.ranked(body) == self.engine_ranked(engine_search(cut))
        assert self.get(search="ä" * 5000).status_code == 200
        assert self.get(search="neuvola " * 1000).status_code == 200

    def test_good_values_in_the_forms_people_write(self) -> None:
        for name, value in [
            ("near", "60.5296, 25.5985"),
            ("near", "-33.9,18.4"),
            ("age", "0"),
            ("age", "29"),
            ("task", "8"),
            ("open_now", "1"),
            ("open_now", "True"),
            ("municipality", " 018 "),
            ("search", "  neuvola  "),
        ]:
            with self.subTest(name=name, value=value):
                assert self.get(**{name: value}).status_code == 200
