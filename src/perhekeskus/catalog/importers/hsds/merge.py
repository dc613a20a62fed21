"""One record met in several languages (or twice): merging it, and dropping fallback texts."""

from __future__ import annotations

import dataclasses
from typing import Any

from perhekeskus.catalog.importers.records import TermRecord


def _key(record: Any) -> Any:
    if isinstance(record, TermRecord):
        return (record.taxonomy_key, record.code)
    return getattr(record, "id", None) or getattr(record, "location_id", None)


def merge(first: Any, other: Any) -> None:
    """Fill `first` in from `other`, the same record in another language (or met again): texts
    add up, lists of child records merge by id, every other value stays as `first` has it."""
    for item in dataclasses.fields(first):
        mine, theirs = getattr(first, item.name), getattr(other, item.name)
        if isinstance(mine, dict):
            setattr(first, item.name, {**theirs, **mine})
        elif isinstance(mine, list) and any(dataclasses.is_dataclass(r) for r in mine + theirs):
            by_key = {_key(r): r for r in mine}
            for record in theirs:
                if _key(record) in by_key:
                    merge(by_key[_key(record)], record)
                else:
                    mine.append(record)


def drop_fallbacks(record: Any) -> None:
    """A Swedish or English text equal to the Finnish one is the fallback our export shows for
    a missing translation, not a translation."""
    for item in dataclasses.fields(record):
        value = getattr(record, item.name)
        if isinstance(value, dict) and "fi" in value:
            for lang in ("sv", "en"):
                if value.get(lang) == value["fi"]:
                    del value[lang]
        elif isinstance(value, list):
            for child in value:
                if dataclasses.is_dataclass(child):
                    drop_fallbacks(child)
