"""The family's side: the form, the confirmation, the status page and the API."""

from __future__ import annotations

import json

import pytest
from django.test import Client, override_settings

from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.models import Municipality
from perhekeskus.intake import services
from perhekeskus.intake.models import EarlySupportTeam, HelpRequest
from perhekeskus.testing.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

FORM = "/fi/ask-for-help/"
API = "/api/v1/help-requests"


@pytest.fixture(autouse=True)
def team(organization):  # type: ignore[no-untyped-def]
    askola = MunicipalityFactory.create(code="018", name="Askola")
    team = EarlySupportTeam.objects.create(name="VATU Askola", organization=organization)
    team.municipalities.add(askola)
    return team


def form_data(client: Client, **overrides: str) -> dict[str, str]:
    page = client.get(FORM)
    token = page.context["form"]["form_token"].value()
    data = {
        "form_token": token,
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
    return {k: v for k, v in data.items() if v is not None}


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


# --- the form -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_form_shows_emergency_guidance_in_each_language(lang: str) -> None:
    page = Client().get(f"/{lang}/ask-for-help/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'href="tel:112"' in html or "112" in html
    assert "080 005 005" in html
    assert f'<html lang="{lang}">' in html


def test_sending_the_form_gives_a_tracking_code_and_status_page() -> None:
    client = Client()
    response = client.post(FORM, form_data(client))
    assert response.status_code == 302
    help_request = HelpRequest.objects.get()
    # The code is the family's key: never in an address the app makes (access logs, history).
    assert response["Location"] == "/fi/ask-for-help/sent/"
    sent = client.get(response["Location"])
    assert help_request.tracking_code in sent.content.decode()
    status = client.get("/fi/ask-for-help/status/")
    assert status.status_code == 200
    assert help_request.tracking_code in status.content.decode()
    page = status.content.decode()
    # The status page shows where the request is, never what it says or who sent it.
    assert "eroamassa" not in page and "Maija" not in page and "040" not in page


def test_double_submit_creates_one_request() -> None:
    client = Client()
    data = form_data(client)
    first = client.post(FORM, data)
    second = client.post(FORM, data)
    assert HelpRequest.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_invalid_contact_keeps_the_message_and_asks_again() -> None:
    client = Client()
    response = client.post(FORM, form_data(client, contact_phone="soita illalla"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Olemme eroamassa ja lapset ovat tosi surullisia." in html
    assert 'aria-invalid="true"' in html
    assert not HelpRequest.objects.exists()


def test_missing_consent_and_contact_are_explained(settings) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    response = client.post(
        "/en/ask-for-help/",
        form_data(client, consent=None, contact_phone=""),  # type: ignore[arg-type]
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "We need your consent to handle your request." in html
    assert "Give a phone number or an e-mail address" in html


def test_anonymous_request_needs_no_contact() -> None:
    client = Client()
    response = client.post(
        FORM, form_data(client, anonymous="on", contact_phone="", contact_name="")
    )
    assert response.status_code == 302
    assert HelpRequest.objects.get().anonymous


def test_danger_in_the_message_is_answered_with_112_prominently() -> None:
    client = Client()
    response = client.post(
        FORM, form_data(client, message="Mieheni lyö minua ja uhkailee lapsia."), follow=True
    )
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "112" in html


def test_honeypot_filled_is_refused_and_nothing_is_stored() -> None:
    client = Client()
    response = client.post(FORM, form_data(client, website="http://spam.example"))
    assert response.status_code == 400
    assert not HelpRequest.objects.exists()


@override_settings(PERHEKESKUS_HELP_REQUEST_RATE_LIMIT="2/h")
def test_rate_limit_per_address_keeps_the_text() -> None:
    from django.core.cache import cache

    cache.clear()
    client = Client(REMOTE_ADDR="10.9.8.7")
    for number in range(2):
        # Different words each time: the same words again would be the same request.
        data = form_data(client, message=f"Olemme eroamassa, viesti {number}.")
        assert client.post(FORM, data).status_code == 302
    limited = client.post(FORM, form_data(client))
    assert limited.status_code == 429
    assert "Olemme eroamassa" in limited.content.decode()
    other = Client(REMOTE_ADDR="10.9.8.8")
    assert other.post(FORM, form_data(other)).status_code == 302


@override_settings(PERHEKESKUS_HELP_REQUEST_RATE_LIMIT="off")
def test_rate_limit_can_be_switched_off_for_load_tests() -> None:
    client = Client()
    for _ in range(8):
        assert client.post(FORM, form_data(client)).status_code == 302


def test_unknown_tracking_code_is_a_friendly_404() -> None:
    response = Client().get("/en/ask-for-help/status/AAAAA-BBBBB-CCCCC-DDDDD/")
    assert response.status_code == 404
    assert "No request with this code" in response.content.decode()
    assert Client().get("/en/ask-for-help/status/%3Cscript%3E/").status_code == 404


def test_status_lookup_normalises_what_was_typed() -> None:
    help_request = services.help_request_submit(
        data=services.HelpRequestInput(
            message="x",
            concerns="myself",
            municipality_code="018",
            language="fi",
            anonymous=True,
        ),
        idempotency_key=None,
    ).help_request
    typed = help_request.tracking_code.lower().replace("-", " ")
    client = Client()
    response = client.post("/fi/ask-for-help/status/", {"code": typed})
    assert response.status_code == 303
    assert response["Location"] == "/fi/ask-for-help/status/"
    assert help_request.tracking_code in client.get(response["Location"]).content.decode()


def test_only_municipalities_with_a_team_are_offered() -> None:
    Municipality.objects.create(code="165", name="Janakkala")
    page = Client().get(FORM).content.decode()
    assert 'value="018"' in page
    assert 'value="165"' not in page


# --- the API ------------------------------------------------------------------------------------


def post_api(client: Client, body: object, **headers: str) -> object:
    return client.post(API, data=json.dumps(body), content_type="application/json", **headers)


def test_api_creates_a_request_and_answers_with_the_code() -> None:
    response = post_api(Client(), api_body(), HTTP_IDEMPOTENCY_KEY="k-1")
    assert response.status_code == 201  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["status_url"].endswith("/fi/ask-for-help/status/")
    assert body["tracking_code"] not in body["status_url"]
    status = Client().get(f"{API}/{body['tracking_code']}")
    assert status.status_code == 200
    assert status.json()["status"] == "new"
    assert set(status.json()) == {
        "tracking_code",
        "status",
        "status_label",
        "received_at",
        "reply",
        "replied_at",
        "urgent",
    }


def test_api_idempotency_key_gives_the_same_answer() -> None:
    client = Client()
    first = post_api(client, api_body(), HTTP_IDEMPOTENCY_KEY="same")
    again = post_api(client, api_body(), HTTP_IDEMPOTENCY_KEY="same")
    assert first.json() == again.json()  # type: ignore[attr-defined]
    assert HelpRequest.objects.count() == 1
    assert AuditEntry.objects.filter(action="intake.request.submit").count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"message": ""}, "message"),
        ({"concerns": "neighbours"}, "concerns"),
        ({"child_ages": [3, 99]}, "child_ages"),
        ({"child_ages": "three"}, "child_ages"),
        ({"municipality": "18"}, "municipality"),
        ({"language": "de"}, "language"),
        ({"consent": False}, "consent"),
        ({"contact": {"phone": "", "email": ""}}, "contact"),
        ({"contact": {"email": "not-an-address"}}, "contact"),
        # Anonymous and contact details at once: refused, never silently dropped.
        ({"anonymous": True, "contact": {"phone": "040 123 4567"}}, "contact"),
        ({"message": "x" * 6000}, "message"),
    ],
)
def test_api_bad_input_is_a_400_with_the_field(body: dict[str, object], field: str) -> None:
    response = post_api(Client(), api_body(**body))
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert field in response.json()  # type: ignore[attr-defined]
    assert not HelpRequest.objects.exists()


def test_api_errors_come_in_the_requests_language() -> None:
    response = post_api(Client(), api_body(language="sv", consent=False))
    assert response.json()["consent"] != ["We need your consent to handle your request."]  # type: ignore[attr-defined]
    english = post_api(Client(), api_body(language="en", consent=False))
    assert english.json()["consent"] == ["We need your consent to handle your request."]  # type: ignore[attr-defined]


@pytest.mark.parametrize("raw", ["", "not json", "[]", "null", '{"message": 5}'])
def test_api_garbage_is_a_400_not_a_500(raw: str) -> None:
    response = Client().post(API, data=raw, content_type="application/json")
    assert response.status_code == 400


def test_api_municipality_without_team_is_a_field_error() -> None:
    response = post_api(Client(), api_body(municipality="999"))
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "municipality" in response.json()  # type: ignore[attr-defined]


def test_api_status_of_unknown_code_is_404() -> None:
    assert Client().get(f"{API}/AAAAA-BBBBB-CCCCC-DDDDD").status_code == 404
