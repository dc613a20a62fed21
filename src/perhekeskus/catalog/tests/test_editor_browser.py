"""The catalogue editor in a real browser: axe-core finds no serious or critical violation."""

from typing import Any

import pytest

from perhekeskus.catalog.models import ChannelKind, ContactChannel, ServiceAtLocation
from perhekeskus.core.roles import Role
from perhekeskus.testing.browser import axe_violations, describe
from perhekeskus.testing.factories import (
    PASSWORD,
    LocationFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_pages_pass_axe(live_server: Any, page: Any) -> None:
    editor = UserFactory.create(email="editor@example.org", roles=[Role.ORGANIZATION_EDITOR])
    service = ServiceFactory.create(organization=editor.organization)
    location = LocationFactory.create(organization=editor.organization)
    at_location = ServiceAtLocation.objects.create(service=service, location=location)
    channel = ContactChannel.objects.create(
        service_at_location=at_location, kind=ChannelKind.PHONE, value="040 123 4567"
    )
    page.goto(f"{live_server.url}/fi/accounts/login/")
    page.fill("#id_email", editor.email)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/fi/accounts/me/")
    failures = []
    for path in [
        "pro/catalog/",
        "pro/catalog/catalog/service/",
        f"pro/catalog/catalog/service/{service.pk}/change/",
        "pro/catalog/catalog/service/add/",
        "pro/catalog/catalog/location/",
        f"pro/catalog/catalog/location/{location.pk}/change/",
        f"pro/catalog/catalog/serviceatlocation/{at_location.pk}/change/",
        f"pro/catalog/catalog/contactchannel/{channel.pk}/change/",
    ]:
        page.goto(f"{live_server.url}/fi/{path}")
        violations = axe_violations(page)
        if violations:
            failures.append(f"/fi/{path}\n{describe(violations)}")
    assert not failures, "\n\n".join(failures)
