"""The nightly sync with PTV: `import-ptv --api URL` against a local server that replays PTV open
API v11 answers as the real API gives them (paged lists of service and channel references, then
the documents by `…/list?guids=`), including failures: a 503 and a dropped connection are tried
again; a failure that lasts stops the sync with nothing written, and the next run completes
without duplicates."""

from __future__ import annotations

import io
import json
import threading
import urllib.parse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from perhekeskus.catalog.importers.ptv import api as ptv_api
from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    Organization,
    Service,
    ServiceAtLocation,
)
from perhekeskus.catalog.tests.test_import_ptv import (
    LOCATION,
    ORG,
    PHONE,
    SERVICE,
    location_channel,
    organization,
    phone_channel,
    service,
)

pytestmark = pytest.mark.django_db

SECOND_SERVICE = "9d2e3f40-5b6c-4d7e-8f90-a1b2c3d4e5f6"


def second_service() -> dict[str, Any]:
    data = service(serviceChannels=[{"serviceChannel": {"id": PHONE, "name": "Ajanvaraus"}}])
    data["id"] = SECOND_SERVICE
    data["serviceNames"] = [{"language": "fi", "value": "Perheneuvola", "type": "Name"}]
    return data


@dataclass
class Replay:
    """What the server answers, and the failures it is told to give."""

    services: dict[str, dict[str, Any]]
    channels: dict[str, dict[str, Any]]
    organizations: dict[str, dict[str, Any]]
    # path → failures still to give there: "503" or "drop"
    failures: dict[str, list[str]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    page_size: int = 1

    def answer(self, path: str, query: dict[str, str]) -> Any:
        api = "/api/v11/"
        route = path.removeprefix(api)
        if route.startswith("Service/list/area/Municipality/code/018"):
            return self.page(list(self.services), query)
        if route.startswith("ServiceChannel/list/area/Municipality/code/018"):
            return self.page([], query)
        kinds = {
            "Service/list": self.services,
            "ServiceChannel/list": self.channels,
            "Organization/list": self.organizations,
        }
        if route in kinds:
            wanted = query.get("guids", "").split(",")
            return [kinds[route][pk] for pk in wanted if pk in kinds[route]]
        return None

    def page(self, ids: list[str], query: dict[str, str]) -> dict[str, Any]:
        number = int(query.get("page", "1"))
        start = (number - 1) * self.page_size
        count = max(1, -(-len(ids) // self.page_size))
        items = [{"id": pk, "name": "x"} for pk in ids[start : start + self.page_size]]
        return {
            "pageNumber": number,
            "pageSize": self.page_size,
            "pageCount": count,
            "itemList": items,
        }


def handler(replay: Replay) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_GET(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parts.query))
            replay.requests.append(self.path)
            for failing, failures in replay.failures.items():
                if parts.path == failing and failures:
                    failure = failures.pop(0)
                    if failure == "drop":
                        self.close_connection = True
                        self.connection.shutdown(2)
                        return
                    self.send_response(503)
                    self.end_headers()
                    return
            body = replay.answer(parts.path, query)
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


@pytest.fixture
def replay() -> Replay:
    return Replay(
        services={SERVICE: service(), SECOND_SERVICE: second_service()},
        channels={LOCATION: location_channel(), PHONE: phone_channel()},
        organizations={ORG: organization()},
    )


@pytest.fixture
def server(replay: Replay, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(ptv_api, "BACKOFF_SECONDS", 0.001)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler(replay))
    # shutdown() waits for the serving loop to look at its flag, every poll_interval (0.5 s by
    # default): half a second of each test's teardown spent waiting for nothing.
    thread = threading.Thread(target=httpd.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/api/v11/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def sync(url: str, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_ptv", "--api", url, "--municipality", "018", *args, "--language=en",
        stdout=out, stderr=err,
    )  # fmt: skip
    return out.getvalue(), err.getvalue()


def counts() -> dict[str, int]:
    return {
        "organizations": Organization.objects.count(),
        "services": Service.objects.count(),
        "locations": Location.objects.count(),
        "at_locations": ServiceAtLocation.objects.count(),
        "channels": ContactChannel.objects.filter(service__isnull=False).count(),
    }


EXPECTED = {"organizations": 1, "services": 2, "locations": 1, "at_locations": 1, "channels": 2}


def test_a_sync_pages_through_services_and_fetches_their_channels(
    server: str, replay: Replay
) -> None:
    out, err = sync(server)

    assert counts() == EXPECTED
    assert Service.objects.get(pk=SERVICE).source == "ptv"
    # Two pages of service references, then the documents by their ids.
    listed = [r for r in replay.requests if "/list/area/Municipality/code/018" in r]
    assert any("page=2" in r for r in listed)
    assert any(r.startswith("/api/v11/Service/list?guids=") for r in replay.requests)
    assert any(r.startswith("/api/v11/Organization/list?guids=") for r in replay.requests)
    # Not a terminal: plain progress lines.
    assert "Services: page 2 of 2 fetched" in err
    assert "Read 5 documents from the PTV API" in out


def test_a_503_and_a_dropped_connection_are_tried_again(server: str, replay: Replay) -> None:
    replay.failures = {"/api/v11/ServiceChannel/list": ["503", "drop"]}

    sync(server)

    assert counts() == EXPECTED
    assert len([r for r in replay.requests if r.startswith("/api/v11/ServiceChannel/list?")]) == 3


def test_a_lasting_failure_writes_nothing_and_the_next_run_completes(
    server: str, replay: Replay
) -> None:
    replay.failures = {"/api/v11/ServiceChannel/list": ["503"] * (ptv_api.RETRIES + 1)}
    with pytest.raises(CommandError, match="HTTP 503") as error:
        sync(server)
    assert "Nothing was imported." in str(error.value)
    assert counts() == dict.fromkeys(EXPECTED, 0)

    sync(server)
    assert counts() == EXPECTED
    out, _err = sync(server)
    assert counts() == EXPECTED  # no duplicates
    assert "services            0 created       0 updated       2 unchanged" in out


def test_since_asks_only_for_changes_and_keeps_the_rest(server: str, replay: Replay) -> None:
    sync(server)
    replay.requests.clear()
    changed = second_service()
    changed["serviceNames"][0]["value"] = "Perheneuvola (uusi nimi)"
    replay.services = {SECOND_SERVICE: changed}

    sync(server, "--since", "2025-01-31")

    assert all("date=2025-01-31T00%3A00%3A00" in r for r in replay.requests if "/area/" in r)
    assert Service.objects.get(pk=SECOND_SERVICE).name_fi == "Perheneuvola (uusi nimi)"
    assert counts() == EXPECTED  # the first service and its place are untouched


def test_an_unusable_address_or_option_is_refused(server: str) -> None:
    with pytest.raises(CommandError, match="only http and https"):
        sync("file:///etc/")
    with pytest.raises(CommandError, match="ISO date"):
        sync(server, "--since", "yesterday")
    with pytest.raises(CommandError, match="go with --api"):
        call_command("import_ptv", "--municipality", "018", "--language=en")
    assert uuid.UUID(SECOND_SERVICE)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_progress_bars(server: str) -> None:
    err = Terminal()
    call_command(
        "import_ptv", "--api", server, "--municipality", "018", "--language=en",
        stdout=io.StringIO(), stderr=err,
    )  # fmt: skip
    assert "Services [" in err.getvalue() and "100%" in err.getvalue()
    assert "page 1 of" not in err.getvalue()
