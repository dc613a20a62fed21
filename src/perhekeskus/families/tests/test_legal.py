"""Reading under a law: only a professional, only with a basis and a reason, found by a personal
identity code, marked in the access log, on the coordinators' review list until reviewed."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone, translation

from perhekeskus.audit.models import AuditEntry
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.core.roles import Role
from perhekeskus.families import actions, selectors, selectors_consents
from perhekeskus.families.models import (
    AccessBasis,
    AccessLogEntry,
    DataCategory,
    LegalAccess,
    LegalBasis,
)
from perhekeskus.families.services import legal
from perhekeskus.testing.factories import UserFactory
from perhekeskus.testing.families import VALID_PIC, make_family

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


REASON = "Koulu teki lastensuojeluilmoituksen, selvitän perheen tilanteen."


@pytest.fixture
def family(professional):
    return make_family(responsible=professional, children=({"personal_identity_code": VALID_PIC},))


def open_reading(actor, **overrides):
    values = {
        "personal_identity_code": VALID_PIC,
        "basis": LegalBasis.CHILD_WELFARE_ASSESSMENT,
        "reason": REASON,
        "categories": [DataCategory.PLAN],
        **overrides,
    }
    return legal.legal_access_open(actor=actor, **values)


def test_a_professional_reads_under_a_law_and_it_is_marked(reader, family):
    with pytest.raises(NotFound):
        selectors.access_family(actor=reader, family_id=family.pk)
    access = open_reading(reader)
    assert access.family == family
    assert access.categories == [DataCategory.BASIC, DataCategory.PLAN]
    fa = selectors.access_family(
        actor=reader, family_id=family.pk, categories=[DataCategory.PLAN, DataCategory.NOTES]
    )
    assert fa.read == {DataCategory.BASIC, DataCategory.PLAN}
    assert fa.under_law
    entries = AccessLogEntry.objects.filter(family=family, actor=reader)
    assert {e.basis for e in entries} == {AccessBasis.LAW}
    assert {e.legal_access_id for e in entries} == {access.pk}
    audit = AuditEntry.objects.get(action=actions.LEGAL_ACCESS.name)
    assert audit.reason == "" and REASON not in str(audit.details)  # its words stay encrypted
    assert REASON not in str(audit.details)
    assert [r.pk for r in selectors_consents.open_legal_readings(fa)] == [access.pk]
    owner = selectors.access_family(actor=family.responsible, family_id=family.pk)
    rows = selectors_consents.access_log_entries(owner).object_list
    assert any(row.under_law for row in rows)


@override_settings(FAMILIES_LEGAL_ACCESS_HOURS=2)
def test_the_reading_ends(reader, family):
    access = open_reading(reader)
    assert access.expires_at - access.granted_at == datetime.timedelta(hours=2)
    LegalAccess.objects.filter(pk=access.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with pytest.raises(NotFound):
        selectors.access_family(actor=reader, family_id=family.pk)


def test_a_coordinator_without_the_professional_role_may_not_read_under_a_law(coordinator, family):
    with pytest.raises(PolicyDenied):
        open_reading(coordinator)
    assert not LegalAccess.objects.exists()


def test_basis_and_reason_are_checked_before_the_code(reader, family):
    with pytest.raises(ValidationError) as error:
        open_reading(reader, basis="", reason="", personal_identity_code="131052-308T")
    assert set(error.value.message_dict) == {"basis", "reason"}
    with pytest.raises(ValidationError) as error:
        open_reading(reader, reason="short", personal_identity_code="010101-0101")
    assert "reason" in error.value.message_dict
    assert "No family record" not in str(error.value)


def test_an_unknown_code_finds_nothing(reader, family):
    with pytest.raises(ValidationError) as error:
        open_reading(reader, personal_identity_code="010190-123L")
    assert error.value.message_dict.keys() == {"personal_identity_code"}
    # A valid code that matches nobody: said only now that the basis and reason are given.
    other = "311299-999E"
    with pytest.raises(ValidationError) as error:
        open_reading(reader, personal_identity_code=other)
    assert error.value.message_dict["personal_identity_code"] == [
        "No family record with this code."
    ]
    assert not LegalAccess.objects.exists()
    # The miss leaves a trace with its reason, never the code.
    miss = AuditEntry.objects.get(action=actions.LEGAL_ACCESS_NO_MATCH.name)
    assert miss.actor_id == reader.pk
    assert miss.reason == "" and REASON not in str(miss.details)
    assert other not in str(miss.details)
    assert other not in miss.reason


def test_the_responsible_worker_needs_no_reading_under_a_law(professional, family):
    with pytest.raises(ValidationError) as error:
        open_reading(professional)
    assert "personal_identity_code" in error.value.message_dict
    assert not LegalAccess.objects.exists()


def test_a_guardians_code_finds_the_family(reader, professional):
    family = make_family(
        responsible=professional, guardians=({"personal_identity_code": VALID_PIC},)
    )
    assert open_reading(reader).family == family


def test_review_list_and_review_by_coordinator(reader, family, coordinator):
    first = open_reading(reader)
    second = open_reading(reader)
    legal.legal_access_review(actor=coordinator, legal_access_id=first.pk, note="Asiallinen.")
    rows = selectors_consents.legal_access_reviews(coordinator).object_list
    assert [row.access.pk for row in rows] == [second.pk, first.pk]
    assert rows[0].access.reason == REASON
    assert rows[0].family_number == str(family.pk)
    assert rows[1].reviewed and rows[1].reviewer
    assert selectors_consents.unreviewed_count(coordinator) == 1
    with pytest.raises(ValidationError):
        legal.legal_access_review(actor=coordinator, legal_access_id=first.pk, note="")
    assert AuditEntry.objects.filter(action=actions.LEGAL_ACCESS_REVIEW.name).count() == 1


def test_a_professional_may_not_review(reader, family, professional):
    access = open_reading(reader)
    with pytest.raises(PolicyDenied):
        legal.legal_access_review(actor=professional, legal_access_id=access.pk, note="")
    with pytest.raises(PolicyDenied):
        selectors_consents.legal_access_reviews(professional)
    access.refresh_from_db()
    assert access.reviewed_at is None


def test_nobody_reviews_their_own_reading(family, organization):
    both = UserFactory.create(
        organization=organization, roles=[Role.PROFESSIONAL, Role.COORDINATOR]
    )
    access = open_reading(both)
    with pytest.raises(ValidationError):
        legal.legal_access_review(actor=both, legal_access_id=access.pk, note="")
