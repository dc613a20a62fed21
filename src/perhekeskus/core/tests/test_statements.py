"""The accessibility statement has what the Act on the Provision of Digital Services (306/2019)
asks: its date and the date of the last assessment, the conformance status, the content that is
not accessible, a feedback channel and the supervisory authority, in fi, sv and en (M14). The
privacy page says what is true of the map and the API docs (M13)."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

STATUS = {
    "fi": "Palvelu täyttää saavutettavuusvaatimukset osittain.",
    "sv": "Tjänsten uppfyller tillgänglighetskraven delvis.",
    "en": "The service partially meets the accessibility requirements.",
}
AUTHORITY = {
    "fi": "Etelä-Suomen aluehallintovirasto",
    "sv": "Regionförvaltningsverket i Södra Finland",
    "en": "Regional State Administrative Agency for Southern Finland",
}
GAPS = {
    "fi": "Sisällöt, jotka eivät ole saavutettavia",
    "sv": "Innehåll som inte är tillgängligt",
    "en": "Content that is not accessible",
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@override_settings(
    PERHEKESKUS_ACCESSIBILITY_FEEDBACK_EMAIL="saavutettavuus@hyvinvointialue.example"
)
def test_accessibility_statement_has_what_the_law_requires(lang: str) -> None:
    response = Client().get(f"/{lang}/accessibility/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("4.12.2026") >= 2  # written, and last assessed
    assert STATUS[lang] in html
    assert GAPS[lang] in html
    assert html.count("<li><strong>") >= 3  # the known gaps, one by one
    assert (
        '<a href="mailto:saavutettavuus@hyvinvointialue.example">'
        "saavutettavuus@hyvinvointialue.example</a>"
    ) in html
    assert AUTHORITY[lang] in html
    assert 'href="https://www.saavutettavuusvaatimukset.fi"' in html
    assert '<a class="tel" href="tel:+358295016000">0295 016 000</a>' in html
    assert "306/2019" in html


def test_feedback_address_has_a_default() -> None:
    html = Client().get("/en/accessibility/").content.decode()
    assert 'href="mailto:saavutettavuus@perhekeskus.invalid"' in html


def test_privacy_page_does_not_claim_what_is_not_true() -> None:
    html = Client().get("/en/privacy/").content.decode()
    assert "load nothing from third parties" not in html
    assert "The map page fetches no map images from another server" in html
    assert "only the coordinates of the place" in html
    assert "The documentation of the open data API is served by this service too." in html
