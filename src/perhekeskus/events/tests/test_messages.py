"""An organiser's message to the contact persons (events.services.messages): stored, counted,
its delivery queued in the same transaction and sent by the job; allowed and denied."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import translation

from perhekeskus.core.errors import NotFound
from perhekeskus.core.models import OutboxEmail
from perhekeskus.events import actions
from perhekeskus.events.models import Event, EventMessage, MessageAudience, SignupStatus
from perhekeskus.events.services import application_approve, signup_create
from perhekeskus.events.services.messages import message_send
from perhekeskus.events.tests.helpers import (
    NOW,
    at_place,
    audits,
    family,
    occurrences,
    published_peer_group,
)
from perhekeskus.testing.factories import EventFactory
from perhekeskus.testing.jobs import run_jobs

pytestmark = pytest.mark.django_db


def join(event: Event, email: str, persons: int = 1) -> Any:
    return signup_create(event_id=event.pk, data=family(persons, email=email), now=NOW).signup


@pytest.fixture
def event(place: Any) -> Event:
    event = at_place(place, capacity=2)
    join(event, "a@example.org", 2)
    join(event, "w@example.org")
    return event


def sent_to() -> list[str]:
    return sorted(
        json.loads(row.recipients)[0]
        for row in OutboxEmail.objects.filter(kind="events.signup.message")
    )


def send(actor: Any, event: Event, audience: str = MessageAudience.ALL, **changes: Any) -> Any:
    values: dict[str, Any] = {
        "subject": "Sisäkengät mukaan",
        "body": "Ottakaa lapsille sisäkengät mukaan.",
        "send_sms": False,
    }
    values.update(changes)
    return message_send(actor=actor, event_id=event.pk, audience=audience, **values)


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        (MessageAudience.ATTENDING, ["a@example.org"]),
        (MessageAudience.WAITLISTED, ["w@example.org"]),
        (MessageAudience.ALL, ["a@example.org", "w@example.org"]),
    ],
)
def test_editor_sends_a_message_to_the_chosen_contact_persons(
    editor: Any, event: Event, audience: str, expected: list[str]
) -> None:
    message = send(editor, event, audience)
    message.refresh_from_db()
    assert message.recipient_count == len(expected)
    assert message.sent_by == editor
    assert message.body == "Ottakaa lapsille sisäkengät mukaan."
    [entry] = audits(actions.MESSAGE_SEND)
    assert entry.actor_id == editor.pk
    assert entry.details == {
        "event": str(event.pk),
        "audience": audience,
        "subject": "Sisäkengät mukaan",
        "send_sms": False,
        "recipients": len(expected),
    }
    assert "sisäkengät mukaan." not in json.dumps(entry.details)
    # Queued in the same transaction; the job writes one e-mail to each contact person.
    assert sent_to() == []
    run_jobs()
    assert sent_to() == expected


def test_the_body_is_encrypted_at_rest(editor: Any, event: Event) -> None:
    message = send(editor, event)
    key = EventMessage._meta.pk.get_db_prep_value(message.pk, connection)
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM events_eventmessage WHERE id = %s", [key])
        (stored,) = cursor.fetchone()
    assert "sisäkengät" not in stored


def test_others_may_not_send(
    outsider: Any,
    professional: Any,
    event: Event,
) -> None:
    for actor in (outsider, professional):
        with pytest.raises(NotFound):
            send(actor, event)
    assert not EventMessage.objects.exists()
    assert not audits(actions.MESSAGE_SEND)
    run_jobs()
    assert sent_to() == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"audience": "everyone"}, "audience", "Choose who the message goes to."),
        ({"subject": " "}, "subject", "Write a subject."),
        ({"subject": "Hei\nBcc: x@example.org"}, "subject", "on one line"),
        ({"subject": "x" * 201}, "subject", "at most 200 characters"),
        ({"body": ""}, "body", "Write the message."),
        ({"body": "x" * 5001}, "body", "Write at most 5000 characters (now 5001)."),
    ],
)
def test_a_bad_message_is_refused_on_its_field(
    editor: Any, event: Event, changes: dict[str, Any], field: str, message: str
) -> None:
    audience = changes.pop("audience", MessageAudience.ALL)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        send(editor, event, audience, **changes)
    assert message in error.value.message_dict[field][0]
    assert not EventMessage.objects.exists()


def test_no_message_without_recipients(editor: Any, place: Any) -> None:
    empty = EventFactory.create(organization=place.organization, location=place)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        send(editor, empty, MessageAudience.WAITLISTED)
    assert "no one to send to" in error.value.message_dict["audience"][0]
    assert not EventMessage.objects.exists()


def test_a_facilitator_messages_the_groups_members_from_a_session(
    editor: Any,
    place: Any,
    other_organization: Any,
) -> None:
    group, facilitator = published_peer_group(editor, place, other_organization)
    member = join(group, "member@example.org", 2)
    join(group, "applicant@example.org")
    application_approve(actor=facilitator, signup_id=member.pk)
    member.refresh_from_db()
    assert member.status == SignupStatus.ATTENDING
    message = send(facilitator, occurrences(group)[2], MessageAudience.ATTENDING)
    assert message.recipient_count == 1
    run_jobs()
    assert sent_to() == ["member@example.org"]
