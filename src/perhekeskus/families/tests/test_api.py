"""The families API: a professional's list and one family, through the consent gate (what is
answered is what is granted, each read logged with place API), 404 for missing and forbidden
alike, 403 for anyone who does not work with families, 400 for a parameter it does not take,
the non-disclosed address for the responsible worker only, and every answer as documented."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest
from django.utils import timezone
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from perhekeskus.families.api.views import API_CATEGORIES
from perhekeskus.families.models import (
    AccessBasis,
    AccessLogEntry,
    AccessPlace,
    DataCategory,
    FamilyStatus,
    NetworkMeeting,
    Note,
    PlanAction,
    Referral,
    SupportPlan,
)
from perhekeskus.families.tests.helpers import logged_in
from perhekeskus.testing.factories import OrganizationFactory
from perhekeskus.testing.families import (
    OPEN_ADDRESS,
    PROTECTED_ADDRESS,
    VALID_PIC,
    add_member,
    give_consent,
    make_family,
)
from perhekeskus.testing.openapi import response_schema, undeclared

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def family(professional):
    return make_family(
        responsible=professional,
        guardians=[{}, {"address": PROTECTED_ADDRESS, "address_protected": True}],
        children=[{"address": PROTECTED_ADDRESS, "address_protected": True}],
    )


def entries(family: Any, user: Any) -> set[tuple[str, str, str]]:
    return {
        (entry.category, entry.place, entry.basis)
        for entry in AccessLogEntry.objects.filter(family=family, actor=user)
    }


# --- GET /families -------------------------------------------------------------------------------


def test_the_list_gives_the_responsible_workers_families_and_logs_each_row(
    professional, family
) -> None:
    answer = logged_in(professional).get(f"{API}/families")
    assert answer.status_code == 200, answer.content
    assert "no-store" in answer["Cache-Control"]
    body = answer.json()
    assert (body["total_items"], body["page_number"], body["size"]) == (1, 1, 1)
    (item,) = body["contents"]
    assert item["id"] == str(family.pk)
    assert item["name"] == "Virtanen"
    assert item["basis"] == AccessBasis.RESPONSIBLE
    assert item["your_role"] == "responsible"
    assert [child["name"] for child in item["children"]] == ["Lapsi 1 Virtanen"]
    assert entries(family, professional) == {
        (DataCategory.BASIC, AccessPlace.API, AccessBasis.RESPONSIBLE)
    }
    assert PROTECTED_ADDRESS not in answer.content.decode()


def test_the_list_filters_by_status_and_searches_by_name_or_code(professional) -> None:
    open_family = make_family(responsible=professional, name="Virtanen")
    coded = make_family(
        responsible=professional, name="Korhonen", children=[{"personal_identity_code": VALID_PIC}]
    )
    closed = make_family(responsible=professional, name="Nieminen")
    closed.status, closed.closed_at = FamilyStatus.CLOSED, timezone.now()
    closed.save()
    client = logged_in(professional)

    def listed(**params: Any) -> set[str]:
        answer = client.get(f"{API}/families", params)
        assert answer.status_code == 200, answer.content
        return {item["id"] for item in answer.json()["contents"]}

    assert listed() == {str(open_family.pk), str(coded.pk)}
    assert listed(status="closed") == {str(closed.pk)}
    assert listed(status="all") == {str(open_family.pk), str(coded.pk), str(closed.pk)}
    assert listed(search="virtanen") == {str(open_family.pk)}
    assert listed(search=VALID_PIC) == {str(coded.pk)}
    assert listed(search="Virta") == set()


def test_the_list_is_paged_by_fifty(professional) -> None:
    for number in range(51):
        make_family(responsible=professional, name=f"Perhe {number}", children=[])
    client = logged_in(professional)
    first = client.get(f"{API}/families").json()
    assert (first["total_items"], first["total_pages"], first["size"]) == (51, 2, 50)
    second = client.get(f"{API}/families", {"page": 2}).json()
    assert (second["page_number"], second["size"], second["last_page"]) == (2, 1, True)
    assert AccessLogEntry.objects.filter(place=AccessPlace.API).count() == 51


def test_a_team_member_sees_a_family_only_while_a_consent_covers_their_organisation(
    kuraattori, school, family
) -> None:
    add_member(family, kuraattori)
    client = logged_in(kuraattori)
    assert client.get(f"{API}/families").json()["contents"] == []
    consent = give_consent(family, [school])
    (item,) = client.get(f"{API}/families").json()["contents"]
    assert (item["id"], item["basis"], item["your_role"]) == (
        str(family.pk),
        AccessBasis.CONSENT,
        "school_social_worker",
    )
    consent.revoked_at = timezone.now()
    consent.save()
    assert client.get(f"{API}/families").json()["contents"] == []


@pytest.mark.parametrize("path", ["/families", "/families/8b5ff1a4-5b0e-4b4c-9a57-2f0d3f1c6e21"])
def test_anyone_but_a_professional_gets_403(client, coordinator, path) -> None:
    assert client.get(f"{API}{path}").status_code == 403
    assert logged_in(coordinator).get(f"{API}{path}").status_code == 403


def test_unknown_and_wrong_parameters_are_400(professional) -> None:
    client = logged_in(professional)
    answer = client.get(f"{API}/families", {"municipality": "018"})
    assert answer.status_code == 400
    assert "municipality" in answer.json()
    assert client.get(f"{API}/families", {"status": "lost"}).status_code == 400
    assert client.get(f"{API}/families", {"page": "0"}).status_code == 400
    assert client.get(f"{API}/families/{uuid.uuid4()}", {"page": "1"}).status_code == 400


# --- GET /families/{id} --------------------------------------------------------------------------


def test_the_responsible_worker_reads_everything_with_the_protected_address(
    professional, family
) -> None:
    answer = logged_in(professional).get(f"{API}/families/{family.pk}")
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["categories"] == sorted(API_CATEGORIES)
    assert body["basis"] == AccessBasis.RESPONSIBLE
    addresses = {(c["kind"], c["address"], c["address_hidden"]) for c in body["contact"]}
    assert addresses == {
        ("guardian", OPEN_ADDRESS, False),
        ("guardian", PROTECTED_ADDRESS, False),
        ("child", PROTECTED_ADDRESS, False),
    }
    assert entries(family, professional) == {
        (category, AccessPlace.API, AccessBasis.RESPONSIBLE) for category in API_CATEGORIES
    }


def test_a_team_member_with_contact_consent_never_gets_the_protected_address(
    kuraattori, school, family
) -> None:
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.CONTACT])
    answer = logged_in(kuraattori).get(f"{API}/families/{family.pk}")
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["categories"] == [DataCategory.BASIC, DataCategory.CONTACT]
    assert PROTECTED_ADDRESS not in answer.content.decode()
    hidden = [c for c in body["contact"] if c["address_protected"]]
    assert len(hidden) == 2
    assert all(c["address"] == "" and c["address_hidden"] for c in hidden)
    assert {c["address"] for c in body["contact"] if not c["address_protected"]} == {OPEN_ADDRESS}
    assert entries(family, kuraattori) == {
        (DataCategory.BASIC, AccessPlace.API, AccessBasis.CONSENT),
        (DataCategory.CONTACT, AccessPlace.API, AccessBasis.CONSENT),
    }


def test_a_category_the_consent_does_not_cover_is_left_out_and_not_logged(
    kuraattori, school, family
) -> None:
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.PLAN])
    answer = logged_in(kuraattori).get(f"{API}/families/{family.pk}")
    body = answer.json()
    assert DataCategory.CONTACT not in body["categories"]
    assert "contact" not in body
    assert OPEN_ADDRESS not in answer.content.decode()
    assert "huoltaja1@example.org" not in answer.content.decode()
    assert (DataCategory.CONTACT, AccessPlace.API, AccessBasis.CONSENT) not in entries(
        family, kuraattori
    )


@pytest.mark.parametrize("state", ["none", "expired", "revoked", "other_organisation"])
def test_without_a_covering_consent_the_family_is_404_and_nothing_is_logged(
    kuraattori, school, family, state
) -> None:
    add_member(family, kuraattori)
    today = timezone.localdate()
    if state == "expired":
        give_consent(
            family,
            [school],
            valid_from=today - datetime.timedelta(days=30),
            valid_until=today - datetime.timedelta(days=1),
        )
    elif state == "revoked":
        give_consent(family, [school], revoked=True)
    elif state == "other_organisation":
        give_consent(family, [OrganizationFactory.create()])
    answer = logged_in(kuraattori).get(f"{API}/families/{family.pk}")
    assert answer.status_code == 404
    assert answer.json() == {"detail": "Not found."} or "detail" in answer.json()
    assert not AccessLogEntry.objects.filter(family=family).exists()


def with_plan_meeting_and_note(family: Any, author: Any) -> None:
    plan = SupportPlan.objects.create(family=family, goals="Arki sujuu", version=1)
    meeting = NetworkMeeting.objects.create(
        family=family, starts_at=timezone.now(), place="Neuvola", minutes="Sovittiin tuesta"
    )
    meeting.guardians.set(family.guardians.all())
    meeting.professionals.set([author])
    PlanAction.objects.create(plan=plan, text="Kerhopaikka", assignee=author, meeting=meeting)
    Note.objects.create(family=family, author=author, text="Soitettu kouluun")
    Referral.objects.create(
        family=family,
        from_organization=author.organization,
        to_organization=author.organization,
        categories=["basic"],
        consent=give_consent(family, [author.organization], categories=["referrals"]),
        message="Perhe tarvitsee kerhon",
        sent_by=author,
    )


def test_each_section_is_answered_only_with_its_category(
    professional, kuraattori, school, family
) -> None:
    with_plan_meeting_and_note(family, professional)
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.PLAN])
    body = logged_in(kuraattori).get(f"{API}/families/{family.pk}").json()
    assert body["categories"] == [DataCategory.BASIC, DataCategory.PLAN]
    assert body["plan"]["goals"] == "Arki sujuu"
    assert [action["text"] for action in body["plan"]["actions"]] == ["Kerhopaikka"]
    assert not {"contact", "meetings", "notes", "referrals"} & set(body)
    full = logged_in(professional).get(f"{API}/families/{family.pk}").json()
    assert full["meetings"][0]["minutes"] == "Sovittiin tuesta"
    assert full["notes"][0]["text"] == "Soitettu kouluun"
    assert full["referrals"][0]["message"] == "Perhe tarvitsee kerhon"


def test_a_protected_address_typed_into_a_text_is_blanked_for_a_team_member(
    professional, kuraattori, school, family
) -> None:
    typed = f"Äiti asuu nyt osoitteessa {PROTECTED_ADDRESS.upper().replace(' ', '  ')}."
    plan = SupportPlan.objects.create(family=family, goals=typed)
    PlanAction.objects.create(plan=plan, text=typed, assignee_text=typed)
    NetworkMeeting.objects.create(family=family, starts_at=timezone.now(), minutes=typed)
    Note.objects.create(family=family, author=professional, text=typed)
    add_member(family, kuraattori)
    give_consent(family, [school], categories=DataCategory.values)
    answer = logged_in(kuraattori).get(f"{API}/families/{family.pk}")
    body = answer.content.decode()
    assert "SALAINEN" not in body.upper()
    assert body.count("[non-disclosed address]") == 5
    assert "SALAINEN" in logged_in(professional).get(f"{API}/families/{family.pk}").content.decode()


def test_a_missing_family_and_a_malformed_id_are_404(professional) -> None:
    client = logged_in(professional)
    assert client.get(f"{API}/families/{uuid.uuid4()}").status_code == 404
    assert client.get(f"{API}/families/not-a-uuid").status_code == 404


# --- the OpenAPI document ------------------------------------------------------------------------


def test_the_openapi_document_describes_the_families_api() -> None:
    document = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(document)
    listing = document["paths"]["/api/v1/families"]["get"]
    assert listing["operationId"] == "listFamilies"
    names = {p["name"] for p in listing["parameters"] if p["in"] == "query"}
    assert names == {"status", "search", "page", "lang"}
    assert {"200", "400", "403"} <= set(listing["responses"])
    detail = document["paths"]["/api/v1/families/{id}"]["get"]
    assert {"200", "400", "403", "404"} <= set(detail["responses"])


def test_the_document_builds_without_warnings() -> None:
    GENERATOR_STATS.reset()
    SchemaGenerator().get_schema(request=None, public=True)
    assert not GENERATOR_STATS, dict(GENERATOR_STATS._warn_cache)


def test_answers_use_only_declared_keys(professional, kuraattori, school, family) -> None:
    document = SchemaGenerator().get_schema(request=None, public=True)

    def declared(data: Any, path: str) -> None:
        schema = response_schema(document, path, "get", "200")
        assert undeclared(data, schema, document, path) == []

    with_plan_meeting_and_note(family, professional)
    family.status, family.closed_at = FamilyStatus.CLOSED, timezone.now()
    family.save()
    add_member(family, kuraattori)
    give_consent(family, [school])
    for reader in (professional, kuraattori):
        client = logged_in(reader)
        declared(client.get(f"{API}/families", {"status": "all"}).json(), "/api/v1/families")
        declared(client.get(f"{API}/families/{family.pk}").json(), "/api/v1/families/{id}")
