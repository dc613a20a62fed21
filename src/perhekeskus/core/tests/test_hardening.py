"""The application's own defences around every request: language links that stay on the site,
no-store on private answers, a body-size cap (chunked bodies too), JSON errors under /api/ with
the 403/404 answers in the schema, refusals logged without tracebacks, and deploy checks that
refuse unsafe production settings."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from pathlib import Path
from typing import Any

import pytest
from django.core.checks import Error
from django.core.exceptions import PermissionDenied
from django.test import Client, override_settings
from django.urls import path

from perhekeskus.config import urls as site_urls
from perhekeskus.core import security_checks
from perhekeskus.core.bodylimit import BodySizeLimit
from perhekeskus.core.tests.test_settings import FERNET_KEY, PRODUCTION, run_perhekeskus
from perhekeskus.testing.clients import logged_in_client

pytestmark = pytest.mark.django_db


# --- F-17: the language switcher ----------------------------------------------------------------


@pytest.mark.parametrize(
    "raw_path",
    ["//evil.example/fi/", "/%2F%2Fevil.example", "/fi//evil.example/", "/\\evil.example"],
)
def test_language_links_never_leave_the_site(raw_path: str) -> None:
    response = Client().get(raw_path, follow=True)
    html = response.content.decode()
    assert "evil.example" not in html
    assert 'href="//' not in html


def test_a_protocol_relative_raw_path_is_not_reflected() -> None:
    # What `curl --path-as-is http://host//evil.example/fi/` sends: the raw path itself.
    response = Client().get("/", PATH_INFO="//evil.example/fi/")
    html = response.content.decode()
    assert "evil.example" not in html
    assert 'href="/sv/"' in html


def test_language_links_on_a_404_go_to_the_languages_home() -> None:
    html = Client().get("/fi/no-such-page/").content.decode()
    assert (
        'href="/sv/" hreflang="sv"' in html
        or '<link rel="alternate" hreflang="sv" href="/sv/">' in html
    )


def test_language_links_keep_a_resolved_page_with_its_arguments(professional: Any) -> None:
    html = Client().get("/fi/accessibility/?x=1").content.decode()
    assert 'href="/en/accessibility/?x=1"' in html
    coordinator_page = logged_in_client(professional).get("/fi/accounts/me/").content.decode()
    assert 'href="/sv/accounts/me/"' in coordinator_page


# --- F-20: no-store ------------------------------------------------------------------------------


def _no_store(response: Any) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_private_answers_are_not_stored(coordinator: Any) -> None:
    client = logged_in_client(coordinator)
    for url in ("/fi/pro/audit/", "/fi/accounts/me/", "/fi/pro/help-requests/"):
        assert _no_store(client.get(url)), url
    assert _no_store(client.get("/api/v1/audit-entries"))
    assert _no_store(client.get("/api/v1/audit-entries/999999"))
    assert _no_store(Client().get("/api/v1/help-requests/NOPE-NOPE-NOPE"))
    assert _no_store(Client().get("/fi/ask-for-help/status/"))
    assert _no_store(Client().get("/fi/accounts/login/"))
    # Any page a logged-in professional sees names them in its header.
    assert _no_store(client.get("/fi/accessibility/"))


def test_public_pages_stay_cacheable_for_anonymous_visitors() -> None:
    response = Client().get("/fi/accessibility/")
    assert not _no_store(response)


# --- F-23: the body-size cap ---------------------------------------------------------------------


@override_settings(PERHEKESKUS_MAX_REQUEST_BODY_BYTES=1000)
def test_a_declared_large_body_is_refused_unread() -> None:
    response = Client().post(
        "/api/v1/help-requests", data=b"x" * 2000, content_type="application/json"
    )
    assert response.status_code == 413
    assert response.json() == {"detail": "Request body too large."}
    page = Client().post("/fi/ask-for-help/", data=b"x" * 2000, content_type="text/plain")
    assert page.status_code == 413


def _run_asgi(
    app: Any, *, headers: list[tuple[bytes, bytes]], chunks: int, size: int
) -> dict[str, Any]:
    """Send `chunks` body messages of `size` bytes; report what was read and answered."""
    state: dict[str, Any] = {"read": 0, "sent": []}
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/v1/help-requests",
        "raw_path": b"/api/v1/help-requests",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    remaining = chunks

    async def receive() -> dict[str, Any]:
        nonlocal remaining
        if remaining == 0:
            await asyncio.sleep(3600)  # the client has sent everything; it just waits
        remaining -= 1
        state["read"] += size
        return {"type": "http.request", "body": b"x" * size, "more_body": remaining > 0}

    async def send(message: dict[str, Any]) -> None:
        state["sent"].append(message)

    asyncio.run(asyncio.wait_for(app(scope, receive, send), timeout=30))
    return state


class _Recorder:
    """Stands for Django's handler: reads the whole body as Django does, then answers 400."""

    def __init__(self) -> None:
        self.body = b""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            self.body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 400, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})


