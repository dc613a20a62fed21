"""`search_services`: the finder's one search, for the public pages and the HSDS API alike.

The query is analysed in Python (`query.plan`), the database only says which documents hold
which tokens in which field class (`backends`), and the score is computed in Python
(`ranking`) — so SQLite and PostgreSQL return the same services in the same order. Filters and
facets read the documents' attributes kept in memory (`documents`); classification,
modification time and opening hours read the catalogue.
"""

from __future__ import annotations

import heapq
import logging
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db.models import Prefetch
from django.utils import timezone

from perhekeskus.catalog.models import (
    AreaType,
    ContactChannel,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from perhekeskus.finder.models import INDEX_LANGUAGES
from perhekeskus.finder.search import query as query_plan
from perhekeskus.finder.search import thesaurus
from perhekeskus.finder.search.analysis import normalize, split_words
from perhekeskus.finder.search.backends import backend
from perhekeskus.finder.search.documents import (
    DocInfo,
    catalogue_filters,
    documents,
    haversine_km,
    services_open_at,
)
from perhekeskus.finder.search.ranking import Ranker, select
from perhekeskus.finder.search.types import (
    CHANNELS,
    RelatedSituation,
    SearchFilters,
    SearchHit,
    SearchPage,
)
from perhekeskus.finder.search.vocabulary import index_state, vocabulary

__all__ = ["card_services", "haversine_km", "search_services", "services_open_at"]

log = logging.getLogger(__name__)

MAX_PER_PAGE = 100
MAX_RELATED = 6
# A query word that more than this share of the documents hold counts only where a service says
# what it is (name, keywords, summary, provider, places), not in its long texts.
COMMON_SHARE = 0.2
# With filters that leave at most this many documents, the database is asked only about them.
ASK_ABOUT_AT_MOST = 5000


def _facets(docs: Iterable[DocInfo]) -> dict[str, dict[str, int]]:
    """Counts over every match: per task, channel and municipality (a nationwide service is
    found by every municipality's filter, so it counts in each)."""
    tasks: dict[int, int] = defaultdict(int)
    channels: dict[str, int] = defaultdict(int)
    municipalities: dict[str, int] = defaultdict(int)
    nationwide = 0
    for doc in docs:
        for task in doc.tasks:
            tasks[task] += 1
        for channel in doc.channels:
            channels[channel] += 1
        if doc.area_type == AreaType.NATIONWIDE:
            nationwide += 1
        else:
            for code in doc.municipalities:
                municipalities[code] += 1
    return {
        "task": {str(k): tasks[k] for k in sorted(tasks)},
        "channel": {k: channels[k] for k in CHANNELS if channels.get(k)},
        "municipality": {k: municipalities[k] + nationwide for k in sorted(municipalities)},
    }


def _related(
    concepts: Iterable[thesaurus.Concept], language: str, limit: int = MAX_RELATED
) -> list[RelatedSituation]:
    return [
        RelatedSituation(key=c.key, name=c.name(language), url_query=c.name(language))
        for c in list(concepts)[:limit]
    ]


def card_services(service_ids: list[uuid.UUID]) -> dict[uuid.UUID, Service]:
    """Public services with what a result card shows (provider, contact channels, places,
    classifications), in four queries whatever their number."""
    # By primary key, public or not, and checked here: asked together, SQLite's planner may
    # prefer the (publication, status) index that every public service is in.
    services = (
        Service.objects.filter(pk__in=service_ids)
        .order_by()
        .select_related("organization")
        .prefetch_related(
            Prefetch("channels", queryset=ContactChannel.objects.order_by("order", "kind", "id")),
            Prefetch(
                "at_locations",
                queryset=ServiceAtLocation.objects.select_related(
                    "location__municipality"
                ).order_by("id"),
            ),
            Prefetch("terms", queryset=TaxonomyTerm.objects.order_by("taxonomy_id", "code")),
        )
    )
    return {s.pk: s for s in services if s.is_public}


Found = tuple[DocInfo, float, int]  # a document, its score, its tier
Shown = tuple[DocInfo, float, float | None]  # a document, its score, its distance


def _window(
    found: list[Found],
    page: int,
    per_page: int,
    near: tuple[float, float] | None,
    *,
    ordered: bool = False,
) -> list[Shown]:
    """The page's documents in rank order: by tier, score, then name (`ordered`: the list is
    in order already); with `near`, nearest first (a service's nearest place), services
    without a place after. Only the documents up to the page are sorted."""
    end = page * per_page
    if near is not None:
        distances = {doc.pk: doc.distance(near) for doc, _s, _t in found}

        def by_distance(row: Found) -> tuple[bool, float, int, float, str, str]:
            km = distances[row[0].pk]
            return (km is None, km or 0.0, row[2], -row[1], row[0].name_sort, row[0].sort_id)

        top = heapq.nsmallest(end, found, key=by_distance)
        return [(doc, score, distances[doc.pk]) for doc, score, _t in top[end - per_page :]]
    if ordered:
        top = found[:end]
    else:
        top = heapq.nsmallest(end, found, key=lambda r: (r[2], -r[1], r[0].name_sort, r[0].sort_id))
    return [(doc, score, None) for doc, score, _t in top[end - per_page :]]


def _hits(window: list[Shown]) -> list[SearchHit]:
    services = card_services([doc.service_id for doc, _s, _d in window])
    return [
        SearchHit(service=services[doc.service_id], score=round(score, 6), distance_km=distance)
        for doc, score, distance in window
        if doc.service_id in services
    ]


def _document_filters(filters: SearchFilters) -> bool:
    return bool(
        filters.municipality
        or filters.age is not None
        or filters.task is not None
        or filters.channel
        or filters.organization_id is not None
    )


def search_services(
    *,
    query: str,
    filters: SearchFilters,
    language: str,
    page: int = 1,
    per_page: int = 20,
) -> SearchPage:
    """Public services for what a person typed, with the filters, in rank order.

    An empty query browses: every service that passes the filters, by name (or by distance with
    `near`). A query that finds nothing is recorded (anonymously) for the leaders' view of unmet
    needs, and the page suggests a corrected spelling and related life situations.
    """
    language = language if language in INDEX_LANGUAGES else "fi"
    page = max(1, int(page or 1))
    per_page = max(1, min(MAX_PER_PAGE, int(per_page or 20)))
    text = " ".join((query or "").split())[: query_plan.MAX_QUERY_CHARS]
    state = index_state()
    docs = documents(state, language)
    now = timezone.now()

    if not split_words(text):
        browsed = catalogue_filters([d for d in docs.by_name if d.passes(filters)], filters, now)
        in_order = [(d, 0.0, 0) for d in browsed]
        return SearchPage(
            query=text,
            hits=_hits(_window(in_order, page, per_page, filters.near, ordered=True)),
            total=len(browsed),
            page=page,
            per_page=per_page,
            facets=_facets(browsed),
        )

    db = backend()
    concepts = thesaurus.concepts(state)
    plan = query_plan.plan(
        text, language, vocabulary=vocabulary(state, language), concepts=concepts, backend=db
    )
    lexicon = vocabulary(state, language)
    common_above = COMMON_SHARE * state.documents(language)
    allowed = (
        {d.pk for d in docs.by_name if d.passes(filters)} if _document_filters(filters) else None
    )

    def rank(common: Callable[[str], bool]) -> tuple[Ranker, bool]:
        tokens, only, phrases = plan.tokens(common)
        # A few thousand documents that pass the filters: ask only about them.
        among = allowed if allowed is not None and len(allowed) <= ASK_ABOUT_AT_MOST else None
        postings = db.match(language, tokens, only, among)
        found = db.match_phrases(
            language,
            {key: [[t for t, _w in slot] for slot in slots] for key, slots in phrases.items()},
            query_plan.TARGET_FIELDS,
            among,
        )
        ranker = Ranker(
            plan,
            [*tokens, *found],
            [*postings, *found.values()],
            docs.by_pk,
            state.documents(language),
            allowed,
        )
        return ranker, any(classes != query_plan.TARGET_FIELDS for classes in only.values())

    ranker, limited = rank(lambda token: lexicon.tokens.get(token, 0) > common_above)
    scores, coverage = ranker.score(filters.municipality)
    if not scores and limited:
        # Common words found only in long texts: look there after all rather than answer nothing.
        ranker, _limited = rank(lambda token: False)
        scores, coverage = ranker.score(filters.municipality)
    kept = {d.pk for d in catalogue_filters([docs.by_pk[pk] for pk in scores], filters, now)}
    chosen = select(
        {pk: scores[pk] for pk in kept if scores[pk] > 0.0},
        {pk: coverage[pk] for pk in kept},
        len(plan.groups),
    )
    found = [(docs.by_pk[pk], score, tier) for tier, pk, score in chosen]
    window = _window(found, page, per_page, filters.near)

    matched = sorted((m.concept for m in plan.concepts), key=lambda c: (c.order, c.key))
    if not found:
        _record_zero(text, language, filters.municipality)
        related = matched or [c for c in concepts if c.show_on_home]
    else:
        related = matched
    return SearchPage(
        query=text,
        hits=_hits(window),
        total=len(found),
        page=page,
        per_page=per_page,
        suggestion=plan.suggestion,
        corrected=plan.corrected and bool(found),
        related=_related(related, language),
        facets=_facets(doc for doc, _s, _t in found),
    )


def _record_zero(text: str, language: str, municipality: str | None) -> None:
    from perhekeskus.finder.services import zero_result_record

    try:
        zero_result_record(
            query=" ".join(split_words(normalize(text))),
            language=language,
            municipality_code=municipality or "",
        )
    except Exception:  # counting unmet needs must never break a family's search
        log.exception("Could not record a search without results")
