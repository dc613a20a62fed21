"""Read-only API of the audit log for coordinators. There is no write endpoint, by design:
entries are only ever appended by the service layer."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import generics, permissions, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

from perhekeskus.audit.models import AuditEntry
from perhekeskus.audit.policies import can_view_audit_log
from perhekeskus.audit.selectors import AuditFilters, access_audit_log


class CanViewAuditLog(permissions.BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        return can_view_audit_log(request.user)


class AuditEntrySerializer(serializers.ModelSerializer[AuditEntry]):
    class Meta:
        model = AuditEntry
        fields = [
            "id",
            "occurred_at",
            "actor_label",
            "action",
            "target_type",
            "target_id",
            "ip_address",
            "reason",
            "details",
        ]
        read_only_fields = fields


class AuditPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "per_page"
    max_page_size = 500


class _AuditQuerysetMixin:
    def get_queryset(self) -> QuerySet[AuditEntry]:
        request: Request = self.request  # type: ignore[attr-defined]
        params = request.query_params
        filters = AuditFilters(
            action=params.get("action", ""),
            actor=params.get("actor", ""),
            target_type=params.get("target_type", ""),
            target_id=params.get("target_id", ""),
        )
        return access_audit_log(actor=request.user, filters=filters, request=request)


class AuditEntryListView(_AuditQuerysetMixin, generics.ListAPIView[AuditEntry]):
    serializer_class = AuditEntrySerializer
    permission_classes = [CanViewAuditLog]
    pagination_class = AuditPagination


class AuditEntryDetailView(_AuditQuerysetMixin, generics.RetrieveAPIView[AuditEntry]):
    serializer_class = AuditEntrySerializer
    permission_classes = [CanViewAuditLog]
