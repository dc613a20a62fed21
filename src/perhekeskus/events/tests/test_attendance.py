"""Marking attendance (events.services.attendance): the organiser at an event, a peer group's
facilitator at each session for the group's members; allowed and denied."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from perhekeskus.core.errors import NotFound
from perhekeskus.core.roles import Role
from perhekeskus.events import actions
from perhekeskus.events.models import Attendance, Event, EventKind, SignupStatus
from perhekeskus.events.services import application_approve
from perhekeskus.events.services.attendance import attendance_mark, roster
from perhekeskus.events.tests.helpers import (
    START,
    at_place,
    audits,
    occurrences,
    people,
    published_peer_group,
    sign_up,
)
from perhekeskus.testing.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db

DURING = START + dt.timedelta(hours=1)
D = dt.date


def marks_of(event: Event) -> dict[int, bool]:
    return dict(Attendance.objects.filter(event=event).values_list("participant_id", "present"))


@pytest.fixture
def event(place: Any) -> Event:
    return at_place(place, capacity=3)


def test_editor_marks_present_absent_and_takes_a_mark_away(editor: Any, event: Event) -> None:
    family = sign_up(event, 2, index=0)
    first, second = people(family.signup)
    assert (
        attendance_mark(
            actor=editor, event_id=event.pk, marks={first: True, second: False}, now=DURING
        )
        == 2
    )
    assert marks_of(event) == {first: True, second: False}
    # The same marks again change nothing; a mark taken away is one change.
    assert attendance_mark(actor=editor, event_id=event.pk, marks={first: True}, now=DURING) == 0
    assert attendance_mark(actor=editor, event_id=event.pk, marks={second: None}, now=DURING) == 1
    assert marks_of(event) == {first: True}
    entries = audits(actions.ATTENDANCE_MARK)
    assert len(entries) == 2
    assert entries[0].actor_id == editor.pk
    assert entries[0].details == {
        "from": {str(first): None, str(second): None},
        "to": {str(first): True, str(second): False},
    }
    assert entries[1].details == {"from": {str(second): False}, "to": {str(second): None}}
    assert Attendance.objects.get(participant_id=first).marked_by == editor


def test_others_may_not_mark(
    outsider: Any,
    professional: Any,
    event: Event,
) -> None:
    [person] = people(sign_up(event, 1, index=0).signup)
    for actor in (outsider, professional):
        with pytest.raises(NotFound):
            attendance_mark(actor=actor, event_id=event.pk, marks={person: True}, now=DURING)
    assert not Attendance.objects.exists()
    assert not audits(actions.ATTENDANCE_MARK)


def test_only_those_attending_are_on_the_list(editor: Any, event: Event) -> None:
    sign_up(event, 3, index=0)
    waiting = sign_up(event, 1, index=1)
    assert waiting.signup.status == SignupStatus.WAITLISTED
    elsewhere = EventFactory.create(organization=event.organization, starts=START, capacity=5)
    stranger = sign_up(elsewhere, 1, index=2)
    for person in people(waiting.signup) + people(stranger.signup):
        with pytest.raises(ValidationError):
            attendance_mark(actor=editor, event_id=event.pk, marks={person: True}, now=DURING)
    assert not Attendance.objects.exists()


def test_attendance_is_marked_from_the_day_of_the_event(editor: Any, event: Event) -> None:
    [person] = people(sign_up(event, 1, index=0).signup)
    day_before = START - dt.timedelta(days=1)
    with pytest.raises(ValidationError):
        attendance_mark(actor=editor, event_id=event.pk, marks={person: True}, now=day_before)
    # Earlier on the same Finnish day is fine (the list is printed in the morning).
    morning = START - dt.timedelta(hours=2)
    assert attendance_mark(actor=editor, event_id=event.pk, marks={person: True}, now=morning)


def test_a_facilitator_marks_the_groups_members_at_each_session(
    editor: Any,
    place: Any,
    other_organization: Any,
) -> None:
    group, facilitator = published_peer_group(editor, place, other_organization)
    member = sign_up(group, 2, index=0)
    applicant = sign_up(group, 1, index=1)
    application_approve(actor=facilitator, signup_id=member.signup.pk)
    session = occurrences(group)[1]
    assert session.kind == EventKind.OCCURRENCE
    assert set(roster(session).values_list("pk", flat=True)) == set(people(member.signup))
    first, second = people(member.signup)
    during = session.starts + dt.timedelta(minutes=30)
    assert (
        attendance_mark(
            actor=facilitator, event_id=session.pk, marks={first: True, second: True}, now=during
        )
        == 2
    )
    assert marks_of(session) == {first: True, second: True}
    assert marks_of(occurrences(group)[2]) == {}
    # An applicant not yet approved is not a member.
    with pytest.raises(ValidationError):
        attendance_mark(
            actor=facilitator,
            event_id=session.pk,
            marks={people(applicant.signup)[0]: True},
            now=during,
        )
    # Another group's facilitator is nobody here.
    stranger = UserFactory.create(organization=other_organization, roles=[Role.PROFESSIONAL])
    with pytest.raises(NotFound):
        attendance_mark(actor=stranger, event_id=session.pk, marks={first: False}, now=during)
    assert marks_of(session) == {first: True, second: True}
