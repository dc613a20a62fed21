"""Coordinators manage professionals; every change is audited; nobody else can make one."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from perhekeskus.accounts import services
from perhekeskus.accounts.models import RoleGrant, User
from perhekeskus.accounts.policies import can_manage_users, can_view_user
from perhekeskus.accounts.selectors import access_user
from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.core.roles import Role
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import confirmed_totp_device

pytestmark = pytest.mark.django_db


def new_user_form(organization) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "email": "New.Worker@Example.org",
        "full_name": "Uusi Työntekijä",
        "organization": str(organization.pk),
        "profession": "family_worker",
        "title": "Perheohjaaja",
        "roles": ["professional", "early_support_team"],
    }


# --- policies -----------------------------------------------------------------------------------


def test_can_manage_users_allowed_for_coordinator_and_superuser(coordinator, admin_user) -> None:  # type: ignore[no-untyped-def]
    assert can_manage_users(coordinator)
    assert can_manage_users(admin_user)


def test_can_manage_users_denied_for_other_roles(editor, professional, team_member) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import AnonymousUser

    for user in (editor, professional, team_member, AnonymousUser()):
        assert not can_manage_users(user)


def test_can_view_user_allows_self_and_coordinator_only(coordinator, professional, editor) -> None:  # type: ignore[no-untyped-def]
    assert can_view_user(professional, professional)
    assert can_view_user(coordinator, professional)
    assert not can_view_user(editor, professional)


# --- create -------------------------------------------------------------------------------------


def test_coordinator_adds_a_professional_who_gets_an_invitation(  # type: ignore[no-untyped-def]
    coordinator, organization, django_capture_on_commit_callbacks
) -> None:
    client = logged_in_client(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fi/accounts/users/new/", new_user_form(organization))
    assert response.status_code == 302
    user = User.objects.get(email="new.worker@example.org")
    assert not user.has_usable_password()
    assert user.role_set() == {"professional", "early_support_team"}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.worker@example.org"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    # The invitation link lets the new user choose a password and log in.
    from django.test import Client

    invited = Client()
    # The address is the site's own, not the Host header of the coordinator's request.
    assert link.startswith("http://127.0.0.1:8000/")
    form_page = invited.get(link.split("127.0.0.1:8000", 1)[1], follow=True)
    assert form_page.context["validlink"]
    password = "my-own-long-password-2026"
    invited.post(
        form_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )
    user.refresh_from_db()
    assert user.check_password(password)
    created = AuditEntry.objects.get(action="accounts.user.create")
    assert created.actor == coordinator
    assert created.target_id == str(user.pk)
    granted = AuditEntry.objects.filter(action="accounts.role.grant", target_id=str(user.pk))
    assert sorted(entry.details["role"] for entry in granted) == [
        "early_support_team",
        "professional",
    ]


def test_professional_cannot_add_users(professional, organization) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(professional)
    before = AuditEntry.objects.count()
    response = client.post("/fi/accounts/users/new/", new_user_form(organization))
    assert response.status_code == 403
    assert not User.objects.filter(email="new.worker@example.org").exists()
    assert AuditEntry.objects.count() == before
    assert mail.outbox == []


def test_service_refuses_a_non_coordinator_and_changes_nothing(editor, organization) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PolicyDenied):
        services.user_create(
            actor=editor, email="x@example.org", full_name="X", organization=organization
        )
    assert not User.objects.filter(email="x@example.org").exists()
    assert not AuditEntry.objects.filter(action="accounts.user.create").exists()


def test_duplicate_email_is_a_field_error_not_a_crash(
    coordinator, professional, organization
) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(coordinator)
    form = new_user_form(organization) | {"email": professional.email.upper()}
    response = client.post("/en/accounts/users/new/", form)
    assert response.status_code == 400
    assert "A user with this e-mail address already exists." in response.content.decode()


def test_unknown_organisation_is_a_field_error(coordinator, organization) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(coordinator)
    form = new_user_form(organization) | {"organization": "not-a-uuid"}
    response = client.post("/en/accounts/users/new/", form)
    assert response.status_code == 400


# --- roles --------------------------------------------------------------------------------------


def test_coordinator_changes_roles_and_each_change_is_audited(coordinator, professional) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(coordinator)
    response = client.post(
        f"/fi/accounts/users/{professional.pk}/",
        {
            "full_name": professional.full_name,
            "organization": str(professional.organization.pk),
            "profession": professional.profession,
            "title": "",
            "roles": ["organization_editor"],
        },
    )
    assert response.status_code == 302
    professional.forget_roles()
    assert professional.role_set() == {"organization_editor"}
    grant = AuditEntry.objects.get(action="accounts.role.grant", target_id=str(professional.pk))
    revoke = AuditEntry.objects.get(action="accounts.role.revoke", target_id=str(professional.pk))
    assert grant.details["role"] == "organization_editor"
    assert revoke.details["role"] == "professional"
    assert grant.actor == coordinator


def test_editor_cannot_change_roles(editor, professional) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PolicyDenied):
        services.user_roles_set(actor=editor, user=professional, roles=[Role.COORDINATOR])
    assert not RoleGrant.objects.filter(user=professional, role=Role.COORDINATOR).exists()
    assert not AuditEntry.objects.filter(action="accounts.role.grant").exists()
    client = logged_in_client(editor)
    assert client.get(f"/fi/accounts/users/{professional.pk}/").status_code == 403


def test_coordinator_cannot_remove_their_own_coordinator_role(coordinator) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.user_roles_set(actor=coordinator, user=coordinator, roles=[])
    coordinator.forget_roles()
    assert coordinator.has_role(Role.COORDINATOR)


def test_unknown_role_is_refused(coordinator, professional) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.user_roles_set(actor=coordinator, user=professional, roles=["overlord"])


# --- deactivate, two-factor reset, reads --------------------------------------------------------


def test_coordinator_deactivates_and_the_user_can_no_longer_log_in(
    coordinator, professional
) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(coordinator)
    response = client.post(f"/fi/accounts/users/{professional.pk}/active/", {"active": "0"})
    assert response.status_code == 302
    professional.refresh_from_db()
    assert not professional.is_active
    assert AuditEntry.objects.filter(action="accounts.user.deactivate").exists()


def test_professional_cannot_deactivate_anyone(professional, coordinator) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(professional)
    response = client.post(f"/fi/accounts/users/{coordinator.pk}/active/", {"active": "0"})
    assert response.status_code == 403
    coordinator.refresh_from_db()
    assert coordinator.is_active
    assert not AuditEntry.objects.filter(action="accounts.user.deactivate").exists()


def test_coordinator_cannot_deactivate_themselves(coordinator) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.user_set_active(actor=coordinator, user=coordinator, active=False)


def test_coordinator_removes_a_lost_authenticator(coordinator, professional) -> None:  # type: ignore[no-untyped-def]
    confirmed_totp_device(professional)
    services.totp_reset(actor=coordinator, user=professional)
    assert not professional.has_totp_device()
    assert AuditEntry.objects.filter(action="accounts.totp.reset").exists()


def test_professional_cannot_remove_someone_elses_authenticator(professional, editor) -> None:  # type: ignore[no-untyped-def]
    confirmed_totp_device(editor)
    with pytest.raises(PolicyDenied):
        services.totp_reset(actor=professional, user=editor)
    assert editor.has_totp_device()


def test_reading_another_users_details_is_logged(coordinator, professional) -> None:  # type: ignore[no-untyped-def]
    access_user(actor=coordinator, user_id=professional.pk)
    entry = AuditEntry.objects.get(action="accounts.user.view")
    assert entry.actor == coordinator
    assert entry.target_id == str(professional.pk)


def test_forbidden_and_missing_users_look_the_same(editor, professional) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound):
        access_user(actor=editor, user_id=professional.pk)
    with pytest.raises(NotFound):
        access_user(actor=editor, user_id=999_999)
    assert not AuditEntry.objects.filter(action="accounts.user.view").exists()


def test_user_list_filters_and_is_for_coordinators_only(coordinator, professional, editor) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(coordinator)
    response = client.get("/fi/accounts/users/", {"role": "organization_editor"})
    assert response.status_code == 200
    assert [u.email for u in response.context["page"].object_list] == [editor.email]
    assert logged_in_client(professional).get("/fi/accounts/users/").status_code == 403
