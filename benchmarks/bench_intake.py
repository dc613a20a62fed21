"""Intake over HTTP against the production server command, per database:

1. Throughput: N concurrent clients POST /api/v1/help-requests to `perhekeskus serve`
   (rate limit off) for a fixed time; requests/second and latency percentiles.
2. Durability: clients submit with Idempotency-Keys while the server is killed with SIGKILL in
   the middle; the server is restarted, every request whose 201 was received must exist exactly
   once, and retrying every key (also those cut off mid-flight) must not create a duplicate.

Prints one JSON line on stdout (see benchmarks/run.py).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

CLIENTS = int(os.environ.get("BENCH_INTAKE_CLIENTS", "8"))
SECONDS = float(os.environ.get("BENCH_INTAKE_SECONDS", "8"))
WORKERS = int(os.environ.get("BENCH_HTTP_WORKERS", "2"))
KILL_AFTER = float(os.environ.get("BENCH_INTAKE_KILL_AFTER", "3"))

BODY = {
    "message": "Vauva itkee paljon eikä kukaan meistä nuku. Tarvitsisimme apua.",
    "concerns": "my_child",
    "child_ages": [0, 4],
    "municipality": "018",
    "language": "fi",
    "anonymous": False,
    "contact": {"name": "Testi Vanhempi", "phone": "+358 40 123 4567"},
    "consent": True,
}


def prepare_database() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from perhekeskus.catalog.models import Municipality, Organization, OrganizationType
    from perhekeskus.intake.models import EarlySupportTeam

    call_command("migrate", verbosity=0, interactive=False)
    askola, _created = Municipality.objects.get_or_create(code="018", defaults={"name": "Askola"})
    organization = Organization.objects.create(
        type=OrganizationType.WELLBEING_COUNTY, name="Bench county"
    )
    team = EarlySupportTeam.objects.create(name="Bench VATU", organization=organization)
    team.municipalities.add(askola)


def count_requests(codes: list[str]) -> dict[str, int]:
    from django.db import connection

    from perhekeskus.intake.models import HelpRequest

    connection.close()  # the server wrote them from other processes
    counts = {}
    for code in codes:
        counts[code] = HelpRequest.objects.filter(tracking_code=code).count()
    return counts


def total_requests() -> int:
    from django.db import connection

    from perhekeskus.intake.models import HelpRequest

    connection.close()
    return HelpRequest.objects.count()


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
        start_new_session=True,  # its own process group: SIGKILL reaches every worker
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).read()  # noqa: S310
            return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("perhekeskus serve exited") from None
            time.sleep(0.2)
    raise RuntimeError("perhekeskus serve did not answer within 30 s")


def post(base: str, key: str | None) -> tuple[int, dict[str, object] | None, float]:
    data = json.dumps(BODY).encode()
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Idempotency-Key"] = key
    request = urllib.request.Request(  # noqa: S310  (our own server on loopback)
        base + "/api/v1/help-requests", data=data, headers=headers
    )
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310
            return response.status, json.loads(response.read()), time.perf_counter() - start
    except urllib.error.HTTPError as error:
        return error.code, None, time.perf_counter() - start
    except OSError:
        return 0, None, time.perf_counter() - start


def throughput(port: int) -> dict[str, object]:
    from benchmarks.common import percentile

    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    deadline = time.perf_counter() + SECONDS

    def client() -> None:
        while time.perf_counter() < deadline:
            code, _body, elapsed = post(base, str(uuid.uuid4()))
            with lock:
                statuses[code] = statuses.get(code, 0) + 1
                if code == 201:
                    latencies.append(elapsed)

    try:
        threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=20)
    ms = [s * 1000 for s in latencies]
    return {
        "clients": CLIENTS,
        "workers": WORKERS,
        "created": len(latencies),
        "requests_per_s": round(len(latencies) / SECONDS, 1),
        "p50_ms": round(percentile(ms, 50), 1) if ms else None,
        "p95_ms": round(percentile(ms, 95), 1) if ms else None,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


def durability(port: int) -> dict[str, object]:
    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    acknowledged: dict[str, str] = {}  # idempotency key → tracking code from a 201
    attempted: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def client() -> None:
        while not stop.is_set():
            key = str(uuid.uuid4())
            with lock:
                attempted.append(key)
            code, body, _elapsed = post(base, key)
            if code == 201 and body:
                with lock:
                    acknowledged[key] = str(body["tracking_code"])

    before = total_requests()
    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    time.sleep(KILL_AFTER)
    os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=20)
    stop.set()
    for thread in threads:
        thread.join()

    counts = count_requests(list(acknowledged.values()))
    lost = sorted(code for code, n in counts.items() if n == 0)
    duplicated = sorted(code for code, n in counts.items() if n > 1)
    stored_after_kill = total_requests() - before

    # Restart and retry every key, as a client whose connection broke would.
    server = start_server(port)
    try:
        retried_same = 0
        for key in attempted:
            _status, body, _elapsed = post(base, key)
            if key in acknowledged and body and body["tracking_code"] == acknowledged[key]:
                retried_same += 1
    finally:
        server.terminate()
        server.wait(timeout=20)
    stored_after_retry = total_requests() - before
    return {
        "acknowledged_before_kill": len(acknowledged),
        "attempted": len(attempted),
        "stored_after_kill": stored_after_kill,
        "lost": len(lost),
        "duplicated": len(duplicated),
        "retries_answered_with_same_code": retried_same,
        "stored_after_retrying_every_key": stored_after_retry,
        "exactly_once_per_key": stored_after_retry == len(attempted),
        "ok": not lost
        and not duplicated
        and retried_same == len(acknowledged)
        and stored_after_retry == len(attempted),
    }


def main() -> None:
    from benchmarks.common import free_port

    prepare_database()
    result = {"throughput": throughput(free_port()), "durability": durability(free_port())}
    sys.stdout.write("\n" + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
