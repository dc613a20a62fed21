"""The appointments app's audit actions. Names are never renamed."""

from django.utils.translation import gettext_lazy as _

from perhekeskus.audit.registry import register

TYPE_CREATE = register("appointments.type.create", _("Appointment type created"))
TYPE_UPDATE = register("appointments.type.update", _("Appointment type changed"))
AVAILABILITY_UPDATE = register("appointments.availability.update", _("Working hours changed"))
EXCEPTION_CREATE = register("appointments.exception.create", _("Absence or extra hours added"))
EXCEPTION_DELETE = register("appointments.exception.delete", _("Absence or extra hours removed"))
BOOKING_CREATE = register("appointments.booking.create", _("Appointment booked"))
BOOKING_VIEW = register("appointments.booking.view", _("Appointment viewed"))
BOOKING_LIST = register("appointments.booking.list", _("Calendar of appointments viewed"))
BOOKING_RESCHEDULE = register("appointments.booking.reschedule", _("Appointment moved"))
BOOKING_CANCEL = register("appointments.booking.cancel", _("Appointment cancelled"))
BOOKING_DONE = register("appointments.booking.done", _("Appointment marked done"))
BOOKING_NO_SHOW = register("appointments.booking.no_show", _("Appointment marked as no-show"))
BOOKING_EXPORT = register("appointments.booking.export", _("Appointment exported for the person"))
BOOKING_ANONYMISE = register("appointments.booking.anonymise", _("Past appointments anonymised"))
FEED_CREATE = register("appointments.feed.create", _("Calendar feed address created"))
FEED_REVOKE = register("appointments.feed.revoke", _("Calendar feed address revoked"))
