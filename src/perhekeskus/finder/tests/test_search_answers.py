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
from django.test import TestCase
from django.utils import translation

from perhekeskus.catalog.models import Municipality, Service
from perhekeskus.catalog.opening import FINNISH_TIME
from perhekeskus.demo.relevance.evaluate import _demo_keys
from perhekeskus.finder.search import places
from perhekeskus.finder.search.engine import search_services, services_open_at
from perhekeskus.finder.search.types import SearchFilters, SearchPage
from perhekeskus.finder.services import search_index_rebuild
from perhekeskus.testing.factories import ServiceFactory

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


@pytest.mark.usefixtures("demo_network")
class DemoTestCase(TestCase):
    """On the demo region, loaded once per process (testing/demo.py)."""

    keys: dict[uuid.UUID, str]

    @classmethod
    def setUpTestData(cls) -> None:
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


# --- a place named in the query -----------------------------------------------------------------

PORVOO, TURKU, ASKOLA, RAISIO = "638", "853", "018", "680"


class PlaceTests(DemoTestCase):
    def test_a_municipality_named_in_the_query_filters_as_the_filter_does(self) -> None:
        for query, language, code, rest in [
            ("neuvola Porvoo", "fi", PORVOO, "neuvola"),
            ("familjerådgivning Borgå", "sv", PORVOO, "familjerådgivning"),
            ("perheneuvola turussa", "fi", TURKU, "perheneuvola"),
            ("Turun perheneuvola", "fi", TURKU, "perheneuvola"),
            ("neuvola Askolassa", "fi", ASKOLA, "neuvola"),
            ("barnrådgivning i Åbo", "sv", TURKU, "barnrådgivning"),
            ("maternity clinic in Raisio", "en", RAISIO, "maternity clinic"),
            ("Porvoossa perhekerho", "fi", PORVOO, "perhekerho"),
        ]:
            page = search(query, language, per_page=100)
            assert page.place is not None, query
            assert (page.place.code, page.place.rest, page.query) == (code, rest, rest), query
            filtered = search(rest, language, per_page=100, municipality=code)
            assert self.ranked(page) == self.ranked(filtered), query
            assert page.total == filtered.total

    def test_the_place_narrows_to_the_services_available_there(self) -> None:
        ranked = self.ranked(search("neuvola Porvoo", per_page=100))
        assert ranked[0] == "porvoo-neuvola"
        for elsewhere in ("askola-lastenneuvola", "turku-neuvola", "laitila-neuvola"):
            assert elsewhere not in ranked
        # The county's family counselling clinic serves Porvoo too.
        assert "itauusimaa-perheneuvola" in ranked
        ranked = self.ranked(search("familjerådgivning Borgå", "sv", per_page=100))
        assert "itauusimaa-perheneuvola" in ranked and "varha-perheneuvola" not in ranked

    def test_a_chosen_municipality_wins_and_the_name_stays_a_word(self) -> None:
        page = search("neuvola Porvoo", municipality=ASKOLA)
        assert page.place is None
        assert page.query == "neuvola Porvoo"

    def test_words_that_are_no_municipality_are_searched_for(self) -> None:
        for query in ("neuvola Turenki", "perhekahvila", "kolari lapsi", "Ivalon nuorisotila"):
            assert search(query).place is None, query
        assert self.ranked(search("Turengissa"))[0] == "janakkala-palveluohjaus"

    def test_a_name_that_is_an_everyday_word_needs_its_capital(self) -> None:
        Municipality.objects.create(code="273", name_fi="Kolari", name_sv="Kolari", name="Kolari")
        Municipality.objects.create(code="139", name_fi="Ii", name_sv="Ijo", name="Ii")
        places.clear()
        try:
            assert search("kolari lapsi").place is None  # a car crash
            page = search("neuvola Kolari")
            assert page.place is not None and page.place.code == "273"
            assert search("ii").place is None
            iissa = search("neuvola Iissä").place
            assert iissa is not None and iissa.code == "139"
        finally:
            places.clear()

    def test_only_the_place_browses_the_municipality(self) -> None:
        page = search("Porvoossa", per_page=100)
        assert page.place is not None and page.query == ""
        assert page.total == search("", municipality=PORVOO, per_page=100).total

    def test_the_page_shows_the_place_as_a_removable_filter(self) -> None:
        main = self.main("/fi/search?q=neuvola+Porvoossa")
        assert 'value="neuvola"' in main
        chip = re.search(r'<a href="([^"]+)" class="chip">([^<]+)<', main)
        assert chip is not None
        assert "Porvoo" in chip.group(2)
        assert chip.group(1) == "/fi/search?q=neuvola"
        ids = set(RESULT_LINK.findall(main))
        filtered = self.main(f"/fi/search?q=neuvola&municipality={PORVOO}")
        assert ids == set(RESULT_LINK.findall(filtered))
        assert "Porvoossa" in main  # the note says what was understood

    def test_the_api_uses_and_tells_the_place(self) -> None:
        body = self.client.get("/api/v1/services", {"search": "neuvola Porvoo"}).json()
        assert body["x_place"] == {"code": PORVOO, "name": "Porvoo"}
        same = self.client.get(
            "/api/v1/services", {"search": "neuvola", "municipality": PORVOO}
        ).json()
        assert [i["id"] for i in body["contents"]] == [i["id"] for i in same["contents"]]
        sv = self.client.get("/api/v1/services", {"search": "rådgivning Borgå", "lang": "sv"})
        assert sv.json()["x_place"] == {"code": PORVOO, "name": "Borgå"}
        plain = self.client.get("/api/v1/services", {"search": "neuvola"}).json()
        assert plain["x_place"] is None


