"""Encryption at rest for help requests (ADR 0014). The keys and the Fernet tokens live in
`core.crypto`, which the e-mail outbox shares; this field keeps its import path, which the
intake migrations name."""

from __future__ import annotations

from perhekeskus.core import crypto as _core_crypto
from perhekeskus.core.crypto import decrypt, encrypt, fernet

__all__ = ["EncryptedTextField", "decrypt", "encrypt", "fernet"]


class EncryptedTextField(_core_crypto.EncryptedTextField):
    """A family's text or contact detail, stored encrypted (see `core.crypto`)."""
