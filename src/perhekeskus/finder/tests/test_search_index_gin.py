"""A full rebuild on PostgreSQL drops the GIN indexes of the full-text rows and the vocabulary
and builds them again once the rows are in (ADR 0039): afterwards the indexes are the ones the
migrations made, and searches find and rank as before the rebuild."""

from __future__ import annotations

import pytest
from django.db import connection

from perhekeskus.finder.search import index
from perhekeskus.finder.search.engine import search_services
from perhekeskus.finder.search.types import SearchFilters

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_network")]


def _gin_indexes() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
            "AND indexdef LIKE %s ORDER BY indexname",
            [list(index._GIN_TABLES), "% USING gin %"],
        )
        return list(cursor.fetchall())


def _found(query: str, language: str) -> list[str]:
    page = search_services(query=query, filters=SearchFilters(), language=language, per_page=30)
    return [str(hit.service.pk) for hit in page.hits]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN indexes are PostgreSQL's")
def test_a_full_rebuild_leaves_the_same_gin_indexes_and_the_same_results() -> None:
    before = _gin_indexes()
    assert len(before) == 4  # the full-text rows per language (fi, sv, en) and the vocabulary
    assert all("fastupdate=off" in definition for _name, definition in before)
    index.rebuild()
    found_before = {q: _found(q, "fi") for q in ("neuvola", "perheneuvola", "kerho")}
    assert index.rebuild() > 0
    assert _gin_indexes() == before
    assert {q: _found(q, "fi") for q in found_before} == found_before
    assert any(found_before.values())


def test_elsewhere_a_full_rebuild_touches_no_index_definitions() -> None:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    assert index.rebuild() > 0
    with connection.cursor() as cursor:
        assert connection.introspection.table_names(cursor) == tables
