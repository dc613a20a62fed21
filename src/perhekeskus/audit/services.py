"""Recording audit entries: the only write the audit app has."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.http import HttpRequest

from perhekeskus.audit.models import AuditEntry
from perhekeskus.audit.registry import AuditAction, get_action
from perhekeskus.core.actors import Visitor


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address as the server saw it. Behind a proxy, the server command trusts
    X-Forwarded-For only from FORWARDED_ALLOW_IPS, so REMOTE_ADDR is already the real client."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    action: AuditAction | str,
    actor: Visitor = None,
    target: models.Model | None = None,
    target_type: str = "",
    target_id: str | int | None = None,
    request: HttpRequest | None = None,
    reason: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the audit log.

    Call it inside the transaction of the change it records, so that the change and its entry are
    committed together or not at all. The action must be registered; an action that the law ties
    to a reason refuses to be recorded without one.
    """
    registered = get_action(action if isinstance(action, str) else action.name)
    if registered.requires_reason and not reason.strip():
        raise ValueError(f"Audit action {registered.name} requires a reason")
    if target is not None:
        target_type = target_type or target._meta.label_lower
        target_id = target.pk
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    with transaction.atomic():
        return AuditEntry.objects.create(
            actor_id=actor.pk if actor is not None else None,
            actor_label=getattr(actor, "email", "") if actor is not None else "",
            action=registered.name,
            target_type=target_type,
            target_id="" if target_id is None else str(target_id),
            ip_address=client_ip(request),
            reason=reason,
            details=details or {},
        )
