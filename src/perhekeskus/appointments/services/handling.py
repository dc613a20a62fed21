"""What the professional (or whoever manages their calendar) does with a booking: cancel it with
a reason the family receives, and mark it done or not attended once its time has begun.

Each service finds the booking through `access_booking` (NotFound for missing and forbidden
alike), locks the professional's calendar row and then the booking, checks the policy against the
stored row, writes, audits and (for a cancellation) writes the family's notice, in one
transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.appointments import actions
from perhekeskus.appointments.models import Booking, BookingStatus
from perhekeskus.appointments.policies import can_manage_bookings_of
from perhekeskus.appointments.selectors import access_booking
from perhekeskus.appointments.services.booking import _locked_booking, lock_calendars
from perhekeskus.audit.services import audit_record
from perhekeskus.core.policies import require

MAX_REASON = 2000

# The outcomes a professional records once the time has begun; either may be corrected to the
# other (a mistaken click), never back to booked.
_OUTCOMES = {
    BookingStatus.DONE: (BookingStatus.BOOKED, BookingStatus.NO_SHOW),
    BookingStatus.NO_SHOW: (BookingStatus.BOOKED, BookingStatus.DONE),
}


def _locked_for(actor: User, booking_id: uuid.UUID) -> Booking:
    """Inside a transaction: the booking, its calendar and its row locked, the policy checked
    against what is stored."""
    found = access_booking(actor=actor, booking_id=booking_id, for_action=True)
    lock_calendars([found.professional_id])
    booking = _locked_booking(found.pk)
    require(can_manage_bookings_of(actor, booking))
    return booking


def booking_cancel(
    *, actor: User, booking_id: uuid.UUID, reason: str, now: dt.datetime | None = None
) -> Booking:
    """Cancel a booking that has not begun. The reason is required: the family receives it."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    with transaction.atomic():
        booking = _locked_for(actor, booking_id)
        if not reason:
            raise ValidationError(
                {"reason": [_("Please write the reason for cancelling. The family receives it.")]}
            )
        if len(reason) > MAX_REASON:
            raise ValidationError(
                {
                    "reason": [
                        _("Please write at most %(count)d characters.") % {"count": MAX_REASON}
                    ]
                }
            )
        if booking.status != BookingStatus.BOOKED:
            raise ValidationError({"__all__": [_("This appointment is not booked any more.")]})
        if booking.starts <= now:
            raise ValidationError(
                {
                    "__all__": [
                        _(
                            "This appointment has already begun. Mark it done or not attended "
                            "instead."
                        )
                    ]
                }
            )
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.cancelled_by = actor
        booking.cancelled_by_family = False
        booking.cancel_reason = reason
        booking.save(
            update_fields=[
                "status",
                "cancelled_at",
                "cancelled_by",
                "cancelled_by_family",
                "cancel_reason",
                "updated_at",
            ]
        )
        # The reason is the family's to read, not the log's: it may name them.
        audit_record(
            action=actions.BOOKING_CANCEL,
            actor=actor,
            target=booking,
            details={"from": BookingStatus.BOOKED, "to": booking.status, "by_family": False},
        )
        from perhekeskus.appointments import notices

        notices.booking_cancelled(booking, by_family=False)
    return booking


def _record_outcome(
    actor: User, booking_id: uuid.UUID, outcome: BookingStatus, now: dt.datetime | None
) -> Booking:
    now = now or timezone.now()
    with transaction.atomic():
        booking = _locked_for(actor, booking_id)
        if booking.status == outcome:
            return booking
        if booking.anonymised_at is not None:
            # Past the retention period the booking is only a count; its outcome stays as it was.
            raise ValidationError(
                {
                    "__all__": [
                        _(
                            "This appointment's details have been erased; it can no longer be "
                            "changed."
                        )
                    ]
                }
            )
        if booking.status not in _OUTCOMES[outcome]:
            raise ValidationError({"__all__": [_("This appointment was cancelled.")]})
        if booking.starts > now:
            raise ValidationError(
                {"__all__": [_("An appointment can be marked only once its time has begun.")]}
            )
        old = booking.status
        booking.status = outcome
        booking.save(update_fields=["status", "updated_at"])
        audit_record(
            action=actions.BOOKING_DONE
            if outcome == BookingStatus.DONE
            else actions.BOOKING_NO_SHOW,
            actor=actor,
            target=booking,
            details={"from": str(old), "to": str(outcome)},
        )
    return booking


def booking_mark_done(
    *, actor: User, booking_id: uuid.UUID, now: dt.datetime | None = None
) -> Booking:
    """The appointment took place (only once its time has begun)."""
    return _record_outcome(actor, booking_id, BookingStatus.DONE, now)


def booking_mark_no_show(
    *, actor: User, booking_id: uuid.UUID, now: dt.datetime | None = None
) -> Booking:
    """The family did not come (only once the time has begun)."""
    return _record_outcome(actor, booking_id, BookingStatus.NO_SHOW, now)
