"""The record's pages in a real browser: axe-core finds no serious or critical violation on the
list, the family page, the opening form (and its error summary, which takes the focus), the
change, people, team, hand-over and close pages, in Finnish, Swedish and English."""

from __future__ import annotations

from typing import Any

import pytest

from perhekeskus.accounts.models import User
from perhekeskus.core.roles import Role
from perhekeskus.families.models import Child, Guardian
from perhekeskus.testing.browser import axe_violations, describe
from perhekeskus.testing.factories import PASSWORD, OrganizationFactory, UserFactory
from perhekeskus.testing.families import (
    PROTECTED_ADDRESS,
    VALID_PIC,
    add_member,
    give_consent,
    make_family,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Any, base: str, lang: str, user: User) -> None:
    page.goto(f"{base}/{lang}/accounts/login/")
    page.fill("#id_email", user.email)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"**/{lang}/accounts/me/")


def check(page: Any, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    violations = axe_violations(page)
    assert not violations, f"{url}\n{describe(violations)}"


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_record_pages_pass_axe(live_server: Any, page: Any, lang: str) -> None:
    county = OrganizationFactory.create(name="Itä-Uudenmaan hyvinvointialue")
    school = OrganizationFactory.create(name="Askolan koulu")
    worker = UserFactory.create(organization=county, roles=[Role.PROFESSIONAL])
    kuraattori = UserFactory.create(organization=school, roles=[Role.PROFESSIONAL])
    family = make_family(
        responsible=worker,
        guardians=(
            {"personal_identity_code": VALID_PIC},
            {"address": PROTECTED_ADDRESS, "address_protected": True},
        ),
    )
    give_consent(family, [county, school], categories=["contact", "plan"])
    member = add_member(family, kuraattori)
    child = Child.objects.get(family=family)
    guardian = Guardian.objects.filter(family=family).order_by("pk").first()
    assert guardian is not None
    base = f"{live_server.url}/{lang}/pro/families"
    log_in(page, live_server.url, lang, worker)

    for path in (
        "/",
        f"/{family.pk}/",
        f"/{family.pk}/edit/",
        f"/{family.pk}/people/add/guardian/",
        f"/{family.pk}/people/child/{child.pk}/",
        f"/{family.pk}/people/guardian/{guardian.pk}/",
        f"/{family.pk}/team/add/",
        f"/{family.pk}/team/{member.pk}/",
        f"/{family.pk}/handover/",
        f"/{family.pk}/close/",
        "/new/",
    ):
        check(page, f"{base}{path}")

    # The opening form sent empty comes back with its error summary, which takes the focus.
    page.goto(f"{base}/new/")
    page.locator("form button[type=submit]:not([name])").last.click()
    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    violations = axe_violations(page)
    assert not violations, describe(violations)

    # "Add another guardian" keeps what was typed and gives the new guardian's name the focus.
    page.fill("#id_guardian0-name", "Maija Virtanen")
    page.click("button[name=add_guardian]")
    page.wait_for_selector("#id_guardian1-name")
    assert page.input_value("#id_guardian0-name") == "Maija Virtanen"
    assert page.evaluate("document.activeElement.id") == "id_guardian1-name"

    # A team member's family page, with the parts their consent does not cover.
    page.context.clear_cookies()
    log_in(page, live_server.url, lang, kuraattori)
    check(page, f"{base}/{family.pk}/")
    assert PROTECTED_ADDRESS not in page.content()
