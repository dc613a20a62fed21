"""Every change to the catalogue made by a person. Each use case is one function that owns its
transaction, re-reads what it changes under a row lock (`select_for_update`), checks the policy,
writes, stores a version of the service description and records an audit entry with the old and
new values, all in that transaction; the listeners (the finder's search index) hear of it only
when something was actually stored.

The editor (`catalog.editor`) and any future API or command call these functions, not the models:
a form's way of writing the nested parts (channels, places, hours) is handed in as a callable, so
that the whole save, and nothing else, runs inside the service.

(Imports write through `importers.writer`, which versions and audits the same way.)
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.audit.registry import AuditAction
from perhekeskus.audit.services import audit_record
from perhekeskus.catalog import actions
from perhekeskus.catalog.completeness import missing_for_publication
from perhekeskus.catalog.drafts import apply_service_snapshot
from perhekeskus.catalog.listeners import review_requested, services_changed
from perhekeskus.catalog.models import (
    DraftState,
    Location,
    Municipality,
    Organization,
    PendingImport,
    PublicationState,
    Service,
    ServiceAtLocation,
    ServiceDraft,
)
from perhekeskus.catalog.notices import review_outcome_notice
from perhekeskus.catalog.policies import (
    can_approve_services_of,
    can_edit_catalog_of,
    must_send_for_review,
)
from perhekeskus.catalog.versions import (
    location_snapshot,
    service_snapshot,
    service_version_record,
    snapshot_changes,
)
from perhekeskus.core.actors import Actor
from perhekeskus.core.errors import AccessDenied, NotFound, PolicyDenied
from perhekeskus.core.policies import require

# The parts of a service description that are lists of rows: the version keeps their old and new
# content; the audit entry names them among the changed fields.
_NESTED = frozenset({"channels", "schedules", "at_locations"})
# Longer texts are cut in the audit entry (the version keeps them whole).
_AUDIT_TEXT_LIMIT = 300


class PublicationRefused(PolicyDenied):
    """A publication this actor may not make of this description now: the editor's form shows
    it as the form's error and keeps what was typed, instead of a 403 page."""

    def __init__(self, message: str, reasons: list[str] | None = None) -> None:
        super().__init__(message)
        self.reasons = reasons or []


class ServiceIncomplete(PublicationRefused):
    """The description lacks what a published service must say (`catalog.completeness`)."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__(" ".join([_("The service cannot be published yet."), *missing]), missing)
        self.missing = missing


def _check_publication(actor: Actor, service: Service, snapshot: dict[str, Any]) -> None:
    """A publication by this actor: refused when the organisation's publications wait for
    approval and the actor may not approve, or when the description is incomplete."""
    if must_send_for_review(actor, service.organization):
        raise PublicationRefused(
            _(
                "Send the service for approval: your organisation's publications are approved "
                "by its approver or a network coordinator."
            )
        )
    missing = missing_for_publication(snapshot)
    if missing:
        raise ServiceIncomplete(missing)


def _require_editor(actor: Actor, organization_id: object) -> None:
    require(
        can_edit_catalog_of(actor, organization_id),
        _("You can only edit your own organisation's services and locations."),
    )


def _nothing(_obj: Any) -> None:
    """No nested parts to write."""


def _locked(model: type[models.Model], pk: Any, actor: Actor) -> Any:
    """The row, re-read under a lock for the rest of the transaction. Missing and not the
    actor's to edit answer alike (NotFound), so that an outsider learns nothing."""
    row = model._default_manager.select_for_update().filter(pk=pk).first()
    if row is None:
        raise NotFound
    if not can_edit_catalog_of(actor, row.organization_id):  # type: ignore[attr-defined]
        raise AccessDenied(target_type=model._meta.label_lower, target_id=pk)
    return row


def _own_fields(row: models.Model) -> dict[str, Any]:
    """The row's own columns as they are in memory: whether it needs saving."""
    return {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}


def _short(value: Any) -> Any:
    if isinstance(value, str) and len(value) > _AUDIT_TEXT_LIMIT:
        return value[:_AUDIT_TEXT_LIMIT] + "…"
    return value


