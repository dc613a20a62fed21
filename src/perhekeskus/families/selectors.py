"""Every read of a family's data, through the consent gate (`access.py`).

`access_family` is the gatekeeper of one family's page: missing and not covered are both
`NotFound`, and each category the page reads is logged in the family's access log in the read's
transaction. It returns a `FamilyAccess`, the proof a section selector asks for: a section reads
only a category the gatekeeper logged (`FamilyAccess.require`). `family_list` lists the families
a professional may read, 50 to a page, logging the BASIC read of each row in one insert.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _lazy

from perhekeskus.accounts.models import User
from perhekeskus.core.errors import NotFound
from perhekeskus.families import access
from perhekeskus.families.access import FamilyGrants
from perhekeskus.families.identity import name_digest, pic_digest
from perhekeskus.families.ids import parse_id
from perhekeskus.families.models import (
    AccessPlace,
    Child,
    DataCategory,
    Family,
    FamilyStatus,
    Guardian,
    TeamMember,
)

PAGE_SIZE = 50


@dataclass
class FamilyAccess:
    """One family as one reader may read it: the row, the grants, and the categories read (and
    logged) by this request."""

    family: Family
    grants: FamilyGrants
    read: set[str] = field(default_factory=set)

    def can(self, category: str) -> bool:
        return category in self.read

    def require(self, category: str) -> None:
        """A section selector's check: the category was granted and logged by the gatekeeper."""
        if category not in self.read:
            raise NotFound()

    @property
    def is_responsible(self) -> bool:
        return self.grants.is_responsible

    @property
    def sees_protected_addresses(self) -> bool:
        return self.grants.sees_protected_addresses

    @property
    def under_law(self) -> bool:
        return self.grants.under_law


def access_family(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    categories: Iterable[str] = (DataCategory.BASIC,),
    place: str = AccessPlace.PAGE,
    for_action: bool = False,
    lock: bool = False,
) -> FamilyAccess:
    """The family, if the actor may read its BASIC category; else NotFound (missing and not
    covered alike). Of `categories`, those granted are logged as read (BASIC always) and
    may be read through the returned `FamilyAccess`. With `for_action=True` nothing is logged:
    a service checks and its own audit entry records the change. With `lock=True` the family's
    row is re-read under `select_for_update` (services, inside their transaction)."""
    pk = parse_id(family_id)
    rows = Family.objects.select_related("municipality", "organization", "responsible")
    family: Family | None = None
    if lock:
        # The row lock first, the grants after it: a writer that waited for a revocation (which
        # holds the same lock) decides on the consents as they are once it has the row.
        family = rows.select_for_update(of=("self",)).filter(pk=pk).first()
        if family is None:
            raise NotFound()
    grants = access.grants_of(actor, pk)
    if grants is None:
        raise NotFound()
    if family is None:
        family = rows.filter(pk=pk).first()
    if family is None:
        raise NotFound()
    wanted = {DataCategory.BASIC.value, *(str(c) for c in categories)}
    read = {c for c in wanted if grants.can(c)}
    if not for_action:
        with transaction.atomic():
            access.log_reads(actor, [(grants, c) for c in sorted(read)], place=place)
    return FamilyAccess(family=family, grants=grants, read=read)


@dataclass
class FamilyRow:
    family: Family
    grants: FamilyGrants
    children: list[Child]

    @property
    def role(self) -> str:
        return self.grants.role


def family_list(
    *,
    actor: User,
    status: str = FamilyStatus.OPEN,
    search: str = "",
    page: int | str = 1,
    place: str = AccessPlace.LIST,
) -> Page[FamilyRow]:
    """The families the actor may read, newest first, 50 to a page; `search` is a family's exact
    name or a child's or guardian's personal identity code (matched by keyed digests). Each
    row's BASIC read is logged, with its basis, in one insert."""
    families = access.readable_families(actor)
    if status in FamilyStatus.values:
        families = families.filter(status=status)
    term = search.strip()
    if term:
        families = families.filter(_search_condition(term))
    # The gate's filter is worked out once: the readable ids in order, counted and paged here,
    # then the page's 50 rows read by id (a paginator over the queryset would run the filter
    # twice, for the count and for the page).
    keys = list(families.order_by("-opened_at", "pk").values_list("pk", flat=True))
    paginator = Paginator(keys, PAGE_SIZE)
    current = paginator.get_page(page)
    by_pk = {
        family.pk: family
        for family in Family.objects.filter(pk__in=list(current.object_list))
        .select_related("municipality", "responsible")
        .prefetch_related(Prefetch("children", queryset=Child.objects.order_by("birth_year", "pk")))
    }
    rows = [by_pk[pk] for pk in current.object_list if pk in by_pk]
    grants = access.grants_for(actor, [family.pk for family in rows])
    visible = [
        FamilyRow(family=family, grants=grants[family.pk], children=list(family.children.all()))
        for family in rows
        if family.pk in grants
    ]
    with transaction.atomic():
        access.log_reads(
            actor, [(row.grants, DataCategory.BASIC.value) for row in visible], place=place
        )
    # The same page's numbers, its rows the readable ones with their grants.
    return Page(visible, current.number, cast("Paginator[FamilyRow]", paginator))


