"""Password reset answers the same, doing the same work, whether or not the account exists
(the link is made and sent by a job), and is throttled; weak passwords (Finnish ones
included) are refused."""

from typing import Any

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory, override_settings
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from perhekeskus.accounts.models import User
from perhekeskus.accounts.passwords import CommonFinnishPasswordValidator, SequenceValidator
from perhekeskus.accounts.views import PasswordResetView
from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.models import OutboxEmail
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import PASSWORD
from perhekeskus.testing.jobs import run_jobs

pytestmark = pytest.mark.django_db

RESET = "/fi/accounts/password/reset/"


def _reset_view_answer(email: str) -> Any:
    request = RequestFactory().post(RESET, {"email": email}, REMOTE_ADDR="10.0.0.9")
    request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
    # No LocaleMiddleware around a bare view: the URLs it answers with take the language of the
    # thread, which an earlier test in the same worker may have left on another one.
    with translation.override("fi"):
        response = PasswordResetView.as_view()(request)
    return response


# --- F-13: the same answer, as fast --------------------------------------------------------------


def test_reset_answers_before_sending_and_the_same_for_unknown_addresses(
    professional: User, django_capture_on_commit_callbacks: Any
) -> None:
    known = _reset_view_answer(professional.email)
    unknown = _reset_view_answer("nobody@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known["Location"] == "/fi/accounts/password/reset/sent/"
    # The answer does the same work either way, one job each, and writes or sends no e-mail
    # itself (so its timing cannot tell a known address from an unknown one): the worker does.
    assert mail.outbox == []
    jobs = DBTaskResult.objects.filter(task_path__endswith=".accounts_password_reset_send")
    assert jobs.count() == 2
    assert not OutboxEmail.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert run_jobs() == 2
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [professional.email]
    assert "/fi/accounts/password/reset/" in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="accounts.password.reset_request").count() == 2
    # No address and no link in a job's row.
    stored = str(list(jobs.values_list("args_kwargs", flat=True)))
    assert professional.email not in stored
    assert "nobody@example.org" not in stored


@override_settings(PERHEKESKUS_PASSWORD_RESET_RATE_LIMIT="2/h")
def test_one_address_gets_a_limited_number_of_links(
    professional: User, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    answers = []
    for _ in range(4):
        answers.append(client.post(RESET, {"email": professional.email}))
        with django_capture_on_commit_callbacks(execute=True):
            run_jobs()
    assert {(a.status_code, a["Location"]) for a in answers} == {
        (302, "/fi/accounts/password/reset/sent/")
    }
    assert len(mail.outbox) == 2
    limited = AuditEntry.objects.filter(
        action="accounts.password.reset_request", details__limited=True
    )
    assert limited.count() == 2


@override_settings(PERHEKESKUS_PASSWORD_RESET_CLIENT_RATE_LIMIT="3/h")
def test_one_client_gets_a_429_after_its_limit(db: None) -> None:
    client = Client()
    for number in range(3):
        assert client.post(RESET, {"email": f"x{number}@example.org"}).status_code == 302
    refused = client.post("/en/accounts/password/reset/", {"email": "y@example.org"})
    assert refused.status_code == 429
    assert "Too many password-reset requests" in refused.content.decode()
    assert AuditEntry.objects.filter(action="accounts.password.reset_request").count() == 3
    # Another client is not affected.
    other = Client(REMOTE_ADDR="10.9.9.9").post(RESET, {"email": "y@example.org"})
    assert other.status_code == 302


@override_settings(
    PERHEKESKUS_RATE_LIMITS=False, PERHEKESKUS_PASSWORD_RESET_CLIENT_RATE_LIMIT="1/h"
)
def test_rate_limits_off_switch_lifts_the_reset_limits(db: None) -> None:
    client = Client()
    for number in range(3):
        assert client.post(RESET, {"email": f"x{number}@example.org"}).status_code == 302


# --- F-14: weak passwords -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "weak",
    [
        "aaaaaaaaaaaa",
        "qwertyuiopas",
        "abcdefghijkl",
        "salasana1234",
        "kesakuu2026!",
        "Kesäkuu2026!",
        "111111111111a",
        "Perkele12345",
        "P4ssw0rd2026!",
        "short",
    ],
)
def test_weak_passwords_are_refused(weak: str) -> None:
    with pytest.raises(ValidationError):
        validate_password(weak)


@pytest.mark.parametrize(
    "strong",
    ["correct-horse-battery-staple", "Kesäkuun aurinko paistaa 2026", "my-own-long-password-2026"],
)
def test_good_passwords_pass(strong: str) -> None:
    validate_password(strong)


def test_the_finnish_list_is_a_few_hundred_words_and_folds_umlauts() -> None:
    from perhekeskus.accounts.passwords import WORD_LIST, _finnish_words

    words = _finnish_words(WORD_LIST)
    assert len(words) >= 400
    assert "kesakuu" in words and "salasana" in words and "losenord" in words
    CommonFinnishPasswordValidator().validate("Joulupukki tuli 1999")  # a phrase passes
    with pytest.raises(ValidationError):
        CommonFinnishPasswordValidator().validate("--Joulupukki1999--")
    SequenceValidator().validate("kaksi kissaa ja koira")


def test_password_change_refuses_a_weak_password_in_the_users_language(
    professional: User,
) -> None:
    client = logged_in_client(professional)
    response = client.post(
        "/fi/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "salasana1234",
            "new_password2": "salasana1234",
        },
    )
    assert response.status_code == 200
    assert "Tämä salasana on liian yleinen." in response.content.decode()
    short = client.post(
        "/fi/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": "Lyhyt-2026", "new_password2": "Lyhyt-2026"},
    )
    assert "liian lyhyt" in short.content.decode()
    professional.refresh_from_db()
    assert professional.check_password(PASSWORD)
    assert not AuditEntry.objects.filter(action="accounts.password.change").exists()