def _old_and_new(changes: dict[str, Any], *, nested: bool) -> dict[str, list[Any]]:
    """Field → [old, new] for the audit entry. A service's nested parts are left to its
    version (they can be long); a location has no versions, so its hours are kept here."""
    return {
        field: [_short(old), _short(new)]
        for field, (old, new) in changes.items()
        if nested or field not in _NESTED
    }


def _publication_action(before: str | None, after: str) -> tuple[str, AuditAction] | None:
    """A save that changes the publication state is a publication (or its withdrawal), and is
    recorded as one, whatever else it changed (usability review M16)."""
    if before == after:
        return None
    if after == PublicationState.PUBLISHED:
        return "publish", actions.SERVICE_PUBLISH
    if before == PublicationState.PUBLISHED:
        return "unpublish", actions.SERVICE_UNPUBLISH
    return None


# --- Services -----------------------------------------------------------------------------------


def service_create(
    *,
    actor: Actor,
    service: Service,
    save_related: Callable[[Service], None] = _nothing,
    request: HttpRequest | None = None,
) -> Service:
    """Create a service description: the service (not saved yet), then what `save_related`
    writes for it (channels, places, hours, classifications). The first version and the audit
    entry follow; a service created as published is also audited as a publication."""
    with transaction.atomic():
        _require_editor(actor, service.organization_id)
        service.full_clean()
        service.save()
        save_related(service)
        if service.publication_state == PublicationState.PUBLISHED:
            _check_publication(actor, service, service_snapshot(service))
        version = service_version_record(service=service, actor=actor, action="create")
        number = version.number if version else None
        audit_record(
            action=actions.SERVICE_CREATE,
            actor=actor,
            target=service,
            request=request,
            details={"version": number},
        )
        if service.publication_state == PublicationState.PUBLISHED:
            audit_record(
                action=actions.SERVICE_PUBLISH,
                actor=actor,
                target=service,
                request=request,
                details={"version": number},
            )
        services_changed(service_ids=[service.pk])
    return service


def service_update(
    *,
    actor: Actor,
    service_id: uuid.UUID,
    apply_changes: Callable[[Service], None],
    request: HttpRequest | None = None,
    on_draft: bool = False,
) -> Service:
    """Change a service description. `apply_changes` gets the service, locked and checked,
    sets the new values on it and writes its nested parts (channels, places, hours); this
    function saves the service itself. The actor must be allowed to edit the organisation the
    service belongs to before and after the change (a move). A new version and an audit entry
    are stored when anything changed, and only then are the listeners told: a save that changes
    nothing must not clear every process's search cache. A change of the publication state is
    audited as publish or unpublish, and a publication must pass `catalog.completeness`.

    A published service of an organisation that requires review, changed by an editor who may
    not approve, keeps its live rows: the changes are made inside a savepoint, read back as a
    snapshot, rolled back and kept as the service's draft (`ServiceDraft`) until approved. A
    withdrawal (back to draft) is never held back.

    `on_draft`: the changes were made on the pending draft (the editor's form showed it), so
    the draft is written first inside that savepoint and what results replaces the draft; a
    withdrawal made on the draft keeps the draft's content as the unpublished description."""
    with transaction.atomic():
        service: Service = _locked(Service, service_id, actor)
        before = service_snapshot(service)
        own_before = _own_fields(service)
        as_draft = before["publication_state"] == PublicationState.PUBLISHED and (
            must_send_for_review(actor, service.organization)
        )
        savepoint = transaction.savepoint() if as_draft else None
        base = None
        if savepoint is not None and on_draft:
            base = (
                ServiceDraft.objects.select_for_update()
                .filter(service=service, publish=False)
                .first()
            )
            if base is not None:
                apply_service_snapshot(service, base.snapshot)
        apply_changes(service)
        _require_editor(actor, service.organization_id)
        if savepoint is not None:
            if service.publication_state == PublicationState.PUBLISHED:
                return _store_draft(
                    actor=actor,
                    service=service,
                    before=before,
                    savepoint=savepoint,
                    request=request,
                    base=base,
                )
            transaction.savepoint_commit(savepoint)
            if base is not None:
                # Its content is now the (unpublished) description itself.
                base.delete()
        saved = _own_fields(service) != own_before
        if saved:
            service.full_clean()
            service.save()
        publication = _publication_action(before["publication_state"], service.publication_state)
        if publication and publication[0] == "publish":
            _check_publication(actor, service, service_snapshot(service))
        version = service_version_record(
            service=service,
            actor=actor,
            action=publication[0] if publication else "update",
            before=before,
        )
        if version is None:
            return service
        if not saved:
            # Only its channels, places, hours or classifications changed: the description did.
            service.save(update_fields=["updated_at"])
        changes = version.changes
        audit_record(
            action=publication[1] if publication else actions.SERVICE_UPDATE,
            actor=actor,
            target=service,
            request=request,
            details={
                "version": version.number,
                "fields": sorted(changes)[:50],
                "changes": _old_and_new(changes, nested=False),
            },
        )
        services_changed(service_ids=[service.pk])
    return service


