"""Signing in to the family's own page: the e-mailed link (single use, short-lived, bound to its
guardian, consumed only by the button), the same answer for an unknown address, the rate limits,
the session (new key, idle expiry, sign-out) and a pluggable identification backend."""

from __future__ import annotations

import datetime
import re
import time
from typing import Any

import pytest
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.models import OutboxEmail
from perhekeskus.families import actions, identification
from perhekeskus.families.models import FamilyStatus, Guardian, SignInLink
from perhekeskus.families.services import signin
from perhekeskus.testing.families import VALID_PIC, make_family
from perhekeskus.testing.jobs import run_jobs

pytestmark = pytest.mark.django_db

EMAIL = "huoltaja1@example.org"
TOKEN_IN_BODY = re.compile(r"/family/sign-in/([^/\s]+)/")


@pytest.fixture
def guardian(family) -> Guardian:
    return family.guardians.get()


def url(name: str, language: str = "fi", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"family:{name}", kwargs=kwargs or None)


def ask(client: Client, email: str = EMAIL, language: str = "fi") -> Any:
    """Ask for a link, and run the job that sends it after the answer."""
    response = client.post(url("start", language), {"email": email})
    run_jobs()
    return response


def tokens() -> list[str]:
    found = []
    for message in OutboxEmail.objects.filter(kind="families.signin.link").order_by("pk"):
        match = TOKEN_IN_BODY.search(message.body)
        assert match is not None
        found.append(match.group(1))
    return found


def sign_in(client: Client, email: str = EMAIL) -> Any:
    ask(client, email)
    return client.post(url("signin", token=tokens()[-1]))


def test_a_known_address_gets_a_link_stored_only_as_a_hash(client, guardian):
    response = ask(client, "  Huoltaja1@Example.org ")
    assert response.status_code == 303
    assert response["Location"] == url("sent")
    (token,) = tokens()
    link = SignInLink.objects.get()
    assert link.guardian == guardian
    assert link.token_digest != token and token not in link.token_digest
    assert link.expires_at - link.created_at == datetime.timedelta(minutes=20)
    (message,) = OutboxEmail.objects.filter(kind="families.signin.link")
    assert message.recipients == f'["{EMAIL}"]'
    assert "/fi/family/sign-in/" in message.body


def test_the_request_only_enqueues_a_job_that_names_no_address(client, guardian):
    response = client.post(url("start"), {"email": EMAIL})
    assert response.status_code == 303
    assert not SignInLink.objects.exists()  # sent after the answer
    (queued,) = DBTaskResult.objects.all()
    assert "example.org" not in str(queued.args_kwargs)
    run_jobs()
    assert len(tokens()) == 1


def test_the_audit_entry_names_no_address(client, guardian):
    ask(client)
    entry = AuditEntry.objects.get(action=actions.SIGNIN_LINK.name)
    assert entry.target_id == str(guardian.pk)
    assert "example.org" not in str(entry.details)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, guardian):
    known = ask(client)
    unknown = ask(Client(), "nobody@example.org")
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert OutboxEmail.objects.filter(kind="families.signin.link").count() == 1
    page = client.get(known["Location"])
    assert page.status_code == 200


def test_an_anonymised_record_gets_no_link(client, family):
    family.status = FamilyStatus.CLOSED
    family.closed_at = family.anonymized_at = timezone.now()
    family.save()
    assert ask(client).status_code == 303
    assert not SignInLink.objects.exists()


def test_a_closed_record_still_gets_a_link(client, family, guardian):
    # Until it is anonymised the family sees who reads it and may revoke consents.
    family.status = FamilyStatus.CLOSED
    family.closed_at = timezone.now()
    family.save()
    sign_in(client)
    assert client.session[signin.SESSION_GUARDIAN] == guardian.pk
    assert client.get(url("access_log")).status_code == 200


def test_a_guardian_in_two_families_gets_a_link_for_each(client, professional, family):
    make_family(responsible=professional, name="Korhonen")
    ask(client)
    assert SignInLink.objects.count() == 2
    assert OutboxEmail.objects.filter(kind="families.signin.link").count() == 2


