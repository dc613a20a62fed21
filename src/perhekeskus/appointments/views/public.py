"""The family's booking pages: no account, phone-sized first, no JavaScript needed.

Book: the service's appointment types → a week of free times (a GET form; the chosen slot, the
channel and "with whom" travel in the address, they are no secret) → name, contacts and the
pre-questions (POST, with a one-time form token as the idempotency key, so a double submit
books once) → the confirmation. The manage token is the family's only key to the booking: it is
in the e-mail's link, and the confirmation gets it through the (server-side) session, never
through its own address. The manage, calendar and video pages carry the token in their path
(that is the link), so they send no referrer and are never stored by a browser or a proxy, and the
access log masks the token (`core.accesslog`)."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.appointments import availability, calendar, selectors, services, slotids, video
from perhekeskus.appointments.forms.public import (
    ANY,
    CancelForm,
    DetailsForm,
    SlotFilterForm,
    channel_choices,
    parse_week,
    professional_label,
    week_start,
)
from perhekeskus.appointments.models import AppointmentType, Booking, BookingStatus, Channel
from perhekeskus.appointments.ratelimit import booking_limiter
from perhekeskus.catalog import selectors as catalog_selectors
from perhekeskus.catalog.models import ChannelKind
from perhekeskus.core.errors import NotFound
from perhekeskus.core.ratelimit import RateLimited
from perhekeskus.core.service_actions import ServiceAction

# How long the confirmation can still be opened after booking, and how long what the family typed
# is kept when the time they chose was taken meanwhile (idle time).
BOOKED_MAX_AGE = 60 * 60
DRAFT_MAX_AGE = 30 * 60

_BOOKED = "appointments.booked"
_DRAFT = "appointments.draft"
_TAKEN = "appointments.taken"
_SALT = "perhekeskus.appointments.public"
_LANGUAGES = ("fi", "sv", "en")


# --- Helpers ------------------------------------------------------------------------------------


def private_page(
    referrer_policy: str = "no-referrer",
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """A page whose address is the family's key: kept by no cache, sent to no other site.

    Pages with a form that posts use "same-origin": under "no-referrer" a browser sends the post
    with `Origin: null`, which the CSRF check rightly refuses; "same-origin" still sends nothing
    to any other site."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            response = view(request, *args, **kwargs)
            response["Referrer-Policy"] = referrer_policy
            response["X-Robots-Tag"] = "noindex, nofollow"
            return response

        return never_cache(wrapper)

    return decorate


def _remember(request: HttpRequest, key: str, value: Any) -> None:
    request.session[key] = signing.dumps(value, salt=f"{_SALT}.{key}")


def _recall(request: HttpRequest, key: str, max_age: int) -> Any:
    stored = request.session.get(key)
    if not stored:
        return None
    try:
        return signing.loads(stored, salt=f"{_SALT}.{key}", max_age=max_age)
    except signing.BadSignature:  # also SignatureExpired
        request.session.pop(key, None)
        return None


def _language() -> str:
    language = (get_language() or "fi")[:2]
    return language if language in _LANGUAGES else "fi"


def _query(**params: str) -> str:
    kept = {name: value for name, value in params.items() if value}
    return f"?{urlencode(kept)}" if kept else ""


def _professionals(appointment_type: AppointmentType) -> list[Any]:
    return list(appointment_type.professionals.filter(is_active=True).order_by("full_name", "pk"))


def service_phones(service_id: uuid.UUID) -> list[tuple[str, str]]:
    """The service's phone numbers (name, number) from the catalogue: whom to call instead."""
    try:
        service = catalog_selectors.service_get_public(service_id=service_id)
    except NotFound:
        return []
    channels = list(service.channels.all())
    for at_location in service.at_locations.all():
        channels.extend(at_location.channels.all())
    phones: list[tuple[str, str]] = []
    for channel in channels:
        if channel.kind == ChannelKind.PHONE and channel.value:
            entry = (channel.name or str(service.name), channel.value)
            if entry not in phones:
                phones.append(entry)
    return phones


