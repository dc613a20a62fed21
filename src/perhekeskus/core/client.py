"""Who is asking, without knowing who: a keyed hash of the client's address for the request at
hand, for counters that must be per address (rate limits, the unmet-search cap) and must never
store the address itself.

`ClientKeyMiddleware` puts the hash in a context variable for the duration of a request, so that
code deep in a call (the search engine's "nothing found" count) can cap per address without every
caller passing the request along. Outside a request (commands, tests) there is no client key.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

_current: ContextVar[str | None] = ContextVar("perhekeskus_client_key", default=None)


def keyed_hash(*parts: str) -> str:
    """An HMAC of the parts under SECRET_KEY: the same input gives the same key in every process,
    and nobody without the secret can test an address against it."""
    message = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def client_address(request: HttpRequest) -> str:
    """The client's address as the server saw it (behind a trusted proxy, uvicorn has already put
    the real client in REMOTE_ADDR), or "-" when there is none."""
    return str(request.META.get("REMOTE_ADDR") or "-")


def client_key_for(request: HttpRequest) -> str:
    return keyed_hash("address", client_address(request))


def current_client_key() -> str | None:
    """The keyed hash of the address of the request being served, or None outside a request."""
    return _current.get()


class ClientKeyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current.set(client_key_for(request))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
