"""Text messages through a pluggable backend (`PERHEKESKUS_SMS_BACKEND`, a dotted path to a class).

- `ConsoleBackend` writes each message to standard output (the demo, development).
- `LocmemBackend` keeps the messages in `perhekeskus.core.sms.outbox` (the tests).
- A real gateway is a subclass of `BaseBackend` whose `send` raises on failure.

Messages are sent by a job (retried), never in a request: a gateway that is down must not turn a
stored booking into an error. Neither the number nor the text is ever logged: a number in a log
says that this family has an appointment here.
"""

from __future__ import annotations

import logging
import sys
from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TextMessage:
    to: str
    text: str
    sender: str


class BaseBackend(ABC):
    """Sends one message; raises when the gateway did not take it (the job then retries). A
    backend without its own `send` cannot be made at all (abstract)."""

    @abstractmethod
    def send(self, message: TextMessage) -> None: ...


class ConsoleBackend(BaseBackend):
    """Writes the message to standard output, as Django's console e-mail backend does."""

    def send(self, message: TextMessage) -> None:
        stream = sys.stdout
        stream.write(f"SMS from {message.sender} to {message.to}\n{message.text}\n{'-' * 40}\n")
        stream.flush()


# The messages LocmemBackend has "sent", oldest first (tests empty it between tests).
outbox: list[TextMessage] = []


class LocmemBackend(BaseBackend):
    def send(self, message: TextMessage) -> None:
        outbox.append(message)


@lru_cache(maxsize=8)
def _backend_class(path: str) -> type[BaseBackend]:
    backend = import_string(path)
    if not (isinstance(backend, type) and issubclass(backend, BaseBackend)):
        raise TypeError(f"{path} is not a perhekeskus.core.sms.BaseBackend")
    return backend


def get_backend() -> BaseBackend:
    return _backend_class(settings.PERHEKESKUS_SMS_BACKEND)()


def normalise_number(number: str) -> str:
    """A Finnish number in the international form a gateway wants: "040 123 4567" →
    "+358401234567"; a number already international keeps its country code."""
    digits = "".join(c for c in number if c.isdigit() or c == "+")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+358" + digits[1:]
    return digits


def send_sms(*, to: str, text: str) -> None:
    """Send one text message now through the configured backend. Raises what the backend raises
    (a job retries); logs the backend's name and the error's class, never the number or text."""
    number = normalise_number(to)
    if len(number) < 6:
        raise ValueError("not a phone number")
    backend = get_backend()
    try:
        backend.send(TextMessage(to=number, text=text, sender=settings.PERHEKESKUS_SMS_SENDER))
    except Exception as error:
        log.warning("Text message not sent by %s: %s", type(backend).__name__, type(error).__name__)
        raise
    log.info("Text message sent by %s (%s characters)", type(backend).__name__, len(text))