def _search_condition(term: str) -> Q:
    """A family's exact name, or a child's or guardian's personal identity code."""
    condition = Q(name_digest=name_digest(term))
    code = pic_digest(term)
    if code:
        condition |= Q(Exists(Child.objects.filter(family=OuterRef("pk"), pic_digest=code)))
        condition |= Q(Exists(Guardian.objects.filter(family=OuterRef("pk"), pic_digest=code)))
    return condition


# --- Sections of a family's page: each needs the FamilyAccess proof ------------------------------


def family_children(family_access: FamilyAccess) -> list[Child]:
    family_access.require(DataCategory.BASIC)
    return list(Child.objects.filter(family=family_access.family))


def family_guardians(family_access: FamilyAccess) -> list[Guardian]:
    """The guardians' names and roles (BASIC). Their contact details and addresses are read by
    `contact_details`, which needs CONTACT."""
    family_access.require(DataCategory.BASIC)
    return list(Guardian.objects.filter(family=family_access.family))


def family_team(family_access: FamilyAccess) -> list[TeamMember]:
    family_access.require(DataCategory.BASIC)
    return list(
        TeamMember.objects.filter(family=family_access.family, removed_at__isnull=True)
        .select_related("user", "organization")
        .order_by("added_at", "pk")
    )


def team_member_options(family_access: FamilyAccess) -> QuerySet[TeamMember]:
    family_access.require(DataCategory.BASIC)
    return TeamMember.objects.filter(family=family_access.family, removed_at__isnull=True)


@dataclass
class PersonContact:
    """A child's or guardian's contact details as this reader may see them: a non-disclosed
    address is replaced by `address_protected` for everyone but the responsible worker."""

    person: Child | Guardian
    address: str
    address_protected: bool
    address_hidden: bool
    email: str = ""
    phone: str = ""


def _address_key(address: str) -> str:
    return "".join(ch for ch in address.casefold() if ch.isalnum())


def _street_key(address: str) -> str:
    """The home without the postcode and town ("Salainen polku 7 B 12, 07500 Askola" →
    "salainenpolku7b12"): the part that gives a home away."""
    return _address_key(address.split(",", 1)[0])


def _names_protected(address: str, protected: Sequence[str]) -> bool:
    """Whether an address is, or is part of, or contains the home of a non-disclosed address
    (the same home typed without the postcode, or the building without the flat)."""
    key = _street_key(address)
    if len(key) < 4:
        return False
    return any(key in secret or secret in key for secret in protected if len(secret) >= 4)


def _contact(
    person: Child | Guardian, sees_protected: bool, protected: Sequence[str]
) -> PersonContact:
    # An address is hidden when its person's is non-disclosed, and also when it names the same
    # home as someone else's non-disclosed address in the family: a child who lives with a
    # parent under non-disclosure would otherwise give the parent's address away.
    hidden = not sees_protected and (
        person.address_protected
        or (bool(person.address) and _names_protected(person.address, protected))
    )
    return PersonContact(
        person=person,
        address="" if hidden else person.address,
        address_protected=person.address_protected or hidden,
        address_hidden=hidden,
        email=getattr(person, "email", ""),
        phone=getattr(person, "phone", ""),
    )