def test_no_more_than_three_waiting_links(client, guardian, settings):
    settings.PERHEKESKUS_RATE_LIMITS = False
    for _ in range(5):
        ask(client)
    assert SignInLink.objects.count() == signin.MAX_OPEN_LINKS


def test_opening_the_link_signs_nobody_in_the_button_does(client, guardian):
    ask(client)
    (token,) = tokens()
    for _ in range(2):  # a mail scanner, a link preview, the guardian
        page = client.get(url("signin", token=token))
        assert page.status_code == 200
        assert 'method="post"' in page.content.decode()
    assert signin.SESSION_GUARDIAN not in client.session
    response = client.post(url("signin", token=token))
    assert response.status_code == 303
    assert response["Location"] == url("home")
    assert client.session[signin.SESSION_GUARDIAN] == guardian.pk
    assert AuditEntry.objects.filter(action=actions.SIGNIN.name, target_id=str(guardian.pk))


def test_a_link_works_once(client, guardian):
    ask(client)
    (token,) = tokens()
    assert client.post(url("signin", token=token)).status_code == 303
    other = Client()
    assert other.post(url("signin", token=token)).status_code == 404
    assert other.get(url("signin", token=token)).status_code == 404
    assert signin.SESSION_GUARDIAN not in other.session


def test_using_a_link_uses_up_the_guardians_other_links(client, guardian, settings):
    settings.PERHEKESKUS_RATE_LIMITS = False
    ask(client)
    ask(client)
    first, second = tokens()
    assert client.post(url("signin", token=second)).status_code == 303
    assert Client().post(url("signin", token=first)).status_code == 404


def test_an_expired_link_does_not_sign_in(client, guardian):
    ask(client)
    (token,) = tokens()
    SignInLink.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(url("signin", token=token)).status_code == 404
    assert client.post(url("signin", token=token)).status_code == 404
    assert signin.SESSION_GUARDIAN not in client.session


def test_a_made_up_token_does_not_sign_in(client, guardian):
    assert client.post(url("signin", token="x" * 43)).status_code == 404


def test_a_link_is_bound_to_its_guardian(client, professional, family, guardian):
    other_family = make_family(
        responsible=professional, name="Korhonen", guardians=({"email": "korhonen@example.org"},)
    )
    other = other_family.guardians.get()
    ask(client, "korhonen@example.org")
    ask(Client())
    korhonen_token, virtanen_token = tokens()
    client.post(url("signin", token=korhonen_token))
    assert client.session[signin.SESSION_GUARDIAN] == other.pk
    second = Client()
    second.post(url("signin", token=virtanen_token))
    assert second.session[signin.SESSION_GUARDIAN] == guardian.pk


def test_signing_in_gives_a_new_session_key(client, guardian):
    client.get(url("start"))
    session = client.session
    session["something"] = "before"
    session.save()
    before = client.session.session_key
    sign_in(client)
    assert client.session.session_key != before
    assert client.session["something"] == "before"


def test_an_idle_session_ends(client, guardian, settings):
    sign_in(client)
    assert client.get(url("home")).status_code == 200
    session = client.session
    session[signin.SESSION_SEEN] = int(time.time()) - settings.FAMILIES_SESSION_MINUTES * 60 - 5
    session.save()
    response = client.get(url("home"))
    assert response.status_code == 303
    assert response["Location"] == f"{url('start')}?ended=1"
    assert signin.SESSION_GUARDIAN not in client.session


def test_a_request_keeps_the_session_alive(client, guardian, settings):
    sign_in(client)
    session = client.session
    session[signin.SESSION_SEEN] = int(time.time()) - settings.FAMILIES_SESSION_MINUTES * 60 + 30
    session.save()
    assert client.get(url("home")).status_code == 200
    assert client.session[signin.SESSION_SEEN] >= int(time.time()) - 5


