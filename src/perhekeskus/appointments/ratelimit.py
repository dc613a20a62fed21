"""Rate limits for bookings, counted like help requests' (ADR 0019) on `core.ratelimit`.

Only bookings that are stored count: `booking_create` reserves a slot just before it stores and
gives it back when nothing was stored (the slot was taken, the input was wrong); a repeat of a
known idempotency key is answered before any limit. Two limits: `APPOINTMENTS_BOOKING_RATE_LIMIT`
per browser at one address and `APPOINTMENTS_BOOKING_ADDRESS_RATE_LIMIT` per address (families
behind one address are not locked out by each other). `RATE_LIMITS=off` turns both off. The form
and the API share them: one family, one quota. Keys are keyed hashes; no address is stored.
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

__all__ = ["NO_LIMIT", "Limiter", "RateLimited", "Reservation", "booking_limiter"]

SCOPE = "appointment-booking"


def booking_limiter(request: HttpRequest) -> Limiter:
    """The booking limits for the client of this request."""
    if not settings.PERHEKESKUS_RATE_LIMITS:
        return NO_LIMIT
    address = client_address(request)
    browser = str(request.META.get("HTTP_USER_AGENT", ""))[:500]
    counters = []
    per_browser = parse_rate(settings.APPOINTMENTS_BOOKING_RATE_LIMIT, setting="BOOKING_RATE_LIMIT")
    if per_browser is not None:
        digest = keyed_hash("browser", address, browser)
        counters.append(Counter(f"ratelimit:{SCOPE}:browser:{digest}", per_browser))
    per_address = parse_rate(
        settings.APPOINTMENTS_BOOKING_ADDRESS_RATE_LIMIT, setting="BOOKING_ADDRESS_RATE_LIMIT"
    )
    if per_address is not None:
        digest = keyed_hash("address", address)
        counters.append(Counter(f"ratelimit:{SCOPE}:address:{digest}", per_address))
    return Limiter(tuple(counters))
