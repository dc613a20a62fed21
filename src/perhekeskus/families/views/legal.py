"""Reading under a law (a professional states the legal basis and the reason, then reads the
family's page under it) and the coordinators' review of such readings."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.core.decorators import professional_required
from perhekeskus.core.policies import require
from perhekeskus.core.ratelimit import RateLimited
from perhekeskus.families import selectors_consents
from perhekeskus.families.forms.consents import LegalAccessForm, ReviewFilterForm, ReviewForm
from perhekeskus.families.policies import can_review_legal_access, can_work_with_families
from perhekeskus.families.services import legal
from perhekeskus.families.views.common import current_user, family_url, save_form


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def legal_access(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    require(
        can_work_with_families(user),
        _("Only a professional who works with families may read under a law."),
    )
    form = LegalAccessForm(request.POST or None)
    try:
        saved = save_form(
            request,
            form,
            lambda data: legal.legal_access_open(
                actor=user,
                personal_identity_code=data["personal_identity_code"],
                basis=data["basis"],
                reason=data["reason"],
                categories=data["categories"],
                request=request,
            ),
            success=_(
                "You are reading the family's data under a law. Every read is marked in the "
                "family's access log and a coordinator reviews it."
            ),
            level=messages.WARNING,
            then=lambda access: family_url(access.family_id),
        )
    except RateLimited as limited:
        form.add_error(
            None,
            _("You have looked up too many identity codes in a short time. Try again later."),
        )
        response = render(request, "families/pro/legal_access.html", {"form": form}, status=429)
        response["Retry-After"] = str(limited.retry_after)
        return response
    if saved:
        return saved
    status = 400 if form.is_bound else 200
    return render(request, "families/pro/legal_access.html", {"form": form}, status=status)


@never_cache
@require_GET
@professional_required
def review_list(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    require(can_review_legal_access(user), _("Only a coordinator reviews readings under a law."))
    filters = ReviewFilterForm(request.GET)
    status = filters.parse().get("status") or ""
    page = selectors_consents.legal_access_reviews(
        user, page=request.GET.get("page", 1), status=status
    )
    links = [
        (
            value,
            label,
            f"{reverse('families:reviews')}?status={value}"
            if value
            else reverse("families:reviews"),
        )
        for value, label in ReviewFilterForm.CHOICES
    ]
    context = {
        "page": page,
        "status": status,
        "filters": links,
        "notes": filters.notes(),
        "query": f"status={status}" if status else "",
        "waiting": selectors_consents.unreviewed_count(user),
    }
    return render(request, "families/pro/reviews.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def review_detail(request: HttpRequest, legal_access_id: int) -> HttpResponse:
    user = current_user(request)
    row = selectors_consents.legal_access_review_row(user, legal_access_id)
    form = ReviewForm(request.POST or None)
    saved = (
        save_form(
            request,
            form,
            lambda data: legal.legal_access_review(
                actor=user, legal_access_id=legal_access_id, note=data["note"], request=request
            ),
            success=_("The reading is marked reviewed."),
            then="families:reviews",
        )
        if not row.reviewed
        else None
    )
    if saved:
        return saved
    context = {"row": row, "form": form, "own": row.access.actor_id == user.pk}
    status = 400 if form.is_bound else 200
    return render(request, "families/pro/reviews_detail.html", context, status=status)
