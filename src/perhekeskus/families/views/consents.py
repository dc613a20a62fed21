"""The responsible worker's consent pages (record a consent, record another guardian's giving,
revoke one) and the printable access log of the family's record.

Each page reads the family through the gate: first without logging, to refuse anyone but the
responsible worker before anything is read (403), then logged as the page's read (the printout
as place PRINT)."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.accounts.models import User
from perhekeskus.core.decorators import professional_required
from perhekeskus.core.policies import require
from perhekeskus.families import selectors, selectors_consents
from perhekeskus.families.forms.consents import (
    AccessLogDaysForm,
    ConsentForm,
    GiveForm,
    RevokeForm,
)
from perhekeskus.families.models import AccessPlace, DataCategory
from perhekeskus.families.policies import can_manage_family
from perhekeskus.families.selectors import FamilyAccess
from perhekeskus.families.services import consents
from perhekeskus.families.views.common import current_user, family_url, save_form


def responsible_access(
    user: User, family_id: uuid.UUID, *, place: str = AccessPlace.PAGE
) -> FamilyAccess:
    """The family for its responsible worker, the read logged; NotFound for someone who may
    not read it, PolicyDenied (403) for a reader who is not its responsible worker."""
    checked = selectors.access_family(actor=user, family_id=family_id, for_action=True)
    require(
        can_manage_family(user, checked.family),
        _("Only the family's responsible worker manages the family's consents."),
    )
    return selectors.access_family(
        actor=user, family_id=family_id, categories=[DataCategory.BASIC], place=place
    )


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def consent_new(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    family_access = responsible_access(user, family_id)
    guardians = selectors.family_guardians(family_access)
    children = list(selectors_consents.children_of(family_access))
    form = ConsentForm(
        request.POST or None,
        family=family_access.family,
        guardians=guardians,
        children=children,
    )
    saved = save_form(
        request,
        form,
        lambda data: consents.consent_record(
            actor=user,
            family_id=family_id,
            data=form.to_data(),
            given_on=data["given_on"],
            request=request,
        ),
        success=_("The consent is recorded."),
        then=family_url(family_id, "consents"),
    )
    if saved:
        return saved
    context = {"family": family_access.family, "form": form}
    status = 400 if form.is_bound else 200
    return render(request, "families/pro/consent_new.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def consent_give(request: HttpRequest, family_id: uuid.UUID, consent_id: int) -> HttpResponse:
    user = current_user(request)
    family_access = responsible_access(user, family_id)
    row = selectors_consents.consent_of_family(family_access, consent_id)
    form = GiveForm(request.POST or None, guardians=row.may_still_give)
    saved = (
        save_form(
            request,
            form,
            lambda data: consents.consent_give(
                actor=user,
                family_id=family_id,
                consent_id=consent_id,
                guardian_id=data["guardian"],
                method=data["method"],
                given_on=data["given_on"],
                request=request,
            ),
            success=lambda consent: (
                _("The guardian's consent is recorded. The consent is now in force.")
                if consent.is_effective()
                else _("The guardian's consent is recorded.")
            ),
            then=family_url(family_id, "consents"),
        )
        if row.is_open
        else None
    )
    if saved:
        return saved
    context = {"family": family_access.family, "row": row, "form": form}
    status = 400 if form.is_bound else 200
    return render(request, "families/pro/consent_give.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def consent_revoke(request: HttpRequest, family_id: uuid.UUID, consent_id: int) -> HttpResponse:
    user = current_user(request)
    family_access = responsible_access(user, family_id)
    row = selectors_consents.consent_of_family(family_access, consent_id)
    form = RevokeForm(request.POST or None)
    saved = (
        save_form(
            request,
            form,
            lambda data: consents.consent_revoke(
                actor=user,
                family_id=family_id,
                consent_id=consent_id,
                reason=data["reason"],
                request=request,
            ),
            success=_("The consent is revoked. Nobody reads the family's data on it any more."),
            then=family_url(family_id, "consents"),
        )
        if row.is_open
        else None
    )
    if saved:
        return saved
    context = {"family": family_access.family, "row": row, "form": form}
    status = 400 if form.is_bound else 200
    return render(request, "families/pro/consent_revoke.html", context, status=status)


@never_cache
@require_GET
@professional_required
def access_log_print(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    """The record's access log to print and hand to the family: printing it is itself a read,
    logged with place PRINT."""
    user = current_user(request)
    days = AccessLogDaysForm(request.GET)
    values = days.parse()
    family_access = responsible_access(user, family_id, place=AccessPlace.PRINT)
    rows = selectors_consents.access_log_all(
        family_access, since=values.get("since"), until=values.get("until")
    )
    context = {
        "family": family_access.family,
        "rows": rows,
        "form": days,
        "notes": days.notes(),
        "since": values.get("since"),
        "until": values.get("until"),
    }
    return render(request, "families/pro/access_log_print.html", context)
