"""Localized texts: PTV's language codes, its lists of texts by language and type, and fitting
them into the catalogue's fields."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

from perhekeskus.catalog.importers.ptv.constants import (
    _LANGUAGE_KEYS,
    LANGUAGES,
    OTHER_PTV_LANGUAGES,
)
from perhekeskus.catalog.importers.ptv.reader import _Doc, _objects, _str
from perhekeskus.catalog.importers.records import Texts


def _language(doc: _Doc, code: str, path: str) -> str | None:
    """fi/sv/en, or None (none given or PTV's other languages quietly, anything else with a
    note)."""
    if not code:
        return None
    known = _LANGUAGE_KEYS.get(code)
    if known is not None:
        return known  # the one "fi" string, not a copy per text: 20 000 services hold many
    lang = code.lower()
    if lang in LANGUAGES:
        return _LANGUAGE_KEYS[lang]
    if lang not in OTHER_PTV_LANGUAGES:
        doc.note(
            f"{path}.language",
            gettext_noop("unknown language %(value)r, text left out"),
            value=code,
        )
    return None


def _localized(
    doc: _Doc, parent: dict[str, Any], key: str, path: str, *, value_key: str = "value"
) -> dict[str, Texts]:
    """A PTV localized list [{language, value, type?}] → type → {language: text}. The first text
    of a type in a language wins."""
    result: dict[str, Texts] = {}
    for item_path, item in _objects(doc, parent, key, path):
        text = _str(doc, item, value_key, item_path)
        code = _str(doc, item, "language", item_path)
        lang = _language(doc, code, item_path)
        if text and not code:
            doc.note(item_path, gettext_noop("a text without a language, left out"))
        if not text or lang is None:
            continue
        result.setdefault(_str(doc, item, "type", item_path), {}).setdefault(lang, text)
    return result


def _texts(doc: _Doc, parent: dict[str, Any], key: str, path: str) -> Texts:
    """A localized list without types → {language: text}."""
    merged: Texts = {}
    for texts in _localized(doc, parent, key, path).values():
        for lang, text in texts.items():
            merged.setdefault(lang, text)
    return merged


def _any_language_value(doc: _Doc, parent: dict[str, Any], key: str, path: str) -> str:
    """The first non-empty text of a localized list, whatever its language."""
    for item_path, item in _objects(doc, parent, key, path):
        text = _str(doc, item, "value", item_path)
        if text:
            return text
    return ""


def _fit(doc: _Doc, texts: Texts, limit: int, path: str) -> Texts:
    fitted = {}
    for lang, text in texts.items():
        if len(text) > limit:
            doc.note(
                path,
                gettext_noop("%(language)s text longer than %(limit)d characters, shortened"),
                language=lang,
                limit=limit,
            )
            text = text[: limit - 1].rstrip() + "…"
        fitted[lang] = text
    return fitted


def _join(*parts: Texts, separator: str = "\n\n") -> Texts:
    joined: Texts = {}
    for texts in parts:
        for lang, text in texts.items():
            joined[lang] = f"{joined[lang]}{separator}{text}" if lang in joined else text
    return joined


def _pick(texts: Texts) -> str:
    """One value of a localized list, Finnish first (for fields that have one language)."""
    for lang in LANGUAGES:
        if texts.get(lang):
            return texts[lang]
    return next(iter(texts.values()), "")


# The texts of a service kept in the Sámi languages, by PTV's list and type (ADR 0032).
_OTHER_LANGUAGE_FIELDS = {
    ("serviceNames", "Name"): "name",
    ("serviceDescriptions", "Summary"): "summary",
    ("serviceDescriptions", "ShortDescription"): "summary",
    ("serviceDescriptions", "Description"): "description",
}


def _other_language_texts(doc: _Doc, item: dict[str, Any], path: str) -> dict[str, dict[str, str]]:
    """The service's name, summary and description in PTV's other languages (se, smn, sms),
    which the catalogue keeps as they are: {"se": {"name": ..., "summary": ...}}."""
    result: dict[str, dict[str, str]] = {}
    for (key, kind), field in _OTHER_LANGUAGE_FIELDS.items():
        for item_path, entry in _objects(doc, item, key, path):
            lang = _str(doc, entry, "language", item_path).lower()
            text = _str(doc, entry, "value", item_path)
            if lang in OTHER_PTV_LANGUAGES and text and _str(doc, entry, "type", item_path) == kind:
                result.setdefault(lang, {}).setdefault(field, text)
    return result
