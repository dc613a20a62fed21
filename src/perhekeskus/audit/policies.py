from __future__ import annotations

from perhekeskus.core.actors import Visitor
from perhekeskus.core.policies import is_coordinator


def can_view_audit_log(actor: Visitor) -> bool:
    """The log names who did what to whom: network coordinators (and the technical
    administrator) browse it."""
    return is_coordinator(actor)
