"""Issue 11, done when: a new editor of an NGO whose changes need approval writes a complete
service in Finnish and Swedish, previews it, checks it on its publishing page and sends it for
approval, and a coordinator approves it; the service then appears on the public card. axe finds
no serious or critical violation on any of the pages."""

from __future__ import annotations

from typing import Any

import pytest

from perhekeskus.catalog.models import Municipality, PublicationState, Service
from perhekeskus.core.roles import Role
from perhekeskus.testing.browser import axe_violations, describe
from perhekeskus.testing.factories import PASSWORD, OrganizationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/fi/accounts/login/")
    page.fill("#id_email", email)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/fi/accounts/me/")


def _axe_clean(page: Any) -> None:
    violations = axe_violations(page)
    assert not violations, f"{page.url}\n{describe(violations)}"


def _log_out(page: Any) -> None:
    page.context.clear_cookies()


def test_an_ngo_editor_sends_a_service_for_approval_and_a_coordinator_approves_it(
    live_server: Any, page: Any
) -> None:
    Municipality.objects.create(
        code="638", name_fi="Porvoo", name_sv="Borgå", languages=["fi", "sv"]
    )
    ngo = OrganizationFactory.create(name="Perheyhdistys ry", requires_review=True)
    editor = UserFactory.create(
        email="uusi.toimittaja@example.org", organization=ngo, roles=[Role.ORGANIZATION_EDITOR]
    )
    coordinator = UserFactory.create(email="koordinaattori@example.org", roles=[Role.COORDINATOR])
    base = live_server.url
    page.set_viewport_size({"width": 1366, "height": 900})

    # The editor writes the service in Finnish and Swedish, with a phone, an area and a time.
    _log_in(page, base, editor.email)
    page.goto(f"{base}/fi/pro/catalog/catalog/service/add/")
    page.select_option("#id_organization", str(ngo.pk))
    page.fill("#id_name_fi", "Isien vertaisryhmä")
    page.fill("#id_name_sv", "Kamratgrupp för pappor")
    page.fill("#id_summary_fi", "Isät tapaavat toisiaan kerran kuussa.")
    page.fill("#id_summary_sv", "Pappor träffas en gång i månaden.")
    page.select_option("#id_area_type", "municipalities")
    page.check("input[name=area_municipalities][value='638']")
    page.check("#id_by_appointment")
    page.locator("#channels-group .add-row a").click()
    page.select_option("#id_channels-0-kind", "phone")
    page.fill("#id_channels-0-value", "040 555 0101")
    page.click("input[name=_save]")
    page.wait_for_url("**/pro/catalog/catalog/service/")
    service = Service.objects.get(name_fi="Isien vertaisryhmä")
    assert service.publication_state == PublicationState.DRAFT

    # The editor previews the family's card (not public yet), in Finnish.
    page.goto(f"{base}/fi/pro/catalog/catalog/service/{service.pk}/change/")
    page.get_by_role("link", name="Esikatsele").click()
    page.wait_for_url(f"**/pro/catalog/preview/{service.pk}/")
    assert page.get_by_role("heading", name="Isien vertaisryhmä").count() == 1
    _axe_clean(page)

    # Its publishing page: everything on the checklist is done; it goes for approval.
    page.goto(f"{base}/fi/pro/catalog/catalog/service/{service.pk}/change/")
    page.get_by_role("link", name="Tarkista ja julkaise tai lähetä hyväksyttäväksi").click()
    page.wait_for_url(f"**/pro/catalog/review/{service.pk}/")
    checklist = page.locator("ul.checklist li")
    assert checklist.count() == 5  # fi, how, where, when, sv (Porvoo is bilingual)
    assert page.locator("ul.checklist li", has_text="Puuttuu").count() == 0
    _axe_clean(page)
    page.get_by_role("button", name="Lähetä hyväksyttäväksi").click()
    page.wait_for_url(f"**/pro/catalog/review/{service.pk}/")
    assert page.get_by_text("Palvelu lähetettiin hyväksyttäväksi.").count() == 1
    assert page.get_by_role("button", name="Hyväksy ja julkaise").count() == 0
    _axe_clean(page)
    assert page.request.get(f"{base}/fi/services/{service.pk}").status == 404
    _log_out(page)

    # The coordinator finds it in the queue and approves it.
    _log_in(page, base, coordinator.email)
    page.goto(f"{base}/fi/pro/catalog/review/")
    _axe_clean(page)
    page.get_by_role("link", name="Isien vertaisryhmä").click()
    page.wait_for_url(f"**/pro/catalog/review/{service.pk}/")
    _axe_clean(page)
    page.get_by_role("button", name="Hyväksy ja julkaise").click()
    page.wait_for_url(f"**/pro/catalog/review/{service.pk}/")
    assert page.get_by_text("Palvelu hyväksyttiin, ja se on nyt julkinen.").count() == 1
    _log_out(page)

    # The family sees it, in Finnish and in Swedish.
    page.goto(f"{base}/fi/services/{service.pk}")
    assert page.get_by_role("heading", name="Isien vertaisryhmä").count() == 1
    _axe_clean(page)
    page.goto(f"{base}/sv/services/{service.pk}")
    assert page.get_by_role("heading", name="Kamratgrupp för pappor").count() == 1
