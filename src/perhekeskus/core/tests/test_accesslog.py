"""Access and request logs that cannot tie a family to its request (F-03)."""

from __future__ import annotations

import logging
import logging.config
from typing import Any
from unittest import mock

import pytest

from perhekeskus.core.accesslog import PrivateAccessLogFilter, mask_path, uvicorn_log_config

CODE = "WHMB6-HM5NV-ESM1Q-XZZFY"


def access_record(client: str, path: str) -> logging.LogRecord:
    return logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        (client, "GET", path, "1.1", 200),
        None,
    )


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        (f"/fi/ask-for-help/sent/{CODE}/", "/fi/ask-for-help/sent/*/"),
        (f"/sv/ask-for-help/status/{CODE}/", "/sv/ask-for-help/status/*/"),
        (f"/en/ask-for-help/status/{CODE.lower().replace('-', '')}/", "/en/ask-for-help/status/*/"),
        ("/fi/ask-for-help/status/abcde-fghjk-mnpqr-stvwx/", "/fi/ask-for-help/status/*/"),
        (f"/api/v1/help-requests/{CODE}", "/api/v1/help-requests/*"),
        ("/fi/ask-for-help/status/withdraw/", "/fi/ask-for-help/status/withdraw/"),
        ("/fi/ask-for-help/", "/fi/ask-for-help/"),
        (
            "/fi/search?q=Matti+Meik%C3%A4l%C3%A4inen+040+1234567+hetu+010190-123A&page=2",
            "/fi/search?q=*&page=*",
        ),
        (f"/fi/ask-for-help/status/?code={CODE}", "/fi/ask-for-help/status/?code=*"),
        ("/api/v1/services?search=Virtanen", "/api/v1/services?search=*"),
        (
            "/fi/services/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed",
            "/fi/services/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed",
        ),
    ],
)
def test_private_parts_of_paths_are_masked(path: str, logged: str) -> None:
    assert mask_path(path) == logged


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/fi/events/manage/Ab-c_d3FgH1jK2lM3nO4pQ5rS6tU/", "/fi/events/manage/*/"),
        ("/sv/events/manage/abcdefghijklmnopqrstuvwx/cancel/", "/sv/events/manage/*/cancel/"),
        ("/en/events/manage/x/calendar.ics", "/en/events/manage/*/calendar.ics"),
        ("/fi/events/manage/short/change/?x=1", "/fi/events/manage/*/change/?x=*"),
        ("/sv/family/sign-in/Zk3x9qLr0aT-Bv_yNc4mWp8eHs2uJd6oQi1gFtKzXw/", "/sv/family/sign-in/*/"),
        (
            "/en/family/identify/suomifi/return/?SAMLart=abc",
            "/en/family/identify/suomifi/return/?SAMLart=*",
        ),
        # The event's own address is no secret.
        (
            "/fi/events/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed/",
            "/fi/events/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed/",
        ),
    ],
)
def test_an_event_sign_ups_manage_token_is_masked(path: str, logged: str) -> None:
    assert mask_path(path) == logged


def test_uvicorn_access_records_lose_the_address_code_and_search() -> None:
    record = access_record("198.51.100.23:0", f"/fi/ask-for-help/sent/{CODE}/?q=Matti")
    assert PrivateAccessLogFilter().filter(record) is True
    line = record.getMessage()
    assert "198.51.100.23" not in line
    assert CODE not in line and "Matti" not in line
    assert line == '* - "GET /fi/ask-for-help/sent/*/?q=* HTTP/1.1" 200'


def test_django_request_log_masks_the_path_and_drops_the_request() -> None:
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        (f"/fi/ask-for-help/status/{CODE}/",),
        None,
    )
    record.request = mock.Mock(META={"REMOTE_ADDR": "198.51.100.23"})
    PrivateAccessLogFilter().filter(record)
    assert record.getMessage() == "Not Found: /fi/ask-for-help/status/*/"
    assert record.request is None


def test_uvicorns_access_log_writes_through_the_filter(capsys: Any) -> None:
    config = uvicorn_log_config()
    assert "private" in config["handlers"]["access"]["filters"]
    logging.config.dictConfig(config)
    try:
        logging.getLogger("uvicorn.access").info(
            '%s - "%s %s HTTP/%s" %d',
            "203.0.113.5:4242",
            "GET",
            f"/api/v1/help-requests/{CODE}",
            "1.1",
            200,
        )
        written = capsys.readouterr().out
    finally:
        logging.getLogger("uvicorn.access").handlers.clear()
    assert "/api/v1/help-requests/*" in written
    assert CODE not in written and "203.0.113.5" not in written


def test_serve_gives_uvicorn_the_private_log_config() -> None:
    from django.core.management import call_command

    with mock.patch("uvicorn.run") as run:
        call_command("serve", workers=1)
    config = run.call_args.kwargs["log_config"]
    assert "private" in config["handlers"]["access"]["filters"]


def test_djangos_own_log_handler_filters_too(settings: Any) -> None:
    assert "private" in settings.LOGGING["handlers"]["console"]["filters"]
