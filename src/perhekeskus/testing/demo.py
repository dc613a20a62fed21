"""The demo network, loaded once per test process (each pytest-xdist worker is one process).

A test that reads the demo region asks for the `demo_network` fixture: in its signature, with
`pytest.mark.usefixtures("demo_network")` on a module, or on a `django.test.TestCase` class.

How it stays cheap and correct:

- The first such test opens a transaction around the whole test database and loads the demo
  into it. Every test then runs in its own transaction inside that one (pytest-django's `db`, a
  TestCase's class and test atomics: savepoints here), rolled back after it, so each test sees
  the demo exactly as loaded.
- `pytest_collection_modifyitems` moves the demo tests to the end of the tests that run in a
  transaction, and before the transactional ones (`transactional_db`, `live_server`, the
  browser), so each process runs them in one stretch. xdist's default `--dist load` hands each
  worker tests in that order.
- Before any other test, the transaction is rolled back: a test that expects an empty database
  never sees a demo row. Should a demo test come after that anyway (another `--dist` mode, a
  custom order), the demo is loaded again: slower, never wrong.
- Django's `TestCase` closes the connections after each class; while the demo is loaded,
  the connection ignores that (as Django's in-memory SQLite connections always do).
- A transactional test cannot run inside the transaction (its live server and flush need
  committed rows), so it loads the demo itself; asking for `demo_network` there is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test import override_settings

from perhekeskus.demo.loader import DemoSummary, load_demo_network

FIXTURE = "demo_network"
TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


class DemoNetwork:
    """The loaded demo in this process: its loader's summary (a first load, on an empty
    database), and how often it was loaded (for the suite's own test)."""

    def __init__(self) -> None:
        self.summary = DemoSummary()
        self.loads = 0
        self._blocker: Any = None
        self._atomic: Any = None

    @property
    def is_loaded(self) -> bool:
        return self._atomic is not None

    def load(self, blocker: Any) -> None:
        if self._atomic is not None:
            return
        self._blocker = blocker
        with blocker.unblock():
            atomic = transaction.atomic(using=DEFAULT_DB_ALIAS)
            # As Django's TestCase marks its own: `atomic(durable=True)` inside stays allowed.
            atomic._from_testcase = True  # type: ignore[attr-defined]
            atomic.__enter__()
            try:
                with override_settings(PERHEKESKUS_DEMO=True):
                    self.summary = load_demo_network()
            except BaseException:
                transaction.set_rollback(True, using=DEFAULT_DB_ALIAS)
                atomic.__exit__(None, None, None)
                raise
            self._atomic = atomic
            self.loads += 1
            # Django's TestCase.tearDownClass closes every connection; inside this transaction
            # that would end it (PostgreSQL, an SQLite file). Like an in-memory SQLite database,
            # the connection ignores close() until the demo is rolled back.
            connection = connections[DEFAULT_DB_ALIAS]
            connection.close = _keep_open  # type: ignore[method-assign]

    def unload(self) -> None:
        """Roll the demo back: the database is as empty as before it was loaded."""
        if self._atomic is None:
            return
        atomic, self._atomic = self._atomic, None
        connection = connections[DEFAULT_DB_ALIAS]
        if "close" in vars(connection):
            del connection.close
        with self._blocker.unblock():
            transaction.set_rollback(True, using=DEFAULT_DB_ALIAS)
            atomic.__exit__(None, None, None)


def _keep_open() -> None:
    return None


_demo = DemoNetwork()


@pytest.fixture(scope="session")
def demo_network(django_db_setup: None, django_db_blocker: Any) -> Iterator[DemoNetwork]:
    """The demo region, loaded once in this process and rolled back after each test."""
    _demo.load(django_db_blocker)
    yield _demo
    _demo.unload()


def _is_demo_test(item: pytest.Item) -> bool:
    return FIXTURE in getattr(item, "fixturenames", ())


def _is_transactional(item: pytest.Item) -> bool:
    from django.test import TestCase, TransactionTestCase

    test_class = getattr(item, "cls", None)
    if test_class is not None and issubclass(test_class, TransactionTestCase):
        return not issubclass(test_class, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    ):
        return True
    return bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))


def _uses_database(item: pytest.Item) -> bool:
    from django.test import TransactionTestCase

    test_class = getattr(item, "cls", None)
    if test_class is not None and issubclass(test_class, TransactionTestCase):
        return True
    return item.get_closest_marker("django_db") is not None or "db" in getattr(
        item, "fixturenames", ()
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """After pytest-django's order (transaction tests, transactional tests, the rest), move the
    demo tests to the end of the first group."""
    demo = [item for item in items if _is_demo_test(item)]
    if not demo:
        return
    wrong = [item.nodeid for item in demo if _is_transactional(item)]
    if wrong:
        raise pytest.UsageError(
            "demo_network runs in a transaction; a transactional test must load the demo "
            "itself: " + ", ".join(wrong)
        )
    others = [item for item in items if not _is_demo_test(item)]
    first_later = next(
        (
            index
            for index, item in enumerate(others)
            if _is_transactional(item) or not _uses_database(item)
        ),
        len(others),
    )
    items[:] = others[:first_later] + demo + others[first_later:]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before the fixtures of each test: no demo for a test that did not ask for it, and the demo
    back for one that did, if another test came between (the fixture itself is set up once)."""
    if _is_demo_test(item):
        if _demo.loads and not _demo.is_loaded:
            _demo.load(_demo._blocker)
    else:
        _demo.unload()
