"""The finder's public pages in a real browser, on the demo network with the real search engine:
axe-core finds no serious or critical violation in any language; the results filter by a plain
form submit without JavaScript and by keyboard; the map's list works without JavaScript and the
map starts with it, under our Content-Security-Policy; and no page weighs more than 150 kB
before map tiles, as a phone would load it from a production server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.test import override_settings

from perhekeskus.catalog.models import Location, Service
from perhekeskus.testing.browser import axe_violations, describe
from perhekeskus.testing.demo import CommittedDemo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["fi", "sv", "en"]
TILES = re.compile(r"^https?://[^/]*tile")
PAGE_BUDGET = 150 * 1024


@pytest.fixture
def demo(committed_demo: CommittedDemo) -> None:
    """The demo as committed rows, for the live server's threads (loaded once per process)."""


@pytest.fixture(autouse=True)
def tile_server(settings: Any) -> None:
    # The map is drawn only when the county configures a tile server (none by default).
    settings.PERHEKESKUS_TILE_URL = "https://tile.example.invalid/{z}/{x}/{y}.png"
    settings.PERHEKESKUS_TILE_ORIGIN = "https://tile.example.invalid"


def _no_tiles(page: Any) -> None:
    # A closed network would only make the tile requests wait; they are not under test here.
    page.route(TILES, lambda route: route.abort())


def _rich_service() -> Service:
    """The demo service with the most places and channels: the longest card."""
    return max(
        Service.objects.public(),
        key=lambda s: s.at_locations.count() * 10 + s.channels.count(),
    )


