"""Service descriptions in the editor: the service, and its places and contact channels, which
have pages of their own but are saved as changes of their service."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from modeltranslation.admin import TranslationAdmin

from perhekeskus.catalog import services
from perhekeskus.catalog.drafts import apply_service_snapshot
from perhekeskus.catalog.editor.base import (
    LanguagesFormMixin,
    PolicyAdminMixin,
    apply_form,
    in_languages,
)
from perhekeskus.catalog.editor.inlines import (
    AtLocationChannelInline,
    AtLocationScheduleInline,
    ChannelScheduleInline,
    ServiceAtLocationInline,
    ServiceChannelInline,
    ServiceScheduleInline,
)
from perhekeskus.catalog.editor.site import editor_site
from perhekeskus.catalog.editor.widgets import FastCheckboxSelectMultiple
from perhekeskus.catalog.forms import ServiceEditorForm
from perhekeskus.catalog.models import (
    ContactChannel,
    DraftState,
    PublicationState,
    Service,
    ServiceAtLocation,
    ServiceDraft,
    ServiceVersion,
)
from perhekeskus.catalog.policies import must_send_for_review
from perhekeskus.catalog.versions import ACTION_LABELS, version_changes
from perhekeskus.core.actors import request_actor
from perhekeskus.core.errors import NotFound, PolicyDenied

STALE_AFTER = dt.timedelta(days=365)
# Versions shown on a service's history page, newest first.
HISTORY_LENGTH = 50


@dataclass
class _Edit:
    """One attempt at the service form within a request: whether it shows the pending draft
    (then `savepoint` is where the draft was written, to be rolled back) and the publication
    refused by the attempt before, which the form shows as its error."""

    draft: ServiceDraft | None = None
    savepoint: str | None = None
    refused: services.PublicationRefused | None = None


def _edit_of(request: HttpRequest) -> _Edit | None:
    edit: _Edit | None = getattr(request, "_catalog_service_edit", None)
    return edit


_DRAFT_NOTICES = {
    DraftState.DRAFT: _(
        "This form shows your changes, not yet sent for approval; families see the approved "
        "description until the changes are approved."
    ),
    DraftState.PENDING_REVIEW: _(
        "This form shows your changes awaiting approval; families see the approved description "
        "until they are approved. Saving again takes them back from approval until you send "
        "them again."
    ),
    DraftState.RETURNED: _(
        "This form shows your changes, returned with a comment; families see the approved "
        "description."
    ),
}


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
        "publishing",
    )
    inlines = (ServiceChannelInline, ServiceAtLocationInline, ServiceScheduleInline)
    # The channels under "How to reach", the places and hours under "Where and when".
    inlines_in_sections = {
        2: (ServiceChannelInline,),
        3: (ServiceAtLocationInline, ServiceScheduleInline),
    }
    actions = ("publish_selected", "unpublish_selected", "verify_selected")
    fieldsets = (
        (
            _("What"),
            {
                "fields": (
                    "organization",
                    in_languages("name"),
                    in_languages("alternate_name"),
                    in_languages("summary"),
                    in_languages("description"),
                    in_languages("description_plain"),
                    in_languages("keywords"),
                    "tasks",
                    "producers",
                )
            },
        ),
        (
            _("For whom"),
            {
                "fields": (
                    ("minimum_age", "maximum_age"),
                    in_languages("eligibility_description"),
                    "languages",
                )
            },
        ),
        (
            pgettext_lazy("section of the service form", "How to reach"),
            {
                "fields": (
                    in_languages("application_process"),
                    ("url", "email"),
                    "free_of_charge",
                    in_languages("fees_description"),
                ),
            },
        ),
        (
            _("Where and when"),
            {
                "fields": ("area_type", "area_municipalities", "by_appointment"),
            },
        ),
        (
            _("Publication"),
            {
                "fields": (
                    "publishing",
                    ("status", "publication_state"),
                    ("source", "last_verified_at", "last_verified_by"),
                    ("created_at", "updated_at"),
                )
            },
        ),
    )

    @admin.display(description=_("Publishing"))
    def publishing(self, service: Service) -> str:
        """The service's publishing page: the checklist, sending for approval, approving."""
        if service.pk is None:
            return str(_("Save the service first; then publish it or send it for approval."))
        link = format_html(
            '<a href="{}">{}</a>',
            reverse("catalog_review:publishing", args=[service.pk]),
            _("Check and publish, or send for approval"),
        )
        shown: ServiceDraft | None = getattr(service, "shown_draft", None)
        if shown is not None:
            return format_html("{} {}", _DRAFT_NOTICES[DraftState(shown.state)], link)
        # A published service's changes that wait (ADR 0032), shown to the approvers: this form
        # shows the approved one.
        draft = ServiceDraft.objects.filter(service=service).only("state", "publish").first()
        if draft is None or draft.publish:
            return link
        state = {
            DraftState.DRAFT: _(
                "This form shows the approved description; your saved changes are not yet "
                "sent for approval."
            ),
            DraftState.PENDING_REVIEW: _(
                "This form shows the approved description; your changes wait for approval."
            ),
            DraftState.RETURNED: _(
                "This form shows the approved description; your changes were returned with "
                "a comment."
            ),
        }[DraftState(draft.state)]
        return format_html("{} {}", state, link)

    object_history_template = "catalog/editor/service_history.html"
    add_title = _("New service")
    change_title = _("Edit service")

    def view_on_site(self, service: Service) -> str | None:
        """ "View on site" for a published service: the family's page as it is now."""
        if service.publication_state != PublicationState.PUBLISHED:
            return None
        return reverse("finder:service", args=[service.pk])

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> Any:
        """The form with a "Preview" button: the family's card of the service as it is saved,
        drafts too (the finder renders it)."""
        context = dict(extra_context or {})
        try:
            service_id = uuid.UUID(unquote(object_id))
        except ValueError:
            service_id = None  # the admin answers a malformed id as a missing one
        if service_id is not None:
            context.setdefault("preview_url", reverse("catalog_service_preview", args=[service_id]))
        return super().change_view(request, object_id, form_url, context)

    def _changeform_view(
        self, request: HttpRequest, object_id: Any, form_url: str, extra_context: Any
    ) -> Any:
        """The admin's form page, inside its transaction. A publication the service refuses
        (incomplete, or it must be sent for approval) leaves nothing stored and shows the same
        page again with what was typed and the reasons as the form's error (not a 403 page)."""
        try:
            return self._edit_attempt(request, object_id, form_url, extra_context, None)
        except services.PublicationRefused as refused:
            context = {
                **(extra_context or {}),
                "publication_refused": refused.reasons or [str(refused)],
            }
            return self._edit_attempt(request, object_id, form_url, context, refused)

    def _edit_attempt(
        self,
        request: HttpRequest,
        object_id: Any,
        form_url: str,
        extra_context: Any,
        refused: services.PublicationRefused | None,
    ) -> Any:
        """One run of the form page. An editor whose changes of a published service wait for
        approval sees and edits the pending draft: it is written to the rows in a savepoint,
        which is rolled back once the page is rendered (or, on a valid save, before the
        service call, which writes the draft again itself)."""
        start = transaction.savepoint()
        edit = _Edit(refused=refused)
        edit.draft = self._draft_to_show(request, object_id)
        if edit.draft is not None:
            service = Service.objects.select_for_update().get(pk=edit.draft.service_id)
            apply_service_snapshot(service, edit.draft.snapshot)
            edit.savepoint = start
        setattr(request, "_catalog_service_edit", edit)  # noqa: B010 (read by the hooks below)
        try:
            response = super()._changeform_view(  # type: ignore[misc]
                request, object_id, form_url, extra_context
            )
            if edit.savepoint is not None and hasattr(response, "render"):
                response.render()
        except BaseException:
            transaction.savepoint_rollback(start)
            raise
        finally:
            setattr(request, "_catalog_service_edit", None)  # noqa: B010
        if edit.savepoint is not None:
            transaction.savepoint_rollback(start)
        else:
            transaction.savepoint_commit(start)
        return response

    def _draft_to_show(self, request: HttpRequest, object_id: Any) -> ServiceDraft | None:
        """The pending changes of a published service, when this user's changes are kept as a
        draft (ADR 0032): their form shows the draft, not the approved description."""
        if object_id is None or request.method not in ("GET", "HEAD", "POST"):
            return None
        try:
            service_id = uuid.UUID(unquote(str(object_id)))
        except ValueError:
            return None
        service = (
            self.get_queryset(request)
            .filter(pk=service_id, publication_state=PublicationState.PUBLISHED)
            .select_related("organization")
            .first()
        )
        if service is None:
            return None
        if not must_send_for_review(request_actor(request), service.organization):
            return None
        return ServiceDraft.objects.filter(service=service, publish=False).first()

    def get_object(self, request: HttpRequest, object_id: str, from_field: Any = None) -> Any:
        service = super().get_object(request, object_id, from_field)
        edit = _edit_of(request)
        if service is not None and edit is not None and edit.draft is not None:
            service.shown_draft = edit.draft
        return service

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form_class = super().get_form(request, obj, change=change, **kwargs)
        edit = _edit_of(request)
        if edit is None or edit.refused is None:
            return form_class

        class RefusedForm(form_class):  # type: ignore[misc,valid-type]
            """The same values again, with the refusal as the form's error: nothing is saved
            until the editor changes what was asked (or leaves the service unpublished)."""

            def clean(self) -> Any:
                cleaned = super().clean()
                field = "publication_state" if "publication_state" in self.fields else None
                self.add_error(
                    field, _("The service was not published: see the reasons at the top.")
                )
                return cleaned

        RefusedForm.__name__ = form_class.__name__
        return RefusedForm

    def get_urls(self) -> list[Any]:
        restore = path(
            "<path:object_id>/restore/<int:number>/",
            self.admin_site.admin_view(self.restore_view),
            name="catalog_service_restore",
        )
        return [restore, *super().get_urls()]

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: Any = None
    ) -> HttpResponse:
        """The service's versions in words: what changed (per field and language), by whom,
        when, each change marked word by word, and a way back to any earlier version."""
        service = self.get_object(request, unquote(object_id))
        if service is None or not self.has_view_permission(request, service):
            # As the admin answers a missing id (its own helper, not in the type stubs).
            return self._get_obj_does_not_exist_redirect(  # type: ignore[attr-defined]
                request, self.opts, object_id
            )
        versions = (
            ServiceVersion.objects.filter(service=service)
            .select_related("actor")
            .order_by("-number")[:HISTORY_LENGTH]
        )
        entries = [
            {
                "version": version,
                "action": ACTION_LABELS.get(version.action, version.action),
                "who": version.actor or version.via,
                "changes": version_changes(version),
            }
            for version in versions
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("History: %(name)s") % {"name": service},
            "subtitle": None,
            "module_name": capfirst(self.opts.verbose_name_plural),
            "object": service,
            "original": service,
            "opts": self.opts,
            "entries": entries,
            "can_restore": self.has_change_permission(request, service),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    def restore_view(self, request: HttpRequest, object_id: str, number: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        try:
            service_id = uuid.UUID(unquote(object_id))
            service = services.service_version_restore(
                actor=request_actor(request),
                service_id=service_id,
                version_number=number,
                request=request,
            )
        except (ValueError, NotFound) as missing:
            raise Http404 from missing
        # A published service whose changes need approval keeps the restore as its draft
        # (ADR 0032), like any other change.
        waits = ServiceDraft.objects.filter(service=service, publish=False).exists()
        message = (
            _("Version %(number)d was restored as your draft; families see it once approved.")
            if waits
            else _("Version %(number)d was restored. The restore is itself a new version.")
        )
        self.message_user(request, message % {"number": number}, messages.SUCCESS)
        return redirect("catalog_editor:catalog_service_history", service_id)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "producers":
            # A list of boxes to tick, with a filter, not a Ctrl-click list (usability M15).
            kwargs["widget"] = FastCheckboxSelectMultiple(filterable=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_with_service(
        self,
        request: HttpRequest,
        form: Any,
        write_related: Callable[[Any], None],
        change: bool,
    ) -> None:
        if change:
            edit = _edit_of(request)
            on_draft = edit is not None and edit.savepoint is not None
            if edit is not None and edit.savepoint is not None:
                # The form was read on the draft; the service writes the draft again under
                # its own lock and savepoint, before the form's changes.
                transaction.savepoint_rollback(edit.savepoint)
                edit.savepoint = None
            services.service_update(
                actor=request_actor(request),
                service_id=form.instance.pk,
                apply_changes=apply_form(form, write_related),
                request=request,
                on_draft=on_draft,
            )
        else:
            services.service_create(
                actor=request_actor(request),
                service=form.instance,
                save_related=write_related,
                request=request,
            )

    def _each(self, request: HttpRequest, queryset: QuerySet[Service], action: Any) -> int:
        done = 0
        for service in queryset:
            try:
                action(actor=request_actor(request), service=service, request=request)
            except PolicyDenied:
                continue
            done += 1
        return done

    @admin.action(description=_("Publish selected services"))
    def publish_selected(self, request: HttpRequest, queryset: QuerySet[Service]) -> None:
        """Publishes each complete service the user may publish, and names each one it did not
        publish, with the reasons (what is missing, or that it must be sent for approval)."""
        count = 0
        refused: list[tuple[Service, str]] = []
        for service in queryset.order_by("name"):
            try:
                services.service_publish(
                    actor=request_actor(request), service=service, request=request
                )
            except services.PublicationRefused as refusal:
                refused.append((service, " ".join(refusal.reasons or [str(refusal)])))
                continue
            except PolicyDenied:
                refused.append((service, str(_("You may not publish it."))))
                continue
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d service published.", "%(count)d services published.", count)
            % {"count": count},
            messages.SUCCESS if count or not refused else messages.WARNING,
        )
        for service, reasons in refused:
            self.message_user(
                request,
                _("“%(name)s” was not published: %(reasons)s")
                % {"name": service, "reasons": reasons},
                messages.WARNING,
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
        """The id of the service this object is a part of (whose lock and version a save takes)."""
        raise ImproperlyConfigured(
            f"{type(self).__name__} must say whose part it is: service_id_of()."
        )

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
            actor=request_actor(request),
            service_id=self.service_id_of(part),
            apply_changes=apply,
            request=request,
        )


@admin.register(ServiceAtLocation, site=editor_site)
class ServiceAtLocationEditorAdmin(PartOfServiceAdmin, TranslationAdmin):
    """A service at one place: its own phone numbers and hours. Reached from the service."""

    organization_paths = ("service__organization",)
    change_title = _("Edit the service at a place")
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
    change_title = _("Edit contact channel")
    fields = ("kind", "value", "name", "description", "phone_charge", "charge_description")
    inlines = (ChannelScheduleInline,)

    def service_id_of(self, obj: ContactChannel) -> Any:
        if obj.service_id is not None:
            return obj.service_id
        return obj.service_at_location.service_id  # type: ignore[union-attr]
