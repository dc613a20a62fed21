"""The record's pages: the list, opening a record (directly and from a help request), the family
page's shell and its overview, contact, team and history sections, the change, team, hand-over
and close pages. Each permission allowed and denied: the responsible worker, a team member the
consent covers, an outsider, a coordinator; a closed record read-only."""

from __future__ import annotations

import datetime

import pytest
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone, translation

from perhekeskus.core.dashboard import cards_for
from perhekeskus.core.roles import Role
from perhekeskus.families import selectors
from perhekeskus.families.models import (
    AccessLogEntry,
    AccessPlace,
    Child,
    Consent,
    DataCategory,
    Family,
    FamilyStatus,
    Guardian,
    TeamMember,
    TeamRole,
)
from perhekeskus.families.services import records
from perhekeskus.families.tests.helpers import logged_in, make_help_request
from perhekeskus.intake.models import (
    CloseReason,
    RequestStatus,
)
from perhekeskus.testing.factories import MunicipalityFactory, UserFactory
from perhekeskus.testing.families import (
    OPEN_ADDRESS,
    PROTECTED_ADDRESS,
    VALID_PIC,
    add_member,
    give_consent,
    make_family,
)

pytestmark = pytest.mark.django_db

NOT_COVERED = "The family's consent does not cover this for your organisation."


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def family(professional):
    return make_family(
        responsible=professional,
        guardians=(
            {"personal_identity_code": VALID_PIC},
            {"address": PROTECTED_ADDRESS, "address_protected": True},
        ),
    )


def url(name: str, *args) -> str:
    return reverse(f"families:{name}", args=args)


# --- The list ------------------------------------------------------------------------------------


def test_list_shows_the_responsible_workers_families_and_logs_each_row(professional, family):
    response = logged_in(professional).get(url("list"))
    assert response.status_code == 200
    assert "Virtanen" in response.content.decode()
    assert AccessLogEntry.objects.filter(
        family=family, place=AccessPlace.LIST, category=DataCategory.BASIC
    ).exists()


def test_list_hides_a_family_without_consent_from_a_team_member(kuraattori, school, family):
    add_member(family, kuraattori)
    page = logged_in(kuraattori).get(url("list")).content.decode()
    assert "Virtanen" not in page
    assert "No families yet" in page
    give_consent(family, [school])
    assert "Virtanen" in logged_in(kuraattori).get(url("list")).content.decode()


def test_list_search_by_exact_name_and_code(professional, family):
    make_family(responsible=professional, name="Korhonen")
    client = logged_in(professional)
    page = client.get(url("list"), {"q": "virtanen"}).content.decode()
    assert "Virtanen" in page and "Korhonen" not in page
    page = client.get(url("list"), {"q": VALID_PIC}).content.decode()
    assert "Virtanen" in page and "Korhonen" not in page
    page = client.get(url("list"), {"q": "Virt"}).content.decode()
    assert "No family you may read matches" in page


def test_list_status_filter(professional, family):
    closed = make_family(responsible=professional, name="Korhonen")
    records.family_close(actor=professional, family_id=closed.pk, reason="moved")
    client = logged_in(professional)
    assert "Korhonen" not in client.get(url("list")).content.decode()
    assert "Korhonen" in client.get(url("list"), {"status": "closed"}).content.decode()
    page = client.get(url("list"), {"status": "all"}).content.decode()
    assert "Korhonen" in page and "Virtanen" in page


def test_list_paginates_fifty(professional):
    municipality = MunicipalityFactory.create()
    for number in range(51):
        make_family(responsible=professional, name=f"Perhe {number}", municipality=municipality)
    client = logged_in(professional)
    first = client.get(url("list"))
    assert first.context["page"].paginator.num_pages == 2
    assert len(first.context["rows"]) == 50
    assert len(client.get(url("list"), {"page": 2}).context["rows"]) == 1


def test_list_denied_to_a_coordinator_shows_only_records_without_worker(
    coordinator, professional, family
):
    page = logged_in(coordinator).get(url("list"))
    assert page.status_code == 200
    assert "Virtanen" not in page.content.decode()
    assert "Every open record has a responsible worker" in page.content.decode()
    professional.is_active = False
    professional.save(update_fields=["is_active"])
    page = logged_in(coordinator).get(url("list")).content.decode()
    assert url("handover", family.pk) in page
    assert "Virtanen" not in page
    assert not AccessLogEntry.objects.filter(actor=coordinator).exists()