def _finder_pages() -> list[str]:
    service = _rich_service()
    return [
        "",
        f"services/{service.pk}",
        f"organizations/{service.organization_id}",
        "map",
        "map?meeting_places=1&postal_code=20100",
        "map?near=garbage",
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_finder_pages_pass_axe(live_server: Any, page: Any, demo: None, lang: str) -> None:
    _no_tiles(page)
    failures = []
    for path in _finder_pages():
        page.goto(f"{live_server.url}/{lang}/{path}")
        assert page.locator("html").get_attribute("lang") == lang
        if path.startswith("map"):
            page.wait_for_selector("#map[data-ready]")
        violations = axe_violations(page)
        if violations:
            failures.append(f"/{lang}/{path}\n{describe(violations)}")
    assert not failures, "\n\n".join(failures)


def test_service_card_with_its_hours_open_passes_axe(
    live_server: Any, page: Any, demo: None
) -> None:
    service = _rich_service()
    page.goto(f"{live_server.url}/sv/services/{service.pk}")
    for summary in page.locator("details summary").all():
        summary.click()
    assert not axe_violations(page)


def test_map_list_and_filters_work_without_javascript(
    live_server: Any, page_without_javascript: Any, demo: None
) -> None:
    page = page_without_javascript
    page.goto(f"{live_server.url}/fi/map")
    assert not page.locator("#map-section").is_visible()
    assert not page.locator("[data-near-me]").is_visible()
    every = page.locator(".place-item").count()
    assert every >= 23
    page.check("#id_meeting_places")
    page.fill("#id_postal_code", "20100")
    page.press("#id_postal_code", "Enter")
    page.wait_for_url("**/fi/map?*meeting_places=1*")
    meeting = page.locator(".place-item")
    assert meeting.count() == Location.objects.filter(is_meeting_place=True).count()
    assert "Turku" in (meeting.first.locator(".address").text_content() or "")


def test_map_starts_with_javascript_under_the_content_security_policy(
    live_server: Any, chromium: Any, demo: None
) -> None:
    # Not the `page` fixture: that one bypasses the CSP for axe. Here the policy holds.
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    _no_tiles(page)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    place = Location.objects.filter(is_meeting_place=True).first()
    assert place is not None
    try:
        page.goto(f"{live_server.url}/en/map?place={place.pk}")
        page.wait_for_selector("#map[data-ready]")
        assert page.locator("#map-section").is_visible()
        markers = page.locator(".leaflet-marker-icon")
        assert markers.count() == page.locator(".place-item").count()
        # The focused place's popup is open, and leads to its entry in the list.
        popup = page.locator(".leaflet-popup-content")
        assert place.name_en in (popup.text_content() or "")
        popup.locator("a").click()
        assert page.evaluate("document.activeElement.id") == f"place-{place.pk}"
        # Markers are reachable by keyboard and open their popup with Enter.
        markers.nth(1).focus()
        page.keyboard.press("Enter")
        page.wait_for_selector(".leaflet-popup-content")
        assert page.locator("[data-near-me]").is_visible()
    finally:
        context.close()
    csp_errors = [e for e in errors if "Content Security Policy" in e or "Refused" in e]
    assert not csp_errors, csp_errors


def test_near_me_button_sorts_the_map_list_by_the_browsers_location(
    live_server: Any, chromium: Any, demo: None
) -> None:
    context = chromium.new_context(
        geolocation={"latitude": 68.659, "longitude": 27.54},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    _no_tiles(page)
    try:
        page.goto(f"{live_server.url}/en/map")
        page.click("[data-near-me-button]")
        page.wait_for_url("**/en/map?*near=68.659*")
        first = page.locator(".place-item .address").first.text_content() or ""
        assert "Ivalo" in first
        assert "km away" in first
    finally:
        context.close()


# --- results ---------------------------------------------------------------------------------

RESULT_PAGES = [
    "search?q=neuvola",
    "search?q=neuvola&page=2",
    "search?task=3&municipality=018",
    "search?q=qwzxyvvv",  # nothing found: the other ways forward
    "search?q=perhenuevola",  # a typo
    "search?age=abc&task=99&near=garbage",  # notes for what could not be read
    "search?q=haluan+kuolla",  # a crisis: the urgent numbers and the quick exit first
    "search?q=lapsen+puheen+kehitys",  # every word first, then the broader matches
    "search?q=neuvola+Porvoossa&age=expecting&language=fi",  # a place, expecting, a language
]


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_results_pages_pass_axe(live_server: Any, page: Any, demo: None, lang: str) -> None:
    failures = []
    for path in RESULT_PAGES:
        page.goto(f"{live_server.url}/{lang}/{path}")
        assert page.locator("html").get_attribute("lang") == lang
        # The filter panel open, as on a wide screen or after a tap.
        page.evaluate("document.querySelector('[data-facets]').open = true")
        violations = axe_violations(page)
        if violations:
            failures.append(f"/{lang}/{path}\n{describe(violations)}")
    assert not failures, "\n\n".join(failures)


def test_results_filter_by_form_submit_without_javascript(
    live_server: Any, page_without_javascript: Any, demo: None
) -> None:
    page = page_without_javascript
    page.goto(f"{live_server.url}/fi/")
    page.fill("#id_q", "neuvola")
    page.select_option("#id_municipality", "018")
    page.press("#id_q", "Enter")
    page.wait_for_url("**/fi/search?*q=neuvola*")
    assert _query(page.url)["municipality"] == ["018"]
    before = page.locator(".result").count()
    assert before > 0
    page.click("[data-facets] summary")
    page.locator("fieldset.facet").first.locator("input[type=radio]").nth(1).check()
    page.locator("[data-facets] button[type=submit]").click()
    page.wait_for_url("**task=*")
    query = _query(page.url)
    assert query["q"] == ["neuvola"] and query["municipality"] == ["018"]
    assert query["task"]
    chips = page.locator(".active-filters a.chip")
    assert chips.count() == 2  # the municipality and the task
    # Removing a filter is a plain link.
    chips.first.click()
    page.wait_for_load_state()
    assert "municipality" not in _query(page.url)
    assert _query(page.url)["task"] == query["task"]


def test_results_work_by_keyboard(live_server: Any, page: Any, demo: None) -> None:
    page.goto(f"{live_server.url}/en/search?q=neuvola")
    page.focus("[data-facets] summary")
    if page.locator("[data-facets]").get_attribute("open") is None:
        page.keyboard.press("Enter")
    # Tab to the first task choice, move to the next with an arrow key, on to "Apply filters".
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "task":
            break
    assert page.evaluate("document.activeElement.name") == "task"
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("document.activeElement.value")
    assert chosen
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(
            "document.activeElement.type === 'submit' && "
            "document.activeElement.closest('[data-facets]') !== null"
        ):
            break
    page.keyboard.press("Enter")
    page.wait_for_url(f"**task={chosen}*")
    # The first result is reachable and opens by keyboard.
    first = page.locator(".result h3 a").first
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/services/*")


def test_search_forms_leave_empty_fields_out_of_the_address(
    live_server: Any, page: Any, demo: None
) -> None:
    page.goto(f"{live_server.url}/fi/")
    page.fill("#id_q", "neuvola")
    page.press("#id_q", "Enter")
    page.wait_for_url("**/fi/search?q=neuvola")
    page.locator("[data-facets]").evaluate("details => details.open = true")
    page.check("#id_open_now")
    page.locator("[data-facets] button[type=submit]").click()
    page.wait_for_url("**/fi/search?q=neuvola&open_now=1")


# --- page weight --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def production_static(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Static files as production serves them: collected, hashed and compressed by WhiteNoise."""
    root = tmp_path_factory.mktemp("static")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    yield root


@pytest.fixture
def production_server(production_static: Path, demo: None) -> Iterator[str]:
    """A live server whose static files come from WhiteNoise, not from Django's test handler, so
    that the browser receives what a phone would: hashed names and compressed bodies."""
    from django.db import connections
    from django.test.testcases import LiveServerThread

    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(
        STATIC_ROOT=production_static,
        STORAGES=storages,
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
        ALLOWED_HOSTS=["localhost", "127.0.0.1"],
    ):
        shared = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in shared.values():
            conn.inc_thread_sharing()
        thread = LiveServerThread(
            "localhost", static_handler=lambda app: app, connections_override=shared
        )
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        try:
            yield f"http://localhost:{thread.port}"
        finally:
            thread.terminate()
            for conn in shared.values():
                conn.dec_thread_sharing()


def page_weight(chromium: Any, url: str, *, wait_for: str | None = None) -> dict[str, int]:
    """Bytes on the wire (headers and encoded bodies) of everything a first visit loads, map
    tiles left out; by address."""
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    _no_tiles(page)
    sizes: dict[str, int] = {}

    def finished(request: Any) -> None:
        if TILES.match(request.url):
            return
        size = request.sizes()
        sizes[request.url] = size["responseBodySize"] + size["responseHeadersSize"]

    page.on("requestfinished", finished)
    try:
        page.goto(url, wait_until="networkidle")
        if wait_for:
            page.wait_for_selector(wait_for)
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return sizes


def test_no_finder_page_weighs_over_150_kb_before_map_tiles(
    production_server: str, chromium: Any
) -> None:
    require_weights = {
        "home": ("/fi/", None),
        "results": ("/fi/search?q=neuvola", None),
        "service card": (f"/fi/services/{_rich_service().pk}", None),
        "map": ("/fi/map", "#map[data-ready]"),
    }
    report = []
    over = []
    for name, (path, wait_for) in require_weights.items():
        sizes = page_weight(chromium, production_server + path, wait_for=wait_for)
        total = sum(sizes.values())
        report.append(f"{name}: {total / 1024:.1f} kB in {len(sizes)} responses")
        assert len(sizes) >= 3, sizes  # the page and its two style sheets at least
        if total > PAGE_BUDGET:
            over.append(f"{name} {path}: {total} bytes {sizes}")
    print("\n".join(report))
    assert not over, "\n".join(over)
