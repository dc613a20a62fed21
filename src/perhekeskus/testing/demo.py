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
  committed rows); it asks for `committed_demo` instead (below), and asking for
  `demo_network` there is an error.

`committed_demo`, for the live-server (browser) tests: the demo as committed rows. The first
such test in a process loads it; on SQLite (in memory or a file) a copy of the whole database is
then kept with SQLite's backup API (on PostgreSQL, every table's rows with COPY and the
sequences' positions), and each later test starts from that copy, restored in a fraction of a
second instead of a load of several seconds. Django's flush after every transactional test
still empties the database, so what a test writes never reaches the next.
"""

from __future__ import annotations

import sqlite3
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


class CommittedDemo:
    """The demo as committed rows for transactional tests: loaded once in this process, then
    restored from a copy of the database (SQLite), or loaded again (another database)."""

    def __init__(self) -> None:
        self.summary = DemoSummary()
        self.loads = 0
        self.restores = 0
        self._sqlite_copy: sqlite3.Connection | None = None
        self._postgres_copy: _PostgresCopy | None = None

    def provide(self) -> None:
        connection = connections[DEFAULT_DB_ALIAS]
        if connection.in_atomic_block:
            raise RuntimeError("committed_demo needs a transactional test (autocommit)")
        if self._sqlite_copy is not None or self._postgres_copy is not None:
            self._restore()
            return
        with override_settings(PERHEKESKUS_DEMO=True):
            self.summary = load_demo_network()
        self.loads += 1
        if connection.vendor == "sqlite":
            copy = sqlite3.connect(":memory:", check_same_thread=False)
            _raw_sqlite_connection().backup(copy)
            self._sqlite_copy = copy
        elif connection.vendor == "postgresql":
            self._postgres_copy = _PostgresCopy.take()

    def _restore(self) -> None:
        from django.contrib.contenttypes.models import ContentType

        from perhekeskus.finder.search import cache, documents, places, thesaurus, vocabulary

        if self._sqlite_copy is not None:
            # Every page of the database as it was right after the load, the search tables,
            # the content types and the sequences included; no trigger fires.
            self._sqlite_copy.backup(_raw_sqlite_connection())
        elif self._postgres_copy is not None:
            self._postgres_copy.restore()
        self.restores += 1
        # What this process keeps in memory is dropped: the content types a flush re-created
        # have other ids than the copy's, and the search keeps what it read per index
        # generation, which the copy brings back.
        ContentType.objects.clear_cache()
        for module in (cache, documents, places, thesaurus, vocabulary):
            module.clear()


def _raw_sqlite_connection() -> sqlite3.Connection:
    connection = connections[DEFAULT_DB_ALIAS]
    connection.ensure_connection()
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


class _PostgresCopy:
    """Every table's rows (COPY, binary) and every sequence's position, as right after the load.
    Restored in one transaction: every table emptied at once (as Django's flush does, through
    the audit log's escape hatch for the harness), the rows copied back, the sequences set."""

    def __init__(self, tables: dict[str, bytes], sequences: list[tuple[str, int, bool]]) -> None:
        self.tables = tables
        self.sequences = sequences

    @classmethod
    def take(cls) -> _PostgresCopy:
        connection = connections[DEFAULT_DB_ALIAS]
        tables: dict[str, bytes] = {}
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names(cursor):
                quoted = connection.ops.quote_name(table)
                with cursor.copy(f"COPY {quoted} TO STDOUT (FORMAT BINARY)") as copy:
                    tables[table] = b"".join(bytes(chunk) for chunk in copy)
            cursor.execute(
                "SELECT format('%I.%I', schemaname, sequencename), last_value "
                "FROM pg_sequences WHERE schemaname = current_schema()"
            )
            sequences = [
                (name, 1 if last is None else last, last is not None)
                for name, last in cursor.fetchall()
            ]
        return cls(tables, sequences)

    def restore(self) -> None:
        from perhekeskus.audit.guard import audit_table_writable_for_flush

        connection = connections[DEFAULT_DB_ALIAS]
        quoted = {table: connection.ops.quote_name(table) for table in self.tables}
        with audit_table_writable_for_flush(), transaction.atomic(), connection.cursor() as cursor:
            # The foreign keys Django creates are deferred to the commit: any order will do.
            cursor.execute("TRUNCATE " + ", ".join(quoted.values()))
            for table, data in self.tables.items():
                if data:
                    with cursor.copy(f"COPY {quoted[table]} FROM STDIN (FORMAT BINARY)") as copy:
                        copy.write(data)
            for name, value, is_called in self.sequences:
                cursor.execute("SELECT setval(%s, %s, %s)", [name, value, is_called])


_committed = CommittedDemo()


@pytest.fixture
def committed_demo(transactional_db: None) -> CommittedDemo:
    """The demo region as committed rows, for a live server's other threads to read: loaded once
    in this process, restored for each test; emptied by Django's flush after it."""
    _committed.provide()
    return _committed


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
            "demo_network runs in a transaction; a transactional test asks for "
            "committed_demo instead: " + ", ".join(wrong)
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
