"""A family asks for help in a real browser, in each language, without JavaScript: the form,
the confirmation and the status page pass axe-core, and the request reaches the team."""

from __future__ import annotations

from typing import Any

import pytest

from perhekeskus.intake import services
from perhekeskus.intake.models import EarlySupportTeam, HelpRequest
from perhekeskus.intake.tests.factories import member_of
from perhekeskus.testing.browser import axe_violations, describe
from perhekeskus.testing.factories import MunicipalityFactory, OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def team() -> EarlySupportTeam:
    askola = MunicipalityFactory.create(code="018", name="Askola")
    team = EarlySupportTeam.objects.create(
        name="VATU Askola", organization=OrganizationFactory.create()
    )
    team.municipalities.add(askola)
    return team


def assert_axe_clean(page: Any, where: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"{where}\n{describe(violations)}"


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_family_asks_for_help_without_javascript(
    live_server: Any, page_without_javascript: Any, team: EarlySupportTeam, lang: str
) -> None:
    page = page_without_javascript
    page.goto(f"{live_server.url}/{lang}/ask-for-help/")
    page.fill("#id_message", "Vauva itkee paljon eikä kukaan meistä nuku.")
    page.check("input[name=concerns][value=my_child]")
    page.fill("#id_child_ages", "0")
    page.select_option("#id_municipality", "018")
    page.fill("#id_contact_phone", "040 123 4567")
    page.check("#id_consent")
    page.click("button[type=submit]")
    page.wait_for_url(f"**/{lang}/ask-for-help/sent/**")
    help_request = HelpRequest.objects.get()
    assert help_request.team == team
    assert help_request.tracking_code in page.content()
    assert help_request.tracking_code not in page.url
    page.click(f"main a[href='/{lang}/ask-for-help/status/']")
    page.wait_for_url(f"**/{lang}/ask-for-help/status/")
    assert help_request.tracking_code in page.content()
    assert page.locator("html").get_attribute("lang") == lang
    # Without JavaScript the quick exit is a plain link that sends no referrer.
    quick_exit = page.locator("[data-quick-exit]")
    assert quick_exit.get_attribute("href") == "https://yle.fi/saa"
    assert quick_exit.get_attribute("rel") == "noreferrer"


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_intake_pages_pass_axe(
    live_server: Any, page: Any, team: EarlySupportTeam, lang: str
) -> None:
    page.goto(f"{live_server.url}/{lang}/ask-for-help/")
    assert_axe_clean(page, f"/{lang}/ask-for-help/")
    # The form with errors: nothing filled in.
    page.click("button[type=submit]")
    page.wait_for_selector(".error-summary")
    assert_axe_clean(page, f"/{lang}/ask-for-help/ (errors)")
    page.fill("#id_message", "Mieheni lyö minua.")
    page.check("input[name=concerns][value=myself]")
    page.select_option("#id_municipality", "018")
    page.check("#id_anonymous")
    page.check("#id_consent")
    page.click("button[type=submit]")
    page.wait_for_url("**/ask-for-help/sent/")
    assert page.locator("[role=alert]").count() >= 1  # danger guidance
    assert_axe_clean(page, f"/{lang}/ask-for-help/sent/")
    page.goto(f"{live_server.url}/{lang}/ask-for-help/status/")
    assert HelpRequest.objects.get().tracking_code in page.content()
    assert_axe_clean(page, f"/{lang}/ask-for-help/status/ (the request's status)")
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/{lang}/ask-for-help/status/")
    assert_axe_clean(page, f"/{lang}/ask-for-help/status/ (the form for the code)")


# --- A parent's journey with JavaScript: danger, quick exit, coming back, the reply -------------

NEUTRAL = "https://yle.fi/saa"

MESSAGES = {
    "fi": ("Mieheni lyö minua ja pelkään mennä kotiin.", "Haluan kuolla, en jaksa enää."),
    "sv": ("Min man slår mig och jag är rädd att gå hem.", "Jag orkar inte leva längre."),
    "en": ("My partner hits me and I am scared to go home.", "I want to die, I cannot go on."),
}
REPLY = {
    "fi": "Hei, luimme viestisi. Soita meille arkisin.",
    "sv": "Hej, vi har läst ditt meddelande. Ring oss på vardagar.",
    "en": "Hello, we read your message. Call us on weekdays.",
}


def neutral_site(page: Any) -> None:
    """The quick exit's neutral site, answered inside the browser (there is no internet)."""
    page.context.route(
        f"{NEUTRAL}**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Sää</title><h1>Sää</h1>"
        ),
    )


def history_length(page: Any) -> int:
    return int(page.evaluate("history.length"))


