"""Every public page in a real browser: axe-core finds no serious or critical violation in any
language, the keyboard reaches everything, and the pages work without JavaScript."""

from __future__ import annotations

from typing import Any

import pytest

from perhekeskus.core.roles import Role
from perhekeskus.testing.browser import axe_violations, describe
from perhekeskus.testing.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["fi", "sv", "en"]
PUBLIC_PAGES = [
    "",
    "accessibility/",
    "privacy/",
    "accounts/login/",
    "accounts/password/reset/",
    "accounts/password/reset/sent/",
    "no-such-page/",
]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_public_pages_pass_axe(live_server: Any, page: Any, lang: str) -> None:
    failures = []
    for path in PUBLIC_PAGES:
        page.goto(f"{live_server.url}/{lang}/{path}")
        assert page.locator("html").get_attribute("lang") == lang
        violations = axe_violations(page)
        if violations:
            failures.append(f"/{lang}/{path}\n{describe(violations)}")
    assert not failures, "\n\n".join(failures)


def test_professional_pages_pass_axe(live_server: Any, page: Any) -> None:
    coordinator = UserFactory(email="koordinaattori@example.org", roles=[Role.COORDINATOR])
    page.goto(f"{live_server.url}/fi/accounts/login/")
    page.fill("#id_email", coordinator.email)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/fi/accounts/me/")
    failures = []
    for path in [
        "accounts/me/",
        "pro/audit/",
        "accounts/users/",
        "accounts/users/new/",
        f"accounts/users/{coordinator.pk}/",
        "accounts/password/change/",
    ]:
        page.goto(f"{live_server.url}/fi/{path}")
        violations = axe_violations(page)
        if violations:
            failures.append(f"/fi/{path}\n{describe(violations)}")
    assert not failures, "\n\n".join(failures)


def test_form_errors_pass_axe(live_server: Any, page: Any) -> None:
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.fill("#id_email", "not-an-address")
    page.click("button[type=submit]")
    page.wait_for_selector(".error-summary")
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert not axe_violations(page)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(
    live_server: Any, page: Any
) -> None:
    page.goto(f"{live_server.url}/fi/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside_main = page.evaluate("document.querySelector('main').contains(document.activeElement)")
    assert inside_main


def test_language_switcher_works_by_keyboard(live_server: Any, page: Any) -> None:
    page.goto(f"{live_server.url}/fi/accessibility/")
    page.focus("a[hreflang=sv]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sv/accessibility/")
    assert page.locator("html").get_attribute("lang") == "sv"


def test_login_and_logout_work_without_javascript(
    live_server: Any, page_without_javascript: Any
) -> None:
    user = UserFactory(email="nurse@example.org", roles=[Role.PROFESSIONAL])
    page = page_without_javascript
    page.goto(f"{live_server.url}/sv/accounts/login/")
    page.fill("#id_email", user.email)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/sv/accounts/me/")
    assert user.full_name.split(" ")[0] in page.content()
    page.click("form[action$='/accounts/logout/'] button")
    page.wait_for_url("**/sv/")
