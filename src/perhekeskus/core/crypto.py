"""Encryption at rest for what a family writes and how to reach them (GDPR art. 9 data), and for
the e-mail outbox, which holds their address until the message is sent.

Fernet (AES-128-CBC with HMAC-SHA256) with keys from the environment: FIELD_ENCRYPTION_KEYS is
a comma-separated list, newest first; every key decrypts, the first encrypts, so keys can be
rotated without a migration. A database dump without the key reveals no message or contact.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty")
    try:
        return MultiFernet([Fernet(key.encode("ascii")) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS must hold Fernet keys "
            "(python3 -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key())')"
        ) from error


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.PERHEKESKUS_FIELD_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "An encrypted value cannot be read with the configured FIELD_ENCRYPTION_KEYS"
        ) from error


class EncryptedTextField(models.TextField):
    """A text stored encrypted; empty stays empty (so "no phone given" needs no key to see).
    Not searchable or sortable in the database, by design."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str:
        if not value:
            return ""
        return decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if not value:
            return ""
        return encrypt(str(value))