def _store_draft(
    *,
    actor: Actor,
    service: Service,
    before: dict[str, Any],
    savepoint: str,
    request: HttpRequest | None,
    base: ServiceDraft | None = None,
) -> Service:
    """Keep what `apply_changes` wrote (inside `savepoint`) as the service's draft, and roll
    the live rows back. Made on the live description, the changes are merged by field into an
    existing draft (a field the form left as it was keeps the draft's earlier change); made on
    the draft (`base`), the result is the draft, and a draft that no longer differs from the
    live description is discarded."""
    service.full_clean()
    service.save()
    after = service_snapshot(service)
    transaction.savepoint_rollback(savepoint)
    service.refresh_from_db()
    if base is not None:
        changes = snapshot_changes(base.snapshot, after)
        if not changes:
            return service
        if not snapshot_changes(before, after):
            base.delete()
            audit_record(
                action=actions.SERVICE_DRAFT,
                actor=actor,
                target=service,
                request=request,
                details={
                    "fields": sorted(changes)[:50],
                    "changes": _old_and_new(changes, nested=False),
                    "discarded": True,
                },
            )
            return service
        draft = base
        draft.snapshot = after
    else:
        changes = snapshot_changes(before, after)
        if not changes:
            return service
        existing = ServiceDraft.objects.select_for_update().filter(service=service).first()
        draft = existing or ServiceDraft(service=service, snapshot=before)
        draft.snapshot = {**draft.snapshot, **{field: after[field] for field in changes}}
    draft.state = DraftState.DRAFT
    author: Any = actor.pk if getattr(actor, "is_authenticated", False) else None
    draft.author_id = author
    draft.save()
    audit_record(
        action=actions.SERVICE_DRAFT,
        actor=actor,
        target=service,
        request=request,
        details={"fields": sorted(changes)[:50], "changes": _old_and_new(changes, nested=False)},
    )
    return service


def _set_publication(
    *, actor: Actor, service: Service, state: str, request: HttpRequest | None
) -> Service:
    with transaction.atomic():
        service.refresh_from_db(from_queryset=Service.objects.select_for_update())
        _require_editor(actor, service.organization_id)
        if service.publication_state == state:
            return service
        if state == PublicationState.PUBLISHED:
            _check_publication(actor, service, service_snapshot(service))
        before = service.publication_state
        service.publication_state = state
        service.save(update_fields=["publication_state", "updated_at"])
        version = service_version_record(
            service=service,
            actor=actor,
            action="publish" if state == PublicationState.PUBLISHED else "unpublish",
            force=True,
        )
        audit_record(
            action=actions.SERVICE_PUBLISH
            if state == PublicationState.PUBLISHED
            else actions.SERVICE_UNPUBLISH,
            actor=actor,
            target=service,
            request=request,
            details={
                "version": version.number if version else None,
                "changes": {"publication_state": [before, state]},
            },
        )
        services_changed(service_ids=[service.pk])
    return service


def service_publish(
    *, actor: Actor, service: Service, request: HttpRequest | None = None
) -> Service:
    return _set_publication(
        actor=actor, service=service, state=PublicationState.PUBLISHED, request=request
    )


