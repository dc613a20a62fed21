"""WCAG 1.4.10 Reflow: at 320 CSS pixels the home page, a service card and the map need no
sideways scrolling; the card's facts put their labels above the values (M6)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from perhekeskus.demo.catalog.helpers import service_id

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("committed_demo"),
]


@pytest.fixture
def narrow_page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def _page_width(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


# The innermost elements that reach past the right edge: what to fix when the test fails.
_OVERFLOWING = """() => {
  const over = e => e.getBoundingClientRect().right > 320.5
    || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible");
  return Array.from(document.querySelectorAll("body *"))
    .filter(e => over(e) && !Array.from(e.children).some(over))
    .slice(0, 5)
    .map(e => e.tagName + "." + e.className + ": " + (e.textContent || "").trim().slice(0, 50));
}"""


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_pages_reflow_at_320_pixels(live_server: Any, narrow_page: Any, lang: str) -> None:
    neuvola = service_id("porvoo-neuvola")
    helpline = service_id("thl-vakivallan-auttava-puhelin")
    too_wide = {}
    for path in (
        "",
        f"services/{neuvola}",
        f"services/{helpline}",
        "map",
        "accessibility/",
        "privacy/",
    ):
        narrow_page.goto(f"{live_server.url}/{lang}/{path}")
        width = _page_width(narrow_page)
        if width > 320:
            too_wide[path] = (width, narrow_page.evaluate(_OVERFLOWING))
    assert not too_wide, too_wide
    # The facts of the card: each label is above its value, not beside it.
    narrow_page.goto(f"{live_server.url}/{lang}/services/{neuvola}")
    label = narrow_page.locator("#for-whom dl.facts dt").first.bounding_box()
    value = narrow_page.locator("#for-whom dl.facts dd").first.bounding_box()
    assert value["y"] >= label["y"] + label["height"] - 1
    assert value["x"] == pytest.approx(label["x"], abs=1)
