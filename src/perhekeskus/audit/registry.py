"""The one registry of audited action names.

Every audited operation has a dotted, stable name `<app>.<entity>.<verb>` registered once, in its
app's `actions.py`. Names are never renamed: the log is read years later by an auditor who
searches for them. Recording an unregistered name is a programming error and fails loudly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){2,}$")


@dataclass(frozen=True)
class AuditAction:
    name: str
    label: str | Promise
    # Where the law asks for a reason (e.g. reading a client's data outside one's own team).
    requires_reason: bool = False

    def __str__(self) -> str:
        return self.name


_REGISTRY: dict[str, AuditAction] = {}


def register(name: str, label: str | Promise, *, requires_reason: bool = False) -> AuditAction:
    if not _NAME.match(name):
        raise ValueError(f"Audit action name {name!r} is not of the form app.entity.verb")
    existing = _REGISTRY.get(name)
    if existing is not None:
        raise ValueError(f"Audit action {name!r} is registered twice")
    action = AuditAction(name=name, label=label, requires_reason=requires_reason)
    _REGISTRY[name] = action
    return action


def get_action(name: str) -> AuditAction:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ValueError(f"Audit action {name!r} is not registered") from None


def all_actions() -> list[AuditAction]:
    return sorted(_REGISTRY.values(), key=lambda action: action.name)


# --- What an entry's target is called -----------------------------------------------------------
#
# The log stores a target as its model label and id ("catalog.service", "cf516732-…"). An app
# that wants its objects shown by name registers, in its AppConfig.ready, how to name a page's
# worth of them and where the viewer may open each; the audit app imports no other app.


@dataclass(frozen=True)
class TargetLink:
    """A target as the log shows it: its name, and a link if the viewer may open it."""

    name: str
    url: str | None = None


TargetResolver = Callable[[list[str], Any], Mapping[str, TargetLink]]

_TARGETS: dict[str, TargetResolver] = {}


def register_target(model_label: str, resolve: TargetResolver) -> None:
    """`resolve(ids, viewer)` names the objects of `model_label` ("catalog.service") with these
    ids, in one query, and links those the viewer may open; an id it cannot name is left out
    (deleted since, or not the viewer's to see) and the log shows the raw id."""
    _TARGETS[model_label] = resolve


def resolve_targets(
    targets: Iterable[tuple[str, str]], *, viewer: Any
) -> dict[tuple[str, str], TargetLink]:
    """(model label, id) → TargetLink for every target some app can name, one call per type."""
    ids_by_type: dict[str, list[str]] = {}
    for target_type, target_id in targets:
        if target_type in _TARGETS and target_id:
            ids_by_type.setdefault(target_type, []).append(target_id)
    result: dict[tuple[str, str], TargetLink] = {}
    for target_type, ids in ids_by_type.items():
        named = _TARGETS[target_type](sorted(set(ids)), viewer)
        for target_id, link in named.items():
            result[(target_type, target_id)] = link
    return result
