"""The events' API: the public listing with the page's filters, Finnish offsets and nothing of
any family; sign-ups with an Idempotency-Key, statuses and waiting-list positions, field-level
400s named as in the body, 404, 409, 422 and 429 in the request's language, no 500 for any
input, and all of it in the OpenAPI document."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import translation
from django.utils.translation import gettext
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from perhekeskus.core.links import site_url
from perhekeskus.events.models import (
    Event,
    EventKind,
    EventStatus,
    Question,
    QuestionKind,
    RegistrationMode,
    Signup,
    SignupStatus,
)
from perhekeskus.events.services.signup import SignupRefused, closed_reason
from perhekeskus.events.tests import helpers
from perhekeskus.testing.factories import (
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ServiceFactory,
)
from perhekeskus.testing.garbage import GARBAGE
from perhekeskus.testing.openapi import response_schema, undeclared

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

API = "/api/v1"
# Monday 22 March 2027, 8.00 in Finland (+02:00); the clocks go forward on Sunday 28 March.
NOW = dt.datetime(2027, 3, 22, 6, 0, tzinfo=dt.UTC)
# Tuesday 23 March 2027, 10.00–12.00 in Finland.
TUESDAY = dt.datetime(2027, 3, 23, 8, 0, tzinfo=dt.UTC)


def make_event(**fields: Any) -> Event:
    """The events' shared `make_event`, on TUESDAY unless told otherwise."""
    fields.setdefault("starts", TUESDAY)
    return helpers.make_event(**fields)


def listing(client: Client, **params: Any) -> Any:
    return client.get(f"{API}/events", params)


def ids(answer: Any) -> list[str]:
    assert answer.status_code == 200, answer.content
    return [item["id"] for item in answer.json()["contents"]]


# --- GET /events --------------------------------------------------------------------------------


