"""What a family hears about its booking: an e-mail (through the outbox, with the calendar file)
and, when it gave a phone number, a short text message (sent by a retried job).

Called by the booking services inside their transaction: the e-mail row and the text message's
job row are written with the change and go out only if it commits. Everything is in the booking's
language and Finnish time ("4.12.2026 klo 9.00"). A notice names only the family's own booking —
never the professional's other bookings — and a text message never carries the family's name.
Logs and the outbox's `kind` and `dedupe_key` say nothing about whose booking it is.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from perhekeskus.appointments.calendar import booking_ics, family_links, local_when, place_text
from perhekeskus.appointments.models import Booking, BookingStatus, Channel
from perhekeskus.core.client import keyed_hash
from perhekeskus.core.links import absolute
from perhekeskus.core.outbox import Attachment, email_enqueue

Kind = Literal["confirmed", "rescheduled", "cancelled", "reminder"]
KINDS: tuple[Kind, ...] = ("confirmed", "rescheduled", "cancelled", "reminder")


def booking_confirmed(booking: Booking, manage_token: str) -> None:
    """The booking was made: e-mail with the calendar file, and a text message."""
    _notify(booking, "confirmed", manage_token=manage_token)


def booking_rescheduled(booking: Booking, manage_token: str) -> None:
    """The booking was moved (`booking` has its new time)."""
    _notify(booking, "rescheduled", manage_token=manage_token)


def booking_cancelled(booking: Booking, *, by_family: bool) -> None:
    """The booking was cancelled, by the family or by the professional (whose reason, in
    `booking.cancel_reason`, the family receives)."""
    _notify(booking, "cancelled", manage_token=booking.manage_token, by_family=by_family)


def booking_reminder(booking: Booking) -> None:
    """The reminder before the appointment (the reminder job calls this under the booking's row
    lock, in the transaction that sets `reminder_sent_at`)."""
    _notify(booking, "reminder", manage_token=booking.manage_token)


def language_of(booking: Booking) -> str:
    return booking.language if booking.language in ("fi", "sv", "en") else "fi"


def _subject(kind: Kind, type_name: str, when: str) -> str:
    values = {"type": type_name, "when": when, "site": settings.PERHEKESKUS_SITE_NAME}
    if kind == "confirmed":
        return _("Appointment booked: %(type)s %(when)s") % values
    if kind == "rescheduled":
        return _("Appointment moved: %(type)s %(when)s") % values
    if kind == "cancelled":
        return _("Appointment cancelled: %(type)s %(when)s") % values
    return _("Reminder: %(type)s %(when)s") % values


def email_context(
    booking: Booking, kind: Kind, *, manage_token: str, by_family: bool, now: dt.datetime
) -> dict[str, object]:
    """What the e-mail templates show, in the active language."""
    appointment_type = booking.appointment_type
    deadline = booking.starts - dt.timedelta(hours=appointment_type.cancellation_deadline_hours)
    links = family_links(booking, manage_token) if manage_token else {}
    return {
        "kind": kind,
        "site_name": settings.PERHEKESKUS_SITE_NAME,
        "type_name": appointment_type.name,
        "when": local_when(booking.starts),
        "ends": local_when(booking.ends).rsplit(" ", 1)[-1],
        "duration": appointment_type.duration_minutes,
        "channel": booking.channel,
        "is_visit": booking.channel == Channel.VISIT,
        "is_phone": booking.channel == Channel.PHONE,
        "is_video": booking.channel == Channel.VIDEO,
        "place": place_text(booking),
        "transportation": (booking.location.transportation if booking.location else ""),
        "video_url": links.get("video", ""),
        "manage_url": links.get("manage", ""),
        "deadline": local_when(deadline),
        "deadline_passed": deadline <= now,
        "by_family": by_family,
        "reason": booking.cancel_reason if kind == "cancelled" and not by_family else "",
        "book_url": (
            absolute(
                reverse("appointments:service", kwargs={"service_id": appointment_type.service_id})
            )
            if kind == "cancelled"
            else ""
        ),
    }


def _notify(
    booking: Booking,
    kind: Kind,
    *,
    manage_token: str,
    by_family: bool = False,
    now: dt.datetime | None = None,
) -> None:
    now = now or timezone.now()
    if booking.anonymised_at:
        return
    if kind in ("confirmed", "rescheduled") and booking.status == BookingStatus.BOOKED:
        _mark_reminder(booking, now)
    if booking.email:
        with translation.override(language_of(booking)):
            context = email_context(
                booking, kind, manage_token=manage_token, by_family=by_family, now=now
            )
            subject = _subject(kind, str(context["type_name"]), str(context["when"]))
            body = render_to_string(f"appointments/email/{kind}.txt", context)
        method = "CANCEL" if booking.status == BookingStatus.CANCELLED else "REQUEST"
        ics = booking_ics(booking, for_family=True, manage_token=manage_token, now=now)
        email_enqueue(
            kind=f"appointments.booking.{kind}",
            recipients=[booking.email],
            subject=subject,
            body=body,
            dedupe_key=_dedupe_key(booking, kind),
            attachments=[
                Attachment(
                    filename="appointment.ics",
                    content=ics,
                    mimetype=f"text/calendar; method={method}",
                )
            ],
        )
    if booking.phone:
        from perhekeskus.appointments.jobs import appointments_send_sms, sms_enqueue

        sms_enqueue(appointments_send_sms, booking=booking, kind=kind)


def _mark_reminder(booking: Booking, now: dt.datetime) -> None:
    """A booking made or moved to within the reminder window needs no separate reminder (this
    notice is it): it is marked as reminded. One moved out of the window gets a reminder again."""
    window_end = now + dt.timedelta(hours=settings.APPOINTMENTS_REMINDER_HOURS)
    marker = now if booking.starts <= window_end else None
    Booking.objects.filter(pk=booking.pk).update(reminder_sent_at=marker)
    booking.reminder_sent_at = marker


def _dedupe_key(booking: Booking, kind: Kind) -> str:
    """The same notice of the same booking at the same time is queued once while it waits."""
    return keyed_hash("appointments-notice", kind, str(booking.pk), booking.starts.isoformat())


def sms_text(booking: Booking, kind: Kind) -> str:
    """The text message: short, in the booking's language, never the family's name."""
    with translation.override(language_of(booking)):
        values = {
            "type": booking.appointment_type.name,
            "when": local_when(booking.starts),
            "site": settings.PERHEKESKUS_SITE_NAME,
        }
        links = family_links(booking, booking.manage_token) if booking.manage_token else {}
        text = _subject(kind, str(values["type"]), str(values["when"])) + "."
        if kind != "cancelled":
            if booking.channel == Channel.PHONE:
                text += " " + _("The professional calls you.")
            elif booking.channel == Channel.VISIT and booking.location is not None:
                text += " " + place_text(booking) + "."
            if links.get("manage"):
                text += " " + _("Details, change or cancel: %(url)s") % {"url": links["manage"]}
        return text + f" {values['site']}"
