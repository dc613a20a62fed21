"""The appointments' deploy checks: each warns or errs on the setting it is about, and says
nothing when the county has set things up."""

from __future__ import annotations

from django.test import override_settings

from perhekeskus.appointments import checks

OWN_JITSI = {
    "APPOINTMENTS_VIDEO_BASE_URL": "https://video.hyvinvointialue.example",
    "APPOINTMENTS_VIDEO_JWT_APP_ID": "perhekeskus",
    "APPOINTMENTS_VIDEO_JWT_SECRET": "s3cret-from-the-environment",
}


def ids(messages: list) -> list[str]:  # type: ignore[type-arg]
    return [message.id for message in messages]


@override_settings(**OWN_JITSI)
def test_the_countys_own_jitsi_with_tokens_passes() -> None:
    assert checks.check_video_server() == []


@override_settings(**{**OWN_JITSI, "APPOINTMENTS_VIDEO_BASE_URL": "https://meet.jit.si/"})
def test_the_public_jitsi_is_warned_about() -> None:
    assert ids(checks.check_video_server()) == ["perhekeskus.W003"]


@override_settings(**{**OWN_JITSI, "APPOINTMENTS_VIDEO_JWT_SECRET": ""})
def test_rooms_without_tokens_are_warned_about() -> None:
    assert ids(checks.check_video_server()) == ["perhekeskus.W004"]


@override_settings(PERHEKESKUS_SMS_BACKEND="perhekeskus.core.sms.ConsoleBackend")
def test_printed_text_messages_are_warned_about() -> None:
    assert ids(checks.check_sms_backend()) == ["perhekeskus.W005"]


@override_settings(PERHEKESKUS_SMS_BACKEND="county.sms.GatewayBackend")
def test_a_real_sms_backend_passes() -> None:
    assert checks.check_sms_backend() == []


@override_settings(APPOINTMENTS_BOOKING_ADDRESS_RATE_LIMIT="off")
def test_a_booking_rate_limit_off_is_an_error() -> None:
    found = checks.check_booking_rate_limits()
    assert ids(found) == ["perhekeskus.E105"]
    assert "BOOKING_ADDRESS_RATE_LIMIT" in found[0].msg


def test_the_booking_rate_limits_on_pass() -> None:
    assert checks.check_booking_rate_limits() == []
