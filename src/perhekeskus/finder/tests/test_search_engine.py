"""`search_services` on the demo network: Finnish morphology, typos, filters that combine,
ranking invariants, escaping, facets, searches that find nothing, and a bounded number of
queries. The same tests run on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from perhekeskus.catalog.models import (
    AreaType,
    ChannelKind,
    ContactChannel,
    LocationType,
    Municipality,
    Organization,
    Service,
)
from perhekeskus.catalog.opening import FINNISH_TIME
from perhekeskus.catalog.taxonomies import TASKS_KEY, task_term_id
from perhekeskus.demo.relevance.evaluate import _demo_keys
from perhekeskus.finder.models import ZeroResultQuery
from perhekeskus.finder.search.analysis import normalize
from perhekeskus.finder.search.engine import haversine_km, search_services, services_open_at
from perhekeskus.finder.search.types import SearchFilters, SearchPage
from perhekeskus.finder.services import search_index_rebuild
from perhekeskus.testing.factories import MunicipalityFactory, OrganizationFactory, ServiceFactory

ASKOLA = "018"
ASKOLA_CLINIC = (60.5296, 25.5985)
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
PERHENEUVOLAT = {
    "itauusimaa-perheneuvola",
    "kantahame-perheneuvola",
    "varha-perheneuvola",
    "lappi-perheneuvola",
}
LASTENVALVOJAT = {
    "itauusimaa-lastenvalvoja",
    "kantahame-lastenvalvoja",
    "varha-lastenvalvoja",
    "simo-lastenvalvoja-etaaika",
}


def search(query: str, language: str = "fi", per_page: int = 20, **filters: Any) -> SearchPage:
    return search_services(
        query=query, filters=SearchFilters(**filters), language=language, per_page=per_page
    )


@pytest.fixture(autouse=True)
def _in_finnish() -> Iterator[None]:
    """Texts given as `name=` are Finnish, whatever language an earlier test left active."""
    with translation.override("fi"):
        yield


@pytest.mark.usefixtures("demo_network")
class DemoSearchTestCase(TestCase):
    """On the demo region, loaded once per process (testing/demo.py)."""

    keys: dict[uuid.UUID, str]

    @classmethod
    def setUpTestData(cls) -> None:
        cls.keys = _demo_keys()

    def ranked(self, page: SearchPage) -> list[str]:
        return [self.keys.get(hit.service.pk, str(hit.service.pk)) for hit in page.hits]


class MorphologyTests(DemoSearchTestCase):
    def test_an_inflected_form_finds_the_base_form(self) -> None:
        page = search("neuvolassa")
        assert set(self.ranked(page)) >= NEUVOLAT
        assert set(self.ranked(page)[:5]) <= NEUVOLAT | {"turku-svensk-radgivning"}

    def test_a_part_finds_the_compounds_it_is_in(self) -> None:
        found = set(self.ranked(search("neuvola", per_page=50)))
        assert {"askola-lastenneuvola", "askola-aitiysneuvola"} <= found
        assert found >= PERHENEUVOLAT

    def test_a_compound_finds_services_that_write_it_in_two_words(self) -> None:
        service = ServiceFactory.create(
            name="Lasten hammashoito", name_sv="Tandvård för barn", name_en="Children's dental care"
        )
        search_index_rebuild(service_ids=[service.pk])
        page = search("hammashoito")
        assert service.pk in [hit.service.pk for hit in page.hits]
        assert "askola-suun-terveydenhuolto" in self.ranked(page)

    def test_a_typo_is_corrected_with_did_you_mean(self) -> None:
        page = search("perhenuevola")
        assert page.suggestion == "perheneuvola"
        assert page.corrected
        assert set(self.ranked(page)[:4]) == PERHENEUVOLAT

    def test_a_missing_letter_is_corrected(self) -> None:
        page = search("lastenvalvoa")
        assert page.suggestion == "lastenvalvoja"
        assert set(self.ranked(page)[:4]) == LASTENVALVOJAT

    def test_a_life_situation_finds_the_services_that_help(self) -> None:
        page = search("olemme eroamassa")
        top = set(self.ranked(page)[:6])
        assert len(top & (LASTENVALVOJAT | {"lappi-erochat", "varha-perheasioiden-sovittelu"})) >= 3
        assert "separation" in [r.key for r in page.related]

    def test_swedish_and_english_needs(self) -> None:
        assert set(self.ranked(search("skilsmässa barn", "sv"))[:6]) & LASTENVALVOJAT
        top = self.ranked(search("speech therapy toddler", "en"))[:2]
        assert set(top) == {"askola-puheterapia", "raisio-puheterapia"}

    def test_a_place_name_finds_the_services_there(self) -> None:
        assert self.ranked(search("Turengissa"))[0] == "janakkala-palveluohjaus"
        assert self.ranked(search("neuvola Turenki"))[:2].count("janakkala-neuvola") == 1

    def test_a_finnish_word_finds_the_service_in_the_english_finder(self) -> None:
        assert (
            set(self.ranked(search("neuvola", "en"))[:5])
            <= NEUVOLAT | {"turku-svensk-radgivning"} | PERHENEUVOLAT
        )


class EscapingTests(DemoSearchTestCase):
    NASTY = [
        "",
        "   ",
        '"',
        "'",
        '"neuvola',
        "neuvola'",
        "NEAR(neuvola kerho)",
        "neuvola NEAR/2 kerho",
        "*",
        "neuv*",
        "a:b",
        "name_fi:neuvola",
        "{a b}: neuvola",
        "neuvola & kerho",
        "neuvola | kerho",
        "!neuvola",
        "(neuvola",
        "neuvola)",
        "AND OR NOT",
        "neuvola AND NOT kerho",
        "-neuvola",
        "^neuvola",
        "neuvola:*",
        "'neuvola':A",
        "\\",
        "%_%",
        "'; DROP TABLE finder_searchdocument; --",
        "\x00neuvola",
        "🙂 vauva 🍼",
        "ﾈｳﾎﾞﾗ",
        "neuvola " * 500,
        "a" * 5000,
        "ä-ö-å-" * 100,
    ]

    def test_nothing_a_person_types_breaks_the_search(self) -> None:
        for language in ("fi", "sv", "en"):
            for text in self.NASTY:
                # The check is that no text raises; what a search answers must still add up.
                page = search(text, language)
                assert isinstance(page, SearchPage), text
                assert len(page.hits) <= page.total, text
        # And the index is intact afterwards (the DROP TABLE among them).
        assert search("neuvola").total > 0

    def test_query_syntax_is_searched_as_words(self) -> None:
        assert "askola-lastenneuvola" in self.ranked(search('"neuvola" OR (kerho)', per_page=50))
        assert search("neuvola:*").total == search("neuvola").total


class FilterTests(DemoSearchTestCase):
    def _serves(self, service: Service, code: str) -> bool:
        if service.area_type == AreaType.NATIONWIDE:
            return True
        codes = {m.code for m in service.area_municipalities.all()}
        if service.area_type == AreaType.COUNTY:
            codes |= {m.code for m in service.organization.municipalities.all()}
        return code in codes

    def test_municipality_age_and_task_combine(self) -> None:
        page = search("", municipality=ASKOLA, age=3, task=7, per_page=100)
        assert page.total > 3
        assert page.total == len(page.hits)
        for hit in page.hits:
            service = hit.service
            assert self._serves(service, ASKOLA)
            assert service.minimum_age is None or service.minimum_age <= 3
            assert service.maximum_age is None or service.maximum_age >= 3
            tasks = {t.code for t in service.terms.all() if t.taxonomy.key == TASKS_KEY}
            assert "7" in tasks
        # County-wide and nationwide services are found with the municipality's own.
        found = set(self.ranked(page))
        assert "askola-lastenneuvola" in found
        assert "turku-neuvola" not in found

    def test_a_county_service_is_found_in_its_municipalities_only(self) -> None:
        assert "itauusimaa-lastenvalvoja" in self.ranked(
            search("lastenvalvoja", municipality="638")
        )
        assert "itauusimaa-lastenvalvoja" not in self.ranked(
            search("lastenvalvoja", municipality="853")
        )
        assert "varha-lastenvalvoja" in self.ranked(search("lastenvalvoja", municipality="853"))

    def test_channel_filters(self) -> None:
        for channel in ("chat", "phone", "remote", "eservice"):
            page = search("", channel=channel, per_page=100)
            assert page.total > 0, channel
            for hit in page.hits:
                kinds = set(
                    ContactChannel.objects.filter(service=hit.service).values_list(
                        "kind", flat=True
                    )
                ) | set(
                    ContactChannel.objects.filter(
                        service_at_location__service=hit.service
                    ).values_list("kind", flat=True)
                )
                assert channel in kinds, (channel, hit.service)
        visits = search("", channel="visit", per_page=100)
        for hit in visits.hits:
            assert any(
                sal.location.location_type == LocationType.PHYSICAL
                for sal in hit.service.at_locations.all()
            )
        assert "mll-vanhempainpuhelin" not in self.ranked(visits)
        assert "mll-vanhempainpuhelin" in self.ranked(search("", channel="chat", per_page=100))

    def test_open_now_reads_the_opening_hours(self) -> None:
        wednesday = dt.datetime(2026, 11, 25, 10, 0, tzinfo=FINNISH_TIME)
        sunday_night = dt.datetime(2026, 11, 29, 3, 0, tzinfo=FINNISH_TIME)
        with mock.patch("perhekeskus.finder.search.engine.timezone.now", return_value=wednesday):
            open_wednesday = search("neuvola", open_now=True, per_page=100)
        with mock.patch("perhekeskus.finder.search.engine.timezone.now", return_value=sunday_night):
            open_sunday = search("neuvola", open_now=True, per_page=100)
        assert "askola-lastenneuvola" in self.ranked(open_wednesday)
        assert "askola-lastenneuvola" not in self.ranked(open_sunday)
        assert open_sunday.total < open_wednesday.total
        ids = {hit.service.pk for hit in open_wednesday.hits}
        assert services_open_at(ids, wednesday) == ids

    def test_near_sorts_by_distance_and_tells_it(self) -> None:
        page = search("neuvola", near=ASKOLA_CLINIC, per_page=50)
        assert self.ranked(page)[0] in {"askola-lastenneuvola", "askola-aitiysneuvola"}
        # Distance orders the services within a relevance band (at least half the best score):
        # a service that barely matches does not come first for being next door.
        best = max(hit.score for hit in page.hits)
        band = [hit for hit in page.hits if hit.score >= best / 2]
        assert page.hits[: len(band)] == band
        distances = [hit.distance_km for hit in band if hit.distance_km is not None]
        assert distances == sorted(distances)
        assert distances[0] < 1.0
        porvoo = next(h for h in page.hits if self.keys[h.service.pk] == "porvoo-neuvola")
        place = porvoo.service.at_locations.all()[0].location
        expected = haversine_km(ASKOLA_CLINIC, (float(place.latitude), float(place.longitude)))
        assert porvoo.distance_km == round(expected, 3)
        # Helsinki to Turku is about 150 km as the crow flies.
        assert 145 < haversine_km((60.1699, 24.9384), (60.4518, 22.2666)) < 155
        # Services without a place come after those with one (in their band).
        seen_none = False
        for hit in band:
            if hit.distance_km is None:
                seen_none = True
            else:
                assert not seen_none

    def test_organisation_classification_and_modification_filters(self) -> None:
        organization = Organization.objects.get(name_fi__startswith="Itä-Uudenmaan")
        page = search("", organization_id=organization.pk, per_page=100)
        assert page.total > 3
        assert all(hit.service.organization_id == organization.pk for hit in page.hits)
        separation = search("", taxonomy_term_id=task_term_id(3), per_page=100)
        assert set(self.ranked(separation)) >= LASTENVALVOJAT
        assert separation.total == search("", task=3).total
        later = timezone.now() + dt.timedelta(hours=1)
        assert search("", modified_after=later).total == 0
        assert search("neuvola", modified_after=later).total == 0
        earlier = timezone.now() - dt.timedelta(days=1)
        assert search("", modified_after=earlier).total == search("").total

    def test_facets_count_all_matches_and_agree_with_the_filters(self) -> None:
        page = search("perhe")
        assert page.total > 20
        for task, count in page.facets["task"].items():
            assert search("perhe", task=int(task)).total == count
        for channel, count in page.facets["channel"].items():
            assert search("perhe", channel=channel).total == count
        for code, count in page.facets["municipality"].items():
            assert search("perhe", municipality=code).total == count

    def test_browse_lists_every_match_by_name(self) -> None:
        page = search("", municipality=ASKOLA, per_page=100)
        expected = {s.pk for s in Service.objects.public() if self._serves(s, ASKOLA)}
        assert {hit.service.pk for hit in page.hits} == expected
        assert page.total == len(expected)
        names = [normalize(hit.service.name_fi) for hit in page.hits]
        assert names == sorted(names)
        assert all(hit.score == 0 for hit in page.hits)

    def test_only_public_services_are_found(self) -> None:
        pages = [
            search_services(query="", filters=SearchFilters(), language="fi", page=n, per_page=60)
            for n in (1, 2)
        ]
        found = {key for page in pages for key in self.ranked(page)}
        assert len(found) == pages[0].total == Service.objects.public().count()
        assert "askola-iltatoiminta" not in found  # a draft
        assert "porvoo-perhekahvila-kevatkumpu" not in self.ranked(search("Kevätkumpu"))  # inactive


class RankingTests(DemoSearchTestCase):
    def test_the_municipalitys_own_services_come_first(self) -> None:
        page = search("neuvola", municipality=ASKOLA)
        assert set(self.ranked(page)[:2]) == {"askola-lastenneuvola", "askola-aitiysneuvola"}

    def test_own_before_nationwide_when_the_texts_are_the_same(self) -> None:
        askola = Municipality.objects.get(code=ASKOLA)
        organization = OrganizationFactory.create()
        own = ServiceFactory.create(
            organization=organization, name="Sateenkaariperheiden ilta", description=""
        )
        own.area_municipalities.set([askola])
        national = ServiceFactory.create(
            organization=organization,
            name="Sateenkaariperheiden ilta",
            description="",
            area_type=AreaType.NATIONWIDE,
        )
        search_index_rebuild(service_ids=[own.pk, national.pk])
        page = search("sateenkaariperheiden ilta", municipality=ASKOLA)
        assert [h.service.pk for h in page.hits[:2]] == [own.pk, national.pk]

    def test_an_exact_name_comes_first(self) -> None:
        top = [hit.service.name_fi for hit in search("perheneuvola").hits[:3]]
        assert top == ["Perheneuvola"] * 3

    def test_the_name_weighs_more_than_the_description(self) -> None:
        organization = OrganizationFactory.create()
        in_name = ServiceFactory.create(
            organization=organization, name="Vyöhyketerapia", description="Hoitoa jaloille."
        )
        in_text = ServiceFactory.create(
            organization=organization,
            name="Hyvinvointipalvelut",
            description="Tarjoamme hierontaa ja vyöhyketerapiaa sekä muuta hoitoa.",
        )
        search_index_rebuild(service_ids=[in_name.pk, in_text.pk])
        page = search("vyöhyketerapia")
        assert [h.service.pk for h in page.hits[:2]] == [in_name.pk, in_text.pk]

    def test_paging_is_stable_and_complete(self) -> None:
        whole = search("perhe", per_page=100)
        pieces = [
            search_services(
                query="perhe", filters=SearchFilters(), language="fi", page=n, per_page=7
            )
            for n in range(1, whole.total_pages * 100 // 7 + 2)
        ]
        ids = [h.service.pk for p in pieces for h in p.hits]
        assert ids == [h.service.pk for h in whole.hits]


class ZeroResultTests(DemoSearchTestCase):
    # Unknown words are kept at once here (by default only once three addresses searched them).
    @override_settings(FINDER_UNMET_SEARCH_MIN_CLIENTS=1)
    def test_nothing_found_suggests_situations_and_is_counted_anonymously(self) -> None:
        page = search("qwzxyv blörp", municipality=ASKOLA)
        assert page.total == 0
        assert page.hits == []
        assert page.related, "zero results never end the road"
        search("Qwzxyv  BLÖRP!", municipality=ASKOLA)
        row = ZeroResultQuery.objects.get()
        assert (row.query, row.language, row.municipality_code, row.count) == (
            "qwzxyv blörp",
            "fi",
            ASKOLA,
            2,
        )
        assert row.date == timezone.localdate()
        # Nothing about the person: no address, user, session or time of day.
        assert {f.name for f in ZeroResultQuery._meta.get_fields()} == {
            "id",
            "query",
            "language",
            "municipality_code",
            "date",
            "count",
        }

    def test_browsing_and_finding_record_nothing(self) -> None:
        search("neuvola")
        search("", municipality="751", task=4, channel="visit")
        assert not ZeroResultQuery.objects.exists()


class QueryCountTests(DemoSearchTestCase):
    def test_a_search_costs_a_fixed_number_of_queries(self) -> None:
        search("neuvola")  # warm the vocabulary and the thesaurus
        for text, filters in [
            ("neuvola", {}),
            ("olemme eroamassa", {"municipality": ASKOLA, "age": 4}),
            ("", {"municipality": ASKOLA, "channel": "phone"}),
        ]:
            with CaptureQueriesContext(connection) as queries:
                page = search(text, per_page=20, **filters)
                for hit in page.hits:  # what an HSDS list item shows comes with the page
                    hit.service.organization.name  # noqa: B018
            assert len(queries) <= 8, [q["sql"][:80] for q in queries.captured_queries]

    def test_the_caller_chooses_what_the_page_fetches(self) -> None:
        search("neuvola")

        def with_channels(ids: list[uuid.UUID]) -> dict[uuid.UUID, Service]:
            services = Service.objects.filter(pk__in=ids).prefetch_related("channels")
            return {s.pk: s for s in services}

        with CaptureQueriesContext(connection) as queries:
            page = search_services(
                query="neuvola", filters=SearchFilters(), language="fi", load=with_channels
            )
            for hit in page.hits:
                list(hit.service.channels.all())
        assert page.hits
        assert len(queries) <= 6, [q["sql"][:80] for q in queries.captured_queries]


class RelatedMunicipalityFixtureTests(TestCase):
    def test_searching_an_empty_index_answers(self) -> None:
        MunicipalityFactory.create(code="999")
        page = search("neuvola", municipality="999")
        assert page.total == 0
        assert search("").total == 0
        assert ChannelKind.CHAT  # the index is empty, not broken
