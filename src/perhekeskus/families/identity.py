"""Finding a person without storing them in the clear: the Finnish personal identity code
(validated with its check character, shown masked) and the keyed digests that let a worker find
a family by its exact name or a person by their identity code, and a guardian sign in by e-mail.

The digests are keyed hashes (`core.client.keyed_hash`, HMAC under SECRET_KEY): the database
holds no name, code or address in the clear, and nobody without the secret can test a guess
against them. Changing SECRET_KEY therefore needs `families_rehash` (ADR 0040)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.client import keyed_hash

_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
# The century sign: 1800s, 1900s (six signs since 2023) and 2000s (six signs).
_CENTURY = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900}
_CENTURY.update({sign: 2000 for sign in "ABCDEF"})
_PIC = re.compile(r"^(\d{2})(\d{2})(\d{2})([-+ABCDEFUVWXY])(\d{3})([0-9A-Y])$")


def normalise_pic(value: str) -> str:
    return "".join(value.split()).upper()


def validate_personal_identity_code(value: str) -> None:
    """A Finnish personal identity code (henkilötunnus): DDMMYY, the century sign, the
    individual number and the check character, which must match."""
    code = normalise_pic(value)
    match = _PIC.match(code)
    if match is None:
        raise ValidationError(
            _(
                "A personal identity code looks like 010190-123A: date of birth, the century "
                "sign, three digits and the check character."
            ),
            code="pic_format",
        )
    day, month, year, _sign, individual, check = match.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31) or int(individual) < 2:
        raise ValidationError(
            _("This personal identity code has no valid date of birth."), code="pic_date"
        )
    if _CHECK_CHARACTERS[int(day + month + year + individual) % 31] != check:
        raise ValidationError(
            _("The check character of this personal identity code does not match: check the code."),
            code="pic_check",
        )


def mask_pic(value: str) -> str:
    """What a page shows of a code: the date of birth and the century sign, never the rest."""
    code = normalise_pic(value)
    return f"{code[:7]}****" if len(code) == 11 else ""


def _normalise_name(value: str) -> str:
    return " ".join(value.casefold().split())


def name_digest(name: str) -> str:
    return keyed_hash("families.name", _normalise_name(name)) if name.strip() else ""


def pic_digest(code: str) -> str:
    return keyed_hash("families.pic", normalise_pic(code)) if code.strip() else ""


def email_digest(email: str) -> str:
    return keyed_hash("families.email", email.strip().lower()) if email.strip() else ""
