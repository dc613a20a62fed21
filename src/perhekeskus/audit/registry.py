"""The one registry of audited action names.

Every audited operation has a dotted, stable name `<app>.<entity>.<verb>` registered once, in its
app's `actions.py`. Names are never renamed: the log is read years later by an auditor who
searches for them. Recording an unregistered name is a programming error and fails loudly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
