"""Small permission helpers shared by every app's `policies.py`."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from perhekeskus.core.errors import PolicyDenied


def is_two_factor_satisfied(user: Any) -> bool:
    """True where the installation does not demand a second factor, or the session passed one."""
    if not getattr(settings, "PERHEKESKUS_REQUIRE_2FA", False):
        return True
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def require(allowed: bool, message: str = "") -> None:
    if not allowed:
        raise PolicyDenied(message)
