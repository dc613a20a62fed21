"""Video rooms: one unguessable room per booking, and Jitsi tokens that let only the two parties in
with the professional as the moderator."""

from __future__ import annotations

import datetime as dt

import jwt
import pytest
from django.test import override_settings

from perhekeskus.appointments import video
from perhekeskus.appointments.models import Booking, Channel
from perhekeskus.appointments.tests.factories import BookingFactory, receiving_professional

STARTS = dt.datetime(2026, 12, 4, 7, 0, tzinfo=dt.UTC)  # 9.00 in Finnish time
SECRET = "jitsi-test-secret-0123456789abcdef"
JWT_ON = override_settings(
    APPOINTMENTS_VIDEO_BASE_URL="https://video.perhekeskus.example/",
    APPOINTMENTS_VIDEO_JWT_APP_ID="perhekeskus",
    APPOINTMENTS_VIDEO_JWT_SECRET=SECRET,
)


def _video_booking(**fields: object) -> Booking:
    professional = receiving_professional(full_name="Sanna Sosiaalityöntekijä")
    values: dict[str, object] = {"starts": STARTS, "name": "Maija Meikäläinen", **fields}
    return BookingFactory.create(professional=professional, channel=Channel.VIDEO, **values)


def _claims(url: str) -> dict[str, object]:
    token = url.split("?jwt=", 1)[1]
    # The times are checked by the assertions, not against today's clock.
    return jwt.decode(
        token,
        SECRET,
        algorithms=["HS256"],
        audience="jitsi",
        options={"verify_exp": False, "verify_nbf": False},
    )


@pytest.mark.django_db
@override_settings(APPOINTMENTS_VIDEO_BASE_URL="https://meet.jit.si")
def test_without_a_secret_the_link_is_the_room_alone() -> None:
    booking = _video_booking()
    assert len(booking.video_room) >= 24
    url = video.family_join_url(booking)
    assert url == f"https://meet.jit.si/{booking.video_room}"
    assert video.professional_join_url(booking, booking.professional) == url


@pytest.mark.django_db
def test_each_booking_has_its_own_room() -> None:
    first, second = _video_booking(), _video_booking(starts=STARTS + dt.timedelta(hours=1))
    assert video.room_url(first) != video.room_url(second)


@pytest.mark.django_db
def test_a_booking_that_is_not_by_video_has_no_room() -> None:
    booking = BookingFactory.create(channel=Channel.PHONE, starts=STARTS)
    with pytest.raises(ValueError):
        video.family_join_url(booking)


@pytest.mark.django_db
@JWT_ON
def test_the_family_token_is_for_this_room_only_and_not_a_moderator() -> None:
    booking = _video_booking()
    url = video.family_join_url(booking)
    assert url.startswith(f"https://video.perhekeskus.example/{booking.video_room}?jwt=")
    claims = _claims(url)
    assert claims["aud"] == "jitsi"
    assert claims["iss"] == "perhekeskus"
    assert claims["sub"] == "video.perhekeskus.example"
    assert claims["room"] == booking.video_room
    assert claims["moderator"] is False
    user = claims["context"]["user"]  # type: ignore[index]
    assert user["moderator"] is False
    assert user["name"] == "Maija"  # the first name only
    # Valid from shortly before the waiting page opens until an hour after the end.
    assert claims["exp"] == int((booking.ends + dt.timedelta(minutes=60)).timestamp())
    assert claims["nbf"] < int(video.video_opens_at(booking).timestamp())


@pytest.mark.django_db
@JWT_ON
def test_the_professional_token_makes_them_the_moderator() -> None:
    booking = _video_booking()
    claims = _claims(video.professional_join_url(booking, booking.professional))
    assert claims["moderator"] is True
    user = claims["context"]["user"]  # type: ignore[index]
    assert user["moderator"] is True
    assert user["name"] == "Sanna Sosiaalityöntekijä"
    assert claims["room"] == booking.video_room


@pytest.mark.django_db
@JWT_ON
def test_a_token_signed_with_another_secret_is_refused() -> None:
    booking = _video_booking()
    token = video.family_join_url(booking).split("?jwt=", 1)[1]
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(
            token, "another-secret-0123456789abcdef0123", algorithms=["HS256"], audience="jitsi"
        )


@pytest.mark.django_db
@JWT_ON
@pytest.mark.parametrize(
    ("language", "shown"), [("fi", "Perhe"), ("sv", "Familj"), ("en", "Family")]
)
def test_without_a_name_the_family_is_shown_as_family(language: str, shown: str) -> None:
    booking = _video_booking(language=language)
    Booking.objects.filter(pk=booking.pk).update(name="")
    booking.refresh_from_db()
    claims = _claims(video.family_join_url(booking))
    assert claims["context"]["user"]["name"] == shown  # type: ignore[index]


@pytest.mark.django_db
@override_settings(APPOINTMENTS_VIDEO_OPENS_MINUTES_BEFORE=15)
def test_video_opens_at_is_the_start_less_the_setting() -> None:
    booking = _video_booking()
    assert video.video_opens_at(booking) == STARTS - dt.timedelta(minutes=15)
