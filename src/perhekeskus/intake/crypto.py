"""Encryption at rest for help requests (ADR 0014). The keys and the Fernet tokens live in
`core.crypto`, which the e-mail outbox shares; this field keeps its import path, which the
intake migrations name."""

from __future__ import annotations

import json
from typing import Any

from django.db import models

from perhekeskus.core import crypto as _core_crypto
from perhekeskus.core.crypto import decrypt, encrypt, fernet

__all__ = ["EncryptedJSONListField", "EncryptedTextField", "decrypt", "encrypt", "fernet"]


class EncryptedTextField(_core_crypto.EncryptedTextField):
    """A family's text or contact detail, stored encrypted (see `core.crypto`)."""


class EncryptedJSONListField(models.TextField):
    """A list of short names (the danger signals recognised in a family's words), stored as
    encrypted JSON: what a family said (self-harm, violence) is as secret as their words. An
    empty list is stored empty. Not searchable in the database: a query that must know whether
    there is any danger uses the plain `HelpRequest.has_danger`."""

    # What the django-stubs plugin types the model attribute as (a list, not TextField's str).
    _pyi_private_set_type: list[str]  # type: ignore[assignment]
    _pyi_private_get_type: list[str]  # type: ignore[assignment]

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> list[Any]:
        if not value:
            return []
        return list(json.loads(decrypt(value)))

    def to_python(self, value: Any) -> list[Any]:
        if isinstance(value, list):
            return value
        if not value:
            return []
        return list(json.loads(value))

    def get_prep_value(self, value: Any) -> Any:
        if not value:
            return ""
        return encrypt(json.dumps(list(value), ensure_ascii=False))

    def value_to_string(self, obj: Any) -> str:
        return json.dumps(self.value_from_object(obj), ensure_ascii=False)
