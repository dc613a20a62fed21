"""The job runner (ADR 0034): retries with back-off, failures the administrator sees, periodic
jobs enqueued once however many workers schedule, jobs of a dead worker run again, and the
platform's scheduled work running through it."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import Any

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from perhekeskus.core.jobs import enqueue, job, periodic
from perhekeskus.core.jobs import schedule as periodic_module
from perhekeskus.core.jobs.worker import WorkerLost, reclaim_stale
from perhekeskus.core.models import PeriodicJob
from perhekeskus.testing.concurrency import at_once, concurrent
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


# --- the dead worker's jobs -------------------------------------------------------------------


def left_running(result: Any, *, worker: str, started_ago: dt.timedelta) -> None:
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - started_ago,
        worker_ids=[worker],
    )


def test_a_job_left_running_by_a_dead_worker_runs_again_after_the_lease(settings: Any) -> None:
    settings.PERHEKESKUS_JOBS_STALE_AFTER_SECONDS = 300
    result = enqueue(fails_once, key="k")
    calls.append("k")  # its first attempt ran until the worker died
    left_running(result, worker="dead-1", started_ago=dt.timedelta(seconds=301))
    assert run_jobs() == 1
    stored = row(result)
    assert stored.status == TaskResultStatus.SUCCESSFUL
    assert len(stored.worker_ids) == 2


def test_a_job_still_within_its_lease_is_left_to_its_worker(settings: Any) -> None:
    settings.PERHEKESKUS_JOBS_STALE_AFTER_SECONDS = 300
    result = enqueue(fails_once, key="k")
    left_running(result, worker="alive-1", started_ago=dt.timedelta(seconds=200))
    assert run_jobs(worker_id="another") == 0
    assert reclaim_stale(worker_id="another") == 0
    assert row(result).status == TaskResultStatus.RUNNING
    assert calls == []


def test_a_restarted_worker_takes_back_its_own_jobs_at_once(settings: Any) -> None:
    settings.PERHEKESKUS_JOBS_STALE_AFTER_SECONDS = 300
    result = enqueue(fails_once, key="k")
    calls.append("k")
    left_running(result, worker="host-1", started_ago=dt.timedelta(seconds=5))
    assert run_jobs(worker_id="host-1") == 1
    assert row(result).status == TaskResultStatus.SUCCESSFUL


def test_a_lost_run_counts_as_an_attempt_and_the_last_one_fails_visibly(settings: Any) -> None:
    settings.PERHEKESKUS_JOBS_STALE_AFTER_SECONDS = 300
    result = enqueue(record, key="never")  # no retries
    left_running(result, worker="dead-1", started_ago=dt.timedelta(hours=1))
    assert run_jobs() == 0
    stored = row(result)
    assert stored.status == TaskResultStatus.FAILED
    assert stored.exception_class_path == "perhekeskus.core.jobs.worker.WorkerLost"
    assert WorkerLost.__name__ in stored.exception_class_path
    assert calls == []


# --- periodic jobs ------------------------------------------------------------------------------


@pytest.fixture
def schedules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only this test's schedules (the apps' own are registered in their ready())."""
    monkeypatch.setattr(periodic_module, "_schedules", {})


def tick() -> None:
    calls.append("tick")


@job(retries=1)
def tock() -> None:
    calls.append("tock")


def enqueued(name: str) -> int:
    return DBTaskResult.objects.filter(task_path__endswith=name).count()


def test_a_due_periodic_job_is_enqueued_once_by_two_schedulers(schedules: None) -> None:
    periodic("test.tick", dt.timedelta(minutes=5), tick)
    periodic("test.tock", every=dt.timedelta(minutes=1), job=tock)
    now = timezone.now()
    assert periodic_module.enqueue_due(now=now) == ["test.tick", "test.tock"]
    assert periodic_module.enqueue_due(now=now) == []  # the second worker, at the same moment
    assert enqueued(".run_periodic") == 1
    assert enqueued(".tock") == 1
    assert run_jobs() == 2
    assert sorted(calls) == ["tick", "tock"]
    assert periodic_module.enqueue_due(now=now + dt.timedelta(minutes=4)) == ["test.tock"]
    assert periodic_module.enqueue_due(now=now + dt.timedelta(minutes=5)) == [
        "test.tick",
        "test.tock",
    ]
    # A day without workers: one run, not 288, and the schedule goes on from now.
    later = now + dt.timedelta(days=1)
    assert periodic_module.enqueue_due(now=later) == ["test.tick", "test.tock"]
    assert periodic_module.enqueue_due(now=later) == []
    assert PeriodicJob.objects.get(name="test.tick").next_run_at == later + dt.timedelta(minutes=5)
    assert enqueued(".run_periodic") == 3
    assert enqueued(".tock") == 4


