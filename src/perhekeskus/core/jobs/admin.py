"""The jobs in the technical administrator's admin: failed ones first, with the job's name,
attempts, when and the error's class; read only, for superusers only, and without the jobs'
arguments or return values (ids of families' rows have no business on this page)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import admin
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max


def failed_first(queryset: QuerySet[DBTaskResult]) -> QuerySet[DBTaskResult]:
    """Failed for good, then waiting for a retry, then the rest; newest first within each."""
    return queryset.annotate(
        trouble=Case(
            When(status=TaskResultStatus.FAILED, then=Value(0)),
            When(Q(status=TaskResultStatus.READY) & ~Q(exception_class_path=""), then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("trouble", "-enqueued_at")


class JobAdmin(admin.ModelAdmin[DBTaskResult]):
    list_display = (
        "job_name",
        "status",
        "attempts",
        "enqueued_at",
        "last_run",
        "finished_at",
        "error",
    )
    list_filter = ("status", "queue_name")
    search_fields = ("task_path",)
    fields = readonly_fields = (
        "id",
        "job_name",
        "status",
        "attempts",
        "enqueued_at",
        "scheduled_for",
        "last_run",
        "finished_at",
        "error",
        "where",
        "queue_name",
        "priority",
    )
    actions = None

    def get_queryset(self, request: HttpRequest) -> QuerySet[DBTaskResult]:
        # Annotated before the changelist orders by it (the default queryset would already be
        # ordered by get_ordering, before the annotation exists).
        return failed_first(self.model._default_manager.get_queryset())

    def get_ordering(self, request: HttpRequest) -> tuple[str, ...]:
        return ("trouble", "-enqueued_at")

    @admin.display(description=_("job"), ordering="task_path")
    def job_name(self, obj: DBTaskResult) -> str:
        return str(obj.task_path)

    @admin.display(description=_("attempts"))
    def attempts(self, obj: DBTaskResult) -> int:
        return len(obj.worker_ids)

    @admin.display(description=_("last run started"), ordering="started_at")
    def last_run(self, obj: DBTaskResult) -> dt.datetime | None:
        return obj.started_at

    @admin.display(description=_("runs after"))
    def scheduled_for(self, obj: DBTaskResult) -> dt.datetime | None:
        return None if obj.run_after == get_date_max() else obj.run_after

    @admin.display(description=_("error"), ordering="exception_class_path")
    def error(self, obj: DBTaskResult) -> str:
        return str(obj.exception_class_path)

    @admin.display(description=_("where it failed"))
    def where(self, obj: DBTaskResult) -> SafeString | str:
        # Frames only: the worker never stores an exception's message (core.jobs.worker).
        return format_html("<pre>{}</pre>", obj.traceback) if obj.traceback else "-"

    # The technical administrator's page: superusers only, and nobody changes a job here.
    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def register(site: admin.AdminSite) -> None:
    """Put JobAdmin in place of django-tasks-db's own admin (which shows arguments, return
    values and whole tracebacks to any staff user with the model permission)."""
    if site.is_registered(DBTaskResult):
        site.unregister(DBTaskResult)
    site.register(DBTaskResult, JobAdmin)