def service_card_actions(service_id: uuid.UUID) -> list[ServiceAction]:
    """ "Book an appointment" on the finder's service card (registered in `apps.py`)."""
    if not selectors.appointment_types_bookable(service_id=service_id):
        return []
    url = reverse("appointments:service", kwargs={"service_id": service_id})
    return [ServiceAction(label=_("Book an appointment"), url=url)]


# --- The week of free times ---------------------------------------------------------------------


@dataclass(frozen=True)
class SlotChoice:
    id: str
    starts: dt.datetime
    ends: dt.datetime
    professional: str


@dataclass(frozen=True)
class Day:
    date: dt.date
    slots: list[SlotChoice]


@dataclass(frozen=True)
class Week:
    start: dt.date
    end: dt.date
    days: list[Day]
    previous: dt.date | None
    next: dt.date | None
    # When there is nothing this week: the next free time, if there is one in the window.
    next_free: dt.datetime | None

    @property
    def ids(self) -> set[str]:
        return {slot.id for day in self.days for slot in day.slots}


def _week(
    appointment_type: AppointmentType,
    *,
    channel: str,
    who: str,
    week: dt.date | None,
    names: dict[int, str],
    now: dt.datetime,
) -> Week:
    today = availability.helsinki_date(now)
    last_day = today + dt.timedelta(days=appointment_type.max_days_ahead)
    first_week = week_start(today)
    start = week_start(week) if week else first_week
    start = min(max(start, first_week), week_start(last_day))
    end = start + dt.timedelta(days=6)
    professional_id = None if who == ANY else int(who)

    def free(date_from: dt.date, date_to: dt.date) -> list[availability.Slot]:
        found = availability.free_slots(
            appointment_type=appointment_type,
            date_from=date_from,
            date_to=date_to,
            professional_id=professional_id,
            now=now,
        )
        return [slot for slot in found if channel in slot.channels]

    slots = free(max(start, today), min(end, last_day))
    days: dict[dt.date, list[SlotChoice]] = {}
    seen: set[dt.datetime] = set()
    for slot in slots:
        if professional_id is None:
            # "Whoever is free first": one choice per time; the first free professional gets it.
            if slot.starts in seen:
                continue
            seen.add(slot.starts)
        day = availability.helsinki_date(slot.starts)
        days.setdefault(day, []).append(
            SlotChoice(
                id=slot.id,
                starts=slot.starts,
                ends=slot.ends,
                professional=names.get(slot.professional_id, ""),
            )
        )
    next_free = None
    if not slots and end < last_day:
        later = free(end + dt.timedelta(days=1), last_day)
        next_free = later[0].starts if later else None
    return Week(
        start=start,
        end=end,
        days=[Day(date=day, slots=choices) for day, choices in sorted(days.items())],
        previous=start - dt.timedelta(days=7) if start > first_week else None,
        next=start + dt.timedelta(days=7) if end < last_day else None,
        next_free=next_free,
    )


def _picker_context(
    appointment_type: AppointmentType, week: Week, *, query: Callable[..., str], who: str
) -> dict[str, Any]:
    next_free_week = (
        week_start(availability.helsinki_date(week.next_free)) if week.next_free else None
    )
    return {
        "week": week,
        "previous_url": query(week=week.previous.isoformat()) if week.previous else "",
        "next_url": query(week=week.next.isoformat()) if week.next else "",
        "next_free_url": query(week=next_free_week.isoformat()) if next_free_week else "",
        "show_professional": who == ANY and appointment_type.professionals.count() > 1,
        "phones": service_phones(appointment_type.service_id),
    }


# --- Booking ------------------------------------------------------------------------------------


