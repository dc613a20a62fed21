"""Values as the catalogue stores them, and reading and writing rows a few at a time."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from django.db import models

from perhekeskus.catalog.importers.records import Texts

LANGUAGES = ("fi", "sv", "en")
M = TypeVar("M", bound=models.Model)
CHUNK_SIZE = 500
# Ids per `IN (...)`: SQLite allows 999 parameters in one statement.
IN_SIZE = 900


def _texts(field_name: str, texts: Texts) -> dict[str, str]:
    """`name`, {"fi": "Neuvola"} → {"name_fi": "Neuvola", "name_sv": "", "name_en": ""}.
    An empty translation falls back to another language when shown."""
    return {f"{field_name}_{lang}": (texts.get(lang) or "").strip() for lang in LANGUAGES}


def _assign(instance: models.Model, values: dict[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def _upsert(model: type[M], pk: uuid.UUID, values: dict[str, Any]) -> tuple[M, str]:
    """('created' | 'updated' | 'unchanged'). Validates before writing. For the few reference
    rows (taxonomies, terms); records go through the chunked path."""
    instance = model._default_manager.filter(pk=pk).first()
    if instance is None:
        instance = model(pk=pk)
        _assign(instance, values)
        instance.full_clean(validate_unique=False)
        instance.save(force_insert=True)
        return instance, "created"
    if not _assign(instance, values):
        return instance, "unchanged"
    instance.full_clean(validate_unique=False)
    instance.save()
    return instance, "updated"


def _in_slices(ids: Iterable[Any]) -> Iterator[list[Any]]:
    values = list(ids)
    for start in range(0, len(values), IN_SIZE):
        yield values[start : start + IN_SIZE]


def _fetch(model: type[M], attname: str, ids: Iterable[Any]) -> list[M]:
    rows: list[M] = []
    for part in _in_slices(ids):
        rows += model._default_manager.filter(**{f"{attname}__in": part})
    return rows
