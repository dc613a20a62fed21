"""The appointments' API: the bookable types, free slots with their Finnish offsets, booking with
an Idempotency-Key, field-level 400s, 404, 409, 422 and 429 in the request's language, nothing
personal in an answer, no 500 for any input, and all of it in the OpenAPI document."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import timezone, translation
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from perhekeskus.accounts.models import User
from perhekeskus.appointments import slotids
from perhekeskus.appointments.models import AppointmentType, Booking, QuestionKind, WhoMayBook
from perhekeskus.appointments.tests.factories import (
    AppointmentTypeFactory,
    PreQuestionFactory,
    book,
    receiving_professional,
)
from perhekeskus.core.links import site_url
from perhekeskus.testing.factories import LocationFactory, ServiceFactory
from perhekeskus.testing.garbage import GARBAGE
from perhekeskus.testing.openapi import response_schema, undeclared

pytestmark = pytest.mark.django_db

API = "/api/v1"
# Monday 22 March 2027, 8.00 in Finland (+02:00); the clocks go forward on Sunday 28 March.
NOW = dt.datetime(2027, 3, 22, 6, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


@pytest.fixture
def professional() -> User:
    return receiving_professional(
        full_name="Maija Virtanen", title="Lastenvalvoja", email="maija.virtanen@example.org"
    )


@pytest.fixture
def appointment_type(professional: User) -> AppointmentType:
    return AppointmentTypeFactory.create(
        name="Lastenvalvojan etätapaaminen",
        name_sv="Distansmöte med barnatillsyningsmannen",
        name_en="Remote meeting with the child custody officer",
        description="Sopimukset huollosta, asumisesta ja tapaamisista.",
        professionals=[professional],
        min_notice_minutes=60,
    )


def get(client: Client, path: str, **params: Any) -> Any:
    return client.get(f"{API}/{path}", params)


def slots(client: Client, appointment_type: AppointmentType, **params: Any) -> Any:
    query = {"type": str(appointment_type.pk), "from": "2027-03-23", "to": "2027-03-23"}
    query.update(params)
    return get(client, "slots", **query)


def slot_at(appointment_type: AppointmentType, professional: User, starts: dt.datetime) -> str:
    return slotids.encode(appointment_type.pk, professional.pk, starts)


# Tuesday 23 March 2027 at 8.45 in Finland, the second slot of the day.
TUESDAY = dt.datetime(2027, 3, 23, 6, 45, tzinfo=dt.UTC)


def booking_body(slot: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "slot": slot,
        "channel": "video",
        "name": "Liisa Perhe",
        "email": "liisa.perhe@example.org",
        "phone": "+358 40 765 4321",
        "language": "fi",
        "answers": {},
    }
    body.update(overrides)
    return body


def post(client: Client, body: Any, key: str | None = None, **extra: Any) -> Any:
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(
        f"{API}/bookings", data=data, content_type="application/json", **headers, **extra
    )


# --- GET /appointment-types ---------------------------------------------------------------------


def test_types_are_a_page_of_the_bookable_public_types(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    PreQuestionFactory.create(
        appointment_type=appointment_type,
        text="Mistä haluatte puhua?",
        text_sv="Vad vill ni tala om?",
        text_en="What would you like to talk about?",
        required=True,
    )
    AppointmentTypeFactory.create(professionals=[professional], who_may_book=WhoMayBook.LINK)
    AppointmentTypeFactory.create(professionals=[professional], is_active=False)
    draft = ServiceFactory.create(publication_state="draft")
    AppointmentTypeFactory.create(professionals=[professional], service=draft)

    body = get(client, "appointment-types").json()
    assert body["total_items"] == 1
    assert (body["total_pages"], body["page_number"], body["size"]) == (1, 1, 1)
    assert body["first_page"] and body["last_page"] and not body["empty"]
    (item,) = body["contents"]
    question = appointment_type.questions.get()
    assert item == {
        "id": str(appointment_type.pk),
        "name": "Lastenvalvojan etätapaaminen",
        "description": "Sopimukset huollosta, asumisesta ja tapaamisista.",
        "service_id": str(appointment_type.service_id),
        "channels": ["phone", "video"],
        "duration_minutes": 45,
        "questions": [
            {
                "id": question.pk,
                "text": "Mistä haluatte puhua?",
                "kind": "text",
                "choices": [],
                "required": True,
            }
        ],
        "places": [],
    }
    assert "who_may_book" not in item and "link_token" not in item


def test_types_speak_the_language_asked_for(
    client: Client, appointment_type: AppointmentType
) -> None:
    swedish = get(client, "appointment-types", lang="sv")
    assert swedish["Content-Language"] == "sv"
    assert swedish.json()["contents"][0]["name"] == "Distansmöte med barnatillsyningsmannen"
    english = client.get(f"{API}/appointment-types", HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["contents"][0]["name"] == "Remote meeting with the child custody officer"
    # `lang` wins over Accept-Language; the trailing slash answers the same.
    finnish = client.get(f"{API}/appointment-types/", {"lang": "fi"}, HTTP_ACCEPT_LANGUAGE="en")
    assert finnish.json()["contents"][0]["name"] == "Lastenvalvojan etätapaaminen"


def test_types_filter_by_service_and_page(client: Client, professional: User) -> None:
    service = ServiceFactory.create()
    mine = [
        AppointmentTypeFactory.create(service=service, professionals=[professional], name=name)
        for name in ("A", "B", "C")
    ]
    AppointmentTypeFactory.create(professionals=[professional])
    body = get(client, "appointment-types", service_id=str(service.pk), per_page=2, page=2).json()
    assert body["total_items"] == 3 and body["total_pages"] == 2 and body["size"] == 1
    assert [item["id"] for item in body["contents"]] == [str(mine[2].pk)]
    past_the_end = get(client, "appointment-types", per_page=2, page=9).json()
    assert past_the_end["empty"] is True and past_the_end["contents"] == []


def test_types_refuse_bad_parameters_by_field(client: Client) -> None:
    bad = get(client, "appointment-types", service_id="not-a-uuid", lang="en")
    assert bad.status_code == 400
    assert bad.json() == {"service_id": ["Enter a valid UUID."]}
    unknown = get(client, "appointment-types", service="x", lang="en")
    assert unknown.status_code == 400
    assert "service" in unknown.json()


# --- GET /slots ---------------------------------------------------------------------------------


def test_slots_carry_their_finnish_offset_and_the_professional(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    body = slots(client, appointment_type).json()
    # Tuesday 8–16 in 45-minute slots: 8.00, 8.45, ... the last at 14.45.
    assert body["total_items"] == 10
    first = body["contents"][0]
    assert first == {
        "id": slot_at(
            appointment_type, professional, dt.datetime(2027, 3, 23, 6, 0, tzinfo=dt.UTC)
        ),
        "start": "2027-03-23T08:00:00+02:00",
        "end": "2027-03-23T08:45:00+02:00",
        "professional": {"id": professional.pk, "name": "Maija Virtanen", "title": "Lastenvalvoja"},
        "channels": ["phone", "video"],
    }
    assert "maija.virtanen@example.org" not in json.dumps(body)


def test_slots_across_the_spring_change_keep_the_wall_clock(
    client: Client, appointment_type: AppointmentType, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The clocks go forward on Sunday 29 March 2026 (Easter 2027 falls on the change itself).
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 3, 23, 6, 0, tzinfo=dt.UTC))
    week = {"from": "2026-03-27", "to": "2026-03-30", "per_page": 100}
    starts = [slot["start"] for slot in slots(client, appointment_type, **week).json()["contents"]]
    assert len(starts) == 20
    assert starts[0] == "2026-03-27T08:00:00+02:00"  # Friday, winter time
    assert starts[9] == "2026-03-27T14:45:00+02:00"
    assert starts[10] == "2026-03-30T08:00:00+03:00"  # Monday, summer time, still 8.00
    assert starts[-1] == "2026-03-30T14:45:00+03:00"


def test_slots_across_the_autumn_change_keep_the_wall_clock(
    client: Client, appointment_type: AppointmentType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2027, 10, 25, 6, 0, tzinfo=dt.UTC))
    friday = slots(client, appointment_type, **{"from": "2027-10-29", "to": "2027-10-29"}).json()
    monday = slots(client, appointment_type, **{"from": "2027-11-01", "to": "2027-11-01"}).json()
    assert friday["contents"][0]["start"] == "2027-10-29T08:00:00+03:00"
    assert monday["contents"][0]["start"] == "2027-11-01T08:00:00+02:00"
    assert monday["contents"][0]["end"] == "2027-11-01T08:45:00+02:00"


def test_slots_filter_by_professional_and_leave_out_booked_ones(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    other = receiving_professional(full_name="Pekka Korhonen", title="Sosiaalityöntekijä")
    appointment_type.professionals.add(other)
    both = slots(client, appointment_type, per_page=100).json()
    assert both["total_items"] == 20
    only = slots(client, appointment_type, professional=str(other.pk), per_page=100).json()
    assert only["total_items"] == 10
    assert {slot["professional"]["name"] for slot in only["contents"]} == {"Pekka Korhonen"}
    book(
        appointment_type=appointment_type,
        professional=other,
        starts=TUESDAY - dt.timedelta(minutes=45),
    )
    after = slots(client, appointment_type, professional=str(other.pk), per_page=100).json()
    assert after["total_items"] == 9
    assert after["contents"][0]["start"] == "2027-03-23T08:45:00+02:00"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"type": None}, "type"),
        ({"type": "not-a-uuid"}, "type"),
        ({"from": None}, "from"),
        ({"from": "23.3.2027"}, "from"),
        ({"to": "2027-02-30"}, "to"),
        ({"from": "2027-03-23", "to": "2027-03-22"}, "to"),
        ({"from": "2027-03-01", "to": "2027-05-02"}, "to"),  # 63 days
        ({"professional": "Maija"}, "professional"),
        ({"professional": "0"}, "professional"),
        ({"per_page": "1000"}, "per_page"),
        ({"around": "x"}, "around"),
    ],
)
def test_slots_refuse_bad_parameters_by_field(
    client: Client, appointment_type: AppointmentType, params: dict[str, Any], field: str
) -> None:
    query = {"type": str(appointment_type.pk), "from": "2027-03-23", "to": "2027-03-23"}
    query.update(params)
    answer = get(client, "slots", **{k: v for k, v in query.items() if v is not None})
    assert answer.status_code == 400
    assert list(answer.json()) == [field]
    assert all(isinstance(message, str) for message in answer.json()[field])


def test_slots_allow_sixty_two_days(client: Client, appointment_type: AppointmentType) -> None:
    answer = slots(client, appointment_type, **{"from": "2027-03-01", "to": "2027-05-01"})
    assert answer.status_code == 200


def test_slot_messages_speak_the_language_of_the_request(
    client: Client, appointment_type: AppointmentType
) -> None:
    backwards = {"from": "2027-03-23", "to": "2027-03-01"}
    texts = {
        lang: slots(client, appointment_type, lang=lang, **backwards).json()["to"][0]
        for lang in ("fi", "sv", "en")
    }
    assert texts["en"] == "The last day cannot be before the first day."
    assert len(set(texts.values())) == 3
    by_header = client.get(
        f"{API}/slots",
        {"type": str(appointment_type.pk), **backwards},
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert by_header.json()["to"] == [texts["sv"]]


def test_an_unknown_or_link_only_type_is_not_found(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    link_only = AppointmentTypeFactory.create(
        professionals=[professional], who_may_book=WhoMayBook.LINK, link_token="secret-link"
    )
    for type_id in (uuid.uuid4(), link_only.pk):
        answer = get(
            client,
            "slots",
            type=str(type_id),
            lang="en",
            **{"from": "2027-03-23", "to": "2027-03-23"},
        )
        assert answer.status_code == 404
        assert answer.json() == {"detail": "No appointment type that can be booked has this id."}


def test_no_slot_query_gives_a_500(client: Client, appointment_type: AppointmentType) -> None:
    for name in ("type", "from", "to", "professional", "page", "per_page", "lang"):
        for value in GARBAGE:
            answer = slots(client, appointment_type, **{name: value})
            # A well-formed id of no type (`{uuid}` is one) is not found.
            assert answer.status_code in (200, 400, 404), (name, value, answer.status_code)


# --- POST /bookings -----------------------------------------------------------------------------


def test_booking_answers_its_id_and_links_and_nothing_personal(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    slot = slot_at(appointment_type, professional, TUESDAY)
    answer = post(client, booking_body(slot, language="sv"), "booking-1")
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert set(body) == {"id", "manage_url", "calendar_url"}
    booking = Booking.objects.get()
    assert body["id"] == str(booking.pk)
    assert body["manage_url"].startswith(f"{site_url()}/sv/")
    assert body["calendar_url"].startswith(f"{site_url()}/sv/")
    assert body["calendar_url"].endswith(".ics")
    assert (booking.starts, booking.professional_id, booking.language) == (
        TUESDAY,
        professional.pk,
        "sv",
    )
    text = answer.content.decode()
    for personal in ("Liisa", "liisa.perhe@example.org", "765", "Maija"):
        assert personal not in text
    # The slot is no longer offered.
    starts = [s["start"] for s in slots(client, appointment_type).json()["contents"]]
    assert "2027-03-23T08:45:00+02:00" not in starts


def test_booking_language_defaults_to_the_request(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    body = booking_body(slot_at(appointment_type, professional, TUESDAY))
    del body["language"]
    answer = post(client, body, "en-default", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 201
    assert Booking.objects.get().language == "en"
    assert "/en/" in answer.json()["manage_url"]


def test_a_retry_with_the_same_key_is_the_same_booking(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    body = booking_body(slot_at(appointment_type, professional, TUESDAY))
    first = post(client, body, "retry-me")
    reordered = dict(reversed(list(body.items())))
    again = post(Client(), reordered, "retry-me")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert Booking.objects.count() == 1


def test_the_same_key_with_another_body_is_a_422_in_the_requests_language(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    first = post(client, booking_body(slot_at(appointment_type, professional, TUESDAY)), "k")
    later = TUESDAY + dt.timedelta(minutes=45)
    # Another family reusing the client's key by mistake.
    other = booking_body(
        slot_at(appointment_type, professional, later),
        name="Toinen Perhe",
        email="toinen@example.org",
        phone="",
        language="sv",
    )
    refused = post(Client(), other, "k")
    assert first.status_code == 201
    assert refused.status_code == 422
    assert refused["Content-Language"] == "sv"
    message = refused.json()["idempotency_key"][0]
    assert "Idempotency-Key" in message and "already used" not in message  # Swedish
    english = post(Client(), {**other, "language": "en"}, "k")
    assert english.status_code == 422
    assert "already used for a different request" in english.json()["idempotency_key"][0]
    assert first.json()["id"] not in refused.content.decode()
    assert Booking.objects.count() == 1


def test_a_reused_key_without_the_familys_contacts_never_answers_their_booking(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    """Someone who learnt a client's key must not get the family's manage link by sending a
    phone number that is not one (no person to compare) or no contact at all."""
    first = post(client, booking_body(slot_at(appointment_type, professional, TUESDAY)), "k")
    later = slot_at(appointment_type, professional, TUESDAY + dt.timedelta(minutes=45))
    token = first.json()["manage_url"].rstrip("/").rsplit("/", 1)[-1]
    for contacts in ({"email": "", "phone": "not a number"}, {"email": "", "phone": ""}):
        probe = post(Client(), booking_body(later, name="Joku Muu", **contacts), "k")
        assert probe.status_code == 422, contacts
        assert token not in probe.content.decode()
        assert first.json()["id"] not in probe.content.decode()
    assert Booking.objects.count() == 1


def test_keys_are_compared_whole_and_long_ones_refused(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    prefix = "K" * 199
    one = post(client, booking_body(slot_at(appointment_type, professional, TUESDAY)), prefix + "a")
    later = TUESDAY + dt.timedelta(minutes=45)
    two = post(client, booking_body(slot_at(appointment_type, professional, later)), prefix + "b")
    assert (one.status_code, two.status_code) == (201, 201)
    assert one.json()["id"] != two.json()["id"]
    too_long = post(client, booking_body(slot_at(appointment_type, professional, later)), "K" * 201)
    assert too_long.status_code == 400
    assert list(too_long.json()) == ["idempotency_key"]


@pytest.mark.parametrize(
    ("language", "words"),
    [("fi", "varannut"), ("sv", "bokat"), ("en", "just booked")],
)
def test_a_slot_taken_is_a_409_in_the_requests_language(
    client: Client,
    appointment_type: AppointmentType,
    professional: User,
    language: str,
    words: str,
) -> None:
    book(appointment_type=appointment_type, professional=professional, starts=TUESDAY)
    slot = slot_at(appointment_type, professional, TUESDAY)
    answer = post(client, booking_body(slot, language=language), f"late-{language}")
    assert answer.status_code == 409
    assert answer["Content-Language"] == language
    assert set(answer.json()) == {"detail"}
    assert words in answer.json()["detail"]
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"slot": None}, "slot"),
        ({"slot": "not-a-slot"}, "slot"),
        ({"channel": None}, "channel"),
        ({"channel": "chat"}, "channel"),
        ({"channel": "visit"}, "channel"),  # not offered by this type
        ({"name": ""}, "name"),
        ({"email": "not-an-address"}, "email"),
        ({"language": "de"}, "language"),
        ({"answers": ["a"]}, "answers"),
        ({"answers": {str(n): "x" for n in range(60)}}, "answers"),
        ({"location": "here"}, "location"),
        ({"name": "x" * 201}, "name"),
        ({"phone": {"number": "1"}}, "phone"),
    ],
)
def test_bad_bookings_are_refused_by_field(
    client: Client,
    appointment_type: AppointmentType,
    professional: User,
    overrides: dict[str, Any],
    field: str,
) -> None:
    body = booking_body(slot_at(appointment_type, professional, TUESDAY))
    body.update(overrides)
    answer = post(client, {k: v for k, v in body.items() if v is not None}, "bad")
    assert answer.status_code == 400, answer.content
    assert field in answer.json()
    assert Booking.objects.count() == 0


def test_a_booking_needs_a_way_to_reach_the_family(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    body = booking_body(slot_at(appointment_type, professional, TUESDAY), email="", phone="")
    answer = post(client, body, "unreachable")
    assert answer.status_code == 400
    assert Booking.objects.count() == 0


def test_a_required_answer_is_asked_for(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    question = PreQuestionFactory.create(
        appointment_type=appointment_type,
        kind=QuestionKind.CHOICE,
        choices="Huolto\nTapaamiset",
        required=True,
    )
    slot = slot_at(appointment_type, professional, TUESDAY)
    missing = post(client, booking_body(slot, language="en"), "no-answer")
    assert missing.status_code == 400
    assert list(missing.json()) == [f"q_{question.pk}"]
    wrong = post(client, booking_body(slot, answers={str(question.pk): "Muu"}), "wrong-answer")
    assert list(wrong.json()) == [f"q_{question.pk}"]
    answered = post(client, booking_body(slot, answers={str(question.pk): "Huolto"}), "answer")
    assert answered.status_code == 201


def test_a_slot_outside_the_window_is_a_400(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    too_soon = slot_at(appointment_type, professional, NOW + dt.timedelta(minutes=30))
    far = slot_at(appointment_type, professional, dt.datetime(2028, 3, 21, 7, 0, tzinfo=dt.UTC))
    for slot in (too_soon, far):
        answer = post(client, booking_body(slot), slot)
        assert answer.status_code in (400, 409), answer.content
        assert "slot" in answer.json() or "detail" in answer.json()
    assert Booking.objects.count() == 0


@override_settings(APPOINTMENTS_BOOKING_RATE_LIMIT="1/h")
def test_too_many_bookings_are_a_429_but_a_retry_is_answered(
    appointment_type: AppointmentType, professional: User
) -> None:
    client = Client(REMOTE_ADDR="10.9.9.9")
    body = booking_body(slot_at(appointment_type, professional, TUESDAY))
    first = post(client, body, "first")
    assert first.status_code == 201
    later = TUESDAY + dt.timedelta(minutes=45)
    refused = post(client, booking_body(slot_at(appointment_type, professional, later)), "second")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 3600
    assert set(refused.json()) == {"detail"}
    assert post(client, body, "first").json() == first.json()
    assert Booking.objects.count() == 1


def test_no_booking_input_gives_a_500(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    slot = slot_at(appointment_type, professional, TUESDAY)
    bodies: list[Any] = [
        "{not json",
        "[]",
        "null",
        '"slot"',
        "1e999",
        json.dumps(booking_body(slot, name="x" * 5000)),
        json.dumps(booking_body(slot, answers={"x" * 500: "y" * 3000})),
        json.dumps(booking_body(slot, answers={"1": None})),
        json.dumps(booking_body(slot, channel=["video"])),
        json.dumps({**booking_body(slot), "slot": 12345}),
        json.dumps({**booking_body(slot), "slot": "A" * 44}),
        json.dumps({**booking_body(slot), "slot": slot[:-1] + ("B" if slot[-1] == "A" else "A")}),
        json.dumps(booking_body(slot, name="\x00")),
        json.dumps(booking_body(slot, language=None)),
        json.dumps(booking_body(slot, channel="visit", location=str(uuid.uuid4()))),
        *[json.dumps({**booking_body(slot), "slot": value}) for value in GARBAGE],
    ]
    for number, body in enumerate(bodies):
        answer = post(client, body, f"garbage-{number}")
        assert answer.status_code == 400, (body[:80], answer.status_code, answer.content[:200])
        assert answer["Content-Type"] == "application/json"
    huge = post(client, json.dumps(booking_body(slot, name="x" * 40_000)), "huge")
    assert huge.status_code == 413
    form = client.post(f"{API}/bookings", {"slot": slot})
    assert form.status_code == 415
    assert Booking.objects.count() == 0


def test_a_content_length_that_is_not_a_number_is_no_500(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    body = json.dumps(booking_body(slot_at(appointment_type, professional, TUESDAY)))
    answer = post(client, body, "odd-length", CONTENT_LENGTH="12abc")
    assert answer.status_code in (400, 201)


def test_only_post_books(client: Client) -> None:
    assert client.get(f"{API}/bookings").status_code == 405


# --- the OpenAPI document -----------------------------------------------------------------------


def test_the_openapi_document_describes_the_appointments_api() -> None:
    document = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(document)
    paths = document["paths"]
    types = paths["/api/v1/appointment-types"]["get"]
    assert types["operationId"] == "listAppointmentTypes"
    assert {"200", "400"} <= set(types["responses"])
    listing = paths["/api/v1/slots"]["get"]
    names = {p["name"]: p for p in listing["parameters"] if p["in"] == "query"}
    assert {"type", "from", "to", "professional", "page", "per_page", "lang"} <= set(names)
    assert names["type"]["required"] and names["from"]["required"] and names["to"]["required"]
    assert {"200", "400", "404"} <= set(listing["responses"])
    create = paths["/api/v1/bookings"]["post"]
    assert {"201", "400", "409", "413", "422", "429"} <= set(create["responses"])
    key = next(p for p in create["parameters"] if p["name"] == "Idempotency-Key")
    assert key["in"] == "header" and "422" in key["description"]
    assert "Retry-After" in create["responses"]["429"]["headers"]
    body = create["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/")[-1]
    fields = set(document["components"]["schemas"][body]["properties"])
    assert fields >= {"slot", "channel", "name", "email", "phone", "language", "answers"}
    # Documented once, without the trailing slash.
    assert "/api/v1/slots/" not in paths


def test_answers_use_only_declared_keys(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    document = SchemaGenerator().get_schema(request=None, public=True)

    def declared(data: Any, path: str, method: str, code: str) -> None:
        schema = response_schema(document, path, method, code)
        assert undeclared(data, schema, document, path) == []

    declared(get(client, "appointment-types").json(), "/api/v1/appointment-types", "get", "200")
    declared(slots(client, appointment_type).json(), "/api/v1/slots", "get", "200")
    created = post(client, booking_body(slot_at(appointment_type, professional, TUESDAY)), "d")
    declared(created.json(), "/api/v1/bookings", "post", "201")


def test_the_served_document_lists_the_appointment_paths(client: Client) -> None:
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    assert {"/api/v1/appointment-types", "/api/v1/slots", "/api/v1/bookings"} <= set(paths)


# --- more of POST /bookings ---------------------------------------------------------------------


def test_the_answer_is_never_cached(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    answer = post(client, booking_body(slot_at(appointment_type, professional, TUESDAY)), "c")
    assert answer.status_code == 201
    assert "no-store" in answer["Cache-Control"]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_bookings_rules_speak_the_requests_language(
    client: Client, appointment_type: AppointmentType, professional: User, language: str
) -> None:
    body = booking_body(slot_at(appointment_type, professional, TUESDAY), language=language)
    answer = post(client, {**body, "name": "  "}, f"nameless-{language}")
    assert answer.status_code == 400
    assert answer["Content-Language"] == language
    with translation.override(language):
        expected = translation.gettext("Please give your name.")
    assert answer.json() == {"name": [expected]}
    if language != "en":
        assert expected != "Please give your name."


def test_the_per_person_limit_is_a_rule_of_the_whole_booking(
    client: Client, appointment_type: AppointmentType, professional: User
) -> None:
    appointment_type.limit_per_person = 1
    appointment_type.save()
    first = post(client, booking_body(slot_at(appointment_type, professional, TUESDAY)), "one")
    assert first.status_code == 201
    later = TUESDAY + dt.timedelta(minutes=45)
    second = post(
        client, booking_body(slot_at(appointment_type, professional, later), language="en"), "two"
    )
    assert second.status_code == 400
    assert list(second.json()) == ["non_field_errors"]
    assert "at most 1 booking" in second.json()["non_field_errors"][0]
    assert Booking.objects.count() == 1


def test_a_visit_names_one_of_the_types_places(client: Client, professional: User) -> None:
    clinic, library = (
        LocationFactory.create(name="Perhekeskus"),
        LocationFactory.create(name="Kirjasto"),
    )
    visit = AppointmentTypeFactory.create(
        professionals=[professional], offers_visit=True, locations=[clinic, library]
    )
    listed = get(client, "appointment-types").json()["contents"][0]
    assert listed["channels"] == ["visit", "phone", "video"]
    assert sorted(place["name"] for place in listed["places"]) == ["Kirjasto", "Perhekeskus"]
    slot = slot_at(visit, professional, TUESDAY)
    unnamed = post(client, booking_body(slot, channel="visit"), "no-place")
    assert unnamed.status_code == 400 and list(unnamed.json()) == ["location"]
    elsewhere = post(client, booking_body(slot, channel="visit", location=str(uuid.uuid4())), "x")
    assert elsewhere.status_code == 400 and list(elsewhere.json()) == ["location"]
    booked = post(client, booking_body(slot, channel="visit", location=str(library.pk)), "place")
    assert booked.status_code == 201
    assert Booking.objects.get().location_id == library.pk
