"""Video appointments on a Jitsi-compatible server (ADR 0036).

Each video booking has its own unguessable room (`Booking.video_room`) on
`APPOINTMENTS_VIDEO_BASE_URL`. With `APPOINTMENTS_VIDEO_JWT_APP_ID` and `..._SECRET` (a
self-hosted Jitsi with token authentication) each party's link carries its own HS256 token for
that room only, valid until shortly after the appointment ends; the professional's token makes
them the moderator. Without them the room name alone keeps strangers out (meet.jit.si).

The family never gets the server's address in an e-mail: their link is our waiting page
(`appointments:video`), which lets them in from `video_opens_at(booking)`.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlsplit

import jwt
from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext

from perhekeskus.accounts.models import User
from perhekeskus.appointments.models import Booking

# A token stays valid this long after the appointment's planned end (a meeting that runs over).
TOKEN_GRACE = dt.timedelta(minutes=60)


def video_opens_at(booking: Booking) -> dt.datetime:
    """When the family's waiting page lets them into the room."""
    return booking.starts - dt.timedelta(minutes=settings.APPOINTMENTS_VIDEO_OPENS_MINUTES_BEFORE)


def room_url(booking: Booking) -> str:
    """The room's address without a token."""
    if not booking.video_room:
        raise ValueError("not a video booking")
    base = settings.APPOINTMENTS_VIDEO_BASE_URL.rstrip("/")
    return f"{base}/{quote(booking.video_room, safe='')}"


def _server_domain() -> str:
    return urlsplit(settings.APPOINTMENTS_VIDEO_BASE_URL).hostname or ""


def _family_display_name(booking: Booking) -> str:
    """The family's first name only, else "Family" in the booking's language."""
    first = (booking.name or "").strip().split(" ")[0][:40] if booking.name else ""
    if first:
        return first
    language = booking.language if booking.language in ("fi", "sv", "en") else "fi"
    with translation.override(language):
        return pgettext("video display name", "Family")


def join_token(booking: Booking, *, display_name: str, moderator: bool, user_id: str) -> str:
    """A Jitsi JWT for this room only (HS256 under the app secret)."""
    expires = booking.ends + TOKEN_GRACE
    claims = {
        "aud": "jitsi",
        "iss": settings.APPOINTMENTS_VIDEO_JWT_APP_ID,
        "sub": _server_domain(),
        "room": booking.video_room,
        "nbf": int((video_opens_at(booking) - dt.timedelta(minutes=5)).timestamp()),
        "exp": int(expires.timestamp()),
        "moderator": moderator,
        "context": {
            "user": {"id": user_id, "name": display_name, "moderator": moderator},
        },
    }
    return jwt.encode(claims, settings.APPOINTMENTS_VIDEO_JWT_SECRET, algorithm="HS256")


def _jwt_enabled() -> bool:
    return bool(settings.APPOINTMENTS_VIDEO_JWT_APP_ID and settings.APPOINTMENTS_VIDEO_JWT_SECRET)


def family_join_url(booking: Booking) -> str:
    """The room's address for the family (with their token when tokens are on). Shown on the
    waiting page only once it opens; never put in an e-mail or calendar file."""
    url = room_url(booking)
    if _jwt_enabled():
        token = join_token(
            booking,
            display_name=_family_display_name(booking),
            moderator=False,
            user_id=f"family-{booking.pk}",
        )
        url = f"{url}?jwt={token}"
    return url


def professional_join_url(booking: Booking, professional: User) -> str:
    """The room's address for the professional, who is the moderator when tokens are on."""
    url = room_url(booking)
    if _jwt_enabled():
        token = join_token(
            booking,
            display_name=(professional.full_name or str(professional))[:80],
            moderator=True,
            user_id=f"professional-{professional.pk}",
        )
        url = f"{url}?jwt={token}"
    return url
