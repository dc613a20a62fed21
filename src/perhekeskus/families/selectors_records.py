"""Reads of the record itself beyond `selectors.py`: its hand-over history, one person or one
team member for a change form, the people a record can be handed to or a team joined by. Each
read of the family's data takes the `FamilyAccess` proof of the page that asks (the page's
`access_family` logged it)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from perhekeskus.accounts.models import User
from perhekeskus.accounts.selectors import user_list_with_role
from perhekeskus.core.errors import NotFound
from perhekeskus.core.policies import is_coordinator
from perhekeskus.core.roles import Role
from perhekeskus.families.identity import mask_pic
from perhekeskus.families.ids import parse_id
from perhekeskus.families.models import (
    Child,
    DataCategory,
    Family,
    FamilyStatus,
    Guardian,
    ResponsibleChange,
    TeamMember,
)
from perhekeskus.families.selectors import PAGE_SIZE, FamilyAccess

GUARDIAN = "guardian"
CHILD = "child"
PERSON_KINDS = (GUARDIAN, CHILD)


def family_handovers(family_access: FamilyAccess) -> list[ResponsibleChange]:
    """Who has been the family's responsible worker, when and why, oldest first (BASIC: the
    responsible worker is part of it). The reason is the responsible worker's to read."""
    family_access.require(DataCategory.BASIC)
    return list(
        ResponsibleChange.objects.filter(family=family_access.family)
        .select_related("previous", "new", "new__organization", "changed_by")
        .order_by("changed_at", "pk")
    )


def family_team_history(family_access: FamilyAccess) -> list[TeamMember]:
    """Everyone who has been on the family's team, those who left too (BASIC)."""
    family_access.require(DataCategory.BASIC)
    return list(
        TeamMember.objects.filter(family=family_access.family)
        .select_related("user", "organization")
        .order_by("added_at", "pk")
    )


def person_for_change(family_access: FamilyAccess, kind: str, person_id: int) -> Child | Guardian:
    """One child or guardian with everything stored (their address too): for the change form,
    which is the responsible worker's (CONTACT, and the responsible worker's protected
    addresses); NotFound for anyone else or another family's person."""
    family_access.require(DataCategory.CONTACT)
    if not family_access.sees_protected_addresses or kind not in PERSON_KINDS:
        raise NotFound()
    model: type[Child] | type[Guardian] = Guardian if kind == GUARDIAN else Child
    person = model.objects.filter(family=family_access.family, pk=person_id).first()
    if person is None:
        raise NotFound()
    return person


def team_member_get(family_access: FamilyAccess, member_id: int) -> TeamMember:
    """A current member of the family's team (BASIC); NotFound for a member who left or of
    another family."""
    family_access.require(DataCategory.BASIC)
    member = (
        TeamMember.objects.filter(
            family=family_access.family, pk=member_id, removed_at__isnull=True
        )
        .select_related("user", "organization")
        .first()
    )
    if member is None:
        raise NotFound()
    return member


def professional_choices() -> QuerySet[User]:
    """Who may be the responsible worker or join a team: active professionals, by name, with
    their organisation (no family data)."""
    return user_list_with_role(roles=[Role.PROFESSIONAL])


@dataclass(frozen=True)
class PersonRow:
    """A child or guardian as the overview shows them (BASIC): name, age or role, the masked
    identity code."""

    person: Child | Guardian
    masked_pic: str


def people_rows(people: Sequence[Child | Guardian]) -> list[PersonRow]:
    return [PersonRow(person, mask_pic(person.personal_identity_code)) for person in people]


# --- A coordinator's view of records whose responsible worker has left ---------------------------
# A coordinator reads no family's data: these rows carry no name, only what a hand-over needs
# (when the record was opened, where, by which organisation, whose it was).


def _without_worker() -> QuerySet[Family]:
    workers = user_list_with_role(roles=[Role.PROFESSIONAL]).order_by().values("pk")
    return Family.objects.filter(status=FamilyStatus.OPEN, anonymized_at__isnull=True).exclude(
        responsible__in=workers
    )


def families_without_worker(actor: User, page: int | str = 1) -> Page[Family] | None:
    """For a coordinator: the open records whose responsible worker has left (the account is
    closed or no longer works with families), oldest first, 50 to a page. None for anyone else."""
    if not is_coordinator(actor):
        return None
    families = (
        _without_worker()
        .select_related("municipality", "organization", "responsible")
        .only(
            "pk",
            "opened_at",
            "municipality__name",
            "organization__name",
            "responsible__full_name",
            "status",
        )
        .order_by("opened_at", "pk")
    )
    return Paginator(families, PAGE_SIZE).get_page(page)


def family_for_coordinator_handover(actor: User, family_id: uuid.UUID | str) -> Family:
    """The record a coordinator may hand over (its responsible worker has left); NotFound
    otherwise. Its name is not shown to the coordinator."""
    if not is_coordinator(actor):
        raise NotFound()
    pk = parse_id(family_id)
    family = (
        _without_worker()
        .select_related("municipality", "organization", "responsible")
        .filter(pk=pk)
        .first()
    )
    if family is None:
        raise NotFound()
    return family
