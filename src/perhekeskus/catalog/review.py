"""Reads for publishing with care: the review queue of an approver or coordinator, and one
service's publishing page (its checklist, its draft and what its reader may do with it)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.db.models import QuerySet

from perhekeskus.catalog.completeness import Check, publication_checks
from perhekeskus.catalog.models import (
    DraftState,
    PublicationState,
    Service,
    ServiceDraft,
    ServiceVersion,
)
from perhekeskus.catalog.policies import (
    can_approve_services_of,
    can_edit_catalog_of,
    must_send_for_review,
)
from perhekeskus.catalog.versions import (
    FieldChange,
    service_snapshot,
    snapshot_changes,
    version_changes,
)
from perhekeskus.core.actors import Visitor
from perhekeskus.core.errors import AccessDenied, NotFound
from perhekeskus.core.policies import is_coordinator


def review_queue_for(*, actor: Visitor) -> QuerySet[ServiceDraft]:
    """The drafts waiting for this actor's approval, oldest first: every organisation's for a
    coordinator, the approver's own organisation's for an approver, none for anyone else."""
    drafts = ServiceDraft.objects.filter(state=DraftState.PENDING_REVIEW).select_related(
        "service", "service__organization", "author"
    )
    if is_coordinator(actor):
        return drafts.order_by("submitted_at", "pk")
    organization_id = getattr(actor, "organization_id", None)
    if organization_id is None or not can_approve_services_of(actor, organization_id):
        return drafts.none()
    return drafts.filter(service__organization_id=organization_id).order_by("submitted_at", "pk")


@dataclass
class Publishing:
    """What the publishing page of one service shows its reader."""

    service: Service
    draft: ServiceDraft | None
    checks: list[Check]
    # What the draft changes, field by field and in words (the history's own display).
    changes: list[FieldChange] = field(default_factory=list)
    may_edit: bool = False
    may_approve: bool = False
    needs_review: bool = False  # the reader's publications wait for approval

    @property
    def complete(self) -> bool:
        return not any(check.problem for check in self.checks)

    @property
    def is_published(self) -> bool:
        return self.service.publication_state == PublicationState.PUBLISHED

    @property
    def pending(self) -> bool:
        return self.draft is not None and self.draft.state == DraftState.PENDING_REVIEW

    @property
    def can_submit(self) -> bool:
        if not (self.may_edit and self.needs_review) or self.pending:
            return False
        return self.draft is not None or not self.is_published

    @property
    def can_publish(self) -> bool:
        return self.may_edit and not self.needs_review and not self.is_published

    @property
    def can_approve(self) -> bool:
        return self.may_approve and self.pending


def publishing_get(*, actor: Visitor, service_id: uuid.UUID) -> Publishing:
    """One service's publishing page, for its editors and its approvers; NotFound for anyone
    else, as for a missing service."""
    service = Service.objects.select_related("organization").filter(pk=service_id).first()
    if service is None:
        raise NotFound
    may_edit = can_edit_catalog_of(actor, service.organization_id)
    may_approve = can_approve_services_of(actor, service.organization_id)
    if not (may_edit or may_approve):
        raise AccessDenied(target_type="catalog.service", target_id=service_id)
    draft = ServiceDraft.objects.select_related("author").filter(service=service).first()
    live = service_snapshot(service)
    content = draft.snapshot if draft and not draft.publish else live
    return Publishing(
        service=service,
        draft=draft,
        checks=publication_checks(content),
        changes=version_changes(ServiceVersion(changes=snapshot_changes(live, draft.snapshot)))
        if draft and not draft.publish
        else [],
        may_edit=may_edit,
        may_approve=may_approve,
        needs_review=must_send_for_review(actor, service.organization),
    )
