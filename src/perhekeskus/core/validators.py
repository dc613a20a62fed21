"""Validators shared by the apps."""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Control characters (CR, LF, tab, NUL...), format characters (bidi overrides, zero-width ones)
# and line or paragraph separators: none belongs in a one-line name, and in an e-mail subject a
# line break is a header injection (F-06: a team name with CR/LF broke every notice).
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})

# What a family may type as a phone number (a booking, an event's sign-up): an optional "+", a
# digit, then 6–20 characters in all of digits, spaces, brackets and hyphens. Whether it is one
# is the text gateway's to say; this only keeps out what is plainly not a number.
PHONE_NUMBER = re.compile(r"^\+?[0-9][0-9 ()-]{5,19}$")


def has_control_characters(text: str) -> bool:
    return any(unicodedata.category(char) in _FORBIDDEN_CATEGORIES for char in text)


def looks_like_phone_number(value: str) -> bool:
    """Whether a family's stripped input has the shape of a phone number ("040 123 4567",
    "+358 40 123 4567", "09-310 1234")."""
    return PHONE_NUMBER.match(value) is not None


def validate_single_line(value: str) -> None:
    """A one-line name: no line breaks, tabs or other invisible control characters."""
    if has_control_characters(value):
        raise ValidationError(
            _("Use letters, numbers and punctuation only: no line breaks or control characters."),
            code="control_characters",
        )
