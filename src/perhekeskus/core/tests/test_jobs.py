"""The job runner (ADR 0034): retries with back-off, failures the administrator sees, periodic
jobs enqueued once however many workers schedule, jobs of a dead worker run again, and the
platform's scheduled work running through it."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from perhekeskus.core.jobs import enqueue, job, periodic
from perhekeskus.core.jobs import periodic as periodic_module
from perhekeskus.core.jobs.worker import JobWorker, WorkerLost, reclaim_stale
from perhekeskus.core.models import PeriodicJob
from perhekeskus.testing.jobs import run_jobs

pytestmark = pytest.mark.django_db

SECRET = "maija.meikalainen@example.org"
calls: list[str] = []


@pytest.fixture(autouse=True)
def _no_calls() -> None:
    calls.clear()


@job(retries=2, backoff=dt.timedelta(seconds=10))
def flaky(key: str) -> None:
    calls.append(key)
    raise ConnectionRefusedError(f"refused: {SECRET}")


@job(retries=3)
def fails_once(key: str) -> str:
    calls.append(key)
    if calls.count(key) == 1:
        raise TimeoutError(SECRET)
    return "done"


@job
def record(key: str) -> None:
    calls.append(key)


def row(result: Any) -> DBTaskResult:
    return DBTaskResult.objects.get(pk=result.id)


def make_due(result: Any) -> None:
    DBTaskResult.objects.filter(pk=result.id).update(run_after=timezone.now())


def test_an_enqueued_job_runs_once_with_its_arguments() -> None:
    result = enqueue(record, key="a")
    assert row(result).status == TaskResultStatus.READY
    assert run_jobs() == 1
    assert calls == ["a"]
    assert row(result).status == TaskResultStatus.SUCCESSFUL
    assert run_jobs() == 0
    assert calls == ["a"]


def test_run_after_defers_a_job() -> None:
    later = timezone.now() + dt.timedelta(hours=1)
    result = enqueue(record, key="later", run_after=later)
    assert run_jobs() == 0
    make_due(result)
    assert run_jobs() == 1
    assert calls == ["later"]


def test_a_failed_run_is_retried_after_a_growing_back_off_and_the_last_failure_stays(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    result = enqueue(flaky, key=SECRET)
    delays = []
    for attempt in (1, 2):
        before = timezone.now()
        assert run_jobs() == 1
        stored = row(result)
        assert stored.status == TaskResultStatus.READY
        assert len(stored.worker_ids) == attempt
        assert stored.exception_class_path == "builtins.ConnectionRefusedError"
        delays.append(stored.run_after - before)
        assert run_jobs() == 0  # not before its back-off
        make_due(result)
    assert dt.timedelta(seconds=9) < delays[0] <= dt.timedelta(seconds=11)
    assert dt.timedelta(seconds=19) < delays[1] <= dt.timedelta(seconds=21)
    assert run_jobs() == 1
    stored = row(result)
    assert stored.status == TaskResultStatus.FAILED
    assert len(stored.worker_ids) == 3
    assert stored.finished_at is not None
    assert len(calls) == 3
    assert run_jobs() == 0
    # The log and the stored traceback name the job, the attempt and the error's class only.
    assert SECRET not in caplog.text
    assert SECRET not in stored.traceback
    assert "ConnectionRefusedError" in stored.traceback
    assert "flaky failed on attempt 1 of 3 with builtins.ConnectionRefusedError" in caplog.text
    assert "flaky failed for good after 3 attempt(s)" in caplog.text


def test_a_job_that_succeeds_on_retry_is_successful() -> None:
    result = enqueue(fails_once, key="x")
    assert run_jobs() == 1
    make_due(result)
    assert run_jobs() == 1
    stored = row(result)
    assert stored.status == TaskResultStatus.SUCCESSFUL
    assert stored.return_value == "done"
    assert len(stored.worker_ids) == 2


@job
def broken() -> None:
    raise ValueError(SECRET)


def test_a_job_without_retries_fails_at_once() -> None:
    result = enqueue(broken)
    assert run_jobs() == 1
    stored = row(result)
    assert stored.status == TaskResultStatus.FAILED
    assert stored.exception_class_path == "builtins.ValueError"


def test_only_module_level_functions_can_be_jobs() -> None:
    from django_tasks.exceptions import InvalidTaskError

    def nested() -> None:
        pass

    with pytest.raises(InvalidTaskError):
        job(nested)
    with pytest.raises(ValueError):
        job(retries=-1)
