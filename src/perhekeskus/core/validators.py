"""Validators shared by the apps."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Control characters (CR, LF, tab, NUL...), format characters (bidi overrides, zero-width ones)
# and line or paragraph separators: none belongs in a one-line name, and in an e-mail subject a
# line break is a header injection (F-06: a team name with CR/LF broke every notice).
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})


def has_control_characters(text: str) -> bool:
    return any(unicodedata.category(char) in _FORBIDDEN_CATEGORIES for char in text)


def validate_single_line(value: str) -> None:
    """A one-line name: no line breaks, tabs or other invisible control characters."""
    if has_control_characters(value):
        raise ValidationError(
            _("Use letters, numbers and punctuation only: no line breaks or control characters."),
            code="control_characters",
        )
