"""Reads of the finder's own data (the search itself is `search.engine.search_services`)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet, Sum

from perhekeskus.finder.models import NeedConcept, ZeroResultQuery


def need_concept_list_home() -> QuerySet[NeedConcept]:
    """The life situations the home page offers as entries, in the coordinators' order."""
    return NeedConcept.objects.filter(active=True, show_on_home=True).order_by("order", "key")


def need_concept_list() -> QuerySet[NeedConcept]:
    return NeedConcept.objects.filter(active=True).order_by("order", "key")


def zero_result_summary(
    *, since: dt.date, language: str | None = None, municipality_code: str | None = None
) -> list[dict[str, object]]:
    """Searches that found nothing since a date, most frequent first: the leaders' view of
    unmet needs. Aggregates only; nothing identifies a person."""
    rows = ZeroResultQuery.objects.filter(date__gte=since)
    if language:
        rows = rows.filter(language=language)
    if municipality_code:
        rows = rows.filter(municipality_code=municipality_code)
    summary = (
        rows.values("query", "language")
        .annotate(searches=Sum("count"))
        .order_by("-searches", "query", "language")
    )
    return [dict(row) for row in summary]
