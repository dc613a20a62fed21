"""What a search found, kept per process for the searches that come again.

Families ask the same things ("neuvola", "perheneuvola", "ero") and page through the same
results; a link to a search shared on a municipality's pages or in the news brings the same
search many times a second. A search's ranking (the documents in rank order with their scores,
facets, the "did you mean" and the related life situations) is therefore kept per process,
keyed by everything it depends on: the database, the index and thesaurus generations, the
language, the query and the filters. Any change to the index or the thesaurus changes a
generation and so the key; "open now" depends on the clock and is never kept. `near` only
orders the same documents, so it is not part of the key.

The documents are kept as arrays of numbers, which Python's garbage collector does not walk.
The cache holds at most `FINDER_SEARCH_CACHE_SIZE` searches (0 turns it off) and at most
`MAX_KEPT_DOCUMENTS` documents in all, the least recently used going first.
"""

from __future__ import annotations

import dataclasses
import threading
from array import array
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection

from perhekeskus.finder.search.types import RelatedSituation, SearchFilters
from perhekeskus.finder.search.vocabulary import IndexState

MAX_KEPT_DOCUMENTS = 2_000_000


@dataclass(frozen=True)
class Ranking:
    """A search's results before paging."""

    pks: array[int]  # documents in the engine's order (`engine.Found`)
    scores: array[float]
    tiers: array[int]
    facets: dict[str, dict[str, int]]
    suggestion: str | None = None
    corrected: bool = False
    related: list[RelatedSituation] = field(default_factory=list)
    searched: bool = True  # False: an empty query, browsing
    # The documents are in the order pages show them (without `near`), so that a page is a slice.
    ordered: bool = False


def key(
    state: IndexState, language: str, text: str, filters: SearchFilters
) -> tuple[Hashable, ...] | None:
    """The cache key of a search, or None when it cannot be kept."""
    if filters.open_now or _capacity() == 0:
        return None
    return (
        connection.alias,
        state.index_generation,
        state.thesaurus_generation,
        language,
        text,
        dataclasses.replace(filters, near=None),
    )


def _capacity() -> int:
    return int(getattr(settings, "FINDER_SEARCH_CACHE_SIZE", 0))


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.rankings: OrderedDict[tuple[Hashable, ...], Ranking] = OrderedDict()
        self.documents = 0


_cache = _Cache()


def get(cache_key: tuple[Hashable, ...] | None) -> Ranking | None:
    if cache_key is None:
        return None
    with _cache.lock:
        ranking = _cache.rankings.get(cache_key)
        if ranking is not None:
            _cache.rankings.move_to_end(cache_key)
        return ranking


def put(cache_key: tuple[Hashable, ...] | None, ranking: Ranking) -> None:
    if cache_key is None or len(ranking.pks) > MAX_KEPT_DOCUMENTS:
        return
    with _cache.lock:
        old = _cache.rankings.pop(cache_key, None)
        if old is not None:
            _cache.documents -= len(old.pks)
        _cache.rankings[cache_key] = ranking
        _cache.documents += len(ranking.pks)
        while _cache.rankings and (
            len(_cache.rankings) > _capacity() or _cache.documents > MAX_KEPT_DOCUMENTS
        ):
            _key, dropped = _cache.rankings.popitem(last=False)
            _cache.documents -= len(dropped.pks)


def clear() -> None:
    with _cache.lock:
        _cache.rankings.clear()
        _cache.documents = 0


def size() -> int:
    with _cache.lock:
        return len(_cache.rankings)
