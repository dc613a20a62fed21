"""A user id that does not exist is the site's 404 page on every user page, mapped once by
`core.middleware.NotFoundMiddleware` (the views no longer map NotFound themselves)."""

from __future__ import annotations

import pytest
from django.test import Client

from perhekeskus.accounts.models import User
from perhekeskus.testing.clients import logged_in_client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "{}/"), ("post", "{}/active/"), ("post", "{}/two-factor/reset/")],
)
def test_a_missing_user_is_the_sites_404_page(coordinator: User, method: str, path: str) -> None:
    client: Client = logged_in_client(coordinator)
    url = "/en/accounts/users/" + path.format(coordinator.pk + 1000)
    response = getattr(client, method)(url)
    assert response.status_code == 404
    assert any("404" in (t.name or "") for t in response.templates)
    existing = getattr(client, method)("/en/accounts/users/" + path.format(coordinator.pk))
    assert existing.status_code != 404
