"""The family's team (`services/team.py`): the responsible worker adds, changes and removes
members; adding someone whose organisation no consent in force names is refused with a message
naming the organisation."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.core.roles import Role
from perhekeskus.families import actions, selectors
from perhekeskus.families.models import TeamMember, TeamRole
from perhekeskus.families.services import records, team
from perhekeskus.testing.factories import UserFactory
from perhekeskus.testing.families import add_member, give_consent

pytestmark = pytest.mark.django_db


@pytest.fixture
def psychologist(school):
    return UserFactory.create(organization=school, roles=[Role.PROFESSIONAL])


def _add(actor, family, user, role=TeamRole.SCHOOL_SOCIAL_WORKER):
    return team.team_member_add(actor=actor, family_id=family.pk, user_id=user.pk, role=role)


def test_team_member_add_allowed(professional, kuraattori, school, family):
    give_consent(family, [school])
    member = _add(professional, family, kuraattori)
    assert member.organization == school
    assert member.added_by == professional
    # Now the member reads the family (BASIC) under the consent.
    assert selectors.access_family(actor=kuraattori, family_id=family.pk).family == family
    (entry,) = AuditEntry.objects.filter(action=actions.TEAM_ADD.name)
    assert entry.details["role"] == TeamRole.SCHOOL_SOCIAL_WORKER


@pytest.mark.parametrize("state", ["none", "expired", "revoked"])
def test_team_member_add_refused_without_a_consent_naming_the_organisation(
    professional, kuraattori, school, family, state
):
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
    give_consent(family, [professional.organization])  # another organisation's does not count
    with pytest.raises(ValidationError) as caught:
        _add(professional, family, kuraattori)
    (message,) = caught.value.message_dict["user"]
    assert "Askolan koulu" in message
    assert not TeamMember.objects.filter(family=family).exists()
    assert not AuditEntry.objects.filter(action=actions.TEAM_ADD.name).exists()


def test_team_member_add_denied_to_a_team_member(kuraattori, psychologist, school, family):
    give_consent(family, [school])
    add_member(family, kuraattori)
    with pytest.raises(PolicyDenied):
        _add(kuraattori, family, psychologist)
    assert TeamMember.objects.filter(family=family).count() == 1


def test_team_member_add_is_not_found_for_an_outsider(kuraattori, psychologist, family):
    with pytest.raises(NotFound):
        _add(kuraattori, family, psychologist)


def test_team_member_add_denied_on_a_closed_record(professional, kuraattori, school, family):
    give_consent(family, [school])
    records.family_close(actor=professional, family_id=family.pk, reason="goals_met")
    with pytest.raises(PolicyDenied):
        _add(professional, family, kuraattori)


def test_team_member_add_refuses_a_non_professional_and_a_second_membership(
    professional, coordinator, kuraattori, school, family
):
    give_consent(family, [school, coordinator.organization])
    with pytest.raises(ValidationError):
        _add(professional, family, coordinator)
    _add(professional, family, kuraattori)
    with pytest.raises(ValidationError):
        _add(professional, family, kuraattori)
    with pytest.raises(ValidationError):
        _add(professional, family, professional)
    with pytest.raises(ValidationError):
        _add(professional, family, kuraattori, role="boss")


def test_team_member_update_allowed_and_denied(professional, kuraattori, school, family):
    give_consent(family, [school])
    member = add_member(family, kuraattori)
    with pytest.raises(PolicyDenied):
        team.team_member_update(
            actor=kuraattori, family_id=family.pk, member_id=member.pk, role=TeamRole.PSYCHOLOGIST
        )
    member.refresh_from_db()
    assert member.role == TeamRole.SCHOOL_SOCIAL_WORKER
    team.team_member_update(
        actor=professional, family_id=family.pk, member_id=member.pk, role=TeamRole.PSYCHOLOGIST
    )
    member.refresh_from_db()
    assert member.role == TeamRole.PSYCHOLOGIST


def test_team_member_remove_ends_the_reads_at_once(professional, kuraattori, school, family):
    give_consent(family, [school])
    member = add_member(family, kuraattori)
    with pytest.raises(PolicyDenied):
        team.team_member_remove(actor=kuraattori, family_id=family.pk, member_id=member.pk)
    team.team_member_remove(actor=professional, family_id=family.pk, member_id=member.pk)
    member.refresh_from_db()
    assert member.removed_at is not None and member.removed_by == professional
    with pytest.raises(NotFound):
        selectors.access_family(actor=kuraattori, family_id=family.pk)
    # A second removal finds no current member.
    with pytest.raises(NotFound):
        team.team_member_remove(actor=professional, family_id=family.pk, member_id=member.pk)


def test_team_changes_refused_on_a_closed_record(professional, kuraattori, school, family):
    give_consent(family, [school])
    member = add_member(family, kuraattori)
    records.family_close(actor=professional, family_id=family.pk, reason="goals_met")
    with pytest.raises(PolicyDenied):
        team.team_member_update(
            actor=professional, family_id=family.pk, member_id=member.pk, role=TeamRole.TEACHER
        )
    with pytest.raises(PolicyDenied):
        team.team_member_remove(actor=professional, family_id=family.pk, member_id=member.pk)
    member.refresh_from_db()
    assert member.role == TeamRole.SCHOOL_SOCIAL_WORKER and member.removed_at is None


def test_team_audit_details_hold_no_personal_data(professional, kuraattori, school, family):
    give_consent(family, [school])
    _add(professional, family, kuraattori)
    (entry,) = AuditEntry.objects.filter(action=actions.TEAM_ADD.name)
    assert set(entry.details) == {"family", "user", "organization", "role"}
    assert kuraattori.full_name not in str(entry.details)
