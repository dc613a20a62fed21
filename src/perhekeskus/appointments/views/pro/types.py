"""Appointment types: the list of those the user may set up, and one form to create or change a
type with its pre-questions. The form's `apply_changes` writes the type's fields, places,
professionals and questions on the row the service has locked and checked; the service saves
and audits."""

from __future__ import annotations

import secrets
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.appointments import selectors, selectors_pro, services
from perhekeskus.appointments.forms.pro import (
    LANGUAGES,
    TYPE_FIELDS,
    AppointmentTypeForm,
    PreQuestionFormSet,
)
from perhekeskus.appointments.models import (
    AppointmentType,
    Channel,
    PreQuestion,
    QuestionKind,
    WhoMayBook,
)
from perhekeskus.appointments.views.pro.common import current_user
from perhekeskus.catalog.models import Service
from perhekeskus.core.decorators import professional_required
from perhekeskus.core.errors import NotFound
from perhekeskus.core.forms import apply_validation_error
from perhekeskus.core.links import absolute

TRANSLATED = ("name", "description")


@never_cache
@require_GET
@professional_required
def type_list(request: HttpRequest) -> HttpResponse:
    """The types of the services the user may set up, by service."""
    user = current_user(request)
    services_allowed = selectors_pro.services_for_appointment_types(actor=user)
    by_service: dict[Any, list[AppointmentType]] = {}
    for appointment_type in selectors.appointment_types_manageable_by(actor=user):
        by_service.setdefault(appointment_type.service_id, []).append(appointment_type)
    groups = [
        (service, by_service.get(service.pk, []))
        for service in services_allowed
        if by_service.get(service.pk)
    ]
    context = {
        "groups": groups,
        "services": services_allowed,
        "may_create": bool(services_allowed),
    }
    return render(request, "appointments/pro/type_list.html", context)


def booking_link(appointment_type: AppointmentType) -> str:
    """The address a professional sends to a family for a type bookable only with a link."""
    if appointment_type.who_may_book != WhoMayBook.LINK or not appointment_type.link_token:
        return ""
    try:
        path = reverse("appointments:slots", kwargs={"type_id": appointment_type.pk})
    except NoReverseMatch:
        return ""
    return absolute(f"{path}?link={appointment_type.link_token}")


def _initial(appointment_type: AppointmentType) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(appointment_type, name) for name in TYPE_FIELDS}
    for name in TRANSLATED:
        for code, _label in LANGUAGES:
            initial[f"{name}_{code}"] = getattr(appointment_type, f"{name}_{code}") or ""
    initial["channels"] = appointment_type.channels
    initial["locations"] = [location.pk for location in appointment_type.locations.all()]
    initial["professionals"] = [user.pk for user in appointment_type.professionals.all()]
    return initial


def _question_initial(appointment_type: AppointmentType) -> list[dict[str, Any]]:
    rows = []
    for question in appointment_type.questions.all():
        row: dict[str, Any] = {
            "id": question.pk,
            "kind": question.kind,
            "required": question.required,
            "position": question.position,
        }
        for code, _label in LANGUAGES:
            row[f"text_{code}"] = getattr(question, f"text_{code}") or ""
            row[f"choices_{code}"] = getattr(question, f"choices_{code}") or ""
        rows.append(row)
    return rows


def _apply(form: AppointmentTypeForm, questions: Any) -> Any:
    """The callback the service runs on the locked type: the form's values, then the related
    rows (which need the type saved, so a new type is saved first)."""
    data = form.cleaned_data

    def apply_changes(appointment_type: AppointmentType) -> None:
        for name in TYPE_FIELDS:
            setattr(appointment_type, name, data[name])
        for name in TRANSLATED:
            for code, _label in LANGUAGES:
                setattr(appointment_type, f"{name}_{code}", data[f"{name}_{code}"] or "")
        channels = set(data["channels"])
        appointment_type.offers_visit = Channel.VISIT in channels
        appointment_type.offers_phone = Channel.PHONE in channels
        appointment_type.offers_video = Channel.VIDEO in channels
        if appointment_type.who_may_book == WhoMayBook.LINK and not appointment_type.link_token:
            appointment_type.link_token = secrets.token_urlsafe(24)
        if appointment_type._state.adding:
            appointment_type.full_clean(exclude=["service"])
            appointment_type.save()
        appointment_type.locations.set(data["locations"] if appointment_type.offers_visit else [])
        appointment_type.professionals.set(data["professionals"])
        _write_questions(appointment_type, questions)

    return apply_changes


