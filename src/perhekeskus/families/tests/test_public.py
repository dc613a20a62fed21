"""The family's own page: what a signed-in guardian sees (worker, team, plan, meetings they are
invited to, referrals, consents, access log), that they see only their own family and no address
but their own (and theirs not when non-disclosed), revoking a consent with immediate effect,
correction requests, and the pages in Finnish, Swedish and English."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from perhekeskus.core.errors import NotFound
from perhekeskus.core.roles import Role
from perhekeskus.families import selectors
from perhekeskus.families.models import (
    AccessPlace,
    Consent,
    CorrectionRequest,
    CustodyRole,
    DataCategory,
    Guardian,
    NetworkMeeting,
    PlanAction,
    Referral,
    ReferralStatus,
    SupportPlan,
)
from perhekeskus.families.services import signin
from perhekeskus.testing.factories import UserFactory
from perhekeskus.testing.families import PROTECTED_ADDRESS, add_member, give_consent, make_family

pytestmark = pytest.mark.django_db

OWN_ADDRESS = "Oma katu 1, 07500 Askola"
CHILD_ADDRESS = "Lapsentie 2, 07500 Askola"


@pytest.fixture
def kuraattori(school):
    return UserFactory.create(
        full_name="Kaisa Kuraattori", organization=school, roles=[Role.PROFESSIONAL]
    )


@pytest.fixture
def family(professional):
    return make_family(
        responsible=professional,
        guardians=(
            {"address": OWN_ADDRESS},
            {
                "address": PROTECTED_ADDRESS,
                "address_protected": True,
                "email": "toinen@example.org",
                "custody_role": CustodyRole.PARENT,
            },
        ),
        children=({"address": CHILD_ADDRESS},),
    )


@pytest.fixture
def first(family) -> Guardian:
    return family.guardians.order_by("pk")[0]


@pytest.fixture
def second(family) -> Guardian:
    return family.guardians.order_by("pk")[1]


def url(name: str, language: str = "fi", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"family:{name}", kwargs=kwargs or None)


def signed_in(guardian: Guardian) -> Client:
    client = Client()
    session = client.session
    session[signin.SESSION_GUARDIAN] = guardian.pk
    session[signin.SESSION_SEEN] = int(timezone.now().timestamp())
    session[signin.SESSION_METHOD] = "test"
    session.save()
    return client


def page(client: Client, name: str = "home", language: str = "fi", **kwargs: Any) -> str:
    response = client.get(url(name, language, **kwargs))
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_home_page_shows_the_worker_and_the_team(family, first, professional, kuraattori):
    professional.title = "Sosiaaliohjaaja"
    professional.save()
    add_member(family, kuraattori)
    html = page(signed_in(first))
    assert professional.full_name in html
    assert "Sosiaaliohjaaja" in html
    assert professional.organization.name in html
    assert f"mailto:{professional.email}" in html
    assert "Kaisa Kuraattori" in html and "Askolan koulu" in html


def test_a_worker_who_has_left_is_not_shown_as_the_contact(first, professional):
    professional.is_active = False
    professional.save()
    html = page(signed_in(first), language="en")
    assert professional.email not in html
    assert "Your family has no responsible worker at the moment" in html


def test_the_empty_states(first):
    html = page(signed_in(first), language="en")
    assert "Your family has no plan yet" in html
    assert "You have no network meetings coming" in html
    assert "Your family has not been referred to other services" in html
    assert "You have not given any consents" in html
    assert "Nobody has read your family's data yet" in html
    assert "No other professionals are on your family's team yet" in html


def test_the_plan_referrals_and_meetings(family, first, second, professional, school):
    plan = SupportPlan.objects.create(family=family, goals="Arki sujuu paremmin")
    PlanAction.objects.create(plan=plan, text="Perhetyöntekijä käy kotona", assignee=professional)
    consent = give_consent(family, [school], categories=["referrals"])
    Referral.objects.create(
        family=family,
        from_organization=professional.organization,
        to_organization=school,
        categories=["basic"],
        consent=consent,
        message="Sisäinen viesti",
        sent_by=professional,
        status=ReferralStatus.ACCEPTED,
        decided_at=timezone.now(),
    )
    invited = NetworkMeeting.objects.create(
        family=family,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        place="Perhekeskus, Koulutie 1",
        created_by=professional,
    )
    invited.guardians.set([first])
    html = page(signed_in(first), language="en")
    assert "Arki sujuu paremmin" in html
    assert "Perhetyöntekijä käy kotona" in html
    assert "To Askolan koulu" in html and "Accepted" in html
    assert "Sisäinen viesti" not in html
    assert "Perhekeskus, Koulutie 1" in html
    # The other guardian is not invited: they do not learn where or when.
    assert "Koulutie 1" not in page(signed_in(second), language="en")


def test_a_guardian_sees_no_address_but_their_own(family, first, second, professional):
    meeting = NetworkMeeting.objects.create(
        family=family,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        place=PROTECTED_ADDRESS.split(",")[0],
        created_by=professional,
    )
    meeting.guardians.set([first, second])
    html = page(signed_in(first))
    assert OWN_ADDRESS in html
    assert PROTECTED_ADDRESS not in html and "Salainen polku" not in html
    assert CHILD_ADDRESS not in html
    protected = page(signed_in(second), language="en")
    assert PROTECTED_ADDRESS not in protected and "Salainen polku" not in protected
    assert "Your address is non-disclosed; only your responsible worker sees it." in protected
    assert OWN_ADDRESS not in protected and CHILD_ADDRESS not in protected


def test_consents_the_guardian_gave_can_be_revoked_with_immediate_effect(
    family, first, kuraattori, school
):
    add_member(family, kuraattori)
    consent = give_consent(family, [school], categories=["plan"], given_by=[first])
    access = selectors.access_family(
        actor=kuraattori, family_id=family.pk, categories=[DataCategory.PLAN]
    )
    assert access.can(DataCategory.PLAN)
    client = signed_in(first)
    html = page(client, language="en")
    assert "Consents you gave" in html
    assert url("consent_revoke", "en", consent_id=consent.pk) in html
    assert page(client, "consent_revoke", consent_id=consent.pk)
    refused = client.post(url("consent_revoke", consent_id=consent.pk), {"reason": ""})
    assert refused.status_code == 400
    response = client.post(url("consent_revoke", consent_id=consent.pk), {"confirm": "on"})
    assert response.status_code == 303
    consent.refresh_from_db()
    assert consent.revoked_at is not None and consent.revoked_by_guardian == first
    with pytest.raises(NotFound):
        selectors.access_family(actor=kuraattori, family_id=family.pk)


def test_a_parent_without_custody_cannot_revoke_what_they_did_not_give(
    family, first, second, school
):
    consent = give_consent(family, [school], given_by=[first])
    client = signed_in(second)
    html = page(client, language="en")
    assert url("consent_revoke", "en", consent_id=consent.pk) not in html
    assert client.get(url("consent_revoke", consent_id=consent.pk)).status_code == 404
    assert (
        client.post(url("consent_revoke", consent_id=consent.pk), {"confirm": "on"}).status_code
        == 404
    )
    assert Consent.objects.get(pk=consent.pk).revoked_at is None


def test_a_guardian_of_one_family_sees_nothing_of_another(first, school):
    other_worker = UserFactory.create(full_name="Veikko Vieras", roles=[Role.PROFESSIONAL])
    other = make_family(
        responsible=other_worker, name="Korhonen", guardians=({"email": "k@example.org"},)
    )
    other_consent = give_consent(other, [school])
    client = signed_in(first)
    html = page(client)
    assert "Veikko Vieras" not in html and "Korhonen" not in html
    assert client.get(url("consent_revoke", consent_id=other_consent.pk)).status_code == 404
    response = client.post(url("consent_revoke", consent_id=other_consent.pk), {"confirm": "on"})
    assert response.status_code == 404
    assert Consent.objects.get(pk=other_consent.pk).revoked_at is None


def test_the_access_log_shows_organisation_role_and_purpose(family, first, kuraattori, school):
    add_member(family, kuraattori)
    give_consent(family, [school], categories=["plan"])
    selectors.access_family(actor=kuraattori, family_id=family.pk, categories=[DataCategory.PLAN])
    client = signed_in(first)
    html = page(client, language="en")
    assert "Askolan koulu" in html
    assert "School social worker" in html
    assert "Coordinating support for the family" in html
    assert "Kaisa Kuraattori" not in html.split('id="access-log"')[1].split("</section>")[0]
    full = page(client, "access_log", language="en")
    assert "Askolan koulu" in full and "Support plan" in full


def test_a_correction_request(family, first):
    client = signed_in(first)
    empty = client.post(url("correction_new"), {"text": " "})
    assert empty.status_code == 400
    response = client.post(url("correction_new"), {"text": "Lapsen syntymäaika on väärin"})
    assert response.status_code == 303
    correction = CorrectionRequest.objects.get()
    assert correction.guardian == first and correction.family == family
    assert "Lapsen syntymäaika on väärin" in page(client)


@pytest.mark.parametrize(
    ("language", "heading", "worker"),
    [
        ("fi", "Perheesi sivu", "Vastuutyöntekijäsi"),
        ("sv", "Din familjs sida", "Din ansvariga arbetstagare"),
        ("en", "Your family's page", "Your responsible worker"),
    ],
)
def test_pages_in_each_language(first, language, heading, worker):
    start = Client().get(url("start", language)).content.decode()
    assert f'<html lang="{language}">' in start
    assert f"<h1>{heading}</h1>" in start
    home = page(signed_in(first), language=language)
    assert f'<html lang="{language}">' in home
    assert worker in home


def test_the_pages_are_private(first):
    response = signed_in(first).get(url("home"))
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "same-origin"
    start = Client().get(url("start"))
    assert "no-store" in start["Cache-Control"]


def test_a_signed_in_guardian_goes_from_the_start_to_home(first):
    response = signed_in(first).get(url("start"))
    assert response.status_code == 303 and response["Location"] == url("home")


def test_reads_by_the_guardian_are_not_a_professionals_use(family, first):
    from perhekeskus.families.models import AccessLogEntry

    page(signed_in(first))
    assert not AccessLogEntry.objects.filter(family=family, place=AccessPlace.PAGE).exists()


def test_a_parent_without_custody_sees_their_own_part_only(
    family, first, second, professional, kuraattori, school
):
    add_member(family, kuraattori)
    SupportPlan.objects.create(family=family, goals="Arki sujuu paremmin")
    theirs = give_consent(family, [school], given_by=[second], purpose="school")
    give_consent(family, [school], given_by=[first], categories=["plan"])
    selectors.access_family(actor=kuraattori, family_id=family.pk, categories=[DataCategory.PLAN])
    client = signed_in(second)
    html = page(client, language="en")
    assert professional.full_name in html  # the worker to contact
    assert url("consent_revoke", "en", consent_id=theirs.pk) in html
    for hidden in ("Arki sujuu paremmin", "Kaisa Kuraattori", 'id="access-log"', 'id="plan"'):
        assert hidden not in html, hidden
    assert "Ask the responsible worker for other information about the children" in html
    assert client.get(url("access_log")).status_code == 404
    assert "Arki sujuu paremmin" in page(signed_in(first), language="en")


def test_a_closed_record_shows_its_consents_and_log_but_no_meetings(family, first, professional):
    consent = give_consent(family, [professional.organization], given_by=[first])
    meeting = NetworkMeeting.objects.create(
        family=family,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        place="Perhekeskus, Koulutie 1",
        created_by=professional,
    )
    meeting.guardians.set([first])
    family.status = "closed"
    family.closed_at = timezone.now()
    family.save()
    client = signed_in(first)
    html = page(client, language="en")
    assert "Your family's record was closed on" in html
    assert url("consent_revoke", "en", consent_id=consent.pk) in html
    assert 'id="access-log"' in html
    assert "Koulutie 1" not in html
    assert page(client, "access_log")
