"""Deploy checks (`perhekeskus check --deploy`) that refuse a production installation whose
settings would leave families' data or the staff's accounts exposed (F-21): encryption keys that
are not Fernet keys (every help request would then fail, and only at the first use), a Host
header that chooses the domain of reset and invitation links, two-factor authentication off,
and rate limits off. Each is an error, so `check --deploy` exits with a failure."""

from __future__ import annotations

from typing import Any

from cryptography.fernet import Fernet
from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register

# Settings whose "off" turns a rate limit off; RATE_LIMITS=off turns them all off.
RATE_LIMIT_SETTINGS = (
    "PERHEKESKUS_HELP_REQUEST_RATE_LIMIT",
    "PERHEKESKUS_HELP_REQUEST_ADDRESS_RATE_LIMIT",
    "PERHEKESKUS_PASSWORD_RESET_RATE_LIMIT",
    "PERHEKESKUS_PASSWORD_RESET_CLIENT_RATE_LIMIT",
)


def _is_fernet_key(key: str) -> bool:
    try:
        Fernet(key.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        return False
    return True


@register(Tags.security, deploy=True)
def check_encryption_keys(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    keys = list(getattr(settings, "PERHEKESKUS_FIELD_ENCRYPTION_KEYS", []))
    bad = [str(number) for number, key in enumerate(keys, start=1) if not _is_fernet_key(key)]
    if not keys or bad:
        return [
            Error(
                "FIELD_ENCRYPTION_KEYS must be a comma-separated list of Fernet keys"
                + (f"; not a Fernet key: number {', '.join(bad)} in the list." if bad else "."),
                hint="python3 -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'",
                id="perhekeskus.E101",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_allowed_hosts(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if "*" in settings.ALLOWED_HOSTS:
        return [
            Error(
                "ALLOWED_HOSTS contains '*': any Host header is accepted, and password-reset "
                "and invitation links take their domain from it.",
                hint="List the site's own host names in ALLOWED_HOSTS.",
                id="perhekeskus.E102",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_two_factor_required(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if not getattr(settings, "PERHEKESKUS_REQUIRE_2FA", False):
        return [
            Error(
                "REQUIRE_2FA is off: professionals would reach families' data with a password "
                "alone.",
                hint="Unset REQUIRE_2FA or set it to true.",
                id="perhekeskus.E103",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_rate_limits_on(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if not getattr(settings, "PERHEKESKUS_RATE_LIMITS", True):
        off = ["RATE_LIMITS"]
    else:
        off = [
            name.removeprefix("PERHEKESKUS_")
            for name in RATE_LIMIT_SETTINGS
            if str(getattr(settings, name, "")).strip().lower() == "off"
        ]
    if off:
        return [
            Error(
                f"Rate limits are off ({', '.join(off)}): the help form and password resets "
                "could be flooded.",
                hint="Rate limits may be off for load tests only; unset these settings.",
                id="perhekeskus.E104",
            )
        ]
    return []
