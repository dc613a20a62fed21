"""The idempotency keys' one scheme: hashed whole with the scope, and a rate-limit slot used
only by a write that was stored."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.cache import cache

from perhekeskus.core.idempotency import (
    idempotency_hash,
    is_strict,
    store_within_limit,
    stored_key,
)
from perhekeskus.core.ratelimit import Counter, Limiter, Rate, RateLimited


@dataclass(frozen=True)
class Result:
    created: bool


@pytest.fixture
def limiter() -> Limiter:
    cache.clear()
    return Limiter((Counter("ratelimit:test:idempotency", Rate(1, 3600)),))


def test_a_key_is_stored_hashed_in_its_scope() -> None:
    assert stored_key("form", "") == ""
    assert stored_key("api", "abc") == idempotency_hash("api", "abc")
    assert stored_key("api", "abc") != stored_key("form", "abc")
    assert stored_key("api", "abc") != stored_key("api", "ab")
    assert "abc" not in stored_key("api", "abc")
    with pytest.raises(ValueError):
        stored_key("other", "abc")


def test_only_the_api_scope_is_strict() -> None:
    assert is_strict("api") and not is_strict("form")


def test_a_stored_write_uses_the_slot(limiter: Limiter) -> None:
    assert store_within_limit(limiter, lambda: Result(True)).created
    with pytest.raises(RateLimited):
        store_within_limit(limiter, lambda: Result(True))


def test_a_repeat_gives_the_slot_back(limiter: Limiter) -> None:
    assert not store_within_limit(limiter, lambda: Result(False)).created
    assert store_within_limit(limiter, lambda: Result(True)).created


def test_a_write_that_raised_gives_the_slot_back(limiter: Limiter) -> None:
    def refused() -> Result:
        raise LookupError

    with pytest.raises(LookupError):
        store_within_limit(limiter, refused)
    assert store_within_limit(limiter, lambda: Result(True)).created
