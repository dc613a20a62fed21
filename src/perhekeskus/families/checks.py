"""Deploy checks (`perhekeskus check --deploy`) of the families' settings: a production
installation must not send the family page's sign-in links without a rate limit (RATE_LIMITS=off,
which turns every limit off, is the core check E104). Without them a script could fill a
guardian's mailbox with links, or try addresses to learn which belong to client families."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register

# The setting and the environment variable that sets it.
RATE_LIMIT_SETTINGS = {
    "FAMILIES_SIGNIN_RATE_LIMIT": "FAMILY_SIGNIN_RATE_LIMIT",
    "FAMILIES_SIGNIN_ADDRESS_RATE_LIMIT": "FAMILY_SIGNIN_ADDRESS_RATE_LIMIT",
}


@register(Tags.security, deploy=True)
def check_signin_rate_limits(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    off = [
        variable
        for name, variable in RATE_LIMIT_SETTINGS.items()
        if str(getattr(settings, name, "")).strip().lower() == "off"
    ]
    if off:
        return [
            Error(
                f"The family page's sign-in rate limits are off ({', '.join(off)}): a script "
                "could flood a guardian's mailbox with sign-in links, or try e-mail addresses "
                "without limit.",
                hint="Rate limits may be off for load tests only; unset these settings.",
                id="perhekeskus.E107",
            )
        ]
    return []
