"""The consents' services: recording, a further guardian giving, revoking (by the responsible
worker or a guardian), the all-custodians rule, and that revoking takes effect at once."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.models import Organization
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.families import actions, selectors
from perhekeskus.families.models import (
    ChildView,
    Consent,
    ConsentMethod,
    ConsentPurpose,
    CustodyRole,
    DataCategory,
    Family,
    FamilyStatus,
    Guardian,
)
from perhekeskus.families.services import consents
from perhekeskus.testing.families import add_member, give_consent, make_family

pytestmark = pytest.mark.django_db


@dataclass
class Input:
    purpose: str = ConsentPurpose.SCHOOL
    recipients: list[Organization] = field(default_factory=list)
    categories: list[str] = field(default_factory=lambda: [DataCategory.PLAN])
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None
    given_by: list[int] = field(default_factory=lambda: [0])
    method: str = ConsentMethod.WRITTEN
    child_views: dict[int, str] = field(default_factory=dict)
    note: str = ""


def data(school: Organization, **overrides: object) -> Input:
    today = timezone.localdate()
    values: dict[str, object] = {
        "recipients": [school],
        "valid_from": today,
        "valid_until": today + datetime.timedelta(days=180),
        **overrides,
    }
    return Input(**values)  # type: ignore[arg-type]


@pytest.fixture
def family(professional):
    return make_family(responsible=professional, guardians=({}, {}))


def test_responsible_worker_records_a_consent(professional, school, family):
    consent = consents.consent_record(
        actor=professional,
        family_id=family.pk,
        data=data(school, child_views={0: "Haluan että koulu tietää."}),
    )
    assert consent.categories == sorted([DataCategory.BASIC, DataCategory.PLAN])
    assert list(consent.recipients.all()) == [school]
    assert consent.is_complete
    assert not consent.requires_all_custodians
    view = ChildView.objects.get(consent=consent)
    assert view.view == "Haluan että koulu tietää."
    assert view.age == family.children.get().age_on(timezone.localdate())
    entry = AuditEntry.objects.get(action=actions.CONSENT_RECORD.name)
    assert entry.details["purpose"] == ConsentPurpose.SCHOOL
    assert "Haluan" not in str(entry.details)


def test_a_team_member_may_not_record_a_consent(kuraattori, school, family):
    add_member(family, kuraattori)
    give_consent(family, [school])
    with pytest.raises(PolicyDenied):
        consents.consent_record(actor=kuraattori, family_id=family.pk, data=data(school))


def test_an_outsider_finds_no_family_to_record_a_consent_for(kuraattori, school, family):
    with pytest.raises(NotFound):
        consents.consent_record(actor=kuraattori, family_id=family.pk, data=data(school))


def test_consent_cannot_end_before_it_starts(professional, school, family):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        consents.consent_record(
            actor=professional,
            family_id=family.pk,
            data=data(school, valid_until=today - datetime.timedelta(days=1)),
        )
    assert "valid_until" in error.value.message_dict
    assert not Consent.objects.exists()


def test_consent_needs_a_recipient_and_a_giver(professional, school, family):
    with pytest.raises(ValidationError) as error:
        consents.consent_record(
            actor=professional, family_id=family.pk, data=data(school, recipients=[], given_by=[])
        )
    assert {"recipients", "given_by"} <= set(error.value.message_dict)


def test_coordination_needs_every_custodian(professional, school, kuraattori, family):
    add_member(family, kuraattori)
    consent = consents.consent_record(
        actor=professional,
        family_id=family.pk,
        data=data(school, purpose=ConsentPurpose.COORDINATION),
    )
    assert consent.requires_all_custodians
    assert not consent.is_complete
    with pytest.raises(NotFound):
        selectors.access_family(actor=kuraattori, family_id=family.pk)
    second = Guardian.objects.filter(family=family).order_by("created_at", "pk")[1]
    consents.consent_give(
        actor=professional,
        family_id=family.pk,
        consent_id=consent.pk,
        guardian_id=second.pk,
        method=ConsentMethod.ORAL,
        given_on=timezone.localdate(),
    )
    consent.refresh_from_db()
    assert consent.is_complete
    selectors.access_family(actor=kuraattori, family_id=family.pk)
    assert AuditEntry.objects.get(action=actions.CONSENT_GIVE.name).details["took_effect"]


def test_a_parent_without_custody_is_not_needed(professional, school):
    family = make_family(
        responsible=professional, guardians=({}, {"custody_role": CustodyRole.PARENT})
    )
    consent = consents.consent_record(
        actor=professional,
        family_id=family.pk,
        data=data(school, purpose=ConsentPurpose.COORDINATION),
    )
    assert consent.is_complete


def test_custody_change_recomputes(professional, school):
    family = make_family(
        responsible=professional, guardians=({}, {"custody_role": CustodyRole.PARENT})
    )
    consent = consents.consent_record(
        actor=professional,
        family_id=family.pk,
        data=data(school, purpose=ConsentPurpose.COORDINATION),
    )
    Guardian.objects.filter(family=family, custody_role=CustodyRole.PARENT).update(
        custody_role=CustodyRole.CUSTODIAN
    )
    consents.recompute_complete(family)
    consent.refresh_from_db()
    assert not consent.is_complete


def test_a_guardian_gives_only_once(professional, school, family):
    consent = give_consent(family, [school], given_by=list(family.guardians.all()[:1]))
    first = family.guardians.order_by("created_at", "pk").first()
    with pytest.raises(ValidationError) as error:
        consents.consent_give(
            actor=professional,
            family_id=family.pk,
            consent_id=consent.pk,
            guardian_id=first.pk,
            method=ConsentMethod.ORAL,
            given_on=timezone.localdate(),
        )
    assert "guardian" in error.value.message_dict


def test_a_team_member_may_not_record_a_giving(kuraattori, school, family):
    add_member(family, kuraattori)
    consent = give_consent(family, [school], given_by=list(family.guardians.all()[:1]))
    with pytest.raises(PolicyDenied):
        consents.consent_give(
            actor=kuraattori,
            family_id=family.pk,
            consent_id=consent.pk,
            guardian_id=family.guardians.last().pk,
            method=ConsentMethod.ORAL,
            given_on=timezone.localdate(),
        )


def test_revoking_takes_effect_at_once(professional, school, kuraattori, family):
    add_member(family, kuraattori)
    consent = give_consent(family, [school])
    selectors.access_family(actor=kuraattori, family_id=family.pk)
    consents.consent_revoke(actor=professional, family_id=family.pk, consent_id=consent.pk)
    with pytest.raises(NotFound):
        selectors.access_family(actor=kuraattori, family_id=family.pk)
    entry = AuditEntry.objects.get(action=actions.CONSENT_REVOKE.name)
    assert entry.details["by"] == "worker"


def test_a_guardian_revokes_at_once(school, kuraattori, family):
    add_member(family, kuraattori)
    consent = give_consent(family, [school])
    guardian = family.guardians.first()
    consents.consent_revoke(guardian=guardian, family_id=family.pk, consent_id=consent.pk)
    consent.refresh_from_db()
    assert consent.revoked_by_guardian == guardian
    assert consent.revoked_by is None
    with pytest.raises(NotFound):
        selectors.access_family(actor=kuraattori, family_id=family.pk)
    entry = AuditEntry.objects.get(action=actions.CONSENT_REVOKE.name)
    assert entry.details["by"] == "guardian"
    assert entry.actor_id is None


def test_a_guardian_of_another_family_may_not_revoke(professional, school, family):
    consent = give_consent(family, [school])
    other = make_family(responsible=professional, name="Korhonen")
    with pytest.raises(NotFound):
        consents.consent_revoke(
            guardian=other.guardians.first(), family_id=family.pk, consent_id=consent.pk
        )
    with pytest.raises(NotFound):
        consents.consent_revoke(
            guardian=other.guardians.first(), family_id=other.pk, consent_id=consent.pk
        )
    consent.refresh_from_db()
    assert consent.revoked_at is None


def test_a_parent_without_custody_revokes_only_what_they_gave(professional, school):
    family = make_family(
        responsible=professional, guardians=({}, {"custody_role": CustodyRole.PARENT})
    )
    custodian, parent = family.guardians.order_by("created_at", "pk")
    consent = give_consent(family, [school], given_by=[custodian])
    with pytest.raises(PolicyDenied):
        consents.consent_revoke(guardian=parent, family_id=family.pk, consent_id=consent.pk)


def test_a_team_member_may_not_revoke(kuraattori, school, family):
    add_member(family, kuraattori)
    consent = give_consent(family, [school])
    with pytest.raises(PolicyDenied):
        consents.consent_revoke(actor=kuraattori, family_id=family.pk, consent_id=consent.pk)


def test_revoking_twice_is_refused(professional, school, family):
    consent = give_consent(family, [school], revoked=True)
    with pytest.raises(ValidationError):
        consents.consent_revoke(actor=professional, family_id=family.pk, consent_id=consent.pk)


def test_an_expired_consent_opens_nothing(professional, school, kuraattori, family):
    add_member(family, kuraattori)
    today = timezone.localdate()
    give_consent(
        family,
        [school],
        valid_from=today - datetime.timedelta(days=60),
        valid_until=today - datetime.timedelta(days=1),
    )
    with pytest.raises(NotFound):
        selectors.access_family(actor=kuraattori, family_id=family.pk)


def test_a_closed_record_takes_no_new_consent_but_can_still_be_revoked(
    professional, school, family
):
    consent = give_consent(family, [school])
    Family.objects.filter(pk=family.pk).update(status=FamilyStatus.CLOSED, closed_at=timezone.now())
    with pytest.raises(ValidationError):
        consents.consent_record(actor=professional, family_id=family.pk, data=data(school))
    consents.consent_revoke(actor=professional, family_id=family.pk, consent_id=consent.pk)
    consent.refresh_from_db()
    assert consent.revoked_at is not None


def test_a_consent_of_another_family_is_not_found(professional, school, family):
    other = make_family(responsible=professional, name="Korhonen")
    consent = give_consent(other, [school])
    with pytest.raises(NotFound):
        consents.consent_revoke(actor=professional, family_id=family.pk, consent_id=consent.pk)
