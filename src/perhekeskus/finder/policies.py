"""Who may change the finder's data: the need thesaurus is the network coordinators' to keep."""

from __future__ import annotations

from perhekeskus.core.actors import Visitor
from perhekeskus.core.policies import is_coordinator


def can_edit_need_concepts(actor: Visitor) -> bool:
    return is_coordinator(actor)


def can_view_unmet_needs(actor: Visitor) -> bool:
    """The searches that found nothing: aggregate figures for the network's leaders."""
    return is_coordinator(actor)
