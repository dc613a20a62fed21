"""Appointments, per database:

1. No double booking under load: `perhekeskus serve` (the production server, rate limits off)
   with one appointment type and exactly 20 free slots; 200 booking attempts POST
   /api/v1/bookings at once, ten on each slot, each with its own Idempotency-Key. Reported: the
   wall time, the answers by status, and the bookings the database then holds (it must be 20, one
   per slot). Reference in the same run, on the same server: 200 concurrent GET
   /api/v1/appointment-types and 200 concurrent GET /healthz.
2. Slot search: `availability.free_slots` over 8 weeks for a type with 50 professionals (weekly
   hours, an absence, bookings), repeated; p50/p95. Reference: the same for a type with one of
   them.

Prints one JSON line on stdout (see benchmarks/run.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ATTEMPTS = int(os.environ.get("BENCH_BOOKINGS_ATTEMPTS", "200"))
SLOTS = 20
WORKERS = int(os.environ.get("BENCH_HTTP_WORKERS", "2"))
PROFESSIONALS = 50
WEEKS = 8
SEARCH_RUNS = int(os.environ.get("BENCH_SLOTS_RUNS", "30"))


def setup_django() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _service() -> Any:
    from perhekeskus.catalog.models import (
        Organization,
        OrganizationType,
        PublicationState,
        Service,
        ServiceStatus,
    )

    organization = Organization.objects.create(
        type=OrganizationType.WELLBEING_COUNTY, name="Bench county"
    )
    return Service.objects.create(
        organization=organization,
        name="Lastenvalvoja – etäaika",
        summary="Sopimukset videolla.",
        publication_state=PublicationState.PUBLISHED,
        status=ServiceStatus.ACTIVE,
    )


def _professional(organization_id: Any, n: int) -> Any:
    from perhekeskus.accounts.models import RoleGrant, User
    from perhekeskus.appointments.models import ProfessionalCalendar
    from perhekeskus.core.roles import Role

    user = User.objects.create_user(
        email=f"pro{n}@bench.example",
        full_name=f"Ammattilainen {n}",
        organization_id=organization_id,
    )
    RoleGrant.objects.create(user=user, role=Role.PROFESSIONAL)
    ProfessionalCalendar.objects.create(professional=user)
    return user


# --- 1. Concurrent bookings over HTTP -----------------------------------------------------------


def prepare_contended_slots() -> list[str]:
    """One professional whose only hours are extra hours the day after tomorrow, 8.00–18.00 in
    Finnish time: with 30-minute appointments, exactly 20 slots (public holiday or not)."""
    from perhekeskus.appointments import availability
    from perhekeskus.appointments.models import (
        AppointmentType,
        AvailabilityException,
        ExceptionKind,
    )

    service = _service()
    professional = _professional(service.organization_id, 0)
    appointment_type = AppointmentType.objects.create(
        service=service,
        name="Etätapaaminen",
        duration_minutes=30,
        offers_phone=True,
        offers_video=True,
        min_notice_minutes=60,
    )
    appointment_type.professionals.add(professional)
    day = availability.helsinki_date(dt.datetime.now(dt.UTC)) + dt.timedelta(days=2)
    AvailabilityException.objects.create(
        professional=professional,
        kind=ExceptionKind.EXTRA,
        starts=availability.wall_to_utc(day, dt.time(8, 0)),
        ends=availability.wall_to_utc(day, dt.time(18, 0)),
    )
    slots = availability.free_slots(appointment_type=appointment_type, date_from=day, date_to=day)
    if len(slots) != SLOTS:
        raise RuntimeError(f"expected {SLOTS} free slots, found {len(slots)}")
    return [slot.id for slot in slots]


def bookings_in_database() -> dict[str, int]:
    from django.db import connection
    from django.db.models import Count

    from perhekeskus.appointments.models import Booking, BookingStatus

    connection.close()  # the server wrote them from other processes
    live = Booking.objects.filter(status=BookingStatus.BOOKED)
    per_start = live.values("professional_id", "starts").annotate(n=Count("id"))
    return {
        "bookings": live.count(),
        "slots_booked": per_start.count(),
        "slots_booked_twice": sum(1 for row in per_start if row["n"] > 1),
    }


# What the server wrote to stderr, read after it stops: why any request failed.
SERVER_LOG = tempfile.NamedTemporaryFile(prefix="bench-bookings-", suffix=".log")  # noqa: SIM115


def server_log_counts() -> dict[str, int]:
    text = Path(SERVER_LOG.name).read_text(errors="replace")
    # Each failure's chain names its cause twice (the driver's error and Django's).
    return {
        "server_errors": text.count("django.request: Internal Server Error"),
        "too_many_clients": text.count("too many clients") // 2,
        "database_locked": text.count("database is locked") // 2,
    }


def start_server(port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.update({"RATE_LIMITS": "off", "LOG_LEVEL": "warning", "DEBUG": "false"})
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "perhekeskus",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(WORKERS),
        ],
        env=env,
        start_new_session=True,
        # The confirmations it e-mails (console backend) would bury this process's JSON line.
        stdout=subprocess.DEVNULL,
        stderr=SERVER_LOG,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # the first start compiles and imports everything
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).read()  # noqa: S310
            return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("perhekeskus serve exited") from None
            time.sleep(0.2)
    stop_server(process)
    raise RuntimeError("perhekeskus serve did not answer within 120 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop the server and its workers (its own process group), forcibly if it lingers."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def _request(request: urllib.request.Request) -> tuple[int, float]:
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            response.read()
            return response.status, time.perf_counter() - start
    except urllib.error.HTTPError as error:
        error.read()
        return error.code, time.perf_counter() - start
    except OSError:
        return 0, time.perf_counter() - start


def at_once(requests: list[Callable[[], urllib.request.Request]]) -> dict[str, Any]:
    """Send every request from its own thread, released together; the wall time is from the
    release to the last answer."""
    from benchmarks.common import percentile

    results: list[tuple[int, float]] = [(0, 0.0)] * len(requests)
    barrier = threading.Barrier(len(requests) + 1)

    def client(index: int) -> None:
        request = requests[index]()
        barrier.wait()
        results[index] = _request(request)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(len(requests))]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    ms = [elapsed * 1000 for _status, elapsed in results]
    return {
        "requests": len(requests),
        "wall_s": round(wall, 3),
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "statuses": {str(k): v for k, v in sorted(Counter(s for s, _e in results).items())},
    }


def concurrent_bookings(port: int) -> dict[str, Any]:
    slot_ids = prepare_contended_slots()
    base = f"http://127.0.0.1:{port}"

    def booking(n: int) -> Callable[[], urllib.request.Request]:
        def build() -> urllib.request.Request:
            body = {
                "slot": slot_ids[n % SLOTS],
                "channel": "video",
                "name": f"Vanhempi {n}",
                "email": f"vanhempi{n}@bench.example",
                "phone": "",
                "language": "fi",
                "answers": {},
            }
            return urllib.request.Request(  # noqa: S310  (our own server on loopback)
                base + "/api/v1/bookings",
                data=json.dumps(body).encode(),
                headers={"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())},
            )

        return build

    def get(path: str) -> Callable[[], urllib.request.Request]:
        return lambda: urllib.request.Request(base + path)  # noqa: S310

    server = start_server(port)
    try:
        # One request of each kind first, so that neither measure pays a worker's first import.
        for path in ("/healthz", "/api/v1/appointment-types"):
            _request(get(path)())
        bookings = at_once([booking(n) for n in range(ATTEMPTS)])
        types_list = at_once([get("/api/v1/appointment-types") for _ in range(ATTEMPTS)])
        healthz = at_once([get("/healthz") for _ in range(ATTEMPTS)])
    finally:
        stop_server(server)
    stored = bookings_in_database()
    log = server_log_counts()
    created = bookings["statuses"].get("201", 0)
    return {
        "workers": WORKERS,
        "slots": SLOTS,
        "bookings": bookings,
        "reference_appointment_types": types_list,
        "reference_healthz": healthz,
        "database": stored,
        "server_log": log,
        "ok": stored["bookings"] == SLOTS
        and stored["slots_booked"] == SLOTS
        and stored["slots_booked_twice"] == 0
        and created == SLOTS
        and bookings["statuses"].get("409", 0) == ATTEMPTS - SLOTS,
    }


# --- 2. Slot search -----------------------------------------------------------------------------


def prepare_search() -> tuple[Any, Any, int, dt.date, dt.date]:
    """50 professionals with weekly hours (four patterns, lunch breaks), one absence each and
    about a third of their slots booked over the 8 weeks searched."""
    from perhekeskus.appointments import availability
    from perhekeskus.appointments.models import (
        AppointmentType,
        AvailabilityException,
        Booking,
        ExceptionKind,
        WeeklyHours,
    )

    service = _service()
    patterns = [
        [(d, dt.time(8, 0), dt.time(11, 30)) for d in range(5)]
        + [(d, dt.time(12, 0), dt.time(16, 0)) for d in range(5)],
        [(d, dt.time(9, 0), dt.time(15, 0)) for d in range(4)] + [(4, dt.time(9), dt.time(12))],
        [(d, dt.time(8, 30), dt.time(15, 30)) for d in (0, 2, 4)],
        [(d, dt.time(12, 0), dt.time(18, 0)) for d in (1, 3)]
        + [(d, dt.time(8, 0), dt.time(12, 0)) for d in (0, 2)],
    ]
    professionals = [_professional(service.organization_id, n) for n in range(1, PROFESSIONALS + 1)]
    WeeklyHours.objects.bulk_create(
        WeeklyHours(professional=pro, weekday=weekday, starts=starts, ends=ends)
        for n, pro in enumerate(professionals)
        for weekday, starts, ends in patterns[n % len(patterns)]
    )
    many = AppointmentType.objects.create(
        service=service,
        name="Palveluohjaus",
        duration_minutes=45,
        offers_phone=True,
        offers_video=True,
        max_days_ahead=70,
        buffer_after_minutes=15,
    )
    many.professionals.add(*professionals)
    one = AppointmentType.objects.create(
        service=service,
        name="Palveluohjaus, yksi työntekijä",
        duration_minutes=45,
        offers_phone=True,
        offers_video=True,
        max_days_ahead=70,
        buffer_after_minutes=15,
    )
    one.professionals.add(professionals[0])
    now = dt.datetime.now(dt.UTC)
    date_from = availability.helsinki_date(now) + dt.timedelta(days=1)
    date_to = date_from + dt.timedelta(weeks=WEEKS) - dt.timedelta(days=1)
    absences = []
    for n, pro in enumerate(professionals):
        day = date_from + dt.timedelta(days=7 + n % 20)
        absences.append(
            AvailabilityException(
                professional=pro,
                kind=ExceptionKind.ABSENCE,
                starts=availability.day_start(day),
                ends=availability.day_start(day + dt.timedelta(days=1)),
            )
        )
    AvailabilityException.objects.bulk_create(absences)
    # Book every third free slot, written directly: the search reads them as any booking.
    free = availability.free_slots(appointment_type=many, date_from=date_from, date_to=date_to)
    rows = []
    for slot in free[::3]:
        token = secrets.token_urlsafe(24)
        rows.append(
            Booking(
                appointment_type=many,
                professional_id=slot.professional_id,
                starts=slot.starts,
                ends=slot.ends,
                blocked_from=slot.starts,
                blocked_until=slot.ends + dt.timedelta(minutes=15),
                channel="phone",
                name="Vanhempi",
                phone="+358401234567",
                manage_token_hash=hashlib.sha256(token.encode()).hexdigest(),
            )
        )
    Booking.objects.bulk_create(rows, batch_size=500)
    return many, one, len(rows), date_from, date_to


def slot_search() -> dict[str, Any]:
    from benchmarks.common import summarize_ms, time_calls
    from perhekeskus.appointments import availability

    many, one, booked, date_from, date_to = prepare_search()
    counts: dict[str, int] = {}

    def search(appointment_type: Any, key: str) -> Callable[[], None]:
        def run() -> None:
            counts[key] = len(
                availability.free_slots(
                    appointment_type=appointment_type, date_from=date_from, date_to=date_to
                )
            )

        return run

    fifty = summarize_ms(time_calls(search(many, "fifty"), SEARCH_RUNS, warmup=3))
    single = summarize_ms(time_calls(search(one, "one"), SEARCH_RUNS, warmup=3))
    return {
        "professionals": PROFESSIONALS,
        "weeks": WEEKS,
        "bookings": booked,
        "fifty": {**fifty, "free_slots": counts["fifty"]},
        "one": {**single, "free_slots": counts["one"]},
    }


def main() -> None:
    from django.db import connection

    from benchmarks.common import free_port

    setup_django()
    result = {
        "vendor": connection.vendor,
        "concurrent": concurrent_bookings(free_port()),
        "search": slot_search(),
    }
    sys.stdout.write("\n" + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
