"""System checks of the deployment (`perhekeskus check --deploy`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

# Caches that each worker process keeps to itself (or that keep nothing).
PER_PROCESS_CACHES = frozenset(
    {
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
    }
)


@register(Tags.security, Tags.caches, deploy=True)
def check_counters_are_shared(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Rate limits (and the unmet-search caps) count in the cache. A cache of each process's
    own means a limit of 5 lets 5 through per worker (F-15)."""
    from perhekeskus.core.management.commands.serve import default_workers

    if not settings.PERHEKESKUS_RATE_LIMITS:
        return []
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    workers = default_workers()
    if backend in PER_PROCESS_CACHES and workers > 1:
        return [
            Warning(
                f"The rate limits are counted in each worker process's own cache ({backend}), "
                f"and {workers} workers would serve (WEB_CONCURRENCY or the CPU count): each "
                "would let the whole limit through.",
                hint="Set REDIS_URL so that every process shares one count, or set "
                "WEB_CONCURRENCY=1.",
                id="perhekeskus.W001",
            )
        ]
    return []
