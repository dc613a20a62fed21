"""The API documentation runs only our own, pinned ReDoc under a Content-Security-Policy, links the
raw schema when scripts are off, and the schema at openapi.json is JSON (F-11, M13)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_api_docs_load_nothing_from_third_parties_and_have_a_csp() -> None:
    response = Client().get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    for source in sources:
        assert source.startswith("/"), source  # our own origin only
    assert "fonts.googleapis.com" not in html and "cdn.jsdelivr.net" not in html
    assert '/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"' in html
    assert "<script>" not in html  # no inline script: the CSP allows none
    csp = response["Content-Security-Policy"]
    assert "script-src 'self';" in csp
    assert "default-src 'self';" in csp
    assert "frame-ancestors 'none'" in csp


def test_api_docs_link_the_raw_schema_when_scripts_are_off() -> None:
    html = Client().get("/api/v1/docs/").content.decode()
    noscript = html.split("<noscript>", 1)[1].split("</noscript>", 1)[0]
    assert 'href="/api/v1/openapi.json"' in noscript


def test_redoc_bundle_is_served_by_the_app() -> None:
    response = Client().get("/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js")
    assert response.status_code == 200


def test_openapi_json_is_json() -> None:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json") or response[
        "Content-Type"
    ].startswith("application/json")
    assert response.json()["openapi"].startswith("3.")
