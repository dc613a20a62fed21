"""The professional's calendar (a day or a week of bookings, with the working hours and blocked
time) and one booking's page with its actions: done, no-show, cancel with a reason the family
receives, and the export for the data subject.

Bookings are read only through `selectors.booking_calendar` and `selectors.access_booking`,
which check the policy and write the audit entry; a booking or calendar the user may not see is
NotFound, a 404 (`core.middleware.NotFoundMiddleware`). Actions call one service each."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from perhekeskus.accounts.models import User
from perhekeskus.appointments import selectors, selectors_pro, services
from perhekeskus.appointments.availability import is_public_holiday
from perhekeskus.appointments.forms.pro import DAY, WEEK, CalendarQueryForm, CancelForm
from perhekeskus.appointments.models import (
    AvailabilityException,
    Booking,
    BookingStatus,
    Channel,
    ExceptionKind,
    WeeklyHours,
)
from perhekeskus.appointments.video import professional_join_url
from perhekeskus.appointments.views.pro.common import (
    current_user,
    default_professional_id,
    manageable,
    no_calendar,
    with_query,
)
from perhekeskus.core.decorators import professional_required
from perhekeskus.core.forms import apply_validation_error

# --- Calendar -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A period shown on a day: working hours, blocked time or extra hours, in Finnish time."""

    starts: dt.datetime
    ends: dt.datetime
    note: str = ""
    # Spans more than the day it is shown on: the page gives its dates too.
    spans_days: bool = False


@dataclass
class CalendarDay:
    date: dt.date
    is_today: bool
    is_holiday: bool
    closed_for_holiday: bool
    hours: list[Span] = field(default_factory=list)
    blocked: list[Span] = field(default_factory=list)
    extra: list[Span] = field(default_factory=list)
    bookings: list[Booking] = field(default_factory=list)


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _hours_on(rows: list[WeeklyHours], day: dt.date, tz: dt.tzinfo) -> list[Span]:
    spans = []
    for row in rows:
        if row.weekday != day.weekday():
            continue
        if (row.valid_from and day < row.valid_from) or (row.valid_until and day > row.valid_until):
            continue
        spans.append(
            Span(
                dt.datetime.combine(day, row.starts, tzinfo=tz),
                dt.datetime.combine(day, row.ends, tzinfo=tz),
            )
        )
    return spans


def _exceptions_on(
    exceptions: list[AvailabilityException], kind: str, day: dt.date, tz: dt.tzinfo
) -> list[Span]:
    start = dt.datetime.combine(day, dt.time.min, tzinfo=tz)
    end = start + dt.timedelta(days=1)
    spans = []
    for exception in exceptions:
        if exception.kind != kind or exception.ends <= start or exception.starts >= end:
            continue
        spans.append(
            Span(
                timezone.localtime(exception.starts, tz),
                timezone.localtime(exception.ends, tz),
                exception.note,
                spans_days=exception.starts < start or exception.ends > end,
            )
        )
    return spans


def calendar_days(
    *,
    date_from: dt.date,
    date_to: dt.date,
    bookings: list[Booking],
    setup: selectors_pro.CalendarSetup,
    today: dt.date,
) -> list[CalendarDay]:
    tz = timezone.get_current_timezone()
    by_day: dict[dt.date, list[Booking]] = {}
    for booking in bookings:
        by_day.setdefault(timezone.localtime(booking.starts, tz).date(), []).append(booking)
    days = []
    day = date_from
    while day <= date_to:
        holiday = is_public_holiday(day)
        closed = holiday and not setup.works_on_public_holidays
        days.append(
            CalendarDay(
                date=day,
                is_today=day == today,
                is_holiday=holiday,
                closed_for_holiday=closed,
                hours=[] if closed else _hours_on(setup.weekly_hours, day, tz),
                blocked=_exceptions_on(setup.exceptions, ExceptionKind.ABSENCE, day, tz),
                extra=_exceptions_on(setup.exceptions, ExceptionKind.EXTRA, day, tz),
                bookings=sorted(by_day.get(day, []), key=lambda b: b.starts),
            )
        )
        day += dt.timedelta(days=1)
    return days


