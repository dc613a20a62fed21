"""No public page of the events answers junk with a 500: the list's filters, an event's page,
the sign-up and topic forms, the manage link's pages and the calendar subscriptions, probed with
the platform's shared garbage, dates at the calendar's edges and bodies with wrong fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from perhekeskus.events.models import EventKind, RegistrationMode
from perhekeskus.testing.factories import EventFactory
from perhekeskus.testing.garbage import GARBAGE

pytestmark = pytest.mark.django_db

EDGES = ["0001-01-01", "9999-12-31", "0000-00-00", "2027-02-30", "1-1-1", "99999-01-01"]
VALUES = [*GARBAGE, *EDGES, "x" * 5000, "a\u202eb"]
LIST_PARAMS = (
    "municipality",
    "when",
    "day_from",
    "day_to",
    "age",
    "task",
    "language",
    "free",
    "has_seats",
    "organization",
    "service",
    "place",
    "page",
)


def url(name: str, **kwargs: Any) -> str:
    with translation.override("fi"):
        return reverse(f"events:{name}", kwargs=kwargs)


def ok(response: Any, *allowed: int) -> None:
    assert response.status_code < 500, response.status_code
    if allowed:
        assert response.status_code in allowed, response.status_code


@pytest.mark.parametrize("name", LIST_PARAMS)
def test_no_filter_value_gives_a_500(client: Client, name: str) -> None:
    EventFactory.create()
    for value in VALUES:
        ok(client.get(url("list"), {name: value}), 200)
    ok(client.get(url("list"), {"when": "range", "day_from": "9999-12-31", "day_to": "9999-12-31"}))
    ok(client.get(url("list"), {"day_from": "0001-01-01", "day_to": "0001-01-01"}))


def test_no_feed_address_gives_a_500(client: Client) -> None:
    for value in VALUES:
        if "/" in value or not value.strip():
            continue
        ok(client.get(f"/event-feeds/municipality/{value}.ics"), 200, 404)
        ok(client.get("/event-feeds/municipality/091.ics", {"lang": value}), 200, 404)


def test_no_token_gives_a_500(client: Client) -> None:
    for value in [*VALUES, "%00", "a" * 300]:
        if "/" in value or not value.strip():
            continue
        for name in ("manage", "manage_change", "manage_cancel", "manage_ics"):
            ok(client.get(url(name, token=value)), 404)
        ok(client.post(url("manage_confirm", token=value)), 404)


def form_values() -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = [{}]
    for value in VALUES:
        bodies.append(
            {
                "form_token": value,
                "name": value,
                "email": value,
                "phone": value,
                "participants-0-name": value,
                "participants-0-age": value,
                "participants-7-age": value,
                "q_1": value,
            }
        )
    return bodies


def test_no_signup_body_gives_a_500(client: Client) -> None:
    event = EventFactory.create(max_group_size=3, min_age=0, max_age=6)
    for body in form_values():
        ok(client.post(url("signup", event_id=event.pk), body), 400, 409, 429)
    ok(client.post(url("signup", event_id=event.pk), {"participants-0-age": ["1", "2"]}), 400)


def test_no_topic_body_gives_a_500(client: Client) -> None:
    starts = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    forum = EventFactory.create(
        kind=EventKind.UMBRELLA,
        is_forum=True,
        registration=RegistrationMode.DROP_IN,
        capacity=None,
        starts=starts,
        ends=starts + dt.timedelta(hours=4),
    )
    for value in VALUES:
        ok(client.post(url("topic", event_id=forum.pk), {"text": value}), 303, 400, 429)
    ok(client.post(url("topic", event_id=forum.pk), {}), 400)


def test_no_organiser_page_gives_a_500_for_junk(client: Client, editor: Any) -> None:
    client.force_login(editor)
    event = EventFactory.create(organization=editor.organization)
    with translation.override("fi"):
        listing = reverse("events_pro:list")
        create = reverse("events_pro:create")
        attendance = reverse("events_pro:attendance", kwargs={"event_id": event.pk})
        message = reverse("events_pro:message", kwargs={"event_id": event.pk})
        cancel = reverse("events_pro:cancel", kwargs={"event_id": event.pk})
    for value in VALUES:
        ok(client.get(listing, {"show": value, "page": value}))
        ok(client.get(create, {"parent": value}))
        ok(client.get(create, {"organization": value, "kind": value}))
        ok(client.post(attendance, {"p1": value, f"p{'9' * 18}": value}))
        ok(client.post(message, {"audience": value, "subject": value, "body": value}))
        ok(client.post(cancel, {"reason": value, "confirmed": value}))
