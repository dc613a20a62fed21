"""From a help request to a referral accepted by an NGO, in a real browser, in Finnish, Swedish
and English: the early-support team's member opens "Continue in family coordination" on the
family's request, opens the family's record with the family's consent (what the family wrote
already filled in), sends a referral to MLL Askola, and MLL's professional finds it in their
organisation's inbox and accepts it, joining the family's team. axe-core finds no serious or
critical violation on any page of the way."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from perhekeskus.accounts.models import User
from perhekeskus.catalog.models import Organization, OrganizationType
from perhekeskus.core.roles import Role
from perhekeskus.families.models import (
    Consent,
    DataCategory,
    Family,
    Referral,
    ReferralStatus,
    TeamMember,
    TeamRole,
)
from perhekeskus.intake import services as intake
from perhekeskus.intake.models import CloseReason, HelpRequest, RequestStatus
from perhekeskus.testing.browser import axe_violations, describe
from perhekeskus.testing.factories import (
    PASSWORD,
    MunicipalityFactory,
    OrganizationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FAMILY_PAGE = re.compile(r".*/pro/families/[0-9a-f-]{36}/$")


@pytest.fixture
def browser_page(chromium: Any) -> Iterator[Any]:
    """A new browser for each person: their own cookies and session."""
    contexts = []

    def open_page() -> Any:
        context = chromium.new_context(bypass_csp=True, viewport={"width": 390, "height": 844})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def network(lang: str) -> dict[str, Any]:
    askola = MunicipalityFactory.create(code="018", name="Askola")
    county = OrganizationFactory.create(name="Itä-Uudenmaan hyvinvointialue")
    ngo = OrganizationFactory.create(
        type=OrganizationType.NGO,
        name="MLL Askola",
        name_sv="MLL Askola (sv)",
        name_en="MLL Askola (en)",
    )
    worker = UserFactory.create(
        email="vilma.vatu@example.org",
        full_name="Vilma Vatu",
        organization=county,
        roles=[Role.PROFESSIONAL, Role.EARLY_SUPPORT_TEAM],
    )
    volunteer_coordinator = UserFactory.create(
        email="maija.mll@example.org",
        full_name="Maija Mellberg",
        organization=ngo,
        roles=[Role.PROFESSIONAL],
    )
    intake.team_provision(
        id=uuid.uuid4(),
        name="VATU Askola",
        organization=county,
        municipality_codes=[askola.code],
        members=[worker],
        via="test",
    )
    data = intake.HelpRequestInput(
        message="Poikani ei ole käynyt koulussa kolmeen viikkoon.",
        concerns="my_child",
        municipality_code=askola.code,
        language=lang,
        anonymous=False,
        child_ages=[11],
        contact_name="Laura Virtanen",
        contact_phone="+358401234567",
    )
    help_request = intake.help_request_submit(data=data, idempotency_key=None).help_request
    return {
        "worker": worker,
        "ngo": ngo,
        "volunteer_coordinator": volunteer_coordinator,
        "request": help_request,
    }


def log_in(page: Any, base: str, lang: str, user: User) -> None:
    page.goto(f"{base}/{lang}/accounts/login/")
    page.fill("#id_email", user.email)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"**/{lang}/accounts/me/")


def submit(page: Any, form: str) -> None:
    """Submit the form's main button by keyboard, and wait for the next page."""
    page.locator(f"{form} button[type=submit]:not([name])").last.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_from_a_help_request_to_a_referral_accepted_by_an_ngo(
    live_server: Any, browser_page: Any, lang: str
) -> None:
    data = network(lang)
    help_request: HelpRequest = data["request"]
    ngo: Organization = data["ngo"]
    base = live_server.url
    failures: list[str] = []

    def check(page: Any, where: str) -> None:
        assert page.locator("html").get_attribute("lang") == lang, where
        violations = axe_violations(page)
        if violations:
            failures.append(f"{lang} {where}\n{describe(violations)}")

    # The early-support team's member continues the request in family coordination.
    worker = browser_page()
    log_in(worker, base, lang, data["worker"])
    worker.goto(f"{base}/{lang}/pro/help-requests/{help_request.pk}/")
    check(worker, "help request")
    opening = f"a[href$='/pro/families/new/from-help-request/{help_request.pk}/']"
    worker.locator(opening).focus()
    with worker.expect_navigation():
        worker.keyboard.press("Enter")
    check(worker, "opening form")
    # What the family wrote is filled in: nothing is typed twice.
    assert worker.input_value("#id_guardian0-name") == "Laura Virtanen"
    assert worker.input_value("#id_guardian0-phone") == "+358401234567"
    worker.fill("#id_name", "Virtanen")
    worker.fill("#id_child0-name", "Eetu Virtanen")
    worker.check(f"input[name='consent-recipients'][value='{ngo.pk}']")
    for category in (DataCategory.CONTACT, DataCategory.REFERRALS):
        worker.check(f"input[name='consent-categories'][value='{category}']")
    submit(worker, "form[method=post]")
    assert FAMILY_PAGE.match(worker.url), worker.url
    check(worker, "family page")

    family = Family.objects.get(help_request=help_request)
    assert family.responsible == data["worker"]
    assert str(family.pk) in worker.url
    consent = Consent.objects.effective().get(family=family)
    assert set(consent.recipients.all()) == {data["worker"].organization, ngo}
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.CLOSED
    assert help_request.close_reason == CloseReason.COORDINATION
    assert help_request.coordination_reference == str(family.pk)

    # A referral to the NGO: first where it goes, then what it carries.
    worker.locator("a[href$='/referrals/new/']").first.click()
    worker.wait_for_url("**/referrals/new/")
    check(worker, "referral: organisation")
    worker.select_option("#id_to_organization", str(ngo.pk))
    submit(worker, "form[method=get]")
    check(worker, "referral: what is sent")
    worker.check(f"input[name='categories'][value='{DataCategory.CONTACT}']")
    worker.fill("#id_message", "Perhe toivoo perhekummia ja lastenhoitoapua iltapäiviin.")
    submit(worker, "form[method=post]")
    check(worker, "after sending")
    referral = Referral.objects.get(family=family)
    assert referral.status == ReferralStatus.SENT
    assert referral.to_organization == ngo

    # MLL's professional finds it in the organisation's inbox and accepts it.
    volunteer = browser_page()
    log_in(volunteer, base, lang, data["volunteer_coordinator"])
    volunteer.goto(f"{base}/{lang}/pro/families/referrals/")
    check(volunteer, "inbox")
    volunteer.locator(f"a[href$='/referrals/{referral.pk}/']").first.click()
    volunteer.wait_for_url(f"**/referrals/{referral.pk}/")
    assert "Eetu Virtanen" in volunteer.content()
    check(volunteer, "referral")
    accept = f"form[action$='/referrals/{referral.pk}/accept/']"
    volunteer.select_option(f"{accept} select", TeamRole.VOLUNTEER_COORDINATOR.value)
    submit(volunteer, accept)
    check(volunteer, "accepted")

    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert referral.decided_by == data["volunteer_coordinator"]
    assert TeamMember.objects.filter(
        family=family,
        user=data["volunteer_coordinator"],
        role=TeamRole.VOLUNTEER_COORDINATOR,
        removed_at__isnull=True,
    ).exists()
    assert not failures, "\n\n".join(failures)
