"""A professional's session ends after a time without activity (ASVS 3.3.2 at level 2; security
review F-25): a screen left open in a shared office must not keep families' data open for the
8 hours a session may last. The time of the last request is kept in the session, written at most
once a minute so that a busy page does not rewrite its session on every request."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from perhekeskus.accounts import services

LAST_ACTIVITY = "perhekeskus_last_activity"
# How stale the stored time may get before it is written again (seconds).
WRITE_EVERY = 60


class IdleTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        idle_limit = settings.PERHEKESKUS_SESSION_IDLE_MINUTES * 60
        if user is not None and user.is_authenticated and idle_limit > 0:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY)
            if isinstance(last, int) and now - last > idle_limit:
                services.session_idle_logout(request=request)
            elif not isinstance(last, int) or now - last >= WRITE_EVERY:
                request.session[LAST_ACTIVITY] = now
        return self.get_response(request)
