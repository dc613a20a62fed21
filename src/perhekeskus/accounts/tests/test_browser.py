"""The enrolment with the password and a coordinator's view of the technical administrator, in a
real browser: axe-core finds no serious or critical violation."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from perhekeskus.core.roles import Role
from perhekeskus.testing.browser import axe_violations, describe
from perhekeskus.testing.factories import PASSWORD, UserFactory, current_totp_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/fi/accounts/login/")
    page.fill("#id_email", email)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")


def test_enrolment_asks_for_the_password_and_passes_axe(
    live_server: Any, page: Any, settings: Any
) -> None:
    settings.PERHEKESKUS_REQUIRE_2FA = True
    user = UserFactory(email="nurse@example.org", roles=[Role.PROFESSIONAL])
    _log_in(page, live_server.url, user.email)
    page.wait_for_url("**/fi/accounts/two-factor/setup/**")
    violations = axe_violations(page)
    assert not violations, describe(violations)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.fill("#id_password", "not-the-password")
    page.fill("#id_token", current_totp_token(device))
    page.click("main form button[type=submit]")
    page.wait_for_selector(".error-summary")
    assert page.locator("#id_password").get_attribute("aria-invalid") == "true"
    violations = axe_violations(page)
    assert not violations, describe(violations)
    page.fill("#id_password", PASSWORD)
    page.fill("#id_token", current_totp_token(device))
    page.click("main form button[type=submit]")
    page.wait_for_url("**/fi/accounts/me/")


def test_coordinator_sees_the_administrators_page_without_its_forms(
    live_server: Any, page: Any
) -> None:
    coordinator = UserFactory(email="koordinaattori@example.org", roles=[Role.COORDINATOR])
    admin = UserFactory(email="yllapito@example.org", is_staff=True, is_superuser=True)
    _log_in(page, live_server.url, coordinator.email)
    page.wait_for_url("**/fi/accounts/me/")
    page.goto(f"{live_server.url}/fi/accounts/users/{admin.pk}/")
    assert page.locator("form[action$='/active/']").count() == 0
    assert "Vain tekninen ylläpitäjä" in page.content()
    violations = axe_violations(page)
    assert not violations, describe(violations)
