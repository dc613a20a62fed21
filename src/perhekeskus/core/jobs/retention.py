"""Finished job rows are deleted after a while (the periodic job `core.jobs.prune`, daily):
each periodic job leaves a row per run, a thousand and more a day."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def jobs_prune(*, now: dt.datetime | None = None) -> int:
    """Delete successful jobs finished more than JOBS_RETENTION_DAYS ago and failed ones
    finished more than JOBS_FAILED_RETENTION_DAYS ago (kept longer, for the administrator);
    returns how many rows went."""
    now = now or timezone.now()
    successful_before = now - dt.timedelta(days=settings.PERHEKESKUS_JOBS_RETENTION_DAYS)
    failed_before = now - dt.timedelta(days=settings.PERHEKESKUS_JOBS_FAILED_RETENTION_DAYS)
    deleted, _ = DBTaskResult.objects.filter(
        Q(status=TaskResultStatus.SUCCESSFUL, finished_at__lt=successful_before)
        | Q(status=TaskResultStatus.FAILED, finished_at__lt=failed_before)
    ).delete()
    return deleted
