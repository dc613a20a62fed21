"""The organiser's forms alone: Finnish dates and times (and the daylight-saving change), the
rule of a series with its exceptions, where the event is, the kinds' fields, questions in three
languages, attendance marks, and the CSV cells no spreadsheet runs as a formula."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from perhekeskus.catalog.models import Location, Municipality, Service
from perhekeskus.events.forms.pro import (
    FORUM,
    OCCURRENCE,
    PEER_GROUP,
    SERIES,
    SINGLE,
    AttendanceForm,
    EventForm,
    QuestionFormSet,
    event_initial,
    exceptions_text,
    parse_exceptions,
    question_data,
)
from perhekeskus.events.models import EventKind, RecurrenceRule, RegistrationMode
from perhekeskus.events.views.pro.participants import safe_cell
from perhekeskus.testing.factories import EventFactory

pytestmark = pytest.mark.django_db


def make_form(kind: str, data: dict[str, Any], **extra: Any) -> EventForm:
    return EventForm(
        data,
        kind=kind,
        locations=Location.objects.all(),
        municipalities=Municipality.objects.all(),
        services=Service.objects.all(),
        **extra,
    )


def base(place: Location | None = None, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title_fi": "Perhekahvila",
        "day": "24.3.2027",
        "start_time": "9.30",
        "end_time": "11",
        "languages": ["fi"],
        "is_free": "on",
        "registration": RegistrationMode.DROP_IN,
        "max_group_size": "6",
    }
    if place is not None:
        data["location"] = str(place.pk)
    data.update(overrides)
    return data


def rule_data(place: Location, **overrides: Any) -> dict[str, Any]:
    data = base(place, weekdays=["1"], starts_at="9.30", ends_at="11.00")
    data.update(first_date="2.3.2027", last_date="30.3.2027", interval_weeks="1")
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("day", "start", "utc_hour"),
    [("24.3.2027", "9.30", 7), ("30.3.2027", "9.30", 6), ("2027-03-24", "09:30", 7)],
)
def test_a_finnish_date_and_time_is_helsinki_time(
    place: Location, day: str, start: str, utc_hour: int
) -> None:
    form = make_form(SINGLE, base(place, day=day, start_time=start))
    assert form.is_valid(), form.errors
    starts = form.event_fields()["starts"]
    assert starts.astimezone(dt.UTC).hour == utc_hour  # winter UTC+2, summer UTC+3
    assert timezone.localtime(starts).strftime("%H.%M") == "09.30"


def test_an_event_may_end_on_another_day(place: Location) -> None:
    form = make_form(SINGLE, base(place, end_day="25.3.2027", end_time="8.00"))
    assert form.is_valid(), form.errors
    fields = form.event_fields()
    assert fields["ends"] - fields["starts"] == dt.timedelta(hours=22, minutes=30)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"day": "31.2.2027"}, "day"),
        ({"day": "1.1.1990"}, "day"),
        ({"day": ""}, "day"),
        ({"start_time": "25.00"}, "start_time"),
        ({"end_time": "9.00"}, "end_time"),
        ({"min_age": "5", "max_age": "3"}, "max_age"),
        ({"is_free": ""}, "price_info_fi"),
        (
            {"enrolment_opens": "20.3.2027 12.00", "enrolment_closes": "1.3.2027"},
            "enrolment_closes",
        ),
        ({"title_fi": "Kaksi\nriviä"}, "title_fi"),
        ({"languages": []}, "languages"),
    ],
)
def test_what_the_form_refuses(place: Location, overrides: dict[str, Any], field: str) -> None:
    form = make_form(SINGLE, base(place, **overrides))
    assert not form.is_valid()
    assert field in form.errors


def test_enrolment_times_are_finnish(place: Location) -> None:
    form = make_form(SINGLE, base(place, enrolment_opens="1.3.2027 klo 8.00"))
    assert form.is_valid(), form.errors
    opens = form.event_fields()["enrolment_opens"]
    assert opens == dt.datetime(2027, 3, 1, 6, 0, tzinfo=dt.UTC)


def test_a_place_or_an_online_meeting(place: Location) -> None:
    nowhere = make_form(SINGLE, base())
    assert not nowhere.is_valid() and "location" in nowhere.errors
    online = make_form(SINGLE, base(is_online="on"))
    assert not online.is_valid()
    assert {"online_url", "municipality"} <= set(online.errors)
    forum = make_form(FORUM, base())
    assert forum.is_valid(), forum.errors  # an event with sessions may leave the place to them
    assert forum.event_fields()["is_forum"] is True


def test_an_online_event_has_no_place(place: Location) -> None:
    municipality = Municipality.objects.create(code="018", name="Askola")
    form = make_form(
        SINGLE,
        base(
            place,
            is_online="on",
            online_url="meet.example.org/perhe",
            municipality=str(municipality.pk),
        ),
    )
    assert form.is_valid(), form.errors
    fields = form.event_fields()
    assert fields["location"] is None and fields["municipality"] == municipality
    assert fields["online_url"] == "https://meet.example.org/perhe"


def test_a_series_has_the_rule_instead_of_a_date(place: Location) -> None:
    form = make_form(SERIES, rule_data(place, exceptions="16.3.2027\n23.3.2027.\n\n"))
    assert "day" not in form.fields and "weekdays" in form.fields
    assert form.is_valid(), form.errors
    rule = form.rule()
    assert rule is not None
    assert rule.weekdays == (1,)
    assert rule.exceptions == (dt.date(2027, 3, 16), dt.date(2027, 3, 23))
    fields = form.event_fields()
    # From the first Tuesday's start to the last one's end, across the change to summer time.
    assert timezone.localtime(fields["starts"]).strftime("%d.%m. %H.%M") == "02.03. 09.30"
    assert timezone.localtime(fields["ends"]).strftime("%d.%m. %H.%M") == "30.03. 11.00"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"weekdays": []}, "weekdays"),
        ({"ends_at": "9.00"}, "ends_at"),
        ({"last_date": "1.3.2027"}, "last_date"),
        ({"exceptions": "pääsiäinen"}, "exceptions"),
        ({"weekdays": ["0", "1", "2", "3", "4", "5", "6"], "last_date": "1.3.2028"}, "last_date"),
        ({"weekdays": ["0"], "last_date": "7.3.2027"}, "weekdays"),  # no Monday in 2.–7.3.
    ],
)
def test_what_the_rule_refuses(place: Location, overrides: dict[str, Any], field: str) -> None:
    form = make_form(SERIES, rule_data(place, **overrides))
    assert not form.is_valid()
    assert field in form.errors


def test_exceptions_are_read_and_written_in_finnish_style() -> None:
    days, bad = parse_exceptions("6.4.2027\n2027-04-13\n  \nei päivä\n")
    assert days == (dt.date(2027, 4, 6), dt.date(2027, 4, 13))
    assert bad == ["ei päivä"]
    assert exceptions_text("2027-04-06\n2027-04-13") == "6.4.2027\n13.4.2027"


def test_a_peer_group_takes_applications_and_names_its_facilitator(
    place: Location, editor: Any
) -> None:
    from perhekeskus.accounts.models import User

    form = make_form(
        PEER_GROUP,
        rule_data(place, facilitator=str(editor.pk), allow_pseudonyms="on"),
        facilitators=User.objects.all(),
    )
    assert "registration" not in form.fields
    assert form.is_valid(), form.errors
    fields = form.event_fields()
    assert fields["registration"] == RegistrationMode.APPLICATION
    assert fields["facilitator"] == editor and fields["allow_pseudonyms"] is True
    assert fields["is_peer_group"] is True


def test_a_peer_groups_session_has_no_registration_of_its_own(place: Location) -> None:
    form = make_form(OCCURRENCE, base(place), in_peer_group=True)
    assert "capacity" not in form.fields and "registration" not in form.fields
    assert form.is_valid(), form.errors
    assert "capacity" not in form.event_fields()
    assert "registration" not in form.event_fields()


def test_a_stored_series_is_shown_as_typed(place: Location) -> None:
    series = EventFactory.create(
        kind=EventKind.SERIES,
        location=place,
        starts=dt.datetime(2027, 3, 2, 7, 30, tzinfo=dt.UTC),
        ends=dt.datetime(2027, 3, 30, 8, 0, tzinfo=dt.UTC),
        tasks=",1,8,",
        enrolment_opens=dt.datetime(2027, 2, 1, 6, 0, tzinfo=dt.UTC),
    )
    RecurrenceRule.objects.create(
        event=series,
        weekdays=",1,",
        starts_at=dt.time(9, 30),
        ends_at=dt.time(11, 0),
        first_date=dt.date(2027, 3, 2),
        last_date=dt.date(2027, 3, 30),
        exceptions="2027-03-16",
    )
    initial = event_initial(series)
    assert initial["starts_at"] == "9.30" and initial["ends_at"] == "11.00"
    assert initial["first_date"] == "2.3.2027" and initial["exceptions"] == "16.3.2027"
    assert initial["tasks"] == [1, 8]
    assert initial["enrolment_opens"] == "1.2.2027 8.00"
    # The initial values are valid input again.
    data = {key: value for key, value in initial.items() if value not in (None, "")}
    data.update(languages=["fi"], is_free="on", registration=RegistrationMode.REGISTRATION)
    data.update(location=str(place.pk), tasks=["1", "8"], weekdays=["1"])
    assert make_form(SERIES, data).is_valid()


def _questions(rows: list[dict[str, str]]) -> Any:
    data: dict[str, str] = {
        "questions-TOTAL_FORMS": str(len(rows)),
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "20",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"questions-{index}-{key}"] = value
    return QuestionFormSet(data, prefix="questions")


def test_questions_in_three_languages_with_choices() -> None:
    formset = _questions(
        [
            {
                "text_fi": "Ruokavalio",
                "text_sv": "Diet",
                "kind": "choice",
                "choices_fi": "Tavallinen\nKasvis\n",
                "choices_sv": "Vanlig\nVegetarisk",
                "required": "on",
            },
            {"text_fi": "Poistettava", "kind": "text", "DELETE": "on"},
            {"text_fi": "", "kind": "text"},  # the empty extra row
        ]
    )
    assert formset.is_valid(), formset.errors
    (question,) = question_data(formset)
    assert question.text == {"fi": "Ruokavalio", "sv": "Diet", "en": ""}
    assert question.choices["fi"] == "Tavallinen\nKasvis"
    assert question.kind == "choice" and question.required


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"text_fi": "Valitse", "kind": "choice", "choices_fi": "Yksi"}, "choices_fi"),
        (
            {"text_fi": "Valitse", "kind": "choice", "choices_fi": "A\nB", "choices_en": "A"},
            "choices_en",
        ),
        ({"text_sv": "Bara svenska", "kind": "text"}, "text_fi"),
    ],
)
def test_what_a_question_refuses(row: dict[str, str], field: str) -> None:
    formset = _questions([row])
    assert not formset.is_valid()
    assert field in formset.forms[0].errors


def test_attendance_marks() -> None:
    form = AttendanceForm({"p1": "present", "p2": "absent", "p3": ""}, participant_ids=[1, 2, 3])
    assert form.is_valid()
    assert form.marks() == {1: True, 2: False, 3: None}


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+358401234567", "'+358401234567"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Maija", "Maija"),
        (3, "3"),
        (None, ""),
    ],
)
def test_no_cell_is_a_formula(value: object, cell: str) -> None:
    assert safe_cell(value) == cell