def test_an_event_is_listed_with_its_place_times_and_seats(client: Client) -> None:
    turku = MunicipalityFactory.create(code="853", name="Turku", name_sv="Åbo")
    place = LocationFactory.create(
        name="Perhekeskus Kupittaa",
        street_address="Kupittaankatu 1",
        postal_code="20520",
        post_office="Turku",
        municipality=turku,
        latitude="60.450000",
        longitude="22.290000",
    )
    event = make_event(
        title="Vauvakahvila",
        title_sv="Babycafé",
        title_en="Baby café",
        location=place,
        organization=place.organization,
        audience="Vauvaperheet",
        min_age=0,
        max_age=1,
        languages=",fi,sv,",
        tasks=",7,8,",
        capacity=12,
        seats_taken=5,
        waitlisted_count=0,
        max_group_size=4,
        online_url="https://meet.example.org/secret-room",
    )
    answer = listing(client)
    assert answer["Content-Language"] == "fi"
    body = answer.json()
    assert (body["total_items"], body["page_number"], body["size"]) == (1, 1, 1)
    (item,) = body["contents"]
    assert item == {
        "id": str(event.pk),
        "kind": "single",
        "name": "Vauvakahvila",
        "description": event.description,
        "url": f"{site_url()}/fi/events/{event.pk}/",
        "start": "2027-03-23T10:00:00+02:00",
        "end": "2027-03-23T12:00:00+02:00",
        "status": "published",
        "place": {
            "id": str(place.pk),
            "name": "Perhekeskus Kupittaa",
            "address": "Kupittaankatu 1",
            "postal_code": "20520",
            "post_office": "Turku",
            "municipality": {"code": "853", "name": "Turku"},
            "latitude": 60.45,
            "longitude": 22.29,
        },
        "online": False,
        "municipality": {"code": "853", "name": "Turku"},
        "audience": "Vauvaperheet",
        "ages": {"min": 0, "max": 1},
        "languages": ["fi", "sv"],
        "tasks": [7, 8],
        "free": True,
        "price": "",
        "organization": {"id": str(place.organization_id), "name": place.organization.name},
        "super_event": None,
        "registration": {
            "mode": "registration",
            "open": True,
            "capacity": 12,
            "seats_left": 7,
            "waitlist_length": 0,
            "max_group_size": 4,
            "enrolment_opens": None,
            "enrolment_closes": None,
            "questions": [],
        },
        "sub_events": [],
    }
    assert "secret-room" not in answer.content.decode()
    swedish = listing(client, lang="sv")
    assert swedish["Content-Language"] == "sv"
    (sv_item,) = swedish.json()["contents"]
    assert sv_item["name"] == "Babycafé"
    assert sv_item["place"]["municipality"]["name"] == "Åbo"
    assert sv_item["url"] == f"{site_url()}/sv/events/{event.pk}/"
    english = client.get(f"{API}/events", HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["contents"][0]["name"] == "Baby café"


def test_summer_time_and_drop_in_and_online(client: Client) -> None:
    espoo = MunicipalityFactory.create(code="049", name="Espoo")
    summer = dt.datetime(2027, 3, 29, 6, 30, tzinfo=dt.UTC)  # Monday 9.30 summer time
    drop_in = make_event(starts=summer, registration=RegistrationMode.DROP_IN, capacity=None)
    online = make_event(
        starts=summer + dt.timedelta(hours=1),
        is_online=True,
        location=None,
        municipality=espoo,
        online_url="https://meet.example.org/only-for-those-signed-up",
    )
    items = {item["id"]: item for item in listing(client).json()["contents"]}
    assert items[str(drop_in.pk)]["start"] == "2027-03-29T09:30:00+03:00"
    assert items[str(drop_in.pk)]["registration"] is None
    assert items[str(online.pk)]["place"] is None
    assert items[str(online.pk)]["online"] is True
    assert items[str(online.pk)]["municipality"] == {"code": "049", "name": "Espoo"}
    assert "only-for-those-signed-up" not in json.dumps(items)


def test_occurrences_name_their_series_and_forums_carry_their_sessions(client: Client) -> None:
    organization = OrganizationFactory.create()
    series = make_event(
        kind=EventKind.SERIES,
        organization=organization,
        title="Isä-lapsi-kerho",
        registration=RegistrationMode.REGISTRATION,
    )
    question = Question.objects.create(
        event=series, text="Allergiat?", text_sv="Allergier?", required=False
    )
    occurrence = make_event(
        kind=EventKind.OCCURRENCE,
        parent=series,
        organization=organization,
        title="Isä-lapsi-kerho",
        starts=TUESDAY + dt.timedelta(days=1),
    )
    forum = make_event(
        kind=EventKind.UMBRELLA,
        organization=organization,
        title="Perhekeskusfoorumi",
        is_forum=True,
        registration=RegistrationMode.DROP_IN,
        capacity=None,
        starts=TUESDAY + dt.timedelta(days=2),
        ends=TUESDAY + dt.timedelta(days=2, hours=4),
    )
    session = make_event(
        kind=EventKind.SESSION,
        parent=forum,
        organization=organization,
        title="Työpaja: arjen jaksaminen",
        starts=TUESDAY + dt.timedelta(days=2, hours=1),
        capacity=20,
    )
    make_event(
        kind=EventKind.SESSION,
        parent=forum,
        organization=organization,
        status=EventStatus.DRAFT,
        starts=TUESDAY + dt.timedelta(days=2, hours=2),
    )
    items = listing(client).json()["contents"]
    # The series itself and the sessions are not items of their own.
    assert [item["id"] for item in items] == [str(occurrence.pk), str(forum.pk)]
    first, umbrella = items
    assert first["super_event"] == {
        "id": str(series.pk),
        "name": "Isä-lapsi-kerho",
        "kind": "series",
    }
    assert first["registration"]["questions"] == [
        {"id": question.pk, "text": "Allergiat?", "kind": "text", "choices": [], "required": False}
    ]
    assert umbrella["registration"] is None
    (sub,) = umbrella["sub_events"]
    assert sub["id"] == str(session.pk)
    assert sub["super_event"] == {
        "id": str(forum.pk),
        "name": "Perhekeskusfoorumi",
        "kind": "umbrella",
    }
    assert sub["registration"]["capacity"] == 20
    assert "sub_events" not in sub


def test_a_peer_group_is_listed_as_an_application(client: Client) -> None:
    group = make_event(
        kind=EventKind.SERIES,
        is_peer_group=True,
        registration=RegistrationMode.APPLICATION,
        capacity=8,
        title="Eroperheiden vertaisryhmä",
    )
    (item,) = listing(client).json()["contents"]
    assert item["id"] == str(group.pk)
    assert item["registration"]["mode"] == "application"


def test_drafts_and_ended_events_are_not_listed_and_cancelled_ones_say_so(client: Client) -> None:
    make_event(status=EventStatus.DRAFT)
    make_event(starts=NOW - dt.timedelta(hours=3))  # ended an hour ago
    running = make_event(starts=NOW - dt.timedelta(hours=1))
    cancelled = make_event(status=EventStatus.CANCELLED)
    items = {item["id"]: item for item in listing(client).json()["contents"]}
    assert set(items) == {str(running.pk), str(cancelled.pk)}
    assert items[str(cancelled.pk)]["status"] == "cancelled"
    # Neither takes sign-ups any more.
    assert items[str(cancelled.pk)]["registration"]["open"] is False
    assert items[str(running.pk)]["registration"]["open"] is False


def test_registration_is_open_only_inside_the_enrolment_window(client: Client) -> None:
    not_yet = make_event(enrolment_opens=NOW + dt.timedelta(hours=1))
    closed = make_event(enrolment_closes=NOW)
    window = make_event(
        enrolment_opens=NOW - dt.timedelta(days=1), enrolment_closes=NOW + dt.timedelta(hours=1)
    )
    items = {item["id"]: item["registration"] for item in listing(client).json()["contents"]}
    assert items[str(not_yet.pk)]["open"] is False
    assert items[str(closed.pk)]["open"] is False
    assert items[str(window.pk)]["open"] is True
    assert items[str(window.pk)]["enrolment_closes"] == "2027-03-22T09:00:00+02:00"


def test_the_filters_of_the_page(client: Client) -> None:
    turku = MunicipalityFactory.create(code="853", name="Turku")
    MunicipalityFactory.create(code="202", name="Kaarina")
    organization = OrganizationFactory.create()
    place = LocationFactory.create(municipality=turku, organization=organization)
    service = ServiceFactory.create(organization=organization)
    in_turku = make_event(
        location=place,
        organization=organization,
        service=service,
        min_age=0,
        max_age=3,
        tasks=",8,",
        languages=",fi,sv,",
    )
    later = make_event(
        starts=TUESDAY + dt.timedelta(days=7),
        is_free=False,
        price_info="5 €",
        languages=",en,",
        tasks=",6,",
        min_age=7,
        max_age=12,
    )
    full = make_event(capacity=4, seats_taken=4, min_age=None, max_age=None)
    drop_in = make_event(registration=RegistrationMode.DROP_IN, capacity=None)
    everything = {str(e.pk) for e in (in_turku, later, full, drop_in)}
    assert set(ids(listing(client))) == everything
    assert ids(listing(client, municipality="853")) == [str(in_turku.pk)]
    assert ids(listing(client, municipality="202")) == []
    assert ids(listing(client, start="2027-03-30")) == [str(later.pk)]
    assert str(later.pk) not in ids(listing(client, end="2027-03-29"))
    assert ids(listing(client, start="2027-03-30", end="2027-03-30")) == [str(later.pk)]
    assert set(ids(listing(client, age=2))) == {str(in_turku.pk), str(full.pk), str(drop_in.pk)}
    assert ids(listing(client, age=10, task=6)) == [str(later.pk)]
    assert ids(listing(client, task=8)) == [str(in_turku.pk)]
    assert ids(listing(client, language="sv")) == [str(in_turku.pk)]
    assert str(later.pk) not in ids(listing(client, free="true"))
    has_seats = set(ids(listing(client, has_seats="true")))
    assert str(full.pk) not in has_seats and str(drop_in.pk) not in has_seats
    assert str(in_turku.pk) in has_seats
    assert ids(listing(client, organization_id=str(organization.pk))) == [str(in_turku.pk)]
    assert ids(listing(client, location_id=str(place.pk))) == [str(in_turku.pk)]
    assert ids(listing(client, service_id=str(service.pk))) == [str(in_turku.pk)]
    # An empty parameter is no filter.
    assert set(ids(listing(client, municipality="", age=""))) == everything


def test_the_listing_pages(client: Client) -> None:
    events = [make_event(starts=TUESDAY + dt.timedelta(hours=n)) for n in range(5)]
    body = listing(client, per_page=2, page=2).json()
    assert (body["total_items"], body["total_pages"], body["size"]) == (5, 3, 2)
    assert [item["id"] for item in body["contents"]] == [str(e.pk) for e in events[2:4]]
    past_the_end = listing(client, per_page=2, page=9).json()
    assert past_the_end["empty"] is True and past_the_end["contents"] == []


def test_a_page_takes_a_few_queries_however_many_events(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    series = make_event(kind=EventKind.SERIES)
    Question.objects.create(event=series, text="Allergiat?")
    for n in range(30):
        make_event(
            kind=EventKind.OCCURRENCE,
            parent=series,
            organization=series.organization,
            starts=TUESDAY + dt.timedelta(hours=n),
        )
    with django_assert_max_num_queries(8):
        body = listing(client, per_page=20).json()
    assert body["size"] == 20


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"municipality": "85"}, "municipality"),
        ({"municipality": "999"}, "municipality"),
        ({"start": "23.3.2027"}, "start"),
        ({"end": "2027-02-30"}, "end"),
        ({"start": "2027-03-23", "end": "2027-03-22"}, "end"),
        ({"age": "30"}, "age"),
        ({"age": "three"}, "age"),
        ({"task": "9"}, "task"),
        ({"language": "de"}, "language"),
        ({"free": "maybe"}, "free"),
        ({"organization_id": "x"}, "organization_id"),
        ({"per_page": "1000"}, "per_page"),
        ({"search": "kahvila"}, "search"),
        ({"date": "today"}, "date"),
    ],
)
def test_bad_parameters_are_refused_by_name(
    client: Client, params: dict[str, str], field: str
) -> None:
    answer = listing(client, lang="en", **params)
    assert answer.status_code == 400
    assert list(answer.json()) == [field]
    assert all(isinstance(message, str) for message in answer.json()[field])


