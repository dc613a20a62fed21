"""How a guardian proves who they are on the family's own page: pluggable identification
backends, listed by dotted path in `settings.FAMILIES_IDENTIFICATION_BACKENDS`.

A backend has two steps. `start(request, **data)` begins a sign-in: the built-in
`EmailLinkBackend` e-mails a single-use link (`services.signin.signin_link_request`); a strong
identification backend answers with the address of its identity provider to send the browser to.
`complete(request, **data)` finishes it and returns the `Guardian` who proved themselves, or
None. It never touches the session: `services.signin.guardian_sign_in` does that, the same way
for every backend (a new session key, the guardian's id, the idle expiry, the audit entry).

Adding strong electronic identification (Suomi.fi e-Identification, or a bank/mobile
certificate through a broker) is one class in the county's own package:

    class SuomiFiBackend:
        name = "suomifi"                       # used in /<lang>/family/identify/suomifi/
        label = _("Sign in with Suomi.fi")     # the button on the sign-in page

        def start(self, request, **data):
            # Build the SAML AuthnRequest (e.g. with python3-saml or djangosaml2), keep its id
            # in request.session to check InResponseTo, and send the browser to the IdP.
            return StartResult(redirect_url=authn_request_url)

        def complete(self, request, **data):
            # /<lang>/family/identify/suomifi/return/ is the assertion consumer: validate the
            # response (signature, audience, InResponseTo from the session, validity time),
            # then read the verified personal identity code (attribute
            # nationalIdentificationNumber, urn:oid:1.2.246.21) and map it to a guardian by its
            # keyed digest only; the code itself is neither stored nor logged:
            code = validated_attributes["urn:oid:1.2.246.21"][0]
            return guardian_for_identity_code(code)

and `FAMILY_IDENTIFICATION_BACKENDS=perhekeskus.families.identification.EmailLinkBackend,
county.auth.SuomiFiBackend` in the environment. The sign-in page then offers a button for each
backend besides the e-mail link. Guardians found by `guardian_for_identity_code` are those whose
code the worker recorded (`Guardian.pic_digest`, `identity.pic_digest`) in an open record (or,
in none, in a closed one not yet anonymised); a person who is a guardian in several open records
gets None there (until a chooser is built),
and a code that matches no one is simply "not identified": the page never says whether a code
is known.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.errors import NotFound
from perhekeskus.families.access import FamilyGrants
from perhekeskus.families.identity import pic_digest
from perhekeskus.families.models import DataCategory, FamilyStatus, Guardian
from perhekeskus.families.selectors import FamilyAccess

EMAIL_LINK = "email-link"


@dataclass(frozen=True)
class StartResult:
    """What a backend's start step answers: an address to send the browser to (an identity
    provider), or nothing when the guardian is to wait for an e-mail."""

    redirect_url: str = ""


@runtime_checkable
class IdentificationBackend(Protocol):
    name: str
    label: str | Promise

    def start(self, request: HttpRequest, **data: Any) -> StartResult: ...

    def complete(self, request: HttpRequest, **data: Any) -> Guardian | None: ...


class EmailLinkBackend:
    """The built-in backend: a single-use link, valid `FAMILIES_SIGNIN_LINK_MINUTES`, e-mailed to
    the guardian's address as the worker recorded it."""

    name = EMAIL_LINK
    label = _("Get a sign-in link by e-mail")

    def start(self, request: HttpRequest, **data: Any) -> StartResult:
        from perhekeskus.families.services.signin import signin_link_request

        signin_link_request(email=str(data.get("email", "")), request=request)
        return StartResult()

    def complete(self, request: HttpRequest, **data: Any) -> Guardian | None:
        from perhekeskus.families.services.signin import link_consume

        return link_consume(token=str(data.get("token", "")))


@functools.cache
def _load(paths: tuple[str, ...]) -> tuple[IdentificationBackend, ...]:
    backends = tuple(import_string(path)() for path in paths)
    for backend in backends:
        if not isinstance(backend, IdentificationBackend):
            raise TypeError(f"{type(backend).__name__} is not an identification backend")
    return backends


def backends() -> tuple[IdentificationBackend, ...]:
    """The configured backends, in the order of the setting."""
    return _load(tuple(settings.FAMILIES_IDENTIFICATION_BACKENDS))


def backend(name: str) -> IdentificationBackend:
    """The configured backend by name; NotFound for one that is not configured."""
    for candidate in backends():
        if candidate.name == name:
            return candidate
    raise NotFound()


def email_link_enabled() -> bool:
    return any(candidate.name == EMAIL_LINK for candidate in backends())


def guardian_for_identity_code(code: str) -> Guardian | None:
    """For a strong identification backend: the guardian whose recorded personal identity code
    is `code` (by keyed digest) in the one open record they are in, or, in none open, in the one
    closed and not yet anonymised record (to see its access log and revoke consents); else None."""
    digest = pic_digest(code)
    if not digest:
        return None
    found = list(
        Guardian.objects.select_related("family").filter(
            pic_digest=digest, family__anonymized_at__isnull=True
        )[:10]
    )
    open_ = [g for g in found if g.family.status == FamilyStatus.OPEN]
    candidates = open_ or found
    return candidates[0] if len(candidates) == 1 else None


# --- What a signed-in guardian reads -------------------------------------------------------------

# The parts of their own family's record a guardian WITH CUSTODY sees on the family page, through
# the same section selectors the professionals' pages use. Not CONTACT (a guardian sees only their
# own contact details, never another person's address) and not NOTES (the workers' notes are
# given through a data-subject request, `services.subject`).
GUARDIAN_CATEGORIES = frozenset(
    {DataCategory.BASIC, DataCategory.PLAN, DataCategory.MEETINGS, DataCategory.REFERRALS}
)
# A parent without custody, a foster parent or another close adult (a grandparent, a new
# partner) is in the record as an adult of the family, not as the children's legal
# representative: the page shows them their own details and the consents they gave, the
# meetings they are invited to and the responsible worker to contact, and nothing of the
# children's record (the team, the plan, referrals, the family's other consents, the access log).
# A parent without custody has a right to information about the child from the authorities
# unless it is against the child's interest: that is the responsible worker's call, case by case,
# not the page's.
LIMITED_GUARDIAN_CATEGORIES = frozenset({DataCategory.BASIC})
GUARDIAN_ROLE = "guardian"


def reads_the_family_record(guardian: Guardian) -> bool:
    """Whether the family page shows this guardian the children's record: the team, the plan,
    referrals, every consent of the family and the access log. Only a guardian with custody."""
    return guardian.has_custody


def guardian_categories(guardian: Guardian) -> frozenset[DataCategory]:
    """The data categories this guardian reads on the family page."""
    return GUARDIAN_CATEGORIES if reads_the_family_record(guardian) else LIMITED_GUARDIAN_CATEGORIES


def guardian_family_access(guardian: Guardian) -> FamilyAccess:
    """The proof the section selectors ask for, for a signed-in guardian reading their own
    family. It is made only from the guardian of the session (`services.signin.current_guardian`)
    and it never sees a non-disclosed address. A guardian's reading of their own record is not
    a professional's use of client data, so it is not written to the family's access log."""
    family = guardian.family
    grants = FamilyGrants(family_id=family.pk, role=GUARDIAN_ROLE, is_responsible=False)
    read = {str(category) for category in guardian_categories(guardian)}
    return FamilyAccess(family=family, grants=grants, read=read)
