"""Data-subject rights on the professionals' side: the export of everything about one guardian or
child (a JSON download and a readable page, each made by `services.subject.subject_export`,
which logs and audits it) and the correction requests the responsible worker records and
answers."""

from __future__ import annotations

import json
import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.core.decorators import professional_required
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.families import selectors, selectors_referrals
from perhekeskus.families.forms.referrals import CorrectionHandleForm, CorrectionRecordForm
from perhekeskus.families.models import CorrectionStatus, DataCategory
from perhekeskus.families.policies import can_manage_family
from perhekeskus.families.services import subject as subject_services
from perhekeskus.families.views.common import (
    current_user,
    family_url,
    form_status,
    posted,
    save_form,
)


def _kind(kind: str) -> str:
    if kind not in selectors_referrals.SUBJECT_KINDS:
        raise NotFound()
    return kind


@never_cache
@require_GET
@professional_required
def subject_export_json(
    request: HttpRequest, family_id: uuid.UUID, kind: str, person_id: int
) -> HttpResponse:
    data = subject_services.subject_export(
        actor=current_user(request),
        family_id=family_id,
        subject_kind=_kind(kind),
        subject_id=person_id,
        fmt="json",
        request=request,
    )
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="export-{kind}-{person_id}.json"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_GET
@professional_required
def subject_export_html(
    request: HttpRequest, family_id: uuid.UUID, kind: str, person_id: int
) -> HttpResponse:
    data = subject_services.subject_export(
        actor=current_user(request),
        family_id=family_id,
        subject_kind=_kind(kind),
        subject_id=person_id,
        fmt="html",
        request=request,
    )
    context = {
        "data": data,
        "kind": kind,
        "person_id": person_id,
        "family_id": family_id,
        "family_url": family_url(family_id),
    }
    return render(request, "families/pro/export.html", context)


def _responsible_access(request: HttpRequest, family_id: uuid.UUID) -> selectors.FamilyAccess:
    user = current_user(request)
    # Checked first without a log entry: a reader who is refused has read nothing.
    checked = selectors.access_family(actor=user, family_id=family_id, for_action=True)
    if not can_manage_family(user, checked.family):
        raise PolicyDenied()
    return selectors.access_family(actor=user, family_id=family_id, categories=[DataCategory.BASIC])


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def correction_new(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    family_access = _responsible_access(request, family_id)
    form = CorrectionRecordForm(
        posted(request), guardians=selectors.family_guardians(family_access)
    )
    saved = save_form(
        request,
        form,
        lambda data: subject_services.correction_record(
            actor=current_user(request),
            family_id=family_id,
            guardian_id=data["guardian"],
            text=data["text"],
            request=request,
        ),
        success=_("The correction request was recorded."),
        then=family_url(family_id),
    )
    if saved:
        return saved
    context = {
        "family": family_access.family,
        "family_url": family_url(family_id),
        "form": form,
    }
    return render(request, "families/pro/correction_new.html", context, status=form_status(form))


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def correction_handle(
    request: HttpRequest, family_id: uuid.UUID, correction_id: int
) -> HttpResponse:
    family_access = _responsible_access(request, family_id)
    correction = selectors_referrals.correction_of_family(family_access, correction_id)
    answered = correction.status != CorrectionStatus.RECEIVED
    form = CorrectionHandleForm(request.POST if request.method == "POST" and not answered else None)
    saved = save_form(
        request,
        form,
        lambda data: subject_services.correction_handle(
            actor=current_user(request),
            family_id=family_id,
            correction_id=correction_id,
            status=data["status"],
            response=data["response"],
            request=request,
        ),
        success=_("The answer was saved. The family reads it on their page."),
        then=family_url(family_id),
    )
    if saved:
        return saved
    context = {
        "family": family_access.family,
        "family_url": family_url(family_id),
        "correction": correction,
        "answered": answered,
        "form": form,
    }
    return render(request, "families/pro/correction_handle.html", context, status=form_status(form))