def test_an_unknown_parameter_is_named_in_the_requests_language(client: Client) -> None:
    texts = {lang: listing(client, lang=lang, when="today").json()["when"] for lang in ("fi", "sv")}
    english = listing(client, lang="en", when="today").json()["when"]
    assert english[0] == "This API does not take this parameter."
    assert "has_seats" in english[1] and "municipality" in english[1]
    assert texts["fi"][0] != english[0] and texts["sv"][0] != english[0]
    backwards = listing(client, lang="sv", start="2027-03-23", end="2027-03-01")
    assert backwards.json()["end"][0] != "The last day cannot be before the first day."


def test_no_listing_query_gives_a_500(client: Client) -> None:
    make_event()
    names = ("municipality", "start", "end", "age", "task", "language", "free", "has_seats")
    for name in (*names, "organization_id", "page", "per_page", "lang"):
        for value in GARBAGE:
            answer = listing(client, **{name: value})
            assert answer.status_code in (200, 400), (name, value, answer.status_code)


# --- POST /events/{id}/signups ------------------------------------------------------------------


def signup_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "contact": {
            "name": "Liisa Perhe",
            "email": "liisa.perhe@example.org",
            "phone": "+358 40 765 4321",
        },
        "participants": [{"name": "Liisa Perhe", "age": None}, {"name": "Eino", "age": 2}],
        "language": "fi",
        "answers": {},
    }
    body.update(overrides)
    return body


