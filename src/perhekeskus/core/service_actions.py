"""What a family can do with a service besides reaching it: "Book an appointment".

The finder's service card shows these links, but the finder may not import the apps that offer
them (appointments imports the catalogue, not the other way round). So each app registers, in its
AppConfig.ready, a function that answers for one service with the links it offers; the card asks
every registered function. Like `core.dashboard`, this is wiring: core names no app.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class ServiceAction:
    label: str | Promise
    url: str


Provider = Callable[[uuid.UUID], list[ServiceAction]]

_PROVIDERS: dict[str, Provider] = {}


def register(key: str, provider: Provider) -> None:
    """Register (or replace) the provider called `key`: `provider(service_id)` returns the links
    the app offers for that public service, or an empty list."""
    _PROVIDERS[key] = provider


def actions_for(service_id: uuid.UUID) -> list[ServiceAction]:
    """Every registered app's links for the service, in the order of the providers' keys."""
    actions: list[ServiceAction] = []
    for key in sorted(_PROVIDERS):
        actions.extend(_PROVIDERS[key](service_id))
    return actions
