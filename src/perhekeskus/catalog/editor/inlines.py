"""The rows edited inside a page: hours, contact channels and the places a service is given at.
They belong to the page's object and take its admin's permission."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from perhekeskus.catalog.editor.base import (
    LanguagesFormMixin,
    PolicyAdminMixin,
    ScopedChoicesMixin,
    in_languages,
    keep_current_choices,
)
from perhekeskus.catalog.editor.fields import QuietErrorList, dress_form
from perhekeskus.catalog.editor.site import editor_site
from perhekeskus.catalog.editor.widgets import EDITOR_RENDERER
from perhekeskus.catalog.models import ContactChannel, Schedule, ServiceAtLocation

if TYPE_CHECKING:
    _InlineFormSet = BaseInlineFormSet[Any, Any, Any]
else:  # Django's formsets are not subscriptable at run time
    _InlineFormSet = BaseInlineFormSet


class LabelledInlineFormSet(_InlineFormSet):
    """A table row's fields are named only by the column headings, which assistive technology
    does not tie to them (axe: "Form elements must have labels"): each field gets its label and
    row number as its accessible name. A row keeps its current choices (`keep_current_choices`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # formset_factory sets the default renderer on the class; the rows use the editor's.
        self.renderer = EDITOR_RENDERER
        kwargs.setdefault("error_class", QuietErrorList)
        super().__init__(*args, **kwargs)

    def add_fields(self, form: Any, index: int | None) -> None:
        super().add_fields(form, index)
        keep_current_choices(form)
        dress_form(form)
        for field in form.fields.values():
            if field.widget.is_hidden:
                continue
            label = str(field.label or "")
            if index is not None:
                label = _("%(field)s, row %(row)d") % {"field": label, "row": index + 1}
            # The admin wraps a related field's select (add/change links): name the select.
            getattr(field.widget, "widget", field.widget).attrs["aria-label"] = label


class ChildInlineMixin(ScopedChoicesMixin):
    """Inline rows belong to the parent (`obj`): whoever may change the parent may keep its
    rows, by the parent admin's own permission. Their dropdowns are limited like the parent's."""

    parent_model: type[models.Model]
    formset: type[_InlineFormSet] = LabelledInlineFormSet

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        parent = editor_site._registry.get(self.parent_model)
        return isinstance(parent, PolicyAdminMixin) and parent.has_change_permission(request, obj)

    has_change_permission = has_view_permission
    has_add_permission = has_view_permission
    has_delete_permission = has_view_permission


class ScheduleInline(ChildInlineMixin, TranslationStackedInline):
    # Cards, not table rows: a row of eight columns and three languages does not fit a laptop.
    model = Schedule
    extra = 0
    fields = (
        ("kind", "weekday"),
        ("opens_at", "closes_at", "closed"),
        ("valid_from", "valid_to"),
        in_languages("description"),
    )


class ServiceScheduleInline(ScheduleInline):
    fk_name = "service"


class LocationScheduleInline(ScheduleInline):
    fk_name = "location"


class AtLocationScheduleInline(ScheduleInline):
    fk_name = "service_at_location"


class ChannelScheduleInline(ScheduleInline):
    fk_name = "channel"


class ChannelInline(ChildInlineMixin, LanguagesFormMixin, TranslationStackedInline):
    model = ContactChannel
    extra = 0
    show_change_link = True
    fields = (
        ("kind", "value", "order"),
        in_languages("name"),
        in_languages("description"),
        "phone_charge",
        "languages",
    )


class ServiceChannelInline(ChannelInline):
    fk_name = "service"


class AtLocationChannelInline(ChannelInline):
    fk_name = "service_at_location"


class ServiceAtLocationInline(ChildInlineMixin, TranslationStackedInline):
    model = ServiceAtLocation
    fk_name = "service"
    extra = 0
    show_change_link = True
    fields = ("location", in_languages("description"))
