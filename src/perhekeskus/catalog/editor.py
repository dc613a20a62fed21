"""The catalogue editor: where organisation editors keep their own services and locations current
and coordinators see what has not been verified for a year.

A Django admin site of its own (not the technical /admin/): it opens to organisation editors and
coordinators by their roles. Permissions are structural: each ModelAdmin declares the
organisation of its objects (`organization_paths`), and `PolicyAdminMixin` derives from it the
list (`get_queryset`), the object permissions and the choices in dropdowns, so that another
organisation's object answers exactly like a missing one. Every save is one call of a
`catalog.services` use case (`service_create`/`service_update`, `location_create`/
`location_update`), which locks, checks the policy, writes the form and its inlines, versions
and audits in its own transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from django.contrib import admin, messages
from django.db import models
from django.db.models import Q, QuerySet
from django.forms import ModelChoiceField, ModelForm, ModelMultipleChoiceField
from django.forms.models import BaseInlineFormSet, construct_instance
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from perhekeskus.catalog import services
from perhekeskus.catalog.forms import LanguagesField, ServiceEditorForm
from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceVersion,
)
from perhekeskus.catalog.policies import can_edit_catalog_of, can_use_catalog_editor
from perhekeskus.catalog.selectors import editable_by, organizations_editable_by
from perhekeskus.core.admin_site import login_or_forbid
from perhekeskus.core.errors import NotFound, PolicyDenied

STALE_AFTER = dt.timedelta(days=365)


class CatalogEditorSite(admin.AdminSite):
    site_header = _("Service descriptions")
    site_title = _("Service descriptions")
    index_title = _("Your organisation's services and places")
    site_url = None

    def has_permission(self, request: HttpRequest) -> bool:
        return can_use_catalog_editor(request.user)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        return login_or_forbid(request)


editor_site = CatalogEditorSite(name="catalog_editor")


def organization_of(obj: models.Model, paths: tuple[str, ...]) -> Any:
    """The id of the organisation `obj` belongs to, followed along the first of `paths` that
    leads somewhere ("service__organization": obj.service.organization_id)."""
    for path in paths:
        *steps, last = path.split("__")
        node: Any = obj
        for step in steps:
            node = getattr(node, step, None)
            if node is None:
                break
        else:
            organization_id = getattr(node, f"{last}_id", None)
            if organization_id is not None:
                return organization_id
    return None


def keep_current_choices(form: Any) -> None:
    """A row that already points to something the user may not choose (a coordinator linked
    their service to a partner's place) keeps it as a choice: keeping a link changes nothing of
    the other organisation's, and the form can still be saved. Nothing else is added."""
    instance = getattr(form, "instance", None)
    if instance is None or instance._state.adding:
        return
    for name, field in form.fields.items():
        if not isinstance(field, ModelChoiceField) or isinstance(field, ModelMultipleChoiceField):
            continue
        current = getattr(instance, f"{name}_id", None)
        queryset = field.queryset
        if current is None or queryset is None or queryset.filter(pk=current).exists():
            continue
        field.queryset = queryset | queryset.model._default_manager.filter(pk=current)


class ScopedChoicesMixin:
    """Dropdowns and checkbox lists offer only what the user may edit: the organisations they
    may edit, and the rows of any model whose editor admin declares an organisation. A field
    whose choices are not the user's to keep is named in `unscoped_choices`, with the reason."""

    unscoped_choices: ClassVar[tuple[str, ...]] = ()

    def _scoped_choices(self, db_field: Any, request: HttpRequest) -> QuerySet[Any] | None:
        if db_field.name in self.unscoped_choices:
            return None
        model = db_field.related_model
        if model is Organization:
            return organizations_editable_by(actor=request.user)
        owner = editor_site._registry.get(model)
        if isinstance(owner, PolicyAdminMixin):
            return editable_by(
                model._default_manager.all(),
                actor=request.user,
                organization_paths=owner.organization_paths,
            )
        return None

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        scoped = self._scoped_choices(db_field, request)
        if scoped is not None:
            kwargs["queryset"] = scoped
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        scoped = self._scoped_choices(db_field, request)
        if scoped is not None:
            kwargs["queryset"] = scoped
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]


