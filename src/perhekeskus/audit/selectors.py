from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpRequest

from perhekeskus.audit.actions import AUDIT_LOG_VIEW
from perhekeskus.audit.models import AuditEntry
from perhekeskus.audit.policies import can_view_audit_log
from perhekeskus.audit.services import audit_record
from perhekeskus.core.actors import Visitor
from perhekeskus.core.policies import require


@dataclass(frozen=True)
class AuditFilters:
    action: str = ""
    actor: str = ""
    target_type: str = ""
    target_id: str = ""
    since: dt.datetime | None = None
    until: dt.datetime | None = None

    def as_details(self) -> dict[str, str]:
        return {key: str(value) for key, value in self.__dict__.items() if value}


def audit_entry_list_visible_to(
    *, actor: Visitor, filters: AuditFilters | None = None
) -> QuerySet[AuditEntry]:
    """Entries the actor may browse, newest first. Only coordinators may browse the log."""
    require(can_view_audit_log(actor), "Only network coordinators can browse the audit log")
    queryset = AuditEntry.objects.all().order_by("-occurred_at", "-id")
    f = filters or AuditFilters()
    if f.action:
        queryset = queryset.filter(action__startswith=f.action)
    if f.actor:
        queryset = queryset.filter(actor_label__icontains=f.actor)
    if f.target_type:
        queryset = queryset.filter(target_type=f.target_type)
    if f.target_id:
        queryset = queryset.filter(target_id=f.target_id)
    if f.since:
        queryset = queryset.filter(occurred_at__gte=f.since)
    if f.until:
        queryset = queryset.filter(occurred_at__lt=f.until)
    return queryset


def access_audit_log(
    *, actor: Visitor, filters: AuditFilters, request: HttpRequest | None = None
) -> QuerySet[AuditEntry]:
    """Browse the log: the log holds personal data (who did what, from where), so every look at
    it is itself recorded, with the filters used."""
    queryset = audit_entry_list_visible_to(actor=actor, filters=filters)
    audit_record(action=AUDIT_LOG_VIEW, actor=actor, request=request, details=filters.as_details())
    return queryset
