from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import capfirst
from django.views.decorators.http import require_GET

from perhekeskus.audit.forms import AuditFilterForm
from perhekeskus.audit.policies import can_view_audit_log
from perhekeskus.audit.registry import resolve_targets
from perhekeskus.audit.selectors import access_audit_log
from perhekeskus.core.decorators import professional_required

PAGE_SIZE = 50


def name_targets(entries: Any, *, viewer: Any) -> None:
    """Each entry's target by name, with a link where the viewer may open it (usability review
    m17), as the apps that own the targets name them (`registry.register_target`)."""
    rows = list(entries)
    links = resolve_targets(
        ((row.target_type, row.target_id) for row in rows if row.target_type), viewer=viewer
    )
    for row in rows:
        row.target_link = links.get((row.target_type, row.target_id))
        row.target_kind = _model_name(row.target_type)


def _model_name(label: str) -> str:
    if not label:
        return ""
    try:
        return str(capfirst(apps.get_model(label)._meta.verbose_name))
    except (LookupError, ValueError):
        return label


@require_GET
@professional_required
def audit_log(request: HttpRequest) -> HttpResponse:
    if not can_view_audit_log(request.user):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    page = None
    if form.is_bound and not form.is_valid():
        status = 400
    else:
        status = 200
        if not form.is_bound:
            form = AuditFilterForm({})
            form.is_valid()
        entries = access_audit_log(actor=request.user, filters=form.filters(), request=request)
        page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
        name_targets(page.object_list, viewer=request.user)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {"form": form, "page": page, "query": query.urlencode()},
        status=status,
    )
