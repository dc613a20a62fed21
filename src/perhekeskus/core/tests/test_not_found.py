"""With DEBUG on, as in the demo, an unknown address gets the site's friendly 404 page in the
page's language, not Django's technical page that lists every URL pattern (m18)."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from perhekeskus.config.settings import dev

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True, MIDDLEWARE=dev.MIDDLEWARE)
@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/fi/no-such-page/", "Sivua ei löytynyt"),
        ("/sv/no-such-page/", "Sidan hittades inte"),
        ("/en/services/not-a-uuid", "Page not found"),
    ],
)
def test_demo_404_is_the_friendly_page(path: str, title: str) -> None:
    response = Client().get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert title in html
    assert "URLconf" not in html
    assert "api/v1/" not in html.replace('href="/api/v1/docs/"', "")


@override_settings(DEBUG=True, MIDDLEWARE=dev.MIDDLEWARE)
def test_demo_api_404_stays_json() -> None:
    response = Client().get("/api/v1/services/not-a-uuid")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
