"""The worker: django-tasks-db's worker with the platform's retries, periodic jobs and the
reclaiming of jobs whose worker died (ADR 0034). `perhekeskus worker` runs it; the tests run it
in batch mode (`perhekeskus.testing.jobs.run_jobs`)."""

from __future__ import annotations

import datetime as dt
import logging
import time
import traceback
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import OperationalError, close_old_connections
from django.utils import timezone
from django_tasks.base import Task, TaskContext, TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception, retry

from perhekeskus.core.jobs.base import Job
from perhekeskus.core.jobs.schedule import enqueue_due, has_due

log = logging.getLogger("perhekeskus.jobs")


class WorkerLost(Exception):
    """Recorded as a job's error when it was left running by a worker that stopped (killed,
    out of memory, the machine went down) and the lease ran out."""


def error_name(error: BaseException | type[BaseException]) -> str:
    cls = error if isinstance(error, type) else type(error)
    return f"{cls.__module__}.{cls.__qualname__}"


def frames_only(error: BaseException) -> str:
    """Where the error happened, without its message: an exception's text may quote what it
    was given (an address the mail server refused, a field's value), and that is personal data
    neither the database nor the log keeps. The lines shown are the program's source lines."""
    lines = ["Traceback (most recent call last):\n", *traceback.format_tb(error.__traceback__)]
    lines.append(f"{error_name(error)} (message not kept)\n")
    return "".join(lines)


def job_policy(db_result: DBTaskResult) -> tuple[str, Task[Any, Any] | None]:
    """The job's name and the job itself; None when the code no longer has it. A plain
    django-tasks task runs too, without retries."""
    try:
        return db_result.task_path, cast(Task[Any, Any], db_result.task)
    except (ImportError, SuspiciousOperation):
        return db_result.task_path, None


def _retries(task: Task[Any, Any] | None) -> int:
    return task.retries if isinstance(task, Job) else 0


@retry()
def _store_outcome(pk: Any, **fields: Any) -> None:
    DBTaskResult.objects.filter(pk=pk).update(**fields)


def record_failure(
    db_result: DBTaskResult, error: BaseException, *, now: dt.datetime | None = None
) -> bool:
    """After a failed attempt: run it again after the job's back-off while it has retries
    left, else leave it FAILED. Returns True if it will be retried. The log says which job,
    which attempt and the error's class, never its arguments or message."""
    now = now or timezone.now()
    name, task = job_policy(db_result)
    attempt = len(db_result.worker_ids)
    retries = _retries(task)
    common = {"exception_class_path": error_name(error), "traceback": frames_only(error)}
    if isinstance(task, Job) and attempt <= retries:
        retry_at = now + task.retry_delay(attempt)
        _store_outcome(db_result.pk, status=TaskResultStatus.READY, run_after=retry_at, **common)
        log.warning(
            "Job %s failed on attempt %d of %d with %s; retried after %s",
            name,
            attempt,
            retries + 1,
            error_name(error),
            retry_at.isoformat(timespec="seconds"),
        )
        return True
    _store_outcome(
        db_result.pk, status=TaskResultStatus.FAILED, finished_at=now, return_value=None, **common
    )
    log.error("Job %s failed for good after %d attempt(s): %s", name, attempt, error_name(error))
    return False


def stale_after() -> dt.timedelta:
    return dt.timedelta(seconds=settings.PERHEKESKUS_JOBS_STALE_AFTER_SECONDS)


