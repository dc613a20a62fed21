"""Who must hear when services change: apps that keep something derived from the catalogue
(the finder's search index) register here from their `AppConfig.ready`, so that the catalogue
imports none of them and the arrows of docs/architecture.md hold.

Listeners run in the writer's transaction, so what they derive commits or rolls back with
the change itself.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Protocol


class ImportCounts(Protocol):
    """What a listener may ask of an import's summary: did it create or update anything."""

    def changed_anything(self) -> bool: ...


class ServicesChangedListener(Protocol):
    def __call__(
        self, *, service_ids: list[uuid.UUID] | None, import_summary: ImportCounts | None
    ) -> object: ...


_listeners: list[ServicesChangedListener] = []


def on_services_changed(listener: ServicesChangedListener) -> ServicesChangedListener:
    """Register a listener once (an app's `ready` may run more than once in tests)."""
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def services_changed(
    *,
    service_ids: Iterable[uuid.UUID] | None,
    import_summary: ImportCounts | None = None,
) -> None:
    """Tell every listener that these services (None: the whole catalogue) changed. An import
    passes its summary, so that a listener can skip an import that changed nothing."""
    ids = None if service_ids is None else list(service_ids)
    for listener in _listeners:
        listener(service_ids=ids, import_summary=import_summary)


class ReviewRequestedListener(Protocol):
    def __call__(self, *, organization_id: uuid.UUID, service_id: uuid.UUID) -> object: ...


_review_listeners: list[ReviewRequestedListener] = []


def on_review_requested(listener: ReviewRequestedListener) -> ReviewRequestedListener:
    """Register who tells the approvers that a service waits for them (accounts, which knows
    who they are; the catalogue does not import it). Once, as `on_services_changed`."""
    if listener not in _review_listeners:
        _review_listeners.append(listener)
    return listener


def review_requested(*, organization_id: uuid.UUID, service_id: uuid.UUID) -> None:
    """A service of this organisation was sent for approval (in the sender's transaction)."""
    for listener in _review_listeners:
        listener(organization_id=organization_id, service_id=service_id)
