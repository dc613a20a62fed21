"""What happens at a place or in a service: the events a family could go to.

The finder's map shows today's events beside each place's opening hours, and a service card and
an organisation page list the upcoming ones; but the finder may not import the app that has the
events. So that app registers a provider here in its AppConfig.ready, and the finder asks this
module. Like `core.service_actions`, this is wiring: core names no app, and without a provider
every answer is empty.

A provider answers each question with one read, whatever the number of places, so that a map of
many places costs one query per provider.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Happening:
    """One event as the finder shows it: texts already in the active language."""

    title: str
    starts: dt.datetime
    ends: dt.datetime
    url: str
    # "Drop in", "3 seats left", "Full, waiting list open"; empty when there is nothing to say.
    seats: str = ""


@dataclass(frozen=True)
class Upcoming:
    """The next events of a service or an organisation, and where all of them are listed."""

    happenings: list[Happening] = field(default_factory=list)
    # The provider's page of all of them (empty when it has none).
    all_url: str = ""


class Provider(Protocol):
    def on_day(
        self, place_ids: Collection[uuid.UUID], day: dt.date
    ) -> dict[uuid.UUID, list[Happening]]:
        """The events at these places on this Finnish day (also those that began earlier and go
        on that day), by place id, each place's in the order they start; places without events
        are left out."""
        ...

    def upcoming(
        self,
        *,
        service_id: uuid.UUID | None = None,
        organization_id: uuid.UUID | None = None,
        limit: int,
    ) -> Upcoming:
        """At most `limit` events of the service (or of the organisation) that have not ended,
        in the order they start."""
        ...


_PROVIDERS: dict[str, Provider] = {}


def register(key: str, provider: Provider) -> None:
    """Register (or replace) the provider called `key`."""
    _PROVIDERS[key] = provider


def unregister(key: str) -> None:
    """Forget the provider called `key` (tests put the registry back as it was)."""
    _PROVIDERS.pop(key, None)


def providers() -> dict[str, Provider]:
    """The registered providers by key (a copy)."""
    return dict(_PROVIDERS)


@contextmanager
def only(replacement: Mapping[str, Provider]) -> Iterator[None]:
    """Within the block the registry holds `replacement` only, after it what it held (for tests,
    which register their own providers or none)."""
    saved = dict(_PROVIDERS)
    _PROVIDERS.clear()
    _PROVIDERS.update(replacement)
    try:
        yield
    finally:
        _PROVIDERS.clear()
        _PROVIDERS.update(saved)


def on_day(place_ids: Collection[uuid.UUID], day: dt.date) -> dict[uuid.UUID, list[Happening]]:
    """Every provider's events at these places on `day`, by place id, in the order they start."""
    ids = list(place_ids)
    if not ids or not _PROVIDERS:
        return {}
    found: dict[uuid.UUID, list[Happening]] = {}
    for key in sorted(_PROVIDERS):
        for place_id, happenings in _PROVIDERS[key].on_day(ids, day).items():
            found.setdefault(place_id, []).extend(happenings)
    if len(_PROVIDERS) > 1:
        for happenings in found.values():
            happenings.sort(key=_order)
    return found


def upcoming_of_service(service_id: uuid.UUID, *, limit: int = 5) -> list[Upcoming]:
    """The service's next events: one `Upcoming` per provider that has any."""
    return _upcoming(limit, service_id=service_id)


def upcoming_of_organization(organization_id: uuid.UUID, *, limit: int = 5) -> list[Upcoming]:
    """The organisation's next events: one `Upcoming` per provider that has any."""
    return _upcoming(limit, organization_id=organization_id)


def _upcoming(
    limit: int, *, service_id: uuid.UUID | None = None, organization_id: uuid.UUID | None = None
) -> list[Upcoming]:
    answers = []
    for key in sorted(_PROVIDERS):
        answer = _PROVIDERS[key].upcoming(
            service_id=service_id, organization_id=organization_id, limit=limit
        )
        if answer.happenings:
            answers.append(answer)
    return answers


def _order(happening: Happening) -> tuple[dt.datetime, str]:
    return (happening.starts, happening.title)
