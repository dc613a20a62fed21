"""On a phone, "Show on the map" on a service card lands on the place, with the map in view and
centred on it (M10)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from perhekeskus.demo.catalog.helpers import service_id

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("committed_demo"),
]


def test_show_on_the_map_shows_the_map_at_the_place_on_a_phone(
    live_server: Any, chromium: Any, settings: Any
) -> None:
    settings.PERHEKESKUS_TILE_URL = "https://tile.example.invalid/{z}/{x}/{y}.png"
    settings.PERHEKESKUS_TILE_ORIGIN = "https://tile.example.invalid"
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.route(re.compile(r"^https://tile\.example\.invalid/"), lambda route: route.abort())
    try:
        page.goto(f"{live_server.url}/fi/services/{service_id('porvoo-neuvola')}")
        page.get_by_role("link", name=re.compile("Näytä kartalla")).first.click()
        page.wait_for_selector("#map[data-ready]")
        assert page.url.endswith("#place-focus")
        focus = page.locator("#place-focus")
        assert "Porvoon perhekeskus" in (focus.text_content() or "")
        # The map is on the screen, not thousands of pixels below.
        box = page.locator("#map").bounding_box()
        assert box is not None
        assert box["y"] < 844 - 150
        # Centred on the place: its popup is open.
        assert "Porvoon perhekeskus" in (
            page.locator(".leaflet-popup-content").text_content() or ""
        )
        assert focus.get_by_role("link", name=re.compile("OpenStreetMap")).count() == 1
    finally:
        context.close()
