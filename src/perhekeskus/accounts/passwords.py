"""Password validators added to Django's (settings `AUTH_PASSWORD_VALIDATORS`, ASVS 2.1.7).

Django's list of 20,000 common passwords is English: it lets `salasana1234`, `kesäkuu2026!` and
`qwertyuiopas` through. `CommonFinnishPasswordValidator` adds a Finnish and Finland-Swedish
list (`common_passwords_fi.txt`) and also refuses a common word dressed up with digits and
punctuation at its ends, in both lists. `SequenceValidator` refuses passwords that are mostly
repeated or neighbouring characters (aaaaaaaaaaaa, abcdefghijkl, 111111111111a).
"""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path
from typing import Any

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

WORD_LIST = Path(__file__).with_name("common_passwords_fi.txt")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})
_LEET = str.maketrans(
    {"4": "a", "@": "a", "3": "e", "1": "i", "!": "i", "0": "o", "5": "s", "$": "s", "7": "t"}
)
_EDGES = "0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t§½¤€£"


def _fold(text: str) -> str:
    return text.strip().lower().translate(_FOLD)


@cache
def _finnish_words(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(_fold(line) for line in lines if line.strip() and not line.startswith("#"))


@cache
def _django_words() -> frozenset[str]:
    return frozenset(CommonPasswordValidator().passwords)


def candidates(password: str) -> set[str]:
    """The forms of a password that are looked up: itself, its core without digits and
    punctuation at the ends, and both with digits read as letters (p4ssw0rd)."""
    folded = _fold(password)
    core = folded.strip(_EDGES)
    forms = {folded, core, folded.translate(_LEET), core.translate(_LEET)}
    return {form for form in forms if len(form) >= 3}


class CommonFinnishPasswordValidator:
    def __init__(self, password_list_path: str | Path = WORD_LIST) -> None:
        self.path = Path(password_list_path)

    def validate(self, password: str, user: Any = None) -> None:
        words = _finnish_words(self.path) | _django_words()
        if candidates(password) & words:
            raise ValidationError(_("This password is too common."), code="password_too_common")

    def get_help_text(self) -> str:
        return _("Your password can’t be a commonly used password.")


# Rows of a Finnish keyboard and the alphabet: a step to a neighbour in any of them (either way)
# or a repeat continues a run.
_RUNS = (
    "1234567890+",
    "qwertyuiopå",
    "asdfghjklöä",
    "zxcvbnm,.-",
    "abcdefghijklmnopqrstuvwxyzåäö",
)


def _continues(previous: str, current: str) -> bool:
    if previous == current:
        return True
    for row in _RUNS:
        i, j = row.find(previous), row.find(current)
        if i >= 0 and j >= 0 and abs(i - j) == 1:
            return True
    return False


class SequenceValidator:
    """Refuses a password whose steps are mostly repeats or neighbours (`max_share` of them)."""

    def __init__(self, max_share: float = 0.6) -> None:
        self.max_share = max_share

    def validate(self, password: str, user: Any = None) -> None:
        text = password.lower()
        if len(text) < 2:
            return
        steps = sum(_continues(a, b) for a, b in itertools.pairwise(text))
        if steps / (len(text) - 1) >= self.max_share:
            raise ValidationError(
                _(
                    "This password is mostly repeated or neighbouring characters "
                    "(like aaaa, abcd or qwerty)."
                ),
                code="password_sequence",
            )

    def get_help_text(self) -> str:
        return _("Your password can’t be mostly repeated or neighbouring characters.")
