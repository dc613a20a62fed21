"""Fetching from Suomi.fi PTV's open API (v11): what a nightly sync reads, as JSON documents for
`ptv_parse`.

The open API (https://api.palvelutietovaranto.suomi.fi/api/v11/) is paged: a list answers
`{pageNumber, pageSize, pageCount, itemList}`, and its items are either whole documents or
references `{id, name}` whose documents come from `…/list?guids=a,b,c` (at most `GUIDS_PER_CALL`
ids a call). A sync reads:

1. the services: of a municipality (`Service/list/area/Municipality/code/{code}`) or of an
   organisation (`Service/list/organization?organizationId=`), or all of them (`Service`), each
   with `date=` for the changes since a time;
2. every channel those services are linked with, changed or not (so that a service's channels
   are complete and `--prune` may remove what PTV no longer lists), and the channels of the
   municipality or organisation that changed since then (which are added to their services);
3. the organisations the services and channels name that the catalogue does not have.

Only the standard library is used. A call that fails with 429, 5xx or a dropped connection is
tried again after a growing pause (`RETRIES` times); then the sync stops with `PtvApiError`,
having written nothing (the import writes only after everything has been read).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from perhekeskus.catalog.importers.ptv.versions import as_v11

GUIDS_PER_CALL = 100
RETRIES = 4
BACKOFF_SECONDS = 1.0
TIMEOUT_SECONDS = 60.0
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# The open API has no end to its pages but `pageCount`; a guard against a server that lies.
MAX_PAGES = 10_000
USER_AGENT = "perhekeskus-import-ptv"


class PtvApiError(Exception):
    """The API could not be read: which address, and why (after the retries)."""


@dataclass
class PtvApiQuery:
    base_url: str
    municipality: str = ""
    organization: uuid.UUID | None = None
    since: str = ""  # ISO 8601, as PTV's `date` parameter takes it


@dataclass
class PtvApiClient:
    """Calls with retries. `progress(message)` hears of every page and batch fetched; `sleep`
    is replaceable so that tests need not wait."""

    base_url: str
    retries: int = RETRIES
    backoff: float = BACKOFF_SECONDS
    timeout: float = TIMEOUT_SECONDS
    progress: Callable[[str, int, int], None] | None = None
    sleep: Callable[[float], None] = time.sleep
    calls: int = field(default=0, init=False)

    def url(self, path: str, params: dict[str, str] | None = None) -> str:
        query = urllib.parse.urlencode({k: v for k, v in (params or {}).items() if v})
        return self.base_url.rstrip("/") + "/" + path.lstrip("/") + (f"?{query}" if query else "")

    def get(self, path: str, params: dict[str, str] | None = None) -> Any:
        url = self.url(path, params)
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise PtvApiError(f"{url}: only http and https addresses")
        request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
            url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
        )
        for attempt in range(self.retries + 1):
            self.calls += 1
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                    body = response.read()
            except urllib.error.HTTPError as error:
                if error.code == 404:
                    return None
                if error.code not in RETRY_STATUSES or attempt == self.retries:
                    raise PtvApiError(f"{url}: HTTP {error.code}") from error
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
                if attempt == self.retries:
                    raise PtvApiError(f"{url}: {getattr(error, 'reason', error)}") from error
            else:
                try:
                    return json.loads(body)
                except (json.JSONDecodeError, UnicodeDecodeError) as error:
                    raise PtvApiError(f"{url}: not JSON") from error
            self.sleep(self.backoff * 2**attempt)
        raise PtvApiError(f"{url}: no answer")  # not reached: the last attempt raises

    def pages(self, what: str, path: str, params: dict[str, str]) -> Iterator[dict[str, Any]]:
        """Every item of a paged list, page by page."""
        number, count = 1, 1
        while number <= min(count, MAX_PAGES):
            page = self.get(path, {**params, "page": str(number)})
            if page is None:
                return
            if not isinstance(page, dict) or not isinstance(page.get("itemList") or [], list):
                raise PtvApiError(f"{self.url(path, params)}: not a PTV page")
            count = int(page.get("pageCount") or 1)
            if self.progress is not None:
                self.progress(what, number, count)
            for item in page.get("itemList") or []:
                if isinstance(item, dict):
                    yield item
            number += 1

    def documents(self, what: str, path: str, ids: list[str]) -> list[dict[str, Any]]:
        """The documents of these ids, `GUIDS_PER_CALL` at a time."""
        found: list[dict[str, Any]] = []
        batches = max(1, -(-len(ids) // GUIDS_PER_CALL))
        for index in range(0, len(ids), GUIDS_PER_CALL):
            answer = self.get(path, {"guids": ",".join(ids[index : index + GUIDS_PER_CALL])})
            items = answer.get("itemList") if isinstance(answer, dict) else answer
            found += [item for item in items or [] if isinstance(item, dict)]
            if self.progress is not None:
                self.progress(what, index // GUIDS_PER_CALL + 1, batches)
        return found


def _linked_channels(service: dict[str, Any]) -> list[str]:
    ids = []
    for link in as_v11(service).get("serviceChannels") or []:
        channel = link.get("serviceChannel") if isinstance(link, dict) else None
        if isinstance(channel, dict) and channel.get("id"):
            ids.append(str(channel["id"]))
    return ids


def _organizations_named(documents: list[dict[str, Any]]) -> set[str]:
    ids = set()
    for document in documents:
        for entry in document.get("organizations") or []:
            org = entry.get("organization") if isinstance(entry, dict) else None
            if isinstance(org, dict) and org.get("id"):
                ids.add(str(org["id"]))
        if document.get("organizationId"):
            ids.add(str(document["organizationId"]))
    return ids


def _whole(
    client: PtvApiClient, what: str, items: list[dict[str, Any]], key: str, path: str
) -> list[dict[str, Any]]:
    """The list's items as documents: those that are only references are fetched."""
    whole = [item for item in items if key in item]
    refs = [str(item["id"]) for item in items if key not in item and item.get("id")]
    return whole + (client.documents(what, path, refs) if refs else [])


