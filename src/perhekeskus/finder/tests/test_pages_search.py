"""The results page with the real search engine on the demo network: what a family sees for a
search, a typo, a filter and nothing found; cards that agree with the filters; few queries."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from perhekeskus.catalog.models import Service
from perhekeskus.catalog.opening import FINNISH_TIME
from perhekeskus.catalog.taxonomies import task_term_id
from perhekeskus.testing.demo import DemoNetwork

pytestmark = pytest.mark.django_db

SERVICE_LINK = re.compile(r'<h3 id="result-[^"]+"><a href="/\w\w/services/([0-9a-f-]+)">')


@pytest.fixture(autouse=True)
def demo(demo_network: DemoNetwork) -> Iterator[None]:
    """The demo region (loaded once per process, testing/demo.py), as a demo installation."""
    with override_settings(PERHEKESKUS_DEMO=True):
        yield


def _main(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.parametrize(
    ("lang", "query"),
    [("fi", "neuvola"), ("sv", "rådgivning"), ("en", "child health clinic")],
)
def test_a_search_finds_services_in_each_language(lang: str, query: str) -> None:
    main = _main(f"/{lang}/search?q={query}")
    ids = SERVICE_LINK.findall(main)
    assert ids, f"nothing found for {query!r} in {lang}"
    assert Service.objects.public().filter(pk__in=ids).count() == len(set(ids))


def test_a_typo_is_corrected_and_the_page_says_so() -> None:
    main = _main("/fi/search?q=perhenuevola")
    corrected = main[main.index('<div class="did-you-mean">') :]
    assert "perhenuevola" in corrected[:300]
    assert "<strong>perheneuvola</strong>" in corrected[:300]
    assert SERVICE_LINK.findall(main)


def test_nothing_found_offers_situations_help_and_chat() -> None:
    main = _main("/en/search?q=qwzxyvvv&municipality=018")
    assert "No services found" in main
    assert 'href="/en/ask-for-help/"' in main
    assert 'href="/en/search?municipality=018&amp;channel=chat"' in main
    assert 'href="/en/search?q=qwzxyvvv"' in main  # without the municipality
    assert "Related life situations" in main
    # The chat link leads somewhere.
    assert SERVICE_LINK.findall(_main("/en/search?municipality=018&channel=chat"))


def test_a_task_filter_shows_only_services_of_that_task() -> None:
    main = _main("/fi/search?task=3")
    ids = set(SERVICE_LINK.findall(main))
    assert ids
    of_task = {
        str(pk)
        for pk in Service.objects.public()
        .filter(terms__id=task_term_id(3))
        .values_list("pk", flat=True)
    }
    assert ids <= of_task
    assert re.search(r'name="task" value="3" id="f-task-\d+" checked', main)


def test_open_now_cards_all_say_open_now(monkeypatch: pytest.MonkeyPatch) -> None:
    # A Wednesday at noon in Finland: many demo places are open, and not all.
    monkeypatch.setattr(
        timezone, "now", lambda: dt.datetime(2026, 11, 25, 12, 0, tzinfo=FINNISH_TIME)
    )
    main = _main("/en/search?open_now=1")
    cards = main.split('<li class="result">')[1:]
    assert cards
    for card in cards:
        assert 'class="opening is-open"' in card, card[:300]
    # The filter leaves out what is closed then.
    shown = re.compile(r"Showing \d+–\d+ of (\d+)")
    open_now = int(shown.findall(main)[0])
    assert 0 < open_now < int(shown.findall(_main("/en/search"))[0])


def test_near_sorts_by_distance_and_shows_it() -> None:
    main = _main("/en/search?q=neuvola&near=60.45,22.27")
    distances = [float(km) for km in re.findall(r"([\d.]+) km away", main)]
    assert distances
    # The clinics come nearest first; the weaker matches after them, again nearest first.
    clinics = distances[: distances.index(max(distances)) + 1]
    assert len(clinics) >= 5
    assert clinics == sorted(clinics)


def test_pages_of_a_browse(django_assert_max_num_queries: Any) -> None:
    main = _main("/en/search?page=2")
    assert "Showing 21–40 of" in main
    assert 'rel="prev"' in main and 'rel="next"' in main


@pytest.mark.parametrize(
    "url",
    [
        "/fi/search?q=neuvola",
        "/fi/search",
        "/en/search?q=ero&municipality=018&open_now=1&near=60.45,22.27",
        "/sv/search?q=qwzxyvvv",
    ],
)
def test_results_query_count_is_bounded(url: str, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(22):
        assert Client().get(url).status_code == 200
