"""Text messages: the pluggable backend, and that neither a number nor a text reaches a log."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from django.test import override_settings

from perhekeskus.core import sms

NUMBER = "040 765 4321"
TEXT = "Aika varattu: Lastenvalvojan etätapaaminen 4.12.2026 klo 9.00."


class RefusingBackend(sms.BaseBackend):
    def send(self, message: sms.TextMessage) -> None:
        raise ConnectionRefusedError(f"gateway refused {message.to}: {message.text}")


class NotABackend:
    pass


@pytest.fixture(autouse=True)
def _empty_sms_outbox() -> Iterator[None]:
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def test_send_sms_through_the_locmem_backend_keeps_the_message() -> None:
    sms.send_sms(to=NUMBER, text=TEXT)
    assert sms.outbox == [sms.TextMessage(to="+358407654321", text=TEXT, sender="Perhekeskus")]


@override_settings(PERHEKESKUS_SMS_BACKEND="perhekeskus.core.sms.ConsoleBackend")
def test_send_sms_through_the_console_backend_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    sms.send_sms(to="+358 40 765 4321", text=TEXT)
    printed = capsys.readouterr().out
    assert "+358407654321" in printed
    assert TEXT in printed
    assert sms.outbox == []


@pytest.mark.parametrize(
    ("given", "normalised"),
    [
        ("040 765 4321", "+358407654321"),
        ("+358 40 765 4321", "+358407654321"),
        ("00358-40-765-4321", "+358407654321"),
        ("+46 70 123 45 67", "+46701234567"),
    ],
)
def test_normalise_number_gives_the_international_form(given: str, normalised: str) -> None:
    assert sms.normalise_number(given) == normalised


def test_send_sms_never_logs_the_number_or_the_text(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        sms.send_sms(to=NUMBER, text=TEXT)
    assert "LocmemBackend" in caplog.text
    for secret in ("765", "4321", "Lastenvalvojan", "9.00"):
        assert secret not in caplog.text


@override_settings(PERHEKESKUS_SMS_BACKEND="perhekeskus.core.tests.test_sms.RefusingBackend")
def test_a_failing_gateway_raises_for_the_retry_and_logs_only_the_error_class(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.DEBUG), pytest.raises(ConnectionRefusedError):
        sms.send_sms(to=NUMBER, text=TEXT)
    assert "ConnectionRefusedError" in caplog.text
    assert "4321" not in caplog.text
    assert "Lastenvalvojan" not in caplog.text


def test_something_that_is_not_a_number_is_refused_without_sending() -> None:
    with pytest.raises(ValueError):
        sms.send_sms(to="ei ole", text=TEXT)
    assert sms.outbox == []


@override_settings(PERHEKESKUS_SMS_BACKEND="perhekeskus.core.tests.test_sms.NotABackend")
def test_a_backend_setting_that_is_not_a_backend_is_refused() -> None:
    with pytest.raises(TypeError):
        sms.send_sms(to=NUMBER, text=TEXT)


def test_the_base_backend_must_be_subclassed_with_a_send() -> None:
    class WithoutSend(sms.BaseBackend):
        pass

    with pytest.raises(TypeError):
        WithoutSend()  # type: ignore[abstract]
