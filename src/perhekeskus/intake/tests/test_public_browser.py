"""A family asks for help in a real browser, in each language, without JavaScript: the form,
the confirmation and the status page pass axe-core, and the request reaches the team."""

from __future__ import annotations

from typing import Any

import pytest

from perhekeskus.intake.models import EarlySupportTeam, HelpRequest
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
    page.click(f"a[href$='/status/{help_request.tracking_code}/']")
    page.wait_for_url(f"**/{lang}/ask-for-help/status/**")
    assert page.locator("html").get_attribute("lang") == lang


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
    page.wait_for_url("**/ask-for-help/sent/**")
    assert page.locator("[role=alert]").count() >= 1  # danger guidance
    assert_axe_clean(page, f"/{lang}/ask-for-help/sent/")
    page.goto(f"{live_server.url}/{lang}/ask-for-help/status/")
    assert_axe_clean(page, f"/{lang}/ask-for-help/status/")
    code = HelpRequest.objects.get().tracking_code
    page.goto(f"{live_server.url}/{lang}/ask-for-help/status/{code}/")
    assert_axe_clean(page, f"/{lang}/ask-for-help/status/<code>/")
