"""Rate limits for help requests (ADR 0019), without third-party services.

Only accepted requests count: the service reserves a slot just before it stores a new request
(`Limiter.reserve`) and gives it back if nothing is stored; invalid posts and retries of a request
already made never reach it. Two limits, each its own setting ("N/s", "N/m", "N/h", "N/d" or
"off"): `HELP_REQUEST_RATE_LIMIT` per browser at one address (the address and the User-Agent)
and `HELP_REQUEST_ADDRESS_RATE_LIMIT` per address, so that families sharing one address (a
school, a shelter, a mobile operator's CGNAT) are not locked out by each other.
`RATE_LIMITS=off` turns both off.

Counted in the cache: Redis with `REDIS_URL`, so that every worker process shares the count (the
deploy check `perhekeskus.W001` warns otherwise). Keys are keyed hashes; no address is stored.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from perhekeskus.core.client import client_address, keyed_hash

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RULE = re.compile(r"^\s*(\d+)\s*/\s*([smhd])\s*$")


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def parse_rate(text: str, *, setting: str = "HELP_REQUEST_RATE_LIMIT") -> Rate | None:
    if text.strip().lower() == "off":
        return None
    match = _RULE.match(text)
    if not match or int(match.group(1)) < 1:
        raise ImproperlyConfigured(f"{setting} must be like 5/h or off, not {text!r}")
    return Rate(int(match.group(1)), _PERIODS[match.group(2)])


class RateLimited(Exception):
    """The limit is used up; `retry_after` is the longest wait in seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Counter:
    key: str
    rate: Rate

    def take(self) -> bool:
        """Count one; False (and nothing counted) when the window's count is used up. Atomic in
        Redis and in the local-memory cache alike, so concurrent posts never pass the limit."""
        if cache.add(self.key, 1, timeout=self.rate.seconds):
            return True
        try:
            count = cache.incr(self.key)
        except ValueError:  # expired between add and incr: a new window
            return bool(cache.add(self.key, 1, timeout=self.rate.seconds)) or self.take()
        if count > self.rate.count:
            self.give_back()
            return False
        return True

    def give_back(self) -> None:
        # ValueError: the window ended meanwhile, and there is nothing to give back.
        with contextlib.suppress(ValueError):
            cache.decr(self.key)


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
