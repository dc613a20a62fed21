"""Rate limits for the family page's sign-in links, on `core.ratelimit`.

Every request for a link counts, whether the e-mail address is known or not (a limit that counted
only known addresses would tell which are). Two limits, like the events' sign-ups: per browser at
one address (`FAMILIES_SIGNIN_RATE_LIMIT`) and per address (`FAMILIES_SIGNIN_ADDRESS_RATE_LIMIT`,
so that families behind one address are not locked out by each other). `RATE_LIMITS=off` turns
them off. Keys are keyed hashes; no address is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from perhekeskus.core.client import client_address, keyed_hash
from perhekeskus.core.ratelimit import NO_LIMIT, Counter, Limiter, RateLimited, parse_rate

__all__ = ["NO_LIMIT", "Limiter", "RateLimited", "signin_limiter"]

SCOPE = "family-signin"


def _counter(kind: str, setting: str, *parts: str) -> Counter | None:
    rate = parse_rate(getattr(settings, setting), setting=setting)
    if rate is None:
        return None
    return Counter(f"ratelimit:{SCOPE}:{kind}:{keyed_hash(SCOPE, kind, *parts)}", rate)


def signin_limiter(request: HttpRequest) -> Limiter:
    """The sign-in link limits for the client of this request."""
    if not settings.PERHEKESKUS_RATE_LIMITS:
        return NO_LIMIT
    address = client_address(request)
    browser = str(request.META.get("HTTP_USER_AGENT", ""))[:500]
    counters = (
        _counter("browser", "FAMILIES_SIGNIN_RATE_LIMIT", address, browser),
        _counter("address", "FAMILIES_SIGNIN_ADDRESS_RATE_LIMIT", address),
    )
    return Limiter(tuple(counter for counter in counters if counter is not None))
