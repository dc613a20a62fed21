"""Two-factor authentication: required of every professional where the installation says so."""

import pytest
from django.test import Client, override_settings

from perhekeskus.audit.models import AuditEntry
from perhekeskus.testing.factories import PASSWORD, confirmed_totp_device, current_totp_token

pytestmark = pytest.mark.django_db

LOGIN = "/fi/accounts/login/"


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
def test_professional_without_2fa_cannot_reach_professional_pages(coordinator) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    response = client.post(LOGIN, {"email": coordinator.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/accounts/two-factor/setup/")
    for url in ("/fi/accounts/me/", "/fi/pro/audit/", "/fi/accounts/users/"):
        blocked = client.get(url)
        assert blocked.status_code == 302, url
        assert "/accounts/two-factor/setup/" in blocked["Location"]
    assert client.get("/api/v1/audit-entries").status_code == 403
    assert not AuditEntry.objects.filter(action="audit.log.view").exists()


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
def test_setting_up_totp_opens_the_professional_pages(coordinator) -> None:  # type: ignore[no-untyped-def]
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.post(LOGIN, {"email": coordinator.email, "password": PASSWORD})
    setup = client.get("/fi/accounts/two-factor/setup/")
    assert setup.status_code == 200
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    wrong = client.post("/fi/accounts/two-factor/setup/", {"password": PASSWORD, "token": "000000"})
    assert wrong.status_code == 400
    # django-otp throttles after a wrong code (1 s, then 2 s, ...); a person retyping takes longer.
    device.refresh_from_db()
    device.throttle_reset()
    response = client.post(
        "/fi/accounts/two-factor/setup/",
        {"password": PASSWORD, "token": current_totp_token(device)},
    )
    assert response.status_code == 302
    assert client.get("/fi/pro/audit/").status_code == 200
    assert AuditEntry.objects.filter(action="accounts.totp.enroll", actor=coordinator).exists()


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
def test_login_with_a_device_asks_for_the_code_before_logging_in(professional) -> None:  # type: ignore[no-untyped-def]
    device = confirmed_totp_device(professional)
    client = Client()
    response = client.post(LOGIN, {"email": professional.email, "password": PASSWORD})
    assert response["Location"] == "/fi/accounts/login/verify/"
    # Not logged in yet: the password alone opens nothing.
    assert "_auth_user_id" not in client.session
    assert client.get("/fi/accounts/me/").status_code == 302
    bad = client.post("/fi/accounts/login/verify/", {"token": "123456"})
    assert bad.status_code == 400
    assert AuditEntry.objects.filter(action="accounts.totp.verify_failed").exists()
    device.refresh_from_db()
    device.throttle_reset()
    good = client.post("/fi/accounts/login/verify/", {"token": current_totp_token(device)})
    assert good.status_code == 302
    assert client.get("/fi/accounts/me/").status_code == 200
    login = AuditEntry.objects.get(action="accounts.user.login")
    assert login.details == {"two_factor": True}


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
def test_admin_site_requires_the_second_factor_too(admin_user) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.post(LOGIN, {"email": admin_user.email, "password": PASSWORD})
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/fi/accounts/two-factor/setup/")
    assert client.get("/admin/audit/auditentry/").status_code == 302


def test_verify_page_without_a_pending_login_goes_back_to_login(db) -> None:  # type: ignore[no-untyped-def]
    response = Client().get("/fi/accounts/login/verify/")
    assert response.status_code == 302
    assert response["Location"] == LOGIN


def test_without_the_requirement_a_password_login_reaches_the_dashboard(professional) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    response = client.post(LOGIN, {"email": professional.email, "password": PASSWORD})
    assert response["Location"] == "/fi/accounts/me/"
    assert client.get("/fi/accounts/me/").status_code == 200
