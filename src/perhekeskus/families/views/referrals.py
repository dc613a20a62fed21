"""The professionals' referral pages: sending a referral from a family's record (two steps that
work without JavaScript: the organisation, then its service, the data sent and the message),
the receiving organisation's inbox and a referral's page with its answers (accept, optionally
joining the family's team; decline with a reason; done), and withdrawing by the sending side.

Every read goes through `selectors_referrals` (the receiver's side) or `selectors.access_family`
(the family's side); every change through `services.referrals`."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from perhekeskus.catalog import selectors as catalog_selectors
from perhekeskus.core.decorators import professional_required
from perhekeskus.core.errors import PolicyDenied
from perhekeskus.core.forms import apply_validation_error
from perhekeskus.families import selectors, selectors_referrals
from perhekeskus.families.forms.referrals import (
    InboxFilterForm,
    ReferralAcceptForm,
    ReferralDeclineForm,
    ReferralOrganizationForm,
    ReferralSendForm,
)
from perhekeskus.families.models import DataCategory, ReferralStatus
from perhekeskus.families.services import referrals as referral_services
from perhekeskus.families.views.common import current_user, family_url, posted, save_form


def _query(**params: str) -> str:
    return urlencode({key: value for key, value in params.items() if value})


# --- Sending -------------------------------------------------------------------------------------


def _services_of(organization_id: Any) -> Any:
    try:
        return catalog_selectors.service_list_public(organization_id=organization_id)
    except (ValueError, ValidationError):
        return catalog_selectors.service_list_public().none()


def _organization(organization_id: Any) -> Any:
    try:
        return catalog_selectors.organization_list().filter(pk=organization_id).first()
    except (ValueError, ValidationError):
        return None


def _move_to_top(form: ReferralSendForm, error: ValidationError) -> None:
    """The organisation is chosen in the first step: what the service says about it belongs on
    top of the second step's form (the field is hidden there)."""
    if hasattr(error, "error_dict") and "to_organization" in error.error_dict:
        for message in error.error_dict.pop("to_organization"):
            form.add_error(None, message)
    if getattr(error, "error_dict", None) != {}:
        apply_validation_error(form, error)


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def referral_send(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    family_access = selectors.access_family(
        actor=user, family_id=family_id, categories=[DataCategory.REFERRALS]
    )
    if not referral_services.may_send(family_access):
        raise PolicyDenied()
    readable = [c for c in referral_services.SENDABLE if family_access.grants.can(c)]
    recipients = selectors_referrals.referral_recipients(family_access)
    organization_id = request.POST.get("to_organization") or request.GET.get("to_organization")
    organization = _organization(organization_id) if organization_id else None
    context: dict[str, Any] = {
        "family": family_access.family,
        "family_url": family_url(family_id),
        "recipients": recipients,
        "organization": organization,
    }
    if organization is None:
        choose = ReferralOrganizationForm(
            request.GET if "to_organization" in request.GET else None,
            organizations=catalog_selectors.organization_list(),
        )
        if choose.is_bound:
            choose.is_valid()
        context["form"] = choose
        context["step"] = 1
        status = 400 if choose.errors else 200
        return render(request, "families/pro/referral_send.html", context, status=status)
    form = ReferralSendForm(
        posted(request),
        initial={"to_organization": organization.pk, "categories": []},
        services=_services_of(organization.pk),
        readable=readable,
    )
    saved = save_form(
        request,
        form,
        lambda data: referral_services.referral_send(
            actor=user,
            family_id=family_access.family.pk,
            to_organization_id=organization.pk,
            to_service_id=data["to_service"].pk if data["to_service"] is not None else None,
            categories=data["categories"],
            message=data["message"],
            request=request,
        ),
        on_error=_move_to_top,
        success=_("The referral was sent. The receiving organisation finds it in its inbox."),
        then=family_url(family_access.family.pk),
    )
    if saved:
        return saved
    context["form"] = form
    context["step"] = 2
    return render(
        request, "families/pro/referral_send.html", context, status=400 if form.errors else 200
    )


# --- The receiving organisation ------------------------------------------------------------------


@never_cache
@require_GET
@professional_required
def referral_inbox(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = InboxFilterForm(request.GET)
    valid = form.is_valid()
    status = (form.cleaned_data.get("status") if valid else "") or selectors_referrals.INBOX_OPEN
    page = selectors_referrals.referral_inbox(
        actor=user, status=status, page=request.GET.get("page") or 1
    )
    base = reverse("families:referral_inbox")
    filters = [
        (value, label, f"{base}?{_query(status=str(value))}")
        for value, label in InboxFilterForm.CHOICES
    ]
    context = {
        "page": page,
        "rows": page.object_list,
        "status": status,
        "filters": filters,
        "query": _query(status=status),
        "organization": user.organization,
    }
    return render(request, "families/pro/inbox.html", context, status=200 if valid else 400)


def _detail_page(
    request: HttpRequest,
    referral_id: uuid.UUID,
    *,
    accept_form: ReferralAcceptForm | None = None,
    decline_form: ReferralDeclineForm | None = None,
    errors: list[str] | None = None,
) -> HttpResponse:
    user = current_user(request)
    received = selectors_referrals.referral_for_receiver(actor=user, referral_id=referral_id)
    referral = received.referral
    failed = bool(errors) or any(
        form is not None and form.errors for form in (accept_form, decline_form)
    )
    context = {
        "received": received,
        "referral": referral,
        "family": received.family,
        "sent": selectors_referrals.referral_sent_data(received),
        "accept_form": accept_form or ReferralAcceptForm(),
        "decline_form": decline_form or ReferralDeclineForm(),
        "may_answer": referral.status == ReferralStatus.SENT,
        "may_finish": referral.status == ReferralStatus.ACCEPTED,
        "errors": errors or [],
        "page_error": failed,
    }
    return render(
        request, "families/pro/referral_detail.html", context, status=400 if failed else 200
    )


@never_cache
@require_GET
@professional_required
def referral_detail(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    return _detail_page(request, referral_id)


def _error_texts(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def _answer(
    request: HttpRequest,
    referral_id: uuid.UUID,
    write: Callable[[], object],
    *,
    success: str,
    form: ReferralAcceptForm | ReferralDeclineForm | None = None,
    field: str = "",
) -> HttpResponse:
    """The receiver's answer to a referral: `write` calls its service. A refusal about the
    form's `field` goes on the form; any other is said on top of the referral's page."""
    try:
        write()
    except ValidationError as error:
        if form is not None and field in getattr(error, "error_dict", {}):
            apply_validation_error(form, error)
            return _form_page(request, referral_id, form)
        return _detail_page(request, referral_id, errors=_error_texts(error))
    messages.success(request, success)
    return redirect("families:referral_detail", referral_id=referral_id)


def _form_page(
    request: HttpRequest, referral_id: uuid.UUID, form: ReferralAcceptForm | ReferralDeclineForm
) -> HttpResponse:
    if isinstance(form, ReferralAcceptForm):
        return _detail_page(request, referral_id, accept_form=form)
    return _detail_page(request, referral_id, decline_form=form)


@never_cache
@professional_required
@require_POST
def referral_accept(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    form = ReferralAcceptForm(request.POST)
    if not form.is_valid():
        return _form_page(request, referral_id, form)
    role = form.cleaned_data["join_team_role"]
    return _answer(
        request,
        referral_id,
        lambda: referral_services.referral_accept(
            actor=user, referral_id=referral_id, join_team_role=role or None, request=request
        ),
        success=(
            _("The referral was accepted and you joined the family's team.")
            if role
            else _("The referral was accepted.")
        ),
        form=form,
        field="join_team_role",
    )


@never_cache
@professional_required
@require_POST
def referral_decline(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    form = ReferralDeclineForm(request.POST)
    if not form.is_valid():
        return _form_page(request, referral_id, form)
    return _answer(
        request,
        referral_id,
        lambda: referral_services.referral_decline(
            actor=user, referral_id=referral_id, reason=form.cleaned_data["reason"], request=request
        ),
        success=_("The referral was declined. The sender and the family are told."),
        form=form,
        field="reason",
    )


@never_cache
@professional_required
@require_POST
def referral_done(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    return _answer(
        request,
        referral_id,
        lambda: referral_services.referral_done(
            actor=user, referral_id=referral_id, request=request
        ),
        success=_("The referral was marked done."),
    )


# --- The sending side ----------------------------------------------------------------------------


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def referral_withdraw(
    request: HttpRequest, family_id: uuid.UUID, referral_id: uuid.UUID
) -> HttpResponse:
    user = current_user(request)
    family_access = selectors.access_family(
        actor=user, family_id=family_id, categories=[DataCategory.REFERRALS]
    )
    referral = selectors_referrals.referral_of_family(family_access, referral_id)
    errors: list[str] = []
    if request.method == "POST":
        try:
            referral_services.referral_withdraw(
                actor=user, family_id=family_id, referral_id=referral_id, request=request
            )
        except ValidationError as error:
            errors = _error_texts(error)
        else:
            messages.success(request, _("The referral was withdrawn. The family is told."))
            return redirect(family_url(family_id))
    elif not referral_services.may_withdraw(family_access, referral, user):
        raise PolicyDenied()
    context = {
        "family": family_access.family,
        "family_url": family_url(family_id),
        "referral": referral,
        "errors": errors,
        "page_error": bool(errors),
    }
    return render(
        request, "families/pro/referral_withdraw.html", context, status=400 if errors else 200
    )
