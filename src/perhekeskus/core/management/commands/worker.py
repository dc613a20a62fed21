"""`perhekeskus worker`: runs the background jobs (ADR 0034) until stopped. Start one or more
beside the web server (systemd, a container); each enqueues the periodic jobs that are due (once
across all workers) and takes back the jobs of a worker that died. SIGTERM or Ctrl+C stops it
after the job it is running; a second one stops it at once (the job is then run again)."""

from __future__ import annotations

import signal
import socket
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.crypto import get_random_string

from perhekeskus.core.jobs.worker import JobWorker


class Command(BaseCommand):
    help = "Run background jobs and enqueue the periodic ones when due."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval",
            type=float,
            default=float(settings.PERHEKESKUS_JOBS_POLL_INTERVAL),
            help="Seconds between looks for ready jobs when idle (default: JOBS_POLL_INTERVAL).",
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Run the jobs that are ready (and the periodic ones due), then exit.",
        )
        parser.add_argument(
            "--worker-id",
            default="",
            help="A name unique among the running workers, kept across restarts (e.g. host-1), "
            "so that a restarted worker takes back its own interrupted jobs at once instead of "
            "after JOBS_STALE_AFTER_SECONDS (default: host name and a random part).",
        )
        parser.add_argument(
            "--no-periodic",
            action="store_true",
            help="Do not enqueue periodic jobs (another worker does).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["interval"] < 0.1:
            raise CommandError("--interval must be at least 0.1 seconds")
        worker_id = options["worker_id"] or f"{socket.gethostname()[:40]}-{get_random_string(8)}"
        if len(worker_id) > 64:
            raise CommandError("--worker-id must be at most 64 characters")
        worker = JobWorker(
            worker_id=worker_id,
            interval=options["interval"],
            batch=options["batch"],
            schedule_periodic=not options["no_periodic"],
        )
        if options["verbosity"] > 0:
            self.stdout.write(f"Worker {worker_id} running jobs (Ctrl+C stops it).")
        stop_signals = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
        previous = {number: signal.getsignal(number) for number in stop_signals}
        worker.configure_signals()
        try:
            worker.run()
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
