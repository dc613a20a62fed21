"""On Redis, each xdist worker's cache clears only its own keys (testing/cache.py)."""

from __future__ import annotations

import uuid

import pytest
from django.conf import settings
from django.core.cache import caches

from perhekeskus.testing.cache import WorkerRedisCache

pytestmark = pytest.mark.skipif(
    not isinstance(caches["default"], WorkerRedisCache),
    reason="the cache is not Redis (REDIS_URL unset)",
)


def test_the_cache_has_this_workers_prefix() -> None:
    cache = caches["default"]
    assert isinstance(cache, WorkerRedisCache)
    assert cache.key_prefix.endswith(f"-test-{settings.TEST_WORKER}")


def test_clear_leaves_another_workers_keys() -> None:
    cache = caches["default"]
    other = WorkerRedisCache(
        settings.CACHES["default"]["LOCATION"], {"KEY_PREFIX": f"other-{uuid.uuid4()}"}
    )
    try:
        cache.set("counter", 1)
        other.set("counter", 2)
        cache.clear()
        assert cache.get("counter") is None
        assert other.get("counter") == 2
    finally:
        other.clear()
    assert other.get("counter") is None
