"""The families' event pages over HTTP: the list and its filters without JavaScript, an event's
page, signing up (errors kept, a double submit once, the waiting list, a full event, a closed
one), the confirmation that shows the manage link once, peer group applications and forum
topics, in fi, sv and en."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from perhekeskus.catalog.models import LocationType, ServiceAtLocation
from perhekeskus.events.models import (
    Event,
    EventKind,
    EventStatus,
    ForumTopic,
    Participant,
    Question,
    QuestionKind,
    RegistrationMode,
    Signup,
    SignupStatus,
)
from perhekeskus.events.selectors_public import EventFilters, event_list_public
from perhekeskus.events.tests.helpers import NOW, START, make_event
from perhekeskus.testing.factories import (
    LocationFactory,
    MunicipalityFactory,
    ServiceFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

LANGS = ["fi", "sv", "en"]


def url(lang: str, name: str, **kwargs: Any) -> str:
    with translation.override(lang):
        return reverse(f"events:{name}", kwargs=kwargs)


def signup_data(page: Any, **changes: str) -> dict[str, str]:
    """The sign-up form as a family fills it: the token from the page, one adult and a child."""
    token = re.search(r'name="form_token" value="([^"]+)"', page.content.decode())
    assert token is not None
    data = {
        "form_token": token.group(1),
        "name": "Maija Meikäläinen",
        "email": "maija@example.org",
        "phone": "",
        "participants-0-name": "Maija",
        "participants-0-age": "",
        "participants-1-name": "Eino",
        "participants-1-age": "2",
    }
    data.update(changes)
    return data


# --- The list -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_list_shows_coming_public_events_in_the_pages_language(
    resident: Client, lang: str
) -> None:
    event = make_event(title="Vauvamuskari", title_sv="Babymusik", title_en="Baby music")
    make_event(title="Luonnos", status=EventStatus.DRAFT)
    make_event(title="Mennyt", starts=NOW - dt.timedelta(hours=3))
    response = resident.get(url(lang, "list"))
    assert response.status_code == 200
    text = response.content.decode()
    assert {"fi": "Vauvamuskari", "sv": "Babymusik", "en": "Baby music"}[lang] in text
    assert url(lang, "detail", event_id=event.pk) in text
    assert "Luonnos" not in text and "Mennyt" not in text
    # Finnish date style in every language: Tuesday 2.3.2027 10.00–12.00.
    assert "2.3.2027" in text and "10.00" in text and "12.00" in text
    assert "10 seats left" in text or lang != "en"


def test_the_list_shows_the_listed_kinds_only(resident: Client) -> None:
    series = make_event(title="Sarja", kind=EventKind.SERIES)
    make_event(title="Sarjan kerta", kind=EventKind.OCCURRENCE, parent=series)
    group = make_event(
        title="Vertaisryhmä",
        kind=EventKind.SERIES,
        is_peer_group=True,
        registration=RegistrationMode.APPLICATION,
    )
    make_event(title="Ryhmän tapaaminen", kind=EventKind.OCCURRENCE, parent=group)
    forum = make_event(title="Foorumi", kind=EventKind.UMBRELLA, is_forum=True)
    make_event(title="Foorumin sessio", kind=EventKind.SESSION, parent=forum)
    titles = [e.title for e in event_list_public(filters=EventFilters(), now=NOW)]
    assert sorted(titles) == ["Foorumi", "Sarjan kerta", "Vertaisryhmä"]
    text = resident.get(url("fi", "list")).content.decode()
    assert "Foorumin sessio" not in text and "Ryhmän tapaaminen" not in text


def test_a_cancelled_event_is_listed_as_cancelled(resident: Client) -> None:
    make_event(title_en="Family morning", status=EventStatus.CANCELLED)
    text = resident.get(url("en", "list")).content.decode()
    assert "Family morning" in text and '"seat-state seat-cancelled">Cancelled<' in text


def titles_for(client: Client, query: str) -> list[str]:
    response = client.get(url("fi", "list") + query)
    assert response.status_code == 200
    return [event.title for item in response.context["items"] for event in [item["event"]]]


def test_filters_work_as_get_parameters(resident: Client) -> None:
    porvoo = MunicipalityFactory.create(code="638", name="Porvoo")
    askola = MunicipalityFactory.create(code="018", name="Askola")
    make_event(
        title="Porvoo vauvat",
        location=LocationFactory.create(municipality=porvoo),
        min_age=0,
        max_age=1,
        languages=",fi,sv,",
        tasks=",8,",
    )
    make_event(
        title="Askola koululaiset",
        location=LocationFactory.create(municipality=askola),
        min_age=7,
        max_age=12,
        is_free=False,
        price_info="5 €",
        starts=START + dt.timedelta(days=9),
    )
    make_event(
        title="Verkossa",
        location=None,
        is_online=True,
        municipality=askola,
        registration=RegistrationMode.DROP_IN,
        capacity=None,
        starts=NOW + dt.timedelta(hours=2),
    )
    make_event(title="Täynnä", capacity=2, seats_taken=2, location=None, municipality=porvoo)
    assert titles_for(resident, "?municipality=638") == ["Porvoo vauvat", "Täynnä"]
    assert titles_for(resident, "?municipality=018") == ["Verkossa", "Askola koululaiset"]
    assert titles_for(resident, "?when=today") == ["Verkossa"]
    assert titles_for(resident, "?when=week") == ["Verkossa", "Porvoo vauvat", "Täynnä"]
    assert titles_for(resident, "?when=range&day_from=2027-03-10&day_to=2027-03-12") == [
        "Askola koululaiset"
    ]
    # Dates in the wrong order are turned around.
    assert titles_for(resident, "?day_from=2027-03-12&day_to=2027-03-10") == ["Askola koululaiset"]
    assert titles_for(resident, "?age=8") == ["Verkossa", "Täynnä", "Askola koululaiset"]
    assert titles_for(resident, "?age=1") == ["Verkossa", "Porvoo vauvat", "Täynnä"]
    assert titles_for(resident, "?task=8") == ["Porvoo vauvat"]
    assert titles_for(resident, "?language=sv") == ["Porvoo vauvat"]
    assert titles_for(resident, "?free=1") == ["Verkossa", "Porvoo vauvat", "Täynnä"]
    assert titles_for(resident, "?has_seats=1") == ["Porvoo vauvat", "Askola koululaiset"]
    assert titles_for(resident, "?municipality=638&has_seats=1") == ["Porvoo vauvat"]


def test_the_municipality_choices_are_those_with_coming_events(resident: Client) -> None:
    porvoo = MunicipalityFactory.create(code="638", name="Porvoo")
    MunicipalityFactory.create(code="020", name="Akaa")
    make_event(location=LocationFactory.create(municipality=porvoo))
    response = resident.get(url("en", "list"))
    assert list(response.context["form"].fields["municipality"].choices)[1:] == [("638", "Porvoo")]
    unknown = resident.get(url("en", "list") + "?municipality=999")
    assert "We do not know the municipality “999”" in unknown.content.decode()
    # A municipality without events is known: no note, and no events.
    known = resident.get(url("en", "list") + "?municipality=020")
    assert known.context["notes"] == [] and known.context["items"] == []


def test_the_chosen_municipality_and_organiser_offer_their_calendar_subscription(
    resident: Client,
) -> None:
    porvoo = MunicipalityFactory.create(code="638", name="Porvoo")
    event = make_event(location=LocationFactory.create(municipality=porvoo))
    plain = resident.get(url("sv", "list"))
    assert plain.context["subscriptions"] == []
    assert "/event-feeds/" not in plain.content.decode()
    chosen = resident.get(
        url("sv", "list") + f"?municipality=638&organization={event.organization_id}"
    )
    feeds = [link for _label, link in chosen.context["subscriptions"]]
    assert feeds == [
        "/event-feeds/municipality/638.ics?lang=sv",
        f"/event-feeds/organization/{event.organization_id}.ics?lang=sv",
    ]
    assert "/event-feeds/municipality/638.ics?lang=sv" in chosen.content.decode()
    for feed in feeds:
        calendar = resident.get(feed)
        assert calendar.status_code == 200
        assert event.title_sv in calendar.content.decode()


def test_the_links_of_a_service_an_organiser_and_a_place_limit_the_list(
    resident: Client,
) -> None:
    service = ServiceFactory.create(name_en="Child health clinic")
    clinic = make_event(title="Neuvolan vauvakahvila", service=service)
    other = make_event(title="Muu")
    assert titles_for(resident, f"?service={service.pk}") == ["Neuvolan vauvakahvila"]
    assert titles_for(resident, f"?organization={other.organization_id}") == ["Muu"]
    assert titles_for(resident, f"?place={clinic.location_id}") == ["Neuvolan vauvakahvila"]
    response = resident.get(url("en", "list") + f"?service={service.pk}&free=1")
    text = response.content.decode()
    assert "Service: Child health clinic" in text
    # The other filters keep it, and it can be removed like the others.
    assert f'<input type="hidden" name="service" value="{service.pk}">' in text
    assert dict(response.context["active_filters"])["Free of charge"] == f"?service={service.pk}"
    unknown = resident.get(url("en", "list") + "?organization=nope")
    assert "We could not find “nope”" in unknown.content.decode()


def test_a_forum_has_seats_when_one_of_its_sessions_has(resident: Client) -> None:
    forum = make_event(
        title="Foorumi", kind=EventKind.UMBRELLA, registration=RegistrationMode.DROP_IN
    )
    make_event(kind=EventKind.SESSION, parent=forum, capacity=5, seats_taken=5)
    assert titles_for(resident, "?has_seats=1") == []
    make_event(kind=EventKind.SESSION, parent=forum, capacity=5, seats_taken=4)
    assert titles_for(resident, "?has_seats=1") == ["Foorumi"]


def test_a_parameter_that_does_not_parse_is_left_out_with_a_note(resident: Client) -> None:
    make_event(title_en="Kahvila")
    response = resident.get(url("en", "list") + "?age=abc&task=99&day_from=yesterday&page=x")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Kahvila" in text
    assert "is not an age we can search by" in text
    assert "There is no task" in text
    assert "is not a date" in text


def test_filters_in_use_can_be_removed_one_by_one(resident: Client) -> None:
    make_event(title="Kahvila", tasks=",8,")
    response = resident.get(url("en", "list") + "?task=8&free=1")
    active = dict(response.context["active_filters"])
    assert active["Free of charge"] == "?task=8"
    assert any(link == "?free=1" for link in active.values())


def test_the_list_pages_and_stays_a_few_queries(
    resident: Client, django_assert_max_num_queries: Any
) -> None:
    for n in range(25):
        make_event(title=f"Kahvila {n:02d}", starts=START + dt.timedelta(hours=n))
    with django_assert_max_num_queries(8):
        first = resident.get(url("fi", "list"))
    assert len(first.context["items"]) == 20
    assert "page=2" in first.content.decode()
    second = resident.get(url("fi", "list") + "?page=2")
    assert [item["event"].title for item in second.context["items"]] == [
        f"Kahvila {n}" for n in range(20, 25)
    ]


def test_an_empty_list_offers_a_way_on(resident: Client) -> None:
    text = resident.get(url("en", "list")).content.decode()
    assert "There are no coming events just now." in text
    make_event(title="Kahvila", is_free=False)
    text = resident.get(url("en", "list") + "?free=1").content.decode()
    assert "No coming events match these filters." in text
    assert "Show all events" in text


# --- One event ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_an_events_page_says_what_where_when_and_for_whom(resident: Client, lang: str) -> None:
    porvoo = MunicipalityFactory.create(code="638", name="Porvoo")
    location = LocationFactory.create(
        name="Perhekeskus Aurinko",
        street_address="Koulutie 1",
        postal_code="06100",
        post_office="Porvoo",
        municipality=porvoo,
        location_type=LocationType.PHYSICAL,
        latitude=60.39,
        longitude=25.66,
    )
    ServiceAtLocation.objects.create(service=ServiceFactory.create(), location=location)
    event = make_event(
        title="Vauvamuskari",
        title_sv="Babymusik",
        title_en="Baby music",
        location=location,
        min_age=0,
        max_age=1,
        languages=",fi,sv,",
        tasks=",8,",
        accessibility="Esteetön sisäänkäynti",
        audience="Vauvaperheet",
        is_online=False,
        online_url="https://meet.example.org/secret-room",
        capacity=10,
        seats_taken=4,
    )
    response = resident.get(url(lang, "detail", event_id=event.pk))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Koulutie 1" in text and "06100 Porvoo" in text
    assert f"?place={location.pk}" in text  # the finder's map has the place
    assert "Vauvaperheet" in text and "suomi, svenska" in text
    assert "2.3.2027" in text
    assert "secret-room" not in text
    assert {"fi": "6 paikkaa jäljellä", "sv": "6 platser kvar", "en": "6 seats left"}[lang] in text
    assert 'name="participants-0-name"' in text
    assert response.context["event"].organization.name in text


def test_no_map_link_for_a_place_the_map_does_not_have(resident: Client) -> None:
    event = make_event()
    text = resident.get(url("en", "detail", event_id=event.pk)).content.decode()
    assert "?place=" not in text


def test_a_full_event_says_how_many_wait(resident: Client) -> None:
    event = make_event(capacity=4, seats_taken=4, waitlisted_count=3)
    text = resident.get(url("en", "detail", event_id=event.pk)).content.decode()
    assert "Full: 3 people on the waiting list" in text
    assert "Join the waiting list" in text


def test_a_draft_is_not_found_and_a_session_goes_to_its_forum(resident: Client) -> None:
    draft = make_event(status=EventStatus.DRAFT)
    assert resident.get(url("fi", "detail", event_id=draft.pk)).status_code == 404
    assert resident.get(url("fi", "signup", event_id=draft.pk)).status_code == 404
    forum = make_event(kind=EventKind.UMBRELLA, is_forum=True, registration="drop_in")
    session = make_event(kind=EventKind.SESSION, parent=forum, title="Työpaja")
    response = resident.get(url("fi", "detail", event_id=session.pk))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{forum.pk}/#session-{session.pk}")
    text = resident.get(url("fi", "detail", event_id=forum.pk)).content.decode()
    assert "Työpaja" in text
    assert url("fi", "signup", event_id=session.pk) in text


def test_a_drop_in_event_has_no_form(resident: Client) -> None:
    event = make_event(registration=RegistrationMode.DROP_IN, capacity=None)
    response = resident.get(url("en", "detail", event_id=event.pk))
    assert "Drop in, no sign-up needed" in response.content.decode()
    assert response.context["form"] is None
    assert resident.get(url("en", "signup", event_id=event.pk)).status_code == 404


# --- Signing up ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_family_signs_up_and_sees_the_manage_link_once(resident: Client, lang: str) -> None:
    event = make_event()
    page = resident.get(url(lang, "detail", event_id=event.pk))
    response = resident.post(url(lang, "signup", event_id=event.pk), signup_data(page))
    assert response.status_code == 303
    assert response["Location"] == url(lang, "done")
    signup = Signup.objects.get(event=event)
    assert signup.status == SignupStatus.ATTENDING
    assert signup.seats == 2 and signup.language == lang
    assert [(p.name, p.age) for p in Participant.objects.filter(signup=signup)] == [
        ("Maija", None),
        ("Eino", 2),
    ]
    done = resident.get(response["Location"])
    text = done.content.decode()
    manage = re.search(r'id="manage-url" href="([^"]+)"', text)
    assert manage is not None and "/events/manage/" in manage.group(1)
    assert done["Cache-Control"].startswith("max-age=0")
    # Shown once: a reload tells where the link is now.
    again = resident.get(url(lang, "done")).content.decode()
    assert "/events/manage/" not in again


def test_a_double_submit_signs_up_once(resident: Client) -> None:
    event = make_event()
    data = signup_data(resident.get(url("en", "signup", event_id=event.pk)))
    assert resident.post(url("en", "signup", event_id=event.pk), data).status_code == 303
    assert resident.post(url("en", "signup", event_id=event.pk), data).status_code == 303
    assert Signup.objects.filter(event=event).count() == 1
    text = resident.get(url("en", "done")).content.decode()
    assert "You already signed up, so you were not signed up twice." in text


def test_errors_are_summarised_and_everything_typed_is_kept(resident: Client) -> None:
    event = make_event(min_age=0, max_age=3)
    question = Question.objects.create(
        event=event, text="Allergiat?", text_en="Allergies?", required=True
    )
    page = resident.get(url("en", "signup", event_id=event.pk))
    data = signup_data(
        page,
        email="",
        phone="",
        **{
            "participants-1-name": "",
            "participants-1-age": "",
            "participants-2-name": "Aino",
            "participants-2-age": "",
            "participants-3-name": "",
            "participants-3-age": "1",
        },
    )
    response = resident.post(url("en", "signup", event_id=event.pk), data)
    assert response.status_code == 400
    text = response.content.decode()
    assert 'id="error-summary"' in text and "<title>Error:" in text
    assert "Give an e-mail address or a phone number" in text
    assert "Enter the participant&#x27;s name." in text
    assert "Answer this question." in text
    assert 'value="Maija Meikäläinen"' in text and 'value="Aino"' in text
    assert not Signup.objects.exists()
    # The service's errors land on the form's rows, a blank row between them.
    data = signup_data(
        page,
        **{
            "participants-1-name": "",
            "participants-1-age": "",
            "participants-2-name": "Eino\u202e",
            "participants-2-age": "3",
            "participants-3-name": "Isoveli",
            "participants-3-age": "2",
        },
        **{f"q_{question.pk}": "Ei"},
    )
    response = resident.post(url("en", "signup", event_id=event.pk), data)
    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == ["participants-2-name"]
    assert not Signup.objects.exists()
    # An age the event's range no longer has (the range changed meanwhile).
    event.max_age = 2
    event.save(update_fields=["max_age"])
    data["participants-2-name"] = "Eino"
    response = resident.post(url("en", "signup", event_id=event.pk), data)
    assert response.context["form"].errors["participants-2-age"] == ["Choose an age from the list."]


def test_a_full_event_puts_the_family_on_the_waiting_list(resident: Client) -> None:
    event = make_event(capacity=3)
    first = signup_data(resident.get(url("en", "signup", event_id=event.pk)))
    resident.post(url("en", "signup", event_id=event.pk), first)
    other = Client()
    data = signup_data(other.get(url("en", "signup", event_id=event.pk)), name="Pekka")
    response = other.post(url("en", "signup", event_id=event.pk), data)
    assert response.status_code == 303
    text = other.get(url("en", "done")).content.decode()
    assert "You are on the waiting list" in text
    assert "Your place in the queue: 1." in text


def test_a_full_event_without_waiting_room_refuses_and_keeps_the_typing(
    resident: Client,
) -> None:
    event = make_event(capacity=2, waitlist_capacity=0)
    page = resident.get(url("en", "signup", event_id=event.pk))
    data = signup_data(page)
    Event.objects.filter(pk=event.pk).update(seats_taken=1)
    response = resident.post(url("en", "signup", event_id=event.pk), data)
    assert response.status_code == 409
    text = response.content.decode()
    assert "The sign-up did not go through" in text
    assert "no room on its waiting list" in text
    assert 'value="Maija Meikäläinen"' in text


def test_a_closed_sign_up_has_no_form(resident: Client) -> None:
    event = make_event(enrolment_closes=NOW - dt.timedelta(hours=1))
    response = resident.get(url("en", "detail", event_id=event.pk))
    assert "Sign-up has closed." in response.content.decode()
    assert response.context["form"] is None
    later = make_event(enrolment_opens=NOW + dt.timedelta(days=1))
    text = resident.get(url("en", "detail", event_id=later.pk)).content.decode()
    assert "Sign-up opens 2.3.2027 at 12.00" in text


def test_the_rate_limit_answers_429_and_keeps_the_typing(resident: Client, settings: Any) -> None:
    settings.PERHEKESKUS_RATE_LIMITS = True
    settings.EVENTS_SIGNUP_RATE_LIMIT = "1/h"
    event = make_event(capacity=None)
    for name in ("Maija", "Pekka"):
        data = signup_data(resident.get(url("en", "signup", event_id=event.pk)), name=name)
        response = resident.post(url("en", "signup", event_id=event.pk), data)
    assert response.status_code == 429
    assert "Too many sign-ups" in response.content.decode()
    assert 'value="Pekka"' in response.content.decode()


def test_a_peer_group_takes_applications_with_pseudonyms(resident: Client) -> None:
    group = make_event(
        title="Eronneiden vanhempien ryhmä",
        kind=EventKind.SERIES,
        is_peer_group=True,
        allow_pseudonyms=True,
        registration=RegistrationMode.APPLICATION,
        capacity=8,
        max_group_size=1,
    )
    make_event(kind=EventKind.OCCURRENCE, parent=group, starts=START + dt.timedelta(days=7))
    page = resident.get(url("en", "detail", event_id=group.pk))
    text = page.content.decode()
    assert "Apply to the group" in text and "A first name or a nickname is enough." in text
    assert "9.3.2027" in text  # the group's meetings
    assert 'name="participants-1-name"' not in text  # one person a sign-up
    data = signup_data(page, name="Mansikka", **{"participants-0-name": "Mansikka"})
    del data["participants-1-name"], data["participants-1-age"]
    assert resident.post(url("en", "signup", event_id=group.pk), data).status_code == 303
    assert Signup.objects.get(event=group).status == SignupStatus.APPLIED
    assert "Your application has been sent" in resident.get(url("en", "done")).content.decode()


def test_sessions_of_a_peer_group_take_no_sign_up_of_their_own(resident: Client) -> None:
    group = make_event(
        kind=EventKind.SERIES, is_peer_group=True, registration=RegistrationMode.APPLICATION
    )
    meeting = make_event(kind=EventKind.OCCURRENCE, parent=group)
    assert resident.get(url("en", "signup", event_id=meeting.pk)).status_code == 404


def test_questions_of_a_series_are_asked_on_its_occurrences(resident: Client) -> None:
    series = make_event(kind=EventKind.SERIES)
    Question.objects.create(
        event=series,
        text="Kuljetus?",
        text_en="How do you come?",
        kind=QuestionKind.CHOICE,
        choices_en="By bus\nBy car",
        choices="Bussilla\nAutolla",
    )
    occurrence = make_event(kind=EventKind.OCCURRENCE, parent=series)
    text = resident.get(url("en", "signup", event_id=occurrence.pk)).content.decode()
    assert "How do you come?" in text and "By bus" in text


# --- Forum topics -------------------------------------------------------------------------------


def test_a_resident_sends_a_topic_to_a_forum_without_an_account(resident: Client) -> None:
    forum = make_event(
        title="Perhekeskusfoorumi",
        kind=EventKind.UMBRELLA,
        is_forum=True,
        registration=RegistrationMode.DROP_IN,
    )
    page = resident.get(url("en", "detail", event_id=forum.pk)).content.decode()
    assert "Send a topic or a question beforehand" in page
    empty = resident.post(url("en", "topic", event_id=forum.pk), {"text": " "})
    assert empty.status_code == 400
    assert "Write your topic or question." in empty.content.decode()
    response = resident.post(
        url("en", "topic", event_id=forum.pk), {"text": "Kerhoja isommille lapsille"}
    )
    assert response.status_code == 303
    thanks = resident.get(response["Location"]).content.decode()
    assert "Thank you! Your topic was sent" in thanks
    topic = ForumTopic.objects.get(event=forum)
    assert topic.text == "Kerhoja isommille lapsille" and topic.language == "en"
    # A reload does not thank again.
    assert "Thank you!" not in resident.get(response["Location"]).content.decode()


def test_after_the_forum_its_summary_is_shown_and_no_topics_are_taken(resident: Client) -> None:
    forum = make_event(
        kind=EventKind.UMBRELLA,
        is_forum=True,
        registration=RegistrationMode.DROP_IN,
        starts=NOW - dt.timedelta(days=2),
        ends=NOW - dt.timedelta(days=2) + dt.timedelta(hours=3),
        summary="Toiveena iltakerhoja.",
        summary_en="Evening clubs were wished for.",
        summary_published_at=NOW - dt.timedelta(days=1),
    )
    text = resident.get(url("en", "detail", event_id=forum.pk)).content.decode()
    assert "Evening clubs were wished for." in text
    assert "Send a topic" not in text
    response = resident.post(url("en", "topic", event_id=forum.pk), {"text": "Myöhässä"})
    assert response.status_code == 409
    assert not ForumTopic.objects.exists()


def test_only_a_forum_takes_topics(resident: Client) -> None:
    event = make_event()
    assert resident.get(url("en", "topic", event_id=event.pk)).status_code == 404
    assert resident.post(url("en", "topic", event_id=event.pk), {"text": "x"}).status_code == 404
