from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from perhekeskus.audit.forms import AuditFilterForm
from perhekeskus.audit.policies import can_view_audit_log
from perhekeskus.audit.selectors import access_audit_log
from perhekeskus.core.decorators import professional_required

PAGE_SIZE = 50


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
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {"form": form, "page": page, "query": query.urlencode()},
        status=status,
    )
