"""Periodic jobs: each app registers its schedule in `AppConfig.ready` with `periodic`, and
every worker, on each turn of its loop, enqueues the ones that are due. The `PeriodicJob` row
of a schedule says when it is next due; the worker that enqueues a run moves it on in the same
transaction, under the row's lock, so that several workers enqueue each run once."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django_tasks_db.utils import exclusive_transaction

from perhekeskus.core.jobs.base import Job, enqueue, job
from perhekeskus.core.models import PeriodicJob

log = logging.getLogger("perhekeskus.jobs")


@dataclass(frozen=True)
class Schedule:
    name: str
    every: dt.timedelta
    job: Job[[], Any] | Callable[[], object]


_schedules: dict[str, Schedule] = {}


def periodic(name: str, every: dt.timedelta, job: Job[[], Any] | Callable[[], object]) -> None:
    """Run `job` every `every` (at least a minute apart is sensible; the worker looks each
    poll interval). `job` is a `@job` without arguments, or a plain callable without arguments,
    which then runs inside the core job `run_periodic` (retried twice). Registering a name again
    replaces its schedule (a reloaded module), never adds a second one."""
    if every <= dt.timedelta(0):
        raise ValueError("every must be positive")
    if not name or len(name) > PeriodicJob._meta.get_field("name").max_length:  # type: ignore[operator]
        raise ValueError(f"periodic job name {name!r} must be 1-100 characters")
    _schedules[name] = Schedule(name=name, every=every, job=job)


def schedules() -> dict[str, Schedule]:
    return dict(_schedules)


@job(retries=2)
def run_periodic(name: str) -> None:
    """The job that runs a periodic plain callable by its registered name."""
    schedule = _schedules.get(name)
    if schedule is None:
        # Unregistered since it was enqueued (a removed feature): nothing to do.
        log.warning("Periodic job %s is no longer registered; skipped", name)
        return
    if isinstance(schedule.job, Job):
        schedule.job.call()
    else:
        schedule.job()


def _enqueue_run(schedule: Schedule) -> None:
    if isinstance(schedule.job, Job):
        enqueue(schedule.job)
    else:
        enqueue(run_periodic, name=schedule.name)


def has_due(*, now: dt.datetime | None = None) -> bool:
    """Whether a schedule may be due: a read without locks, so that an idle worker does not
    take the write lock every turn. A schedule without its row yet counts as due."""
    if not _schedules:
        return False
    now = now or timezone.now()
    rows = dict(
        PeriodicJob.objects.filter(name__in=list(_schedules)).values_list("name", "next_run_at")
    )
    return any(name not in rows or rows[name] <= now for name in _schedules)


def enqueue_due(*, now: dt.datetime | None = None) -> list[str]:
    """Enqueue each registered periodic job that is due, once however many workers call this
    at the same time; returns the names enqueued. A new schedule is due at once; a run missed
    while no worker ran is made once, not once per missed period."""
    if not _schedules:
        return []
    now = now or timezone.now()
    PeriodicJob.objects.bulk_create(
        [PeriodicJob(name=name, next_run_at=now) for name in _schedules],
        ignore_conflicts=True,
    )
    enqueued: list[str] = []
    # On PostgreSQL a due row is locked and another worker skips it; when it reads the row
    # after the commit, next_run_at has moved on. SQLite has no row locks: the exclusive
    # transaction lets one worker at a time in, and the next one reads the moved row.
    with exclusive_transaction():
        due = (
            PeriodicJob.objects.select_for_update(skip_locked=True)
            .filter(name__in=list(_schedules), next_run_at__lte=now)
            .order_by("name")
        )
        for row in due:
            schedule = _schedules[row.name]
            _enqueue_run(schedule)
            next_run = row.next_run_at + schedule.every
            if next_run <= now:
                next_run = now + schedule.every
            PeriodicJob.objects.filter(pk=row.pk).update(next_run_at=next_run, last_enqueued_at=now)
            enqueued.append(row.name)
    if enqueued:
        log.debug("Enqueued periodic jobs: %s", ", ".join(enqueued))
    return enqueued