def _write_questions(appointment_type: AppointmentType, questions: Any) -> None:
    existing = {q.pk: q for q in PreQuestion.objects.filter(appointment_type=appointment_type)}
    for index, question_form in enumerate(questions.forms):
        data = question_form.cleaned_data
        if not data:
            continue
        question = existing.get(data.get("id")) if data.get("id") else None
        if questions._should_delete_form(question_form):
            if question is not None:
                question.delete()
            continue
        if question is None:
            question = PreQuestion(appointment_type=appointment_type)
        question.kind = data["kind"]
        question.required = data["required"]
        question.position = data["position"] if data["position"] is not None else index
        for code, _label in LANGUAGES:
            setattr(question, f"text_{code}", data[f"text_{code}"] or "")
            choices = data[f"choices_{code}"] if data["kind"] == QuestionKind.CHOICE else ""
            setattr(question, f"choices_{code}", choices or "")
        question.save()


def _type_page(
    request: HttpRequest,
    *,
    service: Service,
    appointment_type: AppointmentType | None,
) -> HttpResponse:
    user = current_user(request)
    also = [p.pk for p in appointment_type.professionals.all()] if appointment_type else []
    posted = request.POST if request.method == "POST" else None
    initial = _initial(appointment_type) if appointment_type else {}
    form = AppointmentTypeForm(
        posted,
        initial=initial,
        locations=selectors_pro.service_locations(service=service),
        professionals=selectors_pro.service_professionals(service=service, also=also),
    )
    questions = PreQuestionFormSet(
        posted,
        prefix="questions",
        initial=_question_initial(appointment_type) if appointment_type else None,
    )
    if posted is not None and form.is_valid() and questions.is_valid():
        apply_changes = _apply(form, questions)
        try:
            if appointment_type is None:
                saved = services.appointment_type_create(
                    actor=user, service_id=service.pk, apply_changes=apply_changes
                )
            else:
                saved = services.appointment_type_update(
                    actor=user, type_id=appointment_type.pk, apply_changes=apply_changes
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The appointment type was saved."))
            return redirect("appointments_pro:type_edit", type_id=saved.pk)
    failed = posted is not None
    context = {
        "service": service,
        "appointment_type": appointment_type,
        "form": form,
        "questions": questions,
        "failed": failed,
        "booking_link": booking_link(appointment_type) if appointment_type else "",
        "languages": LANGUAGES,
    }
    return render(
        request, "appointments/pro/type_form.html", context, status=400 if failed else 200
    )


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def type_create(request: HttpRequest) -> HttpResponse:
    """`?service=<id>`: a new type for that service; without it, the choice of service."""
    user = current_user(request)
    raw = request.GET.get("service", "")
    if not raw:
        services_allowed = selectors_pro.services_for_appointment_types(actor=user)
        return render(
            request, "appointments/pro/type_service_choice.html", {"services": services_allowed}
        )
    try:
        service_id = UUID(raw)
    except ValueError:
        raise NotFound from None
    service = selectors_pro.service_get_for_appointment_types(actor=user, service_id=service_id)
    return _type_page(request, service=service, appointment_type=None)


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def type_edit(request: HttpRequest, type_id: UUID) -> HttpResponse:
    appointment_type = selectors_pro.appointment_type_get_manageable(
        actor=current_user(request), type_id=type_id
    )
    return _type_page(request, service=appointment_type.service, appointment_type=appointment_type)
