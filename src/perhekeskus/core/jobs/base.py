"""A job: a django-tasks task with the platform's retry policy (ADR 0034)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, overload

from django.utils.version import PY311
from django_tasks import task_backends
from django_tasks.base import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME, Task
from django_tasks.base import TaskResult as TaskResult
from typing_extensions import ParamSpec

P = ParamSpec("P")
T = TypeVar("T")

# The first retry waits this long, each next one twice as long, never more than the longest.
DEFAULT_BACKOFF = dt.timedelta(seconds=30)
LONGEST_BACKOFF = dt.timedelta(hours=6)


@dataclass(frozen=True, slots=PY311, kw_only=True)  # type: ignore[literal-required]
class Job(Task[P, T]):
    """A task that the worker runs again after a failure, `retries` times at most, waiting
    `backoff` before the first retry and twice as long before each next one. Its arguments
    must be JSON (ids, not objects: the job re-reads its rows when it runs)."""

    retries: int = 0
    backoff: dt.timedelta = DEFAULT_BACKOFF

    def retry_delay(self, attempt: int) -> dt.timedelta:
        """How long to wait after the failed `attempt` (1 for the first run)."""
        delay: dt.timedelta = self.backoff * (2 ** max(0, attempt - 1))
        return min(delay, LONGEST_BACKOFF)


@overload
def job(function: Callable[P, T], /) -> Job[P, T]: ...


@overload
def job(
    *,
    retries: int = 0,
    backoff: dt.timedelta = DEFAULT_BACKOFF,
    priority: int = 0,
    queue_name: str = DEFAULT_TASK_QUEUE_NAME,
) -> Callable[[Callable[P, T]], Job[P, T]]: ...


def job(
    function: Callable[P, T] | None = None,
    /,
    *,
    retries: int = 0,
    backoff: dt.timedelta = DEFAULT_BACKOFF,
    priority: int = 0,
    queue_name: str = DEFAULT_TASK_QUEUE_NAME,
) -> Job[P, T] | Callable[[Callable[P, T]], Job[P, T]]:
    """Make a module-level function a job (`@job` or `@job(retries=5)`). A job must be
    idempotent: a retry, or a run after a worker died, may repeat work already done, so it
    re-reads its rows (under a lock where it writes) and does nothing that is already done."""
    if retries < 0:
        raise ValueError("retries must not be negative")
    if backoff <= dt.timedelta(0):
        raise ValueError("backoff must be positive")

    def wrap(func: Callable[P, T]) -> Job[P, T]:
        # Built directly rather than through the backend's task_class, so that every job, on
        # any backend alias, carries its retry policy.
        task_backends[DEFAULT_TASK_BACKEND_ALIAS]  # fail early on a broken TASKS setting
        return Job(
            func=func,
            priority=priority,
            queue_name=queue_name,
            backend=DEFAULT_TASK_BACKEND_ALIAS,
            takes_context=False,
            run_after=None,
            retries=retries,
            backoff=backoff,
        )

    if function is not None:
        return wrap(function)
    return wrap


def enqueue(
    task: Task[P, Any], /, *, run_after: dt.datetime | None = None, **kwargs: Any
) -> TaskResult[Any]:
    """Queue `task` with keyword arguments (JSON values). The job's row is written on the
    default database connection, so inside the caller's transaction: it exists exactly when
    the change it follows is committed, and a rolled-back change leaves no job behind.
    `run_after` (aware) defers it."""
    if run_after is not None:
        task = task.using(run_after=run_after)
    send: Callable[..., TaskResult[Any]] = task.enqueue
    return send(**kwargs)
