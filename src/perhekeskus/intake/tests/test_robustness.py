"""Nothing silently lost on the family's side: the API's urgent flag, idempotency keys, rate
limits that count accepted requests only, notices that cannot fail a request, and the e-mail that
tells a family a reply has arrived (issue 9; security review F-04, F-05, F-06, F-15; M12)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client, override_settings

from perhekeskus.core.models import OutboxEmail
from perhekeskus.intake import services
from perhekeskus.intake.forms.teams import TeamForm
from perhekeskus.intake.models import EarlySupportTeam, HelpRequest
from perhekeskus.intake.tests.factories import (
    EarlySupportTeamFactory,
    member_of,
    submitted_request,
)
from perhekeskus.testing.concurrency import at_once, concurrent
from perhekeskus.testing.factories import MunicipalityFactory

API = "/api/v1/help-requests"
FORM = "/fi/ask-for-help/"
DANGER = "Mieheni lyö minua ja lapset pelkäävät häntä."


class FailingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages: Any) -> int:
        raise ConnectionRefusedError("SMTP down at smtp.example.invalid for maija@example.org")


@pytest.fixture
def team(db: None, organization: Any, team_member: Any) -> EarlySupportTeam:
    askola = MunicipalityFactory.create(code="018", name="Askola")
    team = EarlySupportTeam.objects.create(
        name="VATU Askola", organization=organization, notification_email="vatu@example.org"
    )
    team.municipalities.add(askola)
    team.members.add(team_member)
    return team


def api_body(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "message": "Vauva itkee paljon.",
        "concerns": "my_child",
        "child_ages": [0],
        "municipality": "018",
        "language": "fi",
        "anonymous": False,
        "contact": {"name": "Maija", "phone": "+358 40 123 4567"},
        "consent": True,
    }
    body.update(overrides)
    return body


def post_api(client: Client, body: object, key: str | None = None, **extra: str) -> Any:
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    return client.post(
        API, data=json.dumps(body), content_type="application/json", **headers, **extra
    )


def form_data(client: Client, **overrides: str) -> dict[str, str]:
    page = client.get(FORM)
    data = {
        "form_token": page.context["form"]["form_token"].value(),
        "message": "Olemme eroamassa ja lapset ovat tosi surullisia.",
        "concerns": "my_family",
        "child_ages": "4, 9",
        "municipality": "018",
        "language": "fi",
        "contact_name": "Maija",
        "contact_phone": "040 123 4567",
        "consent": "on",
    }
    data.update(overrides)
    return data


# --- the urgent flag ----------------------------------------------------------------------------


def test_api_answer_says_whether_the_urgent_guidance_applies(team: EarlySupportTeam) -> None:
    calm = post_api(Client(), api_body(), "calm")
    urgent = post_api(Client(), api_body(message=DANGER), "urgent")
    assert (calm.status_code, urgent.status_code) == (201, 201)
    assert calm.json()["urgent"] is False
    assert urgent.json()["urgent"] is True
    # A retry answers the same, and so does the status.
    assert post_api(Client(), api_body(message=DANGER), "urgent").json()["urgent"] is True
    status = Client().get(f"{API}/{urgent.json()['tracking_code']}").json()
    assert status["urgent"] is True


def test_openapi_schema_documents_the_urgent_flag_and_the_422(team: EarlySupportTeam) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    created = schema["components"]["schemas"]["HelpRequestCreated"]
    assert created["properties"]["urgent"]["type"] == "boolean"
    assert "urgent" in created["required"]
    operation = schema["paths"]["/api/v1/help-requests"]["post"]
    assert "422" in operation["responses"]
    key = next(p for p in operation["parameters"] if p["name"] == "Idempotency-Key")
    assert "422" in key["description"] and "200 characters" in key["description"]


# --- idempotency keys (F-04) --------------------------------------------------------------------


def test_same_key_with_another_body_is_a_422_in_the_requests_language(
    team: EarlySupportTeam,
) -> None:
    first = post_api(Client(), api_body(), "order-1001")
    other = post_api(
        Client(REMOTE_ADDR="10.0.0.9"),
        api_body(message="Toinen perhe, oma huoli.", anonymous=True, contact={}, language="sv"),
        "order-1001",
    )
    assert first.status_code == 201
    assert other.status_code == 422
    assert other["Content-Type"] == "application/json"
    assert first.json()["tracking_code"] not in other.content.decode()
    message = other.json()["idempotency_key"][0]
    assert "Idempotency-Key" in message and "already used" not in message  # Swedish
    english = post_api(Client(), api_body(language="en", message="Other"), "order-1001")
    assert "already used for a different request" in english.json()["idempotency_key"][0]
    assert HelpRequest.objects.count() == 1


def test_same_key_same_body_in_another_key_order_is_the_same_request(
    team: EarlySupportTeam,
) -> None:
    body = api_body(child_ages=[4, 9])
    first = post_api(Client(), body, "same")
    reordered = dict(reversed(list(api_body(child_ages=[9, 4]).items())))
    again = post_api(Client(), reordered, "same")
    assert again.status_code == 201
    assert again.json()["tracking_code"] == first.json()["tracking_code"]
    assert HelpRequest.objects.count() == 1


def test_keys_are_compared_whole_and_long_ones_refused_not_cut(team: EarlySupportTeam) -> None:
    prefix = "K" * 199
    one = post_api(Client(), api_body(), prefix + "a")
    two = post_api(Client(), api_body(), prefix + "b")
    assert one.json()["tracking_code"] != two.json()["tracking_code"]
    too_long = post_api(Client(), api_body(), "K" * 201)
    assert too_long.status_code == 400
    assert "idempotency_key" in too_long.json()
    assert HelpRequest.objects.count() == 2


def test_keys_are_scoped_to_the_endpoint(team: EarlySupportTeam) -> None:
    """A form's token sent as an API key does not reach the form's request."""
    client = Client()
    data = form_data(client)
    assert client.post(FORM, data).status_code == 302
    from_form = HelpRequest.objects.get()
    answer = post_api(Client(), api_body(), data["form_token"])
    assert answer.status_code == 201
    assert answer.json()["tracking_code"] != from_form.tracking_code
    assert HelpRequest.objects.count() == 2


# --- rate limits (F-05, F-15, M12) --------------------------------------------------------------


@override_settings(PERHEKESKUS_HELP_REQUEST_RATE_LIMIT="2/h")
def test_invalid_posts_do_not_count_against_the_limit(team: EarlySupportTeam) -> None:
    client = Client(REMOTE_ADDR="10.1.1.1")
    for mistake in ({"consent": ""}, {"contact_phone": "12"}, {"municipality": ""}):
        assert client.post(FORM, form_data(client, **mistake)).status_code == 400
    for bad in ({"consent": False}, {"message": ""}, {"language": "de"}):
        assert post_api(client, api_body(**bad)).status_code == 400
    assert client.post(FORM, form_data(client)).status_code == 302
    assert post_api(client, api_body(), "k1").status_code == 201


@override_settings(PERHEKESKUS_HELP_REQUEST_RATE_LIMIT="1/h")
def test_a_retry_is_answered_before_the_limit(team: EarlySupportTeam) -> None:
    client = Client(REMOTE_ADDR="10.1.1.2")
    first = post_api(client, api_body(), "first")
    assert first.status_code == 201
    refused = post_api(client, api_body(message="Uusi asia."), "second")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 3600
    for _ in range(3):
        retry = post_api(client, api_body(), "first")
        assert retry.status_code == 201
        assert retry.json() == first.json()
    # The form's own retry (the same token, the same words) likewise.
    form_client = Client(REMOTE_ADDR="10.1.1.3")
    data = form_data(form_client)
    assert form_client.post(FORM, data).status_code == 302
    for _ in range(3):
        assert form_client.post(FORM, data).status_code == 302
    assert form_client.post(FORM, form_data(form_client, message="Toinen.")).status_code == 429
    assert HelpRequest.objects.count() == 2


@override_settings(
    PERHEKESKUS_HELP_REQUEST_RATE_LIMIT="5/h", PERHEKESKUS_HELP_REQUEST_ADDRESS_RATE_LIMIT="8/h"
)
def test_a_shared_address_is_not_locked_out_after_five_families(team: EarlySupportTeam) -> None:
    """A school's or a mobile operator's one address: each family's own phone counts for itself;
    the address as a whole has a higher limit."""
    for family in range(8):
        phone = Client(REMOTE_ADDR="100.64.0.1", HTTP_USER_AGENT=f"Phone {family}")
        answer = post_api(phone, api_body(message=f"Perhe {family}"), f"family-{family}")
        assert answer.status_code == 201, family
    ninth = Client(REMOTE_ADDR="100.64.0.1", HTTP_USER_AGENT="Phone 9")
    assert post_api(ninth, api_body(message="Perhe 9"), "family-9").status_code == 429
    # One browser alone still meets its own limit.
    one = Client(REMOTE_ADDR="10.2.2.2", HTTP_USER_AGENT="Same phone")
    codes = [
        post_api(one, api_body(message=f"Viesti {n}"), f"one-{n}").status_code for n in range(6)
    ]
    assert codes == [201] * 5 + [429]


@override_settings(
    PERHEKESKUS_RATE_LIMITS=False,
    PERHEKESKUS_HELP_REQUEST_RATE_LIMIT="1/h",
    PERHEKESKUS_HELP_REQUEST_ADDRESS_RATE_LIMIT="1/h",
)
def test_rate_limits_off_switches_every_limit_off(team: EarlySupportTeam) -> None:
    client = Client(REMOTE_ADDR="10.3.3.3")
    for number in range(4):
        assert (
            post_api(client, api_body(message=f"Viesti {number}"), f"k{number}").status_code == 201
        )


def test_the_form_and_the_api_share_one_quota(team: EarlySupportTeam, settings: Any) -> None:
    settings.PERHEKESKUS_HELP_REQUEST_RATE_LIMIT = "1/h"
    client = Client(REMOTE_ADDR="10.4.4.4")
    assert client.post(FORM, form_data(client)).status_code == 302
    assert post_api(client, api_body(), "after-form").status_code == 429


# --- concurrency (both databases) ---------------------------------------------------------------


@concurrent
@pytest.mark.django_db(transaction=True)
def test_the_same_key_posted_at_once_makes_one_request(team: EarlySupportTeam) -> None:
    results = at_once(4, lambda _i: post_api(Client(), api_body(), "together"))
    assert [r.status_code for r in results] == [201] * 4, results
    assert len({r.json()["tracking_code"] for r in results}) == 1
    assert HelpRequest.objects.count() == 1


@concurrent
@pytest.mark.django_db(transaction=True)
@override_settings(PERHEKESKUS_HELP_REQUEST_RATE_LIMIT="2/h")
def test_posts_at_once_never_pass_the_limit(team: EarlySupportTeam) -> None:
    def post(index: int) -> Any:
        return post_api(Client(REMOTE_ADDR="10.5.5.5"), api_body(message=f"M {index}"), f"c{index}")

    results = at_once(5, post)
    codes = sorted(r.status_code for r in results)
    assert codes == [201, 201, 429, 429, 429], results
    assert HelpRequest.objects.count() == 2


# --- notices never fail a request (F-06) --------------------------------------------------------


@override_settings(EMAIL_BACKEND="perhekeskus.intake.tests.test_robustness.FailingBackend")
def test_a_mail_server_that_is_down_never_costs_the_family_its_code(
    team: EarlySupportTeam, django_capture_on_commit_callbacks: Any, caplog: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        api = post_api(Client(), api_body(), "smtp-down")
    assert api.status_code == 201
    assert api.json()["tracking_code"]
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        form = client.post(FORM, form_data(client))
    assert form.status_code == 302
    assert HelpRequest.objects.count() == 2
    waiting = OutboxEmail.objects.filter(kind="intake.request.new")
    assert waiting.count() == 2
    assert all(m.attempts == 1 and m.sent_at is None for m in waiting)
    assert {m.last_error for m in waiting} == {"ConnectionRefusedError"}
    assert "maija@example.org" not in caplog.text
    assert "vatu@example.org" not in caplog.text


def test_the_notice_is_sent_after_commit_without_personal_data(
    team: EarlySupportTeam, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        submitted_request(team, message=DANGER)
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert sorted(notice.to) == ["team@example.org", "vatu@example.org"]
    assert "Meikäläinen" not in notice.body and "lyö" not in notice.body
    assert OutboxEmail.objects.get().sent_at is not None
    assert OutboxEmail.objects.get().body == ""


@pytest.mark.parametrize("name", ["VATU\r\nBcc: victim@example.org", "VATU\tAskola", "VATU\u202e"])
def test_team_names_with_control_characters_are_refused(
    team: EarlySupportTeam, coordinator: Any, name: str
) -> None:
    form = TeamForm(
        data={
            "name": name,
            "organization": str(team.organization_id),
            "municipalities": ["018"],
            "first_contact_target_days": "3",
            "is_active": "on",
        },
        instance=EarlySupportTeam(),
    )
    assert not form.is_valid()
    assert "name" in form.errors
    team.name = name
    with pytest.raises(ValidationError) as refused:
        services.team_save(actor=coordinator, team=team, municipality_codes=["018"], member_ids=[])
    assert "name" in refused.value.message_dict
    team.refresh_from_db()
    assert team.name == "VATU Askola"


# --- telling the family that a reply has arrived ------------------------------------------------


def _reply(team: EarlySupportTeam, help_request: HelpRequest, capture: Any) -> None:
    worker = member_of(team)
    with capture(execute=True):
        services.help_request_reply(
            actor=worker, help_request=help_request, text="Soitamme teille huomenna."
        )


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fi", "vastaus"),
        ("sv", "svar"),
        ("en", "reply"),
    ],
)
def test_a_family_with_an_email_address_is_told_that_a_reply_arrived(
    team: EarlySupportTeam, django_capture_on_commit_callbacks: Any, language: str, words: str
) -> None:
    help_request = submitted_request(
        team,
        language=language,
        contact_phone="",
        contact_email="maija@example.org",
        contact_name="Maija Meikäläinen",
    )
    mail.outbox.clear()
    _reply(team, help_request, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["maija@example.org"]
    text = f"{notice.subject}\n{notice.body}"
    assert words in text.lower()
    assert f"/{language}/ask-for-help/status/" in notice.body
    for secret in (help_request.tracking_code, "Meikäläinen", "Maija", "huomenna", "Vauva"):
        assert secret not in text


def test_no_reply_notice_without_an_email_address(
    team: EarlySupportTeam, django_capture_on_commit_callbacks: Any
) -> None:
    by_phone = submitted_request(team)
    anonymous = submitted_request(
        team, anonymous=True, contact_name="", contact_phone="", contact_email=""
    )
    mail.outbox.clear()
    _reply(team, by_phone, django_capture_on_commit_callbacks)
    _reply(team, anonymous, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert not OutboxEmail.objects.filter(kind="intake.request.reply_notice").exists()


@override_settings(EMAIL_BACKEND="perhekeskus.intake.tests.test_robustness.FailingBackend")
def test_a_failing_reply_notice_does_not_undo_the_reply(
    team: EarlySupportTeam, django_capture_on_commit_callbacks: Any
) -> None:
    help_request = submitted_request(team, contact_phone="", contact_email="maija@example.org")
    _reply(team, help_request, django_capture_on_commit_callbacks)
    help_request.refresh_from_db()
    assert help_request.public_reply == "Soitamme teille huomenna."
    notice = OutboxEmail.objects.get(kind="intake.request.reply_notice")
    assert notice.sent_at is None and notice.attempts == 1


def test_other_teams_are_unaffected(team: EarlySupportTeam) -> None:
    """A second team elsewhere still gets its own requests (the fixtures are sound)."""
    other = EarlySupportTeamFactory.create()
    code = other.municipalities.get().code
    assert post_api(Client(), api_body(municipality=code), "elsewhere").status_code == 201


def test_a_content_length_that_is_not_a_number_is_no_500(team: EarlySupportTeam) -> None:
    answer = post_api(Client(), api_body(), "odd-length", CONTENT_LENGTH="12abc")
    assert answer.status_code in (400, 201)
