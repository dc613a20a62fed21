"""Writing a whole batch in one transaction, and telling the search index afterwards."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction

from perhekeskus.audit.services import audit_record
from perhekeskus.catalog import actions
from perhekeskus.catalog.importers.records import ImportBatch
from perhekeskus.catalog.importers.writer.chunks import Writer
from perhekeskus.catalog.importers.writer.summary import ImportSummary
from perhekeskus.catalog.importers.writer.values import CHUNK_SIZE
from perhekeskus.catalog.listeners import services_changed
from perhekeskus.core.actors import Actor

# SQLite's page cache during an import, in KiB as PRAGMA cache_size takes it (negative).
SQLITE_CACHE_KIB = -65_536


def apply_batch(
    batch: ImportBatch,
    *,
    via: str,
    source: str,
    actor: Actor | None = None,
    progress: Callable[[int, int], None] | None = None,
    skipped: Iterable[tuple[str, str, str]] = (),
    prune: bool = False,
    dry_run: bool = False,
) -> ImportSummary:
    """Write the batch in one transaction. A record that cannot be written (it refers to an
    organisation that does not exist, a value fails validation) is skipped with its reason; the
    rest is written. An exception from anything else rolls the whole import back. `skipped`:
    what the importer itself had to leave out, counted with the writer's own skips.

    Nothing of a service or a place that the batch does not mention is removed (ADR 0030)
    unless `prune`; the summary counts what was kept and what was removed. `dry_run` does all
    of it and then rolls it back: the summary says what the import would do."""
    writer = Writer(via=via, source=source, prune=prune)
    writer.summary.dry_run = dry_run
    writer.summary.skipped.extend(skipped)
    with collector_paused(), transaction.atomic():
        summary = _apply(writer, batch, via=via, source=source, actor=actor, progress=progress)
        if dry_run:
            transaction.set_rollback(True)
    return summary


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while an import reads or writes. An import
    allocates millions of objects (records, rows, documents) that live until it ends, and each
    allocation burst made the collector walk everything alive again: on 20,000 PTV services a
    quarter of the import's time (`make bench`), more than `gc.freeze` of the parsed batch
    saved, as most objects are made while writing. Nothing an import makes needs the collector
    (reference counting frees it); the collector runs as usual again afterwards. Nested uses
    (parse, then write) leave it to the outermost to resume it."""
    paused_here = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused_here:
            gc.enable()


def _apply(
    writer: Writer,
    batch: ImportBatch,
    *,
    via: str,
    source: str,
    actor: Actor | None,
    progress: Callable[[int, int], None] | None,
) -> ImportSummary:
    total = len(batch.organizations) + len(batch.locations) + len(batch.services)
    done = 0
    with transaction.atomic(), _large_cache():
        writer.municipalities(batch.municipalities)
        for taxonomy in batch.taxonomies:
            writer.taxonomy(taxonomy.key, taxonomy.names, taxonomy.descriptions, taxonomy.uri)
        writer.prefetch_terms(t for s in batch.services for t in s.terms)
        steps: list[tuple[str, list[Any]]] = [
            ("organization", batch.organizations),
            ("location", batch.locations),
            ("service", batch.services),
        ]
        for kind, records in steps:
            for start in range(0, len(records), CHUNK_SIZE):
                chunk = records[start : start + CHUNK_SIZE]
                writer.write(kind, chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        writer.forget_orphans(batch)
        audit_record(
            action=actions.IMPORT_RUN,
            actor=actor,
            details={"via": via, "source": source, **writer.summary.as_details()},
        )
        if not writer.summary.dry_run:
            services_changed(
                service_ids=writer.services_to_reindex(batch), import_summary=writer.summary
            )
    return writer.summary


@contextmanager
def _large_cache() -> Iterator[None]:
    """SQLite keeps 2 MB of pages in memory by default. A large import inserts rows all over
    the indexes of random UUID keys, so it would write pages out to the log and read them back
    again and again; with room for them it writes each page once. Other databases size their
    caches themselves."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = {SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")
