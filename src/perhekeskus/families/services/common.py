"""What the families services do alike before a change of a family's record."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from perhekeskus.accounts.models import User
from perhekeskus.families import selectors
from perhekeskus.families.models import DataCategory
from perhekeskus.families.selectors import FamilyAccess


def lock_family(
    actor: User,
    family_id: uuid.UUID | str,
    categories: Iterable[str] = (DataCategory.BASIC,),
) -> FamilyAccess:
    """Inside a service's transaction: the family re-read through the gate for a change (not
    logged as a read) with its row locked (`select_for_update`), so that the service checks its
    policy against what is stored and a consent revoked a moment ago already refuses. NotFound
    when the actor may not read the family at all."""
    return selectors.access_family(
        actor=actor, family_id=family_id, categories=list(categories), for_action=True, lock=True
    )
