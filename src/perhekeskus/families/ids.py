"""The families app's ids as they come from a URL or a caller (a family's, a referral's)."""

from __future__ import annotations

import uuid

from perhekeskus.core.errors import NotFound


def parse_id(value: uuid.UUID | str) -> uuid.UUID:
    """The id as a UUID; NotFound for anything that is not one, as for an id that is missing."""
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError) as error:
        raise NotFound() from error
