"""Scoring, computed the same way whatever database matched the tokens.

Each query word scores its best alternative; an alternative's slots (equivalent tokens: a
word's base forms, the same forms as compound parts, its widened forms) count as one term of
BM25F: the tokens' field matches add up, weighted by field class (name 4.0, the rest of class
a 2.5, b 1.4, c 0.8, d 0.6: `documents.FIELD_WEIGHTS`) and length-normalised, before one
saturation; the slot's document frequency is that of any of its tokens. A matched need concept
adds its best target's score at half weight (and a fifth of the others'); targets count only in
names, keywords and summaries, where a service says what it is. Multipliers: an exact name
match, the municipality's own services (county-wide ones a little), services of the tasks a
matched concept names. A document that satisfies fewer of the query's words is discounted (soft
AND), and results are cut to the documents that satisfy the most words, with the others below
them when those are few.

Scores are computed per token over its posting list, not per document over the plan, so the
work grows with the number of matches, not with matches × query size.
"""

from __future__ import annotations

import math

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
EXACT_NAME_BONUS = 1.5
OWN_MUNICIPALITY_BONUS = 1.25
COUNTY_BONUS = 1.1
TASK_BONUS = 1.1
# Fewer results than this that satisfy the query's words: add those that satisfy fewer, below.
MIN_FULL_RESULTS = 5

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
    ) -> None:
        """`allowed`: the documents that pass the search's filters (None: all); the others are
        left out before scoring, and document frequencies count among the allowed."""
        self.plan = plan
        self.tokens = tokens
        self.index = {t: i for i, t in enumerate(tokens)}
        self.by_pk = by_pk
        self.total = max(1, total_documents if allowed is None else len(allowed))
        if allowed is not None:
            for posting in postings:
                for doc in [d for d in posting if d not in allowed]:
                    del posting[doc]
        self.postings = postings
        self._slots: dict[tuple[thesaurus.Slot, int], dict[int, float]] = {}

    # --- terms ----------------------------------------------------------------------------------

    def slot(self, slot: thesaurus.Slot, allowed: int = ALL_CLASSES) -> dict[int, float]:
        """Per document, the BM25F score of the slot as one term."""
        key = (slot, allowed)
        known = self._slots.get(key)
        if known is not None:
            return known
        terms = [(self.index[t], w) for t, w in slot if t in self.index]
        holders: set[int] = set()
        for i, _w in terms:
            holders.update(self.postings[i])
        df = len(holders & self.by_pk.keys()) if len(terms) > 1 else len(holders)
        idf = math.log(1.0 + (self.total - df + 0.5) / (df + 0.5)) if df else 0.0
        weighted: dict[int, float] = {}
        by_pk = self.by_pk
        for i, weight in terms:
            token = self.tokens[i]
            for doc, mask in self.postings[i].items():
                mask &= allowed
                if not mask:
                    continue
                info = by_pk.get(doc)
                if info is None:  # removed since this process loaded the documents
                    continue
                x = info.mask_weights[mask]
                if mask & 1 and token in info.names:
                    x += info.name_extra
                weighted[doc] = weighted.get(doc, 0.0) + weight * x
        scores = {doc: idf * x * (K1 + 1.0) / (x + K1) for doc, x in weighted.items()}
        self._slots[key] = scores
        return scores

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
        covered: dict[int, set[int]] = {}
        for index, group in enumerate(self.plan.groups):
            best: dict[int, float] = {}
            for alternative in group.alternatives:
                for doc, score in self.slots(alternative.slots).items():
                    value = alternative.weight * score
                    if value > best.get(doc, 0.0):
                        best[doc] = value
            for doc, value in best.items():
                totals[doc] = totals.get(doc, 0.0) + value
                covered.setdefault(doc, set()).add(index)
        task_bonus: set[int] = set()
        for match in self.plan.concepts:
            strongest: dict[int, float] = {}
            summed: dict[int, float] = {}
            for target in match.concept.targets:
                for doc, score in self.target(target).items():
                    summed[doc] = summed.get(doc, 0.0) + score
                    if score > strongest.get(doc, 0.0):
                        strongest[doc] = score
            for doc, top in strongest.items():
                value = THESAURUS_WEIGHT * (top + OTHER_TARGETS_SHARE * (summed[doc] - top))
                totals[doc] = totals.get(doc, 0.0) + value
                covered.setdefault(doc, set()).update(match.covered)
                if match.concept.tasks & self.by_pk[doc].tasks:
                    task_bonus.add(doc)
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
        return totals, {doc: len(groups) for doc, groups in covered.items()}

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


def select(
    scores: dict[int, float], coverage: dict[int, int], words: int
) -> list[tuple[int, int, float]]:
    """(tier, document, score) of the documents to show, best first: those that satisfy the
    most query words (with three or more words, one may be missing) in tier 0, and when they
    are few, the others in tier 1. Within a tier fewer satisfied words discount the score."""
    if not scores:
        return []
    words = max(1, words)
    best = max(coverage.values())
    slack = 1 if words >= 3 else 0
    adjusted = {
        doc: score * ((1.0 + coverage[doc]) / (1.0 + words)) ** COVERAGE_POWER
        for doc, score in scores.items()
    }
    full = [doc for doc in adjusted if coverage[doc] >= best - slack]
    if len(full) >= MIN_FULL_RESULTS:
        return [(0, doc, adjusted[doc]) for doc in full]
    return [(0 if coverage[doc] >= best - slack else 1, doc, adjusted[doc]) for doc in adjusted]
