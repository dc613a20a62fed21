"""Deploy checks (`perhekeskus check --deploy`) of the events' settings: a production installation
must not take sign-ups or forum topics without a rate limit (RATE_LIMITS=off, which turns every
limit off, is the core check E104)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register

# The setting and the environment variable that sets it.
RATE_LIMIT_SETTINGS = {
    "EVENTS_SIGNUP_RATE_LIMIT": "EVENT_SIGNUP_RATE_LIMIT",
    "EVENTS_SIGNUP_ADDRESS_RATE_LIMIT": "EVENT_SIGNUP_ADDRESS_RATE_LIMIT",
    "EVENTS_TOPIC_RATE_LIMIT": "EVENT_TOPIC_RATE_LIMIT",
    "EVENTS_MANAGE_RATE_LIMIT": "EVENT_MANAGE_RATE_LIMIT",
}


@register(Tags.security, deploy=True)
def check_signup_rate_limits(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    off = [
        variable
        for name, variable in RATE_LIMIT_SETTINGS.items()
        if str(getattr(settings, name, "")).strip().lower() == "off"
    ]
    if off:
        return [
            Error(
                f"Event sign-up rate limits are off ({', '.join(off)}): a script could take "
                "every seat and waiting-list place of an event, or flood a forum with topics.",
                hint="Rate limits may be off for load tests only; unset these settings.",
                id="perhekeskus.E106",
            )
        ]
    return []
