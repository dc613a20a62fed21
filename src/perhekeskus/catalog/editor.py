"""The catalogue editor: where organisation editors keep their own services and locations current
and coordinators see what has not been verified for a year.

A Django admin site of its own (not the technical /admin/): it opens to organisation editors and
coordinators by their roles, every list shows only what the user may edit, and every save goes
through `catalog.services`, which checks the policy, versions the service and audits the change
inside the admin's transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
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
from perhekeskus.catalog.policies import (
    can_edit_catalog_of,
    can_use_catalog_editor,
    is_coordinator,
)
from perhekeskus.catalog.versions import service_snapshot
from perhekeskus.core.admin_site import login_or_forbid
from perhekeskus.core.errors import PolicyDenied

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


def _editable_organizations(request: HttpRequest) -> QuerySet[Organization]:
    user: Any = request.user
    if is_coordinator(user):
        return Organization.objects.all()
    return Organization.objects.filter(pk=user.organization_id)


class PolicyAdminMixin:
    """Permissions from our policies, not Django's per-model permission table."""

    def _organization_id(self, obj: Any) -> Any:
        return obj.organization_id

    def has_module_permission(self, request: HttpRequest) -> bool:
        return can_use_catalog_editor(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return can_use_catalog_editor(request.user)
        return can_edit_catalog_of(request.user, self._organization_id(obj))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return can_use_catalog_editor(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Descriptions are never deleted: their history must stay. Mark them defunct instead.
        return False


class LanguagesFormMixin:
    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "languages":
            return LanguagesField(label=db_field.verbose_name, help_text="")
        return super().formfield_for_dbfield(db_field, request, **kwargs)  # type: ignore[misc]


class OwnLocationsFormMixin:
    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "organization":
            kwargs["queryset"] = _editable_organizations(request)
        if db_field.name == "location":
            kwargs["queryset"] = Location.objects.filter(
                organization__in=_editable_organizations(request)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]


# --- Inlines ------------------------------------------------------------------------------------


class ChildInlineMixin:
    """Inline rows belong to the parent; the parent's admin has checked the policy already."""

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return can_use_catalog_editor(request.user)

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


class ServiceAtLocationInline(
    ChildInlineMixin,
    OwnLocationsFormMixin,
    TranslationTabularInline,
):
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
class ServiceEditorAdmin(
    PolicyAdminMixin, LanguagesFormMixin, OwnLocationsFormMixin, TranslationAdmin
):
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

    def get_queryset(self, request: HttpRequest) -> QuerySet[Service]:
        queryset = super().get_queryset(request)
        if is_coordinator(request.user):
            return queryset
        return queryset.filter(organization_id=getattr(request.user, "organization_id", None))

    def save_model(self, request: HttpRequest, obj: Service, form: ModelForm, change: bool) -> None:
        original = form.initial.get("organization") if change else None
        if change:
            # The description as it was, for the first version of a service that has none yet.
            request._catalog_before = service_snapshot(Service.objects.get(pk=obj.pk))  # type: ignore[attr-defined]
        try:
            services.service_save(
                actor=request.user, service=obj, original_organization_id=original
            )
        except PolicyDenied as denied:
            raise PermissionDenied(str(denied)) from denied

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.service_change_record(
            actor=request.user,
            service=form.instance,
            created=not change,
            before=getattr(request, "_catalog_before", None),
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


@admin.register(ServiceAtLocation, site=editor_site)
class ServiceAtLocationEditorAdmin(PolicyAdminMixin, OwnLocationsFormMixin, TranslationAdmin):
    """A service at one place: its own phone numbers and hours. Reached from the service."""

    fields = ("service", "location", "description")
    readonly_fields = ("service",)
    inlines = (AtLocationChannelInline, AtLocationScheduleInline)

    def _organization_id(self, obj: ServiceAtLocation) -> Any:
        return obj.service.organization_id

    def has_module_permission(self, request: HttpRequest) -> bool:
        return False  # not listed on its own: edited from its service

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[ServiceAtLocation]:
        queryset = super().get_queryset(request).select_related("service")
        if is_coordinator(request.user):
            return queryset
        return queryset.filter(
            service__organization_id=getattr(request.user, "organization_id", None)
        )

    def save_model(
        self, request: HttpRequest, obj: ServiceAtLocation, form: ModelForm, change: bool
    ) -> None:
        if not can_edit_catalog_of(request.user, obj.service.organization_id):
            raise PermissionDenied
        obj.save()

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.service_change_record(
            actor=request.user, service=form.instance.service, created=False, request=request
        )


@admin.register(ContactChannel, site=editor_site)
class ContactChannelEditorAdmin(PolicyAdminMixin, LanguagesFormMixin, TranslationAdmin):
    """A contact channel with its own hours (e.g. phone hours). Reached from its service."""

    fields = ("kind", "value", "name", "description", "phone_charge", "charge_description")
    inlines = (ChannelScheduleInline,)

    def _service(self, obj: ContactChannel) -> Service:
        return obj.service or obj.service_at_location.service  # type: ignore[union-attr]

    def _organization_id(self, obj: ContactChannel) -> Any:
        return self._service(obj).organization_id

    def has_module_permission(self, request: HttpRequest) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: ContactChannel, form: ModelForm, change: bool
    ) -> None:
        if not can_edit_catalog_of(request.user, self._organization_id(obj)):
            raise PermissionDenied
        obj.save()

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.service_change_record(
            actor=request.user, service=self._service(form.instance), created=False, request=request
        )


# --- Locations ----------------------------------------------------------------------------------


@admin.register(Location, site=editor_site)
class LocationEditorAdmin(PolicyAdminMixin, OwnLocationsFormMixin, TranslationAdmin):
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

    def get_queryset(self, request: HttpRequest) -> QuerySet[Location]:
        queryset = super().get_queryset(request)
        if is_coordinator(request.user):
            return queryset
        return queryset.filter(organization_id=getattr(request.user, "organization_id", None))

    def save_model(
        self, request: HttpRequest, obj: Location, form: ModelForm, change: bool
    ) -> None:
        original = form.initial.get("organization") if change else None
        try:
            services.location_save(
                actor=request.user, location=obj, original_organization_id=original
            )
        except PolicyDenied as denied:
            raise PermissionDenied(str(denied)) from denied

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        changed = set(form.changed_data)
        for formset in formsets:
            if formset.has_changed():
                changed.add("schedules")
        if changed or not change:
            services.location_change_record(
                actor=request.user,
                location=form.instance,
                created=not change,
                changed_fields=changed,
                request=request,
            )
