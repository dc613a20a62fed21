"""Running jobs in tests with the worker's own code."""

from __future__ import annotations

from django.utils.crypto import get_random_string

from perhekeskus.core.jobs.worker import JobWorker


def run_jobs(*, periodic: bool = False, worker_id: str = "") -> int:
    """Run every ready job in this process (the real worker loop, in batch mode) until none is
    ready, and return how many ran (a failed run counts; a retry waits for its back-off, so it
    is not ready yet). With `periodic=True` the due periodic jobs are enqueued first, as the
    worker does on each turn. Database connections are left open: the test's transaction
    holds them."""
    worker = JobWorker(
        worker_id=worker_id or f"test-{get_random_string(8)}",
        interval=0,
        batch=True,
        schedule_periodic=periodic,
        close_connections=False,
    )
    worker.run()
    return worker.run_count
