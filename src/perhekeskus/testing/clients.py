from __future__ import annotations

from django.test import Client

from perhekeskus.accounts.models import User
from perhekeskus.testing.factories import PASSWORD


def logged_in_client(user: User) -> Client:
    """A session logged in through the real login view (so the login is audited like in life)."""
    client = Client()
    response = client.post("/fi/accounts/login/", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    return client
