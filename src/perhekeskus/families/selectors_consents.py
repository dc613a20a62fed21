"""Reads for the consents part of family coordination: a family's consents, its access log (for
the responsible worker, and for a signed-in guardian on the family's own page), the readings
under a law that are open for a reader, and the coordinators' review list.

A family's consents and access log are the responsible worker's (`FamilyAccess.is_responsible`)
or the family's own (a `Guardian` of the family, identified by the family page). The review list
is the coordinators': they see who read, when, under which provision and why, of which family
by its number and municipality only, never the family's data.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, F, IntegerField, Prefetch, QuerySet, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.accounts.models import Profession, User
from perhekeskus.core.errors import NotFound
from perhekeskus.core.policies import require
from perhekeskus.families.access import RESPONSIBLE_ROLE
from perhekeskus.families.models import (
    AccessBasis,
    AccessLogEntry,
    Child,
    ChildView,
    Consent,
    ConsentGiven,
    ConsentPurpose,
    CustodyRole,
    DataCategory,
    Guardian,
    LegalAccess,
    LegalBasis,
)
from perhekeskus.families.policies import can_review_legal_access
from perhekeskus.families.selectors import FamilyAccess

ACCESS_LOG_PAGE_SIZE = 50
REVIEW_PAGE_SIZE = 25


class ConsentState:
    IN_FORCE = "in_force"
    WAITING = "waiting"
    NOT_YET = "not_yet"
    EXPIRED = "expired"
    REVOKED = "revoked"

    LABELS: dict[str, Any] = {
        IN_FORCE: _("In force"),
        WAITING: _("Waiting for a guardian's consent"),
        NOT_YET: _("Not yet in force"),
        EXPIRED: _("Expired"),
        REVOKED: _("Revoked"),
    }


def consent_state(consent: Consent, today: datetime.date | None = None) -> str:
    day = today or timezone.localdate()
    if consent.revoked_at is not None:
        return ConsentState.REVOKED
    if consent.valid_until < day:
        return ConsentState.EXPIRED
    if not consent.is_complete:
        return ConsentState.WAITING
    if consent.valid_from > day:
        return ConsentState.NOT_YET
    return ConsentState.IN_FORCE


@dataclass
class ConsentRow:
    """One consent as its page shows it: who gave it and how, who has still to give it, the
    children's views, its state in words."""

    consent: Consent
    state: str
    givers: list[ConsentGiven]
    waiting_for: list[Guardian]
    child_views: list[ChildView]
    recipients: list[Any]
    categories: list[str]
    # Guardians of the family who have not given it (whom a giving can be recorded for).
    may_still_give: list[Guardian] = field(default_factory=list)
    # On the family's own page: whether the signed-in guardian may revoke it.
    revocable: bool = False

    @property
    def state_label(self) -> Any:
        return ConsentState.LABELS[self.state]

    @property
    def category_labels(self) -> list[Any]:
        return [DataCategory(c).label for c in self.categories]

    @property
    def in_force(self) -> bool:
        return self.state == ConsentState.IN_FORCE

    @property
    def is_open(self) -> bool:
        """Neither revoked nor expired: it can still be revoked, or given by another guardian."""
        return self.state not in (ConsentState.REVOKED, ConsentState.EXPIRED)


def _require_responsible(family_access: FamilyAccess) -> None:
    family_access.require(DataCategory.BASIC)
    if not family_access.is_responsible:
        raise NotFound()


def _family_of(source: FamilyAccess | Guardian) -> tuple[uuid.UUID, Guardian | None]:
    if isinstance(source, FamilyAccess):
        _require_responsible(source)
        return source.family.pk, None
    if source.pk is None:
        raise NotFound()
    return source.family_id, source


