"""The referral and data-subject pages: each allowed and denied, the refusals said on the form,
a protected address on none of them, and the family page's sections."""

from __future__ import annotations

import json

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from perhekeskus.families import selectors
from perhekeskus.families.models import (
    AccessLogEntry,
    AccessPlace,
    CorrectionRequest,
    CorrectionStatus,
    DataCategory,
    Referral,
    ReferralStatus,
    TeamMember,
)
from perhekeskus.families.services import referrals as referral_services
from perhekeskus.families.tests.helpers import logged_in
from perhekeskus.families.views.sections_referrals import section_context
from perhekeskus.testing.factories import ServiceFactory
from perhekeskus.testing.families import PROTECTED_ADDRESS, add_member, give_consent, make_family

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(professional):
    return make_family(
        responsible=professional,
        guardians=({}, {"address": PROTECTED_ADDRESS, "address_protected": True}),
    )


@pytest.fixture
def consent(family, ngo):
    return give_consent(
        family, [ngo], categories=[DataCategory.REFERRALS, DataCategory.CONTACT], purpose="referral"
    )


def sent(professional, family, ngo) -> Referral:
    return referral_services.referral_send(
        actor=professional,
        family_id=family.pk,
        to_organization_id=ngo.pk,
        categories=[DataCategory.CONTACT],
        message="Perhe toivoo tukihenkilöä.",
    )


# --- Sending -------------------------------------------------------------------------------------


def test_send_in_two_steps(professional, family, ngo, consent):
    service = ServiceFactory.create(organization=ngo, name="Tukihenkilötoiminta")
    client = logged_in(professional)
    url = reverse("families:referral_send", args=[family.pk])
    first = client.get(url)
    assert first.status_code == 200
    assert "MLL Askola" in first.content.decode()  # the consent covers it
    second = client.get(url, {"to_organization": ngo.pk})
    assert second.status_code == 200
    assert "Tukihenkilötoiminta" in second.content.decode()
    response = client.post(
        url,
        {
            "to_organization": ngo.pk,
            "to_service": service.pk,
            "categories": [DataCategory.CONTACT],
            "message": "Perhe toivoo tukihenkilöä.",
        },
    )
    assert response.status_code == 302
    referral = Referral.objects.get(family=family)
    assert referral.to_service == service
    assert referral.categories == ["basic", "contact", "referrals"]


def test_send_refused_says_which_consent_is_missing(professional, family, ngo):
    client = logged_in(professional)
    response = client.post(
        reverse("families:referral_send", args=[family.pk]),
        {"to_organization": ngo.pk, "message": "Tukea."},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "MLL Askola" in page
    assert "error-summary" in page
    assert not Referral.objects.exists()


def test_send_page_denied(kuraattori, school, family, ngo, consent):
    url = reverse("families:referral_send", args=[family.pk])
    assert logged_in(kuraattori).get(url).status_code == 404  # not on the team
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.PLAN])
    assert logged_in(kuraattori).get(url).status_code == 403  # no referrals grant
    assert Client().get(url).status_code == 302  # to the login


# --- The receiving organisation ------------------------------------------------------------------


def test_inbox_lists_and_hides(professional, ngo_worker, kuraattori, family, ngo, consent):
    referral = sent(professional, family, ngo)
    url = reverse("families:referral_inbox")
    page = logged_in(ngo_worker).get(url).content.decode()
    assert family.name in page
    assert reverse("families:referral_detail", args=[referral.pk]) in page
    other = logged_in(kuraattori).get(url).content.decode()
    assert family.name not in other
    consent.revoked_at = consent.recorded_at
    consent.save()
    assert family.name not in logged_in(ngo_worker).get(url).content.decode()
    assert logged_in(ngo_worker).get(url, {"status": "nonsense"}).status_code == 400


def test_detail_shows_what_was_sent_without_a_protected_address(
    professional, ngo_worker, kuraattori, family, ngo, consent
):
    referral = sent(professional, family, ngo)
    url = reverse("families:referral_detail", args=[referral.pk])
    response = logged_in(ngo_worker).get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Perhe toivoo tukihenkilöä." in page
    assert PROTECTED_ADDRESS not in page
    assert AccessLogEntry.objects.filter(actor=ngo_worker, place=AccessPlace.PAGE).exists()
    assert logged_in(kuraattori).get(url).status_code == 404
    assert logged_in(professional).get(url).status_code == 404


