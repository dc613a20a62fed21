"""A professional's availability: the weekly hours, "works on public holidays", and the
exceptions (blocked time and extra hours). One page shows them all; each form posts to its own
address and calls one service, which checks that the user manages that calendar."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseFormSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from perhekeskus.appointments import selectors_pro, services
from perhekeskus.appointments.forms.pro import (
    CalendarSettingsForm,
    ExceptionForm,
    WeeklyHoursFormSet,
    weekly_hours,
)
from perhekeskus.appointments.views.pro.common import (
    chosen_professional_id,
    current_user,
    manageable,
    managed_professional_id,
    no_calendar,
    with_query,
)
from perhekeskus.core.decorators import professional_required
from perhekeskus.core.forms import apply_validation_error


def _page_url(professional_id: int, user_id: int) -> str:
    return with_query(
        reverse("appointments_pro:availability"),
        professional=professional_id if professional_id != user_id else "",
    )


def _availability_page(
    request: HttpRequest,
    professional_id: int,
    *,
    hours: BaseFormSet | None = None,
    hours_errors: list[str] | None = None,
    settings_form: CalendarSettingsForm | None = None,
    exception_form: ExceptionForm | None = None,
) -> HttpResponse:
    user = current_user(request)
    setup = selectors_pro.calendar_setup(actor=user, professional_id=professional_id)
    if hours is None:
        hours = WeeklyHoursFormSet(
            prefix="hours",
            initial=[
                {"weekday": row.weekday, "starts": row.starts, "ends": row.ends}
                for row in setup.weekly_hours
            ],
        )
    failed = (
        (hours.is_bound and (bool(hours_errors) or not hours.is_valid()))
        or (settings_form is not None and bool(settings_form.errors))
        or (exception_form is not None and bool(exception_form.errors))
    )
    context: dict[str, Any] = {
        "professional": setup.professional,
        "professionals": manageable(user),
        "is_own": professional_id == user.pk,
        "setup": setup,
        "hours": hours,
        "hours_errors": (hours_errors or list(hours.non_form_errors())) if hours.is_bound else [],
        "settings_form": settings_form
        or CalendarSettingsForm(
            prefix="settings",
            initial={"works_on_public_holidays": setup.works_on_public_holidays},
        ),
        "exception_form": exception_form or ExceptionForm(prefix="exception"),
        "calendar_url": with_query(
            reverse("appointments_pro:calendar"),
            professional=professional_id if professional_id != user.pk else "",
        ),
        "feed_url": with_query(
            reverse("appointments_pro:feed"),
            professional=professional_id if professional_id != user.pk else "",
        ),
    }
    return render(
        request, "appointments/pro/availability.html", context, status=400 if failed else 200
    )


@never_cache
@require_GET
@professional_required
def availability(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    professionals = manageable(user)
    if (nothing := no_calendar(request, professionals)) is not None:
        return nothing
    return _availability_page(request, chosen_professional_id(request, user, professionals))


def _saved(request: HttpRequest, professional_id: int, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect(_page_url(professional_id, current_user(request).pk))


@professional_required
@require_POST
def hours_save(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    professional_id = managed_professional_id(request, user)
    formset = WeeklyHoursFormSet(request.POST, prefix="hours")
    if formset.is_valid():
        try:
            services.weekly_hours_replace(
                actor=user, professional_id=professional_id, hours=weekly_hours(formset)
            )
        except ValidationError as error:
            return _availability_page(
                request, professional_id, hours=formset, hours_errors=error.messages
            )
        return _saved(request, professional_id, _("The weekly hours were saved."))
    return _availability_page(request, professional_id, hours=formset)


@professional_required
@require_POST
def settings_save(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    professional_id = managed_professional_id(request, user)
    form = CalendarSettingsForm(request.POST, prefix="settings")
    if form.is_valid():
        try:
            services.calendar_settings_update(
                actor=user,
                professional_id=professional_id,
                works_on_public_holidays=form.cleaned_data["works_on_public_holidays"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return _saved(request, professional_id, _("The setting was saved."))
    return _availability_page(request, professional_id, settings_form=form)


@professional_required
@require_POST
def exception_add(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    professional_id = managed_professional_id(request, user)
    form = ExceptionForm(request.POST, prefix="exception")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.exception_create(
                actor=user,
                professional_id=professional_id,
                kind=data["kind"],
                starts=data["starts"],
                ends=data["ends"],
                note=data["note"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return _saved(request, professional_id, _("The time was added to the calendar."))
    return _availability_page(request, professional_id, exception_form=form)


@professional_required
@require_POST
def exception_delete(request: HttpRequest, exception_id: int) -> HttpResponse:
    """The service refuses an exception of a calendar the user does not manage (NotFound)."""
    user = current_user(request)
    professional_id = chosen_professional_id(request, user, manageable(user))
    try:
        services.exception_delete(actor=user, exception_id=exception_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The time was removed from the calendar."))
    return redirect(_page_url(professional_id, user.pk))