def reclaim_stale(*, worker_id: str = "", now: dt.datetime | None = None) -> int:
    """Put back the jobs left RUNNING by a worker that died: those started longer ago than the
    lease (JOBS_STALE_AFTER_SECONDS), and at once those last claimed under this worker's own id
    (a restarted worker with a fixed --worker-id: ids are unique, so that worker is gone). The
    lost run counts as an attempt: with retries left the job is READY again, else FAILED as
    `WorkerLost`. Returns how many were put back or failed."""
    now = now or timezone.now()
    cutoff = now - stale_after()
    reclaimed = 0
    with exclusive_transaction():
        running = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING
        )
        for row in running:
            own = bool(worker_id) and row.worker_ids[-1:] == [worker_id]
            if not own and (row.started_at is None or row.started_at >= cutoff):
                continue
            name, task = job_policy(row)
            attempt = len(row.worker_ids)
            reclaimed += 1
            if attempt <= _retries(task):
                DBTaskResult.objects.filter(pk=row.pk).update(
                    status=TaskResultStatus.READY,
                    run_after=now,
                    exception_class_path=error_name(WorkerLost),
                    traceback="",
                )
                log.warning("Job %s lost its worker on attempt %d; ready again", name, attempt)
            else:
                DBTaskResult.objects.filter(pk=row.pk).update(
                    status=TaskResultStatus.FAILED,
                    finished_at=now,
                    exception_class_path=error_name(WorkerLost),
                    traceback="",
                )
                log.error("Job %s lost its worker on its last attempt %d: failed", name, attempt)
    return reclaimed


class JobWorker(Worker):
    """django-tasks-db's Worker (its claim, under a row lock on PostgreSQL and in an exclusive
    transaction on SQLite, and its graceful signal handling) with, on each turn of the loop,
    the due periodic jobs enqueued, and every so often (and at the start) the jobs of dead
    workers reclaimed; a failed run goes through `record_failure`."""

    def __init__(
        self,
        *,
        worker_id: str,
        interval: float = 1.0,
        batch: bool = False,
        schedule_periodic: bool = True,
        max_tasks: int | None = None,
        close_connections: bool = True,
    ) -> None:
        super().__init__(
            queue_names=["*"],
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=False,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        self.schedule_periodic = schedule_periodic
        self.close_connections = close_connections
        lease = settings.PERHEKESKUS_JOBS_STALE_AFTER_SECONDS
        self.reclaim_every = max(interval, min(60.0, lease / 4))
        self.next_reclaim = 0.0

    @property
    def run_count(self) -> int:
        return self._run_tasks

    def _close_old_connections(self) -> None:
        if self.close_connections:
            close_old_connections()

    def housekeeping(self) -> None:
        if time.monotonic() >= self.next_reclaim:
            reclaim_stale(worker_id=self.worker_id)
            self.next_reclaim = time.monotonic() + self.reclaim_every
        if self.schedule_periodic and has_due():
            enqueue_due()

    def claim_next(self) -> tuple[DBTaskResult | None, bool]:
        """The next ready job, claimed for this worker; (None, False) if the database was
        locked, so the loop tries again rather than concluding there is no work."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        with exclusive_transaction(tasks.db):
            try:
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
            except OperationalError as error:
                if is_locked_database_exception(error):
                    return None, False
                raise
        return task_result, True

    def run(self) -> None:
        log.info("Worker %s started", self.worker_id)
        while self.running:
            # A signal in here waits for the turn to end (Worker.shutdown), so that no job is
            # left claimed but never started.
            self.running_task = True
            try:
                self._close_old_connections()
                try:
                    self.housekeeping()
                except OperationalError as error:
                    if not is_locked_database_exception(error):
                        raise
                task_result, retrieved = self.claim_next()
                if task_result is not None:
                    self.run_task(task_result)
            finally:
                self.running_task = False
            if self.batch and retrieved and task_result is None:
                break
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                break
            self._close_old_connections()
            if self.running and task_result is None:
                time.sleep(self.interval)
        log.info("Worker %s stopped after %d job(s)", self.worker_id, self._run_tasks)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        self.running_task = True
        try:
            name, task = job_policy(db_task_result)
            try:
                if task is None:
                    raise SuspiciousOperation(f"{name} is not a job of this code")
                result = db_task_result.task_result
                if task.takes_context:
                    context = TaskContext(task_result=cast(Any, result))
                    value = task.call(context, *result.args, **result.kwargs)
                else:
                    value = task.call(*result.args, **result.kwargs)
                db_task_result.set_successful(value)
                log.debug("Job %s done on attempt %d", name, len(db_task_result.worker_ids))
            except (KeyboardInterrupt, SystemExit):
                # Stopped by force in the middle (a second signal): ready for the next worker.
                _store_outcome(db_task_result.pk, status=TaskResultStatus.READY)
                raise
            except Exception as error:
                record_failure(db_task_result, error)
        finally:
            self.running_task = False
            self._run_tasks += 1
