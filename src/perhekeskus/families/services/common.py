"""What the families services do alike: the family locked for a change, and a typed text checked."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

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


def too_long(limit: int) -> str:
    """The error of a text longer than `limit` characters."""
    return _("Write at most %(limit)d characters.") % {"limit": limit}


def clean_text(value: str | None, *, field: str, limit: int, required: str = "") -> str:
    """A typed text without the white space around it; a ValidationError on `field` saying
    `required` when it is empty (and must not be), or that it is longer than `limit`."""
    text = (value or "").strip()
    if required and not text:
        raise ValidationError({field: required})
    if len(text) > limit:
        raise ValidationError({field: too_long(limit)})
    return text
