"""Logging of refusals (ASVS 7.2.2), used by the MIDDLEWARE and LOGGING settings.

A logged-in user who is refused an object (`core.errors.AccessDenied`, answered 404 like a
missing one) or an action (`PermissionDenied`, 403) is logged on `perhekeskus.access` with their
user id, the method and path, and the object where the refusal named it: ids only, no names,
e-mail addresses or anything a family wrote. Django's own line for the same answer keeps no
traceback (`NoTracebackForClientErrors`): forty lines per 403 that any user can produce at will
would hide the real errors.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from perhekeskus.core.errors import AccessDenied

access_log = logging.getLogger("perhekeskus.access")


class NoTracebackForClientErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True


def denial_of(exception: BaseException) -> BaseException | None:
    """The refusal behind an exception, if it is one. A view maps a selector's AccessDenied to
    Http404 with `raise Http404 from None` (the original stays in __context__) or raises
    `Http404 from AccessDenied(...)` itself (in __cause__)."""
    if isinstance(exception, Http404):
        for origin in (exception.__cause__, exception.__context__):
            if isinstance(origin, AccessDenied):
                return origin
        return None
    if isinstance(exception, (AccessDenied, PermissionDenied)):
        return exception
    return None


def log_denial(request: Any, denial: BaseException) -> None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return
    status = 404 if isinstance(denial, AccessDenied) else 403
    target = ""
    if isinstance(denial, AccessDenied) and denial.target_type:
        target = f" ({denial.target_type} {denial.target_id})"
    access_log.warning(
        "Access denied: user %s, %s %s%s, answered %s",
        user.pk,
        request.method,
        request.path[:300],
        target,
        status,
    )


class DeniedAccessLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        denial = denial_of(exception)
        if denial is not None:
            log_denial(request, denial)
