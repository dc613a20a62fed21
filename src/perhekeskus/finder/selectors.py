"""Reads of the finder's own data (the search itself is `search.engine.search_services`; what
the pages show of the catalogue comes from `catalog.selectors`)."""

from __future__ import annotations

from django.db.models import QuerySet

from perhekeskus.finder.models import NeedConcept


def need_concept_list_home() -> QuerySet[NeedConcept]:
    """The life situations the home page offers as entries, in the coordinators' order."""
    return NeedConcept.objects.filter(active=True, show_on_home=True).order_by("order", "key")
