"""The family's contact details as a booking keeps them, and the person key of the per-person
limit.

The person key is a keyed hash (HMAC-SHA-256 under a key derived from SECRET_KEY for this use
only) of the normalised e-mail address and of the normalised phone number: 32 hex characters
each, side by side, so that a second booking with the same e-mail address *or* the same phone
number is recognised, and nobody without the secret can test an address against the stored key.
It is erased with the contact details.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q

from perhekeskus.core.validators import looks_like_phone_number

_PART = 32


def normalise_email(value: str) -> str:
    return value.strip().lower()


def normalise_phone(value: str) -> str:
    """ "040 123 4567" → "+358401234567"; "00358 40…" → "+35840…"; a number that does not look like
    one raises ValueError."""
    value = value.strip()
    if not value:
        return ""
    if not looks_like_phone_number(value):
        raise ValueError(value)
    digits = re.sub(r"[^0-9]", "", value)
    if value.startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        return "+358" + digits[1:]
    return "+" + digits


def email_is_valid(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def _key() -> bytes:
    return hashlib.sha256(
        b"perhekeskus.appointments.person\x00" + settings.SECRET_KEY.encode()
    ).digest()


def _part(kind: str, value: str) -> str:
    if not value:
        return "-" * _PART
    digest = hmac.new(_key(), f"{kind}\x1f{value}".encode("utf-8", "surrogatepass"), "sha256")
    return digest.hexdigest()[:_PART]


def person_key(*, email: str, phone: str) -> str:
    """The stored key of a person with this (normalised) e-mail address and phone number."""
    return _part("email", normalise_email(email)) + _part("phone", phone)


def same_person(key: str) -> Q:
    """Bookings whose person shares the e-mail address or the phone number of `key`."""
    email_part, phone_part = key[:_PART], key[_PART:]
    condition = Q(pk__in=[])
    if email_part != "-" * _PART:
        condition |= Q(person_key__startswith=email_part)
    if phone_part != "-" * _PART:
        condition |= Q(person_key__endswith=phone_part)
    return condition
