"""From what a person typed to a query plan: groups of alternatives, one group per word.

A group is satisfied by any of its alternatives; an alternative is a sequence of slots that must
all match (a compound's parts), each slot a set of equivalent tokens with their weights:

  word itself      its forms (1.0), the same forms inside compounds (0.85)
  compound parts   "hammashoito" → hammas + hoito, each whole or as a part (0.6)
  widened          Swedish, English and words Voikko does not know: index tokens that begin
                   with the word's stem or end with the word (0.7); without Voikko, Finnish
                   words also by substring ("neuvol" in "lastenneuvola")
  corrected        a word that matches nothing, corrected to the closest index word (0.9)

Need concepts whose phrases the words contain add their target words with a lower weight.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from perhekeskus.finder.search import thesaurus
from perhekeskus.finder.search.analysis import (
    TRIGRAM_THRESHOLD,
    TrigramIndex,
    WordAnalysis,
    analyzer,
    best_correction,
    trigram_key,
    trigram_similarity,
    voikko_suggestions,
)
from perhekeskus.finder.search.backends import Backend
from perhekeskus.finder.search.thesaurus import PART_WEIGHT, ConceptMatch, Slot, word_slot
from perhekeskus.finder.search.vocabulary import LanguageVocabulary

MAX_QUERY_CHARS = 300
MAX_WORDS = 12
COMPOUND_PARTS_WEIGHT = 0.6
WIDENED_WEIGHT = 0.7
CORRECTED_WEIGHT = 0.9
MAX_WIDENED = 25
MIN_WIDEN_LENGTH = 4


@dataclass(frozen=True)
class Alternative:
    slots: tuple[Slot, ...]
    weight: float
    # Index tokens that only begin with the word's stem or end with it ("table" → "tablet"):
    # a guess, which alone does not make a service an answer (`Ranker.guessed_only`).
    widened: bool = False


@dataclass
class Group:
    word: WordAnalysis
    alternatives: list[Alternative] = field(default_factory=list)
    corrected_to: str | None = None

    def tokens(self) -> set[str]:
        return {t for a in self.alternatives for slot in a.slots for t, _w in slot}


@dataclass
class QueryPlan:
    language: str
    groups: list[Group]
    concepts: list[ConceptMatch]
    suggestion: str | None = None

    def tokens(
        self, common: Callable[[str], bool] = lambda token: False
    ) -> tuple[list[str], dict[str, tuple[str, ...]], dict[str, tuple[Slot, ...]]]:
        """What to look up: tokens, the field classes some tokens are limited to, and phrases.

        The need concepts' targets count in names, keywords and summaries (a, b), where a
        service says what it is; a target of several words ("family mediation") is a phrase
        whose words must all be in the same field (`phrase_key` names it). A query word held by
        a large share of the documents (`common`) counts in names, keywords, summaries,
        provider and places (a, b, c), not in passing mentions in long texts."""
        literal: dict[str, None] = {}
        for group in self.groups:
            literal.update(dict.fromkeys(sorted(group.tokens())))
        targets: dict[str, None] = {}
        phrases: dict[str, tuple[Slot, ...]] = {}
        for match in self.concepts:
            for target in match.concept.targets:
                if len(target) > 1:
                    phrases[phrase_key(target)] = target
                    continue
                targets.update(dict.fromkeys(t for t, _w in target[0] if t not in literal))
        only: dict[str, tuple[str, ...]] = {t: TARGET_FIELDS for t in targets}
        only.update({t: COMMON_FIELDS for t in literal if common(t)})
        return [*literal, *targets], only, phrases

    @property
    def corrected(self) -> bool:
        return any(g.corrected_to for g in self.groups)


TARGET_FIELDS = ("a", "b")
COMMON_FIELDS = ("a", "b", "c")


def phrase_key(slots: tuple[Slot, ...]) -> str:
    """A phrase's name among the looked-up terms: its words' first tokens with spaces (a token
    never holds a space, so a phrase never collides with a token)."""
    return " ".join(slot[0][0] for slot in slots)


def query_words(text: str, language: str) -> list[WordAnalysis]:
    return analyzer(language).content_words(text[:MAX_QUERY_CHARS])[:MAX_WORDS]


def _present(slot: Slot, vocabulary: LanguageVocabulary) -> Slot:
    return tuple((t, w) for t, w in slot if t in vocabulary.tokens)


def _word_alternatives(
    word: WordAnalysis, language: str, vocabulary: LanguageVocabulary, *, weight: float = 1.0
) -> list[Alternative]:
    alternatives = []
    whole = _present(word_slot(word), vocabulary)
    if whole:
        alternatives.append(Alternative((whole,), weight))
    # A compound the index does not hold whole: its parts, each as a word or inside compounds.
    for parts in () if whole else word.parts:
        slots = []
        for part in parts:
            part_word = analyzer(language).word(part)
            slot = _present(word_slot(part_word), vocabulary)
            if not slot:
                break
            slots.append(slot)
        else:
            if slots:
                alternatives.append(Alternative(tuple(slots), weight * COMPOUND_PARTS_WEIGHT))
    widened = _widened(word, language, vocabulary)
    if widened:
        alternatives.append(Alternative((widened,), weight * WIDENED_WEIGHT, widened=True))
    return alternatives


def _widened(word: WordAnalysis, language: str, vocabulary: LanguageVocabulary) -> Slot:
    """Index tokens that begin with the word's stem or end with the word: Swedish compounds
    ("rådgivning" → familjerådgivning) and inflections Snowball leaves ("skilsmässan"), and the
    same for Finnish words no dictionary knows. Without Voikko, Finnish also by substring."""
    finnish_dictionary = language == "fi" and analyzer("fi").uses_voikko
    if finnish_dictionary and word.known:
        return ()
    if word.surface.isdigit():
        return ()
    own = set(word.forms)
    found: dict[str, int] = {}
    stems = sorted({f for f in word.forms if len(f) >= MIN_WIDEN_LENGTH}, key=len)
    if language == "en":
        # English inflects little; only long stems, and only a few letters more.
        for stem in stems:
            if len(stem) >= 6:
                for token in vocabulary.starting_with(stem):
                    if len(token) - len(stem) <= 3:
                        found[token] = vocabulary.tokens.get(token, 0)
    else:
        for stem in stems:
            for token in vocabulary.starting_with(stem):
                found[token] = vocabulary.tokens.get(token, 0)
        if len(word.surface) >= MIN_WIDEN_LENGTH + 1:
            for token in vocabulary.ending_with(word.surface):
                if len(token) >= len(word.surface) + 3:
                    found[token] = vocabulary.tokens.get(token, 0)
        if language == "fi" and not finnish_dictionary and stems:
            for token in vocabulary.containing(stems[0]):
                found[token] = vocabulary.tokens.get(token, 0)
    for token in own:
        found.pop(token, None)
    best = sorted(found, key=lambda t: (-found[t], t))[:MAX_WIDENED]
    return tuple((t, 1.0) for t in sorted(best))


def _correct(
    word: WordAnalysis,
    language: str,
    vocabulary: LanguageVocabulary,
    backend: Backend,
    thesaurus_words: dict[str, int],
) -> str | None:
    """The closest index word (or thesaurus word) to a word that matches nothing."""
    key = trigram_key(word.surface)
    if not key:
        return None
    candidates = backend.similar_words(language, key, TRIGRAM_THRESHOLD)
    if candidates is None:
        candidates = list(vocabulary.trigram_index().similar(word.surface))
    else:
        candidates = [
            (w, f)
            for w, f in candidates
            if trigram_similarity(trigram_key(w), key) >= TRIGRAM_THRESHOLD
        ]
    candidates.extend(TrigramIndex(thesaurus_words).similar(word.surface))
    extra = voikko_suggestions(word.surface) if language == "fi" else []
    pool: dict[str, int] = {}
    for candidate, frequency in candidates:
        pool[candidate] = max(pool.get(candidate, 0), frequency)
    correction = best_correction(word.surface, pool.items(), extra=extra)
    return correction.word if correction else None


def plan(
    text: str,
    language: str,
    *,
    vocabulary: LanguageVocabulary,
    concepts: tuple[thesaurus.Concept, ...],
    backend: Backend,
) -> QueryPlan:
    words = query_words(text, language)
    groups = [
        Group(word=w, alternatives=_word_alternatives(w, language, vocabulary)) for w in words
    ]
    matches = thesaurus.match_concepts(concepts, words, language)
    covered = {index for match in matches for index in match.covered}
    # Words that match nothing and no concept covers: typos? A word the dictionary knows is
    # not one (it is just not in the catalogue); the others are corrected to the closest word
    # of the index or of the thesaurus.
    thesaurus_words: dict[str, int] | None = None
    for index, group in enumerate(groups):
        exact = _present(word_slot(group.word), vocabulary)
        if exact or index in covered or group.word.known:
            continue
        if len(group.word.surface) < 5 or group.word.surface.isdigit():
            continue
        if thesaurus_words is None:
            thesaurus_words = _thesaurus_words(concepts, language)
        corrected = _correct(group.word, language, vocabulary, backend, thesaurus_words)
        if corrected is None:
            continue
        corrected_word = analyzer(language).word(corrected)
        alternatives = _word_alternatives(
            corrected_word, language, vocabulary, weight=CORRECTED_WEIGHT
        )
        if alternatives or corrected in thesaurus_words:
            group.alternatives = alternatives + group.alternatives
            group.corrected_to = corrected
    suggestion = None
    if any(g.corrected_to for g in groups):
        analysed = [
            analyzer(language).word(g.corrected_to) if g.corrected_to else g.word for g in groups
        ]
        matches = thesaurus.match_concepts(concepts, analysed, language)
        suggestion = " ".join(g.corrected_to or g.word.surface for g in groups)
    return QueryPlan(language=language, groups=groups, concepts=matches, suggestion=suggestion)


def _thesaurus_words(concepts: tuple[thesaurus.Concept, ...], language: str) -> dict[str, int]:
    """Words of the thesaurus's phrases in `language`, for typo correction ("erotilane")."""
    words: dict[str, int] = {}
    for concept in concepts:
        for phrase in concept.phrases:
            if phrase.language != language:
                continue
            for surface in phrase.surfaces:
                if len(surface) >= 3:
                    words[surface] = words.get(surface, 0) + 1
    return words


__all__ = [
    "PART_WEIGHT",
    "Alternative",
    "Group",
    "QueryPlan",
    "plan",
    "query_words",
]