def post(client: Client, event_id: Any, body: Any, key: str | None = None, **extra: Any) -> Any:
    headers: dict[str, Any] = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(
        f"{API}/events/{event_id}/signups",
        data=data,
        content_type="application/json",
        **headers,
        **extra,
    )


def test_a_sign_up_answers_its_status_and_manage_link_and_nothing_personal(
    client: Client,
) -> None:
    event = make_event(capacity=10)
    answer = post(client, event.pk, signup_body(language="sv"), "signup-1")
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert set(body) == {"status", "position", "manage_url"}
    assert (body["status"], body["position"]) == ("attending", None)
    assert body["manage_url"].startswith(f"{site_url()}/sv/events/manage/")
    assert answer["Content-Language"] == "sv"
    assert "no-store" in answer["Cache-Control"]
    signup = Signup.objects.get()
    assert (signup.event_id, signup.seats, signup.status, signup.language) == (
        event.pk,
        2,
        SignupStatus.ATTENDING,
        "sv",
    )
    assert [(p.name, p.age) for p in signup.participants.order_by("position")] == [
        ("Liisa Perhe", None),
        ("Eino", 2),
    ]
    event.refresh_from_db()
    assert event.seats_taken == 2
    for personal in ("Liisa", "liisa.perhe@example.org", "765", "Eino"):
        assert personal not in answer.content.decode()
    # The listing counts the seats.
    (item,) = listing(client).json()["contents"]
    assert item["registration"]["seats_left"] == 8