# --- filters: the language of the service, expecting a baby ------------------------------------

NEUVOLAT = {
    "askola-aitiysneuvola",
    "askola-lastenneuvola",
    "porvoo-neuvola",
    "janakkala-neuvola",
    "laitila-neuvola",
    "raisio-neuvola",
    "turku-neuvola",
    "simo-neuvola",
    "inari-neuvola",
}


class LanguageFilterTests(DemoTestCase):
    def test_only_services_given_in_the_language(self) -> None:
        page = search("", service_language="ar", per_page=100)
        expected = {s.pk for s in Service.objects.public() if "ar" in s.languages}
        assert expected and {hit.service.pk for hit in page.hits} == expected
        searched = search("perhetyö", service_language="ar", per_page=100)
        assert searched.total and all("ar" in hit.service.languages for hit in searched.hits)
        assert search("perhetyö", per_page=100).total > searched.total

    def test_the_facet_counts_the_languages_of_the_matches(self) -> None:
        facets = search("", per_page=1).facets["language"]
        assert facets["fi"] > facets["ar"] > 0
        assert facets["se"] == sum(1 for s in Service.objects.public() if "se" in s.languages)

    def test_the_page_offers_the_languages_and_shows_the_chosen_one(self) -> None:
        main = self.main("/en/search")
        assert 'name="language" value="ar"' in main and "Arabic" in main
        main = self.main("/en/search?q=family&language=so")
        assert "Given in: Somali" in main
        ids = RESULT_LINK.findall(main)
        assert ids and all("so" in s.languages for s in Service.objects.filter(pk__in=ids))
        assert "is not a language code" in self.main("/en/search?language=Arabic")

    def test_the_api_filters_by_language(self) -> None:
        body = self.client.get("/api/v1/services", {"language": "ar", "per_page": 100}).json()
        ids = {item["id"] for item in body["contents"]}
        assert ids == {str(s.pk) for s in Service.objects.public() if "ar" in s.languages}
        bad = self.client.get("/api/v1/services", {"language": "Arabic"})
        assert bad.status_code == 400 and "language" in bad.json()


