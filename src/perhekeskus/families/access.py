"""The consent gate: what a professional may read of a family, and the log of every read.

A reader reads a family's data category on one of three bases, decided here and nowhere else:

1. **Responsible worker** — the family's current responsible worker reads everything, the
   non-disclosed addresses included (nobody else ever sees those).
2. **Consent** — an active member of the family's team reads a category while a consent in force
   (`Consent.objects.effective()`) names the reader's organisation as a recipient and covers the
   category. The category BASIC (the family, its members' names and ages, the team) is part of
   every consent; without it the family does not exist for the reader.
3. **Law** — a professional who stated a legal basis and a reason (`LegalAccess`, still open)
   reads the categories they asked for; each such read is marked in the log and the access waits
   on the coordinators' review list.

`grants_for` answers for many families at once with a fixed number of queries (the lists
use it, so a list of 50 families costs the same four queries as one); `log_reads` writes one
`AccessLogEntry` per family and category in bulk, in the read's transaction. The selectors
(`selectors.py`) call both; views never do.

`make bench` measures the gate's overhead by switching it off in its own process
(`_bench_ungated`): then every family is readable in full and nothing is logged. Nothing else
may touch it; a test checks it is on.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.families.models import (
    AccessBasis,
    AccessLogEntry,
    Consent,
    DataCategory,
    Family,
    LegalAccess,
    TeamMember,
)
from perhekeskus.families.policies import can_work_with_families

ALL_CATEGORIES: tuple[str, ...] = tuple(DataCategory.values)
RESPONSIBLE_ROLE = "responsible"

# The benchmark's reference only (see the module's docstring).
_bench_ungated = False


@dataclass(frozen=True)
class Grant:
    """Why a category may be read: the basis, and the consent or the legal access it rests on."""

    basis: str
    consent_id: int | None = None
    legal_access_id: int | None = None
    purpose: str = ""


@dataclass
class FamilyGrants:
    """What one reader may read of one family."""

    family_id: uuid.UUID
    role: str = ""
    is_responsible: bool = False
    grants: dict[str, Grant] = field(default_factory=dict)

    def can(self, category: str) -> bool:
        return category in self.grants

    @property
    def readable(self) -> bool:
        return DataCategory.BASIC in self.grants

    @property
    def sees_protected_addresses(self) -> bool:
        """A non-disclosed address (turvakielto) is the responsible worker's to see, only."""
        return self.is_responsible

    @property
    def under_law(self) -> bool:
        return any(grant.basis == AccessBasis.LAW for grant in self.grants.values())


def _is_reader(actor: User) -> bool:
    return can_work_with_families(actor)


def readable_families(actor: User) -> QuerySet[Family]:
    """The families whose BASIC category the actor may read on some basis: the one filter that
    lists, searches and the API start from. `grants_for` then says on which basis."""
    if _bench_ungated:
        return Family.objects.all()
    if not _is_reader(actor):
        return Family.objects.none()
    # Semi-joins, not correlated EXISTS: the database makes each set of family ids once (the
    # actor's open readings under a law, the families on whose team they are with a consent in
    # force naming their organisation) instead of asking three questions per family.
    legal = LegalAccess.objects.filter(actor=actor.pk, expires_at__gt=timezone.now())
    condition = Q(responsible=actor.pk) | Q(pk__in=legal.values("family_id"))
    if actor.organization_id is not None:
        member = TeamMember.objects.filter(user=actor.pk, removed_at__isnull=True)
        consent = Consent.objects.effective(timezone.localdate()).filter(
            recipients=actor.organization_id, family__in=member.values("family_id")
        )
        condition |= Q(pk__in=consent.values("family_id"))
    return Family.objects.filter(condition)


def grants_for(actor: User, family_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, FamilyGrants]:
    """What the actor may read of each family, in four queries whatever the number of families.
    A family the actor may not read at all is left out."""
    ids = list(dict.fromkeys(family_ids))
    if not ids:
        return {}
    if _bench_ungated:
        return {
            family_id: FamilyGrants(
                family_id=family_id,
                role=RESPONSIBLE_ROLE,
                is_responsible=True,
                grants={c: Grant(AccessBasis.RESPONSIBLE) for c in ALL_CATEGORIES},
            )
            for family_id in ids
        }
    if not _is_reader(actor):
        return {}
    result: dict[uuid.UUID, FamilyGrants] = {}
    for family_id in Family.objects.filter(pk__in=ids, responsible=actor.pk).values_list(
        "pk", flat=True
    ):
        result[family_id] = FamilyGrants(
            family_id=family_id,
            role=RESPONSIBLE_ROLE,
            is_responsible=True,
            grants={c: Grant(AccessBasis.RESPONSIBLE) for c in ALL_CATEGORIES},
        )
    others = [family_id for family_id in ids if family_id not in result]
    if not others:
        return result
    roles = dict(
        TeamMember.objects.filter(
            family_id__in=others, user=actor.pk, removed_at__isnull=True
        ).values_list("family_id", "role")
    )
    if roles and actor.organization_id is not None:
        consents = (
            Consent.objects.effective(timezone.localdate())
            .filter(family_id__in=list(roles), recipients=actor.organization_id)
            # The consent that lasts longest first: the grant names the one still in force
            # the longest, so a family's log does not name a consent about to expire.
            .order_by("family_id", "-valid_until", "-pk")
            .values_list("family_id", "pk", "purpose", "categories")
        )
        for family_id, consent_id, purpose, categories in consents:
            entry = result.setdefault(
                family_id, FamilyGrants(family_id=family_id, role=roles[family_id])
            )
            for category in {DataCategory.BASIC.value, *categories}:
                if category in ALL_CATEGORIES and category not in entry.grants:
                    entry.grants[category] = Grant(
                        AccessBasis.CONSENT, consent_id=consent_id, purpose=purpose
                    )
    now = timezone.now()
    legal = LegalAccess.objects.filter(
        family_id__in=others, actor=actor.pk, expires_at__gt=now
    ).values_list("family_id", "pk", "basis", "categories")
    for family_id, access_id, basis, categories in legal:
        entry = result.setdefault(
            family_id, FamilyGrants(family_id=family_id, role=roles.get(family_id, ""))
        )
        for category in {DataCategory.BASIC.value, *categories}:
            if category in ALL_CATEGORIES and category not in entry.grants:
                entry.grants[category] = Grant(
                    AccessBasis.LAW, legal_access_id=access_id, purpose=basis
                )
    return {family_id: entry for family_id, entry in result.items() if entry.readable}


