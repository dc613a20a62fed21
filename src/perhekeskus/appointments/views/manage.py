"""The pages of a booking's manage link: the booking, another time, cancelling, the calendar
file and the video waiting page. The manage token is in their path (that is the link in the
family's e-mail), so they are never stored by a browser or a proxy, send no referrer to any
other site, and the access log masks the token (`core.accesslog`). A wrong token is the site's
404 (the selector's NotFound)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.appointments import availability, calendar, selectors, services, video
from perhekeskus.appointments.forms.public import (
    CancelForm,
    SlotFilterForm,
    parse_week,
    professional_label,
)
from perhekeskus.appointments.models import Booking, BookingStatus, Channel
from perhekeskus.appointments.views.common import (
    add_errors,
    booking_view,
    free_week,
    picker_context,
    professionals_of,
    query_string,
)
from perhekeskus.core.decorators import private_page
from perhekeskus.core.errors import NotFound

# --- The manage link ----------------------------------------------------------------------------


def _manage_context(token: str, booking: Booking) -> dict[str, Any]:
    return {
        **booking_view(booking, timezone.now()),
        "token": token,
        "ics_url": reverse("appointments:manage_ics", kwargs={"token": token}),
        "video_url": reverse("appointments:video", kwargs={"token": token}),
        "change_url": reverse("appointments:manage_change", kwargs={"token": token}),
        "cancel_url": reverse("appointments:manage_cancel", kwargs={"token": token}),
        "book_again_url": reverse(
            "appointments:service", kwargs={"service_id": booking.appointment_type.service_id}
        ),
    }


def _manage_url(token: str) -> str:
    return reverse("appointments:manage", kwargs={"token": token})


@private_page()
@require_GET
def manage(request: HttpRequest, token: str) -> HttpResponse:
    booking = selectors.booking_get_by_token(manage_token=token)  # NotFound: the 404 page
    return render(request, "appointments/public/manage.html", _manage_context(token, booking))


@private_page()
@require_GET
def manage_ics(request: HttpRequest, token: str) -> HttpResponse:
    booking = selectors.booking_get_by_token(manage_token=token)
    response = HttpResponse(
        calendar.booking_ics(booking, for_family=True, manage_token=token),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="appointment.ics"'
    return response


@private_page("same-origin")
@require_http_methods(["GET", "POST"])
def manage_change(request: HttpRequest, token: str) -> HttpResponse:
    """Another time for the same booking: the week of free times with the booking's channel; the
    professional can change too ("whoever is free first" or another one)."""
    booking = selectors.booking_get_by_token(manage_token=token)
    context = _manage_context(token, booking)
    if not context["may_change"]:
        return render(request, "appointments/public/manage.html", context, status=409)
    appointment_type = booking.appointment_type
    professionals = professionals_of(appointment_type)
    data = request.POST if request.method == "POST" else request.GET
    filter_form = SlotFilterForm(
        data if "who" in data else None,
        appointment_type=appointment_type,
        professionals=professionals,
        fixed_channel=booking.channel,
        initial={"who": str(booking.professional_id)},
    )
    who = filter_form.value_of("who", str(booking.professional_id))
    week = free_week(
        appointment_type,
        channel=booking.channel,
        who=who,
        week=parse_week(data.get("week")) or availability.helsinki_date(booking.starts),
        names={p.pk: professional_label(p) for p in professionals},
        now=timezone.now(),
        exclude_booking_id=booking.pk,
    )
    errors: list[str] = []
    chosen = str(data.get("slot") or "")[:64]
    if request.method == "POST":
        if not chosen:
            errors.append(_("Choose a time."))
        else:
            try:
                services.booking_reschedule_by_family(manage_token=token, slot_id=chosen)
            except services.SlotTaken as taken:
                errors.append(taken.message)
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                messages.success(request, _("Your appointment was moved to the new time."))
                return HttpResponseRedirect(_manage_url(token), status=303)

    def query(**changes: str) -> str:
        return query_string(**{"who": who, **changes})

    context.update(
        {
            "filter_form": filter_form,
            "who": who,
            "chosen": chosen,
            "slot_errors": errors,
            "page_error": bool(errors),
            **picker_context(appointment_type, week, query=query, who=who),
        }
    )
    return render(
        request, "appointments/public/change.html", context, status=400 if errors else 200
    )


@private_page("same-origin")
@require_http_methods(["GET", "POST"])
def manage_cancel(request: HttpRequest, token: str) -> HttpResponse:
    booking = selectors.booking_get_by_token(manage_token=token)
    context = _manage_context(token, booking)
    if not context["may_change"]:
        return render(request, "appointments/public/manage.html", context, status=409)
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.booking_cancel_by_family(manage_token=token)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your appointment was cancelled."))
            return HttpResponseRedirect(_manage_url(token), status=303)
    context["form"] = form
    status = 400 if form.errors else 200
    return render(request, "appointments/public/cancel.html", context, status=status)


# --- The video waiting page ---------------------------------------------------------------------


@private_page()
@require_GET
def video_waiting(request: HttpRequest, token: str) -> HttpResponse:
    """The time, how to check the camera and microphone, and "Join" from `video_opens_at`."""
    booking = selectors.booking_get_by_token(manage_token=token)
    if booking.channel != Channel.VIDEO:
        raise NotFound(booking.pk)
    now = timezone.now()
    opens = video.video_opens_at(booking)
    if booking.status == BookingStatus.CANCELLED:
        state = "cancelled"
    elif now >= booking.ends or booking.status != BookingStatus.BOOKED:
        state = "ended"
    elif now >= opens:
        state = "open"
    else:
        state = "waiting"
    context = {
        **booking_view(booking, now),
        "state": state,
        "opens": opens,
        "seconds_left": max(0, int((opens - now).total_seconds())),
        "join_url": video.family_join_url(booking) if state == "open" else "",
        "manage_url": _manage_url(token),
    }
    return render(request, "appointments/public/video.html", context)