class ExpectingTests(DemoTestCase):
    def test_expecting_a_baby_finds_the_services_from_pregnancy_on(self) -> None:
        ranked = set(self.ranked(search("", expecting=True, per_page=100)))
        assert ranked >= NEUVOLAT
        assert "askola-mll-vauvaryhma" in ranked
        for other in ("askola-kotipalvelu", "askola-nuorisotyo", "askola-kuraattori"):
            assert other not in ranked
        assert ranked < set(self.ranked(search("", age=0, per_page=200)))

    def test_the_age_filter_offers_expecting_in_each_language(self) -> None:
        for lang, label in [
            ("fi", "Odotamme vauvaa"),
            ("sv", "Vi väntar barn"),
            ("en", "Expecting a baby"),
        ]:
            main = self.main(f"/{lang}/search?q=neuvola")
            assert f'<option value="expecting">{label}</option>' in main, lang
            chosen = self.main(f"/{lang}/search?q=neuvola&age=expecting")
            assert f'<option value="expecting" selected>{label}</option>' in chosen, lang
            assert f'class="chip">{label} ' in chosen, lang

    def test_the_api_takes_expecting_as_an_age(self) -> None:
        body = self.client.get("/api/v1/services", {"age": "expecting", "per_page": 100}).json()
        assert {self.keys.get(uuid.UUID(i["id"])) for i in body["contents"]} == set(
            self.ranked(search("", expecting=True, per_page=100))
        )
        assert self.client.get("/api/v1/services", {"age": "soon"}).status_code == 400
        assert self.client.get("/api/v1/services", {"age": "3"}).status_code == 200


# --- every word matters -------------------------------------------------------------------------

SPEECH_THERAPY = {"askola-puheterapia", "raisio-puheterapia", "porvoo-yksityinen-puheterapia"}


class EveryWordTests(DemoTestCase):
    def test_the_services_matching_every_word_come_first_then_the_broader_ones(self) -> None:
        page = search("lapsen puheen kehitys", per_page=50)
        every = page.matching_every_word
        assert every is not None and 0 < every < page.total
        assert [hit.broader for hit in page.hits] == [False] * every + [True] * (
            len(page.hits) - every
        )
        assert set(self.ranked(page)[:every]) == SPEECH_THERAPY

    def test_a_word_that_says_nothing_brings_no_off_topic_services(self) -> None:
        ranked = self.ranked(search("child does not sleep", "en", per_page=50))
        assert "kela-elatustuki" not in ranked  # matched "child" and "does"
        assert set(ranked[:3]) <= NEUVOLAT
        ranked = self.ranked(search("barnet sover inte", "sv", per_page=50))
        assert "itauusimaa-monikielinen-perhetyo" not in ranked[:5]

    def test_a_service_with_the_words_in_its_own_text_is_not_buried(self) -> None:
        # The sleep concept covers the whole query: its targets (clinics, family work) match
        # every word too, through the thesaurus.
        own = ServiceFactory.create(
            name="Unikoulu",
            summary="Ohjaaja tulee kotiin, kun lapsi heräilee öisin.",
            description="Perhe saa unikoulusta apua, kun lapsi ei nuku.",
        )
        search_index_rebuild(service_ids=[own.pk])
        page = search("lapsi ei nuku", per_page=50)
        ranked = [hit.service.pk for hit in page.hits]
        assert own.pk in ranked[:3], self.ranked(page)[:5]

    def test_the_page_sets_the_broader_matches_apart(self) -> None:
        for lang, heading in [("fi", "Laajempia osumia"), ("sv", "Bredare träffar")]:
            main = self.main(f"/{lang}/search?q=lapsen+puheen+kehitys")
            assert f'id="broader-matches">{heading}</h2>' in main, lang
        main = self.main("/en/search?q=speech+therapy+for+a+child")
        if "Broader matches" in main:
            before = main[: main.index('id="broader-matches"')]
            assert RESULT_LINK.findall(before)
        assert "Broader matches" not in self.main("/en/search?q=neuvola")

    def test_the_api_says_how_many_match_every_word(self) -> None:
        body = self.client.get("/api/v1/services", {"search": "lapsen puheen kehitys"}).json()
        assert body["x_matching_every_word"] == 3
        assert {self.keys[uuid.UUID(i["id"])] for i in body["contents"][:3]} == SPEECH_THERAPY
        plain = self.client.get("/api/v1/services", {"search": "neuvola"}).json()
        assert plain["x_matching_every_word"] is None

    def test_a_guess_alone_is_no_answer(self) -> None:
        # "table" only begins "tablet", which one service mentions; "drop" matches nothing.
        for query in ("'; drop table", "drop table"):
            page = search(query)
            assert page.total == 0, self.ranked(page)
            assert page.related  # the common life situations, to go on from
