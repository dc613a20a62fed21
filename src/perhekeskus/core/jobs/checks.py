"""The deploy check that says how many jobs failed for good (`perhekeskus check --deploy
--database default`: like Django's own database checks, it reads the database only when asked
to)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.checks import CheckMessage, Tags, Warning, register
from django.db import DatabaseError
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

RECENT = dt.timedelta(days=7)


def failed_jobs_count(*, since: dt.datetime | None = None) -> int:
    """Jobs that failed for good (every retry spent), finished since `since` (default: a week)."""
    since = since or timezone.now() - RECENT
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.FAILED, finished_at__gte=since
    ).count()


@register(Tags.database, deploy=True)
def check_failed_jobs(
    app_configs: Any = None, databases: Any = None, **kwargs: Any
) -> list[CheckMessage]:
    if not databases:
        return []
    try:
        failed = failed_jobs_count()
    except DatabaseError:
        return []  # not migrated yet: nothing has run
    if not failed:
        return []
    return [
        Warning(
            f"{failed} background job(s) failed after every retry in the last 7 days.",
            hint="The admin's Task Results list shows them first, with the error's class; "
            "the worker's log names the job and the attempt.",
            id="perhekeskus.W002",
        )
    ]
