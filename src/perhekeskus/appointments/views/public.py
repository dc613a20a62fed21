"""The family's booking pages: no account, phone-sized first, no JavaScript needed.

Book: the service's appointment types → a week of free times (a GET form; the chosen slot, the
channel and "with whom" travel in the address, they are no secret) → name, contacts and the
pre-questions (POST, with a one-time form token as the idempotency key, so a double submit
books once) → the confirmation. The manage token is the family's only key to the booking: it is
in the e-mail's link, and the confirmation gets it through the (server-side) session, never
through its own address. The pages of the manage link itself are in `manage.py`."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.appointments import availability, selectors, services, slotids
from perhekeskus.appointments.forms.public import (
    ANY,
    DetailsForm,
    SlotFilterForm,
    channel_choices,
    parse_week,
    professional_label,
    week_start,
)
from perhekeskus.appointments.models import AppointmentType, Channel
from perhekeskus.appointments.ratelimit import booking_limiter
from perhekeskus.appointments.views.common import (
    add_errors,
    booking_view,
    free_week,
    picker_context,
    professionals_of,
    query_string,
    recall,
    remember,
    service_card_actions,
    service_phones,
    uuid_or_none,
)
from perhekeskus.catalog import selectors as catalog_selectors
from perhekeskus.core.errors import NotFound
from perhekeskus.core.language import active_language
from perhekeskus.core.links import absolute
from perhekeskus.core.ratelimit import RateLimited

__all__ = ["booked", "details", "service", "service_card_actions", "slots"]

# How long the confirmation can still be opened after booking, and how long what the family typed
# is kept when the time they chose was taken meanwhile (idle time).
BOOKED_MAX_AGE = 60 * 60
DRAFT_MAX_AGE = 30 * 60

_BOOKED = "appointments.booked"
_DRAFT = "appointments.draft"
_TAKEN = "appointments.taken"


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
    professionals = professionals_of(appointment_type)
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
    week = free_week(
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
                details + query_string(slot=chosen, channel=channel, who=who, link=link), status=303
            )

    def query(**changes: str) -> str:
        params = {"channel": channel, "who": who, "link": link, **changes}
        return query_string(**params)

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
        **picker_context(appointment_type, week, query=query, who=who),
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
    return HttpResponseRedirect(url + query_string(**params), status=303)


def _draft(request: HttpRequest, appointment_type: AppointmentType) -> dict[str, str]:
    draft = recall(request, _DRAFT, DRAFT_MAX_AGE)
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
    names = {p.pk: professional_label(p) for p in professionals_of(appointment_type)}
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
            + query_string(
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
            language=active_language(),
            answers=form.answers(),
            location_id=uuid_or_none(form.location_id()),
            idempotency_key=form.cleaned_data["form_token"],
            idempotency_scope="form",
            link_token=choice.link,
            any_professional=choice.who == ANY,
            limiter=booking_limiter(request),
        )
    except services.SlotTaken:
        # Back to the week with a clear message; what was typed waits in the session.
        remember(request, _DRAFT, {"type": str(appointment_type.pk), "typed": form.typed()})
        request.session[_TAKEN] = True
        return _back_to_slots(appointment_type, choice, link=link)
    except RateLimited as limited:
        response = _details_page(
            request, appointment_type, choice, form, status=429, rate_limited=True, page_error=True
        )
        response["Retry-After"] = str(limited.retry_after)
        return response
    except ValidationError as error:
        add_errors(form, error)
        return _details_page(request, appointment_type, choice, form, status=400)
    request.session.pop(_DRAFT, None)
    remember(request, _BOOKED, {"token": result.manage_token, "created": result.created})
    return HttpResponseRedirect(reverse("appointments:booked"), status=303)


# --- The confirmation ---------------------------------------------------------------------------


@never_cache
@require_GET
def booked(request: HttpRequest) -> HttpResponse:
    """The confirmation: shows the manage link once; a reload says where the link is now."""
    remembered = recall(request, _BOOKED, BOOKED_MAX_AGE)
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
            **booking_view(booking, timezone.now()),
            "already": not remembered.get("created", True),
            # The site's own address, as in the e-mail: never the request's Host header.
            "manage_url": absolute(reverse("appointments:manage", kwargs={"token": token})),
            "ics_url": reverse("appointments:manage_ics", kwargs={"token": token}),
            "video_url": reverse("appointments:video", kwargs={"token": token}),
        }
    response = render(request, "appointments/public/booked.html", context)
    response["Referrer-Policy"] = "no-referrer"
    return response