def test_a_full_event_puts_the_group_on_the_waiting_list_with_its_position(
    client: Client,
) -> None:
    event = make_event(capacity=3)
    first = post(client, event.pk, signup_body(), "a")
    second = post(client, event.pk, signup_body(), "b")
    third = post(client, event.pk, signup_body(participants=[{"name": "Aku", "age": None}]), "c")
    assert first.json()["status"] == "attending"
    assert (second.json()["status"], second.json()["position"]) == ("waitlisted", 1)
    # One seat is left: a group of one fits.
    assert (third.json()["status"], third.json()["position"]) == ("attending", None)
    fourth = post(client, event.pk, signup_body(), "d")
    assert (fourth.json()["status"], fourth.json()["position"]) == ("waitlisted", 2)
    (item,) = listing(client).json()["contents"]
    assert item["registration"]["seats_left"] == 0
    assert item["registration"]["waitlist_length"] == 4  # persons
    assert ids(listing(client, has_seats="true")) == []


def test_a_peer_group_takes_applications(client: Client) -> None:
    group = make_event(
        kind=EventKind.SERIES, is_peer_group=True, registration=RegistrationMode.APPLICATION
    )
    answer = post(client, group.pk, signup_body(), "apply")
    assert answer.status_code == 201, answer.content
    assert (answer.json()["status"], answer.json()["position"]) == ("applied", None)


def test_a_session_of_a_forum_takes_sign_ups(client: Client) -> None:
    forum = make_event(
        kind=EventKind.UMBRELLA, registration=RegistrationMode.DROP_IN, capacity=None
    )
    session = make_event(kind=EventKind.SESSION, parent=forum, organization=forum.organization)
    answer = post(client, session.pk, signup_body(), "session")
    assert answer.status_code == 201, answer.content
    assert answer.json()["status"] == "attending"


