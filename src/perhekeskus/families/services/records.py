"""The family's record: opening it (directly, or from a help request that continues in family
coordination), changing its details and its people, handing it over to another responsible
worker, closing it.

Each service is one transaction: it re-reads and locks the family's row through the gate
(`common.lock_family`), checks its policy against what is
stored, validates, writes and records its audit entry (never a name, an address, a code or
anything typed about the family) and queues the family's notices, which the outbox sends after
the commit. A closed record is read-only: every change but none is refused.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.accounts.models import User
from perhekeskus.accounts.selectors import user_get_active
from perhekeskus.audit.services import audit_record
from perhekeskus.catalog.models import Municipality
from perhekeskus.core.errors import NotFound
from perhekeskus.core.policies import is_coordinator, require
from perhekeskus.core.validators import has_control_characters, looks_like_phone_number
from perhekeskus.families import actions, identity, notices
from perhekeskus.families.ids import parse_id
from perhekeskus.families.models import (
    Child,
    Consent,
    CustodyRole,
    DataCategory,
    Family,
    FamilyCloseReason,
    FamilyStatus,
    Guardian,
    PreferredLanguage,
    ResponsibleChange,
    SignInLink,
)
from perhekeskus.families.policies import (
    can_be_responsible_worker,
    can_manage_family,
    can_work_with_families,
)
from perhekeskus.families.selectors import FamilyAccess
from perhekeskus.families.services.common import lock_family, too_long
from perhekeskus.families.services.consents import consent_create_in, recompute_complete
from perhekeskus.families.services.inputs import ChildInput, ConsentInput, GuardianInput

NAME_MAX = 150
ADDRESS_MAX = 300
EMAIL_MAX = 254
NOTICE_LANGUAGES = ("fi", "sv", "en")
MAX_CHILD_AGE = 17
GUARDIAN = "guardian"
CHILD = "child"

Errors = dict[str, list[str]]


# --- Validation ----------------------------------------------------------------------------------


def _add(errors: Errors, key: str, message: str) -> None:
    errors.setdefault(key, []).append(message)


def _clean_name(value: str) -> str:
    return " ".join((value or "").split())


def _check_text(errors: Errors, key: str, value: str, *, required: str = "", limit: int) -> None:
    if required and not value:
        _add(errors, key, required)
    elif len(value) > limit:
        _add(errors, key, too_long(limit))
    elif has_control_characters(value):
        _add(errors, key, _("Write this on one line."))


def _check_pic(errors: Errors, key: str, code: str) -> None:
    if code:
        try:
            identity.validate_personal_identity_code(code)
        except ValidationError as error:
            for message in error.messages:
                _add(errors, key, message)


def _person_errors(kind: str, data: GuardianInput | ChildInput, prefix: str = "") -> Errors:
    """Every problem of one person's data, under `<prefix><field>` (a form's field names)."""
    errors: Errors = {}
    _check_text(
        errors,
        f"{prefix}name",
        _clean_name(data.name),
        required=_("Enter the name."),
        limit=NAME_MAX,
    )
    _check_text(errors, f"{prefix}address", (data.address or "").strip(), limit=ADDRESS_MAX)
    _check_pic(errors, f"{prefix}personal_identity_code", data.personal_identity_code.strip())
    if kind == GUARDIAN:
        assert isinstance(data, GuardianInput)
        email = data.email.strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                _add(errors, f"{prefix}email", _("Enter an e-mail address, e.g. name@example.fi."))
            if len(email) > EMAIL_MAX:
                _add(errors, f"{prefix}email", _("The e-mail address is too long."))
        if data.phone.strip() and not looks_like_phone_number(data.phone.strip()):
            _add(errors, f"{prefix}phone", _("Enter a phone number, e.g. 040 123 4567."))
        if data.preferred_language not in PreferredLanguage.values:
            _add(errors, f"{prefix}preferred_language", _("Choose the language from the list."))
        if data.interpreter_language and data.interpreter_language not in PreferredLanguage.values:
            _add(errors, f"{prefix}interpreter_language", _("Choose the language from the list."))
        if data.interpreter_needed and not data.interpreter_language:
            _add(
                errors,
                f"{prefix}interpreter_language",
                _("Choose the language the interpreter is needed for."),
            )
        if data.custody_role not in CustodyRole.values:
            _add(errors, f"{prefix}custody_role", _("Choose the guardian's role from the list."))
    else:
        assert isinstance(data, ChildInput)
        today = timezone.localdate()
        if data.birth_date is None and data.age_years is None:
            _add(errors, f"{prefix}birth_date", _("Enter the child's date of birth or age."))
        if data.birth_date is not None and data.birth_date > today:
            _add(errors, f"{prefix}birth_date", _("The date of birth cannot be in the future."))
        if data.age_years is not None and not 0 <= data.age_years <= MAX_CHILD_AGE:
            _add(
                errors,
                f"{prefix}age_years",
                _("A child's age is between 0 and %(max)d.") % {"max": MAX_CHILD_AGE},
            )
    return errors


def _family_errors(name: str, municipality: Municipality | None, language: str) -> Errors:
    errors: Errors = {}
    _check_text(
        errors, "name", _clean_name(name), required=_("Enter the family's name."), limit=NAME_MAX
    )
    if municipality is None:
        _add(errors, "municipality", _("Choose the municipality."))
    if language not in NOTICE_LANGUAGES:
        _add(errors, "language", _("Choose the language of the family's notices."))
    return errors


# --- Writing people ------------------------------------------------------------------------------


def _apply_person(person: Child | Guardian, data: GuardianInput | ChildInput) -> None:
    """Copy the typed data onto the row, the digests with it. An empty identity code keeps the
    stored one (a change form never shows the code)."""
    person.name = _clean_name(data.name)
    person.address = (data.address or "").strip()
    person.address_protected = bool(data.address_protected)
    code = identity.normalise_pic(data.personal_identity_code)
    if code:
        person.personal_identity_code = code
        person.pic_digest = identity.pic_digest(code)
    if isinstance(person, Guardian):
        assert isinstance(data, GuardianInput)
        person.email = data.email.strip()
        person.email_digest = identity.email_digest(person.email)
        person.phone = data.phone.strip()
        person.preferred_language = data.preferred_language
        person.interpreter_needed = bool(data.interpreter_needed)
        person.interpreter_language = data.interpreter_language if data.interpreter_needed else ""
        person.custody_role = data.custody_role
    else:
        assert isinstance(data, ChildInput)
        person.birth_date = data.birth_date
        person.age_years = None if data.birth_date is not None else data.age_years
        person.age_recorded_on = (
            (data.age_recorded_on or timezone.localdate()) if person.age_years is not None else None
        )


def _new_person(family: Family, kind: str, data: GuardianInput | ChildInput) -> Child | Guardian:
    person: Child | Guardian = Guardian(family=family) if kind == GUARDIAN else Child(family=family)
    _apply_person(person, data)
    person.save()
    return person


# --- Opening -------------------------------------------------------------------------------------


def _check_open(
    actor: User,
    *,
    name: str,
    municipality: Municipality | None,
    language: str,
    guardians: Sequence[GuardianInput],
    children: Sequence[ChildInput],
    consent: ConsentInput,
) -> None:
    require(
        can_work_with_families(actor),
        _("Only professionals who work with families open family records."),
    )
    errors = _family_errors(name, municipality, language)
    if actor.organization_id is None:
        _add(
            errors,
            "__all__",
            _("Your account belongs to no organisation, so it cannot hold a family's record."),
        )
    if not guardians:
        _add(errors, "guardians", _("Enter at least one guardian."))
    for index, guardian in enumerate(guardians):
        errors.update(_person_errors(GUARDIAN, guardian, f"guardian{index}-"))
    for index, child in enumerate(children):
        errors.update(_person_errors(CHILD, child, f"child{index}-"))
    if actor.organization_id is not None and actor.organization_id not in {
        organization.pk for organization in consent.recipients
    }:
        _add(
            errors,
            "recipients",
            _(
                "The consent must name your organisation, %(organisation)s: it keeps the "
                "family's record."
            )
            % {"organisation": actor.organization.name if actor.organization else ""},
        )
    if errors:
        raise ValidationError(errors)


def _open_in(
    actor: User,
    *,
    family: Family,
    guardians: Sequence[GuardianInput],
    children: Sequence[ChildInput],
    consent: ConsentInput,
    request: HttpRequest | None,
) -> Family:
    """Inside the caller's transaction: the record, its people, the first hand-over row (the
    opening) and the consent, recorded at the same moment."""
    family.save()
    stored_guardians = [_new_person(family, GUARDIAN, data) for data in guardians]
    stored_children = [_new_person(family, CHILD, data) for data in children]
    ResponsibleChange.objects.create(family=family, new=actor, changed_by=actor)
    stored_consent = consent_create_in(
        family=family,
        data=consent,
        actor=actor,
        guardians=[g for g in stored_guardians if isinstance(g, Guardian)],
        children=[c for c in stored_children if isinstance(c, Child)],
        request=request,
    )
    audit_record(
        action=actions.FAMILY_OPEN,
        actor=actor,
        target=family,
        request=request,
        details={
            "municipality": family.municipality_id,
            "organization": str(family.organization_id),
            "guardians": len(stored_guardians),
            "children": len(stored_children),
            "consent": stored_consent.pk,
            "help_request": str(family.help_request_id) if family.help_request_id else "",
        },
    )
    return family


def _new_family(
    actor: User, *, name: str, municipality: Municipality, language: str, **fields: Any
) -> Family:
    clean = _clean_name(name)
    assert actor.organization_id is not None  # checked by _check_open
    return Family(
        name=clean,
        name_digest=identity.name_digest(clean),
        municipality=municipality,
        organization_id=actor.organization_id,
        language=language,
        responsible=actor,
        opened_by=actor,
        **fields,
    )


def family_open(
    *,
    actor: User,
    name: str,
    municipality: Municipality | None,
    language: str,
    guardians: list[GuardianInput],
    children: list[ChildInput],
    consent: ConsentInput,
    help_request: Any = None,
    request: HttpRequest | None = None,
) -> Family:
    """Open a family's record with the actor as its responsible worker (their organisation keeps
    the record), its guardians and children, and the family's consent, which must name that
    organisation. From a help request use `family_open_from_help_request`."""
    if help_request is not None:
        return family_open_from_help_request(
            actor=actor,
            help_request_id=help_request.pk,
            name=name,
            guardians=guardians,
            children=children,
            consent=consent,
            request=request,
        )
    _check_open(
        actor,
        name=name,
        municipality=municipality,
        language=language,
        guardians=guardians,
        children=children,
        consent=consent,
    )
    assert municipality is not None
    with transaction.atomic():
        family = _new_family(actor, name=name, municipality=municipality, language=language)
        return _open_in(
            actor,
            family=family,
            guardians=guardians,
            children=children,
            consent=consent,
            request=request,
        )


def family_open_from_help_request(
    *,
    actor: User,
    help_request_id: uuid.UUID | str,
    name: str,
    guardians: list[GuardianInput],
    children: list[ChildInput],
    consent: ConsentInput,
    request: HttpRequest | None = None,
) -> Family:
    """Open the record that continues a help request (its decision: "continues in family
    coordination"): the municipality and the language come from the request, which is closed
    with reason COORDINATION and linked to the record, in the same transaction. The actor must
    both handle the request and work with families."""
    from perhekeskus.intake.models import CloseReason, RequestStatus
    from perhekeskus.intake.selectors import access_help_request
    from perhekeskus.intake.services.handling import help_request_close

    with transaction.atomic():
        help_request = access_help_request(
            actor=actor, help_request_id=help_request_id, for_action=True
        )
        if help_request.status == RequestStatus.CLOSED:
            raise ValidationError(
                _("The help request is already closed: open the record directly instead.")
            )
        _check_open(
            actor,
            name=name,
            municipality=help_request.municipality,
            language=help_request.language if help_request.language in NOTICE_LANGUAGES else "fi",
            guardians=guardians,
            children=children,
            consent=consent,
        )
        family = _new_family(
            actor,
            name=name,
            municipality=help_request.municipality,
            language=help_request.language if help_request.language in NOTICE_LANGUAGES else "fi",
            help_request=help_request,
        )
        # The request is locked and closed first (its service checks, under the lock, that the
        # actor handles it and that it is still open): two workers opening a record from the
        # same request at once are served one after the other, and the second is refused.
        help_request_close(
            actor=actor,
            help_request=help_request,
            reason=CloseReason.COORDINATION,
            coordination_reference=str(family.pk),
            request=request,
        )
        return _open_in(
            actor,
            family=family,
            guardians=guardians,
            children=children,
            consent=consent,
            request=request,
        )


# --- Changing ------------------------------------------------------------------------------------


def lock_for_change(
    actor: User, family_id: uuid.UUID | str, category: str = DataCategory.BASIC
) -> FamilyAccess:
    """Inside a transaction: the family locked, if the actor is its responsible worker and the
    record is open; NotFound when the actor may not read it; PolicyDenied otherwise (a closed
    record is read-only)."""
    family_access = lock_family(actor, family_id, [category])
    family = family_access.family
    require(
        family_access.can(category) and can_manage_family(actor, family),
        _("Only the family's responsible worker changes the family's record."),
    )
    require(family.is_open, _("The family's record is closed: it can be read but not changed."))
    return family_access


def family_update(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    name: str,
    municipality: Municipality | None,
    language: str,
    request: HttpRequest | None = None,
) -> Family:
    with transaction.atomic():
        family = lock_for_change(actor, family_id).family
        errors = _family_errors(name, municipality, language)
        if errors:
            raise ValidationError(errors)
        assert municipality is not None
        clean = _clean_name(name)
        changed = sorted(
            field
            for field, old, new in (
                ("name", family.name, clean),
                ("municipality", family.municipality_id, municipality.pk),
                ("language", family.language, language),
            )
            if old != new
        )
        family.name = clean
        family.name_digest = identity.name_digest(clean)
        family.municipality = municipality
        family.language = language
        family.save(update_fields=["name", "name_digest", "municipality", "language", "updated_at"])
        audit_record(
            action=actions.FAMILY_UPDATE,
            actor=actor,
            target=family,
            request=request,
            details={"changed": changed},
        )
    return family


def person_add(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    kind: str,
    data: GuardianInput | ChildInput,
    request: HttpRequest | None = None,
) -> Child | Guardian:
    """Add a guardian or a child. A new guardian with custody makes a consent that needs every
    custodian wait for theirs too (`recompute_complete`)."""
    if kind not in (GUARDIAN, CHILD):
        raise NotFound()
    with transaction.atomic():
        family = lock_for_change(actor, family_id, DataCategory.CONTACT).family
        errors = _person_errors(kind, data)
        if errors:
            raise ValidationError(errors)
        person = _new_person(family, kind, data)
        if kind == GUARDIAN:
            recompute_complete(family)
        audit_record(
            action=actions.PERSON_ADD,
            actor=actor,
            target=person,
            request=request,
            details={
                "family": str(family.pk),
                "kind": kind,
                "pic": bool(person.personal_identity_code),
                "address_protected": person.address_protected,
            },
        )
    return person


PERSON_FIELDS = {
    GUARDIAN: (
        "name",
        "address",
        "address_protected",
        "personal_identity_code",
        "email",
        "phone",
        "preferred_language",
        "interpreter_needed",
        "interpreter_language",
        "custody_role",
    ),
    CHILD: (
        "name",
        "address",
        "address_protected",
        "personal_identity_code",
        "birth_date",
        "age_years",
        "age_recorded_on",
    ),
}


def person_update(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    kind: str,
    data: GuardianInput | ChildInput,
    person_id: int | None = None,
    remove_pic: bool = False,
    request: HttpRequest | None = None,
) -> Child | Guardian:
    """Change a guardian's or a child's details. An empty identity code keeps the stored one;
    `remove_pic` erases it. A change of a guardian's custody recomputes which consents are in
    force (`recompute_complete`)."""
    if kind not in (GUARDIAN, CHILD) or person_id is None:
        raise NotFound()
    with transaction.atomic():
        family = lock_for_change(actor, family_id, DataCategory.CONTACT).family
        model: type[Child] | type[Guardian] = Guardian if kind == GUARDIAN else Child
        person = model.objects.select_for_update().filter(family=family, pk=person_id).first()
        if person is None:
            raise NotFound()
        errors = _person_errors(kind, data)
        if errors:
            raise ValidationError(errors)
        before = {field: getattr(person, field) for field in PERSON_FIELDS[kind]}
        custody_before = getattr(person, "custody_role", None)
        _apply_person(person, data)
        if remove_pic and not identity.normalise_pic(data.personal_identity_code):
            person.personal_identity_code = ""
            person.pic_digest = ""
        person.save()
        changed = sorted(f for f in PERSON_FIELDS[kind] if getattr(person, f) != before[f])
        if kind == GUARDIAN and getattr(person, "custody_role", None) != custody_before:
            recompute_complete(family)
        details: dict[str, Any] = {"family": str(family.pk), "kind": kind, "changed": changed}
        if kind == GUARDIAN and "email" in changed:
            # The old address may be someone else's (an ex-partner, a shared mailbox): the
            # links already sent there must not sign anyone in as this guardian.
            details["signin_links_cancelled"] = SignInLink.objects.filter(
                guardian_id=person.pk, used_at__isnull=True
            ).update(used_at=timezone.now())
        audit_record(
            action=actions.PERSON_UPDATE,
            actor=actor,
            target=person,
            request=request,
            details=details,
        )
    return person


def family_close(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    reason: str,
    request: HttpRequest | None = None,
) -> Family:
    """Close the record: it stays readable as before, changed by nobody, and is anonymised
    after the retention period (`services/retention.py`)."""
    with transaction.atomic():
        family = lock_for_change(actor, family_id).family
        if reason not in FamilyCloseReason.values:
            raise ValidationError({"reason": _("Choose why the record is closed.")})
        family.status = FamilyStatus.CLOSED
        family.close_reason = reason
        family.closed_at = timezone.now()
        family.save(update_fields=["status", "close_reason", "closed_at", "updated_at"])
        audit_record(
            action=actions.FAMILY_CLOSE,
            actor=actor,
            target=family,
            request=request,
            details={"reason": reason},
        )
    return family


# --- Hand-over -----------------------------------------------------------------------------------


def current_responsible_has_left(family: Family) -> bool:
    """The responsible worker can no longer act (the account is closed, or the role that works
    with families was taken away): then a coordinator may hand the record over."""
    responsible = family.responsible
    return responsible is None or not can_be_responsible_worker(responsible)


def can_hand_over(actor: User, family: Family) -> bool:
    """The responsible worker hands the record over; a coordinator only when the responsible
    worker has left. Never a closed or anonymised record."""
    if not family.is_open or family.anonymized_at is not None:
        return False
    if can_manage_family(actor, family):
        return True
    return is_coordinator(actor) and current_responsible_has_left(family)


def _lock_for_handover(actor: User, family_id: uuid.UUID | str) -> Family:
    """The family's row, locked. The responsible worker reaches it through the gate; a
    coordinator reads no family's data, so for them the row is read here for the hand-over
    alone (the name is not shown to them: `handover.html`)."""
    if is_coordinator(actor) and not can_work_with_families(actor):
        family = (
            Family.objects.select_for_update(of=("self",))
            .select_related("responsible")
            .filter(pk=parse_id(family_id))
            .first()
        )
        if family is None:
            raise NotFound()
        return family
    return lock_family(actor, family_id).family


def _consent_names_organisation(family: Family, user: User) -> bool:
    if user.organization_id is None:
        return False
    if user.organization_id == family.organization_id:
        return True
    return (
        Consent.objects.effective(timezone.localdate())
        .filter(family=family, recipients=user.organization_id)
        .exists()
    )


def _no_consent_message(user: User) -> str:
    if user.organization is None:
        return _(
            "This professional belongs to no organisation, so no consent of the family can "
            "name them."
        )
    return _(
        "No consent in force names %(organisation)s as a recipient: record the family's "
        "consent for sharing with it first."
    ) % {"organisation": user.organization.name}


def responsible_change(
    *,
    actor: User,
    family_id: uuid.UUID | str,
    new_responsible_id: int,
    reason: str,
    request: HttpRequest | None = None,
) -> Family:
    """Hand the record over to another responsible worker: the history keeps who, when and
    why; each guardian with an e-mail is told who their new worker is."""
    with transaction.atomic():
        family = _lock_for_handover(actor, family_id)
        require(
            can_hand_over(actor, family),
            _(
                "Only the family's responsible worker hands the record over, or a coordinator "
                "when the responsible worker has left."
            ),
        )
        errors: Errors = {}
        new = user_get_active(user_id=new_responsible_id) if new_responsible_id else None
        if new is None or not can_be_responsible_worker(new):
            _add(
                errors,
                "new_responsible",
                _("Choose an active professional who works with families."),
            )
        elif new.pk == family.responsible_id:
            _add(errors, "new_responsible", _("This is already the family's responsible worker."))
        elif not _consent_names_organisation(family, new):
            # The responsible worker reads everything, the non-disclosed addresses included:
            # the record goes only to its own organisation or one a consent in force names.
            _add(errors, "new_responsible", _no_consent_message(new))
        clean_reason = " ".join((reason or "").split())
        if not clean_reason:
            _add(errors, "reason", _("Write why the record is handed over."))
        elif len(clean_reason) > 500:
            _add(errors, "reason", too_long(500))
        if errors:
            raise ValidationError(errors)
        assert new is not None
        previous_id = family.responsible_id
        by_coordinator = not can_manage_family(actor, family)
        handover = ResponsibleChange.objects.create(
            family=family,
            previous_id=previous_id,
            new=new,
            reason=clean_reason,
            changed_by=actor,
        )
        family.responsible = new
        family.save(update_fields=["responsible", "updated_at"])
        audit_record(
            action=actions.RESPONSIBLE_CHANGE,
            actor=actor,
            target=family,
            request=request,
            details={
                "handover": handover.pk,
                "previous": previous_id,
                "new": new.pk,
                "by_coordinator": by_coordinator,
            },
        )
        notices.handover_notice(family=family, new_responsible=new)
    return family


def child_from_age(age: int, recorded_on: datetime.date) -> ChildInput:
    """A child known only by the age a help request gave (the name is typed when opening)."""
    return ChildInput(name="", age_years=age, age_recorded_on=recorded_on)
