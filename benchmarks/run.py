"""`make bench`: every benchmark on SQLite and, where it is reachable, on PostgreSQL.

Each benchmark runs in its own process per database (Django settings are per process) and
prints JSON; this script prints the figures as a table. Nothing here asserts on time.
`python benchmarks/run.py bench_import` runs only the benchmarks named.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import postgres_available, scratch_database  # noqa: E402

BENCHMARKS = [
    "bench_foundation",
    "bench_import",
    "bench_search",
    "bench_intake",
    "bench_editor",
    "bench_bookings",
    "bench_reminders",
    "bench_events",
    "bench_families",
]


def run_one(name: str, kind: str) -> dict[str, object]:
    with scratch_database(kind) as url:
        env = dict(os.environ)
        env.update(
            {
                "DATABASE_URL": url,
                "DJANGO_SETTINGS_MODULE": "perhekeskus.config.settings.dev",
                "DEBUG": "false",
                "PYTHONPATH": str(ROOT),
                "LOG_LEVEL": "WARNING",
            }
        )
        if kind == "sqlite":
            env.pop("REDIS_URL", None)
        else:
            env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-m", f"benchmarks.{name}"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        raise SystemExit(f"{name} on {kind} failed:\n{result.stderr[-4000:]}")
    # The last line is the result; anything before it is what the commands said on the way.
    return json.loads(result.stdout.strip().splitlines()[-1])


def print_foundation(kind: str, r: dict) -> None:  # type: ignore[type-arg]
    print(f"\n## Foundation on {kind} ({r['vendor']})")
    for key in ("home_page", "login_page"):
        f = r[key]
        print(f"  in-process GET {key:<11} p50 {f['p50_ms']:>7} ms   p95 {f['p95_ms']:>7} ms")
    print(f"  audit log appends          {r['audit_appends_per_s']:>7} /s")
    http = r["http"]
    print(f"  perhekeskus serve: {http['workers']} workers, {http['clients']} concurrent clients")
    for key in ("healthz", "home_page"):
        f = http[key]
        print(
            f"    {f['path']:<10} {f['requests_per_s']:>8} req/s   p50 {f['p50_ms']} ms"
            f"   p95 {f['p95_ms']} ms   errors {f['errors']}"
        )


def print_import(kind: str, r: dict[str, Any]) -> None:
    print(f"\n## PTV import on {kind} ({r['vendor']})")
    print(
        f"  {r['services']} services, {r['phone_channels']} phone channels, "
        f"{r['locations']} service locations: {r['files']} JSON pages, {r['json_mb']} MB"
    )
    print(f"  process before import        {r['rss_before_mb']:>8} MB resident")
    for key, label in (("first", "first import"), ("again", "same again")):
        f = r[key]
        print(
            f"  {label:<14} {f['total_s']:>7} s ({f['parse_s']} s reading, {f['write_s']} s "
            f"writing of which {f.get('index_s', '?')} s the search index, {f['cpu_s']} s CPU)  "
            f"{f['services_per_s']:>6} services/s  "
            f"peak {f['peak_rss_mb']} MB"
        )
        s = f["services"]
        print(
            f"  {'':<14} services {s['created']} created, {s['updated']} updated, "
            f"{s['unchanged']} unchanged; {f['skipped']} skipped"
        )
    rows = r["rows"]
    print(
        f"  rows: {rows['services']} services, {rows['channels']} channels, "
        f"{rows['schedules']} opening-hour rows"
    )
    if "services_alone" in r:
        alone, dry, raw = r["services_alone"], r["prune_dry_run"], r["raw_insert"]
        print(
            f"  services alone {alone['total_s']:>7} s: {alone['services']['unchanged']} "
            f"unchanged, {alone['kept']} places/channels kept (--prune --dry-run: "
            f"{dry['total_s']} s, {dry['removed']} would go)"
        )
        print(
            f"  reference: bulk_create of {r['services']} services and as many channels "
            f"alone {raw['total_s']} s (first import {r['first']['total_s']} s, limit 60 s)"
        )


def print_search(kind: str, r: dict[str, Any]) -> None:
    print(f"\n## Search on {kind} ({r['vendor']})")
    print(
        f"  {r['services']} services, {r['documents']} documents (fi/sv/en), Finnish with "
        f"{r['analysis']}: generated in {r['generate_s']} s, indexed in {r['index_s']} s"
    )
    s = r["search"]
    print(
        f"  search_services in-process, {r['queries']} queries x {s['n'] // r['queries']}, "
        f"every search computed: p50 {s['p50_ms']} ms   p95 {s['p95_ms']} ms   "
        f"mean {s['mean_ms']} ms"
    )
    for ms, query in r["slowest"]:
        print(f"    slowest {ms:>7} ms  {query}")
    c = r["search_cached"]
    print(
        f"  the same searches again from the result cache: p50 {c['p50_ms']} ms   "
        f"p95 {c['p95_ms']} ms"
    )
    for key in ("http", "http_cached"):
        http = r[key]
        print(
            f"  perhekeskus serve: {http['workers']} workers, {http['clients']} concurrent "
            f"clients, search result cache {http['result_cache']}"
        )
        for name in ("healthz", "api_search"):
            f = http[name]
            print(
                f"    {f['example'][:48]:<48} {f['requests_per_s']:>8} req/s   p50 {f['p50_ms']} "
                f"ms   p95 {f['p95_ms']} ms   errors {f['errors']}"
            )
        applied = "" if http["api_applies_search"] else " (the API does not search)"
        print(f"    search throughput / trivial endpoint: {http['search_share']:.0%}{applied}")


def print_intake(kind: str, r: dict[str, Any]) -> None:
    t = r["throughput"]
    d = r["durability"]
    print(f"\n## Ask for help over HTTP on {kind}")
    print(
        f"  POST /api/v1/help-requests: {t['requests_per_s']} req/s, p50 {t['p50_ms']} ms, "
        f"p95 {t['p95_ms']} ms ({t['clients']} clients, {t['workers']} workers, "
        f"statuses {t['statuses']})"
    )
    print(
        f"  SIGKILL durability: {d['acknowledged_before_kill']} acknowledged before the kill, "
        f"{d['lost']} lost, {d['duplicated']} duplicated; retrying all {d['attempted']} keys "
        f"after restart stored {d['stored_after_retrying_every_key']} "
        f"(exactly once per key: {d['exactly_once_per_key']}) -> {'OK' if d['ok'] else 'FAIL'}"
    )


def print_editor(kind: str, r: dict[str, Any]) -> None:
    s = r["service"]
    print(
        f"\n## Catalogue editor on {kind}: the busiest demo service (channels: "
        f"{s['channels']}, places: {s['places']}; limit 300 ms)"
    )
    for key, label in (
        ("change_form_get", "change form GET "),
        ("change_form_post", "change form POST"),
        ("public_service_card", "reference: family's card GET"),
    ):
        f = r[key]
        print(f"  {label:<28} median {f['p50_ms']:>7} ms   p95 {f['p95_ms']:>7} ms   (n={f['n']})")


def print_bookings(kind: str, r: dict[str, Any]) -> None:
    c = r["concurrent"]
    b, db = c["bookings"], c["database"]
    print(f"\n## Appointments on {kind} ({r['vendor']})")
    print(
        f"  perhekeskus serve ({c['workers']} workers): {b['requests']} concurrent POST "
        f"/api/v1/bookings on {c['slots']} slots in {b['wall_s']} s (p50 {b['p50_ms']} ms, "
        f"p95 {b['p95_ms']} ms), statuses {b['statuses']}"
    )
    print(
        f"  in the database: {db['bookings']} bookings on {db['slots_booked']} slots, "
        f"{db['slots_booked_twice']} slots booked twice -> {'OK' if c['ok'] else 'FAIL'}"
    )
    log = c["server_log"]
    if log["server_errors"]:
        print(
            f"  the server's log, bookings and references together: {log['server_errors']} "
            f"errors; {log['too_many_clients']} times the database refused a connection (too "
            f"many clients: a connection per request thread, ADR 0007), "
            f"{log['database_locked']} times 'database is locked'"
        )
    for key, path in (
        ("reference_appointment_types", "GET /api/v1/appointment-types"),
        ("reference_healthz", "GET /healthz"),
    ):
        f = c[key]
        print(
            f"  reference: {f['requests']} concurrent {path:<30} in {f['wall_s']} s "
            f"(p50 {f['p50_ms']} ms, p95 {f['p95_ms']} ms), statuses {f['statuses']}"
        )
    s = r["search"]
    print(
        f"  free_slots over {s['weeks']} weeks ({s['bookings']} bookings among them), "
        f"{s['fifty']['n']} runs:"
    )
    for key, label in (("fifty", f"{s['professionals']} professionals"), ("one", "1 professional")):
        f = s[key]
        print(
            f"    {label:<16} p50 {f['p50_ms']:>8} ms   p95 {f['p95_ms']:>8} ms   "
            f"({f['free_slots']} free slots)"
        )


def print_reminders(kind: str, r: dict[str, Any]) -> None:
    k, ref = r["killed_after"], r["reference_outbox_writes"]
    print(f"\n## Reminders on {kind} ({r['vendor']})")
    print(
        f"  {r['reminders']} due reminders, one perhekeskus worker killed (SIGKILL) after "
        f"{k['s']} s with {k['reminded']} done, restarted: all reminded in "
        f"{r['all_reminded_s']} s ({r['reminders_per_s']} /s), all e-mails sent in "
        f"{r['all_sent_s']} s"
    )
    print(
        f"  outbox rows per booking {r['outbox_rows_per_booking']} (sent {r['sent']}) -> "
        f"{'OK: none twice, none lost' if r['ok'] else 'FAIL'}"
    )
    print(
        f"  reference: {r['reminders']} plain outbox writes, one transaction each, "
        f"{ref['total_s']} s ({ref['per_s']} /s)"
    )


def print_events(kind: str, r: dict[str, Any]) -> None:
    from benchmarks.bench_events import print_figures

    print_figures(kind, r)


def print_families(kind: str, r: dict[str, Any]) -> None:
    from benchmarks.bench_families import print_figures

    print_figures(kind, r)


def print_danger() -> None:
    # Pure Python and no database: measured once, in this process.
    from perhekeskus.core.danger_eval import report_lines

    print("\n## Danger recognition on the labelled set (core/danger_eval)")
    for line in report_lines():
        print(f"  {line}")


# Benchmarks that need no database run once, after the others.
WITHOUT_DATABASE = {"bench_danger": print_danger}

PRINTERS = {
    "bench_foundation": print_foundation,
    "bench_import": print_import,
    "bench_search": print_search,
    "bench_intake": print_intake,
    "bench_editor": print_editor,
    "bench_bookings": print_bookings,
    "bench_reminders": print_reminders,
    "bench_events": print_events,
    "bench_families": print_families,
}


def main() -> None:
    # `python benchmarks/run.py bench_import` runs just that one.
    names = sys.argv[1:] or [*BENCHMARKS, *WITHOUT_DATABASE]
    known = [*BENCHMARKS, *WITHOUT_DATABASE]
    unknown = [name for name in names if name not in known]
    if unknown:
        raise SystemExit(f"Unknown benchmark(s): {', '.join(unknown)}; known: {known}")
    kinds = ["sqlite"] + (["postgresql"] if postgres_available() else [])
    if "postgresql" not in kinds:
        print("PostgreSQL not reachable (BENCH_PG_ADMIN_URL): SQLite only.")
    for name in names:
        if name in BENCHMARKS:
            for kind in kinds:
                PRINTERS[name](kind, run_one(name, kind))
    for name in names:
        if name in WITHOUT_DATABASE:
            WITHOUT_DATABASE[name]()


if __name__ == "__main__":
    main()
