"""The consent gate (`access.py`, `selectors.access_family`, `selectors.family_list`): who reads
what of a family, on which basis, and that every read is logged."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from perhekeskus.core.errors import NotFound
from perhekeskus.core.roles import Role
from perhekeskus.families import access, selectors
from perhekeskus.families.models import AccessBasis, AccessLogEntry, DataCategory, LegalAccess
from perhekeskus.testing.factories import OrganizationFactory, UserFactory
from perhekeskus.testing.families import add_member, give_consent, make_family

pytestmark = pytest.mark.django_db


def test_the_gate_is_on() -> None:
    assert access._bench_ungated is False


def test_responsible_worker_reads_everything_and_the_read_is_logged(professional, family):
    family_access = selectors.access_family(
        actor=professional, family_id=family.pk, categories=access.ALL_CATEGORIES
    )
    assert family_access.read == set(access.ALL_CATEGORIES)
    assert family_access.sees_protected_addresses
    logged = AccessLogEntry.objects.filter(family=family)
    assert {entry.category for entry in logged} == set(access.ALL_CATEGORIES)
    assert {entry.basis for entry in logged} == {AccessBasis.RESPONSIBLE}


def test_team_member_without_consent_finds_nothing(kuraattori, family):
    add_member(family, kuraattori)
    with pytest.raises(NotFound):
        selectors.access_family(actor=kuraattori, family_id=family.pk)
    assert list(selectors.family_list(actor=kuraattori).object_list) == []
    assert not AccessLogEntry.objects.filter(family=family).exists()


def test_team_member_reads_what_the_consent_covers(kuraattori, school, family):
    add_member(family, kuraattori)
    consent = give_consent(family, [school], categories=[DataCategory.PLAN])
    family_access = selectors.access_family(
        actor=kuraattori, family_id=family.pk, categories=access.ALL_CATEGORIES
    )
    assert family_access.read == {DataCategory.BASIC, DataCategory.PLAN}
    assert not family_access.sees_protected_addresses
    entries = AccessLogEntry.objects.filter(family=family, actor=kuraattori)
    assert {(e.category, e.basis, e.consent_id) for e in entries} == {
        (DataCategory.BASIC, AccessBasis.CONSENT, consent.pk),
        (DataCategory.PLAN, AccessBasis.CONSENT, consent.pk),
    }


@pytest.mark.parametrize("state", ["expired", "revoked", "not_yet", "incomplete"])
def test_a_consent_not_in_force_opens_nothing(kuraattori, school, family, state):
    add_member(family, kuraattori)
    today = timezone.localdate()
    consent = give_consent(
        family,
        [school],
        categories=[DataCategory.PLAN],
        valid_from=today - datetime.timedelta(days=30) if state == "expired" else None,
        valid_until=today - datetime.timedelta(days=1) if state == "expired" else None,
        revoked=state == "revoked",
    )
    if state == "not_yet":
        consent.valid_from = today + datetime.timedelta(days=1)
        consent.save()
    if state == "incomplete":
        consent.is_complete = False
        consent.save()
    with pytest.raises(NotFound):
        selectors.access_family(actor=kuraattori, family_id=family.pk)
    assert selectors.family_list(actor=kuraattori).object_list == []


def test_consent_for_another_organisation_opens_nothing(kuraattori, family):
    add_member(family, kuraattori)
    give_consent(family, [OrganizationFactory.create()], categories=[DataCategory.PLAN])
    with pytest.raises(NotFound):
        selectors.access_family(actor=kuraattori, family_id=family.pk)


def test_consent_without_membership_opens_nothing(kuraattori, school, family):
    give_consent(family, [school], categories=[DataCategory.PLAN])
    with pytest.raises(NotFound):
        selectors.access_family(actor=kuraattori, family_id=family.pk)


def test_list_logs_each_row_once_with_its_basis(professional, kuraattori, school):
    mine = [make_family(responsible=professional, name=f"Perhe {n}") for n in range(3)]
    shared = make_family(responsible=UserFactory.create(roles=[Role.PROFESSIONAL]))
    add_member(shared, professional)
    give_consent(shared, [professional.organization])
    page = selectors.family_list(actor=professional)
    assert {row.family.pk for row in page.object_list} == {f.pk for f in [*mine, shared]}
    entries = AccessLogEntry.objects.filter(actor=professional)
    assert entries.count() == 4
    assert entries.get(family=shared).basis == AccessBasis.CONSENT


def test_list_costs_the_same_queries_for_many_families(professional, django_assert_max_num_queries):
    for n in range(30):
        make_family(responsible=professional, name=f"Perhe {n}")
    with django_assert_max_num_queries(8):
        page = selectors.family_list(actor=professional)
    assert len(page.object_list) == 30


def test_search_by_exact_name_and_identity_code(professional):
    virtanen = make_family(
        responsible=professional,
        name="Virtanen",
        children=[{"personal_identity_code": "131052-308T"}],
    )
    make_family(responsible=professional, name="Korhonen")
    assert [r.family for r in selectors.family_list(actor=professional, search=" virtanen ")] == [
        virtanen
    ]
    assert [r.family for r in selectors.family_list(actor=professional, search="131052-308t")] == [
        virtanen
    ]


def test_legal_access_reads_marked_in_the_log(kuraattori, family):
    legal = LegalAccess.objects.create(
        family=family,
        actor=kuraattori,
        organization=kuraattori.organization,
        basis="child_welfare_notification",
        reason="Lastensuojeluilmoitus",
        categories=[DataCategory.CONTACT],
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    family_access = selectors.access_family(
        actor=kuraattori, family_id=family.pk, categories=access.ALL_CATEGORIES
    )
    assert family_access.read == {DataCategory.BASIC, DataCategory.CONTACT}
    assert family_access.under_law
    entries = AccessLogEntry.objects.filter(family=family)
    assert {(e.basis, e.legal_access_id) for e in entries} == {(AccessBasis.LAW, legal.pk)}
    legal.expires_at = timezone.now() - datetime.timedelta(seconds=1)
    legal.save()
    with pytest.raises(NotFound):
        selectors.access_family(actor=kuraattori, family_id=family.pk)


def test_a_worker_whose_role_was_revoked_reads_nothing(professional, family):
    professional.role_grants.all().delete()
    with pytest.raises(NotFound):
        selectors.access_family(actor=professional, family_id=family.pk)


def test_a_bad_or_unknown_id_is_not_found(professional):
    for value in ["nonsense", "00000000-0000-0000-0000-000000000000"]:
        with pytest.raises(NotFound):
            selectors.access_family(actor=professional, family_id=value)


def test_a_childs_address_that_is_a_parents_non_disclosed_one_is_hidden(
    professional, kuraattori, school
):
    from perhekeskus.testing.families import PROTECTED_ADDRESS

    family = make_family(
        responsible=professional,
        guardians=[{"address": PROTECTED_ADDRESS, "address_protected": True}, {}],
        children=[{"address": PROTECTED_ADDRESS.upper()}],
    )
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.CONTACT])
    as_member = selectors.access_family(
        actor=kuraattori, family_id=family.pk, categories=[DataCategory.CONTACT]
    )
    addresses = [contact.address for contact in selectors.contact_details(as_member)]
    assert not any("salainen" in address.casefold() for address in addresses)
    assert sum(contact.address_hidden for contact in selectors.contact_details(as_member)) == 2
    as_worker = selectors.access_family(
        actor=professional, family_id=family.pk, categories=[DataCategory.CONTACT]
    )
    shown = [contact.address for contact in selectors.contact_details(as_worker)]
    assert shown.count(PROTECTED_ADDRESS) == 1


def test_a_team_member_saving_a_blanked_text_keeps_the_address_the_worker_wrote(
    professional, kuraattori, school
):
    from perhekeskus.families.models import SupportPlan
    from perhekeskus.families.services import plan as plan_services
    from perhekeskus.testing.families import PROTECTED_ADDRESS

    family = make_family(
        responsible=professional,
        guardians=[{"address": PROTECTED_ADDRESS, "address_protected": True}],
    )
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.PLAN])
    written = f"Tapaamiset kotona ({PROTECTED_ADDRESS}) kerran viikossa."
    plan_services.plan_update(
        actor=professional, family_id=family.pk, goals=written, follow_up_on=None, status="active"
    )
    as_member = selectors.access_family(
        actor=kuraattori, family_id=family.pk, categories=[DataCategory.PLAN]
    )
    (shown,) = selectors.blank_protected(as_member, written)
    assert "Salainen" not in shown
    plan_services.plan_update(
        actor=kuraattori,
        family_id=family.pk,
        goals=shown + " Koulu seuraa poissaoloja.",
        follow_up_on=None,
        status="active",
    )
    stored = SupportPlan.objects.get(family=family).goals
    assert stored == written + " Koulu seuraa poissaoloja."


def test_restore_blanked_leaves_a_text_without_placeholders_alone(professional):
    family = make_family(responsible=professional)
    assert selectors.restore_blanked(family, "vanha", "uusi teksti") == "uusi teksti"
