"""The early-support team's pages in a real browser: axe-core finds no serious or critical
violation, and a request goes from new to closed by keyboard with JavaScript off."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from perhekeskus.intake import selectors, services
from perhekeskus.intake.models import HelpRequest, RequestStatus
from perhekeskus.intake.tests.factories import (
    EarlySupportTeamFactory,
    HelpRequestFactory,
    member_of,
    received_ago,
    submitted_request,
)
from perhekeskus.testing.browser import axe_violations, describe
from perhekeskus.testing.factories import PASSWORD, MunicipalityFactory, ServiceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def network() -> dict[str, Any]:
    askola = MunicipalityFactory.create(code="018", name="Askola")
    team = EarlySupportTeamFactory.create(name="VATU Askola", municipalities=[askola])
    member = member_of(team, email="vilma.vatu@example.org", full_name="Vilma Vatu")
    colleague = member_of(team, email="kalle.kollega@example.org", full_name="Kalle Kollega")
    service = ServiceFactory.create(organization=team.organization)
    service.area_municipalities.add(askola)
    help_request = submitted_request(team, message="Isä lyö äitiä, lapset pelkäävät.")
    anonymous = submitted_request(
        team,
        message="Isä lyö äitiä, lapset pelkäävät.",
        anonymous=True,
        contact_name="",
        contact_phone="",
    )
    late = received_ago(HelpRequestFactory.create(team=team), days=20)
    services.help_request_assign(actor=member, help_request=late, responsible=colleague)
    services.help_request_note(actor=member, help_request=late, text="Soitetaan huomenna.")
    meeting = services.meeting_open(actor=member, team=team, held_on=timezone.localdate())
    services.meeting_decide(
        actor=member,
        meeting=meeting,
        help_request=late,
        responsible=colleague,
        services=[service],
        next_step="Kotikäynti",
        next_step_on=None,
    )
    return {
        "member": member,
        "colleague": colleague,
        "request": help_request,
        "anonymous": anonymous,
        "late": late,
        "meeting": meeting,
    }


def log_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/en/accounts/login/")
    page.fill("#id_email", email)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/en/accounts/me/")


def test_team_pages_pass_axe(live_server: Any, page: Any) -> None:
    data = network()
    log_in(page, live_server.url, data["member"].email)
    base = f"{live_server.url}/en/pro/help-requests"
    failures = []

    def check(label: str) -> None:
        violations = axe_violations(page)
        if violations:
            failures.append(f"{label}\n{describe(violations)}")

    for path in [
        "/",
        "/?status=all&mine=on",
        "/?status=closed",
        f"/{data['request'].pk}/",
        f"/{data['late'].pk}/",
        f"/{data['anonymous'].pk}/",
        "/meetings/",
    ]:
        page.goto(f"{base}{path}")
        check(path)
    page.goto(f"{base}/meetings/{data['meeting'].pk}/")
    # Open every decision form too: axe skips what is hidden in a closed <details>.
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    check("meeting")
    # A refused action comes back with its error summary.
    page.goto(f"{base}/{data['request'].pk}/")
    page.click("form[action$='/close/'] button")
    page.wait_for_selector(".error-summary")
    assert page.locator("#id_close-reason_error").is_visible()
    check("close without a reason")
    assert not failures, "\n\n".join(failures)


def test_from_new_to_closed_by_keyboard_without_javascript(
    live_server: Any, page_without_javascript: Any
) -> None:
    data = network()
    help_request: HelpRequest = data["request"]
    page = page_without_javascript
    log_in(page, live_server.url, data["member"].email)
    page.goto(f"{live_server.url}/en/pro/help-requests/")

    def submit(form_action: str) -> None:
        page.focus(f"form[action$='/{form_action}/'] button[type=submit]")
        with page.expect_navigation():
            page.keyboard.press("Enter")

    page.focus(f"a[href$='/{help_request.pk}/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Isä lyö äitiä" in page.content()
    assert "Possible danger" in page.content()

    submit("triage")
    assert "The request is now in triage." in page.content()

    page.focus("#id_assign-responsible")
    page.select_option("#id_assign-responsible", str(data["colleague"].pk))
    submit("assign")
    assert "The responsible worker was set." in page.content()

    page.focus("#id_contact-kind_0")
    page.keyboard.press("Space")
    page.focus("#id_contact-reached_0")
    page.keyboard.press("Space")
    page.focus("#id_contact-text")
    page.keyboard.type("Soitettu, sovittu käynti.")
    submit("contact")
    assert "The contact was recorded." in page.content()
    assert "First contact on" in page.content()

    page.focus("#id_reply-text")
    page.keyboard.type("Olemme yhteydessä puhelimitse.")
    submit("reply")
    assert "The family sees it on the status page." in page.content()

    page.focus("#id_close-reason_0")
    page.keyboard.press("Space")
    submit("close")
    assert "The request was closed." in page.content()

    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.CLOSED
    assert help_request.responsible == data["colleague"]
    assert help_request.first_contact_at is not None
    assert help_request.close_reason == "guided"
    status = selectors.help_request_public_status(tracking_code=help_request.tracking_code)
    assert status.reply == "Olemme yhteydessä puhelimitse."


def test_an_anonymous_danger_request_is_answered_by_keyboard_without_javascript(
    live_server: Any, page_without_javascript: Any
) -> None:
    """The danger is at the top of the board with its time of arrival; its page says the reply is
    the only channel, offers the reply first and no "record a contact"; the reply stops the
    clock and the family's status page says "Answered"."""
    data = network()
    anonymous: HelpRequest = data["anonymous"]
    page = page_without_javascript
    log_in(page, live_server.url, data["member"].email)
    page.goto(f"{live_server.url}/en/pro/help-requests/")
    first_row = page.locator("tbody tr").first
    assert "Possible danger" in first_row.inner_text()
    arrived = timezone.localtime(anonymous.created_at)
    assert f"{arrived:%-d.%-m.%Y} at {arrived.hour}.{arrived:%M}" in page.content()

    page.goto(f"{live_server.url}/en/pro/help-requests/{anonymous.pk}/")
    assert "the reply on the status page is the only channel" in page.content()
    assert page.locator("form[action$='/contact/']").count() == 0
    forms = page.locator("section.action-section form")
    assert forms.first.get_attribute("action").endswith("/reply/")

    page.focus("#id_reply-text")
    page.keyboard.type("Soita 112, jos joku on vaarassa nyt. Perheneuvola auttaa arkisin.")
    page.focus("form[action$='/reply/'] button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "First contact on" in page.content()
    anonymous.refresh_from_db()
    assert anonymous.status == RequestStatus.CONTACTED
    assert anonymous.first_contact_at is not None

    family = page.context.browser.new_context(java_script_enabled=False).new_page()
    family.goto(f"{live_server.url}/en/ask-for-help/status/{anonymous.tracking_code}/")
    status = family.locator("dd strong").first.inner_text()
    assert status.strip() == "Answered"
    family.context.close()
