"""Core's guards send a user to the pages the settings name (core names no app's pages): the
professional pages' `professional_required` and the admin site's login."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

ELSEWHERE = "finder:home"  # any page: the point is that the guard follows the setting


def test_a_visitor_is_sent_to_the_configured_login_page() -> None:
    with override_settings(LOGIN_URL=ELSEWHERE):
        response = Client().get("/fi/pro/audit/")
        target = reverse(ELSEWHERE)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{target}?next=")


def test_the_default_login_page_is_the_professionals_login() -> None:
    response = Client().get("/fi/pro/audit/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{reverse('accounts:login')}?next=")


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
def test_a_user_without_an_authenticator_is_sent_to_the_configured_set_up_page(
    client: Client, professional: Any
) -> None:
    client.force_login(professional)
    with override_settings(PERHEKESKUS_OTP_SETUP_URL=ELSEWHERE):
        response = client.get("/fi/accounts/me/")
        target = reverse(ELSEWHERE)
    assert response.status_code == 302
    assert response["Location"] == f"{target}?next=/fi/accounts/me/"


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
def test_by_default_the_set_up_page_is_the_accounts_one(client: Client, professional: Any) -> None:
    client.force_login(professional)
    response = client.get("/fi/accounts/me/")
    assert response["Location"] == f"{reverse('accounts:otp_setup')}?next=/fi/accounts/me/"


def test_the_admin_sites_login_sends_a_visitor_to_the_configured_login_page() -> None:
    with override_settings(LOGIN_URL=ELSEWHERE):
        response = Client().get("/admin/login/")
        target = reverse(ELSEWHERE)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{target}?next=")
