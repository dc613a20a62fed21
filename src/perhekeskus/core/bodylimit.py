"""A cap on the size of a request body, enforced before Django reads it.

Django's ASGI handler spools the whole body to a temporary file before any middleware or view
runs, and `DATA_UPLOAD_MAX_MEMORY_SIZE` only limits form parsing afterwards; a body sent with
`Transfer-Encoding: chunked` has no Content-Length for a view to check. `BodySizeLimit` wraps the
ASGI application (`config/asgi.py`): a declared length over the limit is refused at once, and a
chunked body is counted as it arrives and refused as soon as it passes the limit, so that at most
`MAX_REQUEST_BODY_BYTES` (plus one chunk) is ever read. `RequestBodyLimitMiddleware` applies the
declared-length check under WSGI and in the test client. Both answer 413 (JSON under /api/).
A reverse proxy in front should have the same limit (README, "Behind a proxy").
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Any, Any, Any], Awaitable[None]]

TOO_LARGE = "Request body too large."


def max_body_bytes() -> int:
    return int(settings.PERHEKESKUS_MAX_REQUEST_BODY_BYTES)


def _declared_length(headers: list[tuple[bytes, bytes]]) -> int | None:
    for name, value in headers:
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse(scope: Scope, send: Send) -> None:
    if str(scope.get("path", "")).startswith("/api/"):
        body = json.dumps({"detail": TOO_LARGE}).encode()
        content_type = b"application/json"
    else:
        body = TOO_LARGE.encode()
        content_type = b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodySizeLimit:
    """ASGI middleware: refuse a request body over the limit without reading the rest of it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = max_body_bytes()
        declared = _declared_length(scope.get("headers", []))
        if declared is not None and declared > limit:
            await _refuse(scope, send)
            return
        received = 0
        refused = False

        async def limited_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    await _refuse(scope, send)
                    # Django stops reading and answers nothing after a disconnect.
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not refused:
                await send(message)

        await self.app(scope, limited_receive, guarded_send)


def declared_length(request: HttpRequest) -> int:
    """The body's declared length; a header that is not a number counts as none (as Django's
    own request reading does), leaving the body to the parser."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestBodyLimitMiddleware:
    """The declared-length check for WSGI servers and the test client."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if declared_length(request) > max_body_bytes():
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": TOO_LARGE}, status=413)
            return HttpResponse(TOO_LARGE, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
