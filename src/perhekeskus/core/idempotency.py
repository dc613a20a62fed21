"""Idempotency keys of the families' writes (a booking, an event's sign-up): one scheme, so that a
retry is answered the same way everywhere.

A key lives in a scope: "form" (the page's own random token, hidden in the form) or "api" (the
client's `Idempotency-Key`), and the two never meet. It is stored hashed whole with its scope:
no prefix of a key, and no key of the other scope, matches. An API client chooses its own keys
and may reuse one by mistake for another family, so in a strict scope a known key with other
content is refused (the caller raises its conflict) instead of answered with the first write.

A write is counted against the rate limit only when it is stored: `store_within_limit` takes the
limiter's slot before the write and gives it back when the write raised or was a repeat.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Protocol, TypeVar

from perhekeskus.core.ratelimit import Limiter

IDEMPOTENCY_SCOPES = ("form", "api")
STRICT_SCOPES = frozenset({"api"})


def idempotency_hash(scope: str, key: str) -> str:
    """How an idempotency key is stored: hashed whole with its scope ("form:…", "api:…")."""
    return hashlib.sha256(f"{scope}:{key}".encode("utf-8", "surrogatepass")).hexdigest()


def stored_key(scope: str, key: str) -> str:
    """The key as the write stores it ("" for no key); ValueError for a scope that is none of
    `IDEMPOTENCY_SCOPES` (a programming error, never the client's)."""
    if scope not in IDEMPOTENCY_SCOPES:
        raise ValueError(f"Unknown idempotency scope {scope!r}")
    return idempotency_hash(scope, key) if key else ""


def is_strict(scope: str) -> bool:
    """Whether a known key with other content is a conflict in this scope."""
    return scope in STRICT_SCOPES


class Created(Protocol):
    """A write's result: `created` is False for a repeat of a known key."""

    @property
    def created(self) -> bool: ...


ResultT = TypeVar("ResultT", bound=Created)


def store_within_limit(limiter: Limiter, store: Callable[[], ResultT]) -> ResultT:
    """Run `store` with a slot of `limiter` taken (RateLimited when none is left, before
    anything is written); the slot is given back when `store` raises or answers a repeat."""
    reservation = limiter.reserve()
    try:
        result = store()
    except BaseException:
        reservation.release()
        raise
    if not result.created:
        reservation.release()
    return result
