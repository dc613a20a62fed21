"""The finder's data in the catalogue editor (`/pro/catalog/`): the need thesaurus, which
network coordinators keep in three languages, and the searches that found nothing.

Permissions come from `finder.policies`, not Django's per-model permission table; every save of
a life situation goes through `services.need_concept_save`, which checks the policy again and
audits the change.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from perhekeskus.catalog.editor import editor_site
from perhekeskus.core.actors import request_actor
from perhekeskus.core.errors import PolicyDenied
from perhekeskus.core.tasks import FAMILY_CENTER_TASKS
from perhekeskus.finder import services
from perhekeskus.finder.models import NeedConcept, ZeroResultQuery
from perhekeskus.finder.policies import can_edit_need_concepts, can_view_unmet_needs


class NeedConceptForm(ModelForm):
    tasks = forms.TypedMultipleChoiceField(
        label=_("family-center tasks"),
        choices=[(t.number, f"{t.number}. {t.title}") for t in FAMILY_CENTER_TASKS],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The tasks whose services help in this situation."),
    )

    class Meta:
        model = NeedConcept
        fields = (
            "key",
            "name",
            "description",
            "phrases",
            "targets",
            "tasks",
            "show_on_home",
            "order",
            "active",
        )


@admin.register(NeedConcept, site=editor_site)
class NeedConceptEditorAdmin(TranslationAdmin):
    form = NeedConceptForm
    list_display = ("name", "key", "show_on_home", "order", "active", "updated_at")
    list_filter = ("show_on_home", "active")
    list_editable = ()
    search_fields = ("key", "name_fi", "name_sv", "name_en", "phrases_fi", "phrases_sv")
    ordering = ("order", "key")
    fieldsets = (
        (None, {"fields": ("key", "name", "description")}),
        (_("What people say"), {"fields": ("phrases",)}),
        (_("What helps"), {"fields": ("targets", "tasks")}),
        (_("Home page"), {"fields": ("show_on_home", "order", "active")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[NeedConcept]:
        # Nothing is found for those refused, so an existing id answers like a missing one.
        queryset = super().get_queryset(request)
        return queryset if can_edit_need_concepts(request.user) else queryset.none()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return can_edit_need_concepts(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return can_edit_need_concepts(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return can_edit_need_concepts(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return can_edit_need_concepts(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Situations are retired (not in use), not deleted: their history stays in the audit.
        return False

    def save_model(
        self, request: HttpRequest, obj: NeedConcept, form: ModelForm, change: bool
    ) -> None:
        try:
            services.need_concept_save(actor=request_actor(request), concept=obj, request=request)
        except PolicyDenied as denied:
            raise PermissionDenied(str(denied)) from denied


@admin.register(ZeroResultQuery, site=editor_site)
class ZeroResultQueryAdmin(admin.ModelAdmin):
    """What families looked for and did not find, counted per day: read only, except that a
    coordinator may delete a count (one whose words name a person after all, F-09). Deletions go
    through `services.zero_result_delete` (audited by count); Django's own admin log, which
    would keep the deleted words, is not written. Rows older than UNMET_SEARCH_RETENTION_DAYS
    are deleted by `purge-unmet-searches`."""

    list_display = ("date", "query", "language", "municipality_code", "count")
    list_filter = ("language", "municipality_code", "date")
    search_fields = ("query",)
    date_hierarchy = "date"

    def get_queryset(self, request: HttpRequest) -> QuerySet[ZeroResultQuery]:
        # Nothing is found for those refused, so an existing id answers like a missing one.
        queryset = super().get_queryset(request)
        return queryset if can_view_unmet_needs(request.user) else queryset.none()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return can_view_unmet_needs(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return can_view_unmet_needs(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return can_view_unmet_needs(request.user)

    def delete_model(self, request: HttpRequest, obj: ZeroResultQuery) -> None:
        self.delete_queryset(request, ZeroResultQuery.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ZeroResultQuery]) -> None:
        try:
            services.zero_result_delete(
                actor=request_actor(request),
                ids=queryset.values_list("pk", flat=True),
                request=request,
            )
        except PolicyDenied as denied:
            raise PermissionDenied(str(denied)) from denied

    def log_deletions(self, request: HttpRequest, queryset: Any) -> list[LogEntry]:
        """Not in Django's admin log: it would keep the deleted words (the audit has the count)."""
        return []
