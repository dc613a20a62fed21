from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_BUSINESS_ID = re.compile(r"^(\d{7})-(\d)$")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_id_is_valid(value: str) -> bool:
    """Finnish business id (Y-tunnus): seven digits, a hyphen and a modulo-11 check digit."""
    match = _BUSINESS_ID.match(value)
    if not match:
        return False
    digits, check = match.group(1), int(match.group(2))
    remainder = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return False
    expected = 0 if remainder == 0 else 11 - remainder
    return check == expected


def validate_business_id(value: str) -> None:
    if value and not business_id_is_valid(value):
        raise ValidationError(
            _("Enter a valid business id (Y-tunnus), e.g. 1234567-1."), code="invalid"
        )


_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


def validate_language_codes(value: object) -> None:
    if not isinstance(value, list) or not all(
        isinstance(code, str) and _LANGUAGE.match(code) for code in value
    ):
        raise ValidationError(
            _("Give languages as ISO 639-1 codes, e.g. fi, sv, en."), code="invalid"
        )
