"""A parent books on a phone-sized screen (375 px) by keyboard alone, then changes the time and
cancels through the manage link; axe-core finds no serious or critical violation on any page, in
Finnish, Swedish and English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from perhekeskus.appointments.models import AppointmentType, Booking, BookingStatus, Channel
from perhekeskus.appointments.tests.factories import (
    AppointmentTypeFactory,
    PreQuestionFactory,
    receiving_professional,
)
from perhekeskus.catalog.models import ContactChannel
from perhekeskus.testing.browser import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Monday 4 January 2027, 7.00 in Finnish time (the live server runs in this process).
NOW = dt.datetime(2027, 1, 4, 5, 0, tzinfo=dt.UTC)
WIDTH = 375

TEXTS = {
    "fi": {"book": "Varaa aika", "cancelled": "Tämä aika on peruttu.", "moved": "siirrettiin"},
    "sv": {"book": "Boka tid", "cancelled": "Besöket har avbokats.", "moved": "flyttades"},
    "en": {
        "book": "Book an appointment",
        "cancelled": "This appointment has been cancelled.",
        "moved": "moved to the new time",
    },
}


@pytest.fixture
def phone_page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(bypass_csp=True, viewport={"width": WIDTH, "height": 740})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def appointment_type(organization: Any, monkeypatch: pytest.MonkeyPatch) -> AppointmentType:
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    pro = receiving_professional(organization, full_name="Maija Virtanen", title="lastenvalvoja")
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


def assert_clean(page: Any, where: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"{where}\n{describe(violations)}"
    # Nothing wider than the phone's screen (WCAG 1.4.10 Reflow).
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= WIDTH, f"{where}: the page is {width} px wide"


def press(page: Any, selector: str, key: str = "Enter") -> None:
    """Reach an element by keyboard focus and press a key on it, as a keyboard user does."""
    page.locator(selector).first.focus()
    page.keyboard.press(key)


def type_into(page: Any, selector: str, text: str) -> None:
    page.locator(selector).focus()
    page.keyboard.type(text)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_parent_books_changes_and_cancels_by_keyboard_on_a_phone(
    live_server: Any, phone_page: Any, appointment_type: AppointmentType, lang: str
) -> None:
    page = phone_page
    texts = TEXTS[lang]

    # The service card offers booking.
    page.goto(f"{live_server.url}/{lang}/services/{appointment_type.service_id}")
    link = page.get_by_role("link", name=texts["book"])
    assert link.count() == 1
    assert_clean(page, "the service card")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{lang}/book/service/{appointment_type.service_id}/")
    assert_clean(page, "the appointment types")

    press(page, f"main a.button[href='/{lang}/book/{appointment_type.pk}/']")
    page.wait_for_url(f"**/{lang}/book/{appointment_type.pk}/")
    assert_clean(page, "the week of free times")

    # Continue without a time: the error summary takes the focus.
    press(page, "button[name=choose]")
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert_clean(page, "the week with an error")

    # By video: choose the channel, show the times, take the first one.
    press(page, "input[name=channel][value=video]", "Space")
    press(page, ".picker-filters button[type=submit]")
    page.wait_for_url("**channel=video**")
    # Next week: far enough ahead to be changed and cancelled (the deadline is a day before).
    press(page, ".week-nav .next a")
    page.wait_for_url("**week=2027-01-11**")
    press(page, "input[name=slot]", "Space")
    assert page.locator("input[name=slot]").first.is_checked()
    press(page, "button[name=choose]")
    page.wait_for_url(f"**/{lang}/book/{appointment_type.pk}/details/**")
    assert_clean(page, "the details")

    # The details: the required answer missing first, then everything.
    type_into(page, "#id_name", "Liisa Perhe")
    type_into(page, "#id_email", "liisa@example.org")
    press(page, "form.stacked button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#id_name").input_value() == "Liisa Perhe"
    assert_clean(page, "the details with an error")
    question = appointment_type.questions.get()
    type_into(page, f"#id_q_{question.pk}", "Tapaamisoikeudesta")
    press(page, "form.stacked button[type=submit]")
    page.wait_for_url(f"**/{lang}/book/done/")
    assert_clean(page, "the confirmation")

    booking = Booking.objects.get()
    assert booking.channel == Channel.VIDEO
    assert booking.language == lang
    shown = page.locator("#manage-url").get_attribute("href")
    assert shown and "/book/manage/" in shown
    # The link is the site's own address (SITE_DOMAIN), as in the e-mail; the test server
    # listens elsewhere, so the family's visit goes to the same path there.
    manage_url = live_server.url + urlsplit(shown).path
    assert "/manage/" not in page.url

    # The video waiting page, before it opens.
    press(page, "main a.button[href*='/book/video/']")
    page.wait_for_url("**/book/video/**")
    assert page.locator("[data-join-placeholder]").get_attribute("aria-disabled") == "true"
    assert_clean(page, "the video waiting page")

    # Change the time through the manage link.
    page.goto(manage_url)
    assert_clean(page, "the manage page")
    press(page, "main a[href$='/change/']")
    page.wait_for_url("**/change/")
    assert_clean(page, "the change page")
    first_start = booking.starts
    page.locator("input[name=slot]").nth(1).focus()
    page.keyboard.press("Space")
    press(page, "form.picker button[type=submit]")
    page.wait_for_url(manage_url)
    assert texts["moved"] in page.locator(".messages").inner_text()
    booking.refresh_from_db()
    assert booking.starts != first_start
    assert booking.status == BookingStatus.BOOKED

    # Cancel through the manage link.
    press(page, "main a[href$='/cancel/']")
    page.wait_for_url("**/cancel/")
    assert_clean(page, "the cancel page")
    press(page, "#id_confirm", "Space")
    press(page, "form.stacked button[type=submit]")
    page.wait_for_url(manage_url)
    assert texts["cancelled"] in page.content()
    assert_clean(page, "the manage page of a cancelled appointment")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.cancelled_by_family


def test_booking_works_without_javascript(
    live_server: Any, page_without_javascript: Any, appointment_type: AppointmentType
) -> None:
    page = page_without_javascript
    page.goto(f"{live_server.url}/en/book/{appointment_type.pk}/?channel=video&week=2027-01-11")
    page.locator("label[for^=slot-]").first.click()
    page.click("button[name=choose]")
    page.wait_for_url("**/details/**")
    question = appointment_type.questions.get()
    page.fill("#id_name", "Liisa Perhe")
    page.fill("#id_phone", "040 123 4567")
    page.fill(f"#id_q_{question.pk}", "Tapaamisoikeudesta")
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**/en/book/done/")
    assert Booking.objects.get().phone
    page.click("main a.button[href*='/book/video/']")
    page.wait_for_url("**/book/video/**")
    assert "Reload this page then." in page.content()
