"""The reading-under-a-law form, the page's banner and the coordinators' review pages."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from perhekeskus.families import selectors
from perhekeskus.families.models import AccessBasis, AccessLogEntry, DataCategory, LegalAccess
from perhekeskus.families.services import legal
from perhekeskus.families.tests.helpers import logged_in
from perhekeskus.families.views.sections_consents import section_context
from perhekeskus.testing.families import VALID_PIC, make_family

pytestmark = pytest.mark.django_db


def url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(f"families:{name}", args=args)


REASON = "Koulu teki lastensuojeluilmoituksen, selvitän perheen tilanteen."


@pytest.fixture
def family(professional):
    return make_family(
        responsible=professional,
        # A name no reader or anything else on the review page is called, so that "the
        # family's name is not shown" can fail only for the family.
        name="Perhe-Q7",
        children=({"personal_identity_code": VALID_PIC},),
    )


def form_data(**overrides: object) -> dict[str, object]:
    return {
        "basis": "child_welfare_assessment",
        "reason": REASON,
        "categories": [DataCategory.PLAN],
        "personal_identity_code": VALID_PIC,
        **overrides,
    }


def test_a_professional_opens_a_reading_and_goes_to_the_family(reader, family):
    client = logged_in(reader)
    assert client.get(url("legal_access")).status_code == 200
    response = client.post(url("legal_access"), form_data())
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{family.pk}/")
    access = LegalAccess.objects.get()
    assert access.actor == reader


def test_an_unknown_code_is_said_on_the_form(reader, family):
    response = logged_in(reader).post(
        url("legal_access"), form_data(personal_identity_code="311299-999E")
    )
    assert response.status_code == 400
    assert "No family record with this code." in response.content.decode()
    assert not LegalAccess.objects.exists()


def test_without_a_reason_the_code_is_not_looked_up(reader, family):
    response = logged_in(reader).post(
        url("legal_access"), form_data(reason="", personal_identity_code="311299-999E")
    )
    assert response.status_code == 400
    assert "No family record with this code." not in response.content.decode()


def test_a_coordinator_who_is_no_professional_may_not_read_under_a_law(coordinator, family):
    client = logged_in(coordinator)
    assert client.get(url("legal_access")).status_code == 403
    assert client.post(url("legal_access"), form_data()).status_code == 403
    assert not LegalAccess.objects.exists()


def test_the_family_page_shows_the_banner(reader, family):
    legal.legal_access_open(
        actor=reader,
        personal_identity_code=VALID_PIC,
        basis="child_welfare_notification",
        reason=REASON,
        categories=[],
    )
    family_access = selectors.access_family(
        actor=reader, family_id=family.pk, categories=[DataCategory.BASIC]
    )
    context = section_context(reader, family_access)
    assert len(context["legal_readings"]) == 1
    with translation.override("en"):
        html = render_to_string("families/pro/legal_banner.html", context)
    assert "You are reading under a law: Duty to notify child protection" in html
    assert {e.basis for e in AccessLogEntry.objects.filter(actor=reader)} == {AccessBasis.LAW}


def test_coordinators_review_list_shows_the_reading_not_the_family(reader, family, coordinator):
    access = legal.legal_access_open(
        actor=reader,
        personal_identity_code=VALID_PIC,
        basis="child_welfare_assessment",
        reason=REASON,
        categories=[DataCategory.PLAN],
    )
    client = logged_in(coordinator)
    page = client.get(url("reviews"))
    assert page.status_code == 200
    body = page.content.decode()
    assert str(family.pk) in body
    assert REASON[:40] in body
    assert "Perhe-Q7" not in body
    assert client.get(url("reviews"), {"status": "bogus", "page": "x"}).status_code == 200
    detail = client.get(url("review", access.pk))
    assert detail.status_code == 200
    assert "Perhe-Q7" not in detail.content.decode()
    response = client.post(url("review", access.pk), {"note": "Perusteltu."})
    assert response.status_code == 302
    access.refresh_from_db()
    assert access.reviewed_by == coordinator
    assert client.get(url("reviews"), {"status": "open"}).status_code == 200


def test_a_professional_may_not_review(reader, family, professional):
    access = legal.legal_access_open(
        actor=reader,
        personal_identity_code=VALID_PIC,
        basis="child_welfare_assessment",
        reason=REASON,
        categories=[],
    )
    client = logged_in(professional)
    assert client.get(url("reviews")).status_code == 403
    assert client.get(url("review", access.pk)).status_code == 403
    assert client.post(url("review", access.pk), {"note": ""}).status_code == 403
    access.refresh_from_db()
    assert access.reviewed_at is None


def test_the_empty_review_list(coordinator):
    response = logged_in(coordinator).get(url("reviews"))
    assert response.status_code == 200
