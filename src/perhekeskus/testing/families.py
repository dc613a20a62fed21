"""Test data for family coordination: a family with guardians and children, its team and its
consents, written straight to the tables (the services are what the tests test).

    family = make_family(responsible=worker)                    # one custodian, one child
    member = add_member(family, school_worker, TeamRole.SCHOOL_SOCIAL_WORKER)
    consent = give_consent(family, [school], categories=["plan"])  # in force today
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.catalog.models import Municipality, Organization
from perhekeskus.families.identity import email_digest, name_digest, pic_digest
from perhekeskus.families.models import (
    Child,
    Consent,
    ConsentGiven,
    ConsentMethod,
    ConsentPurpose,
    DataCategory,
    Family,
    Guardian,
    ResponsibleChange,
    TeamMember,
    TeamRole,
)
from perhekeskus.testing.factories import MunicipalityFactory

# A valid personal identity code (check character T) for tests that need one.
VALID_PIC = "131052-308T"
PROTECTED_ADDRESS = "Salainen polku 7 B 12, 07500 Askola"
OPEN_ADDRESS = "Kirkkotie 3, 07500 Askola"


def make_family(
    *,
    responsible: User,
    name: str = "Virtanen",
    municipality: Municipality | None = None,
    organization: Organization | None = None,
    guardians: Sequence[dict[str, Any]] = ({},),
    children: Sequence[dict[str, Any]] = ({},),
) -> Family:
    """An open family with guardians and children (each a dict of field overrides), the
    `responsible` as its responsible worker, and the opening in its hand-over history."""
    owner = organization or responsible.organization
    assert owner is not None, "the responsible worker needs an organisation"
    family = Family.objects.create(
        name=name,
        name_digest=name_digest(name),
        municipality=municipality or MunicipalityFactory.create(),
        organization=owner,
        responsible=responsible,
        opened_by=responsible,
    )
    ResponsibleChange.objects.create(family=family, new=responsible, changed_by=responsible)
    for number, overrides in enumerate(guardians, start=1):
        fields: dict[str, Any] = {
            "name": f"Huoltaja {number} {name}",
            "email": f"huoltaja{number}@example.org",
            "phone": f"040 123 45{number:02d}",
            "address": OPEN_ADDRESS,
            **overrides,
        }
        fields.setdefault("email_digest", email_digest(fields["email"]))
        fields.setdefault("pic_digest", pic_digest(fields.get("personal_identity_code", "")))
        Guardian.objects.create(family=family, **fields)
    for number, overrides in enumerate(children, start=1):
        fields = {
            "name": f"Lapsi {number} {name}",
            "birth_date": datetime.date(2016, 5, number),
            "address": OPEN_ADDRESS,
            **overrides,
        }
        fields.setdefault("pic_digest", pic_digest(fields.get("personal_identity_code", "")))
        Child.objects.create(family=family, **fields)
    return family


def add_member(
    family: Family, user: User, role: str = TeamRole.SCHOOL_SOCIAL_WORKER, **fields: Any
) -> TeamMember:
    assert user.organization is not None
    return TeamMember.objects.create(
        family=family,
        user=user,
        organization=user.organization,
        role=role,
        added_by=family.responsible,
        **fields,
    )


def give_consent(
    family: Family,
    recipients: Sequence[Organization],
    *,
    categories: Sequence[str] = (),
    purpose: str = ConsentPurpose.COORDINATION,
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
    given_by: Sequence[Guardian] | None = None,
    revoked: bool = False,
) -> Consent:
    """A consent given by `given_by` (every guardian by default), complete, in force from today
    for a year unless the dates say otherwise. BASIC is always among its categories."""
    today = timezone.localdate()
    consent = Consent.objects.create(
        family=family,
        purpose=purpose,
        categories=sorted({DataCategory.BASIC.value, *categories}),
        valid_from=valid_from or today,
        valid_until=valid_until or today + datetime.timedelta(days=365),
        is_complete=True,
        recorded_by=family.responsible,
        revoked_at=timezone.now() if revoked else None,
    )
    consent.recipients.set(recipients)
    for guardian in given_by if given_by is not None else family.guardians.all():
        ConsentGiven.objects.create(
            consent=consent,
            guardian=guardian,
            method=ConsentMethod.WRITTEN,
            given_on=consent.valid_from,
            recorded_by=family.responsible,
        )
    return consent
