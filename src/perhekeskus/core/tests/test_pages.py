import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("sv-FI,sv;q=0.9", "/sv/"), ("en-GB,en;q=0.8", "/en/"), ("fi", "/fi/"), ("de", "/fi/")],
)
def test_root_redirects_by_accept_language(accept_language: str, expected: str) -> None:
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_home_page_is_served_in_each_language(lang: str) -> None:
    response = Client().get(f"/{lang}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert 'href="#main"' in html  # skip link
    assert '<main id="main"' in html


def test_home_page_texts_are_translated() -> None:
    fi = Client().get("/fi/").content.decode()
    sv = Client().get("/sv/").content.decode()
    en = Client().get("/en/").content.decode()
    assert "Hätätilanteessa soita 112." in fi
    assert "I nödsituationer ska du ringa 112." in sv
    assert "In an emergency, call 112." in en


def test_language_switcher_keeps_the_page_and_query() -> None:
    html = Client().get("/fi/accessibility/?x=1").content.decode()
    assert 'href="/sv/accessibility/?x=1"' in html
    assert 'href="/en/accessibility/?x=1"' in html
    assert 'hreflang="sv" lang="sv"' in html


def test_unknown_page_is_a_localised_404() -> None:
    response = Client().get("/sv/no-such-page/")
    assert response.status_code == 404
    assert '<html lang="sv">' in response.content.decode()


def test_health_check_answers_ok() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_pages_send_a_strict_content_security_policy() -> None:
    response = Client().get("/fi/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_api_root_describes_the_api() -> None:
    response = Client().get("/api/v1/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/api/v1/openapi.json")


def test_openapi_schema_is_served() -> None:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert b"openapi" in response.content


def test_dashboard_shows_each_role_only_its_tools(coordinator, professional) -> None:  # type: ignore[no-untyped-def]
    from perhekeskus.testing.clients import logged_in_client

    coordinator_page = logged_in_client(coordinator).get("/en/accounts/me/").content.decode()
    assert 'href="/en/pro/audit/"' in coordinator_page
    assert 'href="/en/accounts/users/"' in coordinator_page
    assert 'href="/en/pro/teams/"' in coordinator_page
    nurse_page = logged_in_client(professional).get("/en/accounts/me/").content.decode()
    assert 'href="/en/pro/audit/"' not in nurse_page
    assert 'href="/en/accounts/users/"' not in nurse_page
    assert 'href="/en/pro/help-requests/"' not in nurse_page
    assert 'href="/en/accounts/password/change/"' in nurse_page