def send_anonymously(page: Any, base: str, lang: str, message: str) -> None:
    page.goto(f"{base}/{lang}/ask-for-help/")
    page.fill("#id_message", message)
    page.check("input[name=concerns][value=myself]")
    page.select_option("#id_municipality", "018")
    page.check("#id_anonymous")
    page.check("#id_consent")
    page.click("form.stacked button[type=submit]")
    page.wait_for_url(f"**/{lang}/ask-for-help/sent/")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_parent_in_danger_leaves_quickly_comes_back_with_the_code_and_reads_the_reply(
    live_server: Any, page: Any, team: EarlySupportTeam, lang: str
) -> None:
    base = live_server.url
    violence, suicidal = MESSAGES[lang]
    neutral_site(page)

    # Danger: the sent page says call 112 at once, with numbers to tap.
    for message in (violence, suicidal):
        send_anonymously(page, base, lang, message)
        banner = page.locator(".notice.urgent[role=alert]")
        assert banner.count() == 1, message
        assert banner.locator("a[href='tel:112']").count() >= 1
        assert "ask-for-help/sent/" in page.url and "-" not in page.url.rsplit("/", 2)[-2]
        assert_axe_clean(page, f"/{lang}/ask-for-help/sent/ ({message})")
    help_request = HelpRequest.objects.order_by("-created_at").first()
    assert help_request is not None and help_request.message == suicidal
    assert help_request.danger_signals
    code = help_request.tracking_code
    assert page.locator("#tracking-code").inner_text() == code
    assert page.locator("[data-copy]").is_visible()  # the copy button, with JavaScript

    # Quick exit from the sent page: the page is replaced, history does not grow.
    before = history_length(page)
    page.click("[data-quick-exit]")
    page.wait_for_url(NEUTRAL)
    assert history_length(page) == before

    # Coming back later, on a browser that remembers nothing: the footer's link, then the code.
    page.context.clear_cookies()
    page.goto(f"{base}/{lang}/")
    page.click(f"footer a[href='/{lang}/ask-for-help/status/']")
    page.wait_for_url(f"**/{lang}/ask-for-help/status/")
    assert_axe_clean(page, f"/{lang}/ask-for-help/status/ (the form for the code)")
    page.fill("#id_code", code.lower().replace("-", " "))
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/{lang}/ask-for-help/status/")
    assert code not in page.url
    assert page.locator("#tracking-code").inner_text() == code
    assert_axe_clean(page, f"/{lang}/ask-for-help/status/ (no reply yet)")

    # The team replies; the family reads it on the same page.
    services.help_request_reply(actor=member_of(team), help_request=help_request, text=REPLY[lang])
    page.reload()
    assert REPLY[lang] in page.locator(".reply").inner_text()
    assert_axe_clean(page, f"/{lang}/ask-for-help/status/ (replied)")

    # The family adds something; the team sees it, the page does not show it back.
    page.fill("#id_text", "Lisätieto: tilanne on rauhoittunut.")
    page.click("form[action$='/status/add/'] button[type=submit]")
    page.wait_for_url(f"**/{lang}/ask-for-help/status/")
    assert page.locator(".messages").count() == 1
    assert "Lisätieto" not in page.content()
    assert help_request.events.filter(kind="family").exists()
    assert_axe_clean(page, f"/{lang}/ask-for-help/status/ (after an addition)")

    # Esc twice on the status page: replaced as well.
    before = history_length(page)
    page.locator("h1").click()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)
    assert history_length(page) == before


def test_quick_exit_from_the_form_leaves_no_way_back_to_it(
    live_server: Any, page: Any, team: EarlySupportTeam
) -> None:
    neutral_site(page)
    page.goto(f"{live_server.url}/fi/")
    page.click("main a[href='/fi/ask-for-help/']")
    page.wait_for_url("**/fi/ask-for-help/")
    page.fill("#id_message", "Pelkään miestäni.")
    before = history_length(page)
    # Keyboard: the button is reachable and works with Enter.
    page.focus("[data-quick-exit]")
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)
    assert history_length(page) == before
    page.go_back()
    page.wait_for_url(f"{live_server.url}/fi/")
    assert "/ask-for-help/" not in page.url


def test_esc_twice_leaves_the_form_but_one_esc_does_not(
    live_server: Any, page: Any, team: EarlySupportTeam
) -> None:
    neutral_site(page)
    page.goto(f"{live_server.url}/sv/ask-for-help/")
    assert page.locator("[data-quick-exit-hint]").is_visible()
    page.keyboard.press("Escape")
    page.wait_for_timeout(1200)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert "/sv/ask-for-help/" in page.url  # two presses a second apart: nothing happens
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)


def test_the_form_guides_with_javascript(
    live_server: Any, page: Any, team: EarlySupportTeam
) -> None:
    page.goto(f"{live_server.url}/en/ask-for-help/")
    # Errors: focus on the summary at the top, and the title says so.
    page.click("form.stacked button[type=submit]")
    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.title().startswith("Error: ")
    # The counter instead of a silent cut.
    page.fill("#id_message", "x" * 5003)
    counter = page.locator("#id_message_counter")
    assert counter.is_visible()
    assert "3 characters too many" in counter.inner_text()
    assert len(page.input_value("#id_message")) == 5003
    page.fill("#id_message", "The baby cries a lot.")
    # Anonymous after typing a phone number: the fields are set aside, and the page says so.
    page.fill("#id_contact_phone", "040 765 4321")
    page.check("#id_anonymous")
    assert page.locator("#id_contact_phone").is_disabled()
    assert page.locator("#anonymous-note").is_visible()
    page.uncheck("#id_anonymous")
    assert page.locator("#id_contact_phone").is_enabled()
    assert page.input_value("#id_contact_phone") == "040 765 4321"
    assert not page.locator("#anonymous-note").is_visible()
    assert_axe_clean(page, "/en/ask-for-help/ (errors, with JavaScript)")
