"""The family's own page (`/<lang>/family/`): a guardian asks for a sign-in link by e-mail,
confirms it with a button (a link prefetcher that opens the link signs nobody in), and sees the
family's responsible worker and team, plan, referrals, the meetings they are invited to, the
consents and who has read the family's data; revokes a consent, asks for a correction, signs out.
Only a guardian with custody sees the children's record (the team, plan, referrals, the family's
other consents, the access log: `identification.reads_the_family_record`); a parent without
custody or another close adult sees their own details and consents, the meetings they are
invited to and the responsible worker. A closed record (until it is anonymised) still shows its
consents, to revoke, and its access log, but no meetings: nothing there invites new work.

Every page is private (no cache, no index, no referrer) and works without JavaScript. A guardian
sees only their own family, and of addresses only their own, and that only when it is not
non-disclosed. The signed-in guardian comes from the session only (`services.signin`); no URL
carries a family's id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from perhekeskus.core.decorators import private_page
from perhekeskus.families import (
    identification,
    selectors,
    selectors_consents,
    selectors_plan,
    selectors_referrals,
)
from perhekeskus.families.forms.public import ConsentRevokeForm, CorrectionForm, SigninRequestForm
from perhekeskus.families.models import DataCategory, FamilyStatus, Guardian
from perhekeskus.families.notices import meeting_place_for_family
from perhekeskus.families.ratelimit import RateLimited, signin_limiter
from perhekeskus.families.selectors_consents import ConsentRow
from perhekeskus.families.services import consents as consent_services
from perhekeskus.families.services import signin
from perhekeskus.families.services import subject as subject_services
from perhekeskus.families.views.common import form_status, posted, save_form

GuardianView = Callable[..., HttpResponse]
# How many rows of the access log the home page shows before "See the whole log".
HOME_LOG_ROWS = 10


def guardian_page(view: GuardianView) -> Callable[..., HttpResponse]:
    """A page for the signed-in guardian; without one (never signed in, idle too long, signed in
    too long ago, record anonymised) the sign-in page, saying that the session ended."""

    @private_page("same-origin")
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        guardian = signin.current_guardian(request)
        if guardian is None:
            return HttpResponseRedirect(f"{reverse('family:start')}?ended=1", status=303)
        return view(request, guardian, *args, **kwargs)

    return wrapped


# --- Signing in ----------------------------------------------------------------------------------


def _start_page(
    request: HttpRequest, form: SigninRequestForm, *, status: int = 200, **extra: Any
) -> HttpResponse:
    others = [
        backend
        for backend in identification.backends()
        if backend.name != identification.EMAIL_LINK
    ]
    context = {
        "form": form,
        "email_link": identification.email_link_enabled(),
        "other_backends": others,
        "ended": request.GET.get("ended") == "1",
        "signed_out": request.GET.get("signed-out") == "1",
        **extra,
    }
    return render(request, "families/public/start.html", context, status=status)


@private_page("same-origin")
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """Ask for a sign-in link. The answer is the same page whether the address is known or not."""
    if request.method != "POST":
        if signin.current_guardian(request) is not None:
            return HttpResponseRedirect(reverse("family:home"), status=303)
        return _start_page(request, SigninRequestForm())
    if not identification.email_link_enabled():
        raise Http404()
    form = SigninRequestForm(request.POST)
    if not form.is_valid():
        return _start_page(request, form, status=400)
    try:
        signin.signin_link_request(
            email=form.cleaned_data["email"], request=request, limiter=signin_limiter(request)
        )
    except RateLimited as limited:
        response = _start_page(request, form, status=429, rate_limited=True, page_error=True)
        response["Retry-After"] = str(limited.retry_after)
        return response
    return HttpResponseRedirect(reverse("family:sent"), status=303)


@private_page()
@require_GET
def sent(request: HttpRequest) -> HttpResponse:
    return render(request, "families/public/sent.html", {"minutes": signin.link_minutes()})


@private_page("same-origin")
@require_http_methods(["GET", "POST"])
def signin_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button and consumes nothing (mail scanners and link previews open links);
    POST signs in with the link, once."""
    if request.method != "POST":
        if not signin.link_is_valid(token):
            return render(request, "families/public/link_invalid.html", status=404)
        return render(request, "families/public/signin_confirm.html", {})
    guardian = signin.signin_complete(token=token, request=request)
    if guardian is None:
        return render(request, "families/public/link_invalid.html", status=404)
    return HttpResponseRedirect(reverse("family:home"), status=303)


@private_page("same-origin")
@require_POST
def identify_start(request: HttpRequest, backend: str) -> HttpResponse:
    """Begin a sign-in with a strong identification backend (`identification.py`)."""
    chosen = identification.backend(backend)
    if chosen.name == identification.EMAIL_LINK:
        raise Http404()
    result = chosen.start(request, **request.POST.dict())
    if result.redirect_url:
        return HttpResponseRedirect(result.redirect_url, status=303)
    return HttpResponseRedirect(reverse("family:start"), status=303)


@private_page("same-origin")
@require_http_methods(["GET", "POST"])
def identify_return(request: HttpRequest, backend: str) -> HttpResponse:
    """Where a strong identification backend's identity provider sends the browser back."""
    chosen = identification.backend(backend)
    if chosen.name == identification.EMAIL_LINK:
        raise Http404()
    data = request.POST.dict() if request.method == "POST" else request.GET.dict()
    if not signin.identify_complete(backend=chosen, request=request, data=data):
        return render(request, "families/public/not_identified.html", status=403)
    return HttpResponseRedirect(reverse("family:home"), status=303)