def service_unpublish(
    *, actor: Actor, service: Service, request: HttpRequest | None = None
) -> Service:
    return _set_publication(
        actor=actor, service=service, state=PublicationState.DRAFT, request=request
    )


def service_verify(
    *, actor: Actor, service: Service, request: HttpRequest | None = None
) -> Service:
    """The provider confirms that the description is still true: stamps today and who."""
    with transaction.atomic():
        service.refresh_from_db(from_queryset=Service.objects.select_for_update())
        _require_editor(actor, service.organization_id)
        service.last_verified_at = timezone.now()
        service.last_verified_by_id = actor.pk
        service.save(update_fields=["last_verified_at", "last_verified_by", "updated_at"])
        version = service_version_record(service=service, actor=actor, action="verify", force=True)
        audit_record(
            action=actions.SERVICE_VERIFY,
            actor=actor,
            target=service,
            request=request,
            details={"version": version.number if version else None},
        )
    return service


# --- Review: drafts sent for approval -----------------------------------------------------------


def service_submit_for_review(
    *, actor: Actor, service_id: uuid.UUID, request: HttpRequest | None = None
) -> ServiceDraft:
    """An editor sends the service for approval: a draft service to be published, or the
    draft changes of a published one. Refused when the result would be incomplete."""
    with transaction.atomic():
        service: Service = _locked(Service, service_id, actor)
        draft = ServiceDraft.objects.select_for_update().filter(service=service).first()
        published = service.publication_state == PublicationState.PUBLISHED
        if published and draft is None:
            raise PolicyDenied(_("There are no changes to send for approval."))
        if draft is None:
            draft = ServiceDraft(service=service)
        if not published:
            # Not public yet: the live rows are the draft; publishing them is what is asked.
            snapshot = service_snapshot(service)
            snapshot["publication_state"] = PublicationState.PUBLISHED
            draft.snapshot = snapshot
            draft.publish = True
        missing = missing_for_publication(draft.snapshot)
        if missing:
            raise ServiceIncomplete(missing)
        draft.state = DraftState.PENDING_REVIEW
        draft.submitted_at = timezone.now()
        author: Any = actor.pk
        draft.author_id = author
        draft.comment = ""
        draft.save()
        audit_record(
            action=actions.SERVICE_SUBMIT,
            actor=actor,
            target=service,
            request=request,
            details={"publish": draft.publish},
        )
        review_requested(organization_id=service.organization_id, service_id=service.pk)
    return draft


def _locked_for_approval(actor: Actor, service_id: uuid.UUID) -> tuple[Service, ServiceDraft]:
    service = Service.objects.select_for_update().filter(pk=service_id).first()
    if service is None:
        raise NotFound
    if not can_approve_services_of(actor, service.organization_id):
        raise AccessDenied(target_type="catalog.service", target_id=service_id)
    draft = (
        ServiceDraft.objects.select_for_update()
        .filter(service=service, state=DraftState.PENDING_REVIEW)
        .first()
    )
    if draft is None:
        raise PolicyDenied(_("This service has nothing waiting for approval."))
    return service, draft


def service_approve(
    *, actor: Actor, service_id: uuid.UUID, request: HttpRequest | None = None
) -> Service:
    """The organisation's approver or a coordinator approves what waits: the draft is written
    to the live rows (or, for a first publication, the service is published), versioned,
    audited as an approval (and a publication), and the search index hears of it."""
    with transaction.atomic():
        service, draft = _locked_for_approval(actor, service_id)
        missing = missing_for_publication(draft.snapshot)
        if missing:
            raise ServiceIncomplete(missing)
        was = service.publication_state
        if draft.publish:
            expected = {**draft.snapshot, "publication_state": was}
            if snapshot_changes(expected, service_snapshot(service)):
                raise PolicyDenied(
                    _(
                        "The description has changed since it was sent for approval: its "
                        "editor must send it again."
                    )
                )
        else:
            apply_service_snapshot(service, draft.snapshot)
        service.publication_state = PublicationState.PUBLISHED
        service.save(update_fields=["publication_state", "updated_at"])
        version = service_version_record(service=service, actor=actor, action="approve", force=True)
        number = version.number if version else None
        author = draft.author_id
        review_outcome_notice(draft=draft, service=service, approved=True)
        draft.delete()
        audit_record(
            action=actions.SERVICE_APPROVE,
            actor=actor,
            target=service,
            request=request,
            details={
                "version": number,
                "author": str(author) if author else None,
                "fields": sorted(version.changes)[:50] if version else [],
            },
        )
        if was != PublicationState.PUBLISHED:
            audit_record(
                action=actions.SERVICE_PUBLISH,
                actor=actor,
                target=service,
                request=request,
                details={"version": number, "changes": {"publication_state": [was, "published"]}},
            )
        services_changed(service_ids=[service.pk])
    return service


