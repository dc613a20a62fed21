"""Rate limits for help requests (ADR 0019), without third-party services.

Only accepted requests count: the service reserves a slot just before it stores a new request
(`Limiter.reserve`) and gives it back if nothing is stored; invalid posts and retries of a request
already made never reach it. Two limits, each its own setting ("N/s", "N/m", "N/h", "N/d" or
"off"): `HELP_REQUEST_RATE_LIMIT` per browser at one address (the address and the User-Agent)
and `HELP_REQUEST_ADDRESS_RATE_LIMIT` per address, so that families sharing one address (a
school, a shelter, a mobile operator's CGNAT) are not locked out by each other.
`RATE_LIMITS=off` turns both off.

Counted in the cache by `core.ratelimit`. Keys are keyed hashes; no address is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from perhekeskus.core.client import client_address, keyed_hash
from perhekeskus.core.ratelimit import (
    NO_LIMIT,
    Counter,
    Limiter,
    RateLimited,
    Reservation,
    parse_rate,
)

__all__ = ["NO_LIMIT", "Limiter", "RateLimited", "Reservation", "help_request_limiter"]


def help_request_limiter(request: HttpRequest, *, scope: str = "help-request") -> Limiter:
    """The help-request limits for the client of this request (the form and the API share them:
    one family, one quota)."""
    if not settings.PERHEKESKUS_RATE_LIMITS:
        return NO_LIMIT
    address = client_address(request)
    browser = str(request.META.get("HTTP_USER_AGENT", ""))[:500]
    counters = []
    per_browser = parse_rate(
        settings.PERHEKESKUS_HELP_REQUEST_RATE_LIMIT, setting="HELP_REQUEST_RATE_LIMIT"
    )
    if per_browser is not None:
        digest = keyed_hash("browser", address, browser)
        counters.append(Counter(f"ratelimit:{scope}:browser:{digest}", per_browser))
    per_address = parse_rate(
        settings.PERHEKESKUS_HELP_REQUEST_ADDRESS_RATE_LIMIT,
        setting="HELP_REQUEST_ADDRESS_RATE_LIMIT",
    )
    if per_address is not None:
        digest = keyed_hash("address", address)
        counters.append(Counter(f"ratelimit:{scope}:address:{digest}", per_address))
    return Limiter(tuple(counters))