@override_settings(PERHEKESKUS_MAX_REQUEST_BODY_BYTES=100_000)
def test_a_chunked_body_is_cut_off_at_the_limit() -> None:
    inner = _Recorder()
    state = _run_asgi(
        BodySizeLimit(inner), headers=[(b"transfer-encoding", b"chunked")], chunks=1600, size=65536
    )
    assert state["sent"][0]["status"] == 413
    assert json.loads(state["sent"][1]["body"]) == {"detail": "Request body too large."}
    assert len(state["sent"]) == 2  # the application answers nothing after the refusal
    assert state["read"] <= 100_000 + 65536  # at most the limit and one chunk, never 100 MB


@override_settings(PERHEKESKUS_MAX_REQUEST_BODY_BYTES=100_000)
def test_a_declared_large_body_is_refused_at_the_asgi_level_without_reading() -> None:
    inner = _Recorder()
    state = _run_asgi(
        BodySizeLimit(inner), headers=[(b"content-length", b"104857600")], chunks=1600, size=65536
    )
    assert state["sent"][0]["status"] == 413
    assert state["read"] == 0


@override_settings(PERHEKESKUS_MAX_REQUEST_BODY_BYTES=100_000)
def test_a_body_within_the_limit_reaches_the_application() -> None:
    inner = _Recorder()
    state = _run_asgi(BodySizeLimit(inner), headers=[], chunks=2, size=1000)
    assert state["sent"][0]["status"] == 400
    assert inner.body == b"x" * 2000


# --- Every API error is JSON; the schema documents 403 and 404 ----------------------------------


def _boom(request: Any) -> Any:
    raise RuntimeError("a bug")


# The site's own URLs and error handlers, with one view that fails.
urlpatterns = [path("api/v1/boom", _boom), *site_urls.urlpatterns]
handler500 = site_urls.handler500


def test_api_errors_are_json_even_from_django_itself(settings: Any) -> None:
    unknown = Client().get("/api/v1/no-such-endpoint")
    assert unknown.status_code == 404
    assert unknown["Content-Type"] == "application/json"
    assert unknown.json() == {"detail": "Not found."}
    page = Client().get("/fi/no-such-page/")
    assert page["Content-Type"].startswith("text/html")


@override_settings(ROOT_URLCONF="perhekeskus.core.tests.test_hardening")
def test_an_api_500_is_json() -> None:
    response = Client(raise_request_exception=False).get("/api/v1/boom")
    assert response.status_code == 500
    assert response.json() == {"detail": "Server error."}


def test_the_schema_documents_403_and_404_per_operation() -> None:
    schema = Client().get("/api/v1/openapi.json", HTTP_ACCEPT="application/json").json()
    paths = schema["paths"]
    audit_list = paths["/api/v1/audit-entries"]["get"]["responses"]
    audit_detail = paths["/api/v1/audit-entries/{id}"]["get"]["responses"]
    assert {"403", "404"} <= set(audit_list) and {"403", "404"} <= set(audit_detail)
    assert "$ref" in audit_detail["403"]["content"]["application/json"]["schema"]
    status = paths["/api/v1/help-requests/{tracking_code}"]["get"]["responses"]
    assert "404" in status and "403" not in status
    service = paths["/api/v1/services/{id}"]["get"]["responses"]
    assert "404" in service and "403" not in service
    assert "401" not in json.dumps(paths)
    assert "ErrorDetail" in schema["components"]["schemas"]


# --- F-22: refusals are logged as such, without a traceback ------------------------------------


