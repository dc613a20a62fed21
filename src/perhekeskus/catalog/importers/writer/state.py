"""The state a writer keeps through one import."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, models

from perhekeskus.catalog.importers.writer.summary import ImportSummary
from perhekeskus.catalog.models import Municipality, Taxonomy, TaxonomyTerm


class WriterState:
    """What a `Writer` knows during one import; the parts of the writer build on it."""

    def __init__(self, *, via: str, source: str, prune: bool = False) -> None:
        self.via = via
        self.source = source
        # Remove what the input does not mention of the services and places it carries.
        self.prune = prune
        self.summary = ImportSummary()
        self._terms: dict[tuple[str, str], TaxonomyTerm | ValidationError] = {}
        self._taxonomies: dict[str, Taxonomy] = {t.key: t for t in Taxonomy.objects.all()}
        self._municipality_codes = set(Municipality.objects.values_list("code", flat=True))
        # Ids known to exist (in the database or written by this import) and known not to.
        self._exists: dict[type[models.Model], set[Any]] = defaultdict(set)
        self._missing: dict[type[models.Model], set[Any]] = defaultdict(set)
        self._nulls_largest = connection.features.nulls_order_largest
        self._fk_fields: dict[type[models.Model], list[Any]] = {}
        self._fields: dict[type[models.Model], list[tuple[str, Any]]] = {}
        self._plain_init: dict[type[models.Model], bool] = {}
        self._valid: set[Any] = set()
        self._field_readers: dict[type[models.Model], list[tuple[Any, Any]]] = {}
        # Organisations, locations and services this import created or changed, by model;
        # those it created; and every one it wrote (changed or not).
        self.changed: dict[type[models.Model], set[Any]] = defaultdict(set)
        self.created: dict[type[models.Model], set[Any]] = defaultdict(set)
        self.written: dict[type[models.Model], set[Any]] = defaultdict(set)
