"""What the family page's consents sections show (owned by the consents part of the app): the
responsible worker's consents and access log sections, and, for a reader under a law, the
readings the page is read under (the banner `families/pro/legal_banner.html`)."""

from __future__ import annotations

from typing import Any

from perhekeskus.accounts.models import User
from perhekeskus.families import selectors_consents
from perhekeskus.families.selectors import FamilyAccess

# The newest rows of the access log on the family page, of its last days; the rest on the
# printable log.
ACCESS_LOG_ROWS = 10
ACCESS_LOG_DAYS = 90


def section_context(actor: User, family_access: FamilyAccess) -> dict[str, Any]:
    context: dict[str, Any] = {
        "legal_readings": (
            selectors_consents.open_legal_readings(family_access) if family_access.under_law else []
        ),
    }
    if family_access.is_responsible:
        rows, more = selectors_consents.access_log_recent(
            family_access, rows=ACCESS_LOG_ROWS, days=ACCESS_LOG_DAYS
        )
        context.update(
            consents_family=family_access.family,
            consent_rows=selectors_consents.family_consents(family_access),
            access_log_rows=rows,
            access_log_more=more,
        )
    return context
