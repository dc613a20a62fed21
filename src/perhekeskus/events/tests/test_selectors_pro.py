"""The organiser's reads (events.selectors_pro): whose events a user sees, which places and
facilitators the form offers, the forum's topics (audited); allowed and denied."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from perhekeskus.catalog.models import ServiceAtLocation
from perhekeskus.core.errors import NotFound
from perhekeskus.core.roles import Role
from perhekeskus.events import actions, selectors_pro
from perhekeskus.events.models import EventKind
from perhekeskus.events.services.forum import topic_create
from perhekeskus.events.tests.helpers import NOW, START, audits, make_series
from perhekeskus.testing.factories import (
    EventFactory,
    LocationFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_editors_see_their_organisations_top_level_events(
    editor: Any,
    outsider: Any,
    place: Any,
) -> None:
    single = EventFactory.create(organization=place.organization, location=place)
    series = make_series(editor, place)
    forum = EventFactory.create(organization=place.organization, kind=EventKind.UMBRELLA)
    EventFactory.create(
        organization=place.organization, kind=EventKind.SESSION, parent=forum, location=place
    )
    theirs = EventFactory.create(organization=outsider.organization)
    assert set(selectors_pro.events_manageable_by(editor)) == {single, series, forum}
    assert list(selectors_pro.events_manageable_by(outsider)) == [theirs]


def test_a_coordinator_sees_all_and_others_nothing(
    coordinator: Any,
    professional: Any,
    place: Any,
) -> None:
    single = EventFactory.create(organization=place.organization, location=place)
    other = EventFactory.create()
    assert set(selectors_pro.events_manageable_by(coordinator)) == {single, other}
    assert not selectors_pro.events_manageable_by(professional).exists()
    assert not selectors_pro.events_manageable_by(AnonymousUser()).exists()


def test_a_facilitator_sees_their_groups_and_uses_the_tool(
    editor: Any,
    place: Any,
    other_organization: Any,
) -> None:
    facilitator = UserFactory.create(organization=other_organization, roles=[Role.PROFESSIONAL])
    assert not selectors_pro.may_use_events_tool(facilitator)
    group = make_series(editor, place, is_peer_group=True, facilitator=facilitator)
    make_series(editor, place)
    assert list(selectors_pro.events_manageable_by(facilitator)) == [group]
    assert selectors_pro.may_use_events_tool(facilitator)
    # A facilitator runs the group; its settings are the organisers'.
    with pytest.raises(NotFound):
        selectors_pro.event_get_for_edit(actor=facilitator, event_id=group.pk)


def test_who_uses_the_events_tool(
    editor: Any, coordinator: Any, professional: Any, admin_user: Any
) -> None:
    assert selectors_pro.may_use_events_tool(editor)
    assert selectors_pro.may_use_events_tool(coordinator)
    assert selectors_pro.may_use_events_tool(admin_user)
    assert not selectors_pro.may_use_events_tool(professional)
    assert not selectors_pro.may_use_events_tool(AnonymousUser())


def test_event_for_edit_allowed_and_denied(
    editor: Any,
    outsider: Any,
    place: Any,
) -> None:
    event = EventFactory.create(organization=place.organization, location=place)
    assert selectors_pro.event_get_for_edit(actor=editor, event_id=event.pk) == event
    with pytest.raises(NotFound):
        selectors_pro.event_get_for_edit(actor=outsider, event_id=event.pk)
    with pytest.raises(NotFound):
        selectors_pro.event_get_for_edit(actor=editor, event_id=event.organization_id)


def test_organisations_and_places_for_the_form(
    editor: Any,
    coordinator: Any,
    outsider: Any,
    professional: Any,
    place: Any,
) -> None:
    assert list(selectors_pro.organizations_for(editor)) == [editor.organization]
    assert set(selectors_pro.organizations_for(coordinator)) >= {
        editor.organization,
        outsider.organization,
    }
    assert not selectors_pro.organizations_for(professional).exists()
    meeting_place = LocationFactory.create(
        organization=outsider.organization, is_meeting_place=True, name="Olohuone"
    )
    LocationFactory.create(organization=outsider.organization, name="Toimisto")
    school = LocationFactory.create(organization=outsider.organization, name="Koulu")
    ServiceAtLocation.objects.create(
        service=ServiceFactory.create(organization=editor.organization), location=school
    )
    places = list(selectors_pro.locations_for(editor, editor.organization_id))
    assert sorted(places, key=str) == sorted([place, meeting_place, school], key=str)
    assert not selectors_pro.locations_for(outsider, editor.organization_id).exists()


def test_facilitators_come_from_the_whole_network(
    editor: Any,
    outsider: Any,
    professional: Any,
    other_organization: Any,
) -> None:
    colleague = UserFactory.create(organization=other_organization, roles=[Role.PROFESSIONAL])
    UserFactory.create(organization=other_organization, roles=[Role.PROFESSIONAL], is_active=False)
    UserFactory.create(organization=other_organization, roles=[])
    choices = set(selectors_pro.facilitator_choices(editor))
    assert {colleague, professional, editor, outsider} <= choices
    assert all(user.is_active and user.role_set for user in choices)
    assert not selectors_pro.facilitator_choices(professional).exists()


def test_topics_are_for_the_forums_organisers_and_each_read_is_logged(
    editor: Any,
    outsider: Any,
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
    assert shown == forum
    assert topic.text == "Kerhoja iltaisin?"
    [entry] = audits(actions.TOPICS_VIEW)
    assert (entry.actor_id, entry.target_id, entry.details) == (
        editor.pk,
        str(forum.pk),
        {"count": 1},
    )
    with pytest.raises(NotFound):
        selectors_pro.topics_for(actor=outsider, event_id=forum.pk)
    plain = EventFactory.create(organization=place.organization, location=place)
    with pytest.raises(NotFound):
        selectors_pro.topics_for(actor=editor, event_id=plain.pk)
    assert len(audits(actions.TOPICS_VIEW)) == 1
