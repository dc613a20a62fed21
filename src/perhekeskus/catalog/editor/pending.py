"""The documents imports keep until what they link to arrives (`PendingImport`, ADR 0030): a
read-only page for the network's coordinators, who run the imports, to see what waits and for
what. Nothing is changed here: a later import links and removes a document, and the daily
clean-up (`catalog.services.pending_import_purge`) deletes what waited too long."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.editor.site import editor_site
from perhekeskus.catalog.models import PendingImport
from perhekeskus.catalog.policies import can_view_pending_imports

_SHOWN_IDS = 3


def _waiting_in_words(codes: list[str], services: list[str]) -> str:
    """What a document waits for, stored as codes (`PendingImport.Waiting`) and the ids of the
    services, said in the reader's language: "services <ids>[ and N more]; its organisation"."""
    parts = []
    for code in codes:
        if code == PendingImport.Waiting.SERVICES:
            ids = ", ".join(services[:_SHOWN_IDS])
            if len(services) > _SHOWN_IDS:
                ids = gettext("%(ids)s and %(count)s more") % {
                    "ids": ids,
                    "count": len(services) - _SHOWN_IDS,
                }
            parts.append(gettext("services %(ids)s") % {"ids": ids})
        elif code == PendingImport.Waiting.ORGANIZATION:
            parts.append(gettext("its organisation"))
        else:
            parts.append(str(code))
    return "; ".join(parts)


def _name(document: Any) -> str:
    """The channel's name as its document gives it (Finnish first)."""
    names = document.get("serviceChannelNames") if isinstance(document, dict) else None
    if not isinstance(names, list):
        return ""
    by_language = {
        n.get("language"): n.get("value")
        for n in names
        if isinstance(n, dict) and isinstance(n.get("value"), str)
    }
    for language in ("fi", "sv", "en"):
        if by_language.get(language):
            return str(by_language[language])
    return next((str(v) for v in by_language.values() if v), "")


@admin.register(PendingImport, site=editor_site)
class PendingImportAdmin(admin.ModelAdmin):
    list_display = ("name", "waiting", "source", "object_id", "received_at")
    list_filter = ("source",)
    search_fields = ("object_id",)
    date_hierarchy = "received_at"
    fields = ("name", "source", "object_id", "waiting", "received_at", "document_as_text")
    readonly_fields = fields
    actions = None

    @admin.display(description=_("name"))
    def name(self, pending: PendingImport) -> str:
        return _name(pending.document) or "–"

    @admin.display(description=_("waiting for"), ordering="waiting_for")
    def waiting(self, pending: PendingImport) -> str:
        return _waiting_in_words(pending.waiting_for, pending.waiting_services)

    @admin.display(description=_("document"))
    def document_as_text(self, pending: PendingImport) -> str:
        text = json.dumps(pending.document, indent=2, ensure_ascii=False)
        return format_html('<pre class="pending-document">{}</pre>', text)

    def get_queryset(self, request: HttpRequest) -> QuerySet[PendingImport]:
        # Nothing is found for those refused, so an existing id answers like a missing one.
        queryset = super().get_queryset(request)
        return queryset if can_view_pending_imports(request.user) else queryset.none()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return can_view_pending_imports(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return can_view_pending_imports(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
