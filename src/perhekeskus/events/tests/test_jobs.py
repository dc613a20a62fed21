"""The events app's jobs: each due reminder goes once (run twice, concurrently or after a
failure), the periodic schedules, expired offers and the retention through the jobs, and an
organiser's message delivered once to its audience even when the delivery runs again."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from unittest import mock

import pytest
from django.test import override_settings
from django.utils import timezone

from perhekeskus.core import sms
from perhekeskus.core.jobs import enqueue
from perhekeskus.core.jobs.schedule import schedules
from perhekeskus.core.models import OutboxEmail
from perhekeskus.events import jobs
from perhekeskus.events.models import (
    Event,
    EventKind,
    EventMessage,
    EventStatus,
    MessageAudience,
    Signup,
    SignupStatus,
)
from perhekeskus.events.tests.helpers import event_at, reminders, signup_for
from perhekeskus.testing.concurrency import at_once, concurrent
from perhekeskus.testing.jobs import run_jobs

NOW = dt.datetime(2027, 3, 1, 8, 0, tzinfo=dt.UTC)


@pytest.mark.django_db
@override_settings(EVENTS_REMINDER_HOURS=24)
def test_a_due_reminder_is_sent_once_when_the_job_runs_twice() -> None:
    signup = signup_for(event_at(NOW + dt.timedelta(hours=20)))
    assert jobs.reminders_send_due(now=NOW) == 1
    assert jobs.reminders_send_due(now=NOW + dt.timedelta(minutes=5)) == 0
    assert len(reminders()) == 1
    signup.refresh_from_db()
    assert signup.reminder_sent_at == NOW


@pytest.mark.django_db
@override_settings(EVENTS_REMINDER_HOURS=24)
def test_only_attending_signups_of_live_events_inside_the_window_are_reminded() -> None:
    due = signup_for(event_at(NOW + dt.timedelta(hours=23)))
    signup_for(event_at(NOW + dt.timedelta(hours=25)))  # not yet
    signup_for(event_at(NOW - dt.timedelta(hours=1)))  # started
    live = event_at(NOW + dt.timedelta(hours=5))
    for status in (
        SignupStatus.WAITLISTED,
        SignupStatus.OFFERED,
        SignupStatus.APPLIED,
        SignupStatus.CANCELLED,
    ):
        signup_for(live, status=status)
    signup_for(live, reminder_sent_at=NOW - dt.timedelta(hours=1))  # already reminded
    signup_for(live, anonymised_at=NOW)
    signup_for(event_at(NOW + dt.timedelta(hours=6), status=EventStatus.CANCELLED))
    signup_for(event_at(NOW + dt.timedelta(hours=6), status=EventStatus.DRAFT))
    assert jobs.reminders_send_due(now=NOW) == 1
    (message,) = reminders()
    due.refresh_from_db()
    assert due.reminder_sent_at == NOW
    assert Signup.objects.filter(reminder_sent_at=NOW).count() == 1
    assert json.loads(message.recipients) == ["maija@example.org"]
    assert message.subject.startswith("Muistutus: ")


@pytest.mark.django_db
def test_the_reminder_and_the_mark_are_one_transaction() -> None:
    signup = signup_for(event_at(NOW + dt.timedelta(hours=2)))
    with (
        mock.patch.object(jobs.notices, "reminder", side_effect=RuntimeError("boom")),
        pytest.raises(RuntimeError),
    ):
        jobs.reminders_send_due(now=NOW)
    signup.refresh_from_db()
    assert signup.reminder_sent_at is None  # rolled back: the next run sends it
    assert jobs.reminders_send_due(now=NOW) == 1
    assert len(reminders()) == 1


@concurrent
@pytest.mark.django_db(transaction=True)
def test_workers_running_at_once_send_each_reminder_once() -> None:
    event = event_at(NOW + dt.timedelta(hours=3), capacity=None)
    signups = [signup_for(event, email=f"family{i}@example.org") for i in range(16)]
    results = at_once(4, lambda _index: jobs.reminders_send_due(now=NOW))
    assert all(isinstance(r, int) for r in results), results
    assert sum(results) == len(signups)
    sent = reminders()
    assert len(sent) == len(signups)
    assert len({message.dedupe_key for message in sent}) == len(signups)
    assert not Signup.objects.filter(reminder_sent_at__isnull=True).exists()


@pytest.mark.django_db
def test_the_periodic_job_sends_the_reminder_and_its_text_message_once() -> None:
    jobs.register()  # as EventsConfig.ready() does
    now = timezone.now()
    signup = signup_for(event_at(now + dt.timedelta(hours=3)), phone="040 123 4567", language="sv")
    run_jobs(periodic=True)
    run_jobs(periodic=True)
    assert jobs.reminders_send_due() == 0
    assert len(reminders()) == 1
    (text,) = sms.outbox
    assert text.text.startswith("Påminnelse: ")
    assert signup.name.split(" ")[0] not in text.text


def test_the_schedules_are_registered() -> None:
    jobs.register()
    registered = schedules()
    assert registered["events.reminders"].every == dt.timedelta(minutes=5)
    assert registered["events.reminders"].job is jobs.events_due_reminders
    assert registered["events.offers_expire"].every == dt.timedelta(minutes=1)
    assert registered["events.offers_expire"].job is jobs.events_expire_offers
    assert registered["events.anonymise"].every == dt.timedelta(days=1)
    assert registered["events.anonymise"].job is jobs.events_anonymise_past


@pytest.mark.django_db
def test_an_expired_offer_goes_by_the_job_and_the_family_is_told() -> None:
    event = event_at(timezone.now() + dt.timedelta(days=3), capacity=2)
    Event.objects.filter(pk=event.pk).update(seats_taken=2)
    offered = signup_for(
        event,
        status=SignupStatus.OFFERED,
        offer_expires_at=timezone.now() - dt.timedelta(minutes=1),
        language="en",
    )
    enqueue(jobs.events_expire_offers)
    run_jobs()
    offered.refresh_from_db()
    assert offered.status == SignupStatus.CANCELLED
    (message,) = OutboxEmail.objects.filter(kind="events.signup.offer_expired")
    assert message.subject.startswith("Offered seat expired: ")


@pytest.mark.django_db
@override_settings(EVENTS_RETENTION_DAYS=30)
def test_past_signups_are_anonymised_by_the_job() -> None:
    past = signup_for(event_at(timezone.now() - dt.timedelta(days=40)))
    recent = signup_for(event_at(timezone.now() - dt.timedelta(days=3)))
    enqueue(jobs.events_anonymise_past)
    run_jobs()
    past.refresh_from_db()
    recent.refresh_from_db()
    assert past.anonymised_at is not None
    assert past.email == ""
    assert recent.anonymised_at is None
    assert recent.email == "maija@example.org"


def _message(event: Event, audience: str, **fields: Any) -> EventMessage:
    values: dict[str, Any] = {
        "subject": "Sisäkengät mukaan",
        "body": "Ottakaa lapsille sisäkengät mukaan.",
        "send_sms": False,
        **fields,
    }
    return EventMessage.objects.create(event=event, audience=audience, **values)


def _recipients(kind: str = "events.signup.message") -> list[str]:
    return sorted(json.loads(m.recipients)[0] for m in OutboxEmail.objects.filter(kind=kind))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        (MessageAudience.ATTENDING, ["a@example.org", "o@example.org"]),
        (MessageAudience.WAITLISTED, ["w@example.org"]),
        (MessageAudience.ALL, ["a@example.org", "o@example.org", "w@example.org"]),
    ],
)
def test_a_message_goes_to_its_audience_only(audience: str, expected: list[str]) -> None:
    event = event_at(timezone.now() + dt.timedelta(days=2))
    signup_for(event, email="a@example.org")
    signup_for(event, email="o@example.org", status=SignupStatus.OFFERED)
    signup_for(event, email="w@example.org", status=SignupStatus.WAITLISTED)
    signup_for(event, email="c@example.org", status=SignupStatus.CANCELLED)
    signup_for(event, email="x@example.org", status=SignupStatus.APPLIED)
    signup_for(event_at(timezone.now() + dt.timedelta(days=2)), email="other@example.org")
    message = _message(event, audience)
    enqueue(jobs.deliver_message, message_id=str(message.pk))
    run_jobs()
    assert _recipients() == expected
    for outbox in OutboxEmail.objects.filter(kind="events.signup.message"):
        assert "Maija" not in outbox.body
        assert "Ottakaa lapsille sisäkengät mukaan." in outbox.body


@pytest.mark.django_db
def test_a_message_delivered_again_sends_nobody_twice() -> None:
    event = event_at(timezone.now() + dt.timedelta(days=2))
    signup_for(event, email="a@example.org")
    signup_for(event, email="b@example.org", phone="040 765 4321")
    message = _message(event, MessageAudience.ALL, send_sms=True)
    assert jobs.deliver_message.call(message_id=str(message.pk)) == 2
    # A retry (a worker that died after the commit) finds the message delivered.
    signup_for(event, email="late@example.org")
    assert jobs.deliver_message.call(message_id=str(message.pk)) == 0
    assert _recipients() == ["a@example.org", "b@example.org"]
    run_jobs()
    assert len(sms.outbox) == 1
    assert sms.outbox[0].to == "+358407654321"
    message.refresh_from_db()
    assert message.delivered_at is not None


@pytest.mark.django_db
def test_a_retried_delivery_texts_a_family_with_only_a_phone_once() -> None:
    event = event_at(timezone.now() + dt.timedelta(days=2))
    signup_for(event, email="", phone="040 765 4321")
    message = _message(event, MessageAudience.ALL, send_sms=True)
    assert jobs.deliver_message.call(message_id=str(message.pk)) == 1
    assert jobs.deliver_message.call(message_id=str(message.pk)) == 0
    run_jobs()
    assert [text.to for text in sms.outbox] == ["+358407654321"]


@pytest.mark.django_db
def test_a_failed_delivery_leaves_nothing_and_its_retry_sends_to_everyone() -> None:
    event = event_at(timezone.now() + dt.timedelta(days=2))
    signup_for(event, email="a@example.org")
    signup_for(event, email="b@example.org")
    message = _message(event, MessageAudience.ALL)
    real = jobs.notices.message_deliver
    calls = {"n": 0}

    def failing_second(*args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("mail server down")
        real(*args, **kwargs)

    with (
        mock.patch.object(jobs.notices, "message_deliver", side_effect=failing_second),
        pytest.raises(RuntimeError),
    ):
        jobs.deliver_message.call(message_id=str(message.pk))
    assert OutboxEmail.objects.count() == 0
    assert jobs.deliver_message.call(message_id=str(message.pk)) == 2


@pytest.mark.django_db
def test_a_peer_group_sessions_message_goes_to_the_groups_members() -> None:
    series = event_at(
        timezone.now() + dt.timedelta(days=2),
        kind=EventKind.SERIES,
        is_peer_group=True,
        registration="application",
    )
    session = event_at(
        timezone.now() + dt.timedelta(days=9),
        kind=EventKind.OCCURRENCE,
        parent=series,
        organization=series.organization,
    )
    signup_for(series, email="member@example.org")
    signup_for(series, email="applicant@example.org", status=SignupStatus.APPLIED)
    message = _message(session, MessageAudience.ATTENDING)
    jobs.deliver_message.call(message_id=str(message.pk))
    assert _recipients() == ["member@example.org"]
    (outbox,) = OutboxEmail.objects.all()
    assert session.title in outbox.subject


@pytest.mark.django_db
def test_a_message_of_an_unknown_id_does_nothing() -> None:
    import uuid

    assert jobs.deliver_message.call(message_id=str(uuid.uuid4())) == 0