@never_cache
@require_GET
@professional_required
def calendar(request: HttpRequest) -> HttpResponse:
    """A week (Monday to Sunday) or a day of one professional's bookings: the user's own, or,
    for a scheduler or a coordinator, one of those they manage (`?professional=`)."""
    user = current_user(request)
    professionals = manageable(user)
    if (nothing := no_calendar(request, professionals)) is not None:
        return nothing
    form = CalendarQueryForm(request.GET or None)
    valid = not form.is_bound or form.is_valid()
    data = form.cleaned_data if form.is_bound and valid else {}
    professional_id = data.get("professional") or default_professional_id(user, professionals)
    view = data.get("view") or WEEK
    today = timezone.localdate()
    day = data.get("date") or today
    if view == WEEK:
        date_from = _week_start(day)
        date_to = date_from + dt.timedelta(days=6)
        step = dt.timedelta(days=7)
    else:
        date_from = date_to = day
        step = dt.timedelta(days=1)
    # The audited read, and the refusal of another's calendar, come first.
    bookings = selectors.booking_calendar(
        actor=user,
        professional_id=professional_id,
        date_from=date_from,
        date_to=date_to,
        request=request,
    )
    setup = selectors_pro.calendar_setup(
        actor=user, professional_id=professional_id, date_from=date_from, date_to=date_to
    )
    path = reverse("appointments_pro:calendar")

    def link(target_view: str, target: dt.date) -> str:
        return with_query(
            path,
            professional=professional_id if professional_id != user.pk else "",
            view=target_view,
            date=target.isoformat(),
        )

    context = {
        "form": form,
        "professionals": professionals,
        "professional": setup.professional,
        "is_own": professional_id == user.pk,
        "view": view,
        "day": day,
        "keep": [("view", view), ("date", day.isoformat())],
        "date_from": date_from,
        "date_to": date_to,
        "week_number": date_from.isocalendar().week,
        "days": calendar_days(
            date_from=date_from, date_to=date_to, bookings=bookings, setup=setup, today=today
        ),
        "booking_count": sum(1 for b in bookings if b.status != BookingStatus.CANCELLED),
        "previous_url": link(view, day - step),
        "next_url": link(view, day + step),
        "today_url": link(view, today),
        "week_url": link(WEEK, day),
        "day_url": link(DAY, day),
        "availability_url": with_query(
            reverse("appointments_pro:availability"),
            professional=professional_id if professional_id != user.pk else "",
        ),
    }
    return render(request, "appointments/pro/calendar.html", context, status=200 if valid else 400)


# --- One booking --------------------------------------------------------------------------------


# Done and no-show can be corrected into each other; a cancelled booking stays cancelled.
MARKABLE = (BookingStatus.BOOKED, BookingStatus.DONE, BookingStatus.NO_SHOW)


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str


def _answers(booking: Booking) -> list[Answer]:
    try:
        stored = json.loads(booking.answers or "{}")
    except ValueError:
        stored = {}
    if not isinstance(stored, dict):
        return []
    questions = {str(q.pk): q for q in booking.appointment_type.questions.all()}
    rows = []
    for question in questions.values():
        value = stored.get(str(question.pk), "")
        if value:
            rows.append(Answer(question.text, str(value)))
    for key, value in stored.items():
        if key not in questions and value:
            rows.append(Answer(_("(A question since removed)"), str(value)))
    return rows


