"""The professional's pages of a family's record: the list, opening a record (directly or from a
help request), the family page's shell, changing the family and its people, closing.

Each page reads through the gate (`selectors.access_family`, `selectors.family_list`) and writes
through one service; a NotFound is a 404 and a PolicyDenied a 403 (middleware). A failed form
comes back with its errors and status 400."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.accounts.models import User
from perhekeskus.core.decorators import professional_required
from perhekeskus.core.errors import NotFound
from perhekeskus.families import access, selectors, selectors_records
from perhekeskus.families.forms.records import (
    MAX_CHILDREN,
    MAX_GUARDIANS,
    ChildForm,
    CloseForm,
    FamilyForm,
    FamilySearchForm,
    GuardianForm,
    OpeningConsentForm,
    PersonForm,
    quiet,
)
from perhekeskus.families.identity import mask_pic
from perhekeskus.families.models import AccessPlace, DataCategory, FamilyStatus, Guardian
from perhekeskus.families.policies import can_work_with_families
from perhekeskus.families.services import records
from perhekeskus.families.services.inputs import ChildInput, GuardianInput
from perhekeskus.families.views import (
    sections_consents,
    sections_plan,
    sections_records,
    sections_referrals,
)
from perhekeskus.families.views.common import (
    current_user,
    family_url,
    form_status,
    managed_access,
    posted,
    save_form,
)

SECTION_MODULES = (sections_records, sections_consents, sections_plan, sections_referrals)
CONSENT_FIELDS = (
    "purpose",
    "recipients",
    "categories",
    "valid_from",
    "valid_until",
    "given_by",
    "method",
    "child_views",
    "note",
)


ErrorItem = tuple[str, str]


def error_items(form: forms.Form, heading: str = "") -> list[ErrorItem]:
    """A form's errors for the page's summary: (the field's id to link to, the text)."""
    lead = f"{heading}: " if heading else ""
    items: list[ErrorItem] = [("", f"{lead}{error}") for error in form.non_field_errors()]
    for field in form:
        for error in field.errors:
            items.append((field.auto_id or "", f"{lead}{field.label}: {error}"))
    return items


# --- The list ------------------------------------------------------------------------------------


@never_cache
@require_GET
@professional_required
def family_list(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    may_read = can_work_with_families(user)
    # The coordinator's list pages with "page" when it is the page's only list.
    without_worker = selectors_records.families_without_worker(
        user, 1 if may_read else request.GET.get("page", 1)
    )
    if not may_read and without_worker is None:
        raise PermissionDenied
    search = FamilySearchForm(request.GET)
    values = search.parse()
    status = str(request.GET.get("status", FamilyStatus.OPEN))
    if status not in FamilyStatus.values:
        status = ""
    term = str(values.get("q") or "").strip()
    page = None
    if may_read:
        page = selectors.family_list(
            actor=user, status=status, search=term, page=request.GET.get("page", 1)
        )
    filters = [
        (value, label, "?" + urlencode({k: v for k, v in (("q", term), ("status", value)) if v}))
        for value, label in (
            (FamilyStatus.OPEN.value, _("Open")),
            (FamilyStatus.CLOSED.value, _("Closed")),
            ("all", _("All")),
        )
    ]
    query = urlencode({k: v for k, v in (("q", term), ("status", status or "all")) if v})
    today = timezone.localdate()
    return render(
        request,
        "families/pro/list.html",
        {
            "page": page,
            "rows": [
                {
                    "row": row,
                    "family": row.family,
                    "children": [(child.name, child.age_on(today)) for child in row.children],
                }
                for row in (page.object_list if page is not None else [])
            ],
            "query": query,
            "term": term,
            "search": search,
            "status": status or "all",
            "filters": filters,
            "may_open": may_read,
            "without_worker": without_worker,
        },
    )


# --- Opening -------------------------------------------------------------------------------------


def _count(request: HttpRequest, name: str, default: int, low: int, high: int) -> int:
    raw = request.POST.get(f"{name}_count") if request.method == "POST" else None
    raw = raw or request.GET.get(name)
    try:
        value = int(str(raw)) if raw not in (None, "") else default
    except ValueError:
        value = default
    return max(low, min(high, value))


class OpeningForms:
    """The opening form's parts: the family, each guardian, each child (with their view of the
    consent) and the consent. Extra guardians and children left empty are not people to add."""

    def __init__(
        self,
        request: HttpRequest,
        user: User,
        *,
        help_request: Any = None,
    ) -> None:
        prefill_children = list(getattr(help_request, "child_ages", None) or [])
        guardians = _count(request, "guardians", 1, 1, MAX_GUARDIANS)
        children = _count(request, "children", max(1, len(prefill_children)), 0, MAX_CHILDREN)
        self.adding = ""
        if request.method == "POST" and "add_guardian" in request.POST:
            guardians = min(MAX_GUARDIANS, guardians + 1)
            self.adding = f"id_guardian{guardians - 1}-name"
        if request.method == "POST" and "add_child" in request.POST:
            children = min(MAX_CHILDREN, children + 1)
            self.adding = f"id_child{children - 1}-name"
        data = request.POST if request.method == "POST" else None
        first_guardian: dict[str, Any] = {}
        if help_request is not None and not help_request.anonymous:
            first_guardian = {
                "name": help_request.contact_name,
                "phone": help_request.contact_phone,
                "email": help_request.contact_email,
                "preferred_language": help_request.language,
            }
        self.family = FamilyForm(data, with_place=help_request is None)
        self.guardians = [
            GuardianForm(data, prefix=f"guardian{i}", initial=first_guardian if i == 0 else None)
            for i in range(guardians)
        ]
        self.children = [
            ChildForm(
                data,
                prefix=f"child{i}",
                with_view=True,
                initial=({"age_years": prefill_children[i]} if i < len(prefill_children) else None),
            )
            for i in range(children)
        ]
        self.consent = OpeningConsentForm(
            data, prefix="consent", guardian_count=guardians, organization=user.organization
        )
        if self.adding:
            for form in self.all():
                quiet(form)
            # The new person's first field takes the focus, so that a keyboard or screen-reader
            # user continues where the form grew.
            added = self.guardians[-1] if "guardian" in self.adding else self.children[-1]
            added.fields["name"].widget.attrs["autofocus"] = True

    def all(self) -> list[forms.Form]:
        return [self.family, *self.guardians, *self.children, self.consent]

    def kept_guardians(self) -> list[int]:
        return [i for i, form in enumerate(self.guardians) if i == 0 or not form.is_blank()]

    def kept_children(self) -> list[int]:
        return [i for i, form in enumerate(self.children) if not form.is_blank()]

    def is_valid(self) -> bool:
        checked = [
            self.family,
            self.consent,
            *(self.guardians[i] for i in self.kept_guardians()),
            *(self.children[i] for i in self.kept_children()),
        ]
        valid = all([form.is_valid() for form in checked])
        kept = set(self.kept_guardians())
        given = self.consent.cleaned_data.get("given_by") or [] if valid else []
        if any(index not in kept for index in given):
            self.consent.add_error(
                "given_by", _("A guardian who gave the consent has no name above.")
            )
            valid = False
        return valid

    def inputs(self) -> dict[str, Any]:
        guardians = self.kept_guardians()
        children = self.kept_children()
        guardian_inputs: list[GuardianInput] = []
        for i in guardians:
            guardian_inputs.append(self.guardians[i].input())
        child_inputs: list[ChildInput] = []
        views: dict[int, str] = {}
        for position, i in enumerate(children):
            child = self.children[i]
            child_inputs.append(child.input())
            view = str(child.cleaned_data.get("view") or "").strip()
            if view:
                views[position] = view
        consent = self.consent.input(views)
        consent.given_by = [guardians.index(i) for i in consent.given_by if i in guardians]
        return {"guardians": guardian_inputs, "children": child_inputs, "consent": consent}

    def apply(self, error: ValidationError) -> None:
        """The service's errors where they were typed (its person keys use the kept people's
        positions)."""
        if not hasattr(error, "error_dict"):
            self.family.add_error(None, error)
            return
        guardians = self.kept_guardians()
        children = self.kept_children()
        for key, errors in error.message_dict.items():
            target: forms.Form = self.family
            field: str | None = key
            person, _sep, name = key.partition("-")
            if name and person.startswith("guardian") and person[8:].isdigit():
                target, field = self.guardians[guardians[int(person[8:])]], name
            elif name and person.startswith("child") and person[5:].isdigit():
                target, field = self.children[children[int(person[5:])]], name
            elif key in CONSENT_FIELDS:
                target = self.consent
                field = key if key in self.consent.fields else None
            elif key == "guardians":
                target, field = self.guardians[0], None
            if field is not None and field not in target.fields:
                field = None
            target.add_error(field, errors)

    def errors(self) -> list[ErrorItem]:
        if self.adding:
            return []
        items = error_items(self.family)
        for number, guardian in enumerate(self.guardians, start=1):
            items += error_items(guardian, _("Guardian %(number)d") % {"number": number})
        for number, child in enumerate(self.children, start=1):
            items += error_items(child, _("Child %(number)d") % {"number": number})
        items += error_items(self.consent, _("Consent"))
        return items


def _opening_page(
    request: HttpRequest, user: User, forms_: OpeningForms, help_request: Any = None
) -> HttpResponse:
    errors = forms_.errors() if request.method == "POST" else []
    return render(
        request,
        "families/pro/open.html",
        {
            "forms": forms_,
            "help_request": help_request,
            "errors": errors,
            "adding": forms_.adding,
            "guardian_count": len(forms_.guardians),
            "child_count": len(forms_.children),
            "max_guardians": MAX_GUARDIANS,
            "max_children": MAX_CHILDREN,
            "organization": user.organization,
        },
        status=400 if errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def family_new(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if not can_work_with_families(user):
        raise PermissionDenied
    forms_ = OpeningForms(request, user)
    if request.method == "POST" and not forms_.adding and forms_.is_valid():
        try:
            family = records.family_open(
                actor=user,
                name=forms_.family.cleaned_data["name"],
                municipality=forms_.family.cleaned_data["municipality"],
                language=forms_.family.cleaned_data["language"],
                request=request,
                **forms_.inputs(),
            )
        except ValidationError as error:
            forms_.apply(error)
        else:
            messages.success(request, _("The family's record was opened."))
            return redirect(family_url(family.pk))
    return _opening_page(request, user, forms_)


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def family_new_from_help_request(request: HttpRequest, help_request_id: uuid.UUID) -> HttpResponse:
    from perhekeskus.intake.selectors import access_help_request

    user = current_user(request)
    # The request's personal data is read through intake's gatekeeper, which logs the read.
    help_request = access_help_request(actor=user, help_request_id=help_request_id, request=request)
    if not can_work_with_families(user):
        raise PermissionDenied
    if help_request.coordination_reference:
        return redirect(family_url(help_request.coordination_reference))
    forms_ = OpeningForms(request, user, help_request=help_request)
    if request.method == "POST" and not forms_.adding and forms_.is_valid():
        try:
            family = records.family_open_from_help_request(
                actor=user,
                help_request_id=help_request.pk,
                name=forms_.family.cleaned_data["name"],
                request=request,
                **forms_.inputs(),
            )
        except ValidationError as error:
            forms_.apply(error)
        else:
            messages.success(
                request,
                _("The family's record was opened and the help request closed: it continues here."),
            )
            return redirect(family_url(family.pk))
    return _opening_page(request, user, forms_, help_request)


# --- The family page -----------------------------------------------------------------------------


@never_cache
@require_GET
@professional_required
def family_detail(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    """The family page's shell: one read through the gate for every category (each granted one
    logged), then each part of the app adds what its sections show."""
    user = current_user(request)
    family_access = selectors.access_family(
        actor=user, family_id=family_id, categories=access.ALL_CATEGORIES, place=AccessPlace.PAGE
    )
    context: dict[str, Any] = {}
    for module in SECTION_MODULES:
        context.update(module.section_context(user, family_access))
    # The shell's own names last, so that no section's context can shadow them.
    context.update(
        family=family_access.family,
        fa=family_access,
        can_contact=family_access.can(DataCategory.CONTACT),
        can_referrals=family_access.can(DataCategory.REFERRALS),
    )
    return render(request, "families/pro/family.html", context)


# --- Changes -------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def family_edit(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    family = managed_access(user, family_id).family
    initial = {
        "name": family.name,
        "municipality": family.municipality,
        "language": family.language,
    }
    form = FamilyForm(posted(request), initial=initial)
    saved = save_form(
        request,
        form,
        lambda data: records.family_update(
            actor=user,
            family_id=family.pk,
            name=data["name"],
            municipality=data["municipality"],
            language=data["language"],
            request=request,
        ),
        success=_("The family's details were saved."),
        then=family_url(family.pk, "overview"),
    )
    if saved:
        return saved
    return render(
        request,
        "families/pro/edit.html",
        {"family": family, "form": form},
        status=form_status(form),
    )


def _person_form(kind: str, data: Any, **kwargs: Any) -> PersonForm:
    if kind == selectors_records.GUARDIAN:
        return GuardianForm(data, **kwargs)
    return ChildForm(data, **kwargs)


def _person_input(form: PersonForm) -> GuardianInput | ChildInput:
    assert isinstance(form, GuardianForm | ChildForm)
    return form.input()


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def person_add(request: HttpRequest, family_id: uuid.UUID, kind: str) -> HttpResponse:
    if kind not in selectors_records.PERSON_KINDS:
        raise NotFound()
    user = current_user(request)
    family = managed_access(user, family_id, DataCategory.CONTACT).family
    form = _person_form(kind, posted(request))
    saved = save_form(
        request,
        form,
        lambda data: records.person_add(
            actor=user, family_id=family.pk, kind=kind, data=_person_input(form), request=request
        ),
        success=_("The guardian was added.") if kind == "guardian" else _("The child was added."),
        then=family_url(family.pk, "overview"),
    )
    if saved:
        return saved
    return render(
        request,
        "families/pro/person_form.html",
        {"family": family, "form": form, "kind": kind, "person": None},
        status=form_status(form),
    )


def _person_initial(person: Any, fields: Sequence[str]) -> dict[str, Any]:
    return {
        name: getattr(person, name)
        for name in fields
        if name not in ("personal_identity_code", "remove_pic", "view")
    }


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def person_change(
    request: HttpRequest, family_id: uuid.UUID, kind: str, person_id: int
) -> HttpResponse:
    if kind not in selectors_records.PERSON_KINDS:
        raise NotFound()
    user = current_user(request)
    family_access = managed_access(user, family_id, DataCategory.CONTACT)
    person = selectors_records.person_for_change(family_access, kind, person_id)
    masked = mask_pic(person.personal_identity_code)
    form = _person_form(
        kind,
        posted(request),
        stored_pic=masked,
        initial=_person_initial(person, records.PERSON_FIELDS[kind]),
    )
    saved = save_form(
        request,
        form,
        lambda data: records.person_update(
            actor=user,
            family_id=family_access.family.pk,
            kind=kind,
            person_id=person.pk,
            data=_person_input(form),
            remove_pic=bool(data.get("remove_pic")),
            request=request,
        ),
        success=_("The details were saved."),
        then=family_url(family_access.family.pk, "overview"),
    )
    if saved:
        return saved
    return render(
        request,
        "families/pro/person_form.html",
        {
            "family": family_access.family,
            "form": form,
            "kind": kind,
            "person": person,
            "is_guardian": isinstance(person, Guardian),
        },
        status=form_status(form),
    )


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def family_close(request: HttpRequest, family_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    family = managed_access(user, family_id).family
    form = CloseForm(posted(request))
    saved = save_form(
        request,
        form,
        lambda data: records.family_close(
            actor=user, family_id=family.pk, reason=data["reason"], request=request
        ),
        success=_("The family's record was closed."),
        then=family_url(family.pk),
    )
    if saved:
        return saved
    return render(
        request,
        "families/pro/close.html",
        {"family": family, "form": form},
        status=form_status(form),
    )
