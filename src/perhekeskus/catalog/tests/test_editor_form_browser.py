"""The service form on a laptop (usability review M15): it fits a 1366 px screen without
sideways scrolling, keeps the product's header with a way back to "My page", and axe finds no
serious or critical violation; producers are ticked from a list that can be filtered."""

from typing import Any

import pytest
from django.db.models import Count

from perhekeskus.catalog.models import Service
from perhekeskus.core.roles import Role
from perhekeskus.testing.browser import axe_violations, describe
from perhekeskus.testing.factories import PASSWORD, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("committed_demo"),
]


def _demo_service_with_places_and_channels() -> Service:
    service = (
        Service.objects.annotate(
            channel_count=Count("channels", distinct=True),
            place_count=Count("at_locations", distinct=True),
        )
        .filter(channel_count__gt=0, place_count__gt=0)
        .order_by("-channel_count", "-place_count", "pk")
        .first()
    )
    assert service is not None
    return service


def test_the_service_form_fits_a_laptop_and_passes_axe(live_server: Any, page: Any) -> None:
    service = _demo_service_with_places_and_channels()
    coordinator = UserFactory.create(email="coordinator@example.org", roles=[Role.COORDINATOR])
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/fi/accounts/login/")
    page.fill("#id_email", coordinator.email)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/fi/accounts/me/")

    page.goto(f"{live_server.url}/fi/pro/catalog/catalog/service/{service.pk}/change/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1366, f"the form is {width} px wide"
    # The product's navigation, with the way back to the professional's own page.
    assert page.get_by_role("link", name="Oma sivu").count() == 1
    # The three languages of a text side by side: Swedish to the right of Finnish.
    finnish = page.locator("#id_summary_fi").bounding_box()
    swedish = page.locator("#id_summary_sv").bounding_box()
    assert swedish["x"] > finnish["x"] + finnish["width"] - 1
    assert abs(swedish["y"] - finnish["y"]) < 2
    # Producers are boxes to tick, and the list can be filtered by name.
    assert page.locator("select[name=producers]").count() == 0
    boxes = page.locator("input[type=checkbox][name=producers]")
    assert boxes.count() > 5
    page.get_by_label("Suodata luetteloa").fill("Porvoo")
    visible = page.locator("input[type=checkbox][name=producers]:visible")
    assert 0 < visible.count() < boxes.count()
    # A channel's languages: the common ones at once, the rest behind a disclosure.
    assert page.locator("details.editor-more-languages").count() >= 1

    violations = axe_violations(page)
    assert not violations, describe(violations)

    page.set_viewport_size({"width": 390, "height": 844})
    narrow = page.evaluate("document.documentElement.scrollWidth")
    assert narrow <= 400, f"on a phone the form is {narrow} px wide"

    # The history in words and the preview of the family's card pass axe too.
    page.set_viewport_size({"width": 1366, "height": 900})
    failures = []
    for path in [
        f"pro/catalog/catalog/service/{service.pk}/history/",
        f"pro/catalog/preview/{service.pk}/",
    ]:
        page.goto(f"{live_server.url}/fi/{path}")
        violations = axe_violations(page)
        if violations:
            failures.append(f"/fi/{path}\n{describe(violations)}")
    assert not failures, "\n\n".join(failures)