def contact_details(family_access: FamilyAccess) -> list[PersonContact]:
    """Every guardian's and child's contact details and address (CONTACT). The one place that
    decides whether an address is shown: pages, exports, letters and the API take it from here."""
    family_access.require(DataCategory.CONTACT)
    sees = family_access.sees_protected_addresses
    people: list[Child | Guardian] = [
        *Guardian.objects.filter(family=family_access.family),
        *Child.objects.filter(family=family_access.family),
    ]
    protected = [
        _street_key(person.address)
        for person in people
        if person.address_protected and person.address
    ]
    return [_contact(person, sees, protected) for person in people]


# --- Non-disclosed addresses in what people typed ------------------------------------------------

REDACTED = _lazy("[non-disclosed address]")


def _protected_addresses(family: Family) -> list[str]:
    return [
        address
        for model in (Guardian, Child)
        for address in model.objects.filter(family=family, address_protected=True)
        .exclude(address="")
        .values_list("address", flat=True)
    ]


_STREET_NUMBER = re.compile(r"[^\W\d_]\s+\d")


def _words(text: str) -> str:
    return " ".join(text.casefold().replace(",", " ").split())


def names_a_family_address(family: Family, place: str) -> bool:
    """Whether a typed place (a meeting's) names the address of anyone in the family: it
    contains the address or its street part, or it is part of the address and names a street
    number ("Salainen polku 7", the building without the flat). A place without a number that
    an address contains ("Askola") does not. The same answer for every address, so that a
    refusal tells nothing about which one is non-disclosed."""
    wanted = _words(place)
    if not wanted:
        return False
    numbered = _STREET_NUMBER.search(wanted) is not None
    for model in (Guardian, Child):
        for address in model.objects.filter(family=family).values_list("address", flat=True):
            for part in (address.strip(), address.strip().split(",")[0]):
                text = _words(part)
                if len(text) >= 4 and text in wanted:
                    return True
                if numbered and text and f" {wanted} " in f" {text} ":
                    return True
    return False


def _address_patterns(family: Family) -> list[re.Pattern[str]]:
    patterns: list[re.Pattern[str]] = []
    for address in _protected_addresses(family):
        for part in (address, address.split(",", 1)[0]):
            words = part.split()
            if words:
                patterns.append(
                    re.compile(r"[\s,.]*".join(re.escape(word) for word in words), re.IGNORECASE)
                )
    return patterns


def restore_blanked(family: Family, stored: str, submitted: str) -> str:
    """What an edit form sends back, with each blanked address put back from the stored text: a
    team member edits a note or the plan with the non-disclosed addresses blanked, and saving
    must not replace the addresses with the placeholder. The placeholders are filled in the
    order the addresses stand in the stored text; any others stay as they were typed."""
    placeholder = str(REDACTED)
    if placeholder not in submitted or not stored:
        return submitted
    found: list[tuple[int, str]] = []
    for pattern in _address_patterns(family):
        found.extend((match.start(), match.group(0)) for match in pattern.finditer(stored))
    originals: list[str] = []
    covered_until = -1
    for start, text in sorted(found, key=lambda item: (item[0], -len(item[1]))):
        if start > covered_until:
            originals.append(text)
            covered_until = start + len(text) - 1
    pieces = submitted.split(placeholder)
    restored = [pieces[0]]
    for index, piece in enumerate(pieces[1:]):
        restored.append(originals[index] if index < len(originals) else placeholder)
        restored.append(piece)
    return "".join(restored)


def address_blanker(target: FamilyAccess | Family) -> Callable[[str], str]:
    """A function that blanks every non-disclosed address of the family in a text someone typed
    (a note, the plan, minutes, a meeting's place, a referral's message), however its spaces
    and letter case were typed, whole or as the home without postcode and town. For the
    responsible worker (a `FamilyAccess` that sees protected addresses) it changes nothing; for
    a bare `Family` (the family's own page) it always blanks: one guardian never reads another's
    non-disclosed address. One query, made once per page."""
    if isinstance(target, FamilyAccess):
        if target.sees_protected_addresses:
            return lambda text: text
        family = target.family
    else:
        family = target
    patterns = _address_patterns(family)
    if not patterns:
        return lambda text: text
    replacement = str(REDACTED)

    def blank(text: str) -> str:
        for pattern in patterns:
            text = pattern.sub(replacement, text)
        return text

    return blank


def blank_protected(target: FamilyAccess | Family, *texts: str) -> list[str]:
    """`address_blanker(target)` applied to each text."""
    blank = address_blanker(target)
    return [blank(text) for text in texts]
