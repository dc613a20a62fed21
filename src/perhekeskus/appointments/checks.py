"""Deploy checks (`perhekeskus check --deploy`) of the appointments' settings: a production
installation must not book child-protection meetings on a public video server, leave rooms open
to anyone with the link, print text messages instead of sending them, or take bookings without a
rate limit."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register

PUBLIC_VIDEO_HOSTS = {"meet.jit.si", "8x8.vc"}
BOOKING_RATE_LIMIT_SETTINGS = (
    "APPOINTMENTS_BOOKING_RATE_LIMIT",
    "APPOINTMENTS_BOOKING_ADDRESS_RATE_LIMIT",
)


@register(Tags.security, deploy=True)
def check_video_server(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    found: list[CheckMessage] = []
    host = (urlsplit(settings.APPOINTMENTS_VIDEO_BASE_URL).hostname or "").lower()
    if host in PUBLIC_VIDEO_HOSTS:
        found.append(
            Warning(
                f"Video appointments go through the public server {host} "
                "(VIDEO_MEETING_BASE_URL): a family's meeting with child protection would pass "
                "through a service the county has no data processing agreement with.",
                hint="Set VIDEO_MEETING_BASE_URL to the county's own Jitsi server.",
                id="perhekeskus.W003",
            )
        )
    if not (settings.APPOINTMENTS_VIDEO_JWT_APP_ID and settings.APPOINTMENTS_VIDEO_JWT_SECRET):
        found.append(
            Warning(
                "Video rooms have no tokens (VIDEO_JITSI_APP_ID and VIDEO_JITSI_APP_SECRET are "
                "unset): anyone who learns a room's address can enter it, and nobody is the "
                "moderator.",
                hint="Turn on JWT authentication in the county's Jitsi and set both settings.",
                id="perhekeskus.W004",
            )
        )
    return found


@register(Tags.security, deploy=True)
def check_sms_backend(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    backend = str(settings.PERHEKESKUS_SMS_BACKEND)
    if backend.endswith((".ConsoleBackend", ".LocmemBackend")):
        return [
            Warning(
                f"Text messages are not sent ({backend}): families who gave only a phone number "
                "get no confirmation or reminder.",
                hint="Set SMS_BACKEND to the county's SMS gateway backend.",
                id="perhekeskus.W005",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_booking_rate_limits(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    off = [
        name.removeprefix("APPOINTMENTS_")
        for name in BOOKING_RATE_LIMIT_SETTINGS
        if str(getattr(settings, name, "")).strip().lower() == "off"
    ]
    if off:
        return [
            Error(
                f"Booking rate limits are off ({', '.join(off)}): a script could book every "
                "free time of a service.",
                hint="Rate limits may be off for load tests only; unset these settings.",
                id="perhekeskus.E105",
            )
        ]
    return []
