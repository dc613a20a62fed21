"""The organiser's pages read families' data only through the gatekeepers: the participant list
carries each participant's attendance (the attendance page asks no query of its own), the forum's
topics come with their forum in one audited read."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from perhekeskus.core.errors import NotFound
from perhekeskus.events import actions, selectors, selectors_pro
from perhekeskus.events.models import EventKind
from perhekeskus.events.services import application_approve
from perhekeskus.events.services.attendance import attendance_mark
from perhekeskus.events.services.forum import topic_create
from perhekeskus.events.tests.helpers import (
    NOW,
    START,
    audits,
    occurrences,
    people,
    published_peer_group,
    sign_up,
)
from perhekeskus.testing.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_a_sessions_participant_list_carries_the_marks_given_there(
    editor: Any,
    place: Any,
    other_organization: Any,
) -> None:
    group, facilitator = published_peer_group(editor, place, other_organization)
    member = sign_up(group, 2, index=0)
    application_approve(actor=facilitator, signup_id=member.signup.pk)
    session, other_session = occurrences(group)[1:3]
    first, second = people(member.signup)
    during = session.starts + dt.timedelta(minutes=30)
    attendance_mark(
        actor=facilitator, event_id=session.pk, marks={first: True, second: False}, now=during
    )
    _, [row] = selectors.participant_list(actor=facilitator, event_id=session.pk)
    assert row.attendance == {first: True, second: False}
    _, [row] = selectors.participant_list(actor=facilitator, event_id=other_session.pk)
    assert row.attendance == {}


def test_the_topics_come_with_their_forum_in_one_audited_read(
    editor: Any,
    place: Any,
) -> None:
    forum = EventFactory.create(
        organization=place.organization,
        kind=EventKind.UMBRELLA,
        is_forum=True,
        starts=START,
        ends=START + dt.timedelta(hours=4),
    )
    topic_create(event_id=forum.pk, text="Kerhoja iltaisin?", language="fi", now=NOW)
    shown, [topic] = selectors_pro.topics_for(actor=editor, event_id=forum.pk)
    assert shown == forum and topic.text == "Kerhoja iltaisin?"
    with pytest.raises(NotFound):
        selectors_pro.topics_for(actor=editor, event_id="not-a-uuid")  # type: ignore[arg-type]
    assert len(audits(actions.TOPICS_VIEW)) == 1
