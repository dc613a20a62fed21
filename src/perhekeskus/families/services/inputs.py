"""What a form hands to the record's services: a guardian, a child and a consent as typed, before
they are stored. The fields are the models' (`models.Guardian`, `models.Child`, `models.Consent`);
the services validate them (a form's checks are for the person typing, not a guarantee)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from perhekeskus.catalog.models import Organization
from perhekeskus.families.models import ConsentMethod, CustodyRole, PreferredLanguage


@dataclass
class GuardianInput:
    name: str
    email: str = ""
    phone: str = ""
    address: str = ""
    address_protected: bool = False
    # Empty: none given (on a change: keep the stored code, see `person_update`).
    personal_identity_code: str = ""
    preferred_language: str = PreferredLanguage.FI
    interpreter_needed: bool = False
    interpreter_language: str = ""
    custody_role: str = CustodyRole.CUSTODIAN


@dataclass
class ChildInput:
    name: str
    birth_date: datetime.date | None = None
    # When only the age is known; recorded on `age_recorded_on` (today when not given).
    age_years: int | None = None
    age_recorded_on: datetime.date | None = None
    address: str = ""
    address_protected: bool = False
    personal_identity_code: str = ""


@dataclass
class ConsentInput:
    """A consent as recorded: `given_by` are indexes into the guardians it is recorded with
    (the family's guardians, in their order, when the record already exists), `child_views`
    the child's own view by index into the children."""

    purpose: str
    recipients: list[Organization]
    categories: list[str]
    valid_from: datetime.date
    valid_until: datetime.date
    given_by: list[int] = field(default_factory=list)
    method: str = ConsentMethod.WRITTEN
    child_views: dict[int, str] = field(default_factory=dict)
    note: str = ""
