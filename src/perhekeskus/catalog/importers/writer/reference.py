"""Reference data an import writes first: municipalities, taxonomies and their terms."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from modeltranslation import settings as mt_settings

from perhekeskus.catalog.importers.records import TermRecord, Texts
from perhekeskus.catalog.importers.writer.rows import RowWriter
from perhekeskus.catalog.importers.writer.values import _in_slices, _texts, _upsert
from perhekeskus.catalog.models import Municipality, Taxonomy, TaxonomyTerm


class ReferenceWriter(RowWriter):
    """Municipalities, taxonomies and terms: the reference rows records point at."""

    # --- reference data --------------------------------------------------------------------

    def municipalities(self, names: dict[str, Texts]) -> None:
        for code, texts in names.items():
            if code in self._municipality_codes:
                continue
            values = _texts("name", texts)
            # Only the language columns: setting `name` would write into the active language's.
            values["name_fi"] = (
                values["name_fi"] or (next(iter(texts.values()), "") or code).strip()
            )
            municipality = Municipality(code=code, **values)
            # The base column holds what the default language shows, whatever the active one.
            with translation.override(mt_settings.DEFAULT_LANGUAGE):
                municipality.full_clean()
                municipality.save()
            self._municipality_codes.add(code)

    def taxonomy(self, key: str, names: Texts, descriptions: Texts, uri: str) -> Taxonomy:
        taxonomy = self._taxonomies.get(key)
        if taxonomy is None:
            pk = uuid.uuid5(uuid.NAMESPACE_URL, f"urn:perhekeskus:taxonomy:{key}")
            taxonomy, _status = _upsert(
                Taxonomy,
                pk,
                {
                    "key": key,
                    "uri": uri,
                    **_texts("name", names),
                    **_texts("description", descriptions),
                },
            )
            self._taxonomies[key] = taxonomy
        return taxonomy

    def prefetch_terms(self, records: Iterable[TermRecord]) -> None:
        """Read the terms a batch uses in one query, and create the missing ones in one insert
        (those that fail validation fail the records that use them)."""
        wanted: dict[tuple[str, str], TermRecord] = {}
        for record in records:
            wanted.setdefault((record.taxonomy_key, record.code), record)
        keys = {key for key, _code in wanted}
        for term in TaxonomyTerm.objects.filter(taxonomy__key__in=keys).select_related("taxonomy"):
            self._terms.setdefault((term.taxonomy.key, term.code), term)
        new = []
        for (key, code), record in wanted.items():
            if (key, code) in self._terms:
                continue
            taxonomy = self.taxonomy(key, {"fi": key}, {}, "")
            pk = record.id or uuid.uuid5(uuid.NAMESPACE_URL, f"urn:perhekeskus:term:{key}:{code}")
            term = TaxonomyTerm(
                id=pk,
                taxonomy_id=taxonomy.pk,
                code=code,
                term_uri=record.uri,
                **_texts("name", record.names or {"fi": code}),
                **_texts("description", record.descriptions),
            )
            try:
                # No other row holds (taxonomy, code): all terms of these taxonomies were read
                # above; the taxonomy was just read or created.
                term.full_clean(
                    exclude={"taxonomy"}, validate_unique=False, validate_constraints=False
                )
            except ValidationError as error:
                self._terms[(key, code)] = error
                continue
            self._terms[(key, code)] = term
            new.append(term)
        # A source's own term id already in use (for another code) is updated as it always was,
        # one by one in `term`; the rest are new.
        taken = set()
        for part in _in_slices([term.pk for term in new]):
            taken |= set(TaxonomyTerm.objects.filter(pk__in=part).values_list("pk", flat=True))
        for term in new:
            if term.pk in taken:
                del self._terms[(term.taxonomy.key, term.code)]
        TaxonomyTerm.objects.bulk_create([term for term in new if term.pk not in taken])

    def term(self, record: TermRecord) -> TaxonomyTerm:
        cache_key = (record.taxonomy_key, record.code)
        term = self._terms.get(cache_key)
        if isinstance(term, ValidationError):
            raise term
        if term is not None:
            return term
        taxonomy = self.taxonomy(record.taxonomy_key, {"fi": record.taxonomy_key}, {}, "")
        term = TaxonomyTerm.objects.filter(taxonomy=taxonomy, code=record.code).first()
        if term is None:
            pk = record.id or uuid.uuid5(
                uuid.NAMESPACE_URL, f"urn:perhekeskus:term:{record.taxonomy_key}:{record.code}"
            )
            try:
                # Its own savepoint: a term that cannot be created fails the records using it,
                # and must not leave half a write behind.
                with transaction.atomic():
                    term, _status = _upsert(
                        TaxonomyTerm,
                        pk,
                        {
                            "taxonomy_id": taxonomy.pk,
                            "code": record.code,
                            "term_uri": record.uri,
                            **_texts("name", record.names or {"fi": record.code}),
                            **_texts("description", record.descriptions),
                        },
                    )
            except ValidationError as error:
                self._terms[cache_key] = error
                raise
        self._terms[cache_key] = term
        return term
