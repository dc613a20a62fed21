"""Foundation figures, per database: page rendering in-process, audit-log appends, and HTTP
throughput of the production server command (`perhekeskus serve`) on a few worker processes.

Run through `make bench` (benchmarks/run.py); prints one JSON object on stdout.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import urllib.request

REQUESTS_IN_PROCESS = int(os.environ.get("BENCH_REQUESTS", "400"))
AUDIT_APPENDS = int(os.environ.get("BENCH_AUDIT_APPENDS", "2000"))
HTTP_SECONDS = float(os.environ.get("BENCH_HTTP_SECONDS", "5"))
HTTP_CLIENTS = int(os.environ.get("BENCH_HTTP_CLIENTS", "8"))
HTTP_WORKERS = int(os.environ.get("BENCH_HTTP_WORKERS", "2"))


def in_process() -> dict[str, object]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from benchmarks.common import summarize_ms, time_calls
    from perhekeskus.audit.services import audit_record

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", "--allow-production", verbosity=0)
    client = Client()
    home = summarize_ms(time_calls(lambda: client.get("/fi/"), REQUESTS_IN_PROCESS))
    login_page = summarize_ms(
        time_calls(lambda: client.get("/fi/accounts/login/"), REQUESTS_IN_PROCESS)
    )
    start = time.perf_counter()
    for i in range(AUDIT_APPENDS):
        audit_record(action="accounts.user.view", target_type="accounts.user", target_id=i)
    elapsed = time.perf_counter() - start
    return {
        "vendor": connection.vendor,
        "home_page": home,
        "login_page": login_page,
        "audit_appends_per_s": round(AUDIT_APPENDS / elapsed),
    }


def http_load(base_url: str, path: str) -> dict[str, object]:
    from benchmarks.common import percentile

    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + HTTP_SECONDS

    def client() -> None:
        nonlocal errors
        local: list[float] = []
        local_errors = 0
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(base_url + path, timeout=10) as response:  # noqa: S310
                    response.read()
            except OSError:
                local_errors += 1
                continue
            local.append(time.perf_counter() - start)
        with lock:
            latencies.extend(local)
            errors += local_errors

    threads = [threading.Thread(target=client) for _ in range(HTTP_CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ms = [s * 1000 for s in latencies]
    return {
        "path": path,
        "requests_per_s": round(len(latencies) / HTTP_SECONDS, 1),
        "p50_ms": round(percentile(ms, 50), 2) if ms else None,
        "p95_ms": round(percentile(ms, 95), 2) if ms else None,
        "errors": errors,
    }


def over_http(database_url: str) -> dict[str, object]:
    from benchmarks.common import free_port, perhekeskus

    port = free_port()
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "perhekeskus.config.settings.dev",
            "DEBUG": "false",
            "LOG_LEVEL": "warning",
        }
    )
    server = perhekeskus("serve", "--port", str(port), "--workers", str(HTTP_WORKERS), env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).read()  # noqa: S310
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("perhekeskus serve exited") from None
                time.sleep(0.2)
        else:
            raise RuntimeError("perhekeskus serve did not answer within 30 s")
        return {
            "workers": HTTP_WORKERS,
            "clients": HTTP_CLIENTS,
            "healthz": http_load(base, "/healthz"),
            "home_page": http_load(base, "/fi/"),
        }
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    database_url = os.environ["DATABASE_URL"]
    result = in_process()
    result["http"] = over_http(database_url)
    sys.stdout.write("\n" + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