def family_consents(source: FamilyAccess | Guardian) -> list[ConsentRow]:
    """The family's consents, newest first, for its responsible worker or a guardian of the
    family; in five queries whatever their number."""
    family_id, guardian = _family_of(source)
    today = timezone.localdate()
    guardians = list(Guardian.objects.filter(family_id=family_id).order_by("created_at", "pk"))
    by_id = {g.pk: g for g in guardians}
    consents = list(
        Consent.objects.filter(family_id=family_id)
        .order_by("-recorded_at", "-pk")
        .prefetch_related(
            "recipients",
            Prefetch("givers", queryset=ConsentGiven.objects.order_by("given_on", "pk")),
            Prefetch(
                "child_views",
                queryset=ChildView.objects.select_related("child").order_by(
                    "child__birth_year", "child__pk"
                ),
            ),
        )
    )
    custodians = [g for g in guardians if g.custody_role == CustodyRole.CUSTODIAN]
    rows = []
    for consent in consents:
        givers = list(consent.givers.all())
        for giving in givers:
            # The guardian rows are already read: no query per giver.
            known = by_id.get(giving.guardian_id)
            if known is not None:
                giving.guardian = known
        given = {giving.guardian_id for giving in givers}
        waiting = (
            [g for g in custodians if g.pk not in given]
            if consent.requires_all_custodians
            else ([] if given else custodians[:1])
        )
        row = ConsentRow(
            consent=consent,
            state=consent_state(consent, today),
            givers=givers,
            waiting_for=waiting,
            child_views=list(consent.child_views.all()),
            recipients=sorted(consent.recipients.all(), key=lambda o: o.name),
            categories=[c for c in DataCategory.values if c in consent.categories],
            may_still_give=[g for g in guardians if g.pk not in given],
        )
        if guardian is not None:
            row.revocable = row.is_open and (
                guardian.custody_role == CustodyRole.CUSTODIAN or guardian.pk in given
            )
        rows.append(row)
    return rows


def consent_of_family(family_access: FamilyAccess, consent_id: int) -> ConsentRow:
    """One of the family's consents (for the give and revoke pages); NotFound when it is not
    this family's."""
    for row in family_consents(family_access):
        if row.consent.pk == consent_id:
            return row
    raise NotFound()


# --- The access log ------------------------------------------------------------------------------


def role_label(role: str) -> Any:
    """The reader's role in words: on the family's team, the responsible worker, or their
    profession."""
    from perhekeskus.families.models import TeamRole

    if role == RESPONSIBLE_ROLE:
        return _("Responsible worker")
    if role in TeamRole.values:
        return TeamRole(role).label
    if role in Profession.values:
        return Profession(role).label
    return role


def purpose_label(basis: str, purpose: str) -> Any:
    """Why the data was read, in words: the consent's purpose, the provision of law, or the
    responsible worker's work."""
    if basis == AccessBasis.LAW and purpose in LegalBasis.values:
        return LegalBasis(purpose).label
    if basis == AccessBasis.CONSENT and purpose in ConsentPurpose.values:
        return ConsentPurpose(purpose).label
    if basis in AccessBasis.values:
        return AccessBasis(basis).label
    return purpose


@dataclass
class AccessLogRow:
    """The reads of one day by one organisation and role, of one category on one basis."""

    day: datetime.date
    organization: str
    role: Any
    category: Any
    basis: str
    purpose: Any
    times: int

    @property
    def under_law(self) -> bool:
        return self.basis == AccessBasis.LAW