@never_cache
@require_GET
def service(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    """The appointment types a family can book from a service."""
    the_service = catalog_selectors.service_get_public(service_id=service_id)  # NotFound: 404
    types = selectors.appointment_types_bookable(service_id=service_id)
    return render(
        request,
        "appointments/public/service.html",
        {
            "service": the_service,
            "types": [(t, [label for _code, label in channel_choices(t)]) for t in types],
            "phones": service_phones(service_id) if not types else [],
        },
    )


def _bookable(type_id: uuid.UUID, link: str) -> AppointmentType:
    return selectors.appointment_type_get_bookable(type_id=type_id, link_token=link)


@never_cache
@require_GET
def slots(request: HttpRequest, type_id: uuid.UUID) -> HttpResponse:
    """Channel, professional and a free time of one week. "Show" redraws the week; "Continue"
    goes on to the details with the chosen slot."""
    link = request.GET.get("link", "")[:64]
    appointment_type = _bookable(type_id, link)  # NotFound (also a link-only type without it)
    professionals = _professionals(appointment_type)
    channels = appointment_type.channels
    bound = "channel" in request.GET or "who" in request.GET
    filter_form = SlotFilterForm(
        request.GET if bound else None,
        appointment_type=appointment_type,
        professionals=professionals,
        initial={"channel": channels[0], "who": ANY},
    )
    channel = filter_form.value_of("channel", channels[0])
    who = filter_form.value_of("who", ANY)
    week = _week(
        appointment_type,
        channel=channel,
        who=who,
        week=parse_week(request.GET.get("week")),
        names={p.pk: professional_label(p) for p in professionals},
        now=timezone.now(),
    )
    chosen = request.GET.get("slot", "")[:64]
    errors: list[str] = []
    if "choose" in request.GET:
        if not chosen:
            errors.append(_("Choose a time."))
        elif chosen not in week.ids:
            errors.append(_("That time is no longer free. Choose another time."))
        else:
            details = reverse("appointments:details", kwargs={"type_id": type_id})
            return HttpResponseRedirect(
                details + _query(slot=chosen, channel=channel, who=who, link=link), status=303
            )

    def query(**changes: str) -> str:
        params = {"channel": channel, "who": who, "link": link, **changes}
        return _query(**params)

    context = {
        "appointment_type": appointment_type,
        "filter_form": filter_form,
        "channel": channel,
        "channel_label": str(Channel(channel).label),
        "who": who,
        "link": link,
        "chosen": chosen,
        "slot_errors": errors,
        "page_error": bool(errors or filter_form.errors),
        "taken": bool(request.session.pop(_TAKEN, False)),
        **_picker_context(appointment_type, week, query=query, who=who),
    }
    return render(request, "appointments/public/slots.html", context, status=400 if errors else 200)


@dataclass(frozen=True)
class Choice:
    """What the family chose on the slots page, checked against the type."""

    slot_id: str
    starts: dt.datetime
    ends: dt.datetime
    professional_id: int
    channel: str
    who: str
    link: str


def _choice(appointment_type: AppointmentType, data: Any) -> Choice | None:
    ref = slotids.decode(str(data.get("slot") or ""))
    channel = str(data.get("channel") or "")
    who = str(data.get("who") or ANY)
    if ref is None or ref.appointment_type_id != appointment_type.pk:
        return None
    if channel not in appointment_type.channels:
        return None
    if who != ANY and who != str(ref.professional_id):
        return None
    return Choice(
        slot_id=str(data.get("slot")),
        starts=ref.starts,
        ends=ref.starts + dt.timedelta(minutes=appointment_type.duration_minutes),
        professional_id=ref.professional_id,
        channel=channel,
        who=who,
        link=str(data.get("link") or "")[:64],
    )


def _still_free(appointment_type: AppointmentType, choice: Choice) -> bool:
    if availability.slot_is_free(
        appointment_type=appointment_type,
        professional_id=choice.professional_id,
        starts=choice.starts,
    ):
        return True
    if choice.who != ANY:
        return False
    day = availability.helsinki_date(choice.starts)
    return any(
        slot.starts == choice.starts and choice.channel in slot.channels
        for slot in availability.free_slots(
            appointment_type=appointment_type, date_from=day, date_to=day
        )
    )


def _back_to_slots(
    appointment_type: AppointmentType, choice: Choice | None, *, link: str
) -> HttpResponseRedirect:
    url = reverse("appointments:slots", kwargs={"type_id": appointment_type.pk})
    params = {"link": link}
    if choice is not None:
        week = week_start(availability.helsinki_date(choice.starts))
        params.update(channel=choice.channel, who=choice.who, week=week.isoformat())
    return HttpResponseRedirect(url + _query(**params), status=303)


def _draft(request: HttpRequest, appointment_type: AppointmentType) -> dict[str, str]:
    draft = _recall(request, _DRAFT, DRAFT_MAX_AGE)
    if draft and draft.get("type") == str(appointment_type.pk):
        return dict(draft.get("typed") or {})
    return {}


def _details_page(
    request: HttpRequest,
    appointment_type: AppointmentType,
    choice: Choice,
    form: DetailsForm,
    *,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    names = {p.pk: professional_label(p) for p in _professionals(appointment_type)}
    return render(
        request,
        "appointments/public/details.html",
        {
            "appointment_type": appointment_type,
            "choice": choice,
            "channel_label": str(Channel(choice.channel).label),
            "professional": names.get(choice.professional_id, "") if choice.who != ANY else "",
            "form": form,
            "retention_days": settings.APPOINTMENTS_RETENTION_DAYS,
            "change_url": reverse("appointments:slots", kwargs={"type_id": appointment_type.pk})
            + _query(
                channel=choice.channel,
                who=choice.who,
                link=choice.link,
                week=week_start(availability.helsinki_date(choice.starts)).isoformat(),
            ),
            **extra,
        },
        status=status,
    )


def _locations(appointment_type: AppointmentType) -> list[Any]:
    return list(appointment_type.locations.order_by("name", "pk"))


@never_cache
@require_http_methods(["GET", "POST"])
def details(request: HttpRequest, type_id: uuid.UUID) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    link = str(data.get("link") or "")[:64]
    appointment_type = _bookable(type_id, link)
    choice = _choice(appointment_type, data)
    if choice is None:
        return _back_to_slots(appointment_type, None, link=link)
    locations = _locations(appointment_type)

    def make_form(*args: Any, **kwargs: Any) -> DetailsForm:
        return DetailsForm(
            *args,
            appointment_type=appointment_type,
            locations=locations,
            channel=choice.channel,
            **kwargs,
        )

    if request.method == "GET":
        if not _still_free(appointment_type, choice):
            request.session[_TAKEN] = True
            return _back_to_slots(appointment_type, choice, link=link)
        hidden = {
            "form_token": secrets.token_urlsafe(24),
            "slot": choice.slot_id,
            "channel": choice.channel,
            "who": choice.who,
            "link": choice.link,
        }
        form = make_form(initial={**_draft(request, appointment_type), **hidden})
        return _details_page(request, appointment_type, choice, form)

    form = make_form(request.POST)
    if not form.is_valid():
        return _details_page(request, appointment_type, choice, form, status=400)
    try:
        result = services.booking_create(
            slot_id=choice.slot_id,
            channel=choice.channel,
            name=form.cleaned_data["name"],
            email=form.cleaned_data.get("email") or "",
            phone=form.cleaned_data.get("phone") or "",
            language=_language(),
            answers=form.answers(),
            location_id=_uuid_or_none(form.location_id()),
            idempotency_key=form.cleaned_data["form_token"],
            idempotency_scope="form",
            link_token=choice.link,
            any_professional=choice.who == ANY,
            limiter=booking_limiter(request),
        )
    except services.SlotTaken:
        # Back to the week with a clear message; what was typed waits in the session.
        _remember(request, _DRAFT, {"type": str(appointment_type.pk), "typed": form.typed()})
        request.session[_TAKEN] = True
        return _back_to_slots(appointment_type, choice, link=link)
    except RateLimited as limited:
        response = _details_page(
            request, appointment_type, choice, form, status=429, rate_limited=True, page_error=True
        )
        response["Retry-After"] = str(limited.retry_after)
        return response
    except ValidationError as error:
        _add_errors(form, error)
        return _details_page(request, appointment_type, choice, form, status=400)
    request.session.pop(_DRAFT, None)
    _remember(request, _BOOKED, {"token": result.manage_token, "created": result.created})
    return HttpResponseRedirect(reverse("appointments:booked"), status=303)


def _uuid_or_none(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def _add_errors(form: Any, error: ValidationError) -> None:
    """The service's messages on the form: on their field where the form has it, otherwise at
    the top of the summary (the slot, the channel, the whole booking)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, texts in error.message_dict.items():
        form.add_error(field if field in form.fields and field not in _HIDDEN else None, texts)


_HIDDEN = {"slot", "channel", "who", "link", "form_token"}


# --- The confirmation ---------------------------------------------------------------------------


def _booking_view(booking: Booking, now: dt.datetime) -> dict[str, Any]:
    """What every page about one booking shows."""
    appointment_type = booking.appointment_type
    deadline = booking.starts - dt.timedelta(hours=appointment_type.cancellation_deadline_hours)
    live = booking.status == BookingStatus.BOOKED
    return {
        "booking": booking,
        "appointment_type": appointment_type,
        "channel_label": str(Channel(booking.channel).label),
        "professional": professional_label(booking.professional),
        "location": booking.location,
        "deadline": deadline,
        "live": live,
        "past": booking.ends <= now,
        # As the service has it: a change is allowed up to the deadline itself.
        "may_change": live and now <= deadline,
        "is_video": booking.channel == Channel.VIDEO,
        "phones": service_phones(appointment_type.service_id),
    }


@never_cache
@require_GET
def booked(request: HttpRequest) -> HttpResponse:
    """The confirmation: shows the manage link once; a reload says where the link is now."""
    remembered = _recall(request, _BOOKED, BOOKED_MAX_AGE)
    request.session.pop(_BOOKED, None)
    token = str(remembered.get("token") or "") if remembered else ""
    booking = None
    if token:
        try:
            booking = selectors.booking_get_by_token(manage_token=token)
        except NotFound:
            booking = None
    context: dict[str, Any] = {"booking": None}
    if booking is not None:
        context = {
            **_booking_view(booking, timezone.now()),
            "already": not remembered.get("created", True),
            "manage_url": request.build_absolute_uri(
                reverse("appointments:manage", kwargs={"token": token})
            ),
            "ics_url": reverse("appointments:manage_ics", kwargs={"token": token}),
            "video_url": reverse("appointments:video", kwargs={"token": token}),
        }
    response = render(request, "appointments/public/booked.html", context)
    response["Referrer-Policy"] = "no-referrer"
    return response


# --- The manage link ----------------------------------------------------------------------------


def _manage_context(token: str, booking: Booking) -> dict[str, Any]:
    return {
        **_booking_view(booking, timezone.now()),
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
    professionals = _professionals(appointment_type)
    data = request.POST if request.method == "POST" else request.GET
    filter_form = SlotFilterForm(
        data if "who" in data else None,
        appointment_type=appointment_type,
        professionals=professionals,
        fixed_channel=booking.channel,
        initial={"who": str(booking.professional_id)},
    )
    who = filter_form.value_of("who", str(booking.professional_id))
    week = _week(
        appointment_type,
        channel=booking.channel,
        who=who,
        week=parse_week(data.get("week")) or availability.helsinki_date(booking.starts),
        names={p.pk: professional_label(p) for p in professionals},
        now=timezone.now(),
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
        return _query(**{"who": who, **changes})

    context.update(
        {
            "filter_form": filter_form,
            "who": who,
            "chosen": chosen,
            "slot_errors": errors,
            "page_error": bool(errors),
            **_picker_context(appointment_type, week, query=query, who=who),
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
            _add_errors(form, error)
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
        **_booking_view(booking, now),
        "state": state,
        "opens": opens,
        "seconds_left": max(0, int((opens - now).total_seconds())),
        "join_url": video.family_join_url(booking) if state == "open" else "",
        "manage_url": _manage_url(token),
    }
    return render(request, "appointments/public/video.html", context)
