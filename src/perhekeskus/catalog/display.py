"""Showing catalogue texts in the reader's language, honestly: when a text is missing in that
language, another language's text is shown with a note saying so, and marked with its `lang`
so that a screen reader pronounces it right."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import translation

FALLBACK_ORDER = ("fi", "sv", "en")


@dataclass(frozen=True)
class LocalizedText:
    text: str
    language: str
    is_fallback: bool


def localized(instance: Any, field: str, language: str | None = None) -> LocalizedText:
    """The field's text in `language` (default: the active one), else the first language of
    fi, sv, en that has it. Empty text when no language has it."""
    wanted = language or translation.get_language() or settings.LANGUAGE_CODE
    wanted = wanted.split("-")[0]
    value = getattr(instance, f"{field}_{wanted}", None)
    if value:
        return LocalizedText(str(value), wanted, False)
    for code in FALLBACK_ORDER:
        value = getattr(instance, f"{field}_{code}", None)
        if value:
            return LocalizedText(str(value), code, True)
    return LocalizedText("", wanted, False)
