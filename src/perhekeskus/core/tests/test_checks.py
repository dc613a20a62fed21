"""`check --deploy` warns when rate limits would be counted per process (F-15); with REDIS_URL
the cache is Redis, shared by every process."""

from __future__ import annotations

import runpy
from typing import Any

import pytest

from perhekeskus.core.checks import check_counters_are_shared


def _base_settings() -> dict[str, Any]:
    """The base settings module run afresh, as a new process would read the environment."""
    from perhekeskus.config.settings import base

    return runpy.run_path(base.__file__)


LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/6",
    }
}


def test_warns_with_a_per_process_cache_and_several_workers(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.CACHES = LOCMEM
    monkeypatch.setenv("WEB_CONCURRENCY", "2")
    warnings = check_counters_are_shared()
    assert [w.id for w in warnings] == ["perhekeskus.W001"]
    assert "REDIS_URL" in (warnings[0].hint or "")


@pytest.mark.parametrize(
    ("caches", "workers", "limits"),
    [(REDIS, "4", True), (LOCMEM, "1", True), (LOCMEM, "4", False)],
)
def test_silent_when_the_count_is_shared_or_there_is_one_process(
    settings: Any, monkeypatch: pytest.MonkeyPatch, caches: Any, workers: str, limits: bool
) -> None:
    settings.CACHES = caches
    settings.PERHEKESKUS_RATE_LIMITS = limits
    monkeypatch.setenv("WEB_CONCURRENCY", workers)
    assert check_counters_are_shared() == []


def test_the_check_runs_with_deploy(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core import checks

    settings.CACHES = LOCMEM
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    found = checks.run_checks(include_deployment_checks=True)
    assert "perhekeskus.W001" in {message.id for message in found}
    assert "perhekeskus.W001" not in {message.id for message in checks.run_checks()}


def test_redis_url_makes_the_cache_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/6")
    with_redis = _base_settings()
    assert (
        with_redis["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    )
    assert with_redis["CACHES"]["default"]["LOCATION"] == "redis://127.0.0.1:6379/6"
    monkeypatch.delenv("REDIS_URL")
    without = _base_settings()
    assert without["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert without["PERHEKESKUS_RATE_LIMITS"] is True


def test_rate_limits_switch_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RATE_LIMITS", "off")
    assert _base_settings()["PERHEKESKUS_RATE_LIMITS"] is False


def test_the_cache_in_use_counts_across_connections() -> None:
    """Whatever backend the suite runs on (Redis with REDIS_URL), a count taken through one
    cache connection is seen through another, as another process would."""
    from django.core.cache import caches
    from django.core.cache.backends.base import BaseCache

    from perhekeskus.core.ratelimit import Counter, Rate

    counter = Counter("test:shared", Rate(2, 60))
    assert counter.take() and counter.take()
    other: BaseCache = caches.create_connection("default")
    assert other.get(counter.key) == 2 or "locmem" in type(other).__module__
    assert not counter.take()
