"""Scoring, computed the same way whatever database matched the tokens.

Each query word scores its best alternative; an alternative's slots (equivalent tokens: a
word's base forms, the same forms as compound parts, its widened forms) count as one term of
BM25F: the tokens' field matches add up, weighted by field class (name 4.0, the rest of class
a 2.5, b 1.4, c 0.8, d 0.6: `documents.FIELD_WEIGHTS`) and length-normalised, before one
saturation; the slot's document frequency is that of any of its tokens, among the documents that
pass the filters (for a common word, estimated from its count in the whole index). A matched
need concept
adds its best target's score at half weight (and a fifth of the others'); targets count only in
names, keywords and summaries, where a service says what it is. Multipliers: an exact name
match, the municipality's own services (county-wide ones a little), services of the tasks a
matched concept names. A document that satisfies fewer of the query's words is discounted (soft
AND), and results are cut to the documents that satisfy the most words, with the others below
them when those are few.

Scores are computed per token over its posting list, not per document over the plan, so the
work grows with the number of matches, not with matches × query size. A word that most documents
hold need not be scored where it cannot change the results (`reach`, `outside_excluded`): the
engine asks about it only among the documents the query's other words found, and checks
afterwards that nothing outside them could have been shown.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping

from perhekeskus.catalog.models import AreaType
from perhekeskus.finder.models import FIELD_CLASSES
from perhekeskus.finder.search import thesaurus
from perhekeskus.finder.search.backends import Postings
from perhekeskus.finder.search.documents import DocInfo
from perhekeskus.finder.search.query import QueryPlan, phrase_key

K1 = 6.0
COVERAGE_POWER = 2.0
THESAURUS_WEIGHT = 0.5
OTHER_TARGETS_SHARE = 0.2
# A concept's targets are listed from the service that answers it best ("crisis helpline" before
# "mental health"): each later one counts a little less.
TARGET_ORDER_DECAY = 0.2
EXACT_NAME_BONUS = 1.5
OWN_MUNICIPALITY_BONUS = 1.25
COUNTY_BONUS = 1.1
TASK_BONUS = 1.1
# Fewer results than this that satisfy the query's words: add those that satisfy fewer, below.
MIN_FULL_RESULTS = 5
# A service that holds every query word itself (not only a need concept's targets), when the
# query names a concept: its own words are the best evidence, so thesaurus expansions do not
# bury it.
OWN_WORDS_BONUS = 1.5

# Tiers of the results, in the order they are shown.
EVERY_WORD = 0  # satisfies every word of the query
NEAR_FULL = 1  # misses one word of three or more: a broader match
FEWER_WORDS = 2  # misses more, shown only when the others are few

BITS = {cls: 1 << i for i, cls in enumerate(FIELD_CLASSES)}
ALL_CLASSES = (1 << len(FIELD_CLASSES)) - 1
TARGET_CLASSES = BITS["a"] | BITS["b"]


class Ranker:
    def __init__(
        self,
        plan: QueryPlan,
        tokens: list[str],
        postings: Postings,
        by_pk: dict[int, DocInfo],
        total_documents: int,
        allowed: set[int] | None = None,
        estimated: Mapping[str, int] | None = None,
    ) -> None:
        """`allowed`: the documents that pass the search's filters (None: all); the others are
        left out before scoring, and document frequencies count among the allowed.
        `estimated`: tokens whose postings may hold only some of their documents (common words
        asked about among the others' documents), with their document frequency in the whole
        index of `total_documents`; a slot with one of them takes its document frequency from
        there, in proportion to the allowed documents."""
        self.plan = plan
        self.tokens = tokens
        self.index = {t: i for i, t in enumerate(tokens)}
        self.by_pk = by_pk
        self.index_total = max(1, total_documents)
        self.total = max(1, total_documents if allowed is None else len(allowed))
        self.estimated = estimated or {}
        if allowed is not None:
            postings = [
                {doc: mask for doc, mask in posting.items() if doc in allowed}
                for posting in postings
            ]
        self.postings = postings
        self._slots: dict[tuple[thesaurus.Slot, int], dict[int, float]] = {}
        # After `score`: the documents that miss a query word and matched the others only by
        # guesses ("drop table" → a service that mentions a tablet): no answer.
        self.guessed_only: set[int] = set()

    # --- terms ----------------------------------------------------------------------------------

    def slot(self, slot: thesaurus.Slot, allowed: int = ALL_CLASSES) -> dict[int, float]:
        """Per document, the BM25F score of the slot as one term."""
        key = (slot, allowed)
        known = self._slots.get(key)
        if known is not None:
            return known
        terms = [(self.index[t], w) for t, w in slot if t in self.index]
        idf = self._idf(slot, terms)
        weighted: dict[int, float] = {}
        get = weighted.get
        info_of = self.by_pk.get
        every_class = allowed == ALL_CLASSES
        for i, weight in terms:
            token = self.tokens[i]
            for doc, mask in self.postings[i].items():
                if not every_class:
                    mask &= allowed
                    if not mask:
                        continue
                info = info_of(doc)
                if info is None:  # removed since this process loaded the documents
                    continue
                x = info.mask_weights[mask]
                if mask & 1 and token in info.names:
                    x += info.name_extra
                weighted[doc] = get(doc, 0.0) + weight * x
        scores = {doc: idf * x * (K1 + 1.0) / (x + K1) for doc, x in weighted.items()}
        self._slots[key] = scores
        return scores

    def _idf(self, slot: thesaurus.Slot, terms: list[tuple[int, float]]) -> float:
        """The slot as one term: its document frequency is that of any of its tokens."""
        estimated = [self.estimated[t] for t, _w in slot if t in self.estimated]
        df: float
        if estimated:
            df = max(estimated) * self.total / self.index_total
        else:
            holders: set[int] = set()
            for i, _w in terms:
                holders.update(self.postings[i])
            df = len(holders & self.by_pk.keys()) if len(terms) > 1 else len(holders)
        return math.log(1.0 + (self.total - df + 0.5) / (df + 0.5)) if df else 0.0

    def slots(
        self, slots: tuple[thesaurus.Slot, ...], allowed: int = ALL_CLASSES
    ) -> dict[int, float]:
        """All slots must match (a compound's parts, a target's words); their mean."""
        if not slots:
            return {}
        per_slot = [self.slot(s, allowed) for s in slots]
        if len(per_slot) == 1:
            return per_slot[0]
        common = set(per_slot[0]).intersection(*per_slot[1:])
        return {doc: sum(p[doc] for p in per_slot) / len(per_slot) for doc in common}

    def target(self, target: tuple[thesaurus.Slot, ...]) -> dict[int, float]:
        """A need concept's target: a word, or a phrase looked up whole (`phrase_key`)."""
        if len(target) == 1:
            return self.slot(target[0], TARGET_CLASSES)
        return self.slot(((phrase_key(target), 1.0),), TARGET_CLASSES)

    # --- documents ------------------------------------------------------------------------------

    def score(self, municipality: str | None) -> tuple[dict[int, float], dict[int, int]]:
        """(score, number of query words satisfied) per matching document."""
        totals: dict[int, float] = {}
        # The query words each document satisfies, as bits (word i: 1 << i).
        covered: dict[int, int] = {}
        # The documents that satisfy a word by its own forms, a compound's parts, a correction
        # or a need concept: the others matched only guesses (`Alternative.widened`).
        sure: set[int] = set()
        for index, group in enumerate(self.plan.groups):
            best: dict[int, float] = {}
            for alternative in group.alternatives:
                weight = alternative.weight
                best_of = best.get
                matched = self.slots(alternative.slots)
                if not alternative.widened:
                    sure.update(matched)
                for doc, score in matched.items():
                    value = weight * score
                    if value > best_of(doc, 0.0):
                        best[doc] = value
            bit = 1 << index
            total_of, covered_of = totals.get, covered.get
            for doc, value in best.items():
                totals[doc] = total_of(doc, 0.0) + value
                covered[doc] = covered_of(doc, 0) | bit
        every = (1 << len(self.plan.groups)) - 1
        own_words = [doc for doc, bits in covered.items() if bits == every]
        task_bonus: set[int] = set()
        for match in self.plan.concepts:
            strongest: dict[int, float] = {}
            summed: dict[int, float] = {}
            positions = match.concept.target_positions
            for index, target in enumerate(match.concept.targets):
                position = positions[index] if index < len(positions) else 0
                order = 1.0 / (1.0 + TARGET_ORDER_DECAY * position)
                for doc, found in self.target(target).items():
                    score = order * found
                    summed[doc] = summed.get(doc, 0.0) + score
                    if score > strongest.get(doc, 0.0):
                        strongest[doc] = score
            bits = sum(1 << index for index in match.covered)
            tasks = match.concept.tasks
            sure.update(strongest)
            for doc, top in strongest.items():
                value = THESAURUS_WEIGHT * (top + OTHER_TARGETS_SHARE * (summed[doc] - top))
                totals[doc] = totals.get(doc, 0.0) + value
                covered[doc] = covered.get(doc, 0) | bits
                if tasks & self.by_pk[doc].tasks:
                    task_bonus.add(doc)
        if self.plan.concepts and every:
            for doc in own_words:
                totals[doc] *= OWN_WORDS_BONUS
        if municipality:
            for doc in totals:
                totals[doc] *= _municipality_bonus(self.by_pk[doc], municipality)
        for doc in task_bonus:
            totals[doc] *= TASK_BONUS
        query_forms = self._query_forms()
        if query_forms:
            for doc in self._name_candidates() & totals.keys():
                if self._exact_name(self.by_pk[doc], query_forms):
                    totals[doc] *= EXACT_NAME_BONUS
        self.guessed_only = {doc for doc, bits in covered.items() if bits != every} - sure
        return totals, {doc: bits.bit_count() for doc, bits in covered.items()}

    def _name_candidates(self) -> set[int]:
        """Documents where every query word is in class a (names are there): the only ones
        whose name can be the query."""
        candidates: set[int] | None = None
        for group in self.plan.groups:
            holders: set[int] = set()
            for token, _w in group.alternatives[0].slots[0]:
                i = self.index.get(token)
                if i is not None:
                    holders.update(doc for doc, mask in self.postings[i].items() if mask & 1)
            candidates = holders if candidates is None else candidates & holders
            if not candidates:
                return set()
        return candidates or set()

    def _query_forms(self) -> list[frozenset[str]] | None:
        """The query's words as typed (their forms), when every word has them."""
        forms = []
        for group in self.plan.groups:
            if not group.alternatives or len(group.alternatives[0].slots) != 1:
                return None
            forms.append(frozenset(t for t, w in group.alternatives[0].slots[0] if w == 1.0))
        return forms or None

    @staticmethod
    def _exact_name(info: DocInfo, query_forms: list[frozenset[str]]) -> bool:
        """Every word of the name is a word of the query and every query word is in the name
        ("perheneuvolaan" and Perheneuvola; not "neuvola" and Perheneuvola)."""
        if not info.name_words or not all(forms & info.name_forms for forms in query_forms):
            return False
        query_all = frozenset().union(*query_forms)
        return all(words & query_all for words in info.name_words)

    def explain(self, doc: int) -> list[str]:
        """What each query word and concept gave a document (for tuning)."""
        lines = []
        for group in self.plan.groups:
            for alternative in group.alternatives:
                score = self.slots(alternative.slots).get(doc)
                if score:
                    first = [t for t, _w in alternative.slots[0]][:3]
                    lines.append(
                        f"{group.word.surface}: {alternative.weight} x {score:.2f} {first}"
                    )
        for match in self.plan.concepts:
            for target in match.concept.targets:
                score = self.target(target).get(doc)
                if score:
                    lines.append(f"{match.concept.key}: {target[0][0][0]} {score:.2f}")
        return lines


def _municipality_bonus(info: DocInfo, municipality: str | None) -> float:
    if not municipality:
        return 1.0
    if info.area_type == AreaType.MUNICIPALITIES:
        return OWN_MUNICIPALITY_BONUS if municipality in info.municipalities else 1.0
    if info.area_type == AreaType.COUNTY:
        return COUNTY_BONUS
    return 1.0


def _slack(words: int) -> int:
    """With three or more query words, a document may miss one and still be in the first tier."""
    return 1 if max(1, words) >= 3 else 0


def _threshold(coverage: Iterable[int], words: int) -> int:
    """The number of query words a document must satisfy to be in the first tier."""
    return max(coverage) - _slack(words)


def may_exclude_outside(words: int, outside_reach: int) -> bool:
    """Whether documents that satisfy at most `outside_reach` of the query's `words` can stay
    below the first tier at all (see `outside_excluded`)."""
    return outside_reach < words - _slack(words)


def reach(plan: QueryPlan, tokens: Collection[str]) -> int:
    """How many query words a document can satisfy through `tokens` alone: the words with an
    alternative of which every slot holds one of them."""
    return sum(
        1
        for group in plan.groups
        if any(
            all(any(t in tokens for t, _w in slot) for slot in alternative.slots)
            for alternative in group.alternatives
        )
    )


def outside_excluded(
    scores: dict[int, float], coverage: dict[int, int], words: int, outside_reach: int
) -> bool:
    """Whether `select` would show none of the documents that satisfy at most `outside_reach`
    query words: they are below the first tier, and the first tier is big enough that no
    second tier is shown."""
    if not scores:
        return False
    threshold = _threshold(coverage.values(), words)
    full = sum(1 for doc in scores if coverage[doc] >= threshold)
    return outside_reach < threshold and full >= MIN_FULL_RESULTS


def select(
    scores: dict[int, float], coverage: dict[int, int], words: int
) -> list[tuple[int, int, float]]:
    """(tier, document, score) of the documents to show: those that satisfy the most query
    words (with three or more words, one may be missing), and when they are few, the others.

    Every word matters: the documents that satisfy every word of the query (directly or through
    the need concept the words name) come first, in tier `EVERY_WORD`; those that miss one
    (`NEAR_FULL`) and, when shown, those that miss more (`FEWER_WORDS`) follow as broader
    matches. Within a tier fewer satisfied words discount the score."""
    if not scores:
        return []
    threshold = _threshold(coverage.values(), words)
    words = max(1, words)
    adjusted = {
        doc: score * ((1.0 + coverage[doc]) / (1.0 + words)) ** COVERAGE_POWER
        for doc, score in scores.items()
    }
    full = [doc for doc in adjusted if coverage[doc] >= threshold]
    shown = full if len(full) >= MIN_FULL_RESULTS else list(adjusted)

    def tier(doc: int) -> int:
        if coverage[doc] >= words:
            return EVERY_WORD
        return NEAR_FULL if coverage[doc] >= threshold else FEWER_WORDS

    return [(tier(doc), doc, adjusted[doc]) for doc in shown]