def service_return(
    *, actor: Actor, service_id: uuid.UUID, comment: str, request: HttpRequest | None = None
) -> ServiceDraft:
    """The approver returns the draft to its editors with a comment on what to change."""
    comment = comment.strip()
    if not comment:
        raise PolicyDenied(_("Say what should be changed."))
    with transaction.atomic():
        service, draft = _locked_for_approval(actor, service_id)
        draft.state = DraftState.RETURNED
        draft.comment = comment
        draft.save()
        review_outcome_notice(draft=draft, service=service, approved=False)
        audit_record(
            action=actions.SERVICE_RETURN,
            actor=actor,
            target=service,
            request=request,
            details={"comment": _short(comment)},
        )
    return draft


# --- Locations ----------------------------------------------------------------------------------


def _services_at(location: Location) -> list[uuid.UUID]:
    return list(
        ServiceAtLocation.objects.filter(location=location).values_list("service_id", flat=True)
    )


def location_create(
    *,
    actor: Actor,
    location: Location,
    save_related: Callable[[Location], None] = _nothing,
    request: HttpRequest | None = None,
) -> Location:
    """Create a location (not saved yet) and what `save_related` writes for it (hours)."""
    with transaction.atomic():
        _require_editor(actor, location.organization_id)
        location.full_clean()
        location.save()
        save_related(location)
        given = location_snapshot(location)
        audit_record(
            action=actions.LOCATION_CREATE,
            actor=actor,
            target=location,
            request=request,
            details={"fields": sorted(k for k, v in given.items() if v not in (None, "", []))},
        )
    return location


def location_update(
    *,
    actor: Actor,
    location_id: uuid.UUID,
    apply_changes: Callable[[Location], None],
    request: HttpRequest | None = None,
) -> Location:
    """Change a location: as `service_update`, for a place and its hours. Locations have no
    versions, so the audit entry keeps the old and new values. The services given at the place
    are reindexed (its name and address are in their search documents) when anything changed."""
    with transaction.atomic():
        location: Location = _locked(Location, location_id, actor)
        before = location_snapshot(location)
        own_before = _own_fields(location)
        services_before = _services_at(location)
        apply_changes(location)
        _require_editor(actor, location.organization_id)
        saved = _own_fields(location) != own_before
        if saved:
            location.full_clean()
            location.save()
        changes = snapshot_changes(before, location_snapshot(location))
        if not changes:
            return location
        if not saved:
            location.save(update_fields=["updated_at"])  # its hours changed
        audit_record(
            action=actions.LOCATION_UPDATE,
            actor=actor,
            target=location,
            request=request,
            details={"fields": sorted(changes)[:50], "changes": _old_and_new(changes, nested=True)},
        )
        services_changed(service_ids=sorted({*services_before, *_services_at(location)}))
    return location


# --- Imports' waiting documents ----------------------------------------------------------------


def pending_import_purge(
    *, older_than_days: int | None = None, now: dt.datetime | None = None
) -> int:
    """Delete the documents imports kept waiting for their services or organisation
    (`PendingImport`, ADR 0030) that no import has renewed for `older_than_days`
    (`PENDING_IMPORT_RETENTION_DAYS`): what they wait for is not coming. Returns how many.
    The daily periodic job and `perhekeskus purge-pending-imports` call it."""
    days = (
        settings.CATALOG_PENDING_IMPORT_RETENTION_DAYS
        if older_than_days is None
        else older_than_days
    )
    if days < 0:
        raise ValueError("The retention period cannot be negative")
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    deleted, _counts = PendingImport.objects.filter(received_at__lt=cutoff).delete()
    return deleted


