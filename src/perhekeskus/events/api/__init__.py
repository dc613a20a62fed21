"""The events' JSON API under /api/v1/: the public listing and a family's sign-up.

Public, no login: families have no account. The listing (`reads.py`) is HSDS-style pages on the
catalogue's `HsdsView` with the events page's filters; signing up (`signups.py`) follows the
appointments' booking API: JSON only, an optional `Idempotency-Key`, field-level 400s, 404 for an
unknown event, 409 for a closed or full one, 422 for a reused key and 429 with Retry-After, with
messages in the request's language.
"""

from perhekeskus.events.api.reads import EventListView
from perhekeskus.events.api.signups import SignupCreateView

__all__ = ["EventListView", "SignupCreateView"]