class PolicyAdminMixin(ScopedChoicesMixin):
    """Permissions from our policies, not Django's per-model permission table, all derived from
    one declaration: `organization_paths`, the lookups from the model to the organisation whose
    editors keep it (several when an object hangs on one of several parents).

    The list holds only what the user may edit, so another organisation's object is not found,
    exactly like a missing id (the admin redirects both to the index, F-12). Saving is
    `save_with_service`: one call of a `catalog.services` use case per save, with the form's
    inlines handed in; `save_model` writes nothing of its own."""

    organization_paths: ClassVar[tuple[str, ...]] = ()
    #: Shown on the editor's index (False: reached from its service only).
    on_index: ClassVar[bool] = True
    #: Created on its own page (False: created as an inline row of its parent).
    addable: ClassVar[bool] = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)  # type: ignore[misc]
        return editable_by(queryset, actor=request.user, organization_paths=self.organization_paths)

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form_class = super().get_form(request, obj, change=change, **kwargs)  # type: ignore[misc]

        class EditorForm(form_class):  # type: ignore[misc,valid-type]
            def __init__(self, *args: Any, **form_kwargs: Any) -> None:
                super().__init__(*args, **form_kwargs)
                keep_current_choices(self)

        EditorForm.__name__ = form_class.__name__
        return EditorForm

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.on_index and can_use_catalog_editor(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return can_use_catalog_editor(request.user)
        return can_edit_catalog_of(request.user, organization_of(obj, self.organization_paths))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.addable and can_use_catalog_editor(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Descriptions are never deleted: their history must stay. Mark them defunct instead.
        return False

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        """Nothing yet: Django calls `save_related` next, and the whole save happens there."""

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        def write_related(_obj: Any) -> None:
            super(PolicyAdminMixin, self).save_related(  # type: ignore[misc]
                request, form, formsets, change
            )

        try:
            self.save_with_service(request, form, write_related, change)
        except NotFound as missing:
            raise Http404 from missing

    def save_with_service(
        self,
        request: HttpRequest,
        form: Any,
        write_related: Callable[[Any], None],
        change: bool,
    ) -> None:
        raise NotImplementedError


class LanguagesFormMixin:
    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "languages":
            return LanguagesField(label=db_field.verbose_name, help_text="")
        return super().formfield_for_dbfield(db_field, request, **kwargs)  # type: ignore[misc]


def apply_form(form: Any, write_related: Callable[[Any], None]) -> Callable[[Any], None]:
    """The admin's form and inlines as a service's `apply_changes`: the validated values onto the
    locked row the service hands in (the service saves it), then the inlines and many-to-many
    fields, which belong to the same row."""

    def apply(row: Any) -> None:
        construct_instance(form, row, form._meta.fields, form._meta.exclude)
        write_related(row)

    return apply


# --- Inlines ------------------------------------------------------------------------------------


if TYPE_CHECKING:
    _InlineFormSet = BaseInlineFormSet[Any, Any, Any]
else:  # Django's formsets are not subscriptable at run time
    _InlineFormSet = BaseInlineFormSet


class LabelledInlineFormSet(_InlineFormSet):
    """A table row's fields are named only by the column headings, which assistive technology
    does not tie to them (axe: "Form elements must have labels"): each field gets its label and
    row number as its accessible name. A row keeps its current choices (`keep_current_choices`)."""

    def add_fields(self, form: Any, index: int | None) -> None:
        super().add_fields(form, index)
        keep_current_choices(form)
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


class ScheduleInline(ChildInlineMixin, TranslationTabularInline):
    model = Schedule
    extra = 0
    fields = (
        "kind",
        "weekday",
        "opens_at",
        "closes_at",
        "closed",
        "valid_from",
        "valid_to",
        "description",
    )


class ServiceScheduleInline(ScheduleInline):
    fk_name = "service"


class LocationScheduleInline(ScheduleInline):
    fk_name = "location"


class AtLocationScheduleInline(ScheduleInline):
    fk_name = "service_at_location"


class ChannelScheduleInline(ScheduleInline):
    fk_name = "channel"


class ChannelInline(ChildInlineMixin, LanguagesFormMixin, TranslationTabularInline):
    model = ContactChannel
    extra = 0
    show_change_link = True
    fields = ("order", "kind", "value", "name", "description", "phone_charge", "languages")


class ServiceChannelInline(ChannelInline):
    fk_name = "service"


class AtLocationChannelInline(ChannelInline):
    fk_name = "service_at_location"


class ServiceAtLocationInline(ChildInlineMixin, TranslationTabularInline):
    model = ServiceAtLocation
    fk_name = "service"
    extra = 0
    show_change_link = True
    fields = ("location", "description")


# --- Services -----------------------------------------------------------------------------------


class NotVerifiedFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verified"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [
            ("stale", _("Not verified in 12 months")),
            ("fresh", _("Verified in the last 12 months")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        limit = timezone.now() - STALE_AFTER
        if self.value() == "stale":
            return queryset.filter(Q(last_verified_at__isnull=True) | Q(last_verified_at__lt=limit))
        if self.value() == "fresh":
            return queryset.filter(last_verified_at__gte=limit)
        return queryset


@admin.register(Service, site=editor_site)
class ServiceEditorAdmin(PolicyAdminMixin, LanguagesFormMixin, TranslationAdmin):
    organization_paths = ("organization",)
    # Producers are other organisations by nature (a municipality's service bought from an
    # association); naming one changes nothing of theirs.
    unscoped_choices = ("producers",)
    list_display = (
        "name",
        "organization",
        "publication_state",
        "status",
        "last_verified_at",
        "updated_at",
    )
    list_filter = (NotVerifiedFilter, "publication_state", "status", "organization__type")
    search_fields = ("name_fi", "name_sv", "name_en", "keywords_fi")
    list_select_related = ("organization",)
    form = ServiceEditorForm
    readonly_fields = (
        "source",
        "last_verified_at",
        "last_verified_by",
        "created_at",
        "updated_at",
        "version_history",
    )
    inlines = (ServiceChannelInline, ServiceAtLocationInline, ServiceScheduleInline)
    actions = ("publish_selected", "unpublish_selected", "verify_selected")
    fieldsets = (
        (None, {"fields": ("organization", "name", "alternate_name", "summary", "description")}),
        (
            _("For whom and how"),
            {
                "fields": (
                    "application_process",
                    "eligibility_description",
                    ("minimum_age", "maximum_age"),
                    "languages",
                    "free_of_charge",
                    "fees_description",
                    "url",
                    "email",
                    "keywords",
                )
            },
        ),
        (_("Where"), {"fields": ("area_type", "area_municipalities")}),
        (_("Classification"), {"fields": ("tasks", "producers")}),
        (
            _("State"),
            {
                "fields": (
                    "status",
                    "publication_state",
                    "source",
                    "last_verified_at",
                    "last_verified_by",
                    "created_at",
                    "updated_at",
                )
            },
        ),
        (_("Version history"), {"fields": ("version_history",)}),
    )

    @admin.display(description=_("Versions"))
    def version_history(self, service: Service) -> str:
        if service.pk is None:
            return "–"
        versions = ServiceVersion.objects.filter(service=service).select_related("actor")[:20]
        if not versions:
            return "–"
        return format_html(
            "<ol reversed>{}</ol>",
            format_html_join(
                "",
                "<li>{} · {} · {} · {}</li>",
                (
                    (
                        date_format(timezone.localtime(v.created_at), "SHORT_DATETIME_FORMAT"),
                        v.actor or v.via or "–",
                        v.action,
                        ", ".join(sorted(v.changes)[:12]) or "–",
                    )
                    for v in versions
                ),
            ),
        )

    def save_with_service(
        self,
        request: HttpRequest,
        form: Any,
        write_related: Callable[[Any], None],
        change: bool,
    ) -> None:
        if change:
            services.service_update(
                actor=request.user,
                service_id=form.instance.pk,
                apply_changes=apply_form(form, write_related),
                request=request,
            )
        else:
            services.service_create(
                actor=request.user,
                service=form.instance,
                save_related=write_related,
                request=request,
            )

    def _each(self, request: HttpRequest, queryset: QuerySet[Service], action: Any) -> int:
        done = 0
        for service in queryset:
            try:
                action(actor=request.user, service=service, request=request)
            except PolicyDenied:
                continue
            done += 1
        return done

    @admin.action(description=_("Publish selected services"))
    def publish_selected(self, request: HttpRequest, queryset: QuerySet[Service]) -> None:
        count = self._each(request, queryset, services.service_publish)
        self.message_user(
            request,
            ngettext("%(count)d service published.", "%(count)d services published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Return selected services to draft"))
    def unpublish_selected(self, request: HttpRequest, queryset: QuerySet[Service]) -> None:
        count = self._each(request, queryset, services.service_unpublish)
        self.message_user(
            request,
            ngettext(
                "%(count)d service returned to draft.",
                "%(count)d services returned to draft.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark selected services as verified today"))
    def verify_selected(self, request: HttpRequest, queryset: QuerySet[Service]) -> None:
        count = self._each(request, queryset, services.service_verify)
        self.message_user(
            request,
            ngettext("%(count)d service verified.", "%(count)d services verified.", count)
            % {"count": count},
            messages.SUCCESS,
        )


class PartOfServiceAdmin(PolicyAdminMixin):
    """A part of one service description with a page of its own (a place, a contact channel),
    reached from its service: saving it is a change of that service, versioned and audited as
    one, under the service's lock."""

    on_index = False
    addable = False

    def service_id_of(self, obj: Any) -> Any:
        raise NotImplementedError

    def save_with_service(
        self,
        request: HttpRequest,
        form: Any,
        write_related: Callable[[Any], None],
        change: bool,
    ) -> None:
        part = form.instance

        def apply(_service: Service) -> None:
            part.save()
            write_related(part)

        services.service_update(
            actor=request.user,
            service_id=self.service_id_of(part),
            apply_changes=apply,
            request=request,
        )


@admin.register(ServiceAtLocation, site=editor_site)
class ServiceAtLocationEditorAdmin(PartOfServiceAdmin, TranslationAdmin):
    """A service at one place: its own phone numbers and hours. Reached from the service."""

    organization_paths = ("service__organization",)
    fields = ("service", "location", "description")
    readonly_fields = ("service",)
    inlines = (AtLocationChannelInline, AtLocationScheduleInline)
    list_select_related = ("service", "location")

    def service_id_of(self, obj: ServiceAtLocation) -> Any:
        return obj.service_id


@admin.register(ContactChannel, site=editor_site)
class ContactChannelEditorAdmin(PartOfServiceAdmin, LanguagesFormMixin, TranslationAdmin):
    """A contact channel with its own hours (e.g. phone hours). Reached from its service."""

    # A channel belongs to a service, or to a service at one place.
    organization_paths = ("service__organization", "service_at_location__service__organization")
    fields = ("kind", "value", "name", "description", "phone_charge", "charge_description")
    inlines = (ChannelScheduleInline,)

    def service_id_of(self, obj: ContactChannel) -> Any:
        if obj.service_id is not None:
            return obj.service_id
        return obj.service_at_location.service_id  # type: ignore[union-attr]


# --- Locations ----------------------------------------------------------------------------------


@admin.register(Location, site=editor_site)
class LocationEditorAdmin(PolicyAdminMixin, TranslationAdmin):
    organization_paths = ("organization",)
    list_display = ("name", "organization", "municipality", "is_meeting_place", "updated_at")
    list_filter = ("is_meeting_place", "location_type", "municipality")
    search_fields = ("name_fi", "name_sv", "name_en", "street_address_fi")
    list_select_related = ("organization", "municipality")
    inlines = (LocationScheduleInline,)
    fieldsets = (
        (None, {"fields": ("organization", "location_type", "name", "alternate_name")}),
        (
            _("Address"),
            {
                "fields": (
                    "street_address",
                    ("postal_code", "post_office"),
                    "municipality",
                    ("latitude", "longitude"),
                    "url",
                )
            },
        ),
        (
            _("Description"),
            {"fields": ("description", "transportation", "accessibility", "is_meeting_place")},
        ),
    )

    def save_with_service(
        self,
        request: HttpRequest,
        form: Any,
        write_related: Callable[[Any], None],
        change: bool,
    ) -> None:
        if change:
            services.location_update(
                actor=request.user,
                location_id=form.instance.pk,
                apply_changes=apply_form(form, write_related),
                request=request,
            )
        else:
            services.location_create(
                actor=request.user,
                location=form.instance,
                save_related=write_related,
                request=request,
            )
