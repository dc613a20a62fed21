"""nDCG@10, MRR, precision@5, the off-topic share of the first 10 and the zero-result rate of
the search on a set of judged queries."""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from perhekeskus.catalog.opening import FINNISH_TIME
from perhekeskus.demo.catalog.helpers import service_id
from perhekeskus.demo.relevance.queries import QUERIES, RelevanceQuery
from perhekeskus.finder.search.engine import search_services
from perhekeskus.finder.search.types import SearchFilters

CUTOFF = 10
# "Open now" at a fixed moment, so that the figures do not depend on the clock: a Friday evening,
# when a family in crisis finds most offices closed (crisis searches put what is open first).
MEASURED_AT = dt.datetime(2026, 12, 4, 19, 30, tzinfo=FINNISH_TIME)
# MRR counts the first result a family would call right: grade 2 or 3.
RELEVANT = 2
# Precision counts every service judged of use (grade 1 to 3) among the first five.
PRECISION_AT = 5


@dataclass
class QueryResult:
    query: RelevanceQuery
    ranked: list[str]  # service keys (or ids of unjudged services) in rank order
    total: int
    ndcg: float
    reciprocal_rank: float
    precision: float = 0.0  # precision@5
    off_topic: float = 0.0  # the share of the first 10 results judged off-topic


@dataclass
class Summary:
    queries: int = 0
    ndcg: float = 0.0
    mrr: float = 0.0
    zero_rate: float = 0.0
    precision: float = 0.0
    off_topic: float = 0.0


@dataclass
class Report:
    results: list[QueryResult] = field(default_factory=list)

    def summary(self, language: str | None = None) -> Summary:
        rows = [r for r in self.results if language is None or r.query.language == language]
        if not rows:
            return Summary()
        count = len(rows)
        return Summary(
            queries=count,
            ndcg=sum(r.ndcg for r in rows) / count,
            mrr=sum(r.reciprocal_rank for r in rows) / count,
            zero_rate=sum(1 for r in rows if r.total == 0) / count,
            precision=sum(r.precision for r in rows) / count,
            off_topic=sum(r.off_topic for r in rows) / count,
        )


def dcg(grades: Iterable[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg_at(ranked_grades: list[int], all_grades: Iterable[int], k: int = CUTOFF) -> float:
    ideal = dcg(sorted((g for g in all_grades if g > 0), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg(ranked_grades[:k]) / ideal


def reciprocal_rank(ranked_grades: list[int], threshold: int = RELEVANT) -> float:
    for rank, grade in enumerate(ranked_grades, start=1):
        if grade >= threshold:
            return 1.0 / rank
    return 0.0


def precision_at(ranked_grades: list[int], relevant: int, k: int = PRECISION_AT) -> float:
    """The share of the first `k` results judged of use (grade 1 or more), out of what could be:
    `k`, or fewer when fewer services are judged of use (a query with two right answers that
    shows them both first scores 1.0)."""
    possible = min(k, relevant)
    if possible == 0:
        return 0.0
    return sum(1 for grade in ranked_grades[:k] if grade > 0) / possible


def off_topic_share(
    ranked: list[str], off_topic: Iterable[str], judgments: dict[str, int], k: int = CUTOFF
) -> float:
    """The share of the first `k` results (as many as were shown) judged off-topic; a service
    graded of use is never off-topic, whatever group it was named in."""
    shown = ranked[:k]
    if not shown:
        return 0.0
    wrong = {key for key in off_topic if judgments.get(key, 0) <= 0}
    return sum(1 for key in shown if key in wrong) / len(shown)


SearchFunction = Callable[[RelevanceQuery], tuple[list[uuid.UUID], int]]


def _search(query: RelevanceQuery) -> tuple[list[uuid.UUID], int]:
    page = search_services(
        query=query.text,
        filters=SearchFilters(municipality=query.municipality),
        language=query.language,
        per_page=CUTOFF,
        at=MEASURED_AT,
    )
    return [hit.service.pk for hit in page.hits], page.total


def _demo_keys() -> dict[uuid.UUID, str]:
    from perhekeskus.demo.catalog import SERVICES

    return {record.id: record.url.rstrip("/").rsplit("/", 1)[-1] for record in SERVICES}


def evaluate(
    queries: Iterable[RelevanceQuery] = QUERIES, search: SearchFunction = _search
) -> Report:
    report = Report()
    demo = _demo_keys()
    for query in queries:
        keys_by_id = {**demo, **{service_id(key): key for key in query.judgments}}
        ids, total = search(query)
        ranked = [keys_by_id.get(i, str(i)) for i in ids]
        grades = [query.judgments.get(key, 0) for key in ranked]
        report.results.append(
            QueryResult(
                query=query,
                ranked=ranked,
                total=total,
                ndcg=ndcg_at(grades, query.judgments.values()),
                reciprocal_rank=reciprocal_rank(grades),
                precision=precision_at(grades, sum(1 for g in query.judgments.values() if g > 0)),
                off_topic=off_topic_share(ranked, query.off_topic, query.judgments),
            )
        )
    return report
