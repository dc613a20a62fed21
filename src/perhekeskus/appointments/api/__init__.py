"""The appointments' JSON API under /api/v1/: the bookable types, their free slots and booking.

Public, no login: families have no account. The reads are HSDS-style pages on the catalogue's
`HsdsView` (`reads.py`); booking (`bookings.py`) follows Ask for help's API: JSON only, an
optional `Idempotency-Key`, field-level 400s, 409 for a slot taken, 422 for a reused key and 429
with Retry-After, with messages in the request's language.
"""

from perhekeskus.appointments.api.bookings import BookingCreateView
from perhekeskus.appointments.api.reads import AppointmentTypeListView, SlotListView

__all__ = ["AppointmentTypeListView", "BookingCreateView", "SlotListView"]
