"""A big batch (an import, a full rebuild) is indexed in one bulk pass: its services read as
plain rows, not model objects, and its documents, full-text rows and vocabulary written with a
bulk statement each. The index it makes is the one the service-by-service path makes, so that
ranking does not depend on how a service came to be indexed."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from perhekeskus.catalog.models import Service
from perhekeskus.finder.models import SearchDocument, SearchTerm
from perhekeskus.finder.search import index
from perhekeskus.finder.search.engine import search_services
from perhekeskus.finder.search.types import SearchFilters

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_network")]


def _documents() -> list[dict[str, Any]]:
    rows = SearchDocument.objects.order_by("service_id", "language").values()
    return [{k: v for k, v in row.items() if k != "id"} for row in rows]


def _vocabulary() -> set[tuple[str, str, str, int]]:
    return set(SearchTerm.objects.values_list("language", "kind", "term", "frequency"))


def _found(query: str, language: str) -> list[str]:
    page = search_services(query=query, filters=SearchFilters(), language=language, per_page=30)
    return [str(hit.service.pk) for hit in page.hits]


def test_rows_and_model_objects_give_the_same_documents() -> None:
    ids = list(Service.objects.public().order_by("pk").values_list("pk", flat=True))
    assert len(ids) > index.READ_AS_ROWS_ABOVE
    reader = index._Reader()
    for chunk in index._chunks(ids, index.CHUNK):
        as_objects = [d for s in index._services(chunk) for d in index.build_documents(s)]
        as_rows = [d for s in reader.services(chunk) for d in index.build_documents(s)]
        assert [vars(d) for d in as_rows] == [vars(d) for d in as_objects]


def test_a_full_rebuild_and_service_by_service_updates_index_alike() -> None:
    queries = [
        ("neuvola", "fi"),
        ("perheneuvola porvoo", "fi"),
        ("familjerådgivning", "sv"),
        ("child health clinic", "en"),
        ("vauva", "fi"),
    ]
    index.rebuild()
    documents, vocabulary = _documents(), _vocabulary()
    results = [_found(q, lang) for q, lang in queries]
    ids = list(Service.objects.public().values_list("pk", flat=True))
    for service_id in ids:  # the editor's path, a service at a time, read as model objects
        index.rebuild(service_ids=[service_id])
    assert _documents() == documents
    assert _vocabulary() == vocabulary
    assert [_found(q, lang) for q, lang in queries] == results


def test_a_big_batch_writes_in_bulk_not_row_by_row() -> None:
    with CaptureQueriesContext(connection) as captured:
        written = index.rebuild()
    assert written == Service.objects.public().count() * 3
    inserts = [
        q["sql"] for q in captured.captured_queries if q["sql"].lstrip().startswith("INSERT")
    ]
    # One statement per chunk and table (executemany is recorded once), not one per document.
    assert len(inserts) < written / 10