def _log_rows(
    family_id: uuid.UUID,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> Any:
    entries = AccessLogEntry.objects.filter(family_id=family_id)
    if since is not None:
        entries = entries.filter(at__date__gte=since)
    if until is not None:
        entries = entries.filter(at__date__lte=until)
    return (
        entries.annotate(day=TruncDate("at"), organization_name=F("organization__name"))
        .values("day", "organization_name", "role", "category", "basis", "purpose")
        .annotate(times=Count("id"))
        .order_by("-day", "organization_name", "role", "category", "basis", "purpose")
    )


def _row(values: dict[str, Any]) -> AccessLogRow:
    category = values["category"]
    return AccessLogRow(
        day=values["day"],
        organization=values["organization_name"] or "",
        role=role_label(values["role"]),
        category=DataCategory(category).label if category in DataCategory.values else category,
        basis=values["basis"],
        purpose=purpose_label(values["basis"], values["purpose"]),
        times=values["times"],
    )


def _source_family(source: FamilyAccess | Guardian | uuid.UUID) -> uuid.UUID:
    if isinstance(source, uuid.UUID):
        # The family page passes the signed-in guardian's family.
        return source
    return _family_of(source)[0]


def access_log_entries(
    source: FamilyAccess | Guardian | uuid.UUID, page: int | str = 1
) -> Page[AccessLogRow]:
    """Who has read the family's data, newest day first, 50 rows to a page: each row is one
    day, organisation, role, category and basis (the consent's purpose or the provision of law)
    with the number of reads. For the responsible worker (a FamilyAccess) or the family's own
    page (its Guardian, or the family's id the page has identified the guardian by)."""
    family_id = _source_family(source)
    paginator = Paginator(_log_rows(family_id), ACCESS_LOG_PAGE_SIZE)
    current = paginator.get_page(page)
    rows = [_row(values) for values in current.object_list]
    return Page(rows, current.number, cast("Paginator[AccessLogRow]", paginator))


def access_log_recent(
    family_access: FamilyAccess, *, rows: int, days: int
) -> tuple[list[AccessLogRow], bool]:
    """The newest `rows` rows of the last `days` days (the family page's section) and whether
    there are more: one grouped query over those days only, however long the log."""
    _require_responsible(family_access)
    since = timezone.localdate() - datetime.timedelta(days=days)
    found = [_row(values) for values in _log_rows(family_access.family.pk, since)[: rows + 1]]
    return found[:rows], len(found) > rows


def access_log_all(
    family_access: FamilyAccess,
    *,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> list[AccessLogRow]:
    """The whole access log (or the days asked) for the responsible worker's printout."""
    _require_responsible(family_access)
    rows = _log_rows(family_access.family.pk, since, until)
    return [_row(values) for values in rows]


# --- Readings under a law ------------------------------------------------------------------------


def open_legal_readings(family_access: FamilyAccess) -> list[LegalAccess]:
    """The readings under a law this reader reads the family under (the page's banner)."""
    family_access.require(DataCategory.BASIC)
    ids = {
        grant.legal_access_id
        for category, grant in family_access.grants.grants.items()
        if grant.basis == AccessBasis.LAW
        and grant.legal_access_id is not None
        and category in family_access.read
    }
    if not ids:
        return []
    return list(LegalAccess.objects.filter(pk__in=ids).order_by("-granted_at"))


@dataclass
class ReviewRow:
    """A reading under a law as the coordinators review it: who, when, under which provision,
    why, of which family (its number and municipality, never its data)."""

    access: LegalAccess
    municipality: str
    reader: str
    reader_email: str
    organization: str
    reviewer: str

    @property
    def basis_label(self) -> Any:
        basis = self.access.basis
        return LegalBasis(basis).label if basis in LegalBasis.values else basis

    @property
    def category_labels(self) -> list[Any]:
        return [DataCategory(c).label for c in DataCategory.values if c in self.access.categories]

    @property
    def reviewed(self) -> bool:
        return self.access.reviewed_at is not None

    @property
    def family_number(self) -> str:
        return str(self.access.family_id)


def _reviews(actor: User) -> QuerySet[LegalAccess]:
    require(
        can_review_legal_access(actor),
        _("Only a coordinator reviews readings under a law."),
    )
    return (
        LegalAccess.objects.select_related("actor", "organization", "reviewed_by")
        .annotate(
            municipality_name=F("family__municipality__name"),
            unreviewed=Case(
                When(reviewed_at__isnull=True, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        .order_by("unreviewed", "-granted_at", "-pk")
    )


def _review_row(access: LegalAccess) -> ReviewRow:
    reader = access.actor
    reviewer = access.reviewed_by
    return ReviewRow(
        access=access,
        municipality=getattr(access, "municipality_name", "") or "",
        reader=reader.get_full_name() or reader.email,
        reader_email=reader.email,
        organization=access.organization.name if access.organization else "",
        reviewer=(reviewer.get_full_name() or reviewer.email) if reviewer else "",
    )


def legal_access_reviews(actor: User, *, page: int | str = 1, status: str = "") -> Page[ReviewRow]:
    """The coordinators' review list: unreviewed first, newest first. `status` "open" lists the
    unreviewed only, "reviewed" the reviewed only."""
    readings = _reviews(actor)
    if status == "open":
        readings = readings.filter(reviewed_at__isnull=True)
    elif status == "reviewed":
        readings = readings.filter(reviewed_at__isnull=False)
    paginator = Paginator(readings, REVIEW_PAGE_SIZE)
    current = paginator.get_page(page)
    rows = [_review_row(access) for access in current.object_list]
    return Page(rows, current.number, cast("Paginator[ReviewRow]", paginator))


def legal_access_review_row(actor: User, legal_access_id: int) -> ReviewRow:
    access = _reviews(actor).filter(pk=legal_access_id).first()
    if access is None:
        raise NotFound()
    return _review_row(access)


def unreviewed_count(actor: User) -> int:
    return _reviews(actor).filter(reviewed_at__isnull=True).count()


def children_of(family_access: FamilyAccess) -> Iterable[Child]:
    """The children in the order a consent form lists them (its `child_views` index them)."""
    family_access.require(DataCategory.BASIC)
    return Child.objects.filter(family=family_access.family).order_by("birth_year", "pk")
