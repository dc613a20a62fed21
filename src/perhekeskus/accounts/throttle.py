"""Counters for password-reset requests: per e-mail address (how many links one mailbox gets)
and per client (how many requests one address makes). Counted in the shared cache by
`core.ratelimit`, under keyed hashes: no address is stored.

A rate is "N/s", "N/m", "N/h" or "N/d", or "off"; `RATE_LIMITS=off` turns every limit off
(load tests only; `check --deploy` refuses both in production)."""

from __future__ import annotations

from django.conf import settings

from perhekeskus.core.client import keyed_hash
from perhekeskus.core.ratelimit import Counter, parse_rate


def take(*, scope: str, key: str, setting: str) -> bool:
    """Count one attempt; False once this key's limit for the window is used up."""
    if not settings.PERHEKESKUS_RATE_LIMITS:
        return True
    rate = parse_rate(getattr(settings, setting), setting=setting.removeprefix("PERHEKESKUS_"))
    if rate is None:
        return True
    return Counter(f"ratelimit:{scope}:{keyed_hash(scope, key)}", rate).take()