def test_the_worker_enqueues_due_periodic_jobs_on_its_turn(schedules: None) -> None:
    periodic("test.tick", dt.timedelta(hours=1), tick)
    assert run_jobs() == 0  # run_jobs leaves the schedule alone unless asked
    assert run_jobs(periodic=True) == 1
    assert run_jobs(periodic=True) == 0  # not due again for an hour
    assert calls == ["tick"]
    assert PeriodicJob.objects.get(name="test.tick").last_enqueued_at is not None


def test_a_periodic_job_that_fails_is_retried_like_any_job(schedules: None) -> None:
    def fail() -> None:
        raise OSError(SECRET)

    periodic("test.fail", dt.timedelta(hours=1), fail)
    assert run_jobs(periodic=True) == 1
    stored = DBTaskResult.objects.get()
    assert stored.status == TaskResultStatus.READY  # run_periodic retries twice
    assert stored.exception_class_path == "builtins.OSError"


def test_periodic_refuses_a_schedule_that_never_waits() -> None:
    with pytest.raises(ValueError):
        periodic("test.never", dt.timedelta(0), tick)
    with pytest.raises(ValueError):
        periodic("x" * 101, dt.timedelta(minutes=1), tick)


def test_the_platforms_scheduled_work_runs_through_the_runner(settings: Any) -> None:
    from django.apps import apps
    from django.core import mail

    from perhekeskus.core import outbox
    from perhekeskus.core.models import OutboxEmail

    names = set(periodic_module.schedules())
    assert {
        "core.outbox.send",
        "core.outbox.purge",
        "intake.help_requests.anonymize",
        "finder.unmet_searches.purge",
    } <= names
    queued = outbox.email_enqueue(
        kind="test.notice", recipients=[SECRET], subject="Hello", body="News."
    )
    assert queued is not None
    old = outbox.email_enqueue(kind="test.old", recipients=[SECRET], subject="Old", body="Old.")
    assert old is not None
    OutboxEmail.objects.filter(pk=old.pk).update(sent_at=timezone.now() - dt.timedelta(days=30))
    unmet = apps.get_model("finder", "ZeroResultQuery")
    unmet.objects.create(query="kadonnut", language="fi", date=dt.date(2000, 1, 1), count=3)
    unmet.objects.create(query="tuore", language="fi", date=timezone.localdate(), count=1)

    ran = run_jobs(periodic=True)

    assert ran >= 4
    assert [m.subject for m in mail.outbox] == ["Hello"]
    assert not OutboxEmail.objects.filter(pk=old.pk).exists()
    assert list(unmet.objects.values_list("query", flat=True)) == ["tuore"]
    runs = {
        r.args_kwargs["kwargs"]["name"]: r.status
        for r in DBTaskResult.objects.filter(task_path__endswith=".run_periodic")
    }
    for name in (
        "core.outbox.send",
        "core.outbox.purge",
        "intake.help_requests.anonymize",
        "finder.unmet_searches.purge",
    ):
        assert runs[name] == TaskResultStatus.SUCCESSFUL, name


# --- what the technical administrator sees ------------------------------------------------------


JOBS_ADMIN = "/admin/django_tasks_database/dbtaskresult/"


def test_the_admin_lists_failed_jobs_first_without_their_arguments(admin_client: Any) -> None:
    done = enqueue(record, key=SECRET)
    assert run_jobs() == 1
    failed = enqueue(broken)
    assert run_jobs() == 1
    listing = admin_client.get(JOBS_ADMIN)
    assert listing.status_code == 200
    page = listing.content.decode()
    assert page.index("test_jobs.broken") < page.index("test_jobs.record")
    assert "builtins.ValueError" in page
    assert SECRET not in page
    detail = admin_client.get(f"{JOBS_ADMIN}{failed.id}/change/")
    assert detail.status_code == 200
    assert "builtins.ValueError" in detail.content.decode()
    assert SECRET not in detail.content.decode()
    assert SECRET not in admin_client.get(f"{JOBS_ADMIN}{done.id}/change/").content.decode()
    # Read only: nobody deletes, reruns or edits a job here.
    assert admin_client.post(f"{JOBS_ADMIN}{failed.id}/delete/", {"post": "yes"}).status_code == 403
    assert row(failed).status == TaskResultStatus.FAILED


def test_the_jobs_admin_is_closed_to_other_staff(client: Any) -> None:
    from django.contrib.auth.models import Permission

    from perhekeskus.testing.factories import UserFactory

    staff = UserFactory.create(email="staff@example.org", is_staff=True, is_superuser=False)
    staff.user_permissions.set(Permission.objects.filter(codename__endswith="dbtaskresult"))
    failed = enqueue(broken)
    assert run_jobs() == 1
    client.force_login(staff)
    assert client.get(JOBS_ADMIN).status_code == 403
    assert client.get(f"{JOBS_ADMIN}{failed.id}/change/").status_code == 403
    assert client.post(f"{JOBS_ADMIN}{failed.id}/delete/", {"post": "yes"}).status_code == 403
    assert "dbtaskresult" not in client.get("/admin/").content.decode()
    assert row(failed).status == TaskResultStatus.FAILED


