"""Per-address rate limit for help requests, without third-party services.

HELP_REQUEST_RATE_LIMIT is "N/s", "N/m", "N/h" or "N/d" (e.g. "5/h"), or "off" for load tests.
Counted in the cache (Redis in production, so every worker process shares the count), keyed by
a hash of the address: the addresses themselves are not stored.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RULE = re.compile(r"^\s*(\d+)\s*/\s*([smhd])\s*$")


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def parse_rate(text: str) -> Rate | None:
    if text.strip().lower() == "off":
        return None
    match = _RULE.match(text)
    if not match or int(match.group(1)) < 1:
        raise ImproperlyConfigured(f"HELP_REQUEST_RATE_LIMIT must be like 5/h or off, not {text!r}")
    return Rate(int(match.group(1)), _PERIODS[match.group(2)])


def allow(address: str | None, *, scope: str = "help-request") -> bool:
    """Count one attempt from this address; False once the limit for the window is used up."""
    rate = parse_rate(settings.PERHEKESKUS_HELP_REQUEST_RATE_LIMIT)
    if rate is None:
        return True
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address or '-'}".encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}"
    if cache.add(key, 1, timeout=rate.seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=rate.seconds)
        return True
    return count <= rate.count
