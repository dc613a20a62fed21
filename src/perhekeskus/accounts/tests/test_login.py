from typing import Any

import pytest
from django.core import mail
from django.test import Client, override_settings

from perhekeskus.accounts.models import User
from perhekeskus.audit.models import AuditEntry
from perhekeskus.testing.factories import PASSWORD, UserFactory
from perhekeskus.testing.jobs import run_jobs

pytestmark = pytest.mark.django_db

LOGIN = "/fi/accounts/login/"


def test_login_with_email_and_password_is_audited(professional) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    response = client.post(
        LOGIN, {"email": professional.email.upper(), "password": PASSWORD}, REMOTE_ADDR="10.0.0.7"
    )
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/me/"
    entry = AuditEntry.objects.get(action="accounts.user.login")
    assert entry.actor == professional
    assert entry.ip_address == "10.0.0.7"
    assert client.get("/fi/accounts/me/").status_code == 200


def test_login_follows_a_safe_next_but_never_an_outside_one(professional) -> None:  # type: ignore[no-untyped-def]
    response = Client().post(
        LOGIN, {"email": professional.email, "password": PASSWORD, "next": "/fi/accessibility/"}
    )
    assert response["Location"] == "/fi/accessibility/"
    response = Client().post(
        LOGIN,
        {"email": professional.email, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/fi/accounts/me/"


def test_failed_login_is_audited_and_explained_in_the_users_language(professional) -> None:  # type: ignore[no-untyped-def]
    response = Client().post(
        "/en/accounts/login/", {"email": professional.email, "password": "wrong-password"}
    )
    assert response.status_code == 400
    assert "The e-mail address or password is wrong." in response.content.decode()
    entry = AuditEntry.objects.get(action="accounts.user.login_failed")
    assert entry.actor is None
    assert entry.target_id == str(professional.pk)
    assert not AuditEntry.objects.filter(action="accounts.user.login").exists()


def test_login_form_errors_for_malformed_input(db) -> None:  # type: ignore[no-untyped-def]
    response = Client().post("/en/accounts/login/", {"email": "not-an-email", "password": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert "Enter a valid email address." in html


def test_inactive_user_cannot_log_in(db) -> None:  # type: ignore[no-untyped-def]
    user = UserFactory(is_active=False)
    response = Client().post(LOGIN, {"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "_auth_user_id" not in Client().session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_account_is_locked_after_repeated_failures(professional) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    for _ in range(2):
        assert client.post(LOGIN, {"email": professional.email, "password": "x"}).status_code == 400
    locked = client.post(LOGIN, {"email": professional.email, "password": "x"})
    assert locked.status_code == 429
    # Even the right password does not get in while the lock lasts...
    response = Client().post(LOGIN, {"email": professional.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Login locked" in response.content.decode() or "lukittu" in response.content.decode()
    assert not AuditEntry.objects.filter(action="accounts.user.login").exists()
    assert AuditEntry.objects.filter(action="accounts.user.locked_out").count() >= 1
    assert AuditEntry.objects.filter(action="accounts.user.login_failed").count() == 2


@override_settings(AXES_FAILURE_LIMIT=3)
def test_lockout_of_one_account_does_not_lock_another(professional, coordinator) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        Client().post(LOGIN, {"email": professional.email, "password": "x"})
    response = Client().post(LOGIN, {"email": coordinator.email, "password": PASSWORD})
    assert response.status_code == 302


def test_logout_is_audited_and_needs_post(professional) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.post(LOGIN, {"email": professional.email, "password": PASSWORD})
    assert client.get("/fi/accounts/logout/").status_code == 405
    response = client.post("/fi/accounts/logout/")
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="accounts.user.logout")
    assert entry.actor == professional
    assert client.get("/fi/accounts/me/").status_code == 302


def test_password_reset_by_email_is_audited(
    professional: User, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    response = client.post("/fi/accounts/password/reset/", {"email": professional.email})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        run_jobs()  # the worker makes the link and sends it
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    link = next(line for line in body.splitlines() if "/accounts/password/reset/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    new_password = "a-brand-new-long-password"
    done = client.post(set_url, {"new_password1": new_password, "new_password2": new_password})
    assert done.status_code == 302
    professional.refresh_from_db()
    assert professional.check_password(new_password)
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"accounts.password.reset_request", "accounts.password.reset"} <= actions


def test_password_reset_for_unknown_address_sends_nothing_but_says_the_same(db) -> None:  # type: ignore[no-untyped-def]
    response = Client().post("/fi/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/password/reset/sent/"
    assert run_jobs() == 1
    assert mail.outbox == []
