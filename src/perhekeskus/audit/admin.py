from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from perhekeskus.audit.actions import AUDIT_LOG_VIEW
from perhekeskus.audit.models import AuditEntry
from perhekeskus.audit.services import audit_record


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin[AuditEntry]):
    """Read-only: nobody, not even a superuser, adds, changes or deletes entries here."""

    list_display = ["occurred_at", "action", "actor_label", "target_type", "target_id"]
    list_filter = ["action"]
    search_fields = ["actor_label", "target_id", "action"]
    date_hierarchy = "occurred_at"
    actions = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        audit_record(
            action=AUDIT_LOG_VIEW, actor=request.user, request=request, details={"via": "admin"}
        )
        return super().changelist_view(request, extra_context)
