"""The need thesaurus as a search uses it: concepts analysed once per thesaurus generation, and
matched against a query's words.

A phrase matches when each of its words matches a different word of the query: by any shared
form (base form, stem) when the phrase is in the query's language, by the very same word when it
is in another language ("skilsmässa" typed in the Finnish finder still finds the concept).
The concept's own names count as phrases too.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from django.db import connection

from perhekeskus.finder.models import INDEX_LANGUAGES, NeedConcept
from perhekeskus.finder.search.analysis import PART_PREFIX, WordAnalysis, analyzer
from perhekeskus.finder.search.vocabulary import IndexState

_LIST_SEPARATOR = re.compile(r"[,;\n]+")

# A slot: tokens any of which satisfies it, with the weight of a match on each.
Slot = tuple[tuple[str, float], ...]


def split_list(text: str) -> list[str]:
    """Phrases and targets are written one per line or separated by commas."""
    return [item.strip() for item in _LIST_SEPARATOR.split(text or "") if item.strip()]


@dataclass(frozen=True)
class Phrase:
    language: str
    words: tuple[frozenset[str], ...]  # per word: its forms (own language) or its surface
    surfaces: tuple[str, ...]


@dataclass(frozen=True)
class Concept:
    pk: int
    key: str
    names: dict[str, str]
    tasks: frozenset[int]
    phrases: tuple[Phrase, ...]
    targets: tuple[tuple[Slot, ...], ...]  # each target: its words as slots (all must match)
    show_on_home: bool
    order: int
    # Each target's place in its own language's list: the first answers the need best.
    target_positions: tuple[int, ...] = ()

    def name(self, language: str) -> str:
        return self.names.get(language) or next((n for n in self.names.values() if n), self.key)


PART_WEIGHT = 0.7  # a match on a compound's part, against one on the whole word


def word_slot(word: WordAnalysis) -> Slot:
    """A word as a slot: its whole forms, and the same forms as parts of compounds."""
    whole = [(form, 1.0) for form in word.forms]
    parts = [(PART_PREFIX + form, PART_WEIGHT) for form in word.forms]
    return tuple(dict.fromkeys(whole + parts))


def _analyse_concept(concept: NeedConcept) -> Concept:
    phrases: list[Phrase] = []
    targets: list[tuple[Slot, ...]] = []
    positions: list[int] = []
    names: dict[str, str] = {}
    for lang in INDEX_LANGUAGES:
        name = getattr(concept, f"name_{lang}", "") or ""
        names[lang] = name
        texts = [*split_list(getattr(concept, f"phrases_{lang}", "") or ""), name]
        for text in texts:
            words = analyzer(lang).content_words(text)
            if not words:
                continue
            phrases.append(
                Phrase(
                    language=lang,
                    words=tuple(frozenset(w.forms) for w in words),
                    surfaces=tuple(w.surface for w in words),
                )
            )
        for position, text in enumerate(split_list(getattr(concept, f"targets_{lang}", "") or "")):
            slots = tuple(word_slot(w) for w in analyzer(lang).content_words(text))
            if slots and slots not in targets:
                targets.append(slots)
                positions.append(position)
    return Concept(
        pk=concept.pk,
        key=concept.key,
        names=names,
        tasks=frozenset(concept.task_numbers),
        phrases=tuple(phrases),
        targets=tuple(targets),
        target_positions=tuple(positions),
        show_on_home=concept.show_on_home,
        order=concept.order,
    )


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.concepts: dict[str, tuple[str, tuple[Concept, ...]]] = {}


_cache = _Cache()


def concepts(state: IndexState) -> tuple[Concept, ...]:
    """The active concepts, analysed; cached until the thesaurus generation changes."""
    alias = connection.alias
    with _cache.lock:
        cached = _cache.concepts.get(alias)
    if cached is not None and cached[0] == state.thesaurus_generation:
        return cached[1]
    loaded = tuple(
        _analyse_concept(c)
        for c in NeedConcept.objects.filter(active=True).order_by("order", "key")
    )
    with _cache.lock:
        _cache.concepts[alias] = (state.thesaurus_generation, loaded)
    return loaded


def clear() -> None:
    with _cache.lock:
        _cache.concepts.clear()


@dataclass(frozen=True)
class ConceptMatch:
    concept: Concept
    covered: frozenset[int]  # indexes of the query words the concept's phrases matched


def match_concepts(
    concepts_: tuple[Concept, ...], words: list[WordAnalysis], language: str
) -> list[ConceptMatch]:
    """The concepts whose phrases the query's words contain, with the words they cover. The
    most specific reading wins: a concept that covers only some of the words another concept
    covers is left out ("vauva itkee" is a crying baby, not life with a baby in general)."""
    matches = []
    forms = frozenset().union(*(word.forms for word in words))
    surfaces = {word.surface for word in words}
    for concept in concepts_:
        covered: set[int] = set()
        for phrase in concept.phrases:
            # A phrase whose first word matches no word of the query cannot match.
            first = phrase.surfaces[0] in surfaces or (
                phrase.language == language and not phrase.words[0].isdisjoint(forms)
            )
            if not first:
                continue
            used = _match_phrase(phrase, words, language)
            if used is not None:
                covered.update(used)
        if covered:
            matches.append(ConceptMatch(concept, frozenset(covered)))
    return [m for m in matches if not any(m.covered < other.covered for other in matches)]


def _match_phrase(phrase: Phrase, words: list[WordAnalysis], language: str) -> set[int] | None:
    used: set[int] = set()
    same_language = phrase.language == language
    for position, forms in enumerate(phrase.words):
        surface = phrase.surfaces[position]
        for index, word in enumerate(words):
            if index in used:
                continue
            if (same_language and forms & set(word.forms)) or surface == word.surface:
                used.add(index)
                break
        else:
            return None
    return used
