"""What an import did: counts per kind of record, and the records it skipped with their reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError


@dataclass
class KindCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportSummary:
    organizations: KindCounts = field(default_factory=KindCounts)
    locations: KindCounts = field(default_factory=KindCounts)
    services: KindCounts = field(default_factory=KindCounts)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # kind, id, reason
    # Rows of a service or place that the import does not mention, by kind ("at_location",
    # "channel", "schedule"): removed when pruning, else kept.
    removed: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    def changed_anything(self) -> bool:
        """Whether the import created or updated any organisation, place or service."""
        kinds = (self.organizations, self.locations, self.services)
        return any(kind.created or kind.updated for kind in kinds)

    def as_details(self) -> dict[str, Any]:
        return {
            kind: vars(getattr(self, kind)) for kind in ("organizations", "locations", "services")
        } | {
            "skipped": len(self.skipped),
            "removed": dict(sorted(self.removed.items())),
            "kept": dict(sorted(self.kept.items())),
        }


def _reason(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(str(m) for m in messages)}"
            for field, messages in error.message_dict.items()
        )
    return " ".join(str(m) for m in error.messages)
