"""HSDS's filters that narrow a selector's list: `search` on every collection, a term's parent,
the top of a taxonomy, a place's postal code."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from django.db.models import Q, QuerySet

from perhekeskus.catalog.importers.writer.values import LANGUAGES

T = TypeVar("T")
# Words of a search beyond these are left out (each is a condition on every text).
MAX_WORDS = 10


def search_words(text: str | None) -> list[str]:
    return (text or "").split()[:MAX_WORDS]


def text_search(queryset: QuerySet[Any], text: str | None, fields: Sequence[str]) -> QuerySet[Any]:
    """Every word in one of `fields` (e.g. "name", "location__name"), in any language."""
    for word in search_words(text):
        condition = Q()
        for name in fields:
            for lang in LANGUAGES:
                condition |= Q(**{f"{name}_{lang}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset.distinct() if search_words(text) else queryset


def search_in_code(
    items: Iterable[T], text: str | None, serialize: Callable[[T], dict[str, Any]]
) -> list[T]:
    """Items that live in code (the contact-channel taxonomy), by their name and description as
    the answer shows them."""
    words = [w.casefold() for w in search_words(text)]
    found = []
    for item in items:
        data = serialize(item)
        haystack = f"{data.get('name', '')} {data.get('description', '')}".casefold()
        if all(word in haystack for word in words):
            found.append(item)
    return found
