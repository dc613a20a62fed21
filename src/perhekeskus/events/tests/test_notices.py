"""What the families hear: e-mails through the outbox in the sign-up's language with Finnish
dates, the calendar file with the confirmation, the online meeting's address only for those
attending, never a participant's name, and text messages by a job."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from perhekeskus.core import sms
from perhekeskus.core.models import OutboxEmail
from perhekeskus.core.outbox import attachments_load
from perhekeskus.events import notices
from perhekeskus.events.models import (
    Event,
    EventMessage,
    EventStatus,
    MessageAudience,
    Signup,
    SignupStatus,
)
from perhekeskus.events.tests.helpers import CHILD_NAME, signup_for
from perhekeskus.testing.factories import EventFactory, LocationFactory
from perhekeskus.testing.jobs import run_jobs

pytestmark = pytest.mark.django_db

# 10.00–12.00 Finnish time (UTC+2 in winter), far enough ahead of today's clock.
STARTS = dt.datetime(2027, 12, 3, 8, 0, tzinfo=dt.UTC)
ONLINE = "https://meet.example.org/vauvamuskari-91b2"


def _event(**fields: Any) -> Event:
    values: dict[str, Any] = {
        "starts": STARTS,
        "ends": STARTS + dt.timedelta(hours=2),
        "title": "Vauvamuskari",
        "title_sv": "Babymusik",
        "title_en": "Baby music",
        **fields,
    }
    return EventFactory.create(**values)


def _only_message(kind: str) -> OutboxEmail:
    messages = list(OutboxEmail.objects.all())
    assert len(messages) == 1, [m.kind for m in messages]
    assert messages[0].kind == f"events.signup.{kind}"
    return messages[0]


def _ics(message: OutboxEmail) -> Calendar:
    (attachment,) = attachments_load(message.attachments)
    assert attachment.filename == "event.ics"
    assert attachment.mimetype.startswith("text/calendar; method=")
    return Calendar.from_ical(attachment.content)


def _manage(signup: Signup, language: str) -> str:
    with translation.override(language):
        return reverse("events:manage", kwargs={"token": signup.manage_token})


@pytest.mark.parametrize(
    ("language", "subject", "when"),
    [
        ("fi", "Ilmoittautuminen vahvistettu: Vauvamuskari ", "3.12.2027 klo 10.00–12.00"),
        ("sv", "Anmälan bekräftad: Babymusik ", "3.12.2027 kl. 10.00–12.00"),
        ("en", "Signed up: Baby music ", "3.12.2027 at 10.00–12.00"),
    ],
)
def test_the_confirmation_is_in_the_signups_language_with_the_calendar_file(
    language: str, subject: str, when: str
) -> None:
    signup = signup_for(_event(), language=language)
    notices.signup_created(signup, manage_token=signup.manage_token)
    message = _only_message("confirmed")
    assert message.subject == f"{subject}{when}"
    assert json.loads(message.recipients) == ["maija@example.org"]
    assert when in message.body
    assert _manage(signup, language) in message.body
    assert "http://" in message.body or "https://" in message.body
    # Only the family's own sign-up, and not even its participants' names: how many come.
    assert "Maija" not in message.body
    assert CHILD_NAME not in message.body
    assert "2" in message.body.split(when)[1]
    calendar = _ics(message)
    assert calendar["METHOD"] == "REQUEST"
    assert CHILD_NAME.encode() not in message.attachments.encode()


def test_the_online_address_goes_to_attending_families_only() -> None:
    event = _event(location=None, is_online=True, online_url=ONLINE)
    attending = signup_for(event, email="a@example.org")
    waiting = signup_for(event, email="w@example.org", status=SignupStatus.WAITLISTED)
    offered = signup_for(
        event,
        email="o@example.org",
        status=SignupStatus.OFFERED,
        offer_expires_at=STARTS - dt.timedelta(days=2),
    )
    notices.signup_created(attending, manage_token=attending.manage_token)
    notices.signup_created(waiting, manage_token=waiting.manage_token)
    notices.signup_promoted(offered)
    bodies = {
        json.loads(m.recipients)[0]: m.body + m.attachments for m in OutboxEmail.objects.all()
    }
    assert ONLINE in bodies["a@example.org"]
    assert ONLINE not in bodies["w@example.org"]
    assert ONLINE not in bodies["o@example.org"]


def test_the_waitlisted_family_hears_its_place_in_the_queue_without_a_calendar_file() -> None:
    event = _event()
    signup_for(event, status=SignupStatus.WAITLISTED, queue_number=1, email="first@example.org")
    second = signup_for(event, status=SignupStatus.WAITLISTED, queue_number=2, language="en")
    notices.signup_created(second, manage_token=second.manage_token)
    message = _only_message("waitlisted")
    assert message.subject.startswith("On the waiting list: Baby music ")
    assert "Your place on the waiting list: 2" in message.body
    assert _manage(second, "en") in message.body
    assert attachments_load(message.attachments) == []


def test_an_application_is_acknowledged_and_decided() -> None:
    event = _event(registration="application")
    signup = signup_for(event, status=SignupStatus.APPLIED, language="en")
    notices.signup_created(signup, manage_token=signup.manage_token)
    assert _only_message("applied").subject == "Application received: Baby music"
    OutboxEmail.objects.all().delete()
    signup.status = SignupStatus.DECLINED
    notices.application_decided(signup)
    declined = _only_message("declined")
    assert declined.subject == "Application not accepted: Baby music"
    assert signup.manage_token not in declined.body
    OutboxEmail.objects.all().delete()
    signup.status = SignupStatus.ATTENDING
    notices.application_decided(signup)
    assert _ics(_only_message("approved"))["METHOD"] == "REQUEST"


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("fi", "Sait paikan: Vauvamuskari 3.12.2027 klo 10.00–12.00"),
        ("sv", "Du fick en plats: Babymusik 3.12.2027 kl. 10.00–12.00"),
        ("en", "You got a seat: Baby music 3.12.2027 at 10.00–12.00"),
    ],
)
def test_a_promoted_family_hears_it_got_a_seat(language: str, subject: str) -> None:
    signup = signup_for(_event(), language=language)
    notices.signup_promoted(signup)
    message = _only_message("promoted")
    assert message.subject == subject
    assert _ics(message)["METHOD"] == "REQUEST"
    assert _manage(signup, language) in message.body


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("fi", "Paikka sinulle, vahvista viimeistään 1.12.2027 klo 12.00: Vauvamuskari"),
        ("sv", "En plats för dig, bekräfta senast 1.12.2027 kl. 12.00: Babymusik"),
        ("en", "A seat for you, confirm by 1.12.2027 at 12.00: Baby music"),
    ],
)
def test_an_offered_seat_says_by_when_to_confirm(language: str, subject: str) -> None:
    signup = signup_for(
        _event(),
        language=language,
        status=SignupStatus.OFFERED,
        offer_expires_at=dt.datetime(2027, 12, 1, 10, 0, tzinfo=dt.UTC),
    )
    notices.signup_promoted(signup)
    message = _only_message("offered")
    assert message.subject == subject
    assert _manage(signup, language) in message.body
    assert attachments_load(message.attachments) == []


def test_change_cancel_and_expired_offer_are_told() -> None:
    signup = signup_for(_event(), language="en")
    notices.signup_changed(signup)
    assert "Persons: 2" in _only_message("changed").body
    OutboxEmail.objects.all().delete()
    signup.status = SignupStatus.CANCELLED
    notices.signup_cancelled(signup)
    cancelled = _only_message("cancelled")
    assert cancelled.subject.startswith("Sign-up cancelled: Baby music")
    assert _ics(cancelled)["METHOD"] == "CANCEL"
    OutboxEmail.objects.all().delete()
    notices.offer_expired(signup)
    assert "not confirmed in time" in _only_message("offer_expired").body


def test_a_cancelled_event_tells_everyone_attending_or_waiting_but_not_who_left() -> None:
    event = _event()
    attending = signup_for(event, email="a@example.org")
    waiting = signup_for(event, email="w@example.org", status=SignupStatus.WAITLISTED)
    offered = signup_for(event, email="o@example.org", status=SignupStatus.OFFERED)
    left = signup_for(
        event, email="l@example.org", status=SignupStatus.CANCELLED, cancelled_by_family=True
    )
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status"])
    notices.event_cancelled(event, [attending, waiting, offered, left], reason="Ohjaaja sairastui.")
    messages = {json.loads(m.recipients)[0]: m for m in OutboxEmail.objects.all()}
    assert "Syy: Ohjaaja sairastui." in messages["w@example.org"].body
    assert set(messages) == {"a@example.org", "w@example.org", "o@example.org"}
    assert messages["a@example.org"].subject == (
        "Tapahtuma peruttu: Vauvamuskari 3.12.2027 klo 10.00–12.00"
    )
    assert _ics(messages["a@example.org"])["METHOD"] == "CANCEL"
    assert attachments_load(messages["w@example.org"].attachments) == []
    assert attending.manage_token not in messages["a@example.org"].body


def test_the_reminder_has_the_place_and_the_manage_link() -> None:
    place = LocationFactory.create(name="Perhekeskus Simo", street_address="Ratatie 5")
    signup = signup_for(_event(location=place), language="sv")
    notices.reminder(signup)
    message = _only_message("reminder")
    assert message.subject == "Påminnelse: Babymusik 3.12.2027 kl. 10.00–12.00"
    assert "Plats: Perhekeskus Simo, Ratatie 5" in message.body
    assert _manage(signup, "sv") in message.body


@override_settings(EVENTS_REMINDER_HOURS=24)
def test_a_seat_given_inside_the_reminder_window_is_its_own_reminder() -> None:
    soon = timezone.now() + dt.timedelta(hours=3)
    near = signup_for(_event(starts=soon, ends=soon + dt.timedelta(hours=1)))
    far = signup_for(_event())
    notices.signup_created(near, manage_token=near.manage_token)
    notices.signup_created(far, manage_token=far.manage_token)
    near.refresh_from_db()
    far.refresh_from_db()
    assert near.reminder_sent_at is not None
    assert far.reminder_sent_at is None


def test_an_organisers_message_goes_by_email_and_text_when_asked() -> None:
    event = _event()
    signup = signup_for(event, phone="040 123 4567", language="en")
    message = EventMessage.objects.create(
        event=event,
        audience=MessageAudience.ALL,
        subject="Bring indoor shoes",
        body="Please bring indoor shoes for the children.",
        send_sms=True,
    )
    notices.message_deliver(message, signup)
    email = _only_message("message")
    assert email.subject == "Baby music: Bring indoor shoes"
    assert "Please bring indoor shoes for the children." in email.body
    assert run_jobs() == 1
    (text,) = sms.outbox
    assert text.to == "+358401234567"
    assert "Bring indoor shoes" in text.text
    assert "Maija" not in text.text


def test_no_text_message_of_an_organisers_message_unless_asked() -> None:
    event = _event()
    signup = signup_for(event, phone="040 123 4567", email="")
    message = EventMessage.objects.create(
        event=event, audience=MessageAudience.ALL, subject="S", body="B", send_sms=False
    )
    notices.message_deliver(message, signup)
    run_jobs()
    assert sms.outbox == []
    assert OutboxEmail.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "start"),
    [
        ("fi", "Ilmoittautuminen vahvistettu: Vauvamuskari 3.12.2027 klo 10.00–12.00."),
        ("sv", "Anmälan bekräftad: Babymusik 3.12.2027 kl. 10.00–12.00."),
        ("en", "Signed up: Baby music 3.12.2027 at 10.00–12.00."),
    ],
)
def test_a_phone_gets_a_text_message_by_a_job_without_names(language: str, start: str) -> None:
    signup = signup_for(_event(), phone="040 123 4567", email="", language=language)
    notices.signup_created(signup, manage_token=signup.manage_token)
    assert sms.outbox == []  # not in the request: a job sends it
    assert run_jobs() == 1
    (text,) = sms.outbox
    assert text.text.startswith(start)
    assert _manage(signup, language) in text.text
    assert "Maija" not in text.text
    assert CHILD_NAME not in text.text


def test_a_text_message_overtaken_by_a_cancellation_is_not_sent() -> None:
    signup = signup_for(_event(), phone="040 123 4567", email="")
    notices.signup_created(signup, manage_token=signup.manage_token)
    Signup.objects.filter(pk=signup.pk).update(status=SignupStatus.CANCELLED)
    run_jobs()
    assert sms.outbox == []


def test_an_anonymised_signup_hears_nothing() -> None:
    signup = signup_for(_event(), phone="040 123 4567", anonymised_at=timezone.now())
    notices.reminder(signup)
    run_jobs()
    assert OutboxEmail.objects.count() == 0
    assert sms.outbox == []


def test_the_notice_is_written_in_the_callers_transaction() -> None:
    from django.db import transaction

    signup = signup_for(_event(), phone="040 123 4567")
    with pytest.raises(RuntimeError), transaction.atomic():
        notices.signup_created(signup, manage_token=signup.manage_token)
        raise RuntimeError("the change failed")
    assert OutboxEmail.objects.count() == 0
    assert run_jobs() == 0


def test_a_waitlisted_family_hears_its_seat_when_another_cancels() -> None:
    """Through the sign-up services: the first family fills the event, the second is waitlisted
    (its position), the first cancels (a receipt), the second gets the seat (with the file)."""
    from perhekeskus.events.services.signup import (
        ParticipantInput,
        SignupInput,
        signup_cancel,
        signup_create,
    )

    event = _event(starts=timezone.now() + dt.timedelta(days=5), capacity=2)

    def family(email: str, language: str) -> SignupInput:
        return SignupInput(
            name="Maija Meikäläinen",
            email=email,
            phone="",
            language=language,
            participants=[ParticipantInput("Maija", None), ParticipantInput(CHILD_NAME, 1)],
            answers={},
        )

    first = signup_create(event_id=event.pk, data=family("first@example.org", "fi"))
    second = signup_create(event_id=event.pk, data=family("second@example.org", "sv"))
    assert second.signup.status == SignupStatus.WAITLISTED
    signup_cancel(token=first.manage_token)
    kinds = [
        (json.loads(m.recipients)[0], m.kind) for m in OutboxEmail.objects.order_by("created_at")
    ]
    assert kinds == [
        ("first@example.org", "events.signup.confirmed"),
        ("second@example.org", "events.signup.waitlisted"),
        ("first@example.org", "events.signup.cancelled"),
        ("second@example.org", "events.signup.promoted"),
    ]
    waitlisted = OutboxEmail.objects.get(kind="events.signup.waitlisted")
    assert "Din plats i kön: 1" in waitlisted.body
    promoted = OutboxEmail.objects.get(kind="events.signup.promoted")
    assert promoted.subject.startswith("Du fick en plats: Babymusik ")
    assert second.manage_token in promoted.body
    assert _ics(promoted)["METHOD"] == "REQUEST"
    for message in OutboxEmail.objects.all():
        assert CHILD_NAME not in message.body