def test_anonymising_the_record_ends_the_session(client, family, guardian):
    sign_in(client)
    family.status = FamilyStatus.CLOSED
    family.closed_at = family.anonymized_at = timezone.now()
    family.save()
    assert client.get(url("home")).status_code == 303


def test_sign_out(client, guardian):
    sign_in(client)
    response = client.post(url("sign_out"))
    assert response.status_code == 303
    assert signin.SESSION_GUARDIAN not in client.session
    assert client.get(url("home")).status_code == 303


def test_sign_out_is_a_post(client, guardian):
    sign_in(client)
    assert client.get(url("sign_out")).status_code == 405
    assert client.session[signin.SESSION_GUARDIAN] == guardian.pk


def test_without_signing_in_the_pages_send_to_the_start(client, guardian):
    for name in ("home", "access_log", "correction_new"):
        response = client.get(url(name))
        assert response.status_code == 303
        assert response["Location"].startswith(url("start"))


# --- Rate limits ---------------------------------------------------------------------------------


def test_links_are_limited_per_browser_and_unknown_addresses_count(client, guardian, settings):
    settings.FAMILIES_SIGNIN_RATE_LIMIT = "2/h"
    assert ask(client, "nobody@example.org").status_code == 303
    assert ask(client, "someone@example.org").status_code == 303
    response = ask(client)
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert not SignInLink.objects.exists()


def test_links_are_limited_per_address(guardian, settings):
    settings.FAMILIES_SIGNIN_RATE_LIMIT = "10/h"
    settings.FAMILIES_SIGNIN_ADDRESS_RATE_LIMIT = "2/h"
    for number in range(2):
        assert ask(Client(HTTP_USER_AGENT=f"browser {number}")).status_code == 303
    assert ask(Client(HTTP_USER_AGENT="browser 3")).status_code == 429


def test_rate_limits_off(client, guardian, settings):
    settings.FAMILIES_SIGNIN_RATE_LIMIT = "1/h"
    settings.PERHEKESKUS_RATE_LIMITS = False
    for _ in range(4):
        assert ask(client, "nobody@example.org").status_code == 303


def test_an_invalid_address_is_said_on_the_form(client, guardian):
    response = ask(client, "not an address")
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()


# --- Pluggable identification --------------------------------------------------------------------


class CodeBackend:
    """A stand-in for strong identification: the 'identity provider' returns a verified code."""

    name = "test-code"
    label = "Sign in with a test code"

    def start(self, request: HttpRequest, **data: Any) -> identification.StartResult:
        return identification.StartResult(redirect_url="https://idp.example/start")

    def complete(self, request: HttpRequest, **data: Any) -> Guardian | None:
        return identification.guardian_for_identity_code(str(data.get("code", "")))


@pytest.fixture
def with_code_backend(settings):
    settings.FAMILIES_IDENTIFICATION_BACKENDS = [
        "perhekeskus.families.identification.EmailLinkBackend",
        f"{__name__}.CodeBackend",
    ]


def test_a_county_backend_is_offered_and_maps_a_verified_code(
    client, professional, with_code_backend
):
    family = make_family(
        responsible=professional, guardians=({"personal_identity_code": VALID_PIC},)
    )
    guardian = family.guardians.get()
    page = client.get(url("start")).content.decode()
    assert "Sign in with a test code" in page
    started = client.post(url("identify", backend="test-code"))
    assert started["Location"] == "https://idp.example/start"
    back = client.get(url("identify_return", backend="test-code"), {"code": VALID_PIC})
    assert back.status_code == 303
    assert client.session[signin.SESSION_GUARDIAN] == guardian.pk
    assert client.session[signin.SESSION_METHOD] == "test-code"


def test_an_unknown_code_is_not_identified(client, guardian, with_code_backend):
    back = client.get(url("identify_return", backend="test-code"), {"code": VALID_PIC})
    assert back.status_code == 403
    assert signin.SESSION_GUARDIAN not in client.session


def test_a_backend_not_configured_is_not_found(client, guardian):
    assert client.post(url("identify", backend="test-code")).status_code == 404
    assert client.get(url("identify_return", backend="email-link")).status_code == 404