def test_list_denied_to_a_user_without_a_role(db):
    nobody = UserFactory.create(roles=[])
    assert logged_in(nobody).get(url("list")).status_code == 403


def test_dashboard_card(professional, coordinator):
    assert "families.records" in {card.key for card in cards_for(professional)}
    assert "families.records" not in {card.key for card in cards_for(coordinator)}
    assert "families.without_worker" in {card.key for card in cards_for(coordinator)}
    assert "families.without_worker" not in {card.key for card in cards_for(professional)}


# --- Opening -------------------------------------------------------------------------------------


def _opening_post(organization, **overrides) -> dict:
    today = timezone.localdate()
    data = {
        "guardians_count": "2",
        "children_count": "2",
        "name": "Virtanen",
        "municipality": MunicipalityFactory.create().pk,
        "language": "fi",
        "guardian0-name": "Maija Virtanen",
        "guardian0-custody_role": "custodian",
        "guardian0-email": "maija@example.org",
        "guardian0-phone": "040 123 4567",
        "guardian0-preferred_language": "fi",
        "guardian0-personal_identity_code": VALID_PIC,
        "guardian1-custody_role": "custodian",
        "guardian1-preferred_language": "fi",
        "child0-name": "Eino Virtanen",
        "child0-birth_date": "1.5.2016",
        "child0-view": "Haluaa apua koulussa.",
        "consent-purpose": "coordination",
        "consent-recipients": [str(organization.pk)],
        "consent-categories": ["contact", "plan"],
        "consent-valid_from": today.strftime("%d.%m.%Y"),
        "consent-valid_until": (today + datetime.timedelta(days=365)).strftime("%d.%m.%Y"),
        "consent-given_by": ["0"],
        "consent-method": "written",
    }
    data.update(overrides)
    return data


def test_open_page_allowed(professional):
    client = logged_in(professional)
    page = client.get(url("open"))
    assert page.status_code == 200
    response = client.post(url("open"), _opening_post(professional.organization))
    family = Family.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", family.pk)
    assert family.responsible == professional
    assert Guardian.objects.filter(family=family).count() == 1  # the empty second is skipped
    assert Child.objects.filter(family=family).count() == 1
    consent = Consent.objects.get(family=family)
    assert consent.is_effective()
    assert consent.child_views.get().view == "Haluaa apua koulussa."


def test_open_page_denied_to_a_coordinator(coordinator):
    client = logged_in(coordinator)
    assert client.get(url("open")).status_code == 403
    assert client.post(url("open"), _opening_post(coordinator.organization)).status_code == 403
    assert not Family.objects.exists()


