"""A service's classes, keywords and areas."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

from perhekeskus.catalog.importers.ptv.constants import KEYWORDS_MAX, TERM_LISTS
from perhekeskus.catalog.importers.ptv.reader import _Doc, _objects, _str
from perhekeskus.catalog.importers.ptv.texts import _language, _texts
from perhekeskus.catalog.importers.ptv.values import _municipality, _url
from perhekeskus.catalog.importers.records import TermRecord, Texts


def _terms(doc: _Doc, item: dict[str, Any], path: str) -> list[TermRecord]:
    terms = []
    for key, taxonomy_key in TERM_LISTS:
        for term_path, term in _objects(doc, item, key, path):
            uri = _url(doc, _str(doc, term, "uri", term_path), f"{term_path}.uri", limit=300)
            code = _str(doc, term, "code", term_path) or uri.rstrip("/").rsplit("/", 1)[-1]
            if not code or len(code) > 100:
                doc.note(
                    term_path, gettext_noop("a classification without a usable code, left out")
                )
                continue
            terms.append(
                TermRecord(
                    taxonomy_key=taxonomy_key,
                    code=code,
                    names=_texts(doc, term, "name", term_path),
                    descriptions=_texts(doc, term, "description", term_path),
                    uri=uri,
                )
            )
    return terms


def _keywords(doc: _Doc, item: dict[str, Any], path: str) -> Texts:
    words: dict[str, list[str]] = {}
    for item_path, keyword in _objects(doc, item, "keywords", path):
        text = _str(doc, keyword, "value", item_path).replace(",", " ").strip()
        lang = _language(doc, _str(doc, keyword, "language", item_path), item_path)
        if text and lang is not None and text not in words.setdefault(lang, []):
            words[lang].append(text)
    keywords: Texts = {}
    for lang, values in words.items():
        joined = ""
        for word in values:
            candidate = f"{joined}, {word}" if joined else word
            if len(candidate) > KEYWORDS_MAX:
                doc.note(
                    f"{path}.keywords",
                    gettext_noop("%(language)s keywords past %(limit)d characters"),
                    language=lang,
                    limit=KEYWORDS_MAX,
                )
                break
            joined = candidate
        keywords[lang] = joined
    return keywords


def _areas(
    doc: _Doc, item: dict[str, Any], path: str, municipalities: dict[str, Texts]
) -> tuple[str, list[str]]:
    area_type = _str(doc, item, "areaType", path)
    codes: list[str] = []
    for area_path, area in _objects(doc, item, "areas", path):
        if _str(doc, area, "type", area_path) == "Municipality":
            code = _municipality(doc, area, area_path, municipalities)
            if code:
                codes.append(code)
        for municipality_path, municipality in _objects(doc, area, "municipalities", area_path):
            code = _municipality(doc, municipality, municipality_path, municipalities)
            if code:
                codes.append(code)
    if area_type.startswith("Nationwide"):
        return "nationwide", []
    if area_type and area_type != "LimitedType":
        doc.note(f"{path}.areaType", gettext_noop("unknown area type %(value)r"), value=area_type)
    return "municipalities", list(dict.fromkeys(codes))
