"""On a phone, the map's popup of a meeting place lists today's events, as its box in the list
does (the demo's family café at MLL's Living Room is today)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from perhekeskus.core import happenings as core_happenings
from perhekeskus.demo import events as demo_events
from perhekeskus.demo.catalog.helpers import location_id
from perhekeskus.events import happenings

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("committed_demo"),
]


@pytest.fixture
def events_on_the_finder() -> Iterator[None]:
    with core_happenings.only({}):
        happenings.register()
        yield


@pytest.mark.usefixtures("events_on_the_finder")
def test_the_map_popup_lists_todays_events(live_server: Any, chromium: Any, settings: Any) -> None:
    settings.PERHEKESKUS_TILE_URL = "https://tile.example.invalid/{z}/{x}/{y}.png"
    settings.PERHEKESKUS_TILE_ORIGIN = "https://tile.example.invalid"
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.route(re.compile(r"^https://tile\.example\.invalid/"), lambda route: route.abort())
    title = demo_events.texts(demo_events.TODAY.titles)["fi"]
    try:
        place = location_id(demo_events.TODAY.place)
        page.goto(f"{live_server.url}/fi/map?place={place}#place-focus")
        page.wait_for_selector("#map[data-ready]")
        assert title in (page.locator("#place-focus").text_content() or "")
        popup = page.locator(".leaflet-popup-content")
        assert "Tänään tapahtuu:" in (popup.text_content() or "")
        link = popup.get_by_role("link", name=title)
        assert re.fullmatch(r"/fi/events/[0-9a-f-]{36}/", link.get_attribute("href") or "")
    finally:
        context.close()
