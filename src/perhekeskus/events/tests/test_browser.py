"""Families sign up for an event on a phone-sized screen (375 px), in Finnish, Swedish and
English: the first family fixes a mistake the error summary points to, a second takes the last
seats, a third goes on the waiting list, the first cancels through its manage link and the
third is promoted (its manage page says so). axe-core finds no serious or critical violation on
the list, the event, the sign-up with errors, the confirmation or the manage pages; nothing is
wider than the screen. The list's filters and the sign-up also work without JavaScript."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from perhekeskus.events.models import Event, RegistrationMode, Signup, SignupStatus
from perhekeskus.testing.browser import axe_violations, describe
from perhekeskus.testing.factories import EventFactory, LocationFactory, MunicipalityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Monday 1 March 2027, 12.00 in Finnish time (the live server runs in this process).
NOW = dt.datetime(2027, 3, 1, 10, 0, tzinfo=dt.UTC)
START = dt.datetime(2027, 3, 3, 8, 0, tzinfo=dt.UTC)  # Wednesday 10.00
WIDTH = 375

TEXTS = {
    "fi": {
        "waiting": "Olet jonossa",
        "seat_for_one": "Sinulla on paikka 1 henkilölle.",
        "cancelled": "Ilmoittautumisesi peruttiin.",
    },
    "sv": {
        "waiting": "Du står på väntelistan",
        "seat_for_one": "Du har en plats för 1 person.",
        "cancelled": "Din anmälan har avbokats.",
    },
    "en": {
        "waiting": "You are on the waiting list",
        "seat_for_one": "You have a seat for 1 person.",
        "cancelled": "Your sign-up was cancelled.",
    },
}


@pytest.fixture
def phone(chromium: Any) -> Iterator[Any]:
    """A new phone browser for each family: its own cookies and session."""
    contexts = []

    def open_page() -> Any:
        context = chromium.new_context(bypass_csp=True, viewport={"width": WIDTH, "height": 740})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def event(monkeypatch: pytest.MonkeyPatch) -> Event:
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    porvoo = MunicipalityFactory.create(code="638", name="Porvoo")
    return EventFactory.create(
        title="Vauvamuskari",
        title_sv="Babymusik",
        title_en="Baby music",
        starts=START,
        ends=START + dt.timedelta(hours=1, minutes=30),
        location=LocationFactory.create(
            name="Perhekeskus Aurinko", municipality=porvoo, post_office="Porvoo"
        ),
        min_age=0,
        max_age=3,
        capacity=4,
        max_group_size=3,
        registration=RegistrationMode.REGISTRATION,
    )


def assert_clean(page: Any, where: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"{where}\n{describe(violations)}"
    # Nothing wider than the phone's screen (WCAG 1.4.10 Reflow).
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= WIDTH, f"{where}: the page is {width} px wide"


def fill_family(page: Any, name: str, people: list[tuple[str, str]], *, email: str) -> None:
    page.fill("#id_name", name)
    page.fill("#id_email", email)
    for i, (person, age) in enumerate(people):
        page.fill(f"#id_participants-{i}-name", person)
        page.select_option(f"#id_participants-{i}-age", age)


def submit(page: Any) -> None:
    page.locator("form.signup-form button[type=submit]").focus()
    page.keyboard.press("Enter")


def manage_path(page: Any) -> str:
    shown = page.locator("#manage-url").get_attribute("href")
    assert shown and "/events/manage/" in shown
    # The link is the site's own address (as in the e-mail); the test server listens elsewhere.
    return urlsplit(shown).path


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_families_sign_up_wait_and_are_promoted_on_a_phone(
    live_server: Any, phone: Any, event: Event, lang: str
) -> None:
    texts = TEXTS[lang]
    base = live_server.url

    # The first family finds the event in the list, filtered by municipality.
    first = phone()
    first.goto(f"{base}/{lang}/events/?municipality=638&has_seats=1")
    assert_clean(first, "the list")
    first.locator(f"main a[href='/{lang}/events/{event.pk}/']").first.click()
    first.wait_for_url(f"**/{lang}/events/{event.pk}/")
    assert_clean(first, "the event page")

    # A mistake first: no way to reach them. The error summary takes the focus.
    first.fill("#id_name", "Maija Meikäläinen")
    first.fill("#id_participants-0-name", "Maija")
    first.fill("#id_participants-1-name", "Eino")
    first.select_option("#id_participants-1-age", "2")
    submit(first)
    first.wait_for_selector("#error-summary")
    assert first.evaluate("document.activeElement.id") == "error-summary"
    assert first.locator("#id_participants-1-name").input_value() == "Eino"
    assert_clean(first, "the sign-up with an error")
    first.fill("#id_email", "maija@example.org")
    submit(first)
    first.wait_for_url(f"**/{lang}/events/done/")
    assert_clean(first, "the confirmation")
    first_manage = base + manage_path(first)
    assert "/manage/" not in first.url
    signup = Signup.objects.get()  # the names are encrypted: found by order
    assert signup.status == SignupStatus.ATTENDING and signup.seats == 2
    assert signup.language == lang

    # A second family takes the last two seats.
    second = phone()
    second.goto(f"{base}/{lang}/events/{event.pk}/")
    fill_family(second, "Pekka Perhe", [("Pekka", ""), ("Aino", "1")], email="pekka@example.org")
    submit(second)
    second.wait_for_url(f"**/{lang}/events/done/")
    event.refresh_from_db()
    assert event.seats_left == 0

    # A third family: the event is full, so the waiting list.
    third = phone()
    third.goto(f"{base}/{lang}/events/{event.pk}/")
    assert_clean(third, "the full event's page")
    fill_family(third, "Liisa Odottaja", [("Liisa", "")], email="liisa@example.org")
    submit(third)
    third.wait_for_url(f"**/{lang}/events/done/")
    assert texts["waiting"] in third.content()
    third_manage = base + manage_path(third)
    third.goto(third_manage)
    assert_clean(third, "the manage page on the waiting list")
    waiting = Signup.objects.get(status=SignupStatus.WAITLISTED)
    assert waiting.seats == 1

    # The first family cancels through its manage link, in two steps.
    first.goto(first_manage)
    assert_clean(first, "the manage page")
    first.locator("main a[href$='/cancel/']").click()
    first.wait_for_url("**/cancel/")
    assert_clean(first, "the cancel page")
    first.locator("#id_confirm").focus()
    first.keyboard.press("Space")
    first.locator("form.stacked button[type=submit]").click()
    first.wait_for_url(first_manage)
    assert texts["cancelled"] in first.locator(".messages").inner_text()
    assert_clean(first, "the manage page of a cancelled sign-up")

    # The waiting family has the seat now, and its page says so.
    third.goto(third_manage)
    assert texts["seat_for_one"] in third.content()
    assert_clean(third, "the manage page after the promotion")
    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.ATTENDING


def test_filters_and_sign_up_work_without_javascript(
    live_server: Any, page_without_javascript: Any, event: Event
) -> None:
    page = page_without_javascript
    page.goto(f"{live_server.url}/en/events/")
    page.locator("summary").first.click()
    page.select_option("#id_age", "2")
    page.check("#id_when_2")  # this week
    page.locator("form.event-filters button[type=submit]").click()
    page.wait_for_url("**/en/events/?**")
    assert "age=2" in page.url and "when=week" in page.url
    page.locator(f"main a[href='/en/events/{event.pk}/']").first.click()
    page.wait_for_url(f"**/en/events/{event.pk}/")
    fill_family(page, "Maija Meikäläinen", [("Maija", "")], email="maija@example.org")
    page.locator("form.signup-form button[type=submit]").click()
    page.wait_for_url("**/en/events/done/")
    assert Signup.objects.get().status == SignupStatus.ATTENDING