def test_a_refusal_is_one_line_with_the_user_and_no_traceback(
    professional: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = logged_in_client(professional)
    with caplog.at_level(logging.WARNING):
        assert client.get("/fi/accounts/users/").status_code == 403
    denied = [r for r in caplog.records if r.name == "perhekeskus.access"]
    assert len(denied) == 1
    assert denied[0].getMessage() == (
        f"Access denied: user {professional.pk}, GET /fi/accounts/users/, answered 403"
    )
    request_lines = [r for r in caplog.records if r.name == "django.request"]
    assert request_lines and all(r.exc_info is None for r in request_lines)
    assert professional.email not in caplog.text


def test_anonymous_refusals_are_not_logged_as_a_users(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        Client().get("/api/v1/audit-entries")
    assert not [r for r in caplog.records if r.name == "perhekeskus.access"]


def test_an_api_refusal_of_a_logged_in_user_is_logged(
    professional: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = logged_in_client(professional)
    with caplog.at_level(logging.WARNING):
        assert client.get("/api/v1/audit-entries").status_code == 403
    assert any(
        r.name == "perhekeskus.access" and f"user {professional.pk}," in r.getMessage()
        for r in caplog.records
    )


def test_the_filter_keeps_tracebacks_of_server_errors() -> None:
    from perhekeskus.core.logging import NoTracebackForClientErrors

    def record(status: int) -> logging.LogRecord:
        try:
            raise PermissionDenied
        except PermissionDenied:
            import sys

            item = logging.LogRecord("django.request", 30, "", 0, "x", (), sys.exc_info())
        item.status_code = status
        return item

    client_error, server_error = record(403), record(500)
    NoTracebackForClientErrors().filter(client_error)
    NoTracebackForClientErrors().filter(server_error)
    assert client_error.exc_info is None
    assert server_error.exc_info is not None


# --- F-21: deploy checks ---------------------------------------------------------------------


def _ids(messages: list[Any]) -> set[str]:
    return {m.id for m in messages if isinstance(m, Error)}


def test_deploy_checks_pass_a_safe_production_configuration() -> None:
    with override_settings(
        PERHEKESKUS_FIELD_ENCRYPTION_KEYS=[FERNET_KEY],
        ALLOWED_HOSTS=["perhekeskus.example.fi"],
        PERHEKESKUS_REQUIRE_2FA=True,
        PERHEKESKUS_RATE_LIMITS=True,
    ):
        assert security_checks.check_encryption_keys() == []
        assert security_checks.check_allowed_hosts() == []
        assert security_checks.check_two_factor_required() == []
        assert security_checks.check_rate_limits_on() == []


@pytest.mark.parametrize(
    ("overrides", "check", "error_id"),
    [
        ({"PERHEKESKUS_FIELD_ENCRYPTION_KEYS": ["notakey"]}, "check_encryption_keys", "E101"),
        (
            {"PERHEKESKUS_FIELD_ENCRYPTION_KEYS": [FERNET_KEY, "x" * 44]},
            "check_encryption_keys",
            "E101",
        ),
        ({"PERHEKESKUS_FIELD_ENCRYPTION_KEYS": []}, "check_encryption_keys", "E101"),
        ({"ALLOWED_HOSTS": ["*"]}, "check_allowed_hosts", "E102"),
        ({"PERHEKESKUS_REQUIRE_2FA": False}, "check_two_factor_required", "E103"),
        ({"PERHEKESKUS_RATE_LIMITS": False}, "check_rate_limits_on", "E104"),
        ({"PERHEKESKUS_HELP_REQUEST_RATE_LIMIT": "off"}, "check_rate_limits_on", "E104"),
        ({"PERHEKESKUS_PASSWORD_RESET_RATE_LIMIT": "OFF"}, "check_rate_limits_on", "E104"),
    ],
)
def test_deploy_checks_refuse_unsafe_settings(
    overrides: dict[str, Any], check: str, error_id: str
) -> None:
    with override_settings(**overrides):
        assert _ids(getattr(security_checks, check)()) == {f"perhekeskus.{error_id}"}


def test_check_deploy_fails_on_a_malformed_encryption_key(tmp_path: Path) -> None:
    env = {
        "DJANGO_SETTINGS_MODULE": PRODUCTION,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "perhekeskus.example.fi",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "FIELD_ENCRYPTION_KEYS": "notakey",
    }
    result = run_perhekeskus("check", "--deploy", env=env, cwd=tmp_path)
    assert result.returncode != 0
    assert "perhekeskus.E101" in result.stderr + result.stdout
