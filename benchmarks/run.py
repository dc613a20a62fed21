"""`make bench`: every benchmark on SQLite and, where it is reachable, on PostgreSQL.

Each benchmark runs in its own process per database (Django settings are per process) and
prints JSON; this script prints the figures as a table. Nothing here asserts on time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import postgres_available, scratch_database  # noqa: E402

BENCHMARKS = ["bench_foundation"]


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


def main() -> None:
    kinds = ["sqlite"] + (["postgresql"] if postgres_available() else [])
    if "postgresql" not in kinds:
        print("PostgreSQL not reachable (BENCH_PG_ADMIN_URL): SQLite only.")
    for kind in kinds:
        print_foundation(kind, run_one("bench_foundation", kind))


if __name__ == "__main__":
    main()
