"""Family center forums (events.services.forum): residents' topics beforehand, without an
account, and the organisers' summary afterwards; allowed and denied."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import translation

from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound
from perhekeskus.core.ratelimit import Counter, Limiter, Rate, RateLimited
from perhekeskus.events import actions
from perhekeskus.events.models import Event, EventKind, EventStatus, ForumTopic
from perhekeskus.events.services.forum import MAX_TOPIC, summary_publish, topic_create
from perhekeskus.events.tests.helpers import NOW, START, audits
from perhekeskus.testing.factories import EventFactory

pytestmark = pytest.mark.django_db

AFTER = START + dt.timedelta(days=1)


@pytest.fixture
def forum(organization: Any) -> Event:
    return EventFactory.create(
        kind=EventKind.UMBRELLA,
        is_forum=True,
        organization=organization,
        starts=START,
        ends=START + dt.timedelta(hours=6),
        registration="drop_in",
        capacity=None,
    )


def test_a_resident_sends_a_topic_without_an_account(forum: Event) -> None:
    text = "Miten saisimme iltapäiväkerhon myös Askolaan?"
    topic = topic_create(event_id=forum.pk, text=f"  {text}  ", language="fi", now=NOW)
    topic.refresh_from_db()
    assert topic.text == text
    assert topic.event == forum
    # The text is encrypted at rest and kept out of the audit log.
    key = ForumTopic._meta.pk.get_db_prep_value(topic.pk, connection)
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM events_forumtopic WHERE id = %s", [key])
        row = cursor.fetchone()
    assert "iltapäiväkerho" not in row[0]
    [entry] = audits(actions.TOPIC_CREATE)
    assert entry.actor_id is None
    assert entry.details == {"event": str(forum.pk), "language": "fi", "length": len(text)}
    assert "iltapäiväkerho" not in str(entry.details)


@pytest.mark.parametrize(
    ("text", "language", "field", "message"),
    [
        ("   ", "fi", "text", "Write your topic or question."),
        ("x" * (MAX_TOPIC + 1), "fi", "text", "Write at most 2000 characters (now 2001)."),
        ("Hei", "de", "language", "Choose Finnish, Swedish or English."),
    ],
)
def test_a_bad_topic_is_refused_on_its_field(
    forum: Event, text: str, language: str, field: str, message: str
) -> None:
    with translation.override("en"), pytest.raises(ValidationError) as error:
        topic_create(event_id=forum.pk, text=text, language=language, now=NOW)
    assert error.value.message_dict[field] == [message]
    assert not ForumTopic.objects.exists()
    assert not audits(actions.TOPIC_CREATE)


def test_a_topic_of_2000_characters_is_taken(forum: Event) -> None:
    topic_create(event_id=forum.pk, text="x" * MAX_TOPIC, language="sv", now=NOW)
    assert ForumTopic.objects.get().language == "sv"


def test_no_topics_once_the_forum_has_ended(forum: Event) -> None:
    with translation.override("en"), pytest.raises(ValidationError) as error:
        topic_create(event_id=forum.pk, text="Myöhässä", language="fi", now=AFTER)
    assert error.value.message_dict["text"] == [
        "The forum has ended: topics can no longer be sent."
    ]
    assert not ForumTopic.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"status": EventStatus.DRAFT},
        {"status": EventStatus.CANCELLED},
        {"is_forum": False},
    ],
)
def test_only_a_published_forum_takes_topics(forum: Event, changes: dict[str, Any]) -> None:
    Event.objects.filter(pk=forum.pk).update(**changes)
    with pytest.raises(NotFound):
        topic_create(event_id=forum.pk, text="Kysymys", language="fi", now=NOW)
    assert not ForumTopic.objects.exists()


def test_the_limiter_counts_stored_topics_only(forum: Event) -> None:
    limiter = Limiter((Counter("test-topic", Rate(1, 3600)),))
    with pytest.raises(ValidationError):
        topic_create(event_id=forum.pk, text="", language="fi", limiter=limiter, now=NOW)
    topic_create(event_id=forum.pk, text="Ensimmäinen", language="fi", limiter=limiter, now=NOW)
    with pytest.raises(RateLimited):
        topic_create(event_id=forum.pk, text="Toinen", language="fi", limiter=limiter, now=NOW)
    assert ForumTopic.objects.count() == 1


def test_the_organiser_publishes_the_summary_after_the_forum(editor: Any, forum: Event) -> None:
    summary_publish(
        actor=editor,
        event_id=forum.pk,
        summary={"fi": "Keskustelimme kerhoista.", "sv": "Vi diskuterade klubbar."},
        now=AFTER,
    )
    forum.refresh_from_db()
    assert forum.summary_fi == "Keskustelimme kerhoista."
    assert forum.summary_sv == "Vi diskuterade klubbar."
    assert forum.summary_published_at == AFTER
    [entry] = audits(actions.SUMMARY_PUBLISH)
    assert entry.actor_id == editor.pk
    assert entry.details["first"] is True
    assert entry.details["to"] == {
        "fi": "Keskustelimme kerhoista.",
        "sv": "Vi diskuterade klubbar.",
    }
    summary_publish(actor=editor, event_id=forum.pk, summary={"fi": "Korjattu."}, now=AFTER)
    entry = audits(actions.SUMMARY_PUBLISH)[-1]
    assert entry.details["first"] is False
    assert entry.details["from"]["fi"] == "Keskustelimme kerhoista."


def test_the_summary_waits_for_the_end_and_needs_finnish(editor: Any, forum: Event) -> None:
    with translation.override("en"), pytest.raises(ValidationError) as error:
        summary_publish(actor=editor, event_id=forum.pk, summary={"sv": "Hej"}, now=NOW)
    assert error.value.message_dict == {
        "__all__": ["The summary can be published once the forum has ended."],
        "summary_fi": ["Write the summary in Finnish."],
    }
    forum.refresh_from_db()
    assert forum.summary_published_at is None


def test_others_may_not_publish_the_summary(
    outsider: Any,
    professional: Any,
    forum: Event,
) -> None:
    for actor in (outsider, professional):
        with pytest.raises(NotFound):
            summary_publish(actor=actor, event_id=forum.pk, summary={"fi": "X"}, now=AFTER)
    forum.refresh_from_db()
    assert not forum.summary_fi
    assert not AuditEntry.objects.filter(action=actions.SUMMARY_PUBLISH.name).exists()
