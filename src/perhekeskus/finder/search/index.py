"""Building the search index: a public service becomes one document per language.

A document's texts are the service's texts in that language, each missing one replaced as the
catalogue shows it (modeltranslation's fallback fi → sv → en), and every text is analysed in the
language it is written in. The four field classes:

  a  name, alternate name, keywords
  b  summary, classification (family-center task and other term) names
  c  provider and producers, places (municipalities served, locations, post offices), and the
     service's names and keywords in its other languages (so "neuvola" finds a clinic in the
     English finder too)
  d  description, how to get the service, who can get it — whole words only: a compound's
     parts count where a service says what it is (names, keywords, summary), not in passing
     mentions ("yhteistyössä perheneuvolan kanssa" does not make a service a "neuvola")
"""

from __future__ import annotations

import datetime as dt
import functools
import secrets
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Avg, Count, Prefetch, QuerySet

from perhekeskus.catalog.models import (
    AreaType,
    ContactChannel,
    Location,
    LocationType,
    Municipality,
    Organization,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from perhekeskus.catalog.taxonomies import TASKS_KEY
from perhekeskus.finder.models import (
    FIELD_CLASSES,
    INDEX_LANGUAGES,
    SearchDocument,
    SearchIndexState,
    SearchTerm,
    TermKind,
)
from perhekeskus.finder.search.analysis import (
    analyzer,
    normalize,
    split_words,
    trigram_key,
)
from perhekeskus.finder.search.backends import backend

CHUNK = 400
# Rebuilding more services than this at once is done as a full rebuild (cheaper than deltas).
FULL_REBUILD_ABOVE = 2000
MIN_WORD_LENGTH = 3


@functools.lru_cache(maxsize=50_000)
def _vocabulary_words(text: str) -> tuple[str, ...]:
    """The surface words of a name, keyword or place that "did you mean" may suggest."""
    return tuple(
        w
        for w in split_words(text)
        if len(w) >= MIN_WORD_LENGTH and not w.isdigit() and "-" not in w
    )


def _fallback_order(language: str) -> list[str]:
    return list(_fallback_languages(language, _fallback_setting()))


def _fallback_setting() -> tuple[str, ...]:
    return tuple(getattr(settings, "MODELTRANSLATION_FALLBACK_LANGUAGES", INDEX_LANGUAGES))


@functools.lru_cache(maxsize=32)
def _fallback_languages(language: str, order: tuple[str, ...]) -> tuple[str, ...]:
    return (language, *(lang for lang in order if lang != language))


def _text(
    obj: object, name: str, language: str, order: tuple[str, ...] | None = None
) -> tuple[str, str]:
    """(text, the language it is in) as the catalogue shows `name` in `language` (`order`:
    the fallback setting, read once by a caller that asks many times)."""
    for lang in _fallback_languages(language, order or _fallback_setting()):
        value = getattr(obj, f"{name}_{lang}", None) or ""
        if value.strip():
            return value, lang
    return "", language


def _own_text(obj: object, name: str, language: str) -> str:
    return getattr(obj, f"{name}_{language}", None) or ""


def _keywords(text: str) -> str:
    # Keywords are separated by commas; each is analysed as words.
    return " ".join(part.strip() for part in text.split(","))


@dataclass
class DocumentData:
    service_id: uuid.UUID
    language: str
    name_sort: str
    name_key: str
    name_tokens: str
    tokens: dict[str, list[str]]
    words: set[str]
    organization_id: uuid.UUID
    area_type: str
    municipalities: str
    tasks: str
    channels: str
    minimum_age: int | None
    maximum_age: int | None
    coordinates: str
    service_updated_at: dt.datetime
    lengths: dict[str, int] = field(default_factory=dict)

    def distinct(self, cls: str) -> list[str]:
        return list(dict.fromkeys(self.tokens.get(cls, ())))

    def all_tokens(self) -> set[str]:
        return {t for tokens in self.tokens.values() for t in tokens}


def _services(ids: Iterable[uuid.UUID] | None) -> QuerySet[Service]:
    # In id order: a document's id then follows its service's, on every database (by name, it
    # followed each database's collation).
    services = Service.objects.public().order_by("pk")
    if ids is not None:
        services = services.filter(pk__in=list(ids))
    return services.select_related("organization").prefetch_related(
        "producers",
        "area_municipalities",
        Prefetch(
            "organization__municipalities",
        ),
        Prefetch("terms", queryset=TaxonomyTerm.objects.select_related("taxonomy")),
        Prefetch("channels", queryset=ContactChannel.objects.only("id", "kind", "service_id")),
        Prefetch(
            "at_locations",
            queryset=ServiceAtLocation.objects.select_related("location__municipality")
            .prefetch_related(
                Prefetch(
                    "channels",
                    queryset=ContactChannel.objects.only("id", "kind", "service_at_location_id"),
                )
            )
            .order_by("id"),
        ),
    )


# --- Reading many services at once ---------------------------------------------------------------
# A big batch (an import, a full rebuild) reads its services as plain rows, a few queries per
# chunk, instead of model instances with prefetches: building and prefetching model objects took
# most of an import's index time. The rows take the shape `build_documents` reads (`.all()` on
# the relations, the same attribute names) and come in the same order as `_services` gives them,
# so that a document is the same whichever way it was read (`test_search_bulk_index.py`).


class _Many(list[Any]):
    """A relation read ahead: what `service.channels.all()` gives."""

    def all(self) -> _Many:
        return self


def _translated(model: Any, *names: str) -> list[str]:
    """The columns of these texts in every language the index falls back through, where the
    model has them (an attribute the model lacks reads as empty, as on a model instance)."""
    columns = {f.attname for f in model._meta.concrete_fields}
    languages = dict.fromkeys([*INDEX_LANGUAGES, *_fallback_order(INDEX_LANGUAGES[0])])
    return [f"{n}_{lang}" for n in names for lang in languages if f"{n}_{lang}" in columns]


def _positions(queryset: QuerySet[Any]) -> dict[Any, int]:
    """Each row's place in the model's own ordering (as a relation's `.all()` lists them)."""
    return {pk: n for n, pk in enumerate(queryset.values_list("pk", flat=True))}


class _Reader:
    """The small tables every document refers to (organisations, municipalities, terms), read
    once per batch; then the services, chunk by chunk."""

    def __init__(self) -> None:
        self.municipalities = {
            row["code"]: SimpleNamespace(**row)
            for row in Municipality.objects.values("code", *_translated(Municipality, "name"))
        }
        self.municipality_order = _positions(Municipality.objects.all())
        self.organizations = {
            row["id"]: SimpleNamespace(**row, municipalities=_Many())
            for row in Organization.objects.values("id", *_translated(Organization, "name"))
        }
        self.organization_order = _positions(Organization.objects.all())
        through = Organization.municipalities.through
        owned: dict[Any, list[Any]] = {}
        for organization_id, code in through.objects.values_list(
            "organization_id", "municipality_id"
        ):
            owned.setdefault(organization_id, []).append(code)
        for organization_id, codes in owned.items():
            codes.sort(key=lambda c: self.municipality_order.get(c, 0))
            self.organizations[organization_id].municipalities = _Many(
                self.municipalities[c] for c in codes
            )
        self.terms: dict[Any, SimpleNamespace] = {}
        self.term_order: dict[Any, int] = {}

    def _load_terms(self, ids: set[Any]) -> None:
        missing = [pk for pk in ids if pk not in self.terms]
        if not missing:
            return
        for start in range(0, len(missing), 500):
            part = missing[start : start + 500]
            rows = TaxonomyTerm.objects.filter(pk__in=part).values(
                "id", "code", "taxonomy__key", *_translated(TaxonomyTerm, "name")
            )
            for row in rows:
                key = row.pop("taxonomy__key")
                self.terms[row["id"]] = SimpleNamespace(**row, taxonomy=SimpleNamespace(key=key))
        # Their order among themselves, as `service.terms.all()` lists them.
        ordered = TaxonomyTerm.objects.filter(pk__in=list(self.terms)).values_list("pk", flat=True)
        self.term_order = {pk: n for n, pk in enumerate(ordered)}

    def services(self, ids: Sequence[uuid.UUID]) -> list[SimpleNamespace]:
        columns = _translated(
            Service,
            "name",
            "alternate_name",
            "keywords",
            "summary",
            "description",
            "application_process",
            "eligibility_description",
        )
        rows = list(
            Service.objects.public()
            .filter(pk__in=list(ids))
            .order_by("pk")
            .values(
                "id",
                "organization_id",
                "area_type",
                "minimum_age",
                "maximum_age",
                "updated_at",
                *columns,
            )
        )
        found = [row["id"] for row in rows]
        m2m = Service._meta
        relations: dict[str, dict[Any, list[Any]]] = {}
        for name, column in (
            ("producers", "organization_id"),
            ("area_municipalities", "municipality_id"),
            ("terms", "taxonomyterm_id"),
        ):
            through = m2m.get_field(name).remote_field.through  # type: ignore[union-attr]
            linked: dict[Any, list[Any]] = {}
            for service_id, other in through.objects.filter(service_id__in=found).values_list(
                "service_id", column
            ):
                linked.setdefault(service_id, []).append(other)
            relations[name] = linked
        self._load_terms({t for terms in relations["terms"].values() for t in terms})
        kinds: dict[Any, list[Any]] = {}
        for service_id, kind in ContactChannel.objects.filter(service_id__in=found).values_list(
            "service_id", "kind"
        ):
            kinds.setdefault(service_id, []).append(SimpleNamespace(kind=kind))
        at_locations = self._at_locations(found)

        result = []
        for row in rows:
            service_id = row["id"]
            producers = sorted(
                relations["producers"].get(service_id, ()),
                key=lambda pk: self.organization_order.get(pk, 0),
            )
            codes = sorted(
                relations["area_municipalities"].get(service_id, ()),
                key=lambda code: self.municipality_order.get(code, 0),
            )
            terms = sorted(
                relations["terms"].get(service_id, ()),
                key=lambda pk: self.term_order.get(pk, 0),
            )
            result.append(
                SimpleNamespace(
                    **row,
                    pk=service_id,
                    organization=self.organizations[row["organization_id"]],
                    producers=_Many(self.organizations[pk] for pk in producers),
                    area_municipalities=_Many(self.municipalities[c] for c in codes),
                    terms=_Many(self.terms[pk] for pk in terms),
                    channels=_Many(kinds.get(service_id, ())),
                    at_locations=_Many(at_locations.get(service_id, ())),
                )
            )
        return result

    def _at_locations(self, service_ids: list[Any]) -> dict[Any, list[SimpleNamespace]]:
        location_columns = _translated(Location, "name", "post_office")
        rows = list(
            ServiceAtLocation.objects.filter(service_id__in=service_ids)
            .order_by("id")
            .values(
                "id",
                "service_id",
                "location__location_type",
                "location__latitude",
                "location__longitude",
                "location__municipality_id",
                *(f"location__{c}" for c in location_columns),
            )
        )
        kinds: dict[Any, list[Any]] = {}
        for start in range(0, len(rows), 500):
            part = [row["id"] for row in rows[start : start + 500]]
            for sal_id, kind in ContactChannel.objects.filter(
                service_at_location_id__in=part
            ).values_list("service_at_location_id", "kind"):
                kinds.setdefault(sal_id, []).append(SimpleNamespace(kind=kind))
        by_service: dict[Any, list[SimpleNamespace]] = {}
        for row in rows:
            code = row["location__municipality_id"]
            location = SimpleNamespace(
                location_type=row["location__location_type"],
                latitude=row["location__latitude"],
                longitude=row["location__longitude"],
                municipality=self.municipalities.get(code) if code is not None else None,
                **{c: row[f"location__{c}"] for c in location_columns},
            )
            by_service.setdefault(row["service_id"], []).append(
                SimpleNamespace(location=location, channels=_Many(kinds.get(row["id"], ())))
            )
        return by_service


def build_documents(service: Any) -> list[DocumentData]:
    """The service's documents in every index language: a model instance prefetched as
    `_services` does, or a row of `_Reader.services`."""
    sals = list(service.at_locations.all())
    physical = [s for s in sals if s.location.location_type == LocationType.PHYSICAL]
    channel_kinds = {c.kind for c in service.channels.all()}
    for sal in sals:
        channel_kinds.update(c.kind for c in sal.channels.all())
    if physical:
        channel_kinds.add("visit")
    codes = {m.code for m in service.area_municipalities.all()}
    if service.area_type == AreaType.COUNTY:
        codes.update(m.code for m in service.organization.municipalities.all())
    if service.area_type == AreaType.NATIONWIDE:
        codes = set()
    terms = list(service.terms.all())
    tasks = sorted(int(t.code) for t in terms if t.taxonomy.key == TASKS_KEY and t.code.isdigit())
    coordinates = ";".join(
        f"{s.location.latitude},{s.location.longitude}"
        for s in physical
        if s.location.latitude is not None and s.location.longitude is not None
    )
    municipalities = {m.code: m for m in service.area_municipalities.all()}
    if service.area_type == AreaType.COUNTY:
        municipalities.update({m.code: m for m in service.organization.municipalities.all()})
    for sal in physical:
        if sal.location.municipality is not None:
            municipalities.setdefault(sal.location.municipality.code, sal.location.municipality)
    producers = list(service.producers.all())
    order = _fallback_setting()

    def text_of(obj: object, name: str, language: str) -> tuple[str, str]:
        return _text(obj, name, language, order)

    documents = []
    for language in INDEX_LANGUAGES:
        tokens: dict[str, list[str]] = {c: [] for c in FIELD_CLASSES}
        words: set[str] = set()

        def add(
            cls: str,
            text: str,
            lang: str,
            *,
            vocabulary: bool = False,
            tokens: dict[str, list[str]] = tokens,
            words: set[str] = words,
        ) -> None:
            if not text:
                return
            tokens[cls].extend(analyzer(lang).index_tokens(text, parts=cls != "d"))
            if vocabulary:
                words.update(_vocabulary_words(text))

        name, name_lang = text_of(service, "name", language)
        add("a", name, name_lang, vocabulary=True)
        alternate, alternate_lang = text_of(service, "alternate_name", language)
        add("a", alternate, alternate_lang, vocabulary=True)
        keywords, keywords_lang = text_of(service, "keywords", language)
        add("a", _keywords(keywords), keywords_lang, vocabulary=True)

        summary, summary_lang = text_of(service, "summary", language)
        add("b", summary, summary_lang)
        for term in terms:
            add("b", *text_of(term, "name", language))

        for organization in [service.organization, *producers]:
            add("c", *text_of(organization, "name", language), vocabulary=True)
        for municipality in municipalities.values():
            add("c", *text_of(municipality, "name", language), vocabulary=True)
        for sal in physical:
            add("c", *text_of(sal.location, "name", language))
            add("c", *text_of(sal.location, "post_office", language), vocabulary=True)
        for other in INDEX_LANGUAGES:
            if other == language or other in (name_lang, keywords_lang):
                continue
            add("c", _own_text(service, "name", other), other)
            add("c", _own_text(service, "alternate_name", other), other)
            add("c", _keywords(_own_text(service, "keywords", other)), other)

        for attribute in ("description", "application_process", "eligibility_description"):
            add("d", *text_of(service, attribute, language))

        name_words = analyzer(name_lang).words(name)
        name_tokens = " ".join(",".join(w.index_tokens()) for w in name_words if not w.stop)
        lengths = {c: len(tokens[c]) for c in FIELD_CLASSES}
        documents.append(
            DocumentData(
                service_id=service.pk,
                language=language,
                name_sort=normalize(name)[:300],
                name_key=" ".join(split_words(name))[:300],
                name_tokens=name_tokens,
                tokens=tokens,
                words=words,
                organization_id=service.organization_id,
                area_type=service.area_type,
                municipalities=f" {' '.join(sorted(codes))} " if codes else "",
                tasks=f" {' '.join(str(t) for t in tasks)} " if tasks else "",
                channels=f" {' '.join(sorted(channel_kinds))} " if channel_kinds else "",
                minimum_age=service.minimum_age,
                maximum_age=service.maximum_age,
                coordinates=coordinates,
                service_updated_at=service.updated_at,
                lengths=lengths,
            )
        )
    return documents


def _chunks(ids: list[uuid.UUID], size: int) -> Iterator[list[uuid.UUID]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


_DOCUMENT_COLUMNS = (
    "id",
    "service_id",
    "language",
    "name_sort",
    "name_key",
    "name_tokens",
    "a",
    "b",
    "c",
    "d",
    "len_a",
    "len_b",
    "len_c",
    "len_d",
    "words",
    "organization_id",
    "area_type",
    "municipalities",
    "tasks",
    "channels",
    "minimum_age",
    "maximum_age",
    "coordinates",
    "service_updated_at",
)


def _new_document_ids(count: int) -> list[int]:
    """Ids for `count` new documents, taken as the table's own sequence would give them (the
    writer's transaction holds the table's write lock on SQLite; PostgreSQL's sequence is
    transaction-safe), so that the rows and their full-text rows are written in one pass each,
    without reading ids back."""
    if not count:
        return []
    table = SearchDocument._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608  (the model's own table)
        highest = cursor.fetchone()[0]
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        used = cursor.fetchone()
        first = max(highest, used[0] if used else 0) + 1
        return list(range(first, first + count))


def _write(documents: list[DocumentData]) -> list[int]:
    """Write the documents and their full-text rows in one bulk pass each (no model instances:
    building 60,000 of them cost more than writing them); returns their ids."""
    ids = _new_document_ids(len(documents))
    if not ids:
        return ids
    fields = {f.column: f for f in SearchDocument._meta.concrete_fields}
    prepare = {
        column: (lambda value, f=fields[column]: f.get_db_prep_save(value, connection))
        for column in ("service_id", "organization_id", "service_updated_at")
    }
    postgres = connection.vendor == "postgresql"
    rows = []
    # Each document's distinct tokens per class, worked out once for its row and its full-text row.
    distinct: list[dict[str, Sequence[str]]] = [
        {c: d.distinct(c) for c in FIELD_CLASSES} for d in documents
    ]
    for pk, d, classes in zip(ids, documents, distinct, strict=True):
        values: dict[str, Any] = {
            "id": pk,
            "service_id": d.service_id,
            "language": d.language,
            "name_sort": d.name_sort,
            "name_key": d.name_key,
            "name_tokens": d.name_tokens,
            "a": " ".join(classes["a"]),
            "b": " ".join(classes["b"]),
            "c": " ".join(classes["c"]),
            "d": " ".join(classes["d"]),
            "len_a": d.lengths["a"],
            "len_b": d.lengths["b"],
            "len_c": d.lengths["c"],
            "len_d": d.lengths["d"],
            "words": " ".join(sorted(d.words)),
            "organization_id": d.organization_id,
            "area_type": d.area_type,
            "municipalities": d.municipalities,
            "tasks": d.tasks,
            "channels": d.channels,
            "minimum_age": d.minimum_age,
            "maximum_age": d.maximum_age,
            "coordinates": d.coordinates,
            "service_updated_at": d.service_updated_at,
        }
        if not postgres:
            for column, convert in prepare.items():
                values[column] = convert(values[column])
        rows.append(tuple(values[c] for c in _DOCUMENT_COLUMNS))
    table = SearchDocument._meta.db_table
    columns = ", ".join(_DOCUMENT_COLUMNS)
    with connection.cursor() as cursor:
        if postgres:
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(_DOCUMENT_COLUMNS))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608  (the model's own table and columns)
    backend().insert(
        [
            (pk, data.language, classes)
            for pk, data, classes in zip(ids, documents, distinct, strict=True)
        ]
    )
    return ids


def _vocabulary(document: SearchDocument | DocumentData) -> Iterator[tuple[str, str]]:
    """(kind, term) of a document's vocabulary: its distinct tokens and its surface words."""
    if isinstance(document, DocumentData):
        tokens = document.all_tokens()
        words: Iterable[str] = document.words
    else:
        tokens = {t for cls in FIELD_CLASSES for t in getattr(document, cls).split()}
        words = document.words.split()
    for token in tokens:
        yield TermKind.TOKEN, token
    for word in words:
        yield TermKind.WORD, word


def _apply_vocabulary(deltas: Counter[tuple[str, str, str]]) -> None:
    """Add the document counts in `deltas` ((language, kind, term) → change) to the vocabulary;
    terms no document holds any more are removed."""
    deltas = Counter({k: v for k, v in deltas.items() if v})
    if not deltas:
        return
    groups: dict[tuple[str, str], list[str]] = {}
    for language, kind, term in deltas:
        groups.setdefault((language, kind), []).append(term)
    changed: list[SearchTerm] = []
    gone: list[int] = []
    new: list[SearchTerm] = []
    for (language, kind), terms in groups.items():
        for start in range(0, len(terms), 500):
            chunk = terms[start : start + 500]
            existing = {
                t.term: t
                for t in SearchTerm.objects.filter(language=language, kind=kind, term__in=chunk)
            }
            for term in chunk:
                delta = deltas[(language, kind, term)]
                row = existing.get(term)
                if row is None:
                    if delta > 0:
                        new.append(
                            SearchTerm(
                                language=language,
                                kind=kind,
                                term=term[:100],
                                trigram_key=trigram_key(term)[:100],
                                frequency=delta,
                            )
                        )
                    continue
                row.frequency += delta
                if row.frequency <= 0:
                    gone.append(row.pk)
                else:
                    changed.append(row)
    if gone:
        SearchTerm.objects.filter(pk__in=gone).delete()
    if changed:
        SearchTerm.objects.bulk_update(changed, ["frequency"], batch_size=500)
    if new:
        SearchTerm.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)


def _insert_vocabulary(counts: Counter[tuple[str, str, str]]) -> None:
    """The vocabulary of a rebuilt index (its table emptied first), written in one pass: what
    `_apply_vocabulary` would add, in the same order, each truncated term once."""
    groups: dict[tuple[str, str], list[str]] = {}
    for language, kind, term in counts:
        groups.setdefault((language, kind), []).append(term)
    seen: set[tuple[str, str, str]] = set()
    rows = []
    for (language, kind), terms in groups.items():
        for term in terms:
            frequency = counts[(language, kind, term)]
            key = (language, kind, term[:100])
            if frequency <= 0 or key in seen:
                continue
            seen.add(key)
            rows.append((language, kind, term[:100], trigram_key(term)[:100], frequency))
    if not rows:
        return
    table = SearchTerm._meta.db_table
    columns = "language, kind, term, trigram_key, frequency"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s)",  # noqa: S608  (the model's own table)
                rows,
            )


