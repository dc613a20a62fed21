"""Rate limits for event sign-ups and forum topics, on `core.ratelimit`.

Only what is stored counts: `signup_create` reserves its slots just before it writes and gives
them back when nothing was stored (a closed event, a full one, wrong input); a repeat of a known
idempotency key is answered before any limit. Sign-ups have two limits, per browser at one
address (`EVENTS_SIGNUP_RATE_LIMIT`) and per address (`EVENTS_SIGNUP_ADDRESS_RATE_LIMIT`, so
families behind one address are not locked out by each other); forum topics one per address
(`EVENTS_TOPIC_RATE_LIMIT`). The form and the API share the sign-up limits. The changes made by a
manage link (a new group, a cancellation, a confirmation; each one writes the family a notice and
takes the event's lock) are counted per sign-up (`EVENTS_MANAGE_RATE_LIMIT`, 20 an hour), not per
address. `RATE_LIMITS=off` turns them all off. Keys are keyed hashes; no address is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from perhekeskus.core.client import client_address, keyed_hash
from perhekeskus.core.ratelimit import NO_LIMIT, Counter, Limiter, RateLimited, parse_rate

__all__ = [
    "NO_LIMIT",
    "Limiter",
    "RateLimited",
    "manage_limiter",
    "signup_limiter",
    "topic_limiter",
]

SIGNUP_SCOPE = "event-signup"
TOPIC_SCOPE = "event-topic"
MANAGE_SCOPE = "event-manage"


def _counter(scope: str, kind: str, setting: str, *parts: str) -> Counter | None:
    rate = parse_rate(getattr(settings, setting), setting=setting)
    if rate is None:
        return None
    return Counter(f"ratelimit:{scope}:{kind}:{keyed_hash(kind, *parts)}", rate)


def _limiter(*counters: Counter | None) -> Limiter:
    return Limiter(tuple(counter for counter in counters if counter is not None))


def signup_limiter(request: HttpRequest) -> Limiter:
    """The sign-up limits for the client of this request."""
    if not settings.PERHEKESKUS_RATE_LIMITS:
        return NO_LIMIT
    address = client_address(request)
    browser = str(request.META.get("HTTP_USER_AGENT", ""))[:500]
    return _limiter(
        _counter(SIGNUP_SCOPE, "browser", "EVENTS_SIGNUP_RATE_LIMIT", address, browser),
        _counter(SIGNUP_SCOPE, "address", "EVENTS_SIGNUP_ADDRESS_RATE_LIMIT", address),
    )


def topic_limiter(request: HttpRequest) -> Limiter:
    """The limit of forum topics sent from this request's address."""
    if not settings.PERHEKESKUS_RATE_LIMITS:
        return NO_LIMIT
    return _limiter(
        _counter(TOPIC_SCOPE, "address", "EVENTS_TOPIC_RATE_LIMIT", client_address(request))
    )


def manage_limiter(token: str) -> Limiter:
    """The limit of changes made through one manage link (keyed by the token's keyed hash)."""
    if not settings.PERHEKESKUS_RATE_LIMITS:
        return NO_LIMIT
    setting = "EVENTS_MANAGE_RATE_LIMIT"
    rate = parse_rate(settings.EVENTS_MANAGE_RATE_LIMIT, setting=setting)
    if rate is None:
        return NO_LIMIT
    return Limiter((Counter(f"ratelimit:{MANAGE_SCOPE}:{keyed_hash('signup', token)}", rate),))
