"""The index documents' ranking and filter attributes, kept in memory per language.

A search needs, for every matching document, its field lengths, its name's tokens, and what
filters and facets read (municipalities, tasks, channels, ages, places). Reading those rows for
thousands of matches on every search would cost more than the search itself, so each process
keeps them — not the texts — for the current index generation and reloads them when the
generation changes (any rebuild, in any process). The filters that need the live catalogue
(classification, modification time, opening hours) read it per search.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Q

from perhekeskus.catalog.accessibility import accessibility_by_service
from perhekeskus.catalog.models import (
    AreaType,
    ContactChannel,
    Schedule,
    Service,
    ServiceAtLocation,
)
from perhekeskus.catalog.opening import hours_at_place, is_open
from perhekeskus.catalog.selectors import service_list_public
from perhekeskus.finder.models import FIELD_CLASSES, SearchDocument
from perhekeskus.finder.search.analysis import PART_PREFIX
from perhekeskus.finder.search.types import EXPECTING_MAX_AGE, SearchFilters
from perhekeskus.finder.search.vocabulary import IndexState, settle

# BM25F length normalisation per field class (b): long descriptions are discounted most.
LENGTH_NORMALISATION = {"a": 0.5, "b": 0.5, "c": 0.3, "d": 0.75}
# Field weights: a match in the name, then per class a (rest of name, alternate name, keywords),
# b (summary, classifications), c (provider, places, other languages), d (long texts).
NAME_WEIGHT = 4.0
FIELD_WEIGHTS = (2.5, 1.4, 0.8, 0.6)


@dataclass(frozen=True, slots=True)
class DocInfo:
    pk: int
    service_id: uuid.UUID
    sort_id: str  # the service id as text: the last tie-breaker, the same in every database
    name_sort: str
    names: frozenset[str]  # every token of the name, parts included
    name_words: tuple[frozenset[str], ...]  # each name word's whole forms
    name_forms: frozenset[str]  # all of them
    norms: tuple[float, float, float, float]  # 1 / BM25 length normalisation per class
    # The weighted, normalised sum for every bit mask of field classes (a match's mask indexes
    # it), and what a name match adds to class a: the scorer's inner loop is one look-up.
    mask_weights: tuple[float, ...]
    name_extra: float
    organization_id: uuid.UUID
    area_type: str
    municipalities: frozenset[str]
    tasks: frozenset[int]
    channels: frozenset[str]
    minimum_age: int | None
    maximum_age: int | None
    places: tuple[tuple[float, float], ...]
    languages: frozenset[str] = frozenset()  # the languages the service is given in
    # The accessibility features of each of its physical places (catalog.accessibility).
    access: tuple[frozenset[str], ...] = ()

    def passes(self, filters: SearchFilters) -> bool:
        """The filters kept on the document (the others need the catalogue)."""
        if filters.municipality and not (
            self.area_type == AreaType.NATIONWIDE or filters.municipality in self.municipalities
        ):
            return False
        if filters.age is not None and not self.fits_age(filters.age):
            return False
        if filters.expecting and not self.for_expecting():
            return False
        if filters.service_language and filters.service_language not in self.languages:
            return False
        if filters.task is not None and filters.task not in self.tasks:
            return False
        if filters.channel and filters.channel not in self.channels:
            return False
        if filters.accessibility and not self.has_access(filters.accessibility):
            return False
        return filters.organization_id is None or self.organization_id == filters.organization_id

    def has_access(self, wanted: frozenset[str]) -> bool:
        """One of its places has every feature wanted."""
        return any(wanted <= place for place in self.access)

    def fits_age(self, age: int) -> bool:
        return (self.minimum_age is None or self.minimum_age <= age) and (
            self.maximum_age is None or self.maximum_age >= age
        )

    def for_expecting(self) -> bool:
        """For a family expecting a baby: the age range starts at 0, which in the catalogue
        covers pregnancy, and is for small children."""
        return (
            self.minimum_age == 0
            and self.maximum_age is not None
            and self.maximum_age <= EXPECTING_MAX_AGE
        )

    def distance(self, near: tuple[float, float]) -> float | None:
        best = None
        for place in self.places:
            km = haversine_km(near, place)
            best = km if best is None else min(best, km)
        return None if best is None else round(best, 3)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class LanguageDocuments:
    by_pk: dict[int, DocInfo]
    by_name: tuple[DocInfo, ...]  # every document in browsing order
    # The documents each value of a filter lets through, for `passing`.
    nationwide: frozenset[int] = frozenset()
    by_municipality: dict[str, frozenset[int]] = field(default_factory=dict)
    by_task: dict[int, frozenset[int]] = field(default_factory=dict)
    by_channel: dict[str, frozenset[int]] = field(default_factory=dict)
    by_organization: dict[uuid.UUID, frozenset[int]] = field(default_factory=dict)
    by_language: dict[str, frozenset[int]] = field(default_factory=dict)
    by_access: dict[str, frozenset[int]] = field(default_factory=dict)

    def passing(self, filters: SearchFilters) -> set[int]:
        """The documents that pass the filters kept on the documents (`DocInfo.passes`), by
        set operations rather than a look at every document."""
        sets: list[frozenset[int]] = []
        if filters.municipality:
            sets.append(self.nationwide | self.by_municipality.get(filters.municipality, EMPTY))
        if filters.task is not None:
            sets.append(self.by_task.get(filters.task, EMPTY))
        if filters.channel:
            sets.append(self.by_channel.get(filters.channel, EMPTY))
        if filters.organization_id is not None:
            sets.append(self.by_organization.get(filters.organization_id, EMPTY))
        if filters.service_language:
            sets.append(self.by_language.get(filters.service_language, EMPTY))
        for key in filters.accessibility:
            sets.append(self.by_access.get(key, EMPTY))
        sets.sort(key=len)
        if filters.age is not None:
            age = filters.age
            among = sets[0] if sets else self.by_pk.keys()
            sets.insert(0, frozenset(pk for pk in among if self.by_pk[pk].fits_age(age)))
        if filters.expecting:
            among = sets[0] if sets else self.by_pk.keys()
            sets.insert(0, frozenset(pk for pk in among if self.by_pk[pk].for_expecting()))
        if len(filters.accessibility) > 1:  # all of them at one place, not each at some place
            wanted = filters.accessibility
            sets.insert(0, frozenset(pk for pk in sets[0] if self.by_pk[pk].has_access(wanted)))
        if not sets:
            return set(self.by_pk)
        return set(sets[0]).intersection(*sets[1:])


EMPTY: frozenset[int] = frozenset()


_FIELDS = (
    "pk",
    "service_id",
    "name_sort",
    "name_tokens",
    "len_a",
    "len_b",
    "len_c",
    "len_d",
    "organization_id",
    "area_type",
    "municipalities",
    "tasks",
    "channels",
    "minimum_age",
    "maximum_age",
    "coordinates",
)


def _places(text: str) -> tuple[tuple[float, float], ...]:
    places = []
    for pair in text.split(";"):
        lat, _sep, lon = pair.partition(",")
        try:
            places.append((float(lat), float(lon)))
        except ValueError:
            continue
    return tuple(places)


def _load(language: str, state: IndexState) -> LanguageDocuments:
    average = state.average_lengths(language)
    interned: dict[object, object] = {}

    def share(value: object) -> object:
        return interned.setdefault(value, value)

    by_pk: dict[int, DocInfo] = {}
    # The languages a service is given in are read from the catalogue: the index changes its
    # generation on every catalogue write, and these documents are reloaded with it.
    service_languages = {
        service_id: share(frozenset(codes or ()))
        for service_id, codes in Service.objects.order_by().values_list("pk", "languages")
    }
    access_by_service = {
        service_id: share(places) for service_id, places in accessibility_by_service().items()
    }
    rows = SearchDocument.objects.filter(language=language).values_list(*_FIELDS)
    for row in rows.iterator(chunk_size=5000):
        (
            pk,
            service_id,
            name_sort,
            name_tokens,
            la,
            lb,
            lc,
            ld,
            organization_id,
            area_type,
            municipalities,
            tasks,
            channels,
            minimum_age,
            maximum_age,
            coordinates,
        ) = row
        words = [word.split(",") for word in name_tokens.split()]
        name_words = tuple(
            frozenset(t for t in word if not t.startswith(PART_PREFIX)) for word in words
        )
        lengths = (la, lb, lc, ld)
        na, nb, nc, nd = (
            1.0
            / (
                1.0
                - LENGTH_NORMALISATION[cls]
                + LENGTH_NORMALISATION[cls] * lengths[p] / average[p]
            )
            for p, cls in enumerate(FIELD_CLASSES)
        )
        norms = (na, nb, nc, nd)
        weighted = (
            FIELD_WEIGHTS[0] * na,
            FIELD_WEIGHTS[1] * nb,
            FIELD_WEIGHTS[2] * nc,
            FIELD_WEIGHTS[3] * nd,
        )
        mask_weights = tuple(
            sum(w for bit, w in enumerate(weighted) if mask & (1 << bit)) for mask in range(16)
        )
        by_pk[pk] = DocInfo(
            pk=pk,
            service_id=service_id,
            sort_id=str(service_id),
            name_sort=name_sort,
            names=frozenset(t for word in words for t in word),
            name_words=name_words,
            name_forms=frozenset().union(*name_words),
            norms=norms,
            mask_weights=mask_weights,
            name_extra=(NAME_WEIGHT - FIELD_WEIGHTS[0]) * na,
            organization_id=share(organization_id),  # type: ignore[arg-type]
            area_type=share(area_type),  # type: ignore[arg-type]
            municipalities=share(frozenset(municipalities.split())),  # type: ignore[arg-type]
            tasks=share(frozenset(int(t) for t in tasks.split())),  # type: ignore[arg-type]
            channels=share(frozenset(channels.split())),  # type: ignore[arg-type]
            minimum_age=minimum_age,
            maximum_age=maximum_age,
            places=_places(coordinates),
            languages=service_languages.get(service_id, EMPTY),  # type: ignore[arg-type]
            access=access_by_service.get(service_id, ()),  # type: ignore[arg-type]
        )
    ordered = tuple(sorted(by_pk.values(), key=lambda d: (d.name_sort, d.sort_id)))
    nationwide: set[int] = set()
    by_municipality: dict[str, set[int]] = defaultdict(set)
    by_task: dict[int, set[int]] = defaultdict(set)
    by_channel: dict[str, set[int]] = defaultdict(set)
    by_organization: dict[uuid.UUID, set[int]] = defaultdict(set)
    by_language: dict[str, set[int]] = defaultdict(set)
    by_access: dict[str, set[int]] = defaultdict(set)
    for doc in ordered:
        if doc.area_type == AreaType.NATIONWIDE:
            nationwide.add(doc.pk)
        for code in doc.municipalities:
            by_municipality[code].add(doc.pk)
        for task in doc.tasks:
            by_task[task].add(doc.pk)
        for channel in doc.channels:
            by_channel[channel].add(doc.pk)
        by_organization[doc.organization_id].add(doc.pk)
        for code in doc.languages:
            by_language[code].add(doc.pk)
        for key in frozenset().union(*doc.access):
            by_access[key].add(doc.pk)

    def frozen(sets: dict[Any, set[int]]) -> dict[Any, frozenset[int]]:
        return {key: frozenset(value) for key, value in sets.items()}

    return LanguageDocuments(
        by_pk=by_pk,
        by_name=ordered,
        nationwide=frozenset(nationwide),
        by_municipality=frozen(by_municipality),
        by_task=frozen(by_task),
        by_channel=frozen(by_channel),
        by_organization=frozen(by_organization),
        by_language=frozen(by_language),
        by_access=frozen(by_access),
    )


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.documents: dict[tuple[str, str], tuple[str, LanguageDocuments]] = {}


_cache = _Cache()


def documents(state: IndexState, language: str) -> LanguageDocuments:
    key = (connection.alias, language)
    with _cache.lock:
        cached = _cache.documents.get(key)
    if cached is not None and cached[0] == state.index_generation:
        return cached[1]
    loaded = _load(language, state)
    with _cache.lock:
        _cache.documents[key] = (state.index_generation, loaded)
    settle(len(loaded.by_pk))
    return loaded


def clear() -> None:
    with _cache.lock:
        _cache.documents.clear()


# --- Filters that read the catalogue ------------------------------------------------------------


def catalogue_filters(
    docs: list[DocInfo], filters: SearchFilters, now: dt.datetime
) -> list[DocInfo]:
    """Classification, modification time and open now, read from the catalogue itself."""
    if (
        filters.taxonomy_term_id is not None
        or filters.taxonomy_id is not None
        or filters.modified_after is not None
    ):
        allowed = set(
            service_list_public(
                taxonomy_term_id=filters.taxonomy_term_id,
                taxonomy_id=filters.taxonomy_id,
                modified_after=filters.modified_after,
            )
            .order_by()
            .values_list("pk", flat=True)
        )
        docs = [d for d in docs if d.service_id in allowed]
    if filters.open_now and docs:
        open_ids = services_open_at({d.service_id for d in docs}, now)
        docs = [d for d in docs if d.service_id in open_ids]
    return docs


def services_open_at(service_ids: Iterable[uuid.UUID], at: dt.datetime) -> set[uuid.UUID]:
    """The services open at `at`: by their own hours, the hours at any of their places
    (catalog.opening.hours_at_place, the rule the service card follows), or the hours of a
    contact channel (a helpline that answers now)."""
    ids = list(service_ids)
    found: set[uuid.UUID] = set()
    for start in range(0, len(ids), 2000):  # bounded IN lists (SQLite's parameter limit)
        found |= _open_at(ids[start : start + 2000], at)
    return found


def _open_at(ids: list[uuid.UUID], at: dt.datetime) -> set[uuid.UUID]:
    own: dict[uuid.UUID, list[Schedule]] = defaultdict(list)
    by_sal: dict[uuid.UUID, list[Schedule]] = defaultdict(list)
    by_location: dict[uuid.UUID, list[Schedule]] = defaultdict(list)
    by_channel: dict[uuid.UUID, list[Schedule]] = defaultdict(list)
    sals = list(
        ServiceAtLocation.objects.filter(service_id__in=ids).values_list(
            "pk", "service_id", "location_id"
        )
    )
    channels = list(
        ContactChannel.objects.filter(
            Q(service_id__in=ids) | Q(service_at_location__service_id__in=ids)
        ).values_list("pk", "service_id", "service_at_location__service_id")
    )
    schedules = Schedule.objects.filter(
        Q(service_id__in=ids)
        | Q(service_at_location_id__in=[s[0] for s in sals])
        | Q(location_id__in={s[2] for s in sals})
        | Q(channel_id__in=[c[0] for c in channels])
    )
    for schedule in schedules:
        if schedule.service_id:
            own[schedule.service_id].append(schedule)
        if schedule.service_at_location_id:
            by_sal[schedule.service_at_location_id].append(schedule)
        if schedule.location_id:
            by_location[schedule.location_id].append(schedule)
        if schedule.channel_id:
            by_channel[schedule.channel_id].append(schedule)
    open_ids = {sid for sid, rows in own.items() if is_open(rows, at)}
    for sal_id, service_id, location_id in sals:
        if service_id in open_ids:
            continue
        rows = hours_at_place(by_sal.get(sal_id, []), by_location.get(location_id, []))
        if rows and is_open(rows, at):
            open_ids.add(service_id)
    for channel_id, service_id, sal_service_id in channels:
        owner = service_id or sal_service_id
        if owner in open_ids:
            continue
        rows = by_channel.get(channel_id) or []
        if rows and is_open(rows, at):
            open_ids.add(owner)
    return open_ids
