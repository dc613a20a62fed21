"""What a search process keeps in memory between searches: the index's state and vocabulary.

Every search reads the one `SearchIndexState` row; its random generation stamps tell whether the
vocabulary and the thesaurus cached here are still those of the database (any process may have
rebuilt the index since). A stale cache is dropped and reloaded on first use.

The caches hold millions of small objects (a 20,000-service catalogue). Python's cyclic garbage
collector would walk all of them in every full collection, a pause of hundreds of milliseconds
in the middle of some family's search; `settle` moves what a fresh cache holds out of its reach
(`gc.freeze`). The cached objects hold no reference cycles, so dropping a stale cache still frees
them by reference counting.
"""

from __future__ import annotations

import bisect
import gc
import threading
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from perhekeskus.finder.models import SearchIndexState, SearchTerm, TermKind
from perhekeskus.finder.search.analysis import PART_PREFIX, TrigramIndex


@dataclass(frozen=True)
class IndexState:
    index_generation: str
    thesaurus_generation: str
    stats: dict[str, dict[str, object]]

    def documents(self, language: str) -> int:
        stats: dict[str, Any] = self.stats.get(language, {})
        return int(stats.get("n", 0))

    def average_lengths(self, language: str) -> list[float]:
        stats: dict[str, Any] = self.stats.get(language, {})
        values = stats.get("avg") or [0.0, 0.0, 0.0, 0.0]
        return [max(1.0, float(v)) for v in values]


def index_state() -> IndexState:
    state = SearchIndexState.objects.filter(pk=1).first()
    if state is None:
        return IndexState("", "", {})
    return IndexState(state.index_generation, state.thesaurus_generation, state.stats or {})


@dataclass
class LanguageVocabulary:
    """The index tokens of one language with their document counts, sorted forwards and
    backwards for prefix and suffix look-ups; and its surface words for typo correction."""

    tokens: dict[str, int]
    forward: list[str]
    backward: list[str]  # reversed whole tokens, sorted
    words: dict[str, int] = field(default_factory=dict)
    _trigrams: TrigramIndex | None = None

    @classmethod
    def load(cls, language: str) -> LanguageVocabulary:
        tokens: dict[str, int] = {}
        words: dict[str, int] = {}
        rows = SearchTerm.objects.filter(language=language).values_list("kind", "term", "frequency")
        for kind, term, frequency in rows.iterator(chunk_size=5000):
            if kind == TermKind.TOKEN:
                tokens[term] = frequency
            else:
                words[term] = frequency
        whole = [t for t in tokens if not t.startswith(PART_PREFIX)]
        return cls(
            tokens=tokens,
            forward=sorted(whole),
            backward=sorted(t[::-1] for t in whole),
            words=words,
        )

    def starting_with(self, prefix: str, limit: int = 200) -> list[str]:
        start = bisect.bisect_left(self.forward, prefix)
        found: list[str] = []
        for token in self.forward[start:]:
            if not token.startswith(prefix) or len(found) >= limit:
                break
            found.append(token)
        return found

    def ending_with(self, suffix: str, limit: int = 200) -> list[str]:
        reversed_suffix = suffix[::-1]
        start = bisect.bisect_left(self.backward, reversed_suffix)
        found: list[str] = []
        for token in self.backward[start:]:
            if not token.startswith(reversed_suffix) or len(found) >= limit:
                break
            found.append(token[::-1])
        return found

    def containing(self, fragment: str, limit: int = 200) -> list[str]:
        found: list[str] = []
        for token in self.forward:
            if fragment in token:
                found.append(token)
                if len(found) >= limit:
                    break
        return found

    def trigram_index(self) -> TrigramIndex:
        if self._trigrams is None:
            self._trigrams = TrigramIndex(self.words)
            settle(len(self.words))
        return self._trigrams


# Below this many entries a cache is small enough for the collector to walk unnoticed.
SETTLE_ABOVE = 5000


def settle(entries: int) -> None:
    """After loading a cache of `entries` entries: collect what is garbage now, then keep every
    object alive at this moment out of the cyclic collector's full collections."""
    if entries >= SETTLE_ABOVE:
        gc.collect()
        gc.freeze()


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.generation: dict[str, str] = {}
        self.vocabularies: dict[tuple[str, str], LanguageVocabulary] = {}


_cache = _Cache()


def vocabulary(state: IndexState, language: str) -> LanguageVocabulary:
    """The vocabulary of `language` as of the index generation in `state`."""
    alias = connection.alias
    with _cache.lock:
        if _cache.generation.get(alias) != state.index_generation:
            _cache.generation[alias] = state.index_generation
            for key in [k for k in _cache.vocabularies if k[0] == alias]:
                del _cache.vocabularies[key]
        cached = _cache.vocabularies.get((alias, language))
    if cached is not None:
        return cached
    loaded = LanguageVocabulary.load(language)
    with _cache.lock:
        if _cache.generation.get(alias) == state.index_generation:
            _cache.vocabularies[(alias, language)] = loaded
    settle(len(loaded.tokens))
    return loaded


def clear() -> None:
    with _cache.lock:
        _cache.generation.clear()
        _cache.vocabularies.clear()
