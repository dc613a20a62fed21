"""Referrals (`services/referrals.py`, `selectors_referrals.py`, `transitions.py`): who sends,
that sending needs a consent that covers the receiver and the data sent, the receiving
organisation's inbox and page through the referral's own grant, the state machine, and that a
revoked consent takes the referral away from the receiver at once."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.core.models import OutboxEmail
from perhekeskus.core.roles import Role
from perhekeskus.families import selectors, selectors_referrals, transitions
from perhekeskus.families.models import (
    AccessLogEntry,
    AccessPlace,
    DataCategory,
    ReferralStatus,
    TeamMember,
    TeamRole,
)
from perhekeskus.families.services import referrals
from perhekeskus.testing.factories import OrganizationFactory, ServiceFactory, UserFactory
from perhekeskus.testing.families import (
    PROTECTED_ADDRESS,
    add_member,
    give_consent,
    make_family,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(professional):
    return make_family(
        responsible=professional,
        guardians=({}, {"address": PROTECTED_ADDRESS, "address_protected": True}),
    )


@pytest.fixture
def referral_consent(family, ngo):
    return give_consent(
        family,
        [ngo],
        categories=[DataCategory.REFERRALS, DataCategory.CONTACT, DataCategory.PLAN],
        purpose="referral",
    )


def send(actor, family, organization, categories=(DataCategory.CONTACT,), **kwargs):
    return referrals.referral_send(
        actor=actor,
        family_id=family.pk,
        to_organization_id=organization.pk,
        categories=list(categories),
        message="Perhe toivoo tukihenkilöä.",
        **kwargs,
    )


# --- The state machine ---------------------------------------------------------------------------


@pytest.mark.parametrize("old", ReferralStatus.values)
@pytest.mark.parametrize("new", ReferralStatus.values)
def test_state_machine_allows_exactly_its_moves(old, new):
    allowed = {
        ("sent", "accepted"),
        ("sent", "declined"),
        ("sent", "withdrawn"),
        ("accepted", "done"),
        ("accepted", "withdrawn"),
    }
    assert transitions.is_allowed(old, new) == ((old, new) in allowed)
    if (old, new) not in allowed:
        with pytest.raises(ValidationError) as error:
            transitions.check(old, new)
        assert "status" in error.value.message_dict


# --- Sending -------------------------------------------------------------------------------------


def test_responsible_worker_sends_with_a_covering_consent(
    professional, family, ngo, referral_consent
):
    service = ServiceFactory.create(organization=ngo)
    referral = send(professional, family, ngo, to_service_id=service.pk)
    assert referral.status == ReferralStatus.SENT
    assert referral.consent == referral_consent
    assert referral.categories == ["basic", "contact", "referrals"]
    assert referral.to_service == service
    assert referral.from_organization_id == professional.organization_id
    entry = AuditEntry.objects.get(action="families.referral.send")
    assert entry.details["consent"] == referral_consent.pk
    assert "Perhe" not in str(entry.details)
    assert OutboxEmail.objects.filter(kind="families.referral.sent").count() == 2


def test_send_refused_without_a_consent_naming_the_organisation(professional, family, ngo):
    give_consent(family, [OrganizationFactory.create()], categories=[DataCategory.REFERRALS])
    with pytest.raises(ValidationError) as error:
        send(professional, family, ngo)
    message = error.value.message_dict["to_organization"][0]
    assert "MLL Askola" in message
    assert not family.referrals.exists()


def test_send_refused_when_the_consent_does_not_cover_referrals(professional, family, ngo):
    give_consent(family, [ngo], categories=[DataCategory.CONTACT])
    with pytest.raises(ValidationError) as error:
        send(professional, family, ngo)
    message = error.value.message_dict["categories"][0]
    assert "MLL Askola" in message
    assert str(DataCategory.REFERRALS.label) in message
    assert str(DataCategory.CONTACT.label) not in message


def test_send_refused_when_a_category_sent_is_not_covered(
    professional, family, ngo, referral_consent
):
    with pytest.raises(ValidationError) as error:
        send(professional, family, ngo, categories=[DataCategory.NOTES, DataCategory.PLAN])
    message = error.value.message_dict["categories"][0]
    assert str(DataCategory.NOTES.label) in message
    assert str(DataCategory.PLAN.label) not in message


def test_send_refused_with_a_revoked_or_expired_consent(professional, family, ngo):
    give_consent(family, [ngo], categories=[DataCategory.REFERRALS], revoked=True)
    with pytest.raises(ValidationError):
        send(professional, family, ngo)


def test_team_member_with_the_referrals_grant_sends(kuraattori, school, family, ngo):
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.REFERRALS, DataCategory.CONTACT])
    give_consent(family, [ngo], categories=[DataCategory.REFERRALS, DataCategory.CONTACT])
    referral = send(kuraattori, family, ngo)
    assert referral.sent_by == kuraattori


def test_team_member_without_the_referrals_grant_is_refused(
    kuraattori, school, family, ngo, referral_consent
):
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.CONTACT])
    with pytest.raises(PolicyDenied):
        send(kuraattori, family, ngo)


def test_team_member_sends_only_what_they_may_read(kuraattori, school, family, ngo):
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.REFERRALS])
    give_consent(family, [ngo], categories=[DataCategory.REFERRALS, DataCategory.PLAN])
    with pytest.raises(ValidationError) as error:
        send(kuraattori, family, ngo, categories=[DataCategory.PLAN])
    assert str(DataCategory.PLAN.label) in error.value.message_dict["categories"][0]


def test_outsider_cannot_send(ngo_worker, family, ngo, referral_consent):
    with pytest.raises(NotFound):
        send(ngo_worker, family, ngo)


def test_send_refused_for_a_service_of_another_organisation(
    professional, family, ngo, referral_consent
):
    with pytest.raises(ValidationError) as error:
        send(professional, family, ngo, to_service_id=ServiceFactory.create().pk)
    assert "to_service" in error.value.message_dict


def test_send_refused_on_a_closed_record(professional, family, ngo, referral_consent):
    family.status = "closed"
    family.closed_at = timezone.now()
    family.save()
    with pytest.raises(PolicyDenied):
        send(professional, family, ngo)


# --- The receiving organisation ------------------------------------------------------------------


def test_inbox_shows_the_referral_and_logs_each_row(
    professional, ngo_worker, family, ngo, referral_consent
):
    referral = send(professional, family, ngo)
    page = selectors_referrals.referral_inbox(actor=ngo_worker)
    assert [row.referral.pk for row in page.object_list] == [referral.pk]
    logged = AccessLogEntry.objects.filter(actor=ngo_worker)
    assert {(e.category, e.place, e.consent_id) for e in logged} == {
        ("basic", AccessPlace.LIST, referral_consent.pk),
        ("referrals", AccessPlace.LIST, referral_consent.pk),
    }


def test_inbox_of_another_organisation_is_empty(
    professional, kuraattori, family, ngo, referral_consent
):
    send(professional, family, ngo)
    assert selectors_referrals.referral_inbox(actor=kuraattori).object_list == []
    assert not AccessLogEntry.objects.filter(actor=kuraattori).exists()


def test_inbox_shows_nothing_after_the_consent_is_revoked(
    professional, ngo_worker, family, ngo, referral_consent
):
    referral = send(professional, family, ngo)
    referral_consent.revoked_at = timezone.now()
    referral_consent.save()
    assert selectors_referrals.referral_inbox(actor=ngo_worker).object_list == []
    assert selectors_referrals.referral_inbox(actor=ngo_worker, status="all").object_list == []
    with pytest.raises(NotFound):
        selectors_referrals.referral_for_receiver(actor=ngo_worker, referral_id=referral.pk)
    with pytest.raises(NotFound):
        referrals.referral_accept(actor=ngo_worker, referral_id=referral.pk)
    assert not AccessLogEntry.objects.filter(actor=ngo_worker).exists()


def test_inbox_hides_a_referral_whose_categories_are_no_longer_covered(
    professional, ngo_worker, family, ngo, referral_consent
):
    send(professional, family, ngo, categories=[DataCategory.PLAN])
    referral_consent.categories = ["basic", "referrals"]
    referral_consent.save()
    assert selectors_referrals.referral_inbox(actor=ngo_worker).object_list == []


def test_inbox_costs_the_same_queries_for_one_row_and_for_many(professional, ngo_worker, ngo):
    def counted() -> int:
        with CaptureQueriesContext(connection) as queries:
            selectors_referrals.referral_inbox(actor=ngo_worker)
        return len(queries)

    first = make_family(responsible=professional, name="Perhe 0")
    give_consent(first, [ngo], categories=[DataCategory.REFERRALS])
    send(professional, first, ngo, categories=[])
    counted()  # the user's roles are read once and kept
    one = counted()
    for number in range(1, 6):
        other = make_family(responsible=professional, name=f"Perhe {number}")
        give_consent(other, [ngo], categories=[DataCategory.REFERRALS])
        send(professional, other, ngo, categories=[])
    assert len(selectors_referrals.referral_inbox(actor=ngo_worker).object_list) == 6
    assert counted() == one


def test_receiver_page_reads_what_was_sent_and_hides_a_protected_address(
    professional, ngo_worker, family, ngo, referral_consent
):
    referral = send(professional, family, ngo)
    received = selectors_referrals.referral_for_receiver(actor=ngo_worker, referral_id=referral.pk)
    data = selectors_referrals.referral_sent_data(received)
    assert data.contacts is not None
    assert PROTECTED_ADDRESS not in [contact.address for contact in data.contacts]
    assert any(contact.address_hidden for contact in data.contacts)
    assert data.plan is None and data.notes is None  # PLAN was not sent
    logged = AccessLogEntry.objects.filter(actor=ngo_worker, place=AccessPlace.PAGE)
    assert {e.category for e in logged} == {"basic", "contact", "referrals"}


def test_accept_and_join_the_team(professional, ngo_worker, family, ngo, referral_consent):
    referral = send(professional, family, ngo)
    accepted = referrals.referral_accept(
        actor=ngo_worker, referral_id=referral.pk, join_team_role=TeamRole.VOLUNTEER_COORDINATOR
    )
    assert accepted.status == ReferralStatus.ACCEPTED
    assert accepted.decided_by == ngo_worker
    member = TeamMember.objects.get(family=family, user=ngo_worker)
    assert member.role == TeamRole.VOLUNTEER_COORDINATOR
    assert member.organization == ngo
    assert AuditEntry.objects.filter(action="families.team.add").count() == 1
    entry = AuditEntry.objects.get(action="families.referral.accept")
    assert entry.details["joined_team"] is True
    # Now a team member with a consent: the family opens for them.
    assert selectors.access_family(actor=ngo_worker, family_id=family.pk).family == family
    assert OutboxEmail.objects.filter(kind="families.referral.accepted").exists()


def test_accept_without_joining(professional, ngo_worker, family, ngo, referral_consent):
    referral = send(professional, family, ngo)
    referrals.referral_accept(actor=ngo_worker, referral_id=referral.pk)
    assert not TeamMember.objects.filter(user=ngo_worker).exists()


def test_accept_refuses_an_unknown_role(professional, ngo_worker, family, ngo, referral_consent):
    referral = send(professional, family, ngo)
    with pytest.raises(ValidationError):
        referrals.referral_accept(actor=ngo_worker, referral_id=referral.pk, join_team_role="boss")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


def test_only_the_receiving_organisation_answers(
    professional, kuraattori, family, ngo, referral_consent
):
    referral = send(professional, family, ngo)
    for actor in (kuraattori, professional):
        with pytest.raises(NotFound):
            referrals.referral_accept(actor=actor, referral_id=referral.pk)
        with pytest.raises(NotFound):
            referrals.referral_decline(actor=actor, referral_id=referral.pk, reason="Ei")
        with pytest.raises(NotFound):
            selectors_referrals.referral_for_receiver(actor=actor, referral_id=referral.pk)


def test_a_receiver_without_the_professional_role_finds_nothing(
    professional, family, ngo, referral_consent
):
    clerk = UserFactory.create(organization=ngo, roles=[])
    referral = send(professional, family, ngo)
    assert selectors_referrals.referral_inbox(actor=clerk).object_list == []
    with pytest.raises(NotFound):
        referrals.referral_accept(actor=clerk, referral_id=referral.pk)


def test_decline_needs_a_reason_and_is_final(
    professional, ngo_worker, family, ngo, referral_consent
):
    referral = send(professional, family, ngo)
    with pytest.raises(ValidationError) as error:
        referrals.referral_decline(actor=ngo_worker, referral_id=referral.pk, reason="  ")
    assert "reason" in error.value.message_dict
    declined = referrals.referral_decline(
        actor=ngo_worker, referral_id=referral.pk, reason="Ei tilaa syksyllä."
    )
    assert declined.status == ReferralStatus.DECLINED
    assert declined.decline_reason == "Ei tilaa syksyllä."
    entry = AuditEntry.objects.get(action="families.referral.decline")
    assert "tilaa" not in str(entry.details)
    with pytest.raises(ValidationError):
        referrals.referral_accept(actor=ngo_worker, referral_id=referral.pk)
    with pytest.raises(ValidationError):
        referrals.referral_withdraw(
            actor=professional, family_id=family.pk, referral_id=referral.pk
        )


def test_done_only_after_accepting(professional, ngo_worker, family, ngo, referral_consent):
    referral = send(professional, family, ngo)
    with pytest.raises(ValidationError):
        referrals.referral_done(actor=ngo_worker, referral_id=referral.pk)
    referrals.referral_accept(actor=ngo_worker, referral_id=referral.pk)
    done = referrals.referral_done(actor=ngo_worker, referral_id=referral.pk)
    assert done.status == ReferralStatus.DONE
    assert done.finished_at is not None


# --- Withdrawing ---------------------------------------------------------------------------------


def test_responsible_worker_withdraws(professional, ngo_worker, family, ngo, referral_consent):
    referral = send(professional, family, ngo)
    referrals.referral_accept(actor=ngo_worker, referral_id=referral.pk)
    withdrawn = referrals.referral_withdraw(
        actor=professional, family_id=family.pk, referral_id=referral.pk
    )
    assert withdrawn.status == ReferralStatus.WITHDRAWN
    assert AuditEntry.objects.filter(action="families.referral.withdraw").exists()
    with pytest.raises(ValidationError):
        referrals.referral_done(actor=ngo_worker, referral_id=referral.pk)


def test_the_sender_withdraws_but_another_member_may_not(
    kuraattori, school, family, ngo, professional
):
    add_member(family, kuraattori)
    colleague = UserFactory.create(organization=school, roles=[Role.PROFESSIONAL])
    add_member(family, colleague)
    give_consent(family, [school], categories=[DataCategory.REFERRALS])
    give_consent(family, [ngo], categories=[DataCategory.REFERRALS])
    referral = send(kuraattori, family, ngo, categories=[])
    with pytest.raises(PolicyDenied):
        referrals.referral_withdraw(actor=colleague, family_id=family.pk, referral_id=referral.pk)
    referrals.referral_withdraw(actor=kuraattori, family_id=family.pk, referral_id=referral.pk)


def test_the_receiver_cannot_withdraw(professional, ngo_worker, family, ngo, referral_consent):
    referral = send(professional, family, ngo)
    with pytest.raises(NotFound):
        referrals.referral_withdraw(actor=ngo_worker, family_id=family.pk, referral_id=referral.pk)


def test_a_referral_of_another_family_is_not_withdrawn_through_this_one(
    professional, family, ngo, referral_consent
):
    other = make_family(responsible=professional, name="Korhonen")
    give_consent(other, [ngo], categories=[DataCategory.REFERRALS])
    referral = send(professional, other, ngo, categories=[])
    with pytest.raises(NotFound):
        referrals.referral_withdraw(
            actor=professional, family_id=family.pk, referral_id=referral.pk
        )


# --- The family's side ---------------------------------------------------------------------------


def test_family_sections_list_the_referrals(professional, family, ngo, referral_consent):
    referral = send(professional, family, ngo)
    family_access = selectors.access_family(
        actor=professional, family_id=family.pk, categories=[DataCategory.REFERRALS]
    )
    assert selectors_referrals.referrals_of_family(family_access) == [referral]
    assert selectors_referrals.referrals_for_family(family) == [referral]
    assert selectors_referrals.referral_recipients(family_access) == [ngo]


def test_family_section_needs_the_referrals_grant(kuraattori, school, family):
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.PLAN])
    family_access = selectors.access_family(
        actor=kuraattori, family_id=family.pk, categories=[DataCategory.REFERRALS]
    )
    with pytest.raises(NotFound):
        selectors_referrals.referrals_of_family(family_access)
