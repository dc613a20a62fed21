"""Who may manage calendars, see bookings and set up appointment types.

A professional manages their own calendar while they hold the professional role; an
organisation's scheduler manages the calendars of its professionals; coordinators manage every
calendar. A booking is seen by those who manage its professional's calendar: the family's name,
contacts and answers are for the people who receive them, not for every editor of the
organisation. Appointment types belong to a service, so the service's organisation's schedulers
and editors set them up.
"""

from __future__ import annotations

from perhekeskus.accounts.models import User
from perhekeskus.appointments.models import Booking
from perhekeskus.catalog.models import Service
from perhekeskus.core.actors import Visitor
from perhekeskus.core.policies import is_coordinator, is_verified_member
from perhekeskus.core.roles import Role


def can_manage_calendar(actor: Visitor, professional: User) -> bool:
    """Hours, absences, bookings and the feed of `professional`'s calendar."""
    if not is_verified_member(actor):
        return False
    if is_coordinator(actor):
        return True
    if actor.pk == professional.pk:
        return actor.has_role(Role.PROFESSIONAL)
    return bool(
        actor.has_role(Role.SCHEDULER)
        and actor.organization_id is not None
        and actor.organization_id == professional.organization_id
    )


def can_view_booking(actor: Visitor, booking: Booking) -> bool:
    """The family's data in a booking: whoever manages its professional's calendar."""
    return can_manage_calendar(actor, booking.professional)


def can_manage_bookings_of(actor: Visitor, booking: Booking) -> bool:
    """Cancel, mark done or no-show: the same people who may see the booking."""
    return can_view_booking(actor, booking)


def can_manage_appointment_types(actor: Visitor, service: Service) -> bool:
    """Create and change the appointment types of `service`."""
    if not is_verified_member(actor):
        return False
    if is_coordinator(actor):
        return True
    return bool(
        (actor.has_role(Role.SCHEDULER) or actor.has_role(Role.ORGANIZATION_EDITOR))
        and actor.organization_id is not None
        and actor.organization_id == service.organization_id
    )
