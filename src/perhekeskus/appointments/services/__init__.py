"""Everything that changes appointments. Each function owns its transaction: it locks what it
changes (a booking's professional's calendar row first, ADR 0035), checks its policy against
what is stored, writes, records an audit entry and writes the family's notices in the same
transaction."""

from perhekeskus.appointments.selectors import booking_get_by_token
from perhekeskus.appointments.services.booking import (
    BookingResult,
    IdempotencyConflict,
    SlotTaken,
    booking_cancel_by_family,
    booking_create,
    booking_reschedule_by_family,
)
from perhekeskus.appointments.services.handling import (
    booking_cancel,
    booking_mark_done,
    booking_mark_no_show,
)
from perhekeskus.appointments.services.retention import booking_export, bookings_anonymise_past
from perhekeskus.appointments.services.setup import (
    appointment_type_create,
    appointment_type_update,
    calendar_settings_update,
    exception_create,
    exception_delete,
    feed_create,
    feed_revoke,
    weekly_hours_replace,
)

__all__ = [
    "BookingResult",
    "IdempotencyConflict",
    "SlotTaken",
    "appointment_type_create",
    "appointment_type_update",
    "booking_cancel",
    "booking_cancel_by_family",
    "booking_create",
    "booking_export",
    "booking_get_by_token",
    "booking_mark_done",
    "booking_mark_no_show",
    "booking_reschedule_by_family",
    "bookings_anonymise_past",
    "calendar_settings_update",
    "exception_create",
    "exception_delete",
    "feed_create",
    "feed_revoke",
    "weekly_hours_replace",
]
