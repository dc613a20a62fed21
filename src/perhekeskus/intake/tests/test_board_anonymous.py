"""An anonymous family can only be answered on the status page: the team's reply is their first
contact, it moves the status on and the family sees "Answered"; "record a contact" is neither
offered nor accepted (usability review M3). And the status the family sees never says "waiting
for the team to read it" once the team has answered or reached them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from perhekeskus.audit.models import AuditEntry
from perhekeskus.intake import services
from perhekeskus.intake.models import HelpRequest, HelpRequestEvent, RequestStatus
from perhekeskus.intake.selectors import family_status_label, family_status_step
from perhekeskus.intake.tests.factories import (
    submitted_request,
)
from perhekeskus.testing.clients import logged_in_client

pytestmark = pytest.mark.django_db

BOARD = "/en/pro/help-requests/"


def page_url(help_request: HelpRequest, action: str = "") -> str:
    return f"{BOARD}{help_request.pk}/{action + '/' if action else ''}"


def family_page(help_request: HelpRequest, language: str = "en") -> str:
    response = Client().get(
        f"/{language}/ask-for-help/status/{help_request.tracking_code}/", follow=True
    )
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def client(member: Any) -> Client:
    return logged_in_client(member)


@pytest.fixture
def anonymous(team: Any) -> HelpRequest:
    return submitted_request(team, anonymous=True, contact_name="", contact_phone="")


# --- The reply is the first contact ------------------------------------------------------------


def test_reply_to_an_anonymous_family_is_the_first_contact(
    client: Client, anonymous: HelpRequest
) -> None:
    text = "Kiitos viestistä. Perheneuvola auttaa: soita arkisin 9-15."
    response = client.post(page_url(anonymous, "reply"), {"reply-text": text})
    assert response.status_code == 302
    anonymous.refresh_from_db()
    assert anonymous.status == RequestStatus.CONTACTED
    assert anonymous.first_contact_at is not None
    assert anonymous.first_contact_at == anonymous.public_reply_at
    kinds = list(anonymous.events.values_list("kind", flat=True))
    assert kinds == ["status", "reply"]
    entry = AuditEntry.objects.get(action="intake.request.reply")
    assert entry.details == {"first_contact": True, "from": "new", "to": "contacted"}
    page = client.get(page_url(anonymous)).content.decode()
    assert "First contact on" in page  # the clock has stopped
    board = client.get(BOARD).content.decode()
    assert "Contacted" in board and "Due in" not in board


def test_family_sees_answered_after_the_reply_in_every_language(
    member: Any, anonymous: HelpRequest
) -> None:
    before = family_page(anonymous)
    assert "Received: waiting for the team to read it" in before
    services.help_request_reply(actor=member, help_request=anonymous, text="Hei, luimme viestin.")
    for language, label, waiting in (
        ("en", "Answered", "Received: waiting for the team to read it"),
        ("fi", "Vastattu", "Vastaanotettu: odottaa, että tiimi lukee sen"),
        ("sv", "Besvarad", "Mottagen: väntar på att teamet läser den"),
    ):
        content = family_page(anonymous, language)
        assert re.search(rf"<strong>\s*{label}\s*</strong>", content), language
        assert waiting not in content, language
        assert "Hei, luimme viestin." in content


def test_api_status_label_says_answered(member: Any, anonymous: HelpRequest) -> None:
    services.help_request_reply(actor=member, help_request=anonymous, text="Hei.")
    response = Client().get(f"/api/v1/help-requests/{anonymous.tracking_code}")
    if response.status_code == 301:  # a trailing slash
        response = Client().get(response["Location"])
    assert response.status_code == 200
    assert response.json()["status"] == "contacted"
    assert response.json()["status_label"] == "Vastattu"  # the API speaks the site's language


def test_family_status_label_and_step() -> None:
    assert family_status_step(status="contacted", anonymous=True) == "answered"
    assert family_status_step(status="contacted", anonymous=False) == "contacted"
    assert family_status_step(status="new", anonymous=True) == "new"
    with translation.override("fi"):
        assert family_status_label(status="contacted", anonymous=True) == "Vastattu"
        assert family_status_label(status="contacted", anonymous=False) == "Yhteydessä"
    with translation.override("sv"):
        assert family_status_label(status="contacted", anonymous=True) == "Besvarad"


def test_a_second_reply_does_not_move_the_first_contact(
    member: Any, anonymous: HelpRequest
) -> None:
    services.help_request_reply(actor=member, help_request=anonymous, text="Ensimmäinen.")
    first = HelpRequest.objects.get(pk=anonymous.pk).first_contact_at
    services.help_request_reply(actor=member, help_request=anonymous, text="Toinen.")
    anonymous.refresh_from_db()
    assert anonymous.first_contact_at == first
    assert anonymous.public_reply == "Toinen."
    assert anonymous.events.filter(kind="status").count() == 1


def test_assigning_a_worker_after_the_reply_keeps_the_family_answered(
    member: Any, anonymous: HelpRequest
) -> None:
    services.help_request_reply(actor=member, help_request=anonymous, text="Hei.")
    services.help_request_assign(actor=member, help_request=anonymous, responsible=member)
    anonymous.refresh_from_db()
    assert anonymous.status == RequestStatus.CONTACTED
    assert anonymous.responsible == member


# --- "Record a contact" is not offered for an anonymous family ---------------------------------


def test_record_contact_is_not_offered_for_an_anonymous_request(
    client: Client, anonymous: HelpRequest, team: Any
) -> None:
    content = client.get(page_url(anonymous)).content.decode()
    assert "/contact/" not in content
    assert "Record a contact" not in content
    assert page_url(anonymous, "reply") in content
    reachable = submitted_request(team)
    assert page_url(reachable, "contact") in client.get(page_url(reachable)).content.decode()


def test_recording_a_contact_on_an_anonymous_request_is_refused(
    client: Client, member: Any, anonymous: HelpRequest
) -> None:
    response = client.post(
        page_url(anonymous, "contact"),
        {"contact-kind": "message", "contact-reached": "yes", "contact-text": "x"},
    )
    assert response.status_code == 400
    assert "The family asked anonymously, so there is no contact to record." in (
        response.content.decode()
    )
    anonymous.refresh_from_db()
    assert anonymous.first_contact_at is None
    assert anonymous.status == RequestStatus.NEW
    assert not HelpRequestEvent.objects.filter(request=anonymous).exists()
    assert not AuditEntry.objects.filter(action="intake.request.contact").exists()
    with pytest.raises(ValidationError, match="no contact to record"):
        services.help_request_contact_record(
            actor=member, help_request=anonymous, kind="call", text="", reached=True
        )


# --- The status never says "waiting to be read" after the team has acted -----------------------


def test_reaching_the_family_makes_a_new_request_contacted(member: Any, team: Any) -> None:
    help_request = submitted_request(team)
    services.help_request_contact_record(
        actor=member, help_request=help_request, kind="call", text="", reached=True
    )
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.CONTACTED
    assert "We have been in contact with you" in family_page(help_request)


def test_a_reply_to_a_family_with_contact_details_shows_the_request_was_read(
    member: Any, team: Any
) -> None:
    help_request = submitted_request(team)
    services.help_request_reply(actor=member, help_request=help_request, text="Soitamme tiistaina.")
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.IN_TRIAGE
    assert help_request.first_contact_at is None  # the call is still to be made
    content = family_page(help_request)
    assert "Received: waiting for the team to read it" not in content
    assert "The team is reading your request" in content


def test_a_closed_request_takes_no_reply(member: Any, anonymous: HelpRequest) -> None:
    services.help_request_close(actor=member, help_request=anonymous, reason="duplicate")
    with translation.override("en"), pytest.raises(ValidationError, match="closed"):
        services.help_request_reply(actor=member, help_request=anonymous, text="Hei.")
    anonymous.refresh_from_db()
    assert anonymous.public_reply == "" and anonymous.first_contact_at is None
