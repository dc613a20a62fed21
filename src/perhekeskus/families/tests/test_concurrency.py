"""Family coordination's concurrent paths, proven on PostgreSQL and on a SQLite file
(`.ci/run` runs this file on both): a sign-in link used from several tabs at once signs in
once, two receivers answering the same referral at once leave one answer, and the same
professional added to a team twice at once is one member."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from perhekeskus.core.roles import Role
from perhekeskus.families.models import (
    DataCategory,
    Guardian,
    Referral,
    ReferralStatus,
    SignInLink,
    TeamMember,
    TeamRole,
)
from perhekeskus.families.services import referrals, signin, team
from perhekeskus.testing.concurrency import at_once, concurrent
from perhekeskus.testing.factories import OrganizationFactory, UserFactory
from perhekeskus.testing.families import give_consent, make_family

pytestmark = [concurrent, pytest.mark.django_db(transaction=True)]


def test_a_sign_in_link_used_from_five_tabs_at_once_signs_in_once() -> None:
    worker = UserFactory.create(roles=[Role.PROFESSIONAL])
    family = make_family(responsible=worker)
    guardian = Guardian.objects.get(family=family)
    token = "concurrent-token-1234567890"
    SignInLink.objects.create(
        guardian=guardian,
        token_digest=signin.token_digest(token),
        expires_at=timezone.now() + dt.timedelta(minutes=10),
    )

    def use(_: int) -> Any:
        with transaction.atomic():
            return signin.link_consume(token=token)

    results = at_once(5, use)
    assert [r for r in results if isinstance(r, Guardian)] == [guardian], results
    assert results.count(None) == 4, results
    assert SignInLink.objects.get().used_at is not None


def test_two_receivers_answering_one_referral_at_once_leave_one_answer() -> None:
    worker = UserFactory.create(roles=[Role.PROFESSIONAL])
    ngo = OrganizationFactory.create()
    family = make_family(responsible=worker)
    consent = give_consent(family, [worker.organization, ngo], categories=[DataCategory.REFERRALS])
    referral = Referral.objects.create(
        family=family,
        from_organization=worker.organization,
        to_organization=ngo,
        categories=[DataCategory.BASIC, DataCategory.REFERRALS],
        consent=consent,
        message="Perhekahvila ja vapaaehtoinen tukiperhe",
        sent_by=worker,
    )
    receivers = UserFactory.create_batch(2, organization=ngo, roles=[Role.PROFESSIONAL])

    def answer(index: int) -> Any:
        if index == 0:
            return referrals.referral_accept(actor=receivers[0], referral_id=referral.pk)
        return referrals.referral_decline(
            actor=receivers[1], referral_id=referral.pk, reason="Ei tilaa ryhmässä tänä keväänä."
        )

    results = at_once(2, answer)
    answered = [r for r in results if isinstance(r, Referral)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(answered) == 1 and len(refused) == 1, results
    referral.refresh_from_db()
    assert referral.status == answered[0].status
    assert referral.status in {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED}


def test_the_same_professional_added_twice_at_once_is_one_member() -> None:
    worker = UserFactory.create(roles=[Role.PROFESSIONAL])
    school = OrganizationFactory.create()
    family = make_family(responsible=worker)
    give_consent(family, [school], categories=[DataCategory.PLAN])
    kuraattori = UserFactory.create(organization=school, roles=[Role.PROFESSIONAL])

    def add(_: int) -> Any:
        return team.team_member_add(
            actor=worker,
            family_id=family.pk,
            user_id=kuraattori.pk,
            role=TeamRole.SCHOOL_SOCIAL_WORKER,
        )

    results = at_once(3, add)
    assert sum(isinstance(r, TeamMember) for r in results) == 1, results
    assert all(isinstance(r, TeamMember | ValidationError) for r in results), results
    assert TeamMember.objects.filter(family=family, removed_at__isnull=True).count() == 1
