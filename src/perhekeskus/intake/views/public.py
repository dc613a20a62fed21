"""The family's side of "Ask for help": the form, the confirmation with the tracking code, and
the status page. No account, no JavaScript needed."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.audit.services import client_ip
from perhekeskus.core.errors import NotFound
from perhekeskus.intake import ratelimit, services
from perhekeskus.intake.forms.public import HelpRequestForm, StatusLookupForm
from perhekeskus.intake.models import HelpRequest, RequestStatus
from perhekeskus.intake.tracking import normalize_tracking_code


def retention_months() -> int:
    return max(1, round(settings.PERHEKESKUS_HELP_REQUEST_RETENTION_DAYS / 30))


def _form_context(form: HelpRequestForm, **extra: object) -> dict[str, object]:
    return {"form": form, "retention_months": retention_months(), **extra}


@never_cache
@require_http_methods(["GET", "POST"])
def ask_for_help(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        form = HelpRequestForm(
            initial={
                "form_token": secrets.token_urlsafe(24),
                "language": (get_language() or "fi")[:2],
            }
        )
        return render(request, "intake/ask_for_help.html", _form_context(form))

    form = HelpRequestForm(request.POST)
    if not ratelimit.allow(client_ip(request)):
        form.is_valid()
        return render(
            request,
            "intake/ask_for_help.html",
            _form_context(form, rate_limited=True),
            status=429,
        )
    if not form.is_valid() or form.is_bot:
        if form.is_bot:
            form.add_error(None, _("Your request could not be sent. Please try again."))
        return render(request, "intake/ask_for_help.html", _form_context(form), status=400)
    try:
        result = services.help_request_submit(
            data=form.to_input(), idempotency_key=form.cleaned_data["form_token"]
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else "contact_phone", messages)
        return render(request, "intake/ask_for_help.html", _form_context(form), status=400)
    return redirect("help:sent", code=result.help_request.tracking_code)


def _by_code(code: str) -> HelpRequest:
    normalized = normalize_tracking_code(code)
    help_request = (
        HelpRequest.objects.filter(tracking_code=normalized)
        .only("tracking_code", "danger_signals", "anonymous", "contact_method", "status")
        .first()
        if normalized
        else None
    )
    if help_request is None:
        raise Http404
    return help_request


@never_cache
@require_GET
def sent(request: HttpRequest, code: str) -> HttpResponse:
    help_request = _by_code(code)
    return render(
        request,
        "intake/sent.html",
        {
            "tracking_code": help_request.tracking_code,
            "danger": bool(help_request.danger_signals),
            "anonymous": help_request.anonymous,
            "status_url": reverse("help:status", kwargs={"code": help_request.tracking_code}),
        },
    )


@never_cache
@require_GET
def status_lookup(request: HttpRequest) -> HttpResponse:
    form = StatusLookupForm(request.GET or None)
    if form.is_bound and form.is_valid():
        code = normalize_tracking_code(form.cleaned_data["code"])
        if code:
            return redirect("help:status", code=code)
        form.add_error("code", _("Check the code: it has 20 letters and numbers."))
    status = 400 if form.is_bound else 200
    return render(request, "intake/status_lookup.html", {"form": form}, status=status)


STATUS_EXPLANATIONS = {
    RequestStatus.NEW: "new",
    RequestStatus.IN_TRIAGE: "in_triage",
    RequestStatus.ASSIGNED: "assigned",
    RequestStatus.CONTACTED: "contacted",
    RequestStatus.CLOSED: "closed",
}


@never_cache
@require_GET
def status(request: HttpRequest, code: str) -> HttpResponse:
    try:
        public = services.help_request_public_status(tracking_code=code)
    except NotFound:
        form = StatusLookupForm(initial={"code": code[:40]})
        return render(
            request, "intake/status_lookup.html", {"form": form, "not_found": True}, status=404
        )
    return render(
        request,
        "intake/status.html",
        {"public": public, "step": STATUS_EXPLANATIONS[RequestStatus(public.status)]},
    )
