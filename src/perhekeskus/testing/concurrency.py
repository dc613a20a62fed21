"""Tests of concurrent writers: several threads released together, on a database where a
second writer waits for the first (PostgreSQL, or SQLite in a file with its busy timeout).

Django tests SQLite in a shared in-memory database, where a second writer fails at once ("table
is locked") instead of waiting; production SQLite is a file. Run these tests on SQLite with
DATABASE_URL=sqlite:////path/to/file.sqlite3 (`.ci/run` does) and on PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

concurrent = pytest.mark.skipif(
    connection.vendor == "sqlite" and connection.settings_dict.get("TEST", {}).get("NAME") is None,
    reason="concurrent writers need PostgreSQL or a file SQLite database (DATABASE_URL)",
)


def at_once(count: int, action: Callable[[int], Any], *, timeout: float = 120) -> list[Any]:
    """Run `action(index)` in `count` threads released together by a barrier; each thread's
    result, or the exception it raised (for the test's assertions). Each thread closes its own
    database connection."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = action(index)
        except Exception as error:  # reported by the caller's assertions
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not any(thread.is_alive() for thread in threads), "a thread is still running"
    return results
