"""Retention of family records: a record closed longer ago than FAMILIES_RETENTION_DAYS loses
every name, identity code, contact detail and written text, keeps what statistics need, is
audited with counts only, and is never done twice; an open or recently closed record is never
touched. Expired sign-in links are deleted. The command and the daily job run it."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.jobs.schedule import schedules
from perhekeskus.families import actions
from perhekeskus.families.models import (
    AccessLogEntry,
    Child,
    ChildView,
    Consent,
    CorrectionRequest,
    DataCategory,
    Family,
    FamilyCloseReason,
    FamilyStatus,
    Guardian,
    LegalAccess,
    LegalBasis,
    NetworkMeeting,
    Note,
    PlanAction,
    PlanVersion,
    Referral,
    ReferralStatus,
    ResponsibleChange,
    SignInLink,
    SupportPlan,
    TeamMember,
    TeamRole,
)
from perhekeskus.families.selectors import access_family
from perhekeskus.families.services.retention import families_anonymise, signin_links_purge
from perhekeskus.testing.factories import OrganizationFactory, UserFactory
from perhekeskus.testing.families import (
    PROTECTED_ADDRESS,
    VALID_PIC,
    add_member,
    give_consent,
    make_family,
)

pytestmark = pytest.mark.django_db

DAYS = 730
NOW = timezone.now()
LONG_AGO = NOW - dt.timedelta(days=DAYS + 1)
RECENTLY = NOW - dt.timedelta(days=DAYS - 1)


def full_family(responsible: Any, *, name: str = "Virtanen") -> Family:
    """A family with something in every field retention erases."""
    school = OrganizationFactory.create(name=f"Koulu {name}")
    kuraattori = UserFactory.create(organization=school)
    family = make_family(
        responsible=responsible,
        name=name,
        guardians=[
            {"personal_identity_code": VALID_PIC},
            {"address": PROTECTED_ADDRESS, "address_protected": True},
        ],
        children=[{"personal_identity_code": VALID_PIC, "address": PROTECTED_ADDRESS}],
    )
    add_member(family, kuraattori, TeamRole.SCHOOL_SOCIAL_WORKER)
    consent = give_consent(family, [school], categories=[DataCategory.PLAN])
    consent.note = "Äiti toivoi, ettei isälle kerrota"
    consent.save()
    child = family.children.get()
    ChildView.objects.create(consent=consent, child=child, age=9, view="Haluan kerhoon")
    plan = SupportPlan.objects.create(family=family, goals="Arki sujuu", version=1)
    meeting = NetworkMeeting.objects.create(
        family=family, starts_at=NOW, place="Neuvola, Kirkkotie 3", minutes="Sovittiin tuesta"
    )
    PlanAction.objects.create(plan=plan, text="Kerhopaikka", assignee_text="Äiti", meeting=meeting)
    PlanVersion.objects.create(plan=plan, number=1, snapshot='{"goals": "Arki sujuu"}')
    Note.objects.create(family=family, author=responsible, text="Soitettu kouluun")
    Referral.objects.create(
        family=family,
        from_organization=responsible.organization,
        to_organization=school,
        categories=["basic", "plan"],
        consent=consent,
        message="Perhe tarvitsee kerhon",
        status=ReferralStatus.DECLINED,
        sent_by=responsible,
        decline_reason="Ei tilaa",
    )
    LegalAccess.objects.create(
        family=family,
        actor=kuraattori,
        basis=LegalBasis.CHILD_WELFARE_NOTIFICATION,
        reason="Huoli lapsen turvallisuudesta",
        categories=["basic"],
        expires_at=NOW,
        review_note="Perusteltu",
    )
    CorrectionRequest.objects.create(family=family, text="Nimeni on väärin", response="Korjattu")
    ResponsibleChange.objects.create(
        family=family, new=responsible, reason="Vanhempainvapaa", changed_by=responsible
    )
    SignInLink.objects.create(
        guardian=family.guardians.first(),
        token_digest=f"digest-{family.pk}",
        expires_at=NOW + dt.timedelta(minutes=20),
    )
    access_family(actor=responsible, family_id=family.pk)  # a read in its access log
    return family


def close(family: Family, when: dt.datetime) -> None:
    Family.objects.filter(pk=family.pk).update(
        status=FamilyStatus.CLOSED, closed_at=when, close_reason=FamilyCloseReason.GOALS_MET
    )


def anonymise() -> int:
    return families_anonymise(older_than_days=DAYS, now=NOW)


def test_a_record_closed_past_the_retention_keeps_only_what_statistics_need(professional):
    family = full_family(professional)
    close(family, LONG_AGO)
    team_before = list(TeamMember.objects.filter(family=family).values_list("role", "organization"))
    consent_before = Consent.objects.filter(family=family).values(
        "purpose", "categories", "valid_from", "valid_until"
    )[0]
    log_before = AccessLogEntry.objects.filter(family=family).count()

    assert anonymise() == 1

    family.refresh_from_db()
    assert (family.name, family.name_digest) == ("", "")
    assert family.anonymized_at == NOW
    assert family.status == FamilyStatus.CLOSED
    assert family.close_reason == FamilyCloseReason.GOALS_MET
    assert family.municipality_id and family.organization_id and family.opened_at
    for guardian in Guardian.objects.filter(family=family):
        assert (guardian.name, guardian.address, guardian.email, guardian.phone) == ("",) * 4
        assert (guardian.personal_identity_code, guardian.pic_digest, guardian.email_digest) == (
            "",
        ) * 3
        assert guardian.custody_role  # kept
    (child,) = Child.objects.filter(family=family)
    assert (child.name, child.address, child.personal_identity_code, child.pic_digest) == ("",) * 4
    assert (child.birth_date, child.age_years, child.age_recorded_on) == (None, None, None)
    assert child.birth_year == 2016
    assert SupportPlan.objects.get(family=family).goals == ""
    action = PlanAction.objects.get(plan__family=family)
    assert (action.text, action.assignee_text) == ("", "")
    assert PlanVersion.objects.get(plan__family=family).snapshot == ""
    meeting = NetworkMeeting.objects.get(family=family)
    assert (meeting.minutes, meeting.place) == ("", "")
    assert meeting.starts_at == NOW
    assert Note.objects.get(family=family).text == ""
    referral = Referral.objects.get(family=family)
    assert (referral.message, referral.decline_reason) == ("", "")
    assert referral.status == ReferralStatus.DECLINED and referral.categories == ["basic", "plan"]
    assert Consent.objects.get(family=family).note == ""
    assert ChildView.objects.get(consent__family=family).view == ""
    assert ChildView.objects.get(consent__family=family).age == 9
    legal = LegalAccess.objects.get(family=family)
    assert (legal.reason, legal.review_note) == ("", "")
    correction = CorrectionRequest.objects.get(family=family)
    assert (correction.text, correction.response) == ("", "")
    assert set(
        ResponsibleChange.objects.filter(family=family).values_list("reason", flat=True)
    ) == {""}
    assert not SignInLink.objects.filter(guardian__family=family).exists()
    # What statistics need, and the access log, stay as they were.
    assert (
        list(TeamMember.objects.filter(family=family).values_list("role", "organization"))
        == team_before
    )
    assert (
        Consent.objects.filter(family=family).values(
            "purpose", "categories", "valid_from", "valid_until"
        )[0]
        == consent_before
    )
    assert AccessLogEntry.objects.filter(family=family).count() == log_before


def test_the_anonymisation_is_audited_with_counts_and_no_personal_data(professional):
    close(full_family(professional), LONG_AGO)
    anonymise()
    (entry,) = AuditEntry.objects.filter(action=actions.FAMILY_ANONYMISE)
    assert entry.details["families"] == 1
    assert entry.details["children"] == 1
    assert entry.details["guardians"] == 2
    assert entry.details["signin_links"] == 1
    assert entry.details["texts"] >= 11
    text = str(entry.details)
    for secret in ("Virtanen", PROTECTED_ADDRESS, VALID_PIC, "huoltaja1@example.org"):
        assert secret not in text


def test_an_open_or_recently_closed_record_is_never_anonymised(professional):
    open_family = full_family(professional, name="Avoin")
    recent = full_family(professional, name="Tuore")
    close(recent, RECENTLY)
    assert anonymise() == 0
    for family in (open_family, recent):
        family.refresh_from_db()
        assert family.anonymized_at is None
        assert family.name in ("Avoin", "Tuore")
        codes = [g.personal_identity_code for g in Guardian.objects.filter(family=family)]
        assert VALID_PIC in codes
        assert Note.objects.get(family=family).text == "Soitettu kouluun"
    assert not AuditEntry.objects.filter(action=actions.FAMILY_ANONYMISE).exists()


def test_a_second_run_changes_nothing(professional):
    family = full_family(professional)
    close(family, LONG_AGO)
    assert anonymise() == 1
    family.refresh_from_db()
    first = family.anonymized_at
    assert families_anonymise(older_than_days=DAYS, now=NOW + dt.timedelta(days=1)) == 0
    family.refresh_from_db()
    assert family.anonymized_at == first
    assert AuditEntry.objects.filter(action=actions.FAMILY_ANONYMISE).count() == 1


def test_batches_each_have_their_own_audit_entry(professional):
    for number in range(5):
        close(make_family(responsible=professional, name=f"Perhe {number}"), LONG_AGO)
    assert families_anonymise(older_than_days=DAYS, now=NOW, batch_size=2) == 5
    counts = sorted(
        entry.details["families"]
        for entry in AuditEntry.objects.filter(action=actions.FAMILY_ANONYMISE)
    )
    assert counts == [1, 2, 2]
    assert not Family.objects.filter(anonymized_at__isnull=True).exists()


@override_settings(FAMILIES_RETENTION_DAYS=10)
def test_the_retention_period_is_the_setting(professional):
    family = make_family(responsible=professional)
    close(family, timezone.now() - dt.timedelta(days=11))
    assert families_anonymise() == 1


def test_the_command_anonymises_and_reports(professional):
    family = make_family(responsible=professional)
    close(family, LONG_AGO)
    out = StringIO()
    call_command("anonymize_families", f"--days={DAYS}", stdout=out)
    assert "Anonymised 1 closed family record(s)" in out.getvalue()
    family.refresh_from_db()
    assert family.anonymized_at is not None


def test_expired_sign_in_links_are_purged(professional):
    guardian = make_family(responsible=professional).guardians.get()
    now = timezone.now()
    for digest, expires in (
        ("old", now - dt.timedelta(days=2)),
        ("just-expired", now - dt.timedelta(minutes=5)),
        ("live", now + dt.timedelta(minutes=10)),
    ):
        SignInLink.objects.create(guardian=guardian, token_digest=digest, expires_at=expires)
    assert signin_links_purge(now=now) == 1
    assert set(SignInLink.objects.values_list("token_digest", flat=True)) == {
        "just-expired",
        "live",
    }


def test_the_jobs_are_scheduled():
    registered = schedules()
    assert registered["families.anonymise"].every == dt.timedelta(days=1)
    assert "families.signin_links_purge" in registered
