"""Reading settings from the environment (12-factor).

Kept apart from the settings modules so that the command line can use it too
before Django is configured.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def derive_fernet_key(secret: str) -> str:
    """A Fernet key derived from a secret: for development and tests only, where no
    FIELD_ENCRYPTION_KEYS is given. Production requires real keys."""
    import base64
    import hashlib

    digest = hashlib.sha256(b"perhekeskus-field-encryption:" + secret.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")


def data_dir() -> Path:
    """Where the embedded database, collected static files and uploads live.

    `PERHEKESKUS_DATA_DIR`, or `var/` under the current directory: `make demo`
    runs from the checkout, so the demo keeps everything in the checkout's `var/`.
    """
    path = Path(env_str("PERHEKESKUS_DATA_DIR") or Path.cwd() / "var")
    return path.resolve()
