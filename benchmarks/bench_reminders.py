"""Reminders sent by the job runner, per database:

10,000 bookings whose reminder is due; one `perhekeskus worker` (the real command, in its own
process) sends them through the periodic reminder job. About halfway it is killed with SIGKILL
and started again (with the same --worker-id, so that it takes its interrupted job back at once).
Then every booking must have exactly one reminder in the outbox (none sent twice, none lost) and
every reminder must be sent. The reference, measured in the same run: as many plain outbox
writes (one transaction each, no lock, no rendering, no sending).

Prints one JSON line on stdout (see benchmarks/run.py).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from typing import Any

COUNT = int(os.environ.get("BENCH_REMINDERS", "10000"))
WORKER_ID = "bench-reminders"
TIMEOUT_S = float(os.environ.get("BENCH_REMINDERS_TIMEOUT", "900"))


def prepare() -> None:
    import django

    django.setup()
    import datetime as dt
    import hashlib
    import secrets

    from django.core.management import call_command
    from django.utils import timezone

    from perhekeskus.accounts.models import RoleGrant, User
    from perhekeskus.appointments.models import (
        AppointmentType,
        Booking,
        Channel,
        ProfessionalCalendar,
    )
    from perhekeskus.catalog.models import Organization, OrganizationType, Service
    from perhekeskus.core.roles import Role

    call_command("migrate", verbosity=0, interactive=False)
    organization = Organization.objects.create(
        type=OrganizationType.WELLBEING_COUNTY, name="Bench county"
    )
    service = Service.objects.create(organization=organization, name="Lastenvalvoja")
    professional = User.objects.create_user(
        email="bench.professional@example.org",
        full_name="Bench Professional",
        organization=organization,
    )
    RoleGrant.objects.create(user=professional, role=Role.PROFESSIONAL)
    ProfessionalCalendar.objects.create(professional=professional)
    appointment_type = AppointmentType.objects.create(
        service=service,
        name="Lastenvalvojan etätapaaminen",
        name_sv="Barnatillsyningsmannens distansmöte",
        name_en="Child custody officer, remote",
        duration_minutes=45,
        offers_phone=True,
    )
    now = timezone.now()
    first = now + dt.timedelta(hours=1)
    rows = []
    for i in range(COUNT):
        starts = first + dt.timedelta(seconds=5 * i)  # all inside the 24-hour window
        token = secrets.token_urlsafe(24)
        rows.append(
            Booking(
                appointment_type=appointment_type,
                professional=professional,
                starts=starts,
                ends=starts + dt.timedelta(minutes=45),
                blocked_from=starts,
                blocked_until=starts + dt.timedelta(minutes=45),
                channel=Channel.PHONE,
                language=("fi", "sv", "en")[i % 3],
                name=f"Perhe {i}",
                email=f"perhe{i}@example.org",
                phone="",
                answers="{}",
                manage_token=token,
                manage_token_hash=hashlib.sha256(token.encode()).hexdigest(),
            )
        )
    Booking.objects.bulk_create(rows, batch_size=500)


def reference_outbox_writes() -> dict[str, float]:
    """As many plain outbox rows, one transaction each: what the database costs alone."""
    from django.db import transaction
    from django.utils import timezone

    from perhekeskus.core.models import OutboxEmail

    start = time.perf_counter()
    for i in range(COUNT):
        with transaction.atomic():
            OutboxEmail.objects.create(
                kind="bench.reference",
                recipients=json.dumps([f"perhe{i}@example.org"]),
                subject="Muistutus: Lastenvalvojan etätapaaminen 4.12.2026 klo 9.00",
                body="x" * 900,
                next_attempt_at=timezone.now(),
            )
    elapsed = time.perf_counter() - start
    OutboxEmail.objects.filter(kind="bench.reference").delete()
    return {"total_s": round(elapsed, 2), "per_s": round(COUNT / elapsed, 1)}


def start_worker() -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    # Mail goes to memory: the benchmark measures the platform, not a mail server.
    env["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    return subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "perhekeskus",
            "worker",
            "--worker-id",
            WORKER_ID,
            "--interval",
            "0.2",
            "--verbosity",
            "0",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def reminded() -> int:
    from django.db import connection

    from perhekeskus.appointments.models import Booking

    connection.close()  # the worker wrote them from another process
    return Booking.objects.filter(reminder_sent_at__isnull=False).count()


def waiting_mail() -> int:
    from perhekeskus.core.models import OutboxEmail

    return OutboxEmail.objects.filter(sent_at__isnull=True, given_up_at__isnull=True).count()


def wait_until(condition: Any, deadline: float, worker: subprocess.Popen[bytes]) -> None:
    while not condition():
        if worker.poll() is not None:
            raise SystemExit(f"worker exited: {worker.stderr.read().decode()[-3000:]}")  # type: ignore[union-attr]
        if time.perf_counter() > deadline:
            raise SystemExit("timed out")
        time.sleep(0.05)


def per_booking_counts() -> dict[str, int]:
    from perhekeskus.appointments.models import Booking
    from perhekeskus.core.client import keyed_hash
    from perhekeskus.core.models import OutboxEmail

    rows = Counter(
        OutboxEmail.objects.filter(kind="appointments.booking.reminder").values_list(
            "dedupe_key", flat=True
        )
    )
    per_booking = Counter()
    for pk, starts in Booking.objects.values_list("pk", "starts"):
        key = keyed_hash("appointments-notice", "reminder", str(pk), starts.isoformat())
        per_booking[rows.get(key, 0)] += 1
    return {str(times): bookings for times, bookings in sorted(per_booking.items())}


def main() -> None:
    prepare()
    from django.db import connection

    reference = reference_outbox_writes()
    connection.close()

    start = time.perf_counter()
    deadline = start + TIMEOUT_S
    worker = start_worker()
    wait_until(lambda: reminded() >= COUNT // 2, deadline, worker)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    killed_at = time.perf_counter()
    at_kill = reminded()

    worker = start_worker()
    wait_until(lambda: reminded() >= COUNT, deadline, worker)
    all_reminded = time.perf_counter()
    # Mails whose send the kill cut off wait in the outbox for its next periodic run.
    wait_until(lambda: waiting_mail() == 0, deadline, worker)
    all_sent = time.perf_counter()
    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        worker.kill()

    from perhekeskus.core.models import OutboxEmail

    counts = per_booking_counts()
    total_s = all_reminded - start
    result = {
        "vendor": connection.vendor,
        "reminders": COUNT,
        "killed_after": {"s": round(killed_at - start, 2), "reminded": at_kill},
        "all_reminded_s": round(total_s, 2),
        "reminders_per_s": round(COUNT / total_s, 1),
        "all_sent_s": round(all_sent - start, 2),
        "outbox_rows_per_booking": counts,
        "sent": OutboxEmail.objects.filter(
            kind="appointments.booking.reminder", sent_at__isnull=False
        ).count(),
        "reference_outbox_writes": reference,
        "ok": counts == {"1": COUNT},
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