def test_the_language_defaults_to_the_request(client: Client) -> None:
    event = make_event()
    body = signup_body()
    del body["language"]
    answer = post(client, event.pk, body, "en-default", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 201
    assert Signup.objects.get().language == "en"
    assert "/en/events/manage/" in answer.json()["manage_url"]


def test_a_retry_with_the_same_key_is_the_same_sign_up(client: Client) -> None:
    event = make_event()
    first = post(client, event.pk, signup_body(), "retry-me")
    reordered = dict(reversed(list(signup_body().items())))
    again = post(Client(), event.pk, reordered, "retry-me")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert Signup.objects.count() == 1
    event.refresh_from_db()
    assert event.seats_taken == 2


def test_the_same_key_with_another_body_is_a_422_in_the_requests_language(
    client: Client,
) -> None:
    event = make_event()
    first = post(client, event.pk, signup_body(), "k")
    other = signup_body(
        contact={"name": "Toinen Perhe", "email": "toinen@example.org", "phone": ""},
        language="sv",
    )
    refused = post(Client(), event.pk, other, "k")
    assert first.status_code == 201
    assert refused.status_code == 422
    assert refused["Content-Language"] == "sv"
    message = refused.json()["idempotency_key"][0]
    assert "Idempotency-Key" in message and "already used" not in message  # Swedish
    english = post(Client(), event.pk, {**other, "language": "en"}, "k")
    assert english.status_code == 422
    assert "already used for a different request" in english.json()["idempotency_key"][0]
    token = first.json()["manage_url"].rstrip("/").rsplit("/", 1)[-1]
    assert token not in refused.content.decode()
    assert Signup.objects.count() == 1


def test_keys_are_compared_whole_and_long_ones_refused(client: Client) -> None:
    event = make_event()
    prefix = "K" * 199
    one = post(client, event.pk, signup_body(), prefix + "a")
    two = post(client, event.pk, signup_body(), prefix + "b")
    assert (one.status_code, two.status_code) == (201, 201)
    assert one.json()["manage_url"] != two.json()["manage_url"]
    too_long = post(client, event.pk, signup_body(), "K" * 201)
    assert too_long.status_code == 400
    assert list(too_long.json()) == ["idempotency_key"]
    assert Signup.objects.count() == 2


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"contact": None}, "contact"),
        ({"contact": {"name": "Liisa", "email": "not-an-address"}}, "contact.email"),
        ({"contact": {"name": "x" * 201, "email": "a@example.org"}}, "contact.name"),
        ({"participants": None}, "participants"),
        ({"participants": []}, "participants"),
        ({"participants": {"name": "Eino"}}, "participants"),
        ({"participants": [{"name": "Aku"}, {"name": "Eino", "age": 30}]}, "participants[1].age"),
        (
            {"participants": [{"name": "Aku"}, {"name": "Eino", "age": "two"}]},
            "participants[1].age",
        ),
        ({"participants": [{"name": "x", "age": None}] * 51}, "participants"),
        ({"language": "de"}, "language"),
        ({"answers": ["a"]}, "answers"),
        ({"answers": {"1": None}}, "answers.1"),
        ({"answers": {str(n): "x" for n in range(60)}}, "answers"),
    ],
)
def test_bad_bodies_are_refused_by_field(
    client: Client, overrides: dict[str, Any], field: str
) -> None:
    event = make_event()
    body = {k: v for k, v in signup_body(**overrides).items() if v is not None}
    answer = post(client, event.pk, body, "bad")
    assert answer.status_code == 400, answer.content
    assert field in answer.json(), answer.json()
    assert Signup.objects.count() == 0


def test_the_events_rules_name_the_field_in_the_body(client: Client) -> None:
    event = make_event(min_age=0, max_age=6, max_group_size=3)
    question = Question.objects.create(
        event=event,
        text="Ruokavalio?",
        kind=QuestionKind.CHOICE,
        choices="Tavallinen\nKasvis",
        required=True,
    )
    answered = {str(question.pk): "Kasvis"}
    too_old = signup_body(
        participants=[{"name": "Aku"}, {"name": "Eino", "age": 2}, {"name": "Iida", "age": 9}],
        answers=answered,
        language="en",
    )
    answer = post(client, event.pk, too_old, "old")
    assert answer.status_code == 400
    assert list(answer.json()) == ["participants[2].age"]
    many = signup_body(participants=[{"name": f"P{n}"} for n in range(4)], answers=answered)
    assert list(post(client, event.pk, many, "many").json()) == ["participants"]
    unanswered = post(client, event.pk, signup_body(), "no-answer")
    assert list(unanswered.json()) == [f"answers.{question.pk}"]
    wrong = post(client, event.pk, signup_body(answers={str(question.pk): "Muu"}), "wrong")
    assert list(wrong.json()) == [f"answers.{question.pk}"]
    unreachable = signup_body(contact={"name": "Liisa", "email": "", "phone": ""}, answers=answered)
    refused = post(client, event.pk, unreachable, "unreachable")
    assert refused.status_code == 400
    assert set(refused.json()) <= {"contact.email", "contact.phone", "non_field_errors"}
    assert Signup.objects.count() == 0
    good = post(client, event.pk, signup_body(answers=answered), "good")
    assert good.status_code == 201


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_rules_speak_the_requests_language(client: Client, language: str) -> None:
    event = make_event(min_age=0, max_age=6)
    body = signup_body(participants=[{"name": "Iida", "age": 9}], language=language)
    answer = post(client, event.pk, body, f"old-{language}")
    assert answer.status_code == 400
    assert answer["Content-Language"] == language
    with translation.override(language):
        expected = gettext("This event is for children aged %(min)d to %(max)d.")
    assert answer.json() == {"participants[0].age": [expected % {"min": 0, "max": 6}]}
    # Without a language in the body, the request's.
    del body["language"]
    by_header = post(
        client, event.pk, body, f"old-header-{language}", HTTP_ACCEPT_LANGUAGE=language
    )
    assert by_header.json() == answer.json()
    assert by_header["Content-Language"] == language


