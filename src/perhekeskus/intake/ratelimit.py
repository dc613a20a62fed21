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

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

from perhekeskus.core.client import client_address, keyed_hash
from perhekeskus.core.ratelimit import Counter, RateLimited, parse_rate

__all__ = ["NO_LIMIT", "Limiter", "RateLimited", "Reservation", "help_request_limiter"]


@dataclass
class Reservation:
    """Slots taken for one request about to be stored; `release` gives them back when it was
    not stored after all."""

    counters: list[Counter]

    def release(self) -> None:
        for counter in self.counters:
            counter.give_back()
        self.counters = []


@dataclass(frozen=True)
class Limiter:
    """The limits that apply to one client. Empty when limits are off."""

    counters: tuple[Counter, ...]

    def reserve(self) -> Reservation:
        """Take a slot on every limit, or raise RateLimited with nothing taken."""
        taken = Reservation([])
        for counter in self.counters:
            if not counter.take():
                taken.release()
                raise RateLimited(max(c.rate.seconds for c in self.counters))
            taken.counters.append(counter)
        return taken


NO_LIMIT = Limiter(())


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
