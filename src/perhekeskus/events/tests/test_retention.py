"""The families' data of past events is erased after EVENTS_RETENTION_DAYS, and not before."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import override_settings

from perhekeskus.events import actions, selectors
from perhekeskus.events.models import (
    Attendance,
    Event,
    EventMessage,
    ForumTopic,
    MessageAudience,
    Participant,
    Signup,
    SignupStatus,
)
from perhekeskus.events.services import signup_create, signups_anonymise
from perhekeskus.events.tests.helpers import NOW, audits, family, make_event, sign_up

pytestmark = pytest.mark.django_db

LATER = NOW + dt.timedelta(days=1)


def _past(days_ago: float, **fields: Any) -> tuple[Event, str]:
    """An event that ended `days_ago` before LATER, with one family signed up before it."""
    event = make_event(**fields)
    result = signup_create(
        event_id=event.pk,
        data=family(ages=[None, 4], phone="040 123 4567", answers={}),
        now=NOW,
    )
    ends = LATER - dt.timedelta(days=days_ago)
    Event.objects.filter(pk=event.pk).update(starts=ends - dt.timedelta(hours=2), ends=ends)
    return event, result.manage_token


def test_thirty_days_after_the_event_the_families_data_is_erased(editor: Any) -> None:
    event, token = _past(30.5, organization=editor.organization, is_forum=True)
    signup = Signup.objects.get(event=event)
    Attendance.objects.create(
        event=event, participant=signup.participants.get(position=0), present=True, marked_by=editor
    )
    topic = ForumTopic.objects.create(event=event, text="Miten saan unta?")
    message = EventMessage.objects.create(
        event=event, audience=MessageAudience.ALL, subject="Tervetuloa", body="Ovi on auki."
    )
    assert signups_anonymise(now=LATER) == 1
    signup.refresh_from_db()
    assert (signup.name, signup.email, signup.phone, signup.answers) == ("", "", "", "")
    assert signup.manage_token == "" and signup.anonymised_at == LATER
    assert signup.manage_token_hash.startswith("erased:")  # no token hashes to it
    assert selectors.signup_get_by_token(token) is None
    # What statistics need stays: statuses, counts, ages, attendance.
    assert signup.status == SignupStatus.ATTENDING and signup.seats == 2
    assert list(Participant.objects.filter(signup=signup).values_list("name", "age")) == [
        ("", None),
        ("", 4),
    ]
    assert Attendance.objects.filter(event=event).count() == 1
    topic.refresh_from_db()
    message.refresh_from_db()
    assert topic.text == "" and topic.anonymised_at == LATER
    assert message.body == "" and message.subject == "Tervetuloa"
    event.refresh_from_db()
    assert event.anonymised_at == LATER and event.seats_taken == 2
    entry = audits(actions.SIGNUPS_ANONYMISE)[0]
    assert entry.details == {
        "count": 1,
        "participants": 2,
        "topics": 1,
        "messages": 1,
        "events": 1,
        "older_than_days": 30,
    }
    assert signups_anonymise(now=LATER) == 0
    assert len(audits(actions.SIGNUPS_ANONYMISE)) == 1


def test_before_the_retention_time_nothing_is_erased() -> None:
    event, token = _past(29.5)
    assert signups_anonymise(now=LATER) == 0
    signup = Signup.objects.get(event=event)
    assert signup.email == "maija@example.org" and signup.anonymised_at is None
    assert selectors.signup_get_by_token(token) == signup
    assert Participant.objects.filter(signup=signup, name="").count() == 0
    assert not audits(actions.SIGNUPS_ANONYMISE)


def test_an_upcoming_event_keeps_its_families() -> None:
    event = make_event()
    sign_up(event, 1)
    assert signups_anonymise(now=NOW) == 0
    assert Event.objects.get(pk=event.pk).anonymised_at is None


@override_settings(EVENTS_RETENTION_DAYS=7)
def test_the_retention_time_is_a_setting() -> None:
    _past(8)
    _past(6)
    assert signups_anonymise(now=LATER) == 1
    assert audits(actions.SIGNUPS_ANONYMISE)[0].details["older_than_days"] == 7
