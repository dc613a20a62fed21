"""The results page around the search engine's contract (`finder.search.types`): what it asks the
engine for, and how it shows what comes back. A stand-in engine answers here, so that these tests
pin the page and not the ranking; `test_pages_search.py` runs the real engine on the demo."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.utils import translation

from perhekeskus.catalog.models import ChannelKind, ContactChannel, Municipality, Service
from perhekeskus.finder.search.types import (
    RelatedSituation,
    SearchFilters,
    SearchHit,
    SearchPage,
)
from perhekeskus.finder.views import results
from perhekeskus.testing.factories import MunicipalityFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@dataclass
class FakeEngine:
    """Answers every search with `services` (paged) and what the test sets; records the calls."""

    services: list[Service] = field(default_factory=list)
    suggestion: str | None = None
    corrected: bool = False
    related: list[RelatedSituation] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    distance_km: float | None = None
    calls: list[dict[str, Any]] = field(default_factory=list)

    def search_services(
        self,
        *,
        query: str,
        filters: SearchFilters,
        language: str,
        page: int = 1,
        per_page: int = 20,
    ) -> SearchPage:
        self.calls.append({"query": query, "filters": filters, "language": language, "page": page})
        start = (page - 1) * per_page
        hits = [
            SearchHit(service=s, score=1.0, distance_km=self.distance_km)
            for s in self.services[start : start + per_page]
        ]
        return SearchPage(
            query=query,
            hits=hits,
            total=len(self.services),
            page=page,
            per_page=per_page,
            suggestion=self.suggestion,
            corrected=self.corrected,
            related=self.related,
            facets=self.facets,
        )


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    fake = FakeEngine()
    monkeypatch.setattr(results, "search_services", fake.search_services)
    return fake


@pytest.fixture(autouse=True)
def _finnish_first() -> Iterator[None]:
    # A model's untranslated field (name=…) is written in the active language: Finnish here.
    with translation.override("fi"):
        yield


@pytest.fixture
def askola() -> Municipality:
    return MunicipalityFactory(code="018", name="Askola")


@pytest.fixture
def services(askola: Municipality) -> list[Service]:
    found = []
    for n in range(3):
        service = ServiceFactory(
            name=f"Neuvola {n}", name_sv=f"Rådgivning {n}", name_en=f"Clinic {n}"
        )
        service.area_municipalities.add(askola)
        found.append(service)
    ContactChannel.objects.create(service=found[0], kind=ChannelKind.CHAT, value="https://x.fi")
    ContactChannel.objects.create(service=found[0], kind=ChannelKind.PHONE, value="09 123 456")
    return found


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def _get(url: str) -> tuple[int, str]:
    response = Client().get(url)
    return response.status_code, _main(response.content.decode())


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_results_page_in_each_language(
    lang: str, engine: FakeEngine, services: list[Service]
) -> None:
    engine.services = services
    response = Client().get(f"/{lang}/search?q=neuvola")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert engine.calls[-1]["language"] == lang
    name = {"fi": "Neuvola 0", "sv": "Rådgivning 0", "en": "Clinic 0"}[lang]
    assert f'<a href="/{lang}/services/{services[0].pk}">{name}</a>' in html
    assert 'value="neuvola"' in html


def test_every_filter_reaches_the_engine(
    engine: FakeEngine, services: list[Service], askola: Municipality
) -> None:
    status, _html = _get(
        "/fi/search?q=+perhe++neuvola+&municipality=018&age=3&task=7&channel=chat"
        "&open_now=1&near=60.45,22.27&page=1"
    )
    assert status == 200
    call = engine.calls[-1]
    assert call["query"] == "perhe neuvola"
    assert call["filters"] == SearchFilters(
        municipality="018", age=3, task=7, channel="chat", open_now=True, near=(60.45, 22.27)
    )
    assert call["page"] == 1


@pytest.mark.parametrize(
    ("query", "note", "dropped"),
    [
        ("age=abc", "is not an age we can search by", "age"),
        ("age=-1", "is not an age we can search by", "age"),
        ("age=300", "is not an age we can search by", "age"),
        ("task=99", "There is no task “99”", "task"),
        ("task=x", "There is no task", "task"),
        ("channel=fax", "is not a way to reach a service", "channel"),
        ("near=garbage", "We could not read the location", "near"),
        ("near=nan,nan", "We could not read the location", "near"),
        ("near=1,2,3", "We could not read the location", "near"),
        ("municipality=999", "We do not know the municipality", "municipality"),
        ("page=0", "There is no page", None),
        ("page=abc", "There is no page", None),
    ],
)
def test_parameters_that_do_not_parse_are_left_out_with_a_note(
    engine: FakeEngine, services: list[Service], query: str, note: str, dropped: str | None
) -> None:
    engine.services = services
    status, main = _get(f"/en/search?q=clinic&task=2&{query}")
    assert status == 200
    assert note in main
    call = engine.calls[-1]
    assert call["query"] == "clinic"
    if dropped:
        assert getattr(call["filters"], dropped) is None
    if dropped != "task":
        assert call["filters"].task == 2  # the rest still holds
    assert call["page"] == 1


def test_a_note_does_not_echo_a_long_value_or_markup(engine: FakeEngine) -> None:
    status, main = _get("/en/search?age=" + "<b>x</b>" * 20)
    assert status == 200
    assert "<b>x</b>" not in main
    assert "&lt;b&gt;x&lt;/b&gt;" in main
    assert "…" in main


def test_a_very_long_query_is_cut_not_refused(engine: FakeEngine) -> None:
    status, _main_html = _get("/fi/search?q=" + "sana%20" * 100)
    assert status == 200
    assert len(engine.calls[-1]["query"]) <= 200


def test_result_cards_show_provider_area_channels_and_distance(
    engine: FakeEngine, services: list[Service]
) -> None:
    engine.services = services
    engine.distance_km = 2.345
    _status, main = _get("/en/search?q=clinic&near=60.4,25.6")
    card = main[main.index(f'id="result-{services[0].pk}"') :]
    card = card[: card.index("</article>")]
    assert services[0].organization.name_en in card
    assert "Area: Askola" in card
    assert "Chat" in card and "Phone" in card
    assert 'href="/static/finder/icons.svg#chat"' in card
    assert "2.3 km away" in card


def test_facets_show_counts_and_hide_what_would_find_nothing(
    engine: FakeEngine, services: list[Service], askola: Municipality
) -> None:
    engine.services = services
    engine.facets = {
        "task": {"2": 3, "7": 1},
        "channel": {"chat": 1, "visit": 0},
        "municipality": {"018": 3},
    }
    _status, main = _get("/en/search?q=clinic&task=7")
    assert 'name="task" value="7" id="f-task-2" checked' in main
    assert 'Early support, care and rehabilitation <span class="count">(3)</span>' in main
    assert 'name="task" value="4"' not in main  # no count: would find nothing
    assert 'name="channel" value="chat"' in main
    assert 'name="channel" value="visit"' not in main
    assert 'Askola <span class="count">(3)</span>' in main
    assert 'name="task" value=""' in main  # "All tasks" undoes the choice


def test_active_filters_are_listed_and_each_can_be_removed(
    engine: FakeEngine, services: list[Service], askola: Municipality
) -> None:
    engine.services = services
    _status, main = _get("/en/search?q=clinic&municipality=018&task=3&open_now=1&age=4")
    assert "Municipality: Askola" in main
    assert "Task: Amicable separation and parenting after divorce" in main
    assert "Age of the child: 4 years" in main
    removals = {label: parse_qs(urlsplit(href).query) for href, label in _links(main, "chip")}
    municipality_removed = next(q for label, q in removals.items() if "Municipality" in label)
    assert "municipality" not in municipality_removed
    assert municipality_removed["task"] == ["3"]
    assert municipality_removed["q"] == ["clinic"]
    assert 'href="/en/search?q=clinic"' in main  # remove all filters, keep the words


def _links(html: str, css_class: str) -> list[tuple[str, str]]:
    import re

    return [
        (href.replace("&amp;", "&"), re.sub(r"<[^>]+>", "", text))
        for href, text in re.findall(
            rf'<a href="([^"]+)" class="{css_class}">(.*?)</a>', html, re.S
        )
    ]


def test_did_you_mean_links_to_the_corrected_search(
    engine: FakeEngine, services: list[Service]
) -> None:
    engine.services = services
    engine.suggestion = "perheneuvola"
    _status, main = _get("/fi/search?q=perhenuevola&task=6")
    assert '<a href="/fi/search?q=perheneuvola&amp;task=6">perheneuvola</a>' in main


def test_corrected_search_says_the_results_are_for_the_corrected_words(
    engine: FakeEngine, services: list[Service]
) -> None:
    engine.services = services
    engine.suggestion = "perheneuvola"
    engine.corrected = True
    _status, main = _get("/en/search?q=perhenuevola")
    assert "Nothing was found for “perhenuevola”" in main
    assert "<strong>perheneuvola</strong>" in main


def test_zero_results_never_end_the_road(engine: FakeEngine, services: list[Service]) -> None:
    engine.related = [RelatedSituation(key="ero", name="Separation", url_query="ero")]
    status, main = _get("/en/search?q=xyzzy&municipality=018&open_now=1")
    assert status == 200
    assert "No services found" in main
    assert 'href="/en/search?q=ero&amp;municipality=018"' in main  # a related situation
    assert 'href="/en/ask-for-help/"' in main
    assert 'href="/en/search?municipality=018&amp;channel=chat"' in main
    assert 'href="/en/search?q=xyzzy&amp;open_now=1"' in main  # without the municipality
    assert 'href="/en/search?q=xyzzy&amp;municipality=018"' in main  # without "open now"
    assert 'href="tel:112"' in main


def test_pages_link_to_each_other_and_keep_the_search(
    engine: FakeEngine, services: list[Service]
) -> None:
    engine.services = services * 15  # 45 hits, three pages
    _status, main = _get("/en/search?q=clinic&task=2&page=2")
    assert engine.calls[-1]["page"] == 2
    assert "Showing 21–40 of 45" in main
    assert 'href="/en/search?q=clinic&amp;task=2" rel="prev"' in main
    assert 'href="/en/search?q=clinic&amp;task=2&amp;page=3" rel="next"' in main
    assert 'aria-current="page">2</a>' in main
    assert '<ol class="results" start="21">' in main


def test_a_page_past_the_last_shows_the_last_page(
    engine: FakeEngine, services: list[Service]
) -> None:
    engine.services = services
    status, main = _get("/en/search?q=clinic&page=7")
    assert status == 200
    assert "There is no page 7; here is the last page." in main
    assert engine.calls[-1]["page"] == 1
    assert f"/en/services/{services[0].pk}" in main


@pytest.mark.usefixtures("demo_network")
def test_results_query_count_does_not_grow_with_the_page(
    engine: FakeEngine, django_assert_max_num_queries: Any
) -> None:
    # A stand-in that fetches nothing up front: the page fetches what its cards need.
    engine.services = list(Service.objects.public().order_by("name")[:20])
    with django_assert_max_num_queries(16):
        status, _main_html = _get("/fi/search?q=neuvola")
    assert status == 200
