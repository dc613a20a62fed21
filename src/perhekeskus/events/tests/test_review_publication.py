"""A cancelled event is public only if it had been published: a draft cancelled before anyone
could see it never appears on the families' pages, the API or a calendar file, and a session
published after its forum was cancelled does not take sign-ups. The organiser's reason for
cancelling reaches the families."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from perhekeskus.core.errors import NotFound
from perhekeskus.core.models import OutboxEmail
from perhekeskus.events import calendar
from perhekeskus.events.models import Event, EventKind, EventStatus
from perhekeskus.events.selectors_public import (
    EventFilters,
    event_get_public,
    event_list_public,
    occurrences_of,
    sessions_of,
)
from perhekeskus.events.services.organise import event_cancel, event_create, event_publish
from perhekeskus.events.tests.helpers import NOW, START, fields, make_forum, make_series, sign_up

pytestmark = pytest.mark.django_db

BEFORE = NOW - dt.timedelta(days=1)


def single(editor: Any, place: Any) -> Event:
    return event_create(
        actor=editor,
        organization_id=place.organization_id,
        kind=EventKind.SINGLE,
        fields=fields(place),
        now=BEFORE,
    )


def listed(now: dt.datetime = BEFORE) -> list[Any]:
    return list(event_list_public(filters=EventFilters(), now=now).values_list("pk", flat=True))


def test_a_cancelled_draft_is_never_public(editor: Any, place: Any) -> None:
    draft = single(editor, place)
    event_cancel(actor=editor, event_id=draft.pk, now=BEFORE)
    draft.refresh_from_db()
    assert draft.status == EventStatus.CANCELLED
    assert draft.published_at is None
    with pytest.raises(NotFound):
        event_get_public(event_id=draft.pk)
    assert draft.pk not in listed()
    page = Client().get(reverse("events:detail", kwargs={"event_id": draft.pk}))
    assert page.status_code == 404


def test_a_published_event_cancelled_stays_public_as_cancelled(editor: Any, place: Any) -> None:
    event = single(editor, place)
    event_publish(actor=editor, event_id=event.pk, now=BEFORE)
    event.refresh_from_db()
    assert event.published_at == BEFORE
    event_cancel(actor=editor, event_id=event.pk, now=BEFORE)
    shown = event_get_public(event_id=event.pk)
    assert shown.status == EventStatus.CANCELLED
    assert event.pk in listed()


def test_a_cancelled_draft_series_shows_no_occurrence(editor: Any, place: Any) -> None:
    series = make_series(editor, place)
    early = dt.datetime(2027, 2, 1, tzinfo=dt.UTC)  # before its first date
    event_cancel(actor=editor, event_id=series.pk, now=early)
    parts = list(series.children.all())
    assert parts and {part.status for part in parts} == {EventStatus.CANCELLED}
    assert not {part.pk for part in parts} & set(listed(early))
    assert occurrences_of(series, now=early) == []
    # The file of a series (its sessions) has none of them either.
    assert b"event-" + str(parts[0].pk).encode() not in calendar.ics_for_event(series)


def test_a_draft_session_of_a_cancelled_forum_stays_hidden(editor: Any, place: Any) -> None:
    forum = make_forum(editor, place)
    event_publish(actor=editor, event_id=forum.pk, now=BEFORE)
    session = event_create(
        actor=editor,
        organization_id=place.organization_id,
        kind=EventKind.SESSION,
        parent_id=forum.pk,
        fields=fields(place, title_fi="Työpaja", starts=START + dt.timedelta(hours=1)),
    )
    event_cancel(actor=editor, event_id=forum.pk, now=BEFORE)
    assert sessions_of(event_get_public(event_id=forum.pk)) == []
    with pytest.raises(NotFound):
        event_get_public(event_id=session.pk)


def test_a_session_is_not_published_under_a_cancelled_or_draft_forum(
    editor: Any, place: Any
) -> None:
    forum = make_forum(editor, place)
    session = event_create(
        actor=editor,
        organization_id=place.organization_id,
        kind=EventKind.SESSION,
        parent_id=forum.pk,
        fields=fields(place, title_fi="Työpaja", starts=START + dt.timedelta(hours=1)),
    )
    with pytest.raises(ValidationError):
        event_publish(actor=editor, event_id=session.pk)
    event_publish(actor=editor, event_id=forum.pk)
    session.refresh_from_db()
    assert session.status == EventStatus.PUBLISHED  # published with its forum
    event_cancel(actor=editor, event_id=forum.pk, now=BEFORE)
    # A session still a draft when its forum was cancelled (one made after publication).
    Event.objects.filter(pk=session.pk).update(status=EventStatus.DRAFT)
    with pytest.raises(ValidationError):
        event_publish(actor=editor, event_id=session.pk)
    session.refresh_from_db()
    assert session.status == EventStatus.DRAFT


def test_the_organisers_reason_reaches_the_families(editor: Any, place: Any) -> None:
    event = single(editor, place)
    event_publish(actor=editor, event_id=event.pk, now=BEFORE)
    sign_up(event, 2)
    OutboxEmail.objects.all().delete()
    event_cancel(actor=editor, event_id=event.pk, reason="Ohjaaja sairastui.", now=NOW)
    [message] = OutboxEmail.objects.filter(kind="events.signup.event_cancelled")
    assert "Ohjaaja sairastui." in message.body
