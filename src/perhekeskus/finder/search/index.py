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
import secrets
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Avg, Count, Prefetch, QuerySet

from perhekeskus.catalog.models import (
    AreaType,
    ContactChannel,
    LocationType,
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


def _fallback_order(language: str) -> list[str]:
    order = list(getattr(settings, "MODELTRANSLATION_FALLBACK_LANGUAGES", INDEX_LANGUAGES))
    return [language, *(lang for lang in order if lang != language)]


def _text(obj: object, name: str, language: str) -> tuple[str, str]:
    """(text, the language it is in) as the catalogue shows `name` in `language`."""
    for lang in _fallback_order(language):
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
    services = Service.objects.public()
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


def build_documents(service: Service) -> list[DocumentData]:
    """The service's documents in every index language (prefetched as `_services` does)."""
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
                words.update(
                    w
                    for w in split_words(text)
                    if len(w) >= MIN_WORD_LENGTH and not w.isdigit() and "-" not in w
                )

        name, name_lang = _text(service, "name", language)
        add("a", name, name_lang, vocabulary=True)
        alternate, alternate_lang = _text(service, "alternate_name", language)
        add("a", alternate, alternate_lang, vocabulary=True)
        keywords, keywords_lang = _text(service, "keywords", language)
        add("a", _keywords(keywords), keywords_lang, vocabulary=True)

        summary, summary_lang = _text(service, "summary", language)
        add("b", summary, summary_lang)
        for term in terms:
            add("b", *_text(term, "name", language))

        for organization in [service.organization, *producers]:
            add("c", *_text(organization, "name", language), vocabulary=True)
        for municipality in municipalities.values():
            add("c", *_text(municipality, "name", language), vocabulary=True)
        for sal in physical:
            add("c", *_text(sal.location, "name", language))
            add("c", *_text(sal.location, "post_office", language), vocabulary=True)
        for other in INDEX_LANGUAGES:
            if other == language or other in (name_lang, keywords_lang):
                continue
            add("c", _own_text(service, "name", other), other)
            add("c", _own_text(service, "alternate_name", other), other)
            add("c", _keywords(_own_text(service, "keywords", other)), other)

        for attribute in ("description", "application_process", "eligibility_description"):
            add("d", *_text(service, attribute, language))

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


def _write(documents: list[DocumentData]) -> list[SearchDocument]:
    rows = [
        SearchDocument(
            service_id=d.service_id,
            language=d.language,
            name_sort=d.name_sort,
            name_key=d.name_key,
            name_tokens=d.name_tokens,
            a=" ".join(d.distinct("a")),
            b=" ".join(d.distinct("b")),
            c=" ".join(d.distinct("c")),
            d=" ".join(d.distinct("d")),
            len_a=d.lengths["a"],
            len_b=d.lengths["b"],
            len_c=d.lengths["c"],
            len_d=d.lengths["d"],
            words=" ".join(sorted(d.words)),
            organization_id=d.organization_id,
            area_type=d.area_type,
            municipalities=d.municipalities,
            tasks=d.tasks,
            channels=d.channels,
            minimum_age=d.minimum_age,
            maximum_age=d.maximum_age,
            coordinates=d.coordinates,
            service_updated_at=d.service_updated_at,
        )
        for d in documents
    ]
    created = SearchDocument.objects.bulk_create(rows, batch_size=500)
    backend().insert(
        [
            (row.pk, data.language, {c: data.distinct(c) for c in FIELD_CLASSES})
            for row, data in zip(created, documents, strict=True)
        ]
    )
    return created


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


def rebuild(*, service_ids: Iterable[uuid.UUID] | None = None) -> int:
    """Bring the index up to date for these services (all when None); returns how many
    documents were written. Services that are not public lose their documents."""
    ids = None if service_ids is None else list(dict.fromkeys(service_ids))
    if ids is not None and len(ids) > FULL_REBUILD_ABOVE:
        ids = None
    written = 0
    with transaction.atomic():
        if ids is None:
            backend().clear()
            SearchDocument.objects.all().delete()
            SearchTerm.objects.all().delete()
            counts: Counter[tuple[str, str, str]] = Counter()
            all_ids = list(Service.objects.public().order_by("pk").values_list("pk", flat=True))
            for chunk in _chunks(all_ids, CHUNK):
                documents = [d for s in _services(chunk) for d in build_documents(s)]
                _write(documents)
                written += len(documents)
                for document in documents:
                    for kind, term in _vocabulary(document):
                        counts[(document.language, kind, term)] += 1
            _apply_vocabulary(counts)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:  # fresh statistics for the planner
                    cursor.execute("ANALYZE finder_searchfield, finder_searchdocument")
        else:
            deltas: Counter[tuple[str, str, str]] = Counter()
            for chunk in _chunks(ids, CHUNK):
                old = list(SearchDocument.objects.filter(service_id__in=chunk))
                for old_document in old:
                    for kind, term in _vocabulary(old_document):
                        deltas[(old_document.language, kind, term)] -= 1
                backend().delete((d.pk, d.language) for d in old)
                SearchDocument.objects.filter(pk__in=[d.pk for d in old]).delete()
                documents = [d for s in _services(chunk) for d in build_documents(s)]
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
