from __future__ import annotations

import functools
from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from perhekeskus.core.errors import NotFound
from perhekeskus.core.views import page_not_found

API_DOCS_PATH = "/api/v1/docs/"
# ReDoc (served from our static files) injects its styles and runs its search in a worker made
# from a blob; its scripts and everything it fetches still come from our own origin only.
API_DOCS_CSP = (
    "default-src 'self'; "
    "img-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; "
    "worker-src 'self' blob:; "
    "connect-src 'self'; "
    "font-src 'self' data:; "
    "object-src 'none'; "
    "base-uri 'self'; "
    "form-action 'self'; "
    "frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy for every response.

    Everything is served from our own origin (no CDNs, no third-party trackers), so the policy
    can be strict; map tiles come from the configured tile server only.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    @staticmethod
    @functools.cache
    def policy(tile_origin: str) -> str:
        """The site's policy; read per request, so that it follows the tile server setting."""
        img_src = " ".join(filter(None, ["'self'", "data:", tile_origin]))
        return (
            "default-src 'self'; "
            f"img-src {img_src}; "
            "style-src 'self'; "
            "script-src 'self'; "
            "connect-src 'self'; "
            "font-src 'self'; "
            "object-src 'none'; "
            "base-uri 'self'; "
            "form-action 'self'; "
            "frame-ancestors 'none'"
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path == API_DOCS_PATH:
            response.headers.setdefault("Content-Security-Policy", API_DOCS_CSP)
        # The browsable API and the admin render their own inline assets.
        elif not request.path.startswith(("/api/", "/admin/")):
            tile_origin = getattr(settings, "PERHEKESKUS_TILE_ORIGIN", "")
            response.headers.setdefault("Content-Security-Policy", self.policy(tile_origin))
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(self), payment=()"
        )
        return response


# Pages and API answers that carry personal or audit data: no browser or proxy may keep a copy
# (ASVS 8.2.1). Paths are matched after the language prefix.
PRIVATE_PAGE_PREFIXES = ("/pro/", "/accounts/", "/ask-for-help/")
PRIVATE_PATH_PREFIXES = ("/api/v1/help-requests", "/api/v1/audit-entries", "/admin/")


def is_private_path(path: str) -> bool:
    if path.startswith(PRIVATE_PATH_PREFIXES):
        return True
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return f"/{path[len(prefix) :]}".startswith(PRIVATE_PAGE_PREFIXES)
    return False


class NoStoreMiddleware:
    """`Cache-Control: no-store, private` on every private path, and on every answer to a
    logged-in user (the page header names them). Public pages for anonymous visitors stay
    cacheable; the session is looked at only when the request carries a session cookie, so that
    they do not all get `Vary: Cookie`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_private_path(request.path) or (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            and getattr(getattr(request, "user", None), "is_authenticated", False)
        ):
            add_never_cache_headers(response)
        return response


class FriendlyNotFoundMiddleware:
    """With DEBUG on (the demo), a page that is not found gets the site's own 404 page instead of
    Django's technical one, which lists every URL pattern of the site to whoever asks. API
    answers keep their JSON 404; the development settings put this middleware innermost."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith("/api/")
        ):
            return page_not_found(request)
        return response


class NotFoundMiddleware:
    """The one place where a selector's NotFound (a missing object, or with AccessDenied one the
    user may not see) becomes a 404 for the site's pages, so that views call their gatekeeper
    and map nothing themselves. The API answers NotFound with its own JSON 404 before this is
    reached (`core.api`). Listed before DeniedAccessLogMiddleware, whose `process_exception`
    runs first and logs a refusal as such."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, NotFound):
            # Django's own 404 handling (handler404, the site's page) answers it; the same
            # page whether the object is missing or forbidden.
            raise Http404 from exception
