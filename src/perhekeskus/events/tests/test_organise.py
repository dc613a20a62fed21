"""The organiser's changes (events.services.organise): creating events, series with their
occurrences, sessions and questions; changing a series and one occurrence; seats raised and
lowered; publishing and cancelling. Allowed and denied, each denied attempt changing nothing and
logging nothing. `fields`, `tuesdays`, `make_series` and the `place` fixture are the events tests'
shared ones (helpers.py, conftest.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from perhekeskus.catalog.models import ServiceAtLocation
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.core.roles import Role
from perhekeskus.events import actions, notices
from perhekeskus.events.models import (
    Event,
    EventKind,
    EventStatus,
    Question,
    QuestionKind,
    RecurrenceRule,
    RegistrationMode,
    Signup,
    SignupStatus,
)
from perhekeskus.events.recurrence import HELSINKI
from perhekeskus.events.services.organise import (
    QuestionData,
    event_cancel,
    event_create,
    event_publish,
    event_update,
)
from perhekeskus.events.tests.helpers import (
    NOW,
    START,
    at_place,
    audits,
    counters,
    fields,
    make_forum,
    make_series,
    occurrences,
    published_peer_group,
    sign_up,
    tuesdays,
)
from perhekeskus.testing.concurrency import at_once, concurrent
from perhekeskus.testing.factories import (
    EventFactory,
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

D = dt.date
T = dt.time
UTC = dt.UTC


def spy_cancelled(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, list[Any]]]:
    """Record each `notices.event_cancelled` (the event's id and the sign-ups' ids) and send it."""
    told: list[tuple[Any, list[Any]]] = []
    original = notices.event_cancelled

    def spy(event: Event, signups: Any, **options: Any) -> None:
        signups = list(signups)
        told.append((event.pk, [signup.pk for signup in signups]))
        original(event, signups, **options)

    monkeypatch.setattr(notices, "event_cancelled", spy)
    return told


def helsinki_times(event: Event) -> tuple[dt.time, dt.time]:
    return event.starts.astimezone(HELSINKI).time(), event.ends.astimezone(HELSINKI).time()


# --- Creating ------------------------------------------------------------------------------------


def test_editor_creates_a_draft_event_of_their_organisation(editor: Any, place: Any) -> None:
    event = event_create(
        actor=editor,
        organization_id=place.organization_id,
        kind=EventKind.SINGLE,
        fields=fields(place),
    )
    event.refresh_from_db()
    assert event.status == EventStatus.DRAFT
    assert event.title_fi == "Vauvakahvila"
    assert event.title_sv == "Babycafé"
    assert event.languages == ",fi,sv,"
    assert event.tasks == ",6,8,"
    assert event.created_by == editor
    [entry] = audits(actions.EVENT_CREATE)
    assert entry.actor_id == editor.pk
    assert entry.target_id == str(event.pk)
    assert entry.details["to"]["title_fi"] == "Vauvakahvila"
    assert entry.details["to"]["capacity"] == 10
    assert entry.details["to"]["location"] == str(place.pk)


def test_coordinator_creates_events_of_any_organisation(coordinator: Any) -> None:
    elsewhere = LocationFactory.create(organization=OrganizationFactory.create())
    event = event_create(
        actor=coordinator,
        organization_id=elsewhere.organization_id,
        kind=EventKind.SINGLE,
        fields=fields(elsewhere),
    )
    assert event.organization_id == elsewhere.organization_id


@pytest.mark.parametrize("who", ["outsider", "professional"])
def test_others_may_not_create_events_of_the_organisation(
    who: str, request: pytest.FixtureRequest, place: Any
) -> None:
    actor = request.getfixturevalue(who)
    with pytest.raises(PolicyDenied):
        event_create(
            actor=actor,
            organization_id=place.organization_id,
            kind=EventKind.SINGLE,
            fields=fields(place),
        )
    assert not Event.objects.exists()
    assert not audits(actions.EVENT_CREATE)


def test_an_unknown_organisation_is_not_found(editor: Any, place: Any) -> None:
    with pytest.raises(NotFound):
        event_create(
            actor=editor,
            organization_id="not-a-uuid",  # type: ignore[arg-type]
            kind=EventKind.SINGLE,
            fields=fields(place),
        )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title_fi": " "}, "title_fi", "Write the title in Finnish."),
        ({"title_fi": "Kahvila\r\nBcc: x"}, "title_fi", "on one line"),
        ({"ends": START - dt.timedelta(hours=1)}, "ends", "The end must be after the start."),
        ({"location": None}, "location", "Choose a place, or mark the event as online."),
        (
            {"location": None, "is_online": True},
            "municipality",
            "Choose the municipality of an online event.",
        ),
        ({"capacity": None}, "capacity", "Give the number of seats"),
        ({"capacity": 0}, "capacity", ""),
        ({"min_age": 5, "max_age": 2}, "max_age", "at least the lower age"),
        (
            {
                "enrolment_opens": START - dt.timedelta(days=1),
                "enrolment_closes": START - dt.timedelta(days=2),
            },
            "enrolment_closes",
            "Sign-up must close after it opens.",
        ),
        ({"enrolment_opens": START + dt.timedelta(hours=3)}, "enrolment_opens", "before"),
        ({"tasks": [9]}, "tasks", "from 1 to 8"),
        ({"languages": ["fi", "de"]}, "languages", "Finnish, Swedish or English"),
        ({"languages": []}, "languages", "Finnish, Swedish or English"),
        ({"is_forum": True}, "is_forum", "Only an event with sessions"),
        ({"is_peer_group": True}, "is_peer_group", "Only a recurring event"),
        ({"location": "00000000-0000-0000-0000-000000000000"}, "location", "Choose one"),
    ],
)
def test_bad_input_is_refused_on_its_field(
    editor: Any, place: Any, changes: dict[str, Any], field: str, message: str
) -> None:
    with translation.override("en"), pytest.raises(ValidationError) as error:
        event_create(
            actor=editor,
            organization_id=place.organization_id,
            kind=EventKind.SINGLE,
            fields=fields(place, **changes),
        )
    assert field in error.value.message_dict
    assert message in " ".join(error.value.message_dict[field])
    assert not Event.objects.exists()
    assert not audits(actions.EVENT_CREATE)


def test_the_messages_are_in_the_users_language(editor: Any, place: Any) -> None:
    with translation.override("fi"), pytest.raises(ValidationError) as error:
        event_create(
            actor=editor,
            organization_id=place.organization_id,
            kind=EventKind.SINGLE,
            fields=fields(place, title_fi="", ends=START),
        )
    assert error.value.message_dict["title_fi"] == ["Kirjoita otsikko suomeksi."]
    assert error.value.message_dict["ends"] == ["Päättymisen täytyy olla alkamisen jälkeen."]
    with translation.override("sv"), pytest.raises(ValidationError) as error:
        event_create(
            actor=editor,
            organization_id=place.organization_id,
            kind=EventKind.SINGLE,
            fields=fields(place, location=None, capacity=None),
        )
    assert error.value.message_dict == {
        "location": ["Välj en plats eller markera evenemanget som ett webbevenemang."],
        "capacity": ["Ange antalet platser för ett evenemang med anmälan."],
    }


def test_an_event_at_a_place_is_in_the_places_municipality(editor: Any, place: Any) -> None:
    # The families' list and the feeds filter by the event's own municipality column.
    askola = MunicipalityFactory.create(code="018", name="Askola")
    simo = MunicipalityFactory.create(code="845", name="Simo")
    place.municipality = askola
    place.save()
    event = event_create(
        actor=editor,
        organization_id=place.organization_id,
        kind=EventKind.SINGLE,
        fields=fields(place, municipality=simo.pk),
    )
    assert event.municipality_id == "018"
    moved = LocationFactory.create(organization=place.organization, municipality=simo)
    event = event_update(actor=editor, event_id=event.pk, fields={"location": moved})
    assert event.municipality_id == "845"


def test_an_online_event_needs_no_place(editor: Any, place: Any) -> None:
    town = MunicipalityFactory.create(code="020", name="Akaa")
    event = event_create(
        actor=editor,
        organization_id=place.organization_id,
        kind=EventKind.SINGLE,
        fields=fields(
            place,
            location=None,
            is_online=True,
            municipality=town.pk,
            online_url="https://meet.example.org/vauvat",
        ),
    )
    assert event.location_id is None
    assert event.municipality == town


def test_the_place_is_the_organisations_a_service_place_or_a_meeting_place(
    editor: Any, place: Any, other_organization: Any
) -> None:
    office = LocationFactory.create(organization=other_organization, name="Toimisto")
    cafe = LocationFactory.create(organization=other_organization, is_meeting_place=True)
    school = LocationFactory.create(organization=other_organization, name="Koulu")
    ServiceAtLocation.objects.create(
        service=ServiceFactory.create(organization=place.organization), location=school
    )
    for allowed in (cafe, school):
        event = event_create(
            actor=editor,
            organization_id=place.organization_id,
            kind=EventKind.SINGLE,
            fields=fields(place, location=allowed.pk),
        )
        assert event.location == allowed
    with translation.override("en"), pytest.raises(ValidationError) as error:
        event_create(
            actor=editor,
            organization_id=place.organization_id,
            kind=EventKind.SINGLE,
            fields=fields(
                place,
                location=office,
                service=ServiceFactory.create(organization=other_organization),
            ),
        )
    assert error.value.message_dict["location"] == ["Choose one of the choices."]
    assert error.value.message_dict["service"] == ["Choose one of the choices."]


def test_an_application_event_may_leave_the_seats_open(editor: Any, place: Any) -> None:
    event = event_create(
        actor=editor,
        organization_id=place.organization_id,
        kind=EventKind.SINGLE,
        fields=fields(place, registration=RegistrationMode.APPLICATION, capacity=None),
    )
    assert event.capacity is None


def test_an_unknown_field_is_a_programming_error(editor: Any, place: Any) -> None:
    with pytest.raises(ValueError, match="seats_taken"):
        event_create(
            actor=editor,
            organization_id=place.organization_id,
            kind=EventKind.SINGLE,
            fields=fields(place, seats_taken=5),
        )


# --- Series --------------------------------------------------------------------------------------


def test_a_series_makes_its_occurrences_at_finnish_wall_clock_time(editor: Any, place: Any) -> None:
    series = make_series(editor, place, waitlist_capacity=4, max_group_size=3)
    rows = occurrences(series)
    assert [row.series_date for row in rows] == [
        D(2027, 2, 23) + dt.timedelta(weeks=n) for n in range(10)
    ]
    # 9.30 Finnish time is 7.30 UTC in winter and 6.30 UTC from the last Sunday of March on.
    assert rows[4].starts == dt.datetime(2027, 3, 23, 7, 30, tzinfo=UTC)
    assert rows[5].starts == dt.datetime(2027, 3, 30, 6, 30, tzinfo=UTC)
    for row in rows:
        assert helsinki_times(row) == (T(9, 30), T(11, 0))
        assert row.kind == EventKind.OCCURRENCE
        assert row.parent_id == series.pk
        assert row.status == EventStatus.DRAFT
        assert row.title_fi == "Vauvakahvila"
        assert row.title_sv == "Babycafé"
        assert row.location_id == place.pk
        assert (row.registration, row.capacity, row.waitlist_capacity, row.max_group_size) == (
            RegistrationMode.REGISTRATION,
            10,
            4,
            3,
        )
        assert row.languages == ",fi,sv,"
    series.refresh_from_db()
    assert series.starts == rows[0].starts
    assert series.ends == rows[-1].ends
    rule = RecurrenceRule.objects.get(event=series)
    assert (rule.weekdays, rule.starts_at, rule.first_date) == (",1,", T(9, 30), D(2027, 2, 23))
    [entry] = audits(actions.EVENT_CREATE)
    assert entry.details["occurrences"] == 10
    assert entry.details["rule"]["weekdays"] == [1]


def test_a_series_needs_a_rule(editor: Any, place: Any) -> None:
    data = fields(place)
    with pytest.raises(ValidationError) as error:
        event_create(
            actor=editor,
            organization_id=place.organization_id,
            kind=EventKind.SERIES,
            fields=data,
        )
    assert "weekdays" in error.value.message_dict
    assert not Event.objects.exists()


def test_a_series_of_more_than_200_dates_is_refused(editor: Any, place: Any) -> None:
    with translation.override("en"), pytest.raises(ValidationError) as error:
        make_series(
            editor,
            place,
            tuesdays(weekdays=(0, 1, 2, 3, 4, 5, 6), last_date=D(2027, 12, 31)),
        )
    assert "at most 200" in error.value.message_dict["last_date"][0]
    assert not Event.objects.exists()


def test_the_rule_exceptions_and_interval_make_the_dates(editor: Any, place: Any) -> None:
    series = make_series(
        editor, place, tuesdays(interval_weeks=2, exceptions=(D(2027, 3, 9), D(2027, 3, 10)))
    )
    assert [row.series_date for row in occurrences(series)] == [
        D(2027, 2, 23),
        D(2027, 3, 23),
        D(2027, 4, 6),
        D(2027, 4, 20),
    ]


def test_a_peer_group_takes_applications_with_a_facilitator_from_another_organisation(
    editor: Any, place: Any, other_organization: Any
) -> None:
    facilitator = UserFactory.create(organization=other_organization, roles=[Role.PROFESSIONAL])
    series = make_series(
        editor,
        place,
        is_peer_group=True,
        facilitator=facilitator.pk,
        allow_pseudonyms=True,
        capacity=8,
    )
    series.refresh_from_db()
    assert series.registration == RegistrationMode.APPLICATION
    assert series.facilitator == facilitator
    assert series.allow_pseudonyms
    # The families join the group; its sessions take no sign-ups of their own.
    assert {row.registration for row in occurrences(series)} == {RegistrationMode.DROP_IN}


def test_a_peer_group_needs_a_facilitator_of_the_network(editor: Any, place: Any) -> None:
    with pytest.raises(ValidationError) as error:
        make_series(editor, place, is_peer_group=True)
    assert "facilitator" in error.value.message_dict
    gone = UserFactory.create(roles=[Role.PROFESSIONAL], is_active=False)
    with pytest.raises(ValidationError) as error:
        make_series(editor, place, is_peer_group=True, facilitator=gone)
    assert "facilitator" in error.value.message_dict
    assert not Event.objects.exists()


# --- Sessions and questions ----------------------------------------------------------------------


def test_a_session_belongs_to_its_event_and_lies_within_its_time(editor: Any, place: Any) -> None:
    forum = make_forum(editor, place)
    session = event_create(
        actor=editor,
        organization_id=place.organization_id,
        kind=EventKind.SESSION,
        parent_id=forum.pk,
        fields=fields(place, title_fi="Työpaja", starts=START + dt.timedelta(hours=1)),
    )
    assert session.parent == forum
    assert audits(actions.EVENT_CREATE)[-1].details["parent"] == str(forum.pk)
    with pytest.raises(ValidationError) as error:
        event_create(
            actor=editor,
            organization_id=place.organization_id,
            kind=EventKind.SESSION,
            parent_id=forum.pk,
            fields=fields(place, ends=START + dt.timedelta(hours=7)),
        )
    assert "starts" in error.value.message_dict


def test_a_session_of_another_organisations_event_is_not_found(
    editor: Any, place: Any, other_organization: Any
) -> None:
    elsewhere = EventFactory.create(kind=EventKind.UMBRELLA, organization=other_organization)
    with pytest.raises(NotFound):
        event_create(
            actor=editor,
            organization_id=place.organization_id,
            kind=EventKind.SESSION,
            parent_id=elsewhere.pk,
            fields=fields(place),
        )
    assert Event.objects.count() == 1


def test_questions_are_stored_and_keep_their_ids_when_changed(editor: Any, place: Any) -> None:
    event = event_create(
        actor=editor,
        organization_id=place.organization_id,
        kind=EventKind.SINGLE,
        fields=fields(place),
        questions=[
            QuestionData(text={"fi": "Allergiat?", "sv": "Allergier?"}),
            QuestionData(
                text={"fi": "Kuljetus?"},
                kind=QuestionKind.CHOICE,
                choices={"fi": "Kyllä\nEi\n", "sv": "Ja\nNej"},
                required=True,
            ),
        ],
    )
    first, second = Question.objects.filter(event=event).order_by("position")
    assert (first.text_fi, first.text_sv, first.kind) == ("Allergiat?", "Allergier?", "text")
    assert second.choice_list() == ["Kyllä", "Ei"]
    assert second.choices_sv == "Ja\nNej"
    assert second.required
    event_update(
        actor=editor,
        event_id=event.pk,
        fields={},
        questions=[QuestionData(text={"fi": "Ruoka-allergiat?"})],
        now=NOW,
    )
    [kept] = Question.objects.filter(event=event)
    assert kept.pk == first.pk
    assert kept.text_fi == "Ruoka-allergiat?"
    entry = audits(actions.EVENT_UPDATE)[-1]
    assert entry.details["questions"] == {
        "from": ["Allergiat?", "Kuljetus?"],
        "to": ["Ruoka-allergiat?"],
    }


def test_bad_questions_are_refused_by_their_number(editor: Any, place: Any) -> None:
    with pytest.raises(ValidationError) as error:
        event_create(
            actor=editor,
            organization_id=place.organization_id,
            kind=EventKind.SINGLE,
            fields=fields(place),
            questions=[
                QuestionData(text={"fi": ""}),
                QuestionData(text={"fi": "Valitse"}, kind=QuestionKind.CHOICE, choices={"fi": "A"}),
            ],
        )
    assert set(error.value.message_dict) == {"questions-0-text_fi", "questions-1-choices_fi"}
    assert not Event.objects.exists()


# --- Changing ------------------------------------------------------------------------------------


def test_editor_changes_an_event_and_the_change_is_logged(editor: Any, place: Any) -> None:
    event = EventFactory.create(organization=place.organization, location=place, capacity=10)
    event_update(
        actor=editor,
        event_id=event.pk,
        fields={"title_fi": "Isä-lapsi-kerho", "max_group_size": 4},
        now=NOW,
    )
    event.refresh_from_db()
    assert (event.title_fi, event.max_group_size) == ("Isä-lapsi-kerho", 4)
    [entry] = audits(actions.EVENT_UPDATE)
    assert set(entry.details["from"]) == {"title_fi", "max_group_size"}
    assert entry.details["from"]["max_group_size"] == 6
    assert entry.details["to"] == {"title_fi": "Isä-lapsi-kerho", "max_group_size": 4}


def test_others_may_not_change_an_event(outsider: Any, professional: Any, place: Any) -> None:
    event = EventFactory.create(organization=place.organization, location=place)
    for actor in (outsider, professional):
        with pytest.raises(NotFound):
            event_update(actor=actor, event_id=event.pk, fields={"title_fi": "X"}, now=NOW)
    event.refresh_from_db()
    assert event.title_fi != "X"
    assert not audits(actions.EVENT_UPDATE)


def test_raising_the_seats_promotes_the_waiting_families(editor: Any, place: Any) -> None:
    event = at_place(place, capacity=2)
    sign_up(event, 2, index=0)
    waiting = [sign_up(event, 1, index=1), sign_up(event, 2, index=2)]
    assert counters(event) == (2, 3)
    event_update(actor=editor, event_id=event.pk, fields={"capacity": 3}, now=NOW)
    assert counters(event) == (3, 2)
    statuses = [Signup.objects.get(pk=r.signup.pk).status for r in waiting]
    assert statuses == [SignupStatus.ATTENDING, SignupStatus.WAITLISTED]
    assert audits(actions.SIGNUP_PROMOTE)
    assert audits(actions.EVENT_UPDATE)[-1].details["promoted"] == 1


def test_fewer_seats_than_those_taken_are_refused(editor: Any, place: Any) -> None:
    event = at_place(place)
    sign_up(event, 3, index=0)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        event_update(actor=editor, event_id=event.pk, fields={"capacity": 2}, now=NOW)
    assert error.value.message_dict["capacity"] == [
        "3 persons already hold seats: the seats cannot be fewer."
    ]
    event.refresh_from_db()
    assert event.capacity == 10


def test_a_series_change_reaches_its_future_occurrences_but_not_the_detached_or_past(
    editor: Any, place: Any
) -> None:
    series = make_series(editor, place)
    rows = occurrences(series)
    # On 3.3. the first two (23.2. and 2.3.) are past.
    now = dt.datetime(2027, 3, 3, 12, 0, tzinfo=UTC)
    event_update(actor=editor, event_id=rows[3].pk, fields={"title_fi": "Erikoiskerta"}, now=now)
    rows[3].refresh_from_db()
    assert rows[3].detached
    assert audits(actions.EVENT_UPDATE)[-1].details["detached"] is True
    event_update(
        actor=editor,
        event_id=series.pk,
        fields={"title_fi": "Vauvamuskari", "capacity": 12},
        now=now,
    )
    titles = {row.series_date: (row.title_fi, row.capacity) for row in occurrences(series)}
    assert titles[D(2027, 2, 23)] == ("Vauvakahvila", 10)
    assert titles[D(2027, 3, 2)] == ("Vauvakahvila", 10)
    assert titles[D(2027, 3, 9)] == ("Vauvamuskari", 12)
    assert titles[D(2027, 3, 16)] == ("Erikoiskerta", 10)
    assert titles[D(2027, 4, 27)] == ("Vauvamuskari", 12)
    [entry] = audits(actions.SERIES_UPDATE)
    assert entry.details["to"] == {"title_fi": "Vauvamuskari", "capacity": 12}
    assert len(entry.details["occurrences"]["updated"]) == 7
    assert entry.details["occurrences"]["added"] == []


def test_new_times_of_a_series_stay_finnish_wall_clock_over_the_change(
    editor: Any, place: Any
) -> None:
    series = make_series(editor, place)
    event_update(
        actor=editor,
        event_id=series.pk,
        fields={},
        rule=tuesdays(starts_at=T(17, 0), ends_at=T(18, 30)),
        now=NOW,
    )
    for row in occurrences(series):
        if row.series_date >= D(2027, 3, 2):
            assert helsinki_times(row) == (T(17, 0), T(18, 30))
        else:
            assert helsinki_times(row) == (T(9, 30), T(11, 0))
    entry = audits(actions.SERIES_UPDATE)[-1]
    assert entry.details["rule"]["from"]["starts_at"] == "09:30"
    assert entry.details["rule"]["to"]["starts_at"] == "17:00"


def test_dates_the_rule_loses_are_cancelled_with_sign_ups_and_deleted_without(
    editor: Any, place: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    series = make_series(editor, place)
    event_publish(actor=editor, event_id=series.pk)
    by_date = {row.series_date: row for row in occurrences(series)}
    taken = by_date[D(2027, 3, 9)]
    family = sign_up(taken, 2, index=0)
    told = spy_cancelled(monkeypatch)
    event_update(
        actor=editor,
        event_id=series.pk,
        fields={},
        rule=tuesdays(exceptions=(D(2027, 3, 9), D(2027, 3, 16)), last_date=D(2027, 5, 11)),
        now=NOW,
    )
    taken.refresh_from_db()
    assert taken.status == EventStatus.CANCELLED
    assert told == [(taken.pk, [family.signup.pk])]
    assert not Event.objects.filter(pk=by_date[D(2027, 3, 16)].pk).exists()
    dates = {row.series_date: row.status for row in occurrences(series)}
    assert dates[D(2027, 5, 4)] == EventStatus.PUBLISHED
    assert dates[D(2027, 5, 11)] == EventStatus.PUBLISHED
    assert D(2027, 3, 16) not in dates
    entry = audits(actions.SERIES_UPDATE)[-1]
    assert entry.details["occurrences"]["cancelled"] == ["2027-03-09"]
    assert entry.details["occurrences"]["deleted"] == ["2027-03-16"]
    assert entry.details["occurrences"]["added"] == ["2027-05-04", "2027-05-11"]
    series.refresh_from_db()
    assert series.ends.astimezone(HELSINKI).date() == D(2027, 5, 11)


def test_a_series_seat_change_below_an_occurrences_sign_ups_is_refused(
    editor: Any, place: Any
) -> None:
    series = make_series(editor, place)
    event_publish(actor=editor, event_id=series.pk)
    sign_up(occurrences(series)[3], 4, index=0)
    with pytest.raises(ValidationError) as error:
        event_update(actor=editor, event_id=series.pk, fields={"capacity": 3}, now=NOW)
    assert "capacity" in error.value.message_dict
    assert {row.capacity for row in occurrences(series)} == {10}


def test_a_series_seat_raise_promotes_on_each_occurrence(editor: Any, place: Any) -> None:
    series = make_series(editor, place, capacity=1)
    event_publish(actor=editor, event_id=series.pk)
    row = occurrences(series)[3]
    sign_up(row, 1, index=0)
    waiting = sign_up(row, 1, index=1)
    event_update(actor=editor, event_id=series.pk, fields={"capacity": 2}, now=NOW)
    assert Signup.objects.get(pk=waiting.signup.pk).status == SignupStatus.ATTENDING
    assert counters(row) == (2, 0)


def test_an_occurrence_saved_unchanged_stays_with_its_series(editor: Any, place: Any) -> None:
    series = make_series(editor, place)
    row = occurrences(series)[5]
    event_update(actor=editor, event_id=row.pk, fields={"title_fi": "Vauvakahvila"}, now=NOW)
    row.refresh_from_db()
    assert not row.detached


def test_an_occurrence_asks_its_series_questions(editor: Any, place: Any) -> None:
    series = make_series(editor, place)
    with pytest.raises(ValidationError) as error:
        event_update(
            actor=editor,
            event_id=occurrences(series)[5].pk,
            fields={},
            questions=[QuestionData(text={"fi": "?"})],
            now=NOW,
        )
    assert "questions" in error.value.message_dict


# --- Publishing and cancelling -------------------------------------------------------------------


def test_publishing_a_series_publishes_its_occurrences(editor: Any, place: Any) -> None:
    series = make_series(editor, place)
    event_publish(actor=editor, event_id=series.pk)
    assert {row.status for row in occurrences(series)} == {EventStatus.PUBLISHED}
    [entry] = audits(actions.EVENT_PUBLISH)
    assert entry.details == {"from": "draft", "to": "published", "parts": 10}
    # Publishing again changes nothing and logs nothing.
    event_publish(actor=editor, event_id=series.pk)
    assert len(audits(actions.EVENT_PUBLISH)) == 1


def test_others_may_not_publish(outsider: Any, editor: Any, place: Any) -> None:
    series = make_series(editor, place)
    with pytest.raises(NotFound):
        event_publish(actor=outsider, event_id=series.pk)
    series.refresh_from_db()
    assert series.status == EventStatus.DRAFT
    assert not audits(actions.EVENT_PUBLISH)


def test_cancelling_a_series_cancels_its_occurrences_and_tells_the_families(
    editor: Any, place: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    series = make_series(editor, place)
    event_publish(actor=editor, event_id=series.pk)
    rows = occurrences(series)
    first = sign_up(rows[2], 1, index=0)
    second = sign_up(rows[4], 2, index=1)
    told = spy_cancelled(monkeypatch)
    event_cancel(actor=editor, event_id=series.pk, reason="Ohjaaja sairastui", now=NOW)
    # The occurrence of 23.2. was held already and stays as it was.
    assert [row.status for row in occurrences(series)] == [EventStatus.PUBLISHED] + [
        EventStatus.CANCELLED
    ] * 9
    assert sorted(told) == sorted(
        [(rows[2].pk, [first.signup.pk]), (rows[4].pk, [second.signup.pk])]
    )
    [entry] = audits(actions.EVENT_CANCEL)
    assert entry.reason == "Ohjaaja sairastui"
    assert entry.details["parts"] == 9
    assert entry.details["told"] == 2
    # A cancelled event is not changed any more, and cancelling it again does nothing.
    with pytest.raises(ValidationError):
        event_update(actor=editor, event_id=series.pk, fields={"title_fi": "X"}, now=NOW)
    event_cancel(actor=editor, event_id=series.pk, now=NOW)
    assert len(audits(actions.EVENT_CANCEL)) == 1


def test_an_event_that_is_over_is_not_cancelled(
    editor: Any, place: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = at_place(place)
    sign_up(event, 1, index=0)
    told = spy_cancelled(monkeypatch)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        event_cancel(actor=editor, event_id=event.pk, now=START + dt.timedelta(hours=3))
    assert error.value.messages == ["This event is over."]
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    assert told == []


def test_cancelling_a_peer_group_session_tells_the_groups_members(
    editor: Any, place: Any, other_organization: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    group, _facilitator = published_peer_group(editor, place, other_organization)
    member = sign_up(group, 2, index=0)
    told = spy_cancelled(monkeypatch)
    session = occurrences(group)[2]
    event_cancel(actor=editor, event_id=session.pk, now=NOW)
    assert told == [(session.pk, [member.signup.pk])]
    group.refresh_from_db()
    assert group.status == EventStatus.PUBLISHED


def test_others_may_not_cancel(outsider: Any, place: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    event = EventFactory.create(organization=place.organization, location=place)
    told = spy_cancelled(monkeypatch)
    with pytest.raises(NotFound):
        event_cancel(actor=outsider, event_id=event.pk)
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    assert told == []
    assert not audits(actions.EVENT_CANCEL)


# --- Concurrency ---------------------------------------------------------------------------------


@concurrent
@pytest.mark.django_db(transaction=True)
def test_seats_raised_while_families_sign_up_keep_the_count_and_the_queue(
    editor: Any, place: Any
) -> None:
    event = at_place(place, capacity=10)

    def act(index: int) -> Any:
        if index == 0:
            return event_update(actor=editor, event_id=event.pk, fields={"capacity": 20}, now=NOW)
        return sign_up(event, 1, index=index)

    results = at_once(31, act)
    assert not [r for r in results if isinstance(r, Exception)], results
    event.refresh_from_db()
    attending = Signup.objects.filter(event=event, status=SignupStatus.ATTENDING)
    waiting = Signup.objects.filter(event=event, status=SignupStatus.WAITLISTED)
    assert (event.capacity, event.seats_taken, event.waitlisted_count) == (20, 20, 10)
    assert (attending.count(), waiting.count()) == (20, 10)
    # Those promoted by the raise were the first in the queue.
    promoted = attending.filter(queue_number__gt=0).values_list("queue_number", flat=True)
    queued = waiting.values_list("queue_number", flat=True)
    assert max(promoted, default=0) < min(queued)