def test_open_page_errors_summary_and_nothing_stored(professional, school):
    response = logged_in(professional).post(
        url("open"),
        _opening_post(
            school,
            **{"guardian0-personal_identity_code": "131052-308A", "child0-birth_date": ""},
        ),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "data-error-summary" in page
    assert 'href="#id_guardian0-personal_identity_code"' in page
    assert 'href="#id_child0-birth_date"' in page
    assert not Family.objects.exists()


def test_open_page_consent_must_name_the_own_organisation(professional, school):
    response = logged_in(professional).post(url("open"), _opening_post(school))
    assert response.status_code == 400
    assert 'href="#id_consent-recipients"' in response.content.decode()
    assert not Family.objects.exists()


def test_open_page_adds_another_guardian_without_errors(professional):
    data = _opening_post(professional.organization, add_guardian="1")
    response = logged_in(professional).post(url("open"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "data-error-summary" not in page
    assert 'name="guardian2-name"' in page
    assert 'value="Maija Virtanen"' in page
    assert not Family.objects.exists()


@pytest.fixture
def help_request(team_member):
    municipality = MunicipalityFactory.create()
    return make_help_request(
        team_member,
        municipality,
        language="sv",
        child_ages=[4, 9],
        contact_name="Maija Meikäläinen",
        contact_phone="+358401234567",
        contact_email="maija@example.org",
    )


def test_open_from_help_request_is_prefilled(team_member, help_request):
    response = logged_in(team_member).get(url("open_from_help_request", help_request.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Maija Meikäläinen"' in page
    assert 'value="+358401234567"' in page
    assert 'value="maija@example.org"' in page
    assert 'name="child1-age_years"' in page and 'value="9"' in page
    assert 'name="municipality"' not in page  # taken from the request


def test_open_from_help_request_closes_and_links_it(team_member, help_request):
    data = _opening_post(
        team_member.organization,
        **{"child0-birth_date": "", "child0-age_years": "4", "child1-name": "Ville"},
        **{"child1-age_years": "9"},
    )
    response = logged_in(team_member).post(url("open_from_help_request", help_request.pk), data)
    family = Family.objects.get()
    assert response.status_code == 302
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.CLOSED
    assert help_request.close_reason == CloseReason.COORDINATION
    assert help_request.coordination_reference == str(family.pk)
    assert family.language == "sv" and family.municipality == help_request.municipality
    # The request's page links to the record; a second opening goes to it.
    detail = logged_in(team_member).get(reverse("intake:request_detail", args=[help_request.pk]))
    assert url("detail", family.pk) in detail.content.decode()
    again = logged_in(team_member).get(url("open_from_help_request", help_request.pk))
    assert again.status_code == 302 and again["Location"] == url("detail", family.pk)


def test_open_from_help_request_denied_outside_its_team(professional, help_request):
    response = logged_in(professional).get(url("open_from_help_request", help_request.pk))
    assert response.status_code == 404
    response = logged_in(professional).post(
        url("open_from_help_request", help_request.pk), _opening_post(professional.organization)
    )
    assert response.status_code == 404
    assert not Family.objects.exists()


def test_help_request_page_offers_coordination_only_to_professionals(team_member, help_request):
    page = logged_in(team_member).get(reverse("intake:request_detail", args=[help_request.pk]))
    assert url("open_from_help_request", help_request.pk) in page.content.decode()
    only_team = UserFactory.create(
        organization=team_member.organization, roles=[Role.EARLY_SUPPORT_TEAM]
    )
    help_request.team.members.add(only_team)
    page = logged_in(only_team).get(reverse("intake:request_detail", args=[help_request.pk]))
    assert url("open_from_help_request", help_request.pk) not in page.content.decode()


# --- The family page -----------------------------------------------------------------------------


def test_family_page_responsible_worker_sees_everything(professional, family):
    response = logged_in(professional).get(url("detail", family.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert PROTECTED_ADDRESS in page
    assert OPEN_ADDRESS in page
    assert "131052-****" in page and VALID_PIC not in page
    assert url("edit", family.pk) in page
    assert url("team_add", family.pk) in page
    assert url("handover", family.pk) in page
    logged = set(
        AccessLogEntry.objects.filter(family=family, place=AccessPlace.PAGE).values_list(
            "category", flat=True
        )
    )
    assert logged == set(DataCategory.values)


def test_family_page_team_member_reads_only_what_the_consent_covers(kuraattori, school, family):
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.PLAN])
    response = logged_in(kuraattori).get(url("detail", family.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Huoltaja 1 Virtanen" in page  # BASIC
    assert NOT_COVERED in page
    assert OPEN_ADDRESS not in page and "huoltaja1@example.org" not in page
    assert PROTECTED_ADDRESS not in page
    assert url("edit", family.pk) not in page
    assert url("team_add", family.pk) not in page
    assert set(
        AccessLogEntry.objects.filter(family=family, actor=kuraattori).values_list(
            "category", flat=True
        )
    ) == {DataCategory.BASIC, DataCategory.PLAN}


def test_family_page_non_disclosed_address_hidden_from_a_team_member_with_contact(
    kuraattori, school, family
):
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.CONTACT])
    page = logged_in(kuraattori).get(url("detail", family.pk)).content.decode()
    assert OPEN_ADDRESS in page
    assert PROTECTED_ADDRESS not in page
    assert "Non-disclosed address" in page


@pytest.mark.parametrize("who", ["outsider", "coordinator", "member_without_consent"])
def test_family_page_not_found_for_others(request, who, kuraattori, family):
    if who == "member_without_consent":
        add_member(family, kuraattori)
        user = kuraattori
    else:
        user = request.getfixturevalue(who)
    client = logged_in(user)
    for name in ("detail", "edit", "team_add", "close"):
        assert client.get(url(name, family.pk)).status_code == 404
    assert not AccessLogEntry.objects.filter(actor=user).exists()


def test_family_page_closed_record_is_read_only(professional, family):
    records.family_close(actor=professional, family_id=family.pk, reason="goals_met")
    client = logged_in(professional)
    page = client.get(url("detail", family.pk)).content.decode()
    assert "It can be read but not changed" in page
    assert url("edit", family.pk) not in page
    assert url("team_add", family.pk) not in page
    assert client.get(url("edit", family.pk)).status_code == 403
    assert client.post(url("close", family.pk), {"reason": "moved"}).status_code == 403
    family.refresh_from_db()
    assert family.close_reason == "goals_met"


# --- Changes -------------------------------------------------------------------------------------


def test_edit_allowed_and_denied(professional, kuraattori, school, family):
    add_member(family, kuraattori)
    give_consent(family, [school])
    data = {"name": "Virtanen-Korhonen", "municipality": family.municipality_id, "language": "sv"}
    assert logged_in(kuraattori).post(url("edit", family.pk), data).status_code == 403
    family.refresh_from_db()
    assert family.name == "Virtanen"
    response = logged_in(professional).post(url("edit", family.pk), data)
    assert response.status_code == 302
    family.refresh_from_db()
    assert family.name == "Virtanen-Korhonen" and family.language == "sv"


def test_person_pages(professional, kuraattori, school, family):
    client = logged_in(professional)
    assert client.get(url("person_add", family.pk, "child")).status_code == 200
    response = client.post(
        url("person_add", family.pk, "child"), {"name": "Pikku", "age_years": "3"}
    )
    assert response.status_code == 302
    child = Child.objects.filter(family=family).latest("pk")
    assert child.name == "Pikku"
    change = client.get(url("person_change", family.pk, "child", child.pk))
    assert change.status_code == 200 and 'value="Pikku"' in change.content.decode()
    guardian = Guardian.objects.filter(family=family).order_by("pk").first()
    page = client.get(url("person_change", family.pk, "guardian", guardian.pk)).content.decode()
    assert "131052-****" in page and VALID_PIC not in page
    bad = client.post(
        url("person_change", family.pk, "child", child.pk),
        {"name": "Pikku", "age_years": "3", "personal_identity_code": "131052-308A"},
    )
    assert bad.status_code == 400 and "data-error-summary" in bad.content.decode()
    assert client.get(url("person_add", family.pk, "pet")).status_code == 404
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.CONTACT])
    member = logged_in(kuraattori)
    assert member.get(url("person_change", family.pk, "child", child.pk)).status_code == 403
    assert (
        member.post(url("person_add", family.pk, "child"), {"name": "X", "age_years": "1"})
    ).status_code == 403
    assert Child.objects.filter(family=family).count() == 2


def test_team_pages_allowed(professional, kuraattori, school, family):
    give_consent(family, [school])
    client = logged_in(professional)
    assert client.get(url("team_add", family.pk)).status_code == 200
    response = client.post(
        url("team_add", family.pk),
        {"user": kuraattori.pk, "role": TeamRole.SCHOOL_SOCIAL_WORKER},
    )
    assert response.status_code == 302
    member = TeamMember.objects.get(family=family)
    assert client.get(url("team_member", family.pk, member.pk)).status_code == 200
    client.post(url("team_member", family.pk, member.pk), {"role": TeamRole.PSYCHOLOGIST})
    member.refresh_from_db()
    assert member.role == TeamRole.PSYCHOLOGIST
    page = client.get(url("detail", family.pk)).content.decode()
    assert kuraattori.full_name in page
    client.post(url("team_member", family.pk, member.pk), {"remove": "1"})
    member.refresh_from_db()
    assert member.removed_at is not None
    page = client.get(url("detail", family.pk)).content.decode()
    assert "Left the team" in page


def test_team_add_refused_names_the_missing_consent(professional, kuraattori, family):
    response = logged_in(professional).post(
        url("team_add", family.pk), {"user": kuraattori.pk, "role": TeamRole.TEACHER}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "No consent in force names Askolan koulu" in page
    assert "as a recipient: record the family&#x27;s consent" in page
    assert not TeamMember.objects.exists()


def test_team_pages_denied_to_a_team_member(kuraattori, school, family):
    member = add_member(family, kuraattori)
    give_consent(family, [school])
    client = logged_in(kuraattori)
    assert client.get(url("team_add", family.pk)).status_code == 403
    assert client.post(url("team_member", family.pk, member.pk), {"remove": "1"}).status_code == 403
    member.refresh_from_db()
    assert member.removed_at is None


def test_handover_page_allowed(professional, colleague, family):
    client = logged_in(professional)
    assert client.get(url("handover", family.pk)).status_code == 200
    response = client.post(
        url("handover", family.pk), {"new_responsible": colleague.pk, "reason": "Vaihdan työtä"}
    )
    assert response.status_code == 302
    family.refresh_from_db()
    assert family.responsible == colleague
    # The former worker no longer reads the record; the new one sees the history.
    assert client.get(url("detail", family.pk)).status_code == 404
    page = logged_in(colleague).get(url("detail", family.pk)).content.decode()
    assert "Vaihdan työtä" in page
    assert "Kaisa Kollega" in page


def test_handover_page_denied_to_a_team_member_and_a_coordinator(
    kuraattori, school, coordinator, colleague, family
):
    add_member(family, kuraattori)
    give_consent(family, [school])
    assert logged_in(kuraattori).get(url("handover", family.pk)).status_code == 403
    assert logged_in(coordinator).get(url("handover", family.pk)).status_code == 404
    family.refresh_from_db()
    assert family.responsible_id != colleague.pk


def test_handover_page_by_a_coordinator_when_the_worker_left(
    coordinator, professional, colleague, family
):
    professional.is_active = False
    professional.save(update_fields=["is_active"])
    client = logged_in(coordinator)
    page = client.get(url("handover", family.pk))
    assert page.status_code == 200
    assert "Virtanen" not in page.content.decode()
    response = client.post(
        url("handover", family.pk), {"new_responsible": colleague.pk, "reason": "Lopetti"}
    )
    assert response.status_code == 302
    family.refresh_from_db()
    assert family.responsible == colleague


def test_close_page_allowed_and_denied(professional, kuraattori, school, family):
    add_member(family, kuraattori)
    give_consent(family, [school])
    assert (
        logged_in(kuraattori).post(url("close", family.pk), {"reason": "moved"}).status_code == 403
    )
    client = logged_in(professional)
    assert client.get(url("close", family.pk)).status_code == 200
    assert client.post(url("close", family.pk), {}).status_code == 400
    assert client.post(url("close", family.pk), {"reason": "moved"}).status_code == 302
    family.refresh_from_db()
    assert family.status == FamilyStatus.CLOSED


def test_pages_in_every_language(professional, family):
    client = logged_in(professional)
    for language in ("fi", "sv", "en"):
        for name, args in (
            ("list", ()),
            ("open", ()),
            ("detail", (family.pk,)),
            ("edit", (family.pk,)),
            ("team_add", (family.pk,)),
            ("handover", (family.pk,)),
            ("close", (family.pk,)),
        ):
            with translation.override(language):
                path = url(name, *args)
            assert path.startswith(f"/{language}/")
            assert client.get(path).status_code == 200, (language, name)
    headings = {
        "fi": "Avaa perheen asiakkuus",
        "sv": "Öppna ett klientskap för familjen",
        "en": "Open a family record",
    }
    for language, heading in headings.items():
        with translation.override(language):
            path = url("open")
        page = client.get(path).content.decode()
        assert f"<h1>{heading}</h1>" in page


def test_paginator_size_is_fifty():
    assert selectors.PAGE_SIZE == 50
    assert Paginator([], selectors.PAGE_SIZE).per_page == 50


def test_family_page_costs_the_same_whatever_the_size_of_the_family_and_team(professional, school):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (1, 4):
        family = make_family(
            responsible=professional,
            name=f"Perhe {size}",
            guardians=[{}] * size,
            children=[{}] * size,
        )
        give_consent(family, [school])
        for _number in range(size):
            add_member(family, UserFactory.create(organization=school, roles=[Role.PROFESSIONAL]))
        client = logged_in(professional)
        client.get(url("detail", family.pk))  # the session and the user, read once
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("detail", family.pk)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_every_change_page_is_refused_on_a_closed_record(professional, kuraattori, school, family):
    give_consent(family, [school])
    member = add_member(family, kuraattori)
    child = Child.objects.get(family=family)
    records.family_close(actor=professional, family_id=family.pk, reason="goals_met")
    client = logged_in(professional)
    for name, args in (
        ("edit", (family.pk,)),
        ("close", (family.pk,)),
        ("handover", (family.pk,)),
        ("team_add", (family.pk,)),
        ("team_member", (family.pk, member.pk)),
        ("person_add", (family.pk, "guardian")),
        ("person_change", (family.pk, "child", child.pk)),
    ):
        assert client.get(url(name, *args)).status_code == 403, name
        assert client.post(url(name, *args), {"remove": "1"}).status_code == 403, name
    member.refresh_from_db()
    assert member.removed_at is None
    # Still readable as before, by the responsible worker and the team member alike.
    assert client.get(url("detail", family.pk)).status_code == 200
    assert logged_in(kuraattori).get(url("detail", family.pk)).status_code == 200
