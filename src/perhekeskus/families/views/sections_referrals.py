"""What the family page's referrals sections show (owned by the referrals part of the app)."""

from __future__ import annotations

from typing import Any

from perhekeskus.accounts.models import User
from perhekeskus.families.selectors import FamilyAccess


def section_context(actor: User, family_access: FamilyAccess) -> dict[str, Any]:
    return {}