def ptv_api_documents(
    client: PtvApiClient, query: PtvApiQuery, *, known_organizations: set[str]
) -> list[tuple[str, Any]]:
    """Everything a sync reads, as (name, document) pairs for `ptv_parse`: organisations first,
    then services, then channels."""
    date = {"date": query.since} if query.since else {}
    if query.municipality:
        area = f"list/area/Municipality/code/{urllib.parse.quote(query.municipality)}"
        service_list = client.pages("services", f"Service/{area}", date)
        channel_list = client.pages("channels", f"ServiceChannel/{area}", date)
    elif query.organization is not None:
        by_org = {"organizationId": str(query.organization), **date}
        service_list = client.pages("services", "Service/list/organization", by_org)
        channel_list = client.pages("channels", "ServiceChannel/list/organization", by_org)
    else:
        service_list = client.pages("services", "Service", date)
        channel_list = client.pages("channels", "ServiceChannel", date)

    services = _whole(client, "services", list(service_list), "serviceNames", "Service/list")
    listed_channels = list(channel_list)
    channel_ids = {str(item["id"]) for item in listed_channels if item.get("id")}
    wanted = [c for s in services for c in _linked_channels(s) if c not in channel_ids]
    channels = _whole(
        client, "channels", listed_channels, "serviceChannelType", "ServiceChannel/list"
    )
    if wanted:
        channels += client.documents("channels", "ServiceChannel/list", sorted(set(wanted)))
    missing = sorted(_organizations_named(services + channels) - known_organizations)
    organizations = (
        client.documents("organisations", "Organization/list", missing) if missing else []
    )
    return [
        *((f"{client.url('Organization')}/{o.get('id')}", o) for o in organizations),
        *((f"{client.url('Service')}/{s.get('id')}", s) for s in services),
        *((f"{client.url('ServiceChannel')}/{c.get('id')}", c) for c in channels),
    ]
