"""What every admin of the editor site shares: permissions, lists and choices derived from one
declaration per ModelAdmin (`organization_paths`), and saving through one service call
(ADR 0027)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelChoiceField, ModelForm, ModelMultipleChoiceField
from django.forms.models import construct_instance
from django.http import Http404, HttpRequest
from django.utils.text import capfirst

from perhekeskus.catalog.editor.fields import QuietErrorList, dress_form
from perhekeskus.catalog.editor.site import editor_site
from perhekeskus.catalog.editor.widgets import EDITOR_RENDERER, LanguagesWidget
from perhekeskus.catalog.forms import LanguagesField
from perhekeskus.catalog.models import Organization
from perhekeskus.catalog.policies import can_edit_catalog_of, can_use_catalog_editor
from perhekeskus.catalog.selectors import editable_by, organizations_editable_by
from perhekeskus.core.errors import NotFound


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
    # The product's header and navigation on every page of the editor (usability M15).
    change_form_template: Any = "catalog/editor/change_form.html"
    change_list_template: Any = "catalog/editor/change_list.html"
    #: Inline classes shown right after a fieldset (by its position), not below the form.
    inlines_in_sections: ClassVar[dict[int, tuple[type, ...]]] = {}
    #: The page titles in words that inflect ("Muokkaa palvelua", not "Muokkaa palvelu").
    add_title: ClassVar[Any] = None
    change_title: ClassVar[Any] = None

    def render_change_form(
        self, request: HttpRequest, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> Any:
        """Each inline in the section it belongs to (the channels under "How to reach"), as
        `inlines_in_sections` says; the others below the form as usual."""
        if self.inlines_in_sections and "adminform" in context:
            formsets = list(context.get("inline_admin_formsets", []))
            placed: set[int] = set()
            sections = []
            for index, fieldset in enumerate(context["adminform"]):
                wanted = self.inlines_in_sections.get(index, ())
                inlines = [f for f in formsets if type(f.opts) in wanted]
                placed.update(id(f) for f in inlines)
                sections.append({"fieldset": fieldset, "inlines": inlines})
            context["editor_sections"] = sections
            context["editor_other_inlines"] = [f for f in formsets if id(f) not in placed]
        return super().render_change_form(request, context, *args, **kwargs)  # type: ignore[misc]

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: Any = None) -> Any:
        if self.add_title is not None:
            extra_context = {"title": self.add_title, **(extra_context or {})}
        return super().add_view(request, form_url, extra_context)  # type: ignore[misc]

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> Any:
        if self.change_title is not None:
            extra_context = {"title": self.change_title, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)  # type: ignore[misc]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)  # type: ignore[misc]
        return editable_by(queryset, actor=request.user, organization_paths=self.organization_paths)

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form_class = super().get_form(request, obj, change=change, **kwargs)  # type: ignore[misc]

        class EditorForm(form_class):  # type: ignore[misc,valid-type]
            default_renderer = EDITOR_RENDERER

            def __init__(self, *args: Any, **form_kwargs: Any) -> None:
                form_kwargs.setdefault("error_class", QuietErrorList)
                super().__init__(*args, **form_kwargs)
                keep_current_choices(self)
                dress_form(self)

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
        """The one service call of this admin's save (ADR 0027): each admin of the editor site
        names it, and the registry test (`test_editor_permissions.py`) opens every one."""
        raise ImproperlyConfigured(
            f"{type(self).__name__} saves without a service: define save_with_service()."
        )


class LanguagesFormMixin:
    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "languages":
            return LanguagesField(
                label=capfirst(db_field.verbose_name), help_text="", widget=LanguagesWidget
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)  # type: ignore[misc]


def in_languages(name: str) -> tuple[str, ...]:
    """A translated field as one row of the form: its Finnish, Swedish and English fields side
    by side (modeltranslation would list them one under the other)."""
    return tuple(f"{name}_{code}" for code, _name in settings.LANGUAGES)


def apply_form(form: Any, write_related: Callable[[Any], None]) -> Callable[[Any], None]:
    """The admin's form and inlines as a service's `apply_changes`: the validated values onto the
    locked row the service hands in (the service saves it), then the inlines and many-to-many
    fields, which belong to the same row."""

    def apply(row: Any) -> None:
        construct_instance(form, row, form._meta.fields, form._meta.exclude)
        write_related(row)

    return apply
