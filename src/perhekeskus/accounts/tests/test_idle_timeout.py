"""A professional's session ends after a time without activity (F-25, ASVS 3.3.2)."""

from __future__ import annotations

import time
from typing import Any

from django.test import Client, override_settings

from perhekeskus.accounts.middleware import LAST_ACTIVITY
from perhekeskus.audit.models import AuditEntry
from perhekeskus.testing.clients import logged_in_client

DASHBOARD = "/fi/accounts/me/"


def _idle_for(client: Client, seconds: int) -> None:
    session = client.session
    session[LAST_ACTIVITY] = int(time.time()) - seconds
    session.save()


def test_a_session_idle_past_the_limit_is_logged_out_and_told_why(professional: Any) -> None:
    client = logged_in_client(professional)
    assert client.get(DASHBOARD).status_code == 200
    _idle_for(client, 31 * 60)
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert "/fi/accounts/login/" in response["Location"]
    assert AuditEntry.objects.filter(
        action="accounts.user.idle_logout", actor=professional
    ).exists()
    login_page = client.get(response["Location"])
    assert "Sinut kirjattiin ulos, koska palvelua ei käytetty 30 minuuttiin" in (
        login_page.content.decode()
    )
    # Said once: the next visit to the login page is plain.
    assert "kirjattiin ulos" not in client.get(response["Location"]).content.decode()


def test_a_session_in_use_stays_logged_in(professional: Any) -> None:
    client = logged_in_client(professional)
    client.get(DASHBOARD)
    _idle_for(client, 29 * 60)
    assert client.get(DASHBOARD).status_code == 200
    # The request moved the last activity on: another 29 minutes later it still holds.
    last = client.session[LAST_ACTIVITY]
    assert int(time.time()) - last < 5
    assert not AuditEntry.objects.filter(action="accounts.user.idle_logout").exists()


@override_settings(PERHEKESKUS_SESSION_IDLE_MINUTES=0)
def test_no_idle_limit_when_set_to_zero(professional: Any) -> None:
    client = logged_in_client(professional)
    client.get(DASHBOARD)
    _idle_for(client, 7 * 60 * 60)
    assert client.get(DASHBOARD).status_code == 200
