"""Who may grant what, and when sessions end: nobody grants themselves a role, coordinators do
not manage the technical administrator, deactivation and an authenticator reset end sessions for
good, enrolment asks for the password again, and the session key changes at every step-up."""

from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from perhekeskus.accounts import services
from perhekeskus.accounts.models import RoleGrant, User
from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import PolicyDenied
from perhekeskus.core.roles import Role
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import (
    PASSWORD,
    UserFactory,
    confirmed_totp_device,
    current_totp_token,
)

pytestmark = pytest.mark.django_db

LOGIN = "/fi/accounts/login/"
SETUP = "/fi/accounts/two-factor/setup/"


def detail_form(user: User, roles: list[str]) -> dict[str, Any]:
    return {
        "full_name": user.full_name,
        "organization": str(user.organization.pk) if user.organization else "",
        "profession": user.profession,
        "title": user.title,
        "roles": roles,
    }


@pytest.fixture
def second_coordinator(organization: Any) -> User:
    return UserFactory.create(
        email="coordinator2@example.org", organization=organization, roles=[Role.COORDINATOR]
    )


# --- F-01: nobody grants themselves a role ------------------------------------------------------


def test_coordinator_cannot_give_themselves_the_team_role(coordinator: User) -> None:
    client = logged_in_client(coordinator)
    response = client.post(
        f"/en/accounts/users/{coordinator.pk}/",
        detail_form(coordinator, [Role.COORDINATOR, Role.EARLY_SUPPORT_TEAM]),
    )
    assert response.status_code == 400
    assert "You cannot give roles to yourself; another coordinator must do it." in (
        response.content.decode()
    )
    coordinator.forget_roles()
    assert coordinator.role_set() == {Role.COORDINATOR}
    assert not AuditEntry.objects.filter(action="accounts.role.grant").exists()


def test_service_refuses_a_self_grant_and_changes_nothing(coordinator: User) -> None:
    with translation.override("en"), pytest.raises(Exception, match="yourself"):
        services.user_roles_set(
            actor=coordinator,
            user=coordinator,
            roles=[Role.COORDINATOR, Role.PROFESSIONAL],
        )
    assert not RoleGrant.objects.filter(user=coordinator, role=Role.PROFESSIONAL).exists()
    assert not AuditEntry.objects.filter(action="accounts.role.grant").exists()


def test_another_coordinator_grants_the_team_role(
    coordinator: User, second_coordinator: User
) -> None:
    client = logged_in_client(second_coordinator)
    response = client.post(
        f"/fi/accounts/users/{coordinator.pk}/",
        detail_form(coordinator, [Role.COORDINATOR, Role.EARLY_SUPPORT_TEAM]),
    )
    assert response.status_code == 302
    coordinator.forget_roles()
    assert coordinator.has_role(Role.EARLY_SUPPORT_TEAM)
    grant = AuditEntry.objects.get(action="accounts.role.grant")
    assert grant.actor == second_coordinator
    assert grant.details["role"] == Role.EARLY_SUPPORT_TEAM


def test_a_coordinator_may_still_drop_their_own_other_roles(coordinator: User) -> None:
    RoleGrant.objects.create(user=coordinator, role=Role.PROFESSIONAL)
    services.user_roles_set(actor=coordinator, user=coordinator, roles=[Role.COORDINATOR])
    coordinator.forget_roles()
    assert coordinator.role_set() == {Role.COORDINATOR}
    assert AuditEntry.objects.filter(action="accounts.role.revoke").count() == 1


# --- F-18: the technical administrator is managed by superusers only ----------------------------


def test_coordinator_cannot_deactivate_the_technical_administrator(
    coordinator: User, admin_user: User
) -> None:
    client = logged_in_client(coordinator)
    response = client.post(f"/en/accounts/users/{admin_user.pk}/active/", {"active": "0"})
    assert response.status_code == 302
    admin_user.refresh_from_db()
    assert admin_user.is_active
    assert admin_user.session_generation == 0
    assert not AuditEntry.objects.filter(action="accounts.user.deactivate").exists()
    page = client.get(f"/en/accounts/users/{admin_user.pk}/")
    html = page.content.decode()
    assert "Only a technical administrator can change a technical administrator" in html
    assert "Deactivate account" not in html


def test_coordinator_cannot_change_or_reset_the_technical_administrator(
    coordinator: User, admin_user: User
) -> None:
    confirmed_totp_device(admin_user)
    client = logged_in_client(coordinator)
    response = client.post(
        f"/fi/accounts/users/{admin_user.pk}/", detail_form(admin_user, [Role.COORDINATOR])
    )
    assert response.status_code == 403
    client.post(f"/fi/accounts/users/{admin_user.pk}/two-factor/reset/")
    with pytest.raises(PolicyDenied):
        services.user_update(
            actor=coordinator,
            user=admin_user,
            full_name="Renamed",
            organization=None,
            profession="",
            title="",
        )
    admin_user.refresh_from_db()
    admin_user.forget_roles()
    assert admin_user.role_set() == frozenset()
    assert admin_user.full_name != "Renamed"
    assert admin_user.has_totp_device()
    assert not AuditEntry.objects.filter(
        action__in=["accounts.role.grant", "accounts.user.update", "accounts.totp.reset"]
    ).exists()


def test_a_superuser_manages_another_superuser(admin_user: User) -> None:
    other = UserFactory.create(is_staff=True, is_superuser=True)
    services.user_set_active(actor=admin_user, user=other, active=False)
    other.refresh_from_db()
    assert not other.is_active
    assert AuditEntry.objects.filter(action="accounts.user.deactivate").exists()


# --- F-19: deactivation ends sessions for good ---------------------------------------------------