@private_page("same-origin")
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    signin.sign_out(request=request)
    return HttpResponseRedirect(f"{reverse('family:start')}?signed-out=1", status=303)


# --- The family's page ---------------------------------------------------------------------------


def _meetings(guardian: Guardian) -> list[dict[str, Any]]:
    """The planned meetings this guardian is invited to; a place that names anyone's address in
    the family is not repeated (the worker tells it)."""
    rows = []
    for meeting in selectors_plan.upcoming_meetings_for_family(guardian.family):
        invited = list(meeting.guardians.all())
        if guardian.pk not in {g.pk for g in invited}:
            continue
        rows.append(
            {
                "meeting": meeting,
                "place": meeting_place_for_family(meeting),
                "guardians": invited,
                "children": list(meeting.children.all()),
                "professionals": list(meeting.professionals.all()),
            }
        )
    return rows


@dataclass(frozen=True)
class ConsentView:
    row: ConsentRow
    category_labels: list[str]


def _consent_view(row: ConsentRow) -> ConsentView:
    labels = [str(DataCategory(c).label) for c in row.categories if c in DataCategory.values]
    return ConsentView(row=row, category_labels=labels)


def _consents(guardian: Guardian) -> tuple[list[ConsentView], list[ConsentView]]:
    """The consents this guardian gave, and the family's other consents."""
    mine, others = [], []
    for row in selectors_consents.family_consents(guardian):
        if any(giving.guardian_id == guardian.pk for giving in row.givers):
            mine.append(_consent_view(row))
        else:
            others.append(_consent_view(row))
    return mine, others


@guardian_page
@require_GET
def home(request: HttpRequest, guardian: Guardian) -> HttpResponse:
    family = guardian.family
    family_access = identification.guardian_family_access(guardian)
    family_record = identification.reads_the_family_record(guardian)
    closed = family.status == FamilyStatus.CLOSED
    # A worker who has left is not someone to contact: the page says a new one is coming.
    responsible = (
        family.responsible if family.responsible and family.responsible.is_active else None
    )
    my_consents, other_consents = _consents(guardian)
    context: dict[str, Any] = {
        "guardian": guardian,
        "family_record": family_record,
        "closed": closed,
        "responsible": responsible,
        "responsible_organization": selectors_referrals.organization_name(
            responsible.organization if responsible else None
        ),
        "meetings": [] if closed else _meetings(guardian),
        "my_consents": my_consents,
        "corrections": selectors_referrals.corrections_for_family(family, guardian),
        "correction_form": CorrectionForm(),
    }
    if family_record:
        log = selectors_consents.access_log_entries(guardian, page=1)
        context |= {
            "team": selectors.family_team(family_access),
            "plan": selectors_plan.plan_for_family(family),
            "referrals": selectors_referrals.referrals_for_family(family),
            "other_consents": other_consents,
            "access_log": list(log.object_list)[:HOME_LOG_ROWS],
            "access_log_more": log.paginator.count > HOME_LOG_ROWS,
        }
    return render(request, "families/public/home.html", context)


@guardian_page
@require_GET
def access_log(request: HttpRequest, guardian: Guardian) -> HttpResponse:
    if not identification.reads_the_family_record(guardian):
        raise Http404()
    page = selectors_consents.access_log_entries(guardian, page=request.GET.get("page", 1))
    return render(
        request,
        "families/public/access_log.html",
        {"guardian": guardian, "page": page, "query": request.GET},
    )


@guardian_page
@require_http_methods(["GET", "POST"])
def consent_revoke(request: HttpRequest, guardian: Guardian, consent_id: int) -> HttpResponse:
    row = next(
        (r for r in selectors_consents.family_consents(guardian) if r.consent.pk == consent_id),
        None,
    )
    if row is None or not row.revocable:
        raise Http404()
    form = ConsentRevokeForm(posted(request))
    saved = save_form(
        request,
        form,
        lambda data: consent_services.consent_revoke(
            guardian=guardian,
            family_id=guardian.family_id,
            consent_id=consent_id,
            reason=data["reason"],
            request=request,
        ),
        success=_("The consent was revoked. From now on nobody can read the data on it."),
        then=f"{reverse('family:home')}#consents",
        redirect_status=303,
    )
    if saved:
        return saved
    context = {"guardian": guardian, "consent": _consent_view(row), "form": form}
    return render(request, "families/public/consent_revoke.html", context, status=form_status(form))


@guardian_page
@require_http_methods(["GET", "POST"])
def correction_new(request: HttpRequest, guardian: Guardian) -> HttpResponse:
    form = CorrectionForm(posted(request))
    saved = save_form(
        request,
        form,
        lambda data: subject_services.correction_record(
            guardian=guardian, family_id=guardian.family_id, text=data["text"], request=request
        ),
        success=_("Your request was sent. Your responsible worker will answer you."),
        then=f"{reverse('family:home')}#corrections",
        redirect_status=303,
    )
    if saved:
        return saved
    context = {"guardian": guardian, "form": form}
    return render(request, "families/public/correction.html", context, status=form_status(form))
