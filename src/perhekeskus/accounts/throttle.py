"""Counters for password-reset requests: per e-mail address (how many links one mailbox gets)
and per client (how many requests one address makes). Counted in the cache (Redis in
production, shared by every worker), under keyed hashes: no address is stored.

A rate is "N/s", "N/m", "N/h" or "N/d", or "off"; `RATE_LIMITS=off` turns every limit off
(load tests only; `check --deploy` refuses both in production)."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from perhekeskus.core.client import keyed_hash

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RULE = re.compile(r"^\s*(\d+)\s*/\s*([smhd])\s*$")


def parse_rate(text: str, *, setting: str) -> tuple[int, int] | None:
    """(count, seconds), or None for "off"."""
    if text.strip().lower() == "off":
        return None
    match = _RULE.match(text)
    if not match or int(match.group(1)) < 1:
        raise ImproperlyConfigured(f"{setting} must be like 3/h or off, not {text!r}")
    return int(match.group(1)), _PERIODS[match.group(2)]


def take(*, scope: str, key: str, setting: str) -> bool:
    """Count one attempt; False once this key's limit for the window is used up."""
    if not settings.PERHEKESKUS_RATE_LIMITS:
        return True
    rate = parse_rate(getattr(settings, setting), setting=setting.removeprefix("PERHEKESKUS_"))
    if rate is None:
        return True
    count, seconds = rate
    cache_key = f"ratelimit:{scope}:{keyed_hash(scope, key)}"
    if cache.add(cache_key, 1, timeout=seconds):
        return True
    try:
        return int(cache.incr(cache_key)) <= count
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=seconds)
        return True
