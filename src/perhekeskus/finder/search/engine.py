"""`search_services`: the finder's one search, for the public pages and the HSDS API alike.

The query is analysed in Python (`query.plan`), the database only says which documents hold
which tokens in which field class (`backends`), and the score is computed in Python
(`ranking`) — so SQLite and PostgreSQL return the same services in the same order. Filters and
facets read the documents' attributes kept in memory (`documents`); classification,
modification time and opening hours read the catalogue.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import logging
import threading
import uuid
from array import array
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from itertools import chain

from django.utils import timezone

from perhekeskus.catalog.models import AreaType, Service
from perhekeskus.core.danger import danger_signals
from perhekeskus.finder.models import INDEX_LANGUAGES
from perhekeskus.finder.search import cache as search_cache
from perhekeskus.finder.search import places, thesaurus
from perhekeskus.finder.search import query as query_plan
from perhekeskus.finder.search.analysis import split_words
from perhekeskus.finder.search.backends import Postings, backend
from perhekeskus.finder.search.documents import (
    DocInfo,
    LanguageDocuments,
    catalogue_filters,
    documents,
    haversine_km,
    services_open_at,
)
from perhekeskus.finder.search.ranking import (
    EVERY_WORD,
    Ranker,
    may_exclude_outside,
    outside_excluded,
    reach,
    select,
)
from perhekeskus.finder.search.types import (
    CHANNELS,
    RelatedSituation,
    SearchFilters,
    SearchHit,
    SearchPage,
)
from perhekeskus.finder.search.vocabulary import IndexState, index_state, vocabulary

__all__ = ["haversine_km", "list_services", "search_services", "services_open_at"]

log = logging.getLogger(__name__)

MAX_PER_PAGE = 100
MAX_RELATED = 6
# A query word that more than this share of the documents hold counts only where a service says
# what it is (name, keywords, summary, provider, places), not in its long texts.
COMMON_SHARE = 0.2
# With filters that leave at most this many documents, the database is asked only about them.
ASK_ABOUT_AT_MOST = 5000
# Common words are asked about only among the documents the query's rarer words found, when
# that cannot change the results (`ranking.outside_excluded`); off, everywhere (for tests).
PRUNE_COMMON_WORDS = True
# A crisis search puts the services open now first among at most this many of its best ones:
# what a family in crisis reads, at the cost of one look-up of their hours.
OPEN_FIRST_AT_MOST = 100


def _facets(docs: Iterable[DocInfo]) -> dict[str, dict[str, int]]:
    """Counts over every match: per task, channel, municipality (a nationwide service is found
    by every municipality's filter, so it counts in each) and language the service is given
    in."""
    docs = list(docs)
    tasks = Counter(chain.from_iterable(doc.tasks for doc in docs))
    channels = Counter(chain.from_iterable(doc.channels for doc in docs))
    languages = Counter(chain.from_iterable(doc.languages for doc in docs))
    local = [doc.municipalities for doc in docs if doc.area_type != AreaType.NATIONWIDE]
    nationwide = len(docs) - len(local)
    municipalities = Counter(chain.from_iterable(local))
    return {
        "task": {str(k): tasks[k] for k in sorted(tasks)},
        "channel": {k: channels[k] for k in CHANNELS if channels.get(k)},
        "municipality": {k: municipalities[k] + nationwide for k in sorted(municipalities)},
        "language": {k: languages[k] for k in sorted(languages)},
    }


def _related(
    concepts: Iterable[thesaurus.Concept], language: str, limit: int = MAX_RELATED
) -> list[RelatedSituation]:
    return [
        RelatedSituation(key=c.key, name=c.name(language), url_query=c.name(language))
        for c in list(concepts)[:limit]
    ]


Load = Callable[[list[uuid.UUID]], dict[uuid.UUID, Service]]


def list_services(service_ids: list[uuid.UUID]) -> dict[uuid.UUID, Service]:
    """The page's public services with their provider, in one query: what an HSDS list item
    and the search's callers need first. A caller that shows more (the result cards) fetches
    the rest for the page itself."""
    # By primary key, public or not, and checked here: asked together, SQLite's planner may
    # prefer the (publication, status) index that every public service is in.
    services = Service.objects.filter(pk__in=service_ids).order_by().select_related("organization")
    return {s.pk: s for s in services if s.is_public}


@dataclass(frozen=True)
class Ranked:
    scores: dict[int, float]  # the documents that pass every filter, with a score above 0
    coverage: dict[int, int]  # how many query words each satisfies
    limited: bool  # common words were looked up only where services say what they are
    # With common words asked only among the other words' documents: how many query words a
    # document outside them could satisfy; None when they were asked about everywhere.
    outside_reach: int | None


Found = tuple[DocInfo, float, int]  # a document, its score, its tier
Shown = tuple[DocInfo, float, float | None, int]  # a document, its score, its distance, its tier

# With `near`, distance orders the services within a relevance band: those whose score is at
# least this share of the best score of their tier, then the next band, and so on; so a
# service that barely matches is not shown first for being next door.
NEAR_BAND_SHARE = 0.5
NEAR_BANDS = 3


def _band(score: float, best: float) -> int:
    """0 for a score of at least half the best, 1 for a quarter, 2 below (`NEAR_BANDS`)."""
    if best <= 0.0 or score >= best * NEAR_BAND_SHARE:
        return 0
    band, limit = 1, best * NEAR_BAND_SHARE**2
    while band < NEAR_BANDS - 1 and score < limit:
        band, limit = band + 1, limit * NEAR_BAND_SHARE
    return band


def _window(
    found: list[Found],
    page: int,
    per_page: int,
    near: tuple[float, float] | None,
    *,
    ordered: bool = False,
    open_first: set[int] | None = None,
) -> list[Shown]:
    """The page's documents in rank order: by tier, score, then name (`ordered`: the list is
    in order already). `open_first`: within each tier the documents open now come first. With
    `near`, distance orders the documents within each tier and relevance band (a service's
    nearest place; services without a place after). Only the documents up to the page are
    sorted."""
    end = page * per_page
    closed: Callable[[int], bool] = (
        (lambda pk: pk not in open_first) if open_first is not None else (lambda pk: False)
    )
    if near is not None:
        distances = {doc.pk: doc.distance(near) for doc, _s, _t in found}
        best: dict[int, float] = {}
        for _doc, score, tier in found:
            best[tier] = max(best.get(tier, 0.0), score)

        def by_distance(row: Found) -> tuple[int, bool, int, bool, float, float, str, str]:
            doc, score, tier = row
            km = distances[doc.pk]
            return (
                tier,
                closed(doc.pk),
                _band(score, best[tier]),
                km is None,
                km or 0.0,
                -score,
                doc.name_sort,
                doc.sort_id,
            )

        top = heapq.nsmallest(end, found, key=by_distance)
        return [(doc, score, distances[doc.pk], t) for doc, score, t in top[end - per_page :]]
    if ordered and open_first is None:
        top = found[:end]
    elif open_first is None:
        top = heapq.nsmallest(end, found, key=lambda r: (r[2], -r[1], r[0].name_sort, r[0].sort_id))
    else:
        top = heapq.nsmallest(
            end,
            found,
            key=lambda r: (r[2], closed(r[0].pk), -r[1], r[0].name_sort, r[0].sort_id),
        )
    return [(doc, score, None, t) for doc, score, t in top[end - per_page :]]


def _hits(window: list[Shown], load: Load, broader: bool) -> list[SearchHit]:
    """The page's hits; `broader`: the results are split into those that satisfy every word
    and the broader matches after them."""
    services = load([doc.service_id for doc, _s, _d, _t in window]) if window else {}
    return [
        SearchHit(
            service=services[doc.service_id],
            score=round(score, 6),
            distance_km=distance,
            broader=broader and tier != EVERY_WORD,
        )
        for doc, score, distance, tier in window
        if doc.service_id in services
    ]


def _document_filters(filters: SearchFilters) -> bool:
    return bool(
        filters.municipality
        or filters.age is not None
        or filters.expecting
        or filters.service_language
        or filters.task is not None
        or filters.channel
        or filters.accessibility
        or filters.organization_id is not None
    )


def search_services(
    *,
    query: str,
    filters: SearchFilters,
    language: str,
    page: int = 1,
    per_page: int = 20,
    load: Load = list_services,
    at: dt.datetime | None = None,
) -> SearchPage:
    """Public services for what a person typed, with the filters, in rank order.

    A municipality named in the query ("neuvola Porvoo", "perheneuvola turussa") is used as the
    municipality filter when none is chosen, and leaves the query (`SearchPage.place`).

    An empty query browses: every service that passes the filters, by name (or by distance with
    `near`). A query that finds nothing is recorded (anonymously) for the leaders' view of unmet
    needs, and the page suggests a corrected spelling and related life situations.

    `load` fetches the page's services by id (`list_services`: each with its provider). `at` is
    the moment "open now" speaks of (now by default; the relevance measure fixes it).

    A query that speaks of a crisis or violence (`core.danger.danger_signals`) is `urgent`: the
    page shows the emergency numbers first, and the relevant services open now come first.
    """
    language = language if language in INDEX_LANGUAGES else "fi"
    page = max(1, int(page or 1))
    per_page = max(1, min(MAX_PER_PAGE, int(per_page or 20)))
    text = " ".join((query or "").split())[: query_plan.MAX_QUERY_CHARS]
    state = index_state()
    # A municipality named in the query is the municipality filter, unless one is chosen.
    place = None if filters.municipality else places.recognise(text, language, state)
    if place is not None:
        text = place.rest
        filters = dataclasses.replace(filters, municipality=place.code)
    docs = documents(state, language)
    now = at or timezone.now()

    cache_key = search_cache.key(state, language, text, filters)
    ranking = search_cache.get(cache_key)
    if ranking is None:
        ranking = _rank(text, filters, language, state, docs, now)
        search_cache.put(cache_key, ranking)
    elif not ranking.ordered and filters.near is None:
        # Asked for again: put it in page order once, and every page is a slice from now on.
        ranking = _in_page_order(ranking, docs)
        search_cache.put(cache_key, ranking)
    by_pk = docs.by_pk
    total = len(ranking.pks)
    if ranking.searched and not total:
        _record_zero(text, language, filters.municipality)
    urgent = bool(danger_signals(text))
    # A crisis search: the relevant services open now (a 24-hour line, a shelter) first. Asked
    # of the clock on every search, so never kept in the cache.
    open_first = None
    if urgent and ranking.searched:
        open_first = _open_now_kept(cache_key, now) if cache_key is not None else None
        if open_first is None:
            open_first = _open_now(ranking, by_pk, now)
            _keep_open_now(cache_key, now, open_first)
    if ranking.ordered and filters.near is None and open_first is None:
        start = (page - 1) * per_page
        window: list[Shown] = [
            (by_pk[pk], score, None, tier)
            for pk, score, tier in zip(
                ranking.pks[start : start + per_page],
                ranking.scores[start : start + per_page],
                ranking.tiers[start : start + per_page],
                strict=True,
            )
        ]
    else:
        found = [
            (by_pk[pk], score, tier)
            for pk, score, tier in zip(ranking.pks, ranking.scores, ranking.tiers, strict=True)
        ]
        window = _window(
            found,
            page,
            per_page,
            filters.near,
            ordered=ranking.ordered,
            open_first=open_first,
        )
    every_word = ranking.tiers.count(EVERY_WORD)
    split = ranking.searched and 0 < every_word < total
    return SearchPage(
        query=text,
        hits=_hits(window, load, split),
        total=total,
        page=page,
        per_page=per_page,
        suggestion=ranking.suggestion,
        corrected=ranking.corrected,
        related=list(ranking.related),
        facets=ranking.facets,
        urgent=urgent,
        matching_every_word=every_word if split else None,
        place=place,
    )


# What a crisis search found open, per search and minute: a link to a crisis search (a home page
# chip, a municipality's violence page) brings the same search many times a minute.
_open_now_memo: dict[tuple[Hashable, ...], set[int]] = {}
_open_now_lock = threading.Lock()
OPEN_NOW_MEMO_SIZE = 64


def _minute(now: dt.datetime) -> dt.datetime:
    return now.replace(second=0, microsecond=0)


def _open_now_kept(cache_key: tuple[Hashable, ...], now: dt.datetime) -> set[int] | None:
    with _open_now_lock:
        return _open_now_memo.get((*cache_key, _minute(now)))


def _keep_open_now(
    cache_key: tuple[Hashable, ...] | None, now: dt.datetime, open_first: set[int]
) -> None:
    if cache_key is None:
        return
    with _open_now_lock:
        if len(_open_now_memo) >= OPEN_NOW_MEMO_SIZE:
            _open_now_memo.clear()
        _open_now_memo[(*cache_key, _minute(now))] = open_first


def _open_now(
    ranking: search_cache.Ranking, by_pk: dict[int, DocInfo], now: dt.datetime
) -> set[int]:
    """The best documents of the first tier shown (at most `OPEN_FIRST_AT_MOST`) that are open
    now: those whose order a crisis changes (the rest keep their order below them)."""
    first = min(ranking.tiers, default=EVERY_WORD)
    rows = [
        (score, by_pk[pk])
        for pk, score, tier in zip(ranking.pks, ranking.scores, ranking.tiers, strict=True)
        if tier == first
    ]
    best = heapq.nsmallest(
        OPEN_FIRST_AT_MOST, rows, key=lambda r: (-r[0], r[1].name_sort, r[1].sort_id)
    )
    open_ids = services_open_at({doc.service_id for _s, doc in best}, now)
    return {doc.pk for _s, doc in best if doc.service_id in open_ids}


def _in_page_order(ranking: search_cache.Ranking, docs: LanguageDocuments) -> search_cache.Ranking:
    """The ranking with its documents in the order `_window` shows them: tier, score, name."""
    by_pk = docs.by_pk

    def order(row: tuple[int, float, int]) -> tuple[int, float, str, str]:
        tier, score, pk = row
        doc = by_pk[pk]
        return (tier, -score, doc.name_sort, doc.sort_id)

    rows = sorted(zip(ranking.tiers, ranking.scores, ranking.pks, strict=True), key=order)
    return dataclasses.replace(
        ranking,
        pks=array("q", (pk for _t, _s, pk in rows)),
        scores=array("d", (score for _t, score, _pk in rows)),
        tiers=array("b", (tier for tier, _s, _pk in rows)),
        ordered=True,
    )


def _rank(
    text: str,
    filters: SearchFilters,
    language: str,
    state: IndexState,
    docs: LanguageDocuments,
    now: dt.datetime,
) -> search_cache.Ranking:
    """The search's results in the engine's order, before paging."""
    if not split_words(text):
        passing = docs.passing(filters) if _document_filters(filters) else None
        browsed = catalogue_filters(
            [d for d in docs.by_name if passing is None or d.pk in passing], filters, now
        )
        return search_cache.Ranking(
            pks=array("q", (d.pk for d in browsed)),
            scores=array("d", bytes(8 * len(browsed))),
            tiers=array("b", bytes(len(browsed))),
            facets=_facets(browsed),
            searched=False,
            ordered=True,
        )

    db = backend()
    concepts = thesaurus.concepts(state)
    plan = query_plan.plan(
        text, language, vocabulary=vocabulary(state, language), concepts=concepts, backend=db
    )
    lexicon = vocabulary(state, language)
    allowed = docs.passing(filters) if _document_filters(filters) else None

    frequencies = lexicon.tokens
    total_documents = state.documents(language)
    # A few thousand documents that pass the filters: ask only about them.
    among = allowed if allowed is not None and len(allowed) <= ASK_ABOUT_AT_MOST else None

    words = len(plan.groups)
    looked_up: dict[tuple[str, ...], tuple[Postings, dict[str, dict[int, int]]]] = {}

    def rank(common: Callable[[str], bool], *, prune: bool) -> Ranked:
        tokens, only, phrases = plan.tokens(common)
        broad = [t for t in tokens if only.get(t) == query_plan.COMMON_FIELDS]
        narrow = [t for t in tokens if only.get(t) != query_plan.COMMON_FIELDS]
        if tuple(narrow) not in looked_up:  # the second try asks again only about `broad`
            looked_up[tuple(narrow)] = (
                db.match(language, narrow, only, among, frequencies),
                db.match_phrases(
                    language,
                    {k: [[t for t, _w in slot] for slot in slots] for k, slots in phrases.items()},
                    query_plan.TARGET_FIELDS,
                    among,
                ),
            )
        postings, found = looked_up[tuple(narrow)]
        # Words most documents hold, asked only among what the other words found (`pruned`),
        # where they might not change the results; `outside_excluded` checks that afterwards.
        candidates: set[int] = set()
        outside_reach = reach(plan, broad)
        if broad and prune and may_exclude_outside(words, outside_reach):
            candidates = set().union(*postings, *found.values())
            if allowed is not None:
                candidates &= allowed
        pruned = 0 < len(candidates) < sum(frequencies.get(t, 0) for t in broad)
        ranker = Ranker(
            plan,
            [*narrow, *broad, *found],
            [
                *postings,
                *db.match(language, broad, only, candidates if pruned else among, frequencies),
                *found.values(),
            ],
            docs.by_pk,
            total_documents,
            allowed,
            {t: frequencies.get(t, 0) for t in broad},
        )
        scores, coverage = ranker.score(filters.municipality)
        guessed = ranker.guessed_only
        kept = {
            d.pk
            for d in catalogue_filters(
                [docs.by_pk[pk] for pk in scores if pk not in guessed], filters, now
            )
        }
        return Ranked(
            scores={pk: scores[pk] for pk in kept if scores[pk] > 0.0},
            coverage={pk: coverage[pk] for pk in kept},
            limited=any(classes != query_plan.TARGET_FIELDS for classes in only.values()),
            outside_reach=outside_reach if pruned else None,
        )

    def common(token: str) -> bool:
        return frequencies.get(token, 0) > COMMON_SHARE * total_documents

    ranked = rank(common, prune=PRUNE_COMMON_WORDS)
    if ranked.outside_reach is not None and not outside_excluded(
        ranked.scores, ranked.coverage, words, ranked.outside_reach
    ):
        ranked = rank(common, prune=False)
    if not ranked.scores and ranked.limited:
        # Common words found only in long texts: look there after all rather than answer nothing.
        ranked = rank(lambda token: False, prune=False)
    chosen = select(ranked.scores, ranked.coverage, words)
    matched = sorted((m.concept for m in plan.concepts), key=lambda c: (c.order, c.key))
    related = matched or ([] if chosen else [c for c in concepts if c.show_on_home])
    return search_cache.Ranking(
        pks=array("q", (pk for _tier, pk, _score in chosen)),
        scores=array("d", (score for _tier, _pk, score in chosen)),
        tiers=array("b", (tier for tier, _pk, _score in chosen)),
        facets=_facets(docs.by_pk[pk] for _tier, pk, _score in chosen),
        suggestion=plan.suggestion,
        corrected=plan.corrected and bool(chosen),
        related=_related(related, language),
    )


def _record_zero(text: str, language: str, municipality: str | None) -> None:
    from perhekeskus.finder.services import zero_result_record

    try:
        zero_result_record(
            query=text,  # as typed: finder.unmet needs the capitals to see names
            language=language,
            municipality_code=municipality or "",
        )
    except Exception:  # counting unmet needs must never break a family's search
        log.exception("Could not record a search without results")