def grants_of(actor: User, family_id: uuid.UUID) -> FamilyGrants | None:
    return grants_for(actor, [family_id]).get(family_id)


def log_reads(
    actor: User,
    reads: Iterable[tuple[FamilyGrants, str]],
    *,
    place: str,
) -> None:
    """One access-log row per (family, category) read, in bulk, in the caller's transaction.
    A category the reader has no grant for was not read and is not logged."""
    if _bench_ungated:
        return
    now = timezone.now()
    role_default = actor.profession if getattr(actor, "profession", "") else ""
    rows = [
        AccessLogEntry(
            family_id=grants.family_id,
            at=now,
            actor_id=actor.pk,
            actor_label=actor.get_full_name() or actor.email,
            organization_id=actor.organization_id,
            role=grants.role or role_default,
            category=category,
            place=place,
            basis=grant.basis,
            consent_id=grant.consent_id,
            legal_access_id=grant.legal_access_id,
            purpose=grant.purpose,
        )
        for grants, category in reads
        if (grant := grants.grants.get(category)) is not None
    ]
    if rows:
        AccessLogEntry.objects.bulk_create(rows)


# A referral opens what it sent only while it is live; once declined, withdrawn or done the
# receiver keeps the referral itself (its message and answers) and the family's basic data.
LIVE_REFERRAL_STATUSES = frozenset({"sent", "accepted"})


def referral_grants(
    actor: User,
    referrals: Sequence[tuple[uuid.UUID, uuid.UUID, uuid.UUID, list[str], str]],
) -> dict[uuid.UUID, FamilyGrants]:
    """For an organisation's inbox: what the actor, a professional of the receiving organisation,
    may read of each referral `(referral_id, family_id, to_organization_id, categories, status)`:
    the categories it sent while it is live (`LIVE_REFERRAL_STATUSES`), else only the family's
    basic data and the referral, and all of it only while a consent in force names the
    organisation and covers every one of them. A referral no consent covers any more is left out
    (revoking takes effect at once)."""
    if not referrals:
        return {}
    if _bench_ungated:
        return {
            referral_id: FamilyGrants(
                family_id=family_id,
                grants={c: Grant(AccessBasis.RESPONSIBLE) for c in {"basic", *categories}},
            )
            for referral_id, family_id, _to, categories, _status in referrals
        }
    if not _is_reader(actor) or actor.organization_id is None:
        return {}
    mine = [row for row in referrals if row[2] == actor.organization_id]
    consents: dict[uuid.UUID, list[tuple[int, str, set[str]]]] = {}
    for family_id, consent_id, purpose, categories in (
        Consent.objects.effective(timezone.localdate())
        .filter(family_id__in={row[1] for row in mine}, recipients=actor.organization_id)
        .order_by("family_id", "-valid_until", "-pk")
        .values_list("family_id", "pk", "purpose", "categories")
    ):
        consents.setdefault(family_id, []).append(
            (consent_id, purpose, {DataCategory.BASIC.value, *categories})
        )
    result: dict[uuid.UUID, FamilyGrants] = {}
    for referral_id, family_id, _to, categories, status in mine:
        sent = categories if status in LIVE_REFERRAL_STATUSES else []
        wanted = {DataCategory.BASIC.value, DataCategory.REFERRALS.value, *sent}
        for consent_id, purpose, covered in consents.get(family_id, []):
            if wanted <= covered:
                grant = Grant(AccessBasis.CONSENT, consent_id=consent_id, purpose=purpose)
                result[referral_id] = FamilyGrants(
                    family_id=family_id,
                    role=getattr(actor, "profession", "") or "",
                    grants=dict.fromkeys(sorted(wanted), grant),
                )
                break
    return result
