"""The family's notices: e-mails through the outbox in the booking's language with the calendar
file attached, and text messages by a job, never with the family's name."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from perhekeskus.appointments import notices
from perhekeskus.appointments.models import Booking, BookingStatus, Channel
from perhekeskus.appointments.tests.factories import AppointmentTypeFactory, BookingFactory
from perhekeskus.core import sms
from perhekeskus.core.models import OutboxEmail
from perhekeskus.core.outbox import attachments_load, outbox_send_due
from perhekeskus.testing.factories import LocationFactory
from perhekeskus.testing.jobs import run_jobs

pytestmark = pytest.mark.django_db

# 4.12.2027 9.00 in Finnish time (UTC+2 in winter); far enough ahead of today's clock.
STARTS = dt.datetime(2027, 12, 3, 7, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _empty_sms_outbox() -> Iterator[None]:
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def _booking(**fields: Any) -> Booking:
    values: dict[str, Any] = {
        "starts": STARTS,
        "name": "Maija Meikäläinen",
        "email": "maija@example.org",
        "phone": "",
        **fields,
    }
    return BookingFactory.create(**values)


def _only_message(kind: str) -> OutboxEmail:
    messages = list(OutboxEmail.objects.all())
    assert len(messages) == 1, messages
    assert messages[0].kind == f"appointments.booking.{kind}"
    return messages[0]


def _ics(message: OutboxEmail) -> Calendar:
    (attachment,) = attachments_load(message.attachments)
    assert attachment.filename == "appointment.ics"
    return Calendar.from_ical(attachment.content)


@pytest.mark.parametrize(
    ("language", "subject_start", "when", "type_field"),
    [
        ("fi", "Aika varattu: ", "3.12.2027 klo 9.00", "name_fi"),
        ("sv", "Tid bokad: ", "3.12.2027 kl. 9.00", "name_sv"),
        ("en", "Appointment booked: ", "3.12.2027 at 9.00", "name_en"),
    ],
)
def test_booking_confirmed_is_in_the_booking_language_with_finnish_time(
    language: str, subject_start: str, when: str, type_field: str
) -> None:
    booking = _booking(language=language, channel=Channel.PHONE)
    type_name = getattr(booking.appointment_type, type_field)
    notices.booking_confirmed(booking, booking.manage_token)
    message = _only_message("confirmed")
    assert message.subject == f"{subject_start}{type_name} {when}"
    assert json.loads(message.recipients) == ["maija@example.org"]
    assert f"{when}–9.45" in message.body
    with translation.override(language):
        manage = reverse("appointments:manage", kwargs={"token": booking.manage_token})
    assert manage in message.body
    # The deadline: 24 hours before, in Finnish time.
    assert when.replace("3.12.", "2.12.") in message.body
    # Only the family's own booking: not its name, not the professional's name.
    assert "Maija" not in message.body
    assert booking.professional.full_name not in message.body
    assert _ics(message)["METHOD"] == "REQUEST"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", "Ammattilainen soittaa sinulle antamaasi numeroon"),
        ("sv", "Den professionella ringer dig på numret du gav"),
        ("en", "The professional calls you at the number you gave"),
    ],
)
def test_a_phone_booking_tells_who_calls(language: str, expected: str) -> None:
    booking = _booking(language=language, channel=Channel.PHONE, phone="040 123 4567")
    notices.booking_confirmed(booking, booking.manage_token)
    message = _only_message("confirmed")
    assert expected in message.body
    assert "4567" not in message.body


def test_a_visit_tells_the_place_and_address_from_the_catalogue() -> None:
    place = LocationFactory.create(
        name="Perhekeskus Simo",
        street_address="Ratatie 5",
        postal_code="95200",
        post_office="Simo",
        transportation="Bussi 5 pysähtyy oven edessä.",
    )
    appointment_type = AppointmentTypeFactory.create(offers_visit=True, locations=[place])
    booking = _booking(appointment_type=appointment_type, channel=Channel.VISIT, location=place)
    notices.booking_confirmed(booking, booking.manage_token)
    body = _only_message("confirmed").body
    assert "Paikka: Perhekeskus Simo, Ratatie 5, 95200 Simo" in body
    assert "Bussi 5 pysähtyy oven edessä." in body


@override_settings(APPOINTMENTS_VIDEO_BASE_URL="https://video.example")
def test_a_video_booking_links_to_the_waiting_page_never_to_the_room() -> None:
    booking = _booking(channel=Channel.VIDEO, language="sv")
    notices.booking_confirmed(booking, booking.manage_token)
    message = _only_message("confirmed")
    with translation.override("sv"):
        waiting = reverse("appointments:video", kwargs={"token": booking.manage_token})
    assert waiting in message.body
    assert "video.example" not in message.body
    assert booking.video_room not in message.body
    assert booking.video_room not in message.attachments


@pytest.mark.parametrize(
    ("language", "subject_start", "when"),
    [
        ("fi", "Aika siirretty: ", "3.12.2027 klo 9.00"),
        ("sv", "Tiden flyttad: ", "3.12.2027 kl. 9.00"),
        ("en", "Appointment moved: ", "3.12.2027 at 9.00"),
    ],
)
def test_booking_rescheduled_tells_the_new_time(
    language: str, subject_start: str, when: str
) -> None:
    booking = _booking(language=language)
    notices.booking_rescheduled(booking, booking.manage_token)
    message = _only_message("rescheduled")
    assert message.subject.startswith(subject_start)
    assert message.subject.endswith(when)
    assert _ics(message)["METHOD"] == "REQUEST"


@pytest.mark.parametrize(
    ("language", "subject_start", "reason_label"),
    [
        ("fi", "Aika peruttu: ", "Syy: "),
        ("sv", "Tiden avbokad: ", "Orsak: "),
        ("en", "Appointment cancelled: ", "Reason: "),
    ],
)
def test_booking_cancelled_by_the_professional_gives_the_reason(
    language: str, subject_start: str, reason_label: str
) -> None:
    booking = _booking(
        language=language, status=BookingStatus.CANCELLED, cancel_reason="Sairastuin."
    )
    notices.booking_cancelled(booking, by_family=False)
    message = _only_message("cancelled")
    assert message.subject.startswith(subject_start)
    assert f"{reason_label}Sairastuin." in message.body
    with translation.override(language):
        book_again = reverse(
            "appointments:service", kwargs={"service_id": booking.appointment_type.service_id}
        )
    assert book_again in message.body
    calendar = _ics(message)
    assert calendar["METHOD"] == "CANCEL"
    assert next(iter(calendar.walk("VEVENT")))["STATUS"] == "CANCELLED"


def test_booking_cancelled_by_the_family_has_no_reason_line() -> None:
    booking = _booking(language="fi", status=BookingStatus.CANCELLED, cancel_reason="")
    notices.booking_cancelled(booking, by_family=True)
    body = _only_message("cancelled").body
    assert "pyyntösi mukaisesti" in body
    assert "Syy:" not in body


@pytest.mark.parametrize(
    ("language", "subject_start"),
    [("fi", "Muistutus: "), ("sv", "Påminnelse: "), ("en", "Reminder: ")],
)
def test_booking_reminder_uses_the_stored_manage_link(language: str, subject_start: str) -> None:
    booking = _booking(language=language)
    notices.booking_reminder(booking)
    message = _only_message("reminder")
    assert message.subject.startswith(subject_start)
    assert booking.manage_token in message.body


def test_outbox_kind_and_dedupe_key_say_nothing_personal_and_repeat_is_queued_once() -> None:
    booking = _booking()
    notices.booking_confirmed(booking, booking.manage_token)
    notices.booking_confirmed(booking, booking.manage_token)
    message = _only_message("confirmed")
    for secret in (str(booking.pk), booking.manage_token, "maija", "Maija"):
        assert secret not in message.kind
        assert secret not in message.dedupe_key


def test_the_sent_e_mail_carries_the_calendar_file_as_an_invitation() -> None:
    booking = _booking(language="en")
    notices.booking_confirmed(booking, booking.manage_token)
    assert outbox_send_due() == (1, 0)
    (sent,) = mail.outbox
    assert sent.to == ["maija@example.org"]
    part = sent.attachments[0]
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == "appointment.ics"
    assert Calendar.from_ical(part.get_payload(decode=True))["METHOD"] == "REQUEST"
    # Once sent, the stored copy keeps nothing of the message, the attachment included.
    stored = OutboxEmail.objects.get()
    assert (stored.recipients, stored.body, stored.attachments) == ("", "", "")


def test_without_an_e_mail_address_no_mail_is_queued() -> None:
    booking = _booking(email="", phone="040 123 4567")
    notices.booking_confirmed(booking, booking.manage_token)
    assert OutboxEmail.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "start"),
    [
        ("fi", "Aika varattu: "),
        ("sv", "Tid bokad: "),
        ("en", "Appointment booked: "),
    ],
)
def test_a_text_message_is_sent_by_a_job_without_the_family_name(language: str, start: str) -> None:
    booking = _booking(language=language, phone="040 123 4567", channel=Channel.PHONE)
    notices.booking_confirmed(booking, booking.manage_token)
    assert sms.outbox == []  # not in the request: by a job
    run_jobs()
    (message,) = sms.outbox
    assert message.to == "+358401234567"
    assert message.text.startswith(start)
    assert booking.manage_token in message.text
    assert "Maija" not in message.text and "Meikäläinen" not in message.text


def test_a_text_message_overtaken_by_a_move_is_not_sent() -> None:
    booking = _booking(phone="040 123 4567")
    notices.booking_confirmed(booking, booking.manage_token)
    moved = STARTS + dt.timedelta(days=1)
    Booking.objects.filter(pk=booking.pk).update(
        starts=moved,
        ends=moved + dt.timedelta(minutes=45),
        blocked_from=moved,
        blocked_until=moved + dt.timedelta(minutes=45),
    )
    booking.refresh_from_db()
    notices.booking_rescheduled(booking, booking.manage_token)
    run_jobs()
    (message,) = sms.outbox
    assert message.text.startswith("Aika siirretty: ")
    assert "4.12.2027 klo 9.00" in message.text


def test_a_cancelled_booking_gets_no_confirmation_text_but_the_cancellation() -> None:
    booking = _booking(phone="040 123 4567")
    notices.booking_confirmed(booking, booking.manage_token)
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.CANCELLED)
    booking.refresh_from_db()
    notices.booking_cancelled(booking, by_family=True)
    run_jobs()
    (message,) = sms.outbox
    assert message.text.startswith("Aika peruttu: ")


def test_an_anonymised_booking_gets_nothing() -> None:
    booking = _booking(phone="040 123 4567")
    booking.anonymised_at = STARTS
    notices.booking_confirmed(booking, booking.manage_token)
    run_jobs()
    assert OutboxEmail.objects.count() == 0
    assert sms.outbox == []


def test_a_booking_made_inside_the_reminder_window_counts_as_reminded() -> None:
    now = dt.datetime.now(dt.UTC)
    soon = _booking(starts=now + dt.timedelta(hours=3), language="fi")
    later = _booking(starts=now + dt.timedelta(days=5), language="fi")
    notices.booking_confirmed(soon, soon.manage_token)
    notices.booking_confirmed(later, later.manage_token)
    soon.refresh_from_db()
    later.refresh_from_db()
    assert soon.reminder_sent_at is not None
    assert later.reminder_sent_at is None


def test_outbox_attachments_keep_binary_and_text_content() -> None:
    from perhekeskus.core.outbox import Attachment, email_enqueue

    email_enqueue(
        kind="test.attachments",
        recipients=["maija@example.org"],
        subject="Liitteet",
        body="Kaksi liitettä.",
        attachments=[
            Attachment("kuva.png", b"\x89PNG\r\n\x1a\n\x00\xff", "image/png"),
            Attachment("aika.ics", "BEGIN:VCALENDAR\r\nÄÖ".encode(), "text/calendar"),
        ],
    )
    stored = OutboxEmail.objects.get()
    with connection.cursor() as cursor:  # encrypted at rest
        cursor.execute("SELECT attachments FROM core_outboxemail")
        (raw,) = cursor.fetchone()
    assert raw and "VCALENDAR" not in raw and "kuva.png" not in raw
    png, ics = attachments_load(stored.attachments)
    assert png.content == b"\x89PNG\r\n\x1a\n\x00\xff"
    assert ics.content.decode() == "BEGIN:VCALENDAR\r\nÄÖ"
    assert outbox_send_due() == (1, 0)
    sent_png, sent_ics = mail.outbox[0].attachments
    assert sent_png.get_content_type() == "image/png"
    assert sent_png.get_payload(decode=True) == b"\x89PNG\r\n\x1a\n\x00\xff"
    assert sent_ics.get_filename() == "aika.ics"