def test_the_deploy_check_counts_the_jobs_that_failed_for_good() -> None:
    from perhekeskus.core.jobs.checks import check_failed_jobs

    assert check_failed_jobs(databases=["default"]) == []
    enqueue(broken)
    enqueue(flaky, key="x")  # waiting for a retry: not failed for good
    assert run_jobs() == 2
    assert check_failed_jobs() == []  # without --database the check reads nothing
    warnings = check_failed_jobs(databases=["default"])
    assert [w.id for w in warnings] == ["perhekeskus.W002"]
    assert warnings[0].msg.startswith("1 background job(s) failed")


# --- the command --------------------------------------------------------------------------------


@job
def stop_the_worker(key: str) -> None:
    """Sends the worker's own process SIGTERM while it runs this job."""
    import os
    import signal

    calls.append(key)
    os.kill(os.getpid(), signal.SIGTERM)
    calls.append(f"{key} finished")


@pytest.mark.django_db(transaction=True)
def test_sigterm_lets_the_running_job_finish_and_then_stops_the_worker() -> None:
    import signal

    from django.core.management import call_command

    before = signal.getsignal(signal.SIGTERM)
    first = enqueue(stop_the_worker, key="first")
    second = enqueue(record, key="second")
    DBTaskResult.objects.filter(pk=second.id).update(enqueued_at=timezone.now())
    call_command("worker", "--no-periodic", "--worker-id", "test-sigterm", verbosity=0)
    assert calls == ["first", "first finished"]
    assert row(first).status == TaskResultStatus.SUCCESSFUL
    assert row(second).status == TaskResultStatus.READY  # left for the next worker
    assert signal.getsignal(signal.SIGTERM) is before


@pytest.mark.django_db(transaction=True)
def test_the_worker_command_in_batch_mode_runs_what_is_ready_and_exits(schedules: None) -> None:
    from django.core.management import call_command

    periodic("test.tick", dt.timedelta(hours=1), tick)
    enqueue(record, key="a")
    call_command("worker", "--batch", verbosity=0)
    assert sorted(calls) == ["a", "tick"]
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()


# --- several workers at once (both databases) ---------------------------------------------------


@concurrent
@pytest.mark.django_db(transaction=True)
def test_schedulers_at_the_same_moment_enqueue_a_due_job_once(schedules: None) -> None:
    periodic("test.tick", dt.timedelta(minutes=1), tick)
    periodic("test.tock", dt.timedelta(minutes=1), tock)
    now = timezone.now()
    results = at_once(4, lambda _i: periodic_module.enqueue_due(now=now))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(name for r in results for name in r) == ["test.tick", "test.tock"]
    assert enqueued(".run_periodic") == 1
    assert enqueued(".tock") == 1


_lock = threading.Lock()


@job
def count_once(key: str) -> None:
    with _lock:
        calls.append(key)


@concurrent
@pytest.mark.django_db(transaction=True)
def test_workers_at_once_run_each_job_once() -> None:
    keys = [f"job-{i}" for i in range(30)]
    for key in keys:
        enqueue(count_once, key=key)
    ran = at_once(3, lambda i: run_jobs(worker_id=f"w{i}"))
    assert not [r for r in ran if isinstance(r, Exception)], ran
    assert sum(ran) == 30
    assert sorted(calls) == sorted(keys)
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 30


def test_finished_jobs_are_pruned_after_their_retention(settings: Any) -> None:
    from perhekeskus.core.jobs.retention import jobs_prune

    settings.PERHEKESKUS_JOBS_RETENTION_DAYS = 14
    settings.PERHEKESKUS_JOBS_FAILED_RETENTION_DAYS = 90
    old_done, _failed, waiting = (
        enqueue(record, key="a"),
        enqueue(broken),
        enqueue(record, key="b"),
    )
    DBTaskResult.objects.filter(pk=waiting.id).update(
        run_after=timezone.now() + dt.timedelta(days=1)
    )
    assert run_jobs() == 2
    now = timezone.now()
    assert jobs_prune(now=now + dt.timedelta(days=13)) == 0
    assert jobs_prune(now=now + dt.timedelta(days=15)) == 1
    assert not DBTaskResult.objects.filter(pk=old_done.id).exists()
    assert jobs_prune(now=now + dt.timedelta(days=89)) == 0
    assert jobs_prune(now=now + dt.timedelta(days=91)) == 1
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["READY"]
    assert "core.jobs.prune" in periodic_module.schedules()
