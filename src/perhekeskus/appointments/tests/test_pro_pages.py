"""The professional's appointment pages over HTTP: the calendar, a booking and its actions, the
hours and blocked time, appointment types with their questions, and the feed's page. Who may do
what is in test_pro_permissions.py; the feed itself in test_feed.py."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from perhekeskus.appointments import actions
from perhekeskus.appointments.models import (
    AppointmentType,
    AvailabilityException,
    BookingStatus,
    Channel,
    ExceptionKind,
    ProfessionalCalendar,
    WeeklyHours,
    WhoMayBook,
)
from perhekeskus.appointments.tests.factories import AvailabilityExceptionFactory
from perhekeskus.appointments.tests.pro_people import (
    FAMILY_EMAIL,
    FAMILY_NAME,
    FAMILY_PHONE,
    People,
    audited,
    booking_for,
    make_people,
)
from perhekeskus.testing.clients import logged_in_client

pytestmark = pytest.mark.django_db

BASE = "/en/pro/appointments/"


@pytest.fixture
def people(organization: Any, other_organization: Any) -> People:
    return make_people(organization, other_organization)


@pytest.fixture
def client(people: People) -> Client:
    return logged_in_client(people.pro)


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


def text(response: Any) -> str:
    return str(response.content.decode())


# --- Calendar -----------------------------------------------------------------------------------


def test_week_shows_bookings_hours_and_blocked_time_in_finnish_time(
    client: Client, people: People
) -> None:
    # Monday 4 January 2027: 10.00 in Helsinki is 8.00 UTC.
    booking = booking_for(people, starts=local(2027, 1, 4, 10))
    AvailabilityExceptionFactory.create(
        professional=people.pro,
        starts=local(2027, 1, 5, 12),
        ends=local(2027, 1, 5, 13, 30),
        note="koulutus",
    )
    response = client.get(BASE, {"date": "2027-01-06"})
    assert response.status_code == 200
    content = text(response)
    assert "Week 1: 4.1.–10.1.2027" in content
    assert f"/en/pro/appointments/bookings/{booking.pk}/" in content
    assert "Lastenvalvojan etätapaaminen" in content or "Remote meeting" in content
    assert ">10.00</time>–<time" in content
    assert FAMILY_NAME in content
    assert "8.00</time>–<time" in content  # working hours
    assert "12.00</time>–<time" in content and "koulutus" in content  # blocked time
    assert "date=2026-12-30" in content and "date=2027-01-13" in content  # previous and next
    assert audited(actions.BOOKING_LIST.name, people.pro) == 1


def test_a_public_holiday_is_shown_closed(client: Client, people: People) -> None:
    response = client.get(BASE, {"view": "day", "date": "2027-01-06"})  # Epiphany
    assert response.status_code == 200
    assert "Public holiday: closed." in text(response)


def test_a_day_without_bookings_says_so(client: Client, people: People) -> None:
    response = client.get(BASE, {"view": "day", "date": "2027-01-05"})
    assert response.status_code == 200
    content = text(response)
    assert "No appointments are booked on this day." in content
    assert "date=2027-01-04" in content and "date=2027-01-06" in content


def test_the_calendar_is_in_finnish_with_finnish_dates(client: Client, people: People) -> None:
    booking_for(people, starts=local(2027, 1, 4, 9, 30))
    content = text(client.get("/fi/pro/appointments/", {"date": "2027-01-04"}))
    assert "Maanantai" in content or "maanantai" in content
    assert "9.30" in content


def test_a_bad_date_is_a_400_with_the_message(client: Client, people: People) -> None:
    response = client.get(BASE, {"date": "32.13.2027"})
    assert response.status_code == 400
    assert "Enter a valid date." in text(response)


@pytest.mark.parametrize("view", ["week", "day"])
@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31"])
def test_a_date_at_the_calendars_edge_is_a_400_not_a_500(
    client: Client, people: People, view: str, date: str
) -> None:
    response = client.get(BASE, {"date": date, "view": view})
    assert response.status_code == 400
    assert "Enter a valid date." in text(response)


# --- One booking --------------------------------------------------------------------------------


def test_booking_page_shows_the_family_and_answers_and_is_audited(
    client: Client, people: People
) -> None:
    booking = booking_for(people)
    response = client.get(f"{BASE}bookings/{booking.pk}/")
    assert response.status_code == 200
    content = text(response)
    for expected in (FAMILY_NAME, FAMILY_EMAIL, FAMILY_PHONE, "Tapaamisoikeudesta", "By phone"):
        assert expected in content
    assert "What would you like to talk about?" in content
    assert audited(actions.BOOKING_VIEW.name, booking) == 1


def test_video_booking_gives_the_professional_the_room(client: Client, people: People) -> None:
    booking = booking_for(people, channel=Channel.VIDEO)
    content = text(client.get(f"{BASE}bookings/{booking.pk}/"))
    assert booking.video_room and booking.video_room in content
    assert "Open the video room" in content


def test_a_cancelled_video_booking_gives_no_room(client: Client, people: People) -> None:
    booking = booking_for(people, channel=Channel.VIDEO)
    booking.status = BookingStatus.CANCELLED
    booking.save(update_fields=["status"])
    content = text(client.get(f"{BASE}bookings/{booking.pk}/"))
    assert booking.video_room not in content
    assert "Open the video room" not in content


def test_a_scheduler_sees_the_booking_but_not_the_professionals_video_link(
    people: People,
) -> None:
    booking = booking_for(people, channel=Channel.VIDEO)
    content = text(logged_in_client(people.scheduler).get(f"{BASE}bookings/{booking.pk}/"))
    assert FAMILY_NAME in content
    assert booking.video_room not in content


def test_mark_done_and_no_show(client: Client, people: People) -> None:
    past = timezone.now() - dt.timedelta(hours=2)
    done = booking_for(people, starts=past.replace(second=0, microsecond=0))
    response = client.post(f"{BASE}bookings/{done.pk}/done/")
    assert response.status_code == 302
    done.refresh_from_db()
    assert done.status == BookingStatus.DONE
    assert audited(actions.BOOKING_DONE.name, done) == 1

    missed = booking_for(
        people, starts=(past - dt.timedelta(days=1)).replace(second=0, microsecond=0)
    )
    assert client.post(f"{BASE}bookings/{missed.pk}/no-show/").status_code == 302
    missed.refresh_from_db()
    assert missed.status == BookingStatus.NO_SHOW
    assert audited(actions.BOOKING_NO_SHOW.name, missed) == 1


def test_cancel_needs_a_reason_and_a_confirmation(client: Client, people: People) -> None:
    booking = booking_for(people)
    url = f"{BASE}bookings/{booking.pk}/cancel/"
    assert client.get(url).status_code == 200

    missing = client.post(url, {"reason": "  "})
    assert missing.status_code == 400
    assert "Write the reason: the family receives it." in text(missing)

    confirm = client.post(url, {"reason": "Olen sairaana. Varatkaa uusi aika."})
    assert confirm.status_code == 200
    assert "Check and confirm" in text(confirm)
    assert "Olen sairaana. Varatkaa uusi aika." in text(confirm)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
    assert audited(actions.BOOKING_CANCEL.name) == 0

    done = client.post(url, {"reason": "Olen sairaana. Varatkaa uusi aika.", "confirmed": "on"})
    assert done.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.cancel_reason == "Olen sairaana. Varatkaa uusi aika."
    assert audited(actions.BOOKING_CANCEL.name, booking) == 1


def test_export_is_a_json_download_and_audited(client: Client, people: People) -> None:
    booking = booking_for(people)
    response = client.post(f"{BASE}bookings/{booking.pk}/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert FAMILY_NAME in json.dumps(json.loads(response.content), ensure_ascii=False)
    assert audited(actions.BOOKING_EXPORT.name, booking) == 1


def test_export_is_post_only(client: Client, people: People) -> None:
    booking = booking_for(people)
    assert client.get(f"{BASE}bookings/{booking.pk}/export/").status_code == 405
    assert audited(actions.BOOKING_EXPORT.name) == 0


# --- Hours and blocked time ---------------------------------------------------------------------


def hours_data(rows: list[tuple[str, str, str]], *, delete: tuple[int, ...] = ()) -> dict[str, str]:
    data = {
        "professional": "",
        "hours-TOTAL_FORMS": str(len(rows)),
        "hours-INITIAL_FORMS": "0",
        "hours-MIN_NUM_FORMS": "0",
        "hours-MAX_NUM_FORMS": "1000",
    }
    for index, (weekday, starts, ends) in enumerate(rows):
        data[f"hours-{index}-weekday"] = weekday
        data[f"hours-{index}-starts"] = starts
        data[f"hours-{index}-ends"] = ends
        if index in delete:
            data[f"hours-{index}-DELETE"] = "on"
    return data


def stored_hours(people: People) -> list[tuple[int, dt.time, dt.time]]:
    return list(
        WeeklyHours.objects.filter(professional=people.pro)
        .order_by("weekday", "starts")
        .values_list("weekday", "starts", "ends")
    )


def test_availability_page_shows_the_hours(client: Client, people: People) -> None:
    response = client.get(f"{BASE}availability/")
    assert response.status_code == 200
    content = text(response)
    assert 'value="08:00"' in content and 'value="16:00"' in content
    assert "Block time or add extra hours" in content


def test_weekly_hours_are_replaced(client: Client, people: People) -> None:
    response = client.post(
        f"{BASE}availability/hours/",
        hours_data(
            [("0", "8.00", "11.30"), ("0", "12:00", "15:00"), ("2", "9:00", "12:00"), ("4", "", "")]
        ),
    )
    assert response.status_code == 302, text(response)[:2000]
    assert stored_hours(people) == [
        (0, dt.time(8), dt.time(11, 30)),
        (0, dt.time(12), dt.time(15)),
        (2, dt.time(9), dt.time(12)),
    ]
    assert audited(actions.AVAILABILITY_UPDATE.name) == 1


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("0", "12:00", "9:00")], "The end must be after the start."),
        ([("1", "8:00", "12:00"), ("1", "11:00", "14:00")], "These hours overlap other hours"),
        ([("1", "8:00", "")], "This field is required."),
    ],
    ids=["end-before-start", "overlap", "no-end"],
)
def test_weekly_hours_are_checked(
    client: Client, people: People, rows: list[tuple[str, str, str]], message: str
) -> None:
    before = stored_hours(people)
    response = client.post(f"{BASE}availability/hours/", hours_data(rows))
    assert response.status_code == 400
    assert message in text(response)
    assert stored_hours(people) == before
    assert audited(actions.AVAILABILITY_UPDATE.name) == 0


def test_works_on_public_holidays(client: Client, people: People) -> None:
    response = client.post(
        f"{BASE}availability/settings/", {"settings-works_on_public_holidays": "on"}
    )
    assert response.status_code == 302
    assert ProfessionalCalendar.objects.get(professional=people.pro).works_on_public_holidays


def test_block_time_and_remove_it(client: Client, people: People) -> None:
    response = client.post(
        f"{BASE}availability/exceptions/",
        {
            "exception-kind": ExceptionKind.ABSENCE,
            "exception-starts": "2027-01-05T09:00",
            "exception-ends": "2027-01-05T12:00",
            "exception-note": "koulutus",
        },
    )
    assert response.status_code == 302, text(response)[:2000]
    exception = AvailabilityException.objects.get(professional=people.pro)
    assert exception.starts == local(2027, 1, 5, 9)  # Finnish time
    assert exception.ends == local(2027, 1, 5, 12)
    assert audited(actions.EXCEPTION_CREATE.name) == 1
    assert "koulutus" in text(client.get(f"{BASE}availability/"))

    response = client.post(f"{BASE}availability/exceptions/{exception.pk}/delete/")
    assert response.status_code == 302
    assert not AvailabilityException.objects.filter(pk=exception.pk).exists()
    assert audited(actions.EXCEPTION_DELETE.name) == 1


def test_extra_hours_in_finnish_notation(client: Client, people: People) -> None:
    response = client.post(
        f"{BASE}availability/exceptions/",
        {
            "exception-kind": ExceptionKind.EXTRA,
            "exception-starts": "9.1.2027 10.00",
            "exception-ends": "9.1.2027 14.00",
        },
    )
    assert response.status_code == 302, text(response)[:2000]
    exception = AvailabilityException.objects.get(professional=people.pro)
    assert exception.kind == ExceptionKind.EXTRA
    assert exception.starts == local(2027, 1, 9, 10)


def test_blocked_time_must_end_after_it_starts(client: Client, people: People) -> None:
    response = client.post(
        f"{BASE}availability/exceptions/",
        {
            "exception-kind": ExceptionKind.ABSENCE,
            "exception-starts": "2027-01-05T12:00",
            "exception-ends": "2027-01-05T09:00",
        },
    )
    assert response.status_code == 400
    assert "The end must be after the start." in text(response)
    assert not AvailabilityException.objects.exists()
    assert audited(actions.EXCEPTION_CREATE.name) == 0


@pytest.mark.parametrize(
    ("starts", "ends"),
    [("0001-01-01T00:00", "0001-01-02T00:00"), ("9999-12-30T08:00", "9999-12-31T08:00")],
)
def test_blocked_time_at_the_calendars_edge_is_refused(
    client: Client, people: People, starts: str, ends: str
) -> None:
    response = client.post(
        f"{BASE}availability/exceptions/",
        {
            "exception-kind": ExceptionKind.ABSENCE,
            "exception-starts": starts,
            "exception-ends": ends,
        },
    )
    assert response.status_code == 400
    assert "Enter a valid date/time." in text(response)
    assert not AvailabilityException.objects.exists()
    assert audited(actions.EXCEPTION_CREATE.name) == 0


# --- Appointment types --------------------------------------------------------------------------


def type_data(people: People, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name_fi": "Perheneuvonnan puhelinaika",
        "name_sv": "Familjerådgivningens telefontid",
        "name_en": "Family counselling by phone",
        "description_fi": "Puhelu perheneuvojan kanssa.",
        "duration_minutes": "30",
        "channels": [Channel.PHONE, Channel.VIDEO],
        "professionals": [str(people.pro.pk)],
        "who_may_book": WhoMayBook.ANYONE,
        "min_notice_minutes": "60",
        "max_days_ahead": "30",
        "buffer_before_minutes": "0",
        "buffer_after_minutes": "15",
        "limit_per_person": "2",
        "limit_period_days": "30",
        "cancellation_deadline_hours": "24",
        "is_active": "on",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "questions-0-text_fi": "Lapsen ikä?",
        "questions-0-text_en": "Age of the child?",
        "questions-0-kind": "choice",
        "questions-0-choices_fi": "alle 3\n3–6\nyli 6",
        "questions-0-choices_en": "under 3\n3–6\nover 6",
        "questions-0-required": "on",
        "questions-0-position": "1",
    }
    data.update(overrides)
    return data


@pytest.fixture
def scheduler_client(people: People) -> Client:
    return logged_in_client(people.scheduler)


def test_type_list_shows_the_organisations_types(scheduler_client: Client, people: People) -> None:
    response = scheduler_client.get(f"{BASE}types/")
    assert response.status_code == 200
    content = text(response)
    assert f"/en/pro/appointments/types/{people.appointment_type.pk}/" in content
    assert "/en/pro/appointments/types/new/" in content


def test_create_a_type_with_a_question(scheduler_client: Client, people: People) -> None:
    service = people.appointment_type.service
    assert scheduler_client.get(f"{BASE}types/new/").status_code == 200
    url = f"{BASE}types/new/?service={service.pk}"
    form = scheduler_client.get(url)
    assert form.status_code == 200
    assert "Perhekeskus Simo" in text(form)  # the service's place
    response = scheduler_client.post(url, type_data(people))
    assert response.status_code == 302, text(response)[:3000]
    created = AppointmentType.objects.exclude(pk=people.appointment_type.pk).get()
    assert created.service == service
    assert created.name_sv == "Familjerådgivningens telefontid"
    assert created.channels == [Channel.PHONE, Channel.VIDEO]
    assert list(created.professionals.all()) == [people.pro]
    assert created.buffer_after_minutes == 15 and created.limit_per_person == 2
    question = created.questions.get()
    assert question.required and question.choices_fi.splitlines() == ["alle 3", "3–6", "yli 6"]
    assert question.text_en == "Age of the child?"
    assert audited(actions.TYPE_CREATE.name, created) == 1


def test_edit_a_type_and_remove_its_question(scheduler_client: Client, people: People) -> None:
    appointment_type = people.appointment_type
    url = f"{BASE}types/{appointment_type.pk}/"
    page = scheduler_client.get(url)
    assert page.status_code == 200
    assert "Mistä haluatte puhua?" in text(page)
    data = type_data(
        people,
        **{
            "name_fi": "Lastenvalvoja, video",
            "channels": [Channel.VIDEO],
            "questions-INITIAL_FORMS": "1",
            "questions-0-id": str(people.question.pk),
            "questions-0-kind": "text",
            "questions-0-DELETE": "on",
        },
    )
    response = scheduler_client.post(url, data)
    assert response.status_code == 302, text(response)[:3000]
    appointment_type.refresh_from_db()
    assert appointment_type.name_fi == "Lastenvalvoja, video"
    assert appointment_type.channels == [Channel.VIDEO]
    assert not appointment_type.questions.exists()
    assert audited(actions.TYPE_UPDATE.name, appointment_type) == 1


def test_a_link_only_type_shows_the_link_to_send(scheduler_client: Client, people: People) -> None:
    url = f"{BASE}types/{people.appointment_type.pk}/"
    response = scheduler_client.post(
        url, type_data(people, who_may_book=WhoMayBook.LINK, **{"questions-TOTAL_FORMS": "0"})
    )
    assert response.status_code == 302, text(response)[:3000]
    people.appointment_type.refresh_from_db()
    token = people.appointment_type.link_token
    assert token
    assert token in text(scheduler_client.get(url))


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"channels": []}, "Choose at least one channel."),
        ({"channels": [Channel.VISIT]}, "Choose at least one place for appointments at a place."),
        ({"name_fi": ""}, "This field is required."),
        ({"duration_minutes": "3"}, "greater than or equal to 5"),
        ({"professionals": []}, "Choose at least one professional"),
        ({"questions-0-choices_fi": "vain yksi"}, "A choice question needs at least two choices."),
        ({"questions-0-choices_en": "one\ntwo"}, "Give as many choices as in Finnish"),
        ({"questions-0-text_fi": ""}, "This field is required."),
        # A name goes into the e-mail's subject, the text message and the calendar file.
        ({"name_fi": "Aika\r\nBcc: joku@example.org"}, "no line breaks or control characters"),
        ({"name_sv": "Tid\u202egnimötsav"}, "no line breaks or control characters"),
        ({"questions-0-text_en": "Age?\nOther"}, "no line breaks or control characters"),
    ],
    ids=[
        "no-channel",
        "visit-without-place",
        "no-finnish-name",
        "too-short",
        "no-professional",
        "one-choice",
        "choices-differ",
        "question-without-text",
        "name-with-a-line-break",
        "name-with-a-direction-override",
        "question-with-a-line-break",
    ],
)
def test_type_form_messages(
    scheduler_client: Client, people: People, overrides: dict[str, Any], message: str
) -> None:
    service = people.appointment_type.service
    response = scheduler_client.post(
        f"{BASE}types/new/?service={service.pk}", type_data(people, **overrides)
    )
    assert response.status_code == 400
    assert message in text(response)
    assert AppointmentType.objects.count() == 1
    assert audited(actions.TYPE_CREATE.name) == 0


# --- Feed page ----------------------------------------------------------------------------------


def test_feed_address_is_shown_once(client: Client, people: People) -> None:
    page = client.get(f"{BASE}feed/")
    assert page.status_code == 200
    assert "No feed address is in use." in text(page)
    created = client.post(f"{BASE}feed/create/")
    assert created.status_code == 200
    content = text(created)
    assert "/calendar-feeds/" in content and "webcal://" in content
    address = content.split('id="feed-url">', 1)[1].split("<", 1)[0]
    assert address.endswith(".ics")
    again = text(client.get(f"{BASE}feed/"))
    assert "A feed address is in use" in again
    assert address not in again
    assert audited(actions.FEED_CREATE.name) == 1


def test_revoke_the_feed(client: Client, people: People) -> None:
    client.post(f"{BASE}feed/create/")
    response = client.post(f"{BASE}feed/revoke/")
    assert response.status_code == 302
    assert "No feed address is in use." in text(client.get(f"{BASE}feed/"))
    assert audited(actions.FEED_REVOKE.name) == 1


def test_the_dashboard_links_the_calendar(client: Client, people: People) -> None:
    from perhekeskus.core.dashboard import cards_for

    keys = [card.key for card in cards_for(people.pro)]
    assert "appointments.calendar" in keys
    assert "appointments.types" not in keys
    scheduler_keys = [card.key for card in cards_for(people.scheduler)]
    assert {"appointments.calendar", "appointments.types"} <= set(scheduler_keys)


def test_clearing_a_rows_times_drops_it(client: Client, people: People) -> None:
    data = hours_data([("0", "8:00", "16:00"), ("1", "", "")])
    data["hours-INITIAL_FORMS"] = "2"
    response = client.post(f"{BASE}availability/hours/", data)
    assert response.status_code == 302, text(response)[:2000]
    assert stored_hours(people) == [(0, dt.time(8), dt.time(16))]


def test_a_booking_on_the_day_summer_time_begins_is_shown_in_finnish_time(
    client: Client, people: People
) -> None:
    # Sunday 28 March 2027: the clocks go from 3.00 to 4.00; 10.00 is then 7.00 UTC.
    booking = booking_for(people, starts=dt.datetime(2027, 3, 28, 7, 0, tzinfo=dt.UTC))
    content = text(client.get(BASE, {"view": "day", "date": "2027-03-28"}))
    assert f"/en/pro/appointments/bookings/{booking.pk}/" in content
    assert ">10.00</time>–<time" in content


def test_type_form_marks_the_languages_of_what_is_typed(
    scheduler_client: Client, people: People
) -> None:
    content = text(scheduler_client.get(f"{BASE}types/{people.appointment_type.pk}/"))
    assert 'name="name_sv"' in content and 'lang="sv"' in content and 'lang="en"' in content


def test_a_coordinator_chooses_among_every_professional(people: People) -> None:
    content = text(logged_in_client(people.coordinator).get(BASE))
    assert f'<option value="{people.pro.pk}"' in content
    assert f'<option value="{people.colleague.pk}"' in content


def test_an_editor_without_a_calendar_is_told_so(people: People) -> None:
    from perhekeskus.core.roles import Role
    from perhekeskus.testing.factories import UserFactory

    editor = UserFactory.create(organization=people.organization, roles=[Role.ORGANIZATION_EDITOR])
    client = logged_in_client(editor)
    for page in ("", "availability/", "feed/"):
        response = client.get(f"{BASE}{page}")
        assert response.status_code == 200
        assert "You have no calendar here" in text(response)
    assert audited(actions.BOOKING_LIST.name) == 0
    assert client.get(f"{BASE}?professional={people.pro.pk}").status_code == 404
    types = client.get(f"{BASE}types/")
    assert str(people.appointment_type.pk) in text(types)


def test_a_service_without_places_says_where_to_add_one(
    scheduler_client: Client, people: People
) -> None:
    from perhekeskus.testing.factories import ServiceFactory

    service = ServiceFactory.create(organization=people.organization)
    content = text(scheduler_client.get(f"{BASE}types/new/?service={service.pk}"))
    assert "The service has no places in the catalogue yet" in content


# --- In a browser ---------------------------------------------------------------------------------


def _log_in(page: Any, base: str, email: str) -> None:
    from perhekeskus.testing.factories import PASSWORD

    page.goto(f"{base}/en/accounts/login/")
    page.fill("#id_email", email)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/en/accounts/me/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_pro_pages_pass_axe(live_server: Any, page: Any, people: People) -> None:
    from perhekeskus.testing.browser import axe_violations, describe

    booking = booking_for(people, channel=Channel.VIDEO)
    AvailabilityExceptionFactory.create(
        professional=people.pro,
        starts=booking.starts + dt.timedelta(hours=3),
        ends=booking.starts + dt.timedelta(hours=4),
        note="koulutus",
    )
    _log_in(page, live_server.url, people.scheduler.email)
    base = f"{live_server.url}/en/pro/appointments"
    day = timezone.localtime(booking.starts).date().isoformat()
    who = f"professional={people.pro.pk}"
    failures = []

    def check(label: str) -> None:
        violations = axe_violations(page)
        if violations:
            failures.append(f"{label}\n{describe(violations)}")

    for path in [
        f"/?{who}&date={day}",
        f"/?{who}&view=day&date={day}",
        f"/bookings/{booking.pk}/",
        f"/bookings/{booking.pk}/cancel/",
        f"/availability/?{who}",
        f"/feed/?{who}",
        "/types/",
        f"/types/{people.appointment_type.pk}/",
    ]:
        page.goto(f"{base}{path}")
        check(path)
    # Refused forms come back with their error summaries.
    page.goto(f"{base}/availability/?{who}")
    page.fill("#id_hours-0-starts", "17:00")
    with page.expect_navigation():
        page.click("form[action$='/hours/'] button[type=submit]")
    assert "The end must be after the start." in page.content(), page.content()[-4000:]
    page.wait_for_selector(".error-summary")
    check("hours ending before they start")
    page.goto(f"{base}/types/{people.appointment_type.pk}/")
    page.fill("#id_name_fi", "")
    page.click("main form button[type=submit]")
    page.wait_for_selector(".error-summary")
    check("type without a Finnish name")
    assert not failures, "\n\n".join(failures)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_cancel_by_keyboard_without_javascript(
    live_server: Any, page_without_javascript: Any, people: People
) -> None:
    booking = booking_for(people)
    page = page_without_javascript
    _log_in(page, live_server.url, people.pro.email)
    page.goto(f"{live_server.url}/en/pro/appointments/bookings/{booking.pk}/")
    page.focus(f"a[href$='/bookings/{booking.pk}/cancel/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.focus("#id_reason")
    page.keyboard.type("Olen sairaana, varatkaa uusi aika.")
    page.focus("main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Check and confirm" in page.content()
    page.focus("main form button.danger")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "The appointment was cancelled." in page.content()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