def _language_name(code: str) -> str:
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _booking_page(
    request: HttpRequest,
    booking_id: UUID,
    *,
    error: ValidationError | None = None,
) -> HttpResponse:
    """The booking with the family's data, read through the gatekeeper that logs it. Also the
    answer to a refused action (400), with the service's message on top."""
    user = current_user(request)
    booking = selectors.access_booking(actor=user, booking_id=booking_id, request=request)
    video_url = ""
    # Only the booking's own professional, and only while the appointment is still to be held:
    # a cancelled booking's room gets no new moderator token.
    if (
        booking.channel == Channel.VIDEO
        and booking.video_room
        and booking.professional_id == user.pk
        and booking.status == BookingStatus.BOOKED
    ):
        video_url = professional_join_url(booking, user)
    kept = booking.anonymised_at is None
    started = booking.starts <= timezone.now()
    context = {
        "booking": booking,
        "answers": _answers(booking) if booking.anonymised_at is None else [],
        "language_name": _language_name(booking.language),
        "video_url": video_url,
        "is_own": booking.professional_id == user.pk,
        "can_mark": kept and started and booking.status in MARKABLE,
        "marks_pending": kept and not started and booking.status == BookingStatus.BOOKED,
        "can_cancel": kept and not started and booking.status == BookingStatus.BOOKED,
        "errors": error.messages if error is not None else [],
        "calendar_url": with_query(
            reverse("appointments_pro:calendar"),
            professional=booking.professional_id if booking.professional_id != user.pk else "",
            view=DAY,
            date=timezone.localtime(booking.starts).date().isoformat(),
        ),
    }
    return render(request, "appointments/pro/booking.html", context, status=400 if error else 200)


@never_cache
@require_GET
@professional_required
def booking_detail(request: HttpRequest, booking_id: UUID) -> HttpResponse:
    return _booking_page(request, booking_id)


def _act(
    request: HttpRequest,
    booking_id: UUID,
    action: Callable[[User, UUID], object],
    done: str,
) -> HttpResponse:
    """Run one button's action. A booking the user may not see is a 404 before anything is
    done; the service's PolicyDenied is a 403, its ValidationError comes back on the page."""
    user = current_user(request)
    booking = selectors.access_booking(actor=user, booking_id=booking_id, for_action=True)
    try:
        action(user, booking.pk)
    except ValidationError as error:
        return _booking_page(request, booking.pk, error=error)
    messages.success(request, done)
    return redirect("appointments_pro:booking", booking_id=booking.pk)


@professional_required
@require_POST
def booking_done(request: HttpRequest, booking_id: UUID) -> HttpResponse:
    return _act(
        request,
        booking_id,
        lambda user, pk: services.booking_mark_done(actor=user, booking_id=pk),
        _("The appointment was marked done."),
    )


@professional_required
@require_POST
def booking_no_show(request: HttpRequest, booking_id: UUID) -> HttpResponse:
    return _act(
        request,
        booking_id,
        lambda user, pk: services.booking_mark_no_show(actor=user, booking_id=pk),
        _("The appointment was marked as a no-show."),
    )


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def booking_cancel(request: HttpRequest, booking_id: UUID) -> HttpResponse:
    """Cancel in two steps without JavaScript: the reason, then a page that shows what the
    family will receive and asks to confirm. Only the confirmed POST calls the service."""
    user = current_user(request)
    booking = selectors.access_booking(actor=user, booking_id=booking_id, for_action=True)
    form = CancelForm(request.POST if request.method == "POST" else None)
    confirming = False
    if form.is_bound and form.is_valid():
        if form.cleaned_data["confirmed"]:
            try:
                services.booking_cancel(
                    actor=user, booking_id=booking.pk, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(
                    request, _("The appointment was cancelled. The family receives the reason.")
                )
                return redirect("appointments_pro:booking", booking_id=booking.pk)
        elif "edit" not in request.POST:
            confirming = True
    context: dict[str, Any] = {
        "booking": booking,
        "form": form,
        "confirming": confirming,
        "reason": form.cleaned_data.get("reason", "") if confirming else "",
        "can_cancel": booking.status == BookingStatus.BOOKED
        and booking.anonymised_at is None
        and booking.starts > timezone.now(),
    }
    return render(
        request,
        "appointments/pro/booking_cancel.html",
        context,
        status=400 if form.errors else 200,
    )


@never_cache
@professional_required
@require_POST
def booking_export(request: HttpRequest, booking_id: UUID) -> HttpResponse:
    """Everything stored about the booking, as a file for the data subject (GDPR art. 15).
    POST, not a link: it is an audited act, and no prefetcher may trigger it."""
    user = current_user(request)
    booking = selectors.access_booking(actor=user, booking_id=booking_id, for_action=True)
    data = services.booking_export(actor=user, booking_id=booking.pk)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    day = timezone.localtime(booking.starts).date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="appointment-{day}.json"'
    return response
