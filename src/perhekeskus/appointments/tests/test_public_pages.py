"""The family's booking pages over HTTP: every page in fi, sv and en, the validation messages, a
double submit that books once, a taken slot that keeps what was typed, the cancellation deadline,
404s for wrong tokens and no token in a logged path."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from perhekeskus.appointments import slotids
from perhekeskus.appointments.models import (
    AppointmentType,
    Booking,
    BookingStatus,
    Channel,
    ExceptionKind,
    QuestionKind,
    WhoMayBook,
)
from perhekeskus.appointments.tests.factories import (
    AppointmentTypeFactory,
    AvailabilityExceptionFactory,
    BookingFactory,
    PreQuestionFactory,
    book,
    receiving_professional,
)
from perhekeskus.catalog.models import ContactChannel
from perhekeskus.core.accesslog import PrivateAccessLogFilter, mask_path
from perhekeskus.core.links import site_url

pytestmark = pytest.mark.django_db

# Monday 4 January 2027, 7.00 in Finnish time: with two hours' notice the first free time of a
# 45-minute type on an 8–16 day is 9.30 (8.00, 8.45, 9.30, ...).
NOW = dt.datetime(2027, 1, 4, 5, 0, tzinfo=dt.UTC)
FIRST = dt.datetime(2027, 1, 4, 7, 30, tzinfo=dt.UTC)  # 9.30 in Helsinki
SECOND = FIRST + dt.timedelta(minutes=45)  # 10.15
LANGS = ["fi", "sv", "en"]


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


@pytest.fixture
def pro(organization: Any) -> Any:
    return receiving_professional(organization, full_name="Maija Virtanen", title="lastenvalvoja")


@pytest.fixture
def appointment_type(pro: Any) -> AppointmentType:
    appointment_type = AppointmentTypeFactory.create(
        name="Lastenvalvojan etätapaaminen",
        name_sv="Distansmöte med barnatillsyningsmannen",
        name_en="Remote meeting with the child custody officer",
        professionals=[pro],
    )
    PreQuestionFactory.create(
        appointment_type=appointment_type,
        text="Mistä haluat puhua?",
        text_sv="Vad vill du tala om?",
        text_en="What would you like to talk about?",
        required=True,
    )
    ContactChannel.objects.create(
        service=appointment_type.service, kind="phone", value="016 123 4567"
    )
    return appointment_type


def slots_url(appointment_type: AppointmentType, lang: str = "fi", **query: str) -> str:
    suffix = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/{lang}/book/{appointment_type.pk}/" + (f"?{suffix}" if suffix else "")


def details_url(appointment_type: AppointmentType, lang: str = "fi", **query: str) -> str:
    suffix = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/{lang}/book/{appointment_type.pk}/details/" + (f"?{suffix}" if suffix else "")


def slot_id(appointment_type: AppointmentType, pro: Any, starts: dt.datetime = FIRST) -> str:
    return slotids.encode(appointment_type.pk, pro.pk, starts)


def details_form(
    client: Client, appointment_type: AppointmentType, pro: Any, lang: str = "fi", **overrides: str
) -> dict[str, str]:
    slot = slot_id(appointment_type, pro, overrides.pop("starts", FIRST))  # type: ignore[arg-type]
    page = client.get(details_url(appointment_type, lang, slot=slot, channel="video", who="any"))
    assert page.status_code == 200, page.status_code
    form = page.context["form"]
    question = appointment_type.questions.order_by("pk").first()
    assert question is not None
    data = {
        "form_token": form["form_token"].value(),
        "slot": slot,
        "channel": "video",
        "who": "any",
        "link": "",
        "name": "Liisa Perhe",
        "email": "liisa@example.org",
        "phone": "",
        f"q_{question.pk}": "Tapaamisoikeudesta",
    }
    data.update(overrides)
    return data


def book_first(appointment_type: AppointmentType, pro: Any) -> None:
    """Someone else books the first free time."""
    question = appointment_type.questions.get()
    book(
        appointment_type=appointment_type,
        professional=pro,
        starts=FIRST,
        channel="video",
        email="toinen@example.org",
        answers={str(question.pk): "Muuta"},
    )


def html(response: Any) -> str:
    return response.content.decode()


# --- The service card and the types -------------------------------------------------------------


def test_the_service_card_offers_booking_only_when_the_service_has_bookable_types(
    appointment_type: AppointmentType,
) -> None:
    page = Client().get(f"/fi/services/{appointment_type.service_id}")
    assert f'href="/fi/book/service/{appointment_type.service_id}/"' in html(page)
    other = AppointmentTypeFactory.create(professionals=[], is_active=False)
    page = Client().get(f"/fi/services/{other.service_id}")
    assert "/book/service/" not in html(page)


@pytest.mark.parametrize("lang", LANGS)
def test_the_service_page_lists_the_types_in_each_language(
    appointment_type: AppointmentType, lang: str
) -> None:
    page = Client().get(f"/{lang}/book/service/{appointment_type.service_id}/")
    assert page.status_code == 200
    text = html(page)
    assert f'<html lang="{lang}">' in text
    name = {"fi": appointment_type.name_fi, "sv": appointment_type.name_sv}.get(
        lang, appointment_type.name_en
    )
    assert name in text
    assert {"fi": "45 minuuttia", "sv": "45 minuter", "en": "45 minutes"}[lang] in text
    assert slots_url(appointment_type, lang) in text


def test_a_service_without_bookable_types_says_whom_to_call(organization: Any) -> None:
    appointment_type = AppointmentTypeFactory.create(professionals=[])
    ContactChannel.objects.create(
        service=appointment_type.service, kind="phone", value="016 765 4321"
    )
    page = Client().get(f"/en/book/service/{appointment_type.service_id}/")
    assert page.status_code == 200
    assert 'href="tel:0167654321"' in html(page)


# --- Choosing a time ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "weekday"), [("fi", "Maanantai"), ("sv", "Måndag"), ("en", "Monday")]
)
def test_the_week_shows_free_times_by_day_in_finnish_time(
    appointment_type: AppointmentType, pro: Any, lang: str, weekday: str
) -> None:
    page = Client().get(slots_url(appointment_type, lang))
    assert page.status_code == 200
    text = html(page)
    assert f"<legend>{weekday} 4.1.2027</legend>" in text
    assert "9.30–10.15" in text  # the first free time, in Finnish time
    monday = text.split(f"<legend>{weekday} 4.1.2027</legend>")[1].split("</fieldset>")[0]
    assert "8.45–9.30" not in monday  # within the minimum notice
    assert f'value="{slot_id(appointment_type, pro)}"' in text
    assert "6.1.2027" not in text  # Epiphany: closed
    assert "?channel=phone&amp;who=any&amp;week=2027-01-11" in text  # next week


def test_choosing_without_a_time_says_so_in_the_error_summary(
    appointment_type: AppointmentType,
) -> None:
    page = Client().get(slots_url(appointment_type, "sv", channel="video", who="any", choose="1"))
    assert page.status_code == 400
    text = html(page)
    assert "data-error-summary" in text
    assert "Välj en tid." in text


def test_choosing_a_time_goes_on_to_the_details(
    appointment_type: AppointmentType, pro: Any
) -> None:
    slot = slot_id(appointment_type, pro)
    page = Client().get(
        slots_url(appointment_type, channel="video", who="any", slot=slot, choose="1")
    )
    assert page.status_code == 303
    assert page["Location"].startswith(f"/fi/book/{appointment_type.pk}/details/?slot={slot}")


def test_an_empty_week_says_when_the_next_free_time_is(
    appointment_type: AppointmentType, pro: Any
) -> None:
    AvailabilityExceptionFactory.create(
        professional=pro,
        kind=ExceptionKind.ABSENCE,
        starts=dt.datetime(2027, 1, 3, 22, 0, tzinfo=dt.UTC),
        ends=dt.datetime(2027, 1, 10, 22, 0, tzinfo=dt.UTC),
    )
    text = html(Client().get(slots_url(appointment_type, "en")))
    assert "There are no free times this week." in text
    assert "The next free time: Monday 11.1.2027 at 8.00." in text
    assert "week=2027-01-11" in text


def test_with_no_free_times_at_all_the_page_gives_the_services_phone(
    appointment_type: AppointmentType, pro: Any
) -> None:
    pro.weekly_hours.all().delete()
    text = html(Client().get(slots_url(appointment_type, "fi")))
    assert "Tällä viikolla ei ole vapaita aikoja." in text
    assert 'href="tel:0161234567"' in text


def test_a_link_only_type_needs_its_link(appointment_type: AppointmentType) -> None:
    AppointmentType.objects.filter(pk=appointment_type.pk).update(
        who_may_book=WhoMayBook.LINK, link_token="secret-link-token"
    )
    assert Client().get(slots_url(appointment_type)).status_code == 404
    assert Client().get(slots_url(appointment_type, link="wrong")).status_code == 404
    page = Client().get(slots_url(appointment_type, link="secret-link-token"))
    assert page.status_code == 200
    assert 'name="link" value="secret-link-token"' in html(page)
    assert Client().get(f"/fi/book/service/{appointment_type.service_id}/").context["types"] == []


# --- Details and booking ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_details_page_asks_the_questions_and_says_what_is_kept(
    appointment_type: AppointmentType, pro: Any, lang: str
) -> None:
    page = Client().get(
        details_url(appointment_type, lang, slot=slot_id(appointment_type, pro), channel="video")
    )
    assert page.status_code == 200
    text = html(page)
    question = {"fi": "Mistä haluat puhua?", "sv": "Vad vill du tala om?"}.get(
        lang, "What would you like to talk about?"
    )
    required = {"fi": "pakollinen", "sv": "obligatoriskt", "en": "required"}[lang]
    assert re.search(rf"{re.escape(question)}\s*<span class=\"muted\">\({required}\)", text)
    assert {"fi": "180 päivän", "sv": "180 dagar", "en": "180 days"}[lang] in text
    assert "9.30–10.15" in text


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fi", "Kirjoita nimesi."),
        ("sv", "Skriv ditt namn."),
        ("en", "Enter your name."),
    ],
)
def test_missing_details_are_refused_in_the_users_language_keeping_what_was_typed(
    appointment_type: AppointmentType, pro: Any, lang: str, message: str
) -> None:
    client = Client()
    data = details_form(client, appointment_type, pro, lang, name="", email="", phone="")
    question = appointment_type.questions.get()
    data[f"q_{question.pk}"] = "Kirjoitettu vastaus"
    page = client.post(details_url(appointment_type, lang), data)
    assert page.status_code == 400
    text = html(page)
    assert "data-error-summary" in text
    assert message in text
    assert "Kirjoitettu vastaus" in text
    assert not Booking.objects.exists()


def test_a_required_question_must_be_answered(appointment_type: AppointmentType, pro: Any) -> None:
    client = Client()
    question = appointment_type.questions.get()
    data = details_form(client, appointment_type, pro, "en", **{f"q_{question.pk}": ""})
    page = client.post(details_url(appointment_type, "en"), data)
    assert page.status_code == 400
    assert "Answer this question." in html(page)
    assert not Booking.objects.exists()


def test_a_choice_question_takes_one_of_its_choices(
    appointment_type: AppointmentType, pro: Any
) -> None:
    choice = PreQuestionFactory.create(
        appointment_type=appointment_type,
        kind=QuestionKind.CHOICE,
        text="Kenen asia?",
        choices="Oma\nLapsen",
        required=False,
    )
    client = Client()
    data = details_form(client, appointment_type, pro, **{f"q_{choice.pk}": "Naapurin"})
    assert client.post(details_url(appointment_type), data).status_code == 400
    data[f"q_{choice.pk}"] = "Lapsen"
    assert client.post(details_url(appointment_type), data).status_code == 303
    assert Booking.objects.count() == 1


def test_booking_books_and_a_double_submit_books_once(
    appointment_type: AppointmentType, pro: Any
) -> None:
    client = Client()
    data = details_form(client, appointment_type, pro)
    first = client.post(details_url(appointment_type), data)
    second = client.post(details_url(appointment_type), data)
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"] == "/fi/book/done/"
    booking = Booking.objects.get()
    assert booking.starts == FIRST
    assert booking.professional == pro
    assert booking.channel == Channel.VIDEO
    assert booking.language == "fi"
    page = client.get("/fi/book/done/")
    assert "You already booked" not in html(page)
    assert "Olet jo varannut tämän ajan" in html(page)  # the replay was recognised


def test_the_confirmation_shows_the_manage_link_once_and_never_in_its_address(
    appointment_type: AppointmentType, pro: Any
) -> None:
    client = Client()
    response = client.post(
        details_url(appointment_type, "en"), details_form(client, appointment_type, pro, "en")
    )
    assert response["Location"] == "/en/book/done/"
    # The link is the site's own address (as in the e-mail), never the request's Host header.
    page = client.get(response["Location"], HTTP_HOST="localhost")
    text = html(page)
    site = re.escape(site_url())
    match = re.search(rf'id="manage-url" href="{site}/en/book/manage/([^/"]+)/"', text)
    assert match, text
    assert "localhost" not in text
    token = match.group(1)
    assert f"/en/book/manage/{token}/calendar.ics" in text
    assert f"/en/book/video/{token}/" in text
    assert "Monday 4.1.2027 at 9.30–10.15" in text
    assert page["Cache-Control"].startswith("max-age=0") or "no-store" in page["Cache-Control"]
    again = html(client.get("/en/book/done/"))
    assert token not in again
    assert "already shown" in again
    assert Client().get(f"/en/book/manage/{token}/").status_code == 200


def test_a_slot_taken_meanwhile_sends_back_to_choosing_with_what_was_typed(
    appointment_type: AppointmentType, pro: Any
) -> None:
    client = Client()
    data = details_form(client, appointment_type, pro, "en", who=str(pro.pk), name="Liisa Perhe")
    book_first(appointment_type, pro)
    response = client.post(details_url(appointment_type, "en"), data)
    assert response.status_code == 303
    assert response["Location"].startswith(f"/en/book/{appointment_type.pk}/?")
    page = client.get(response["Location"])
    text = html(page)
    assert "The time you chose was just booked" in text
    assert f'value="{slot_id(appointment_type, pro)}"' not in text
    assert Booking.objects.count() == 1
    # The next time: the details come back as typed.
    again = client.get(
        details_url(
            appointment_type, "en", slot=slot_id(appointment_type, pro, SECOND), channel="video"
        )
    )
    assert 'value="Liisa Perhe"' in html(again)
    assert "Tapaamisoikeudesta" in html(again)


def test_whoever_is_free_first_gets_another_professional_when_one_is_taken(
    appointment_type: AppointmentType, pro: Any, organization: Any
) -> None:
    other = receiving_professional(organization, full_name="Ville Toinen")
    appointment_type.professionals.add(other)
    client = Client()
    data = details_form(client, appointment_type, pro)
    book_first(appointment_type, pro)
    assert client.post(details_url(appointment_type), data).status_code == 303
    mine = Booking.objects.exclude(professional=pro).get()
    assert mine.professional == other and mine.starts == FIRST


def test_a_details_page_for_a_slot_already_taken_goes_back_to_choosing(
    appointment_type: AppointmentType, pro: Any
) -> None:
    book_first(appointment_type, pro)
    client = Client()
    response = client.get(
        details_url(
            appointment_type, slot=slot_id(appointment_type, pro), channel="video", who=str(pro.pk)
        )
    )
    assert response.status_code == 303
    assert "Joku muu varasi" in html(client.get(response["Location"]))


def test_a_garbled_slot_goes_back_to_choosing(appointment_type: AppointmentType) -> None:
    response = Client().get(details_url(appointment_type, slot="nonsense", channel="video"))
    assert response.status_code == 303
    assert response["Location"].startswith(f"/fi/book/{appointment_type.pk}/")


# --- The manage link ----------------------------------------------------------------------------


@pytest.fixture
def booking(appointment_type: AppointmentType, pro: Any) -> Booking:
    return BookingFactory.create(
        appointment_type=appointment_type,
        professional=pro,
        starts=dt.datetime(2027, 1, 7, 8, 0, tzinfo=dt.UTC),  # Thursday 10.00
        channel=Channel.VIDEO,
        phone="040 765 4321",
    )


@pytest.mark.parametrize(
    ("lang", "when"),
    [
        ("fi", "Torstai 7.1.2027 klo 10.00–10.45"),
        ("sv", "Torsdag 7.1.2027 kl. 10.00–10.45"),
        ("en", "Thursday 7.1.2027 at 10.00–10.45"),
    ],
)
def test_the_manage_page_in_each_language_sends_no_referrer_and_is_not_stored(
    booking: Booking, lang: str, when: str
) -> None:
    page = Client().get(f"/{lang}/book/manage/{booking.manage_token}/")
    assert page.status_code == 200
    text = html(page)
    assert when in text
    assert "Maija Virtanen, lastenvalvoja" in text
    assert f"/{lang}/book/manage/{booking.manage_token}/change/" in text
    assert f"/{lang}/book/manage/{booking.manage_token}/cancel/" in text
    assert page["Referrer-Policy"] == "no-referrer"
    assert "no-store" in page["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    [
        "manage/{t}/",
        "manage/{t}/calendar.ics",
        "manage/{t}/change/",
        "manage/{t}/cancel/",
        "video/{t}/",
    ],
)
def test_a_wrong_token_is_the_sites_404(booking: Booking, path: str) -> None:
    wrong = booking.manage_token[:-2] + ("AA" if not booking.manage_token.endswith("AA") else "BB")
    page = Client().get(f"/fi/book/{path.format(t=wrong)}")
    assert page.status_code == 404
    assert booking.manage_token not in html(page)


def test_the_calendar_file_is_the_bookings(booking: Booking) -> None:
    response = Client().get(f"/fi/book/manage/{booking.manage_token}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content
    assert "no-store" in response["Cache-Control"]


def test_the_family_changes_the_time(booking: Booking, pro: Any) -> None:
    client = Client()
    base = f"/en/book/manage/{booking.manage_token}/change/"
    page = client.get(base)
    assert page.status_code == 200
    # A page that posts: under no-referrer the browser would post with "Origin: null", which the
    # CSRF check refuses; same-origin still sends nothing to another site.
    assert page["Referrer-Policy"] == "same-origin"
    assert "no-store" in page["Cache-Control"]
    new_slot = slot_id(booking.appointment_type, pro, dt.datetime(2027, 1, 8, 9, 0, tzinfo=dt.UTC))
    assert f'value="{new_slot}"' in html(page)
    nothing = client.post(base, {"who": str(pro.pk)})
    assert nothing.status_code == 400
    assert "Choose a time." in html(nothing)
    response = client.post(base, {"who": str(pro.pk), "slot": new_slot})
    assert response.status_code == 303
    booking.refresh_from_db()
    assert booking.starts == dt.datetime(2027, 1, 8, 9, 0, tzinfo=dt.UTC)
    assert booking.status == BookingStatus.BOOKED
    assert "moved to the new time" in html(client.get(response["Location"]))


def test_the_family_cancels_after_confirming(booking: Booking) -> None:
    client = Client()
    url = f"/sv/book/manage/{booking.manage_token}/cancel/"
    assert client.get(url).status_code == 200
    unconfirmed = client.post(url, {})
    assert unconfirmed.status_code == 400
    assert "Kryssa i rutan" in html(unconfirmed)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 303
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.cancelled_by_family
    page = html(client.get(response["Location"]))
    assert "Besöket har avbokats." in page


def test_past_the_deadline_change_and_cancel_are_refused_with_whom_to_call(
    appointment_type: AppointmentType, pro: Any
) -> None:
    soon = BookingFactory.create(
        appointment_type=appointment_type,
        professional=pro,
        starts=NOW + dt.timedelta(hours=5),  # the deadline is 24 hours before
        channel=Channel.PHONE,
    )
    client = Client()
    page = html(client.get(f"/en/book/manage/{soon.manage_token}/"))
    assert "can no longer be changed or cancelled here" in page
    assert 'href="tel:0161234567"' in page
    assert f"/manage/{soon.manage_token}/cancel/" not in page
    refused = client.post(f"/en/book/manage/{soon.manage_token}/cancel/", {"confirm": "on"})
    assert refused.status_code == 409
    later = slot_id(appointment_type, pro, dt.datetime(2027, 1, 8, 9, 0, tzinfo=dt.UTC))
    moved = client.post(f"/en/book/manage/{soon.manage_token}/change/", {"slot": later})
    assert moved.status_code == 409
    soon.refresh_from_db()
    assert soon.status == BookingStatus.BOOKED
    assert soon.starts == NOW + dt.timedelta(hours=5)


# --- The video waiting page ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_waiting_page_before_the_call_says_when_to_come_back(
    booking: Booking, lang: str
) -> None:
    page = Client().get(f"/{lang}/book/video/{booking.manage_token}/")
    assert page.status_code == 200
    text = html(page)
    assert booking.video_room not in text  # no way into the room yet
    assert 'aria-disabled="true"' in text
    assert 'data-seconds-left="' in text
    assert {"fi": "7.1.2027 klo 9.50", "sv": "7.1.2027 kl. 9.50", "en": "7.1.2027 at 9.50"}[
        lang
    ] in text
    assert page["Referrer-Policy"] == "no-referrer"


def test_the_waiting_page_lets_the_family_in_when_it_is_time(
    booking: Booking, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timezone, "now", lambda: booking.starts - dt.timedelta(minutes=5))
    text = html(Client().get(f"/en/book/video/{booking.manage_token}/"))
    assert booking.video_room in text
    assert "Join the video call" in text
    monkeypatch.setattr(timezone, "now", lambda: booking.ends + dt.timedelta(minutes=1))
    text = html(Client().get(f"/en/book/video/{booking.manage_token}/"))
    assert booking.video_room not in text
    assert "This appointment has ended." in text


def test_a_phone_appointment_has_no_waiting_page(booking: Booking) -> None:
    Booking.objects.filter(pk=booking.pk).update(channel=Channel.PHONE, video_room="")
    assert Client().get(f"/fi/book/video/{booking.manage_token}/").status_code == 404


# --- No token in a logged path ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/fi/book/manage/{t}/", "/fi/book/manage/*/"),
        ("/sv/book/manage/{t}/calendar.ics", "/sv/book/manage/*/calendar.ics"),
        ("/en/book/manage/{t}/cancel/", "/en/book/manage/*/cancel/"),
        ("/fi/book/video/{t}/", "/fi/book/video/*/"),
        ("/calendar-feeds/{t}.ics", "/calendar-feeds/*.ics"),
    ],
)
def test_no_token_in_a_logged_path(path: str, logged: str) -> None:
    token = "Ab_9-xYz" * 4
    assert mask_path(path.format(t=token)) == logged
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("10.0.0.1:5000", "GET", path.format(t=token), "1.1", 200),
        None,
    )
    PrivateAccessLogFilter().filter(record)
    assert token not in record.getMessage()


def test_the_django_request_log_of_a_wrong_token_has_no_token(
    booking: Booking, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = "Zz" + booking.manage_token[2:]
    with caplog.at_level(logging.WARNING, logger="django.request"):
        Client().get(f"/fi/book/manage/{wrong}/")
    records = [r for r in caplog.records if r.name == "django.request"]
    for record in records:
        PrivateAccessLogFilter().filter(record)
        assert wrong not in record.getMessage()


# --- Limits and places --------------------------------------------------------------------------


def test_too_many_bookings_from_one_browser_are_refused_keeping_what_was_typed(
    appointment_type: AppointmentType, pro: Any, settings: Any
) -> None:
    settings.PERHEKESKUS_RATE_LIMITS = True
    settings.APPOINTMENTS_BOOKING_RATE_LIMIT = "1/h"
    client = Client()
    first = client.post(details_url(appointment_type), details_form(client, appointment_type, pro))
    assert first.status_code == 303
    data = details_form(
        client, appointment_type, pro, starts=SECOND, name="Toinen Nimi", email="b@example.org"
    )
    refused = client.post(details_url(appointment_type), data)
    assert refused.status_code == 429
    assert refused["Retry-After"]
    assert 'value="Toinen Nimi"' in html(refused)
    assert Booking.objects.count() == 1


def test_a_visit_asks_where_when_the_type_has_several_places(
    appointment_type: AppointmentType, pro: Any
) -> None:
    from perhekeskus.testing.factories import LocationFactory

    here = LocationFactory.create(name="Simon perhekeskus")
    there = LocationFactory.create(name="Ranuan neuvola")
    AppointmentType.objects.filter(pk=appointment_type.pk).update(offers_visit=True)
    appointment_type.locations.add(here, there)
    client = Client()
    data = details_form(client, appointment_type, pro, channel="visit")
    page = client.get(
        details_url(appointment_type, "en", slot=data["slot"], channel="visit", who="any")
    )
    assert "Simon perhekeskus" in html(page) and "Ranuan neuvola" in html(page)
    missing = client.post(details_url(appointment_type, "en"), data)
    assert missing.status_code == 400
    assert "Choose where to meet." in html(missing)
    data["location"] = str(there.pk)
    assert client.post(details_url(appointment_type, "en"), data).status_code == 303
    booking = Booking.objects.get()
    assert booking.channel == Channel.VISIT
    assert booking.location == there
    confirmation = html(client.get("/en/book/done/"))
    assert "Ranuan neuvola" in confirmation
