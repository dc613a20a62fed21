"""Counting in the shared cache: the one implementation behind every rate limit and daily cap
(help requests, password resets, the unmet-search log). With `REDIS_URL` the cache is Redis and
every worker process shares the count; the deploy check `perhekeskus.W001` warns otherwise.

Each limit has its own setting ("N/s", "N/m", "N/h", "N/d" or "off"), and `RATE_LIMITS=off`
(`settings.PERHEKESKUS_RATE_LIMITS`) turns all of them off for load tests.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RULE = re.compile(r"^\s*(\d+)\s*/\s*([smhd])\s*$")


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def parse_rate(text: str, *, setting: str) -> Rate | None:
    """A rate setting: "5/h" and the like, or None for "off"."""
    if text.strip().lower() == "off":
        return None
    match = _RULE.match(text)
    if not match or int(match.group(1)) < 1:
        raise ImproperlyConfigured(f"{setting} must be like 5/h or off, not {text!r}")
    return Rate(int(match.group(1)), _PERIODS[match.group(2)])


class RateLimited(Exception):
    """The limit is used up; `retry_after` is the longest wait in seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


def count_up(key: str, *, seconds: int) -> int:
    """Add one to the count kept under `key` for `seconds` from its first count, and return
    the new count. Atomic in Redis and in the local-memory cache alike (add, then incr), so
    concurrent callers never see the same count."""
    if cache.add(key, 1, timeout=seconds):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr: a new window
        return 1 if cache.add(key, 1, timeout=seconds) else count_up(key, seconds=seconds)


@dataclass(frozen=True)
class Counter:
    key: str
    rate: Rate

    def take(self) -> bool:
        """Count one; False (and nothing counted) when the window's count is used up."""
        if count_up(self.key, seconds=self.rate.seconds) > self.rate.count:
            self.give_back()
            return False
        return True

    def give_back(self) -> None:
        # ValueError: the window ended meanwhile, and there is nothing to give back.
        with contextlib.suppress(ValueError):
            cache.decr(self.key)


@dataclass
class Reservation:
    """Slots taken for one thing about to be stored; `release` gives them back when it was not
    stored after all."""

    counters: list[Counter]

    def release(self) -> None:
        for counter in self.counters:
            counter.give_back()
        self.counters = []


@dataclass(frozen=True)
class Limiter:
    """The limits that apply to one client. Empty when limits are off."""

    counters: tuple[Counter, ...]

    def reserve(self) -> Reservation:
        """Take a slot on every limit, or raise RateLimited with nothing taken."""
        taken = Reservation([])
        for counter in self.counters:
            if not counter.take():
                taken.release()
                raise RateLimited(max(c.rate.seconds for c in self.counters))
            taken.counters.append(counter)
        return taken


NO_LIMIT = Limiter(())
