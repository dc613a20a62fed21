"""HSDS's paging: a page of serialized items with the `Page` fields around it."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from django.db.models import QuerySet

Serialize = Callable[[Any], dict[str, Any]]


class Countable(Protocol):
    def count(self) -> int: ...

    def __getitem__(self, index: slice) -> Iterable[Any]: ...


class Prepended:
    """A queryset with a few items in front of it (the channel taxonomy, which lives in code),
    pageable like the queryset itself."""

    def __init__(self, first: Sequence[Any], rest: QuerySet[Any]) -> None:
        self.first = list(first)
        self.rest = rest

    def count(self) -> int:
        return len(self.first) + self.rest.count()

    def __getitem__(self, index: slice) -> list[Any]:
        start, stop = index.start or 0, index.stop
        head = self.first[start:stop]
        rest_start = max(start - len(self.first), 0)
        rest_stop = None if stop is None else max(stop - len(self.first), 0)
        return head + list(self.rest[rest_start:rest_stop])


def paginate(items: Countable, *, page: int, per_page: int, serialize: Serialize) -> dict[str, Any]:
    total = items.count()
    start = (page - 1) * per_page
    contents = (
        [serialize(item) for item in items[start : start + per_page]] if start < total else []
    )
    return page_body(total=total, page=page, per_page=per_page, contents=contents)


def page_body(
    *, total: int, page: int, per_page: int, contents: list[dict[str, Any]]
) -> dict[str, Any]:
    """The `Page` fields around `contents`, the items of page `page` of `total` items (for an
    API whose items are paged elsewhere, e.g. by a search)."""
    total_pages = math.ceil(total / per_page)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        # HSDS: whether this page holds nothing (a page past the last one, or no results).
        "empty": not contents,
        "contents": contents,
    }
