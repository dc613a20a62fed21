"""Search that answers the question, on the demo network: crisis wording shows the urgent numbers
and puts what is open now first; every word of a need matters; a place named in the query narrows
the results; filters by the service's language and for expecting families; nearest first only
among equally relevant services. The same tests run on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import TestCase, override_settings
from django.utils import translation

from perhekeskus.catalog.opening import FINNISH_TIME
from perhekeskus.demo.loader import load_demo_network
from perhekeskus.finder.relevance.evaluate import _demo_keys
from perhekeskus.finder.search.engine import search_services, services_open_at
from perhekeskus.finder.search.types import SearchFilters, SearchPage

# Friday evening, when the offices are closed and the 24-hour lines and shelters are not.
FRIDAY_EVENING = dt.datetime(2026, 12, 4, 19, 30, tzinfo=FINNISH_TIME)
CRISIS_QUERIES = [
    ("haluan kuolla", "fi"),
    ("itsemurha", "fi"),
    ("väkivalta perheessä", "fi"),
    ("mieheni lyö minua", "fi"),
    ("självmord", "sv"),
    ("I want to die", "en"),
    ("domestic violence", "en"),
]
ORDINARY_QUERIES = [("neuvola", "fi"), ("familjerådgivning", "sv"), ("speech therapy", "en")]
RESULT_LINK = re.compile(r'<h3 id="result-[^"]+"><a href="/\w\w/services/([0-9a-f-]+)">')


def search(
    query: str,
    language: str = "fi",
    per_page: int = 20,
    at: dt.datetime | None = None,
    page: int = 1,
    **filters: Any,
) -> SearchPage:
    return search_services(
        query=query,
        filters=SearchFilters(**filters),
        language=language,
        per_page=per_page,
        page=page,
        at=at,
    )


@pytest.fixture(autouse=True)
def _in_finnish() -> Iterator[None]:
    with translation.override("fi"):
        yield


class DemoTestCase(TestCase):
    keys: dict[uuid.UUID, str]

    @classmethod
    def setUpTestData(cls) -> None:
        with override_settings(PERHEKESKUS_DEMO=True):
            load_demo_network()
        cls.keys = _demo_keys()

    def ranked(self, page: SearchPage) -> list[str]:
        return [self.keys.get(hit.service.pk, str(hit.service.pk)) for hit in page.hits]

    def main(self, url: str) -> str:
        response = self.client.get(url)
        assert response.status_code == 200
        html: str = response.content.decode()
        return html[html.index("<main") : html.index("</main>")]


# --- crisis ---------------------------------------------------------------------------------------


class CrisisTests(DemoTestCase):
    def test_crisis_and_violence_wording_makes_a_search_urgent(self) -> None:
        for query, language in CRISIS_QUERIES:
            assert search(query, language).urgent, query
        for query, language in ORDINARY_QUERIES:
            assert not search(query, language).urgent, query

    def test_crisis_wording_finds_the_crisis_line(self) -> None:
        for query, language in [
            ("haluan kuolla", "fi"),
            ("jag vill dö", "sv"),
            ("I want to die", "en"),
        ]:
            page = search(query, language, at=FRIDAY_EVENING)
            assert "mieli-kriisipuhelin" in self.ranked(page)[:2], (query, self.ranked(page))

    def test_the_relevant_services_open_now_come_first(self) -> None:
        page = search("väkivalta perheessä", at=FRIDAY_EVENING)
        ranked = self.ranked(page)
        open_ids = services_open_at([hit.service.pk for hit in page.hits], FRIDAY_EVENING)
        is_open = [hit.service.pk in open_ids for hit in page.hits if not hit.broader]
        assert any(is_open) and not all(is_open)
        # Every open one before every closed one.
        assert is_open == sorted(is_open, reverse=True), list(zip(ranked, is_open, strict=False))
        assert ranked.index("thl-vakivallan-auttava-puhelin") < ranked.index(
            "itauusimaa-vakivaltatyo"
        )
        assert ranked.index("varha-turvakoti") < ranked.index("itauusimaa-vakivaltatyo")

    def test_an_ordinary_search_is_not_reordered_by_the_clock(self) -> None:
        evening = self.ranked(search("neuvola", at=FRIDAY_EVENING))
        morning = self.ranked(search("neuvola", at=FRIDAY_EVENING.replace(hour=9)))
        assert evening == morning

    def test_the_page_shows_the_urgent_numbers_above_the_results_and_a_quick_exit(self) -> None:
        main = self.main("/fi/search?q=haluan+kuolla")
        box = main.index("data-search-urgent")
        assert 'href="tel:112"' in main[box:]
        assert box < main.index('id="results-title"')
        assert "data-quick-exit" in main[:box]
        for lang, query in [("sv", "självmord"), ("en", "domestic+violence")]:
            assert "data-search-urgent" in self.main(f"/{lang}/search?q={query}")

    def test_an_ordinary_search_shows_no_urgent_box(self) -> None:
        main = self.main("/fi/search?q=neuvola")
        assert "data-search-urgent" not in main
        assert "data-quick-exit" not in main

    def test_the_api_says_whether_a_search_is_urgent(self) -> None:
        urgent = self.client.get("/api/v1/services", {"search": "domestic violence", "lang": "en"})
        ordinary = self.client.get("/api/v1/services", {"search": "neuvola"})
        assert urgent.json()["x_urgent"] is True
        assert ordinary.json()["x_urgent"] is False

    def test_the_openapi_document_declares_x_urgent(self) -> None:
        schema = self.client.get("/api/v1/openapi.json", {"format": "json"}).json()
        page = schema["components"]["schemas"]["HsdsServiceSearchListItemPage"]
        assert "x_urgent" in str(page)
        assert "x_urgent" in schema["paths"]["/api/v1/services"]["get"]["description"]


# --- nearest first ------------------------------------------------------------------------------

PORVOO_CENTRE = (60.3932, 25.6650)
FAMILY_CAFES = {
    "askola-mll-perhekahvila",
    "laitila-mll-perhekahvila",
    "janakkala-mll-perhekahvila",
    "porvoo-familjecafe",
    "raisio-perhetupa",
}


class NearTests(DemoTestCase):
    def test_distance_orders_only_services_that_answer_as_well(self) -> None:
        ranked = self.ranked(search("perhekahvila", near=PORVOO_CENTRE, per_page=50))
        assert ranked[0] == "porvoo-familjecafe"
        # The youth centre next door matches "perhekahvila" only in passing.
        assert ranked.index("porvoo-nuorisotila") > max(ranked.index(k) for k in FAMILY_CAFES)

    def test_without_a_query_everything_is_nearest_first(self) -> None:
        page = search("", near=PORVOO_CENTRE, per_page=100)
        distances = [hit.distance_km for hit in page.hits if hit.distance_km is not None]
        assert distances == sorted(distances)
