"""A Redis cache for test processes that share one Redis database.

pytest-xdist runs the suite in several processes at once. Each has its own `KEY_PREFIX` (the
test settings add the worker's name), and `clear()` deletes only the keys under that prefix:
Django's own `RedisCache.clear()` empties the whole database, the other workers' rate-limit
counters included, in the middle of their tests.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache


class WorkerRedisCache(RedisCache):
    def clear(self) -> None:
        client = self._cache.get_client(write=True)
        # Every key this cache makes starts with "<KEY_PREFIX>:" (Django's default key function).
        pattern = f"{self.key_prefix}:*".replace("[", "\\[")
        batch: list[bytes] = []
        for key in client.scan_iter(match=pattern, count=500):
            batch.append(key)
            if len(batch) >= 500:
                client.delete(*batch)
                batch.clear()
        if batch:
            client.delete(*batch)