def test_accept_and_join_through_the_page(professional, ngo_worker, family, ngo, consent):
    referral = sent(professional, family, ngo)
    client = logged_in(ngo_worker)
    response = client.post(
        reverse("families:referral_accept", args=[referral.pk]),
        {"join_team_role": "volunteer_coordinator"},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert TeamMember.objects.filter(family=family, user=ngo_worker).exists()
    done = client.post(reverse("families:referral_done", args=[referral.pk]))
    assert done.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DONE
    again = client.post(reverse("families:referral_done", args=[referral.pk]))
    assert again.status_code == 400


def test_decline_needs_a_reason_on_the_page(professional, ngo_worker, family, ngo, consent):
    referral = sent(professional, family, ngo)
    client = logged_in(ngo_worker)
    url = reverse("families:referral_decline", args=[referral.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Ei tilaa."}).status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECLINED


def test_answers_denied_to_another_organisation(professional, kuraattori, family, ngo, consent):
    referral = sent(professional, family, ngo)
    client = logged_in(kuraattori)
    assert client.post(reverse("families:referral_accept", args=[referral.pk])).status_code == 404
    assert (
        client.post(reverse("families:referral_decline", args=[referral.pk]), {"reason": "x"})
    ).status_code == 404
    assert client.post(reverse("families:referral_done", args=[referral.pk])).status_code == 404


def test_withdraw(professional, ngo_worker, family, ngo, consent):
    referral = sent(professional, family, ngo)
    url = reverse("families:referral_withdraw", args=[family.pk, referral.pk])
    assert logged_in(ngo_worker).get(url).status_code == 404
    assert logged_in(ngo_worker).post(url).status_code == 404
    client = logged_in(professional)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.WITHDRAWN
    assert client.get(url).status_code == 403  # nothing left to withdraw
    assert client.post(url).status_code == 400


# --- Data-subject rights -------------------------------------------------------------------------


def test_export_json_and_page(professional, family):
    first = family.guardians.order_by("id").first()
    client = logged_in(professional)
    response = client.get(
        reverse("families:subject_export_json", args=[family.pk, "guardian", first.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["person"]["name"] == first.name
    assert PROTECTED_ADDRESS not in response.content.decode()
    page = client.get(reverse("families:subject_export", args=[family.pk, "guardian", first.pk]))
    assert page.status_code == 200
    assert first.name in page.content.decode()
    assert PROTECTED_ADDRESS not in page.content.decode()
    assert AccessLogEntry.objects.filter(family=family, place=AccessPlace.EXPORT).count() == 12


def test_export_denied(professional, kuraattori, school, family):
    first = family.guardians.order_by("id").first()
    url = reverse("families:subject_export_json", args=[family.pk, "guardian", first.pk])
    assert logged_in(kuraattori).get(url).status_code == 404
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.CONTACT, DataCategory.PLAN])
    assert logged_in(kuraattori).get(url).status_code == 403
    bad = reverse("families:subject_export", args=[family.pk, "neighbour", first.pk])
    assert logged_in(professional).get(bad).status_code == 404
    assert not AccessLogEntry.objects.filter(place=AccessPlace.EXPORT).exists()


def test_corrections_recorded_and_answered(professional, kuraattori, school, family):
    first = family.guardians.order_by("id").first()
    client = logged_in(professional)
    new_url = reverse("families:correction_new", args=[family.pk])
    assert client.get(new_url).status_code == 200
    assert client.post(new_url, {"guardian": "", "text": ""}).status_code == 400
    assert client.post(new_url, {"guardian": first.pk, "text": "Nimi väärin."}).status_code == 302
    correction = CorrectionRequest.objects.get(family=family)
    assert correction.guardian == first
    handle_url = reverse("families:correction_handle", args=[family.pk, correction.pk])
    add_member(family, kuraattori)
    give_consent(family, [school])
    assert logged_in(kuraattori).get(new_url).status_code == 403
    assert logged_in(kuraattori).get(handle_url).status_code == 403
    assert client.get(handle_url).status_code == 200
    response = client.post(handle_url, {"status": "corrected", "response": "Korjattu."})
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.CORRECTED


# --- The family page's sections ------------------------------------------------------------------


def test_sections_for_the_responsible_worker(professional, family, ngo, consent):
    referral = sent(professional, family, ngo)
    CorrectionRequest.objects.create(family=family, text="Osoite väärin.")
    family_access = selectors.access_family(
        actor=professional, family_id=family.pk, categories=[DataCategory.REFERRALS]
    )
    context = section_context(professional, family_access)
    assert [row["referral"] for row in context["referral_rows"]] == [referral]
    assert context["referral_rows"][0]["may_withdraw"]
    assert context["referral_may_send"]
    referrals_html = render_to_string("families/pro/sections/referrals.html", context)
    assert "MLL Askola" in referrals_html
    corrections_html = render_to_string("families/pro/sections/corrections.html", context)
    assert "Osoite väärin." in corrections_html
    assert (
        reverse(
            "families:subject_export_json",
            args=[family.pk, "guardian", family.guardians.first().pk],
        )
        in corrections_html
    )


def test_sections_for_a_team_member(kuraattori, school, family, ngo, consent, professional):
    sent(professional, family, ngo)
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.PLAN])
    family_access = selectors.access_family(
        actor=kuraattori, family_id=family.pk, categories=[DataCategory.REFERRALS]
    )
    context = section_context(kuraattori, family_access)
    assert "referral_rows" not in context
    assert "subject_corrections" not in context
    assert render_to_string("families/pro/sections/corrections.html", context).strip() == ""
    empty = make_family(responsible=professional, name="Korhonen")
    empty_access = selectors.access_family(
        actor=professional, family_id=empty.pk, categories=[DataCategory.REFERRALS]
    )
    with translation.override("en"):
        html = render_to_string(
            "families/pro/sections/referrals.html", section_context(professional, empty_access)
        )
    assert "No referrals have been sent for this family." in html


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_pages_in_each_language(language, professional, ngo_worker, family, ngo, consent):
    referral = sent(professional, family, ngo)
    with translation.override(language):
        inbox = reverse("families:referral_inbox")
        detail = reverse("families:referral_detail", args=[referral.pk])
        send_page = reverse("families:referral_send", args=[family.pk])
    assert inbox.startswith(f"/{language}/")
    receiver = logged_in(ngo_worker)
    assert receiver.get(inbox).status_code == 200
    assert receiver.get(detail).status_code == 200
    assert logged_in(professional).get(send_page, {"to_organization": ngo.pk}).status_code == 200