def _update_state() -> None:
    stats: dict[str, dict[str, object]] = {}
    rows = (
        SearchDocument.objects.values("language")
        .annotate(
            n=Count("id"),
            a=Avg("len_a"),
            b=Avg("len_b"),
            c=Avg("len_c"),
            d=Avg("len_d"),
        )
        .order_by("language")
    )
    for row in rows:
        averages: dict[str, Any] = dict(row)
        stats[row["language"]] = {
            "n": row["n"],
            "avg": [round(float(averages[c] or 0.0), 4) for c in FIELD_CLASSES],
        }
    state = SearchIndexState.objects.filter(pk=1).first() or SearchIndexState(pk=1)
    state.stats = stats
    state.index_generation = secrets.token_hex(8)
    state.save()


# The tables whose GIN indexes a full rebuild on PostgreSQL builds once instead of row by row.
_GIN_TABLES = ("finder_searchfield", "finder_searchterm")
# Memory for building them (for this transaction only): sorted in memory, not in temp files.
_GIN_BUILD_MEMORY = "256MB"


@contextmanager
def _gin_indexes_built_at_the_end() -> Iterator[None]:
    """On PostgreSQL, a full rebuild writes every row of `finder_searchfield` and
    `finder_searchterm` again; maintaining their GIN indexes (fastupdate off) row by row took
    about half of the index time. Their indexes are dropped in the rebuild's transaction and
    created again from their own definitions when the rows are in, one sorted build each
    (ADR 0039). Searches wait for the transaction (the drop locks the tables) rather than see
    a half-written index. Elsewhere this does nothing."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = ANY(%s) AND indexdef LIKE %s ORDER BY indexname",
            [list(_GIN_TABLES), "% USING gin %"],
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = %s", [_GIN_BUILD_MEMORY])
        for _name, definition in indexes:
            cursor.execute(definition)


# A batch of more services than this is read as plain rows (`_Reader`), fewer as model objects.
READ_AS_ROWS_ABOVE = 50


def _documents(chunk: list[uuid.UUID], reader: _Reader | None) -> list[DocumentData]:
    services: Iterable[Any] = reader.services(chunk) if reader is not None else _services(chunk)
    return [d for s in services for d in build_documents(s)]


def rebuild(*, service_ids: Iterable[uuid.UUID] | None = None) -> int:
    """Bring the index up to date for these services (all when None); returns how many
    documents were written. Services that are not public lose their documents.

    A big batch (an import) is one bulk pass: the services read as rows a chunk at a time,
    each text analysed once (`analysis` caches texts and words), the documents, their full-text
    rows and the vocabulary written with one bulk statement each per chunk."""
    ids = None if service_ids is None else list(dict.fromkeys(service_ids))
    if ids is not None and len(ids) > FULL_REBUILD_ABOVE:
        ids = None
    written = 0
    with transaction.atomic():
        if ids is None:
            backend().clear()
            SearchDocument.objects.all()._raw_delete(connection.alias)
            SearchTerm.objects.all()._raw_delete(connection.alias)
            counts: Counter[tuple[str, str, str]] = Counter()
            all_ids = list(Service.objects.public().order_by("pk").values_list("pk", flat=True))
            reader = _Reader() if len(all_ids) > READ_AS_ROWS_ABOVE else None
            with _gin_indexes_built_at_the_end():
                for chunk in _chunks(all_ids, CHUNK):
                    documents = _documents(chunk, reader)
                    _write(documents)
                    written += len(documents)
                    for document in documents:
                        for kind, term in _vocabulary(document):
                            counts[(document.language, kind, term)] += 1
                _insert_vocabulary(counts)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:  # fresh statistics for the planner
                    cursor.execute("ANALYZE finder_searchfield, finder_searchdocument")
        else:
            deltas: Counter[tuple[str, str, str]] = Counter()
            reader = _Reader() if len(ids) > READ_AS_ROWS_ABOVE else None
            for chunk in _chunks(ids, CHUNK):
                old = list(SearchDocument.objects.filter(service_id__in=chunk))
                for old_document in old:
                    for kind, term in _vocabulary(old_document):
                        deltas[(old_document.language, kind, term)] -= 1
                backend().delete((d.pk, d.language) for d in old)
                SearchDocument.objects.filter(pk__in=[d.pk for d in old]).delete()
                documents = _documents(chunk, reader)
                _write(documents)
                written += len(documents)
                for new_document in documents:
                    for kind, term in _vocabulary(new_document):
                        deltas[(new_document.language, kind, term)] += 1
            _apply_vocabulary(deltas)
        _update_state()
    return written


def thesaurus_changed() -> None:
    """Tell every process that the need thesaurus changed (their cached concepts are stale)."""
    state = SearchIndexState.objects.filter(pk=1).first() or SearchIndexState(pk=1)
    state.thesaurus_generation = secrets.token_hex(8)
    state.save()