def test_an_unknown_or_hidden_event_is_a_404(client: Client) -> None:
    draft = make_event(status=EventStatus.DRAFT)
    for event_id in (uuid.uuid4(), draft.pk, "not-a-uuid", "1"):
        answer = post(client, event_id, signup_body(language="en"), f"nf-{event_id}")
        assert answer.status_code == 404, (event_id, answer.content)
        assert answer.json() == {"detail": "No event that takes sign-ups has this id."}
    assert Signup.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"enrolment_closes": NOW - dt.timedelta(minutes=1)}, "closed"),
        ({"enrolment_opens": NOW + dt.timedelta(days=1)}, "closed"),
        ({"starts": NOW - dt.timedelta(minutes=30)}, "closed"),
        ({"status": EventStatus.CANCELLED}, "closed"),
        ({"capacity": 2, "seats_taken": 2, "waitlist_capacity": 0}, "full"),
        ({"capacity": 2, "seats_taken": 1, "waitlist_capacity": 1}, "full"),
    ],
)
def test_a_closed_or_full_event_is_a_409_with_a_message(
    client: Client, fields: dict[str, Any], code: str
) -> None:
    event = make_event(**fields)
    for lang in ("fi", "sv", "en"):
        answer = post(Client(), event.pk, signup_body(language=lang), f"late-{lang}")
        assert answer.status_code == 409, answer.content
        assert answer["Content-Language"] == lang
        with translation.override(lang):
            message = closed_reason(event, NOW) if code == "closed" else SignupRefused(code).message
        assert answer.json() == {"detail": message, "code": code}
    assert Signup.objects.count() == 0


@override_settings(EVENTS_SIGNUP_RATE_LIMIT="1/h")
def test_too_many_sign_ups_are_a_429_but_a_retry_is_answered() -> None:
    event = make_event()
    client = Client(REMOTE_ADDR="10.9.9.9")
    first = post(client, event.pk, signup_body(), "first")
    assert first.status_code == 201
    refused = post(client, event.pk, signup_body(language="en"), "second")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 3600
    assert refused.json() == {"detail": "Too many requests. Try again later."}
    assert post(client, event.pk, signup_body(), "first").json() == first.json()
    assert Signup.objects.count() == 1


def test_no_sign_up_input_gives_a_500(client: Client) -> None:
    event = make_event()
    bodies: list[Any] = [
        "{not json",
        "[]",
        "null",
        '"contact"',
        "1e999",
        json.dumps(signup_body(contact="Liisa")),
        json.dumps(signup_body(contact={"name": ["Liisa"], "email": 1})),
        json.dumps(signup_body(participants=["Eino"])),
        json.dumps(signup_body(participants=[None])),
        json.dumps(signup_body(participants=[{"name": "Eino", "age": -1}])),
        json.dumps(signup_body(participants=[{"name": "Eino", "age": 2**70}])),
        json.dumps(signup_body(participants=[{"name": "\x00", "age": 1}])),
        json.dumps(signup_body(answers={"x" * 500: "y" * 3000})),
        json.dumps(signup_body(answers={"999999": "x"})),
        json.dumps(signup_body(language=None)),
        *[json.dumps(signup_body(language=value)) for value in GARBAGE],
        *[
            json.dumps(signup_body(participants=[{"name": "Eino", "age": value}]))
            for value in GARBAGE
        ],
    ]
    for number, body in enumerate(bodies):
        answer = post(client, event.pk, body, f"garbage-{number}")
        assert answer.status_code in (400, 201), (body[:80], answer.status_code, answer.content)
        assert answer["Content-Type"] == "application/json"
    huge = post(client, event.pk, json.dumps(signup_body(answers={"1": "x" * 40_000})), "huge")
    assert huge.status_code == 413
    form = client.post(f"{API}/events/{event.pk}/signups", {"language": "fi"})
    assert form.status_code == 415