# --- Command line provisioning ------------------------------------------------------------------


def municipality_ensure(
    *, code: str, names: dict[str, str], languages: list[str] | None = None
) -> Municipality:
    """Reference data (official codes, names and languages), not an audited business change."""
    defaults: dict[str, Any] = {f"name_{lang}": name for lang, name in names.items()}
    if languages is not None:
        defaults["languages"] = languages
    municipality, _created = Municipality.objects.update_or_create(code=code, defaults=defaults)
    return municipality


def organization_set_review(
    *, organization_id: uuid.UUID, requires_review: bool, via: str
) -> Organization:
    """Whether the organisation's publications and changes of published services wait for
    approval (ADR 0032). Set from the command line by the installation's administrators; the
    audit entry names the command in `via`."""
    with transaction.atomic():
        organization = Organization.objects.select_for_update().get(pk=organization_id)
        if organization.requires_review == requires_review:
            return organization
        before = organization.requires_review
        organization.requires_review = requires_review
        organization.save(update_fields=["requires_review", "updated_at"])
        audit_record(
            action=actions.ORGANIZATION_UPDATE,
            target=organization,
            details={"via": via, "changes": {"requires_review": [before, requires_review]}},
        )
    return organization


def organization_provision(
    *,
    id: uuid.UUID,
    type: str,
    names: dict[str, str],
    descriptions: dict[str, str] | None = None,
    business_id: str = "",
    website: str = "",
    municipality_codes: Iterable[str] = (),
    parent: Organization | None = None,
    requires_review: bool = False,
    via: str,
) -> tuple[Organization, bool]:
    """Create or update an organisation from the command line (demo data, imports), keeping the
    given id. The audit entry names the command in `via`."""
    fields: dict[str, Any] = {
        "type": type,
        "business_id": business_id,
        "website": website,
        "parent": parent,
        "requires_review": requires_review,
    }
    fields.update({f"name_{lang}": name for lang, name in names.items()})
    fields.update({f"description_{lang}": text for lang, text in (descriptions or {}).items()})
    with transaction.atomic():
        organization = Organization.objects.filter(pk=id).first()
        created = organization is None
        if organization is None:
            organization = Organization(pk=id)
        changed = created
        for field, value in fields.items():
            if getattr(organization, field) != value:
                setattr(organization, field, value)
                changed = True
        codes = set(municipality_codes)
        if not created and set(organization.municipalities.values_list("code", flat=True)) != codes:
            changed = True
        if not changed:
            return organization, False
        organization.full_clean()
        organization.save()
        organization.municipalities.set(Municipality.objects.filter(code__in=codes))
        audit_record(
            action=actions.ORGANIZATION_CREATE if created else actions.ORGANIZATION_UPDATE,
            target=organization,
            details={"via": via},
        )
    return organization, created


# --- Restoring an earlier version (editor lane) -------------------------------------------------


def service_version_restore(
    *,
    actor: Any,
    service_id: uuid.UUID,
    version_number: int,
    request: HttpRequest | None = None,
) -> Service:
    """Bring a service description back to what version `version_number` said: its texts,
    classifications, channels, hours and places (not its organisation, publication or status).
    It is a change like any other, through `service_update`: locked, checked, stored as a new
    version, audited and reindexed; a restore that changes nothing stores nothing. A version
    that does not exist and a service the actor may not edit answer alike (NotFound)."""
    from perhekeskus.catalog.models import ServiceVersion
    from perhekeskus.catalog.versions import restore_snapshot

    with transaction.atomic():
        version = (
            ServiceVersion.objects.filter(service_id=service_id, number=version_number)
            .only("snapshot")
            .first()
        )
        if version is None:
            raise NotFound
        snapshot = version.snapshot

        def restore(service: Service) -> None:
            restore_snapshot(service, snapshot)

        return service_update(
            actor=actor, service_id=service_id, apply_changes=restore, request=request
        )
