"""Who may change the finder's data: the need thesaurus is the network coordinators' to keep."""

from __future__ import annotations

from typing import Any

from perhekeskus.catalog.policies import is_coordinator


def can_edit_need_concepts(actor: Any) -> bool:
    return is_coordinator(actor)


def can_view_unmet_needs(actor: Any) -> bool:
    """The searches that found nothing: aggregate figures for the network's leaders."""
    return is_coordinator(actor)