def test_only_post_signs_up(client: Client) -> None:
    event = make_event()
    assert client.get(f"{API}/events/{event.pk}/signups").status_code == 405
    assert client.post(f"{API}/events", {}).status_code == 405


# --- the OpenAPI document -----------------------------------------------------------------------


def test_the_openapi_document_describes_the_events_api() -> None:
    document = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(document)
    paths = document["paths"]
    listing_operation = paths["/api/v1/events"]["get"]
    assert listing_operation["operationId"] == "listEvents"
    names = {p["name"]: p for p in listing_operation["parameters"] if p["in"] == "query"}
    assert {
        "municipality",
        "start",
        "end",
        "age",
        "task",
        "language",
        "free",
        "has_seats",
        "organization_id",
        "location_id",
        "service_id",
        "page",
        "per_page",
        "lang",
    } == set(names)
    assert all(parameter.get("description") for parameter in names.values())
    assert names["task"]["schema"]["enum"] == list(range(1, 9))
    assert {"200", "400"} <= set(listing_operation["responses"])
    registration = document["components"]["schemas"]["HsdsEventRegistration"]["properties"]
    assert {"open", "capacity", "seats_left", "waitlist_length"} <= set(registration)
    assert "persons" in listing_operation["description"]
    create = paths["/api/v1/events/{id}/signups"]["post"]
    assert create["operationId"] == "createEventSignup"
    assert {"201", "400", "404", "409", "413", "422", "429"} <= set(create["responses"])
    key = next(p for p in create["parameters"] if p["name"] == "Idempotency-Key")
    assert key["in"] == "header" and "422" in key["description"]
    assert "Retry-After" in create["responses"]["429"]["headers"]
    schemas = document["components"]["schemas"]
    request = create["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    fields = schemas[request.rsplit("/", 1)[-1]]["properties"]
    assert {"contact", "participants", "language", "answers"} <= set(fields)


def test_answers_use_only_declared_keys(client: Client) -> None:
    document = SchemaGenerator().get_schema(request=None, public=True)

    def declared(data: Any, path: str, method: str, code: str) -> None:
        schema = response_schema(document, path, method, code)
        assert undeclared(data, schema, document, path) == []

    forum = make_event(kind=EventKind.UMBRELLA, registration=RegistrationMode.DROP_IN)
    make_event(kind=EventKind.SESSION, parent=forum, organization=forum.organization)
    event = make_event(is_online=True, location=None)
    Question.objects.create(event=event, text="Allergiat?")
    declared(listing(client).json(), "/api/v1/events", "get", "200")
    created = post(client, event.pk, signup_body(answers={}), "declared")
    assert created.status_code == 201, created.content
    declared(created.json(), "/api/v1/events/{id}/signups", "post", "201")


def test_the_document_builds_without_warnings() -> None:
    """Two serializers of one name in different apps (a `Contact`) make one component of two
    shapes: drf-spectacular only warns, and the document is wrong."""
    GENERATOR_STATS.reset()
    SchemaGenerator().get_schema(request=None, public=True)
    assert not GENERATOR_STATS, dict(GENERATOR_STATS._warn_cache)


def test_the_served_document_lists_the_event_paths(client: Client) -> None:
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    assert {"/api/v1/events", "/api/v1/events/{id}/signups"} <= set(paths)