def test_deactivation_ends_sessions_even_after_reactivation(
    coordinator: User, professional: User
) -> None:
    nurse = logged_in_client(professional)
    assert nurse.get("/fi/accounts/me/").status_code == 200
    services.user_set_active(actor=coordinator, user=professional, active=False)
    assert nurse.get("/fi/accounts/me/").status_code == 302
    services.user_set_active(actor=coordinator, user=professional, active=True)
    # The old cookie stays dead; a new login works.
    assert nurse.get("/fi/accounts/me/").status_code == 302
    assert logged_in_client(professional).get("/fi/accounts/me/").status_code == 200
    entry = AuditEntry.objects.get(action="accounts.user.deactivate")
    assert entry.details == {"sessions_ended": True}


def test_professional_cannot_end_anyones_sessions(professional: User, coordinator: User) -> None:
    other = logged_in_client(coordinator)
    with pytest.raises(PolicyDenied):
        services.user_set_active(actor=professional, user=coordinator, active=False)
    coordinator.refresh_from_db()
    assert coordinator.session_generation == 0
    assert other.get("/fi/accounts/me/").status_code == 200


# --- F-02: a TOTP reset ends sessions; enrolment asks for the password ---------------------------


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
def test_totp_reset_ends_the_users_sessions(coordinator: User, professional: User) -> None:
    device = confirmed_totp_device(professional)
    nurse = Client()
    nurse.post(LOGIN, {"email": professional.email, "password": PASSWORD})
    nurse.post("/fi/accounts/login/verify/", {"token": current_totp_token(device)})
    assert nurse.get("/fi/accounts/me/").status_code == 200
    coordinator.is_verified = lambda: True  # type: ignore[attr-defined]  (passed 2FA elsewhere)
    services.totp_reset(actor=coordinator, user=professional)
    # The old session cannot reach the set-up page to enrol an authenticator of its own.
    response = nurse.get(SETUP)
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert not TOTPDevice.objects.filter(user=professional).exists()
    assert AuditEntry.objects.get(action="accounts.totp.reset").details == {"sessions_ended": True}


def _start_enrolment(user: User) -> tuple[Client, TOTPDevice]:
    client = Client()
    client.post(LOGIN, {"email": user.email, "password": PASSWORD})
    assert client.get(SETUP).status_code == 200
    return client, TOTPDevice.objects.get(user=user, confirmed=False)


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
def test_enrolment_without_the_password_is_refused(professional: User) -> None:
    client, device = _start_enrolment(professional)
    token = current_totp_token(device)
    missing = client.post(SETUP, {"token": token})
    assert missing.status_code == 400
    wrong = client.post(SETUP, {"password": "not-the-password", "token": token})
    assert wrong.status_code == 400
    assert "password" in wrong.context["form"].errors
    device.refresh_from_db()
    assert not device.confirmed
    assert not AuditEntry.objects.filter(action="accounts.totp.enroll").exists()
    assert AuditEntry.objects.filter(action="accounts.user.login_failed").count() == 1
    assert client.get("/fi/accounts/me/").status_code == 302


@override_settings(PERHEKESKUS_REQUIRE_2FA=True, AXES_FAILURE_LIMIT=2)
def test_guessing_the_password_at_enrolment_locks_the_account_and_ends_the_session(
    professional: User,
) -> None:
    client, device = _start_enrolment(professional)
    token = current_totp_token(device)
    client.post(SETUP, {"password": "guess-number-one", "token": token})
    locked = client.post(SETUP, {"password": "guess-number-two", "token": token})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    device.refresh_from_db()
    assert not device.confirmed


@override_settings(PERHEKESKUS_REQUIRE_2FA=True)
def test_enrolment_with_the_password_rotates_the_session_key(professional: User) -> None:
    client, device = _start_enrolment(professional)
    key_before = client.session.session_key
    response = client.post(SETUP, {"password": PASSWORD, "token": current_totp_token(device)})
    assert response.status_code == 302
    assert client.session.session_key != key_before
    assert client.get("/fi/accounts/me/").status_code == 200
    assert AuditEntry.objects.filter(action="accounts.totp.enroll", actor=professional).exists()


# --- F-24: the step-up of a logged-in session rotates the key too --------------------------------


@override_settings(PERHEKESKUS_REQUIRE_2FA=False)
def test_step_up_of_a_password_session_rotates_the_session_key(professional: User) -> None:
    client = logged_in_client(professional)  # without the requirement: a password session
    device = confirmed_totp_device(professional)
    key_before = client.session.session_key
    with override_settings(PERHEKESKUS_REQUIRE_2FA=True):
        assert client.get("/fi/accounts/me/")["Location"].startswith("/fi/accounts/login/verify/")
        response = client.post("/fi/accounts/login/verify/", {"token": current_totp_token(device)})
        assert response.status_code == 302
        assert client.session.session_key != key_before
        assert client.get("/fi/accounts/me/").status_code == 200
    entry = AuditEntry.objects.filter(action="accounts.user.login").latest("pk")
    assert entry.details == {"two_factor": True, "step_up": True}


# --- F-22: a refused account is told apart from a missing one, in the log only -------------------


def test_a_refused_account_is_access_denied_and_a_missing_one_not_found(
    editor: User, professional: User
) -> None:
    from perhekeskus.accounts.selectors import access_user
    from perhekeskus.core.errors import AccessDenied, NotFound

    with pytest.raises(AccessDenied) as refused:
        access_user(actor=editor, user_id=professional.pk)
    assert (refused.value.target_type, refused.value.target_id) == (
        "accounts.user",
        professional.pk,
    )
    with pytest.raises(NotFound) as missing:
        access_user(actor=editor, user_id=999_999)
    assert not isinstance(missing.value, AccessDenied)
    assert not AuditEntry.objects.filter(action="accounts.user.view").exists()
