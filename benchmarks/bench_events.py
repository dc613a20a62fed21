"""Events, per database:

1. No seat lost or given twice under load: `perhekeskus serve` (the production server, rate
   limits off) with one event of 20 seats; 200 sign-ups POST /api/v1/events/{id}/signups at once
   (groups of one and of two persons), each with its own Idempotency-Key. Reported: the wall time,
   the answers by status, and what the database then holds: the seats of the attending groups
   must be exactly 20 (the event's count too), every other group on the waiting list, their
   queue numbers one each in the order taken and the positions answered 1, 2, 3 ... Reference in
   the same run, on the same server: 200 concurrent GET /healthz.
2. The listing with 5,000 upcoming events (singles, recurring events' occurrences, forums with
   sessions, 60 places in 12 municipalities over 90 days): in-process p50/p95 of
   `event_list_public` (a page of 20, with and without filters) and of rendering /fi/events/,
   and the HTTP throughput of /api/v1/events next to /healthz on the same server.

Prints one JSON line on stdout (see benchmarks/run.py).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

from benchmarks.bench_bookings import at_once, server_log_counts, start_server, stop_server
from benchmarks.bench_foundation import HTTP_CLIENTS, HTTP_SECONDS, http_load

ATTEMPTS = int(os.environ.get("BENCH_EVENTS_ATTEMPTS", "200"))
SEATS = 20
WORKERS = int(os.environ.get("BENCH_HTTP_WORKERS", "2"))
EVENTS = int(os.environ.get("BENCH_EVENTS_LISTED", "5000"))
RUNS = int(os.environ.get("BENCH_EVENTS_RUNS", "15"))
PLACES = 60
MUNICIPALITIES = 12
DAYS = 90


def setup_django() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


# --- data ---------------------------------------------------------------------------------------


def _organization() -> Any:
    from perhekeskus.catalog.models import Organization, OrganizationType

    return Organization.objects.create(type=OrganizationType.NGO, name="Bench perhekeskus")


def prepare_contended_event(organization: Any) -> Any:
    """One event the day after tomorrow, 10–12 in Finnish time: 20 seats, an unlimited waiting
    list, groups of up to six."""
    from django.utils import timezone

    from perhekeskus.events.models import Event, EventKind, EventStatus, RegistrationMode

    day = timezone.localdate() + dt.timedelta(days=2)
    starts = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
    return Event.objects.create(
        kind=EventKind.SINGLE,
        organization=organization,
        status=EventStatus.PUBLISHED,
        title="Vauvamuskari",
        title_fi="Vauvamuskari",
        title_sv="Babymusik",
        title_en="Baby music",
        starts=starts,
        ends=starts + dt.timedelta(hours=2),
        registration=RegistrationMode.REGISTRATION,
        capacity=SEATS,
        max_group_size=6,
    )


def generate_listing(organization: Any) -> dict[str, int]:
    """5,000 published upcoming events written in bulk: four in five one-off events, the rest
    occurrences of weekly series, and a forum with sessions every two weeks."""
    from django.db import connection
    from django.utils import timezone

    from perhekeskus.catalog.models import Location, Municipality
    from perhekeskus.events.models import Event, EventKind, EventStatus, RegistrationMode

    municipalities = [
        Municipality.objects.get_or_create(
            code=f"{900 + n:03d}", defaults={"name": f"Benchkunta {n}"}
        )[0]
        for n in range(MUNICIPALITIES)
    ]
    places = Location.objects.bulk_create(
        Location(
            organization=organization,
            name=f"Kohtaamispaikka {n}",
            street_address=f"Kylätie {n}",
            postal_code=f"{20100 + n:05d}",
            municipality=municipalities[n % MUNICIPALITIES],
            latitude=60 + n / 100,
            longitude=22 + n / 100,
            is_meeting_place=True,
        )
        for n in range(PLACES)
    )
    today = timezone.localdate()
    series_count = EVENTS // 100  # each with ~20 occurrences below
    common: dict[str, Any] = {
        "organization": organization,
        "status": EventStatus.PUBLISHED,
        "is_free": True,
    }

    def at(n: int, hour: int) -> dt.datetime:
        day = today + dt.timedelta(days=1 + n % DAYS)
        return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))

    series = Event.objects.bulk_create(
        Event(
            kind=EventKind.SERIES,
            title=f"Viikkokerho {n}",
            title_fi=f"Viikkokerho {n}",
            starts=at(n, 9),
            ends=at(n, 9) + dt.timedelta(hours=2),
            location=places[n % PLACES],
            registration=RegistrationMode.REGISTRATION,
            capacity=15,
            **common,
        )
        for n in range(series_count)
    )
    rows: list[Any] = []
    n = 0
    while len(rows) < EVENTS:
        place = places[n % PLACES]
        fields: dict[str, Any] = {
            "title": f"Tapahtuma {n}",
            "title_fi": f"Tapahtuma {n}",
            "title_sv": f"Evenemang {n}",
            "title_en": f"Event {n}",
            "starts": at(n, 9 + n % 8),
            "location": place,
            "min_age": (n % 4) * 2 if n % 3 else None,
            "max_age": (n % 4) * 2 + 3 if n % 3 else None,
            "languages": ",fi,sv," if n % 5 == 0 else ",fi,",
            "tasks": f",{1 + n % 8},",
            "registration": RegistrationMode.DROP_IN
            if n % 4 == 0
            else RegistrationMode.REGISTRATION,
            "capacity": None if n % 4 == 0 else 10 + n % 20,
            "seats_taken": 0 if n % 4 == 0 else (n * 7) % (10 + n % 20),
            **common,
        }
        fields["ends"] = fields["starts"] + dt.timedelta(hours=2)
        if n % 4 == 0:  # a drop-in event
            fields.update(registration=RegistrationMode.DROP_IN, capacity=None, seats_taken=0)
        if n % 5 == 4:
            parent = series[n % series_count]
            fields.update(kind=EventKind.OCCURRENCE, parent=parent, location=parent.location)
        else:
            fields["kind"] = EventKind.SINGLE
        rows.append(Event(**fields))
        n += 1
    Event.objects.bulk_create(rows, batch_size=500)
    forums = Event.objects.bulk_create(
        Event(
            kind=EventKind.UMBRELLA,
            title=f"Perhekeskusfoorumi {k}",
            title_fi=f"Perhekeskusfoorumi {k}",
            is_forum=True,
            starts=at(14 * k, 12),
            ends=at(14 * k, 12) + dt.timedelta(hours=4),
            location=places[k % PLACES],
            **common,
        )
        for k in range(DAYS // 14)
    )
    Event.objects.bulk_create(
        Event(
            kind=EventKind.SESSION,
            parent=forum,
            title=f"Työpaja {s}",
            title_fi=f"Työpaja {s}",
            starts=forum.starts + dt.timedelta(hours=s),
            ends=forum.starts + dt.timedelta(hours=s + 1),
            location=forum.location,
            registration=RegistrationMode.REGISTRATION,
            capacity=25,
            **common,
        )
        for forum in forums
        for s in range(3)
    )
    # The planner's statistics as autovacuum (PostgreSQL) keeps them after a day's writes;
    # without them PostgreSQL joins every row before sorting, as if the table were empty.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "listed": len(rows) + len(forums),
        "series": len(series),
        "places": PLACES,
        "municipalities": MUNICIPALITIES,
    }


# --- 1. Concurrent sign-ups over HTTP -----------------------------------------------------------


def group_size(n: int) -> int:
    return 2 if n % 3 == 0 else 1


def signups_in_database(event_id: uuid.UUID) -> dict[str, Any]:
    from django.db import connection

    from perhekeskus.events.models import Event, Signup, SignupStatus

    connection.close()  # the server wrote them from other processes
    event = Event.objects.get(pk=event_id)
    signups = list(Signup.objects.filter(event_id=event_id).prefetch_related("participants"))
    by_status = Counter(signup.status for signup in signups)
    attending = [s for s in signups if s.status == SignupStatus.ATTENDING]
    waiting = sorted(
        (s for s in signups if s.status == SignupStatus.WAITLISTED), key=lambda s: s.queue_number
    )
    numbers = [s.queue_number for s in waiting]
    return {
        "signups": len(signups),
        "by_status": dict(sorted(by_status.items())),
        "attending_seats": sum(s.seats for s in attending),
        "participants_match_seats": all(s.seats == len(s.participants.all()) for s in signups),
        "event_seats_taken": event.seats_taken,
        "waitlisted_persons": sum(s.seats for s in waiting),
        "event_waitlisted_count": event.waitlisted_count,
        "queue_numbers_unique_in_order": len(set(numbers)) == len(numbers)
        and numbers == sorted(numbers),
    }


def signups_at_once(
    requests: list[urllib.request.Request],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Like `at_once`, but keeping what each sign-up was answered (its status and position):
    every request from its own thread, released together; the wall time is from the release to
    the last answer."""
    from benchmarks.common import percentile

    answers: list[dict[str, Any]] = [{} for _ in requests]
    statuses: list[int] = [0] * len(requests)
    seconds: list[float] = [0.0] * len(requests)
    barrier = threading.Barrier(len(requests) + 1)

    def client(index: int) -> None:
        barrier.wait()
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(requests[index], timeout=60) as response:  # noqa: S310
                statuses[index], body = response.status, response.read()
        except urllib.error.HTTPError as error:
            statuses[index], body = error.code, error.read()
        except OSError:
            body = b"{}"
        seconds[index] = time.perf_counter() - start
        try:
            answers[index] = json.loads(body)
        except ValueError:
            answers[index] = {}

    threads = [threading.Thread(target=client, args=(i,)) for i in range(len(requests))]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    ms = [s * 1000 for s in seconds]
    summary = {
        "requests": len(requests),
        "wall_s": round(wall, 3),
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "statuses": {str(k): v for k, v in sorted(Counter(statuses).items())},
    }
    return summary, answers


def concurrent_signups(port: int, event_id: uuid.UUID) -> dict[str, Any]:
    base = f"http://127.0.0.1:{port}"

    def signup(n: int) -> urllib.request.Request:
        body = {
            "contact": {"name": f"Vanhempi {n}", "email": f"vanhempi{n}@bench.example"},
            "participants": [
                {"name": f"Osallistuja {n}.{k}", "age": None if k == 0 else 3}
                for k in range(group_size(n))
            ],
            "language": "fi",
        }
        return urllib.request.Request(  # noqa: S310  (our own server on loopback)
            base + f"/api/v1/events/{event_id}/signups",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())},
        )

    def get(path: str) -> Callable[[], urllib.request.Request]:
        return lambda: urllib.request.Request(base + path)  # noqa: S310

    server = start_server(port)
    try:
        for path in ("/healthz", "/api/v1/events"):
            urllib.request.urlopen(get(path)(), timeout=60).read()  # noqa: S310
        signups, answers = signups_at_once([signup(n) for n in range(ATTEMPTS)])
        healthz = at_once([get("/healthz") for _ in range(ATTEMPTS)])
        throughput = {
            "seconds": HTTP_SECONDS,
            "clients": HTTP_CLIENTS,
            "healthz": http_load(base, "/healthz"),
            "api_events": http_load(base, "/api/v1/events"),
        }
    finally:
        stop_server(server)
    stored = signups_in_database(event_id)
    positions = sorted(a["position"] for a in answers if a.get("status") == "waitlisted")
    waitlisted = stored["by_status"].get("waitlisted", 0)
    ok = (
        signups["statuses"].get("201", 0) == ATTEMPTS
        and stored["signups"] == ATTEMPTS
        and stored["attending_seats"] == SEATS
        and stored["event_seats_taken"] == SEATS
        and stored["participants_match_seats"]
        and stored["by_status"].get("attending", 0) + waitlisted == ATTEMPTS
        and stored["waitlisted_persons"] == stored["event_waitlisted_count"]
        and stored["queue_numbers_unique_in_order"]
        and positions == list(range(1, waitlisted + 1))
    )
    return {
        "workers": WORKERS,
        "seats": SEATS,
        "signups": signups,
        "answered_positions": {
            "n": len(positions),
            "first": positions[:1],
            "last": positions[-1:],
            "one_each_from_1": positions == list(range(1, waitlisted + 1)),
        },
        "database": stored,
        "reference_healthz": healthz,
        "throughput": throughput,
        "server_log": server_log_counts(),
        "ok": ok,
    }


# --- 2. The listing in-process ------------------------------------------------------------------


def listing_in_process() -> dict[str, Any]:
    from django.test import Client

    from benchmarks.common import summarize_ms, time_calls
    from perhekeskus.events.selectors_public import EventFilters, event_list_public

    def page(filters: EventFilters) -> Callable[[], None]:
        def run() -> None:
            list(event_list_public(filters=filters)[:20])

        return run

    def get(path: str) -> Callable[[], None]:
        client = Client(SERVER_NAME="localhost")

        def run() -> None:
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")

        return run

    total = event_list_public(filters=EventFilters()).count()
    filters = EventFilters(municipality="903", age=3, has_seats=True)
    return {
        "listed": total,
        "selector_page": summarize_ms(time_calls(page(EventFilters()), RUNS, warmup=3)),
        "selector_page_filtered": summarize_ms(time_calls(page(filters), RUNS, warmup=3)),
        "selector_count": summarize_ms(
            time_calls(lambda: event_list_public(filters=EventFilters()).count(), RUNS, warmup=3)
        ),
        "events_page": summarize_ms(time_calls(get("/fi/events/"), RUNS, warmup=3)),
        "events_page_filtered": summarize_ms(
            time_calls(get("/fi/events/?municipality=903&age=3"), RUNS, warmup=3)
        ),
        "api_page": summarize_ms(time_calls(get("/api/v1/events"), RUNS, warmup=3)),
    }


def print_figures(kind: str, r: dict[str, Any]) -> None:
    """The figures as `make bench` prints them (called by benchmarks/run.py)."""
    c = r["concurrent"]
    s, db = c["signups"], c["database"]
    print(f"\n## Events on {kind} ({r['vendor']})")
    print(
        f"  perhekeskus serve ({c['workers']} workers): {s['requests']} concurrent POST "
        f"/api/v1/events/{{id}}/signups (groups of 1–2) for {c['seats']} seats in {s['wall_s']} s "
        f"(p50 {s['p50_ms']} ms, p95 {s['p95_ms']} ms), statuses {s['statuses']}"
    )
    positions = c["answered_positions"]
    print(
        f"  in the database: {db['by_status']}; attending seats {db['attending_seats']} (the "
        f"event's count {db['event_seats_taken']}), waitlisted persons "
        f"{db['waitlisted_persons']} (the event's count {db['event_waitlisted_count']}), queue "
        f"in order {db['queue_numbers_unique_in_order']}; positions answered "
        f"1..{positions['n']} one each {positions['one_each_from_1']} "
        f"-> {'OK' if c['ok'] else 'FAIL'}"
    )
    log = c["server_log"]
    if log["server_errors"]:
        print(
            f"  the server's log: {log['server_errors']} errors, {log['too_many_clients']} "
            f"refused connections, {log['database_locked']} times 'database is locked'"
        )
    f = c["reference_healthz"]
    print(
        f"  reference: {f['requests']} concurrent GET /healthz on the same server in "
        f"{f['wall_s']} s (p50 {f['p50_ms']} ms, p95 {f['p95_ms']} ms), statuses {f['statuses']}"
    )
    t = c["throughput"]
    print(f"  throughput, {t['clients']} clients for {t['seconds']} s each:")
    for key in ("healthz", "api_events"):
        f = t[key]
        print(
            f"    {f['path']:<16} {f['requests_per_s']:>7} req/s   p50 {f['p50_ms']} ms   "
            f"p95 {f['p95_ms']} ms   errors {f['errors']}"
        )
    share = t["api_events"]["requests_per_s"] / max(t["healthz"]["requests_per_s"], 0.1)
    print(f"    /api/v1/events throughput / /healthz: {share:.0%}")
    listing = r["listing"]
    print(
        f"  listing in-process: {listing['listed']} listed events ({listing['series']} series' "
        f"occurrences among them, {listing['places']} places, {listing['municipalities']} "
        f"municipalities; written in {listing['generate_s']} s)"
    )
    for key, label in (
        ("selector_page", "event_list_public, a page of 20"),
        ("selector_page_filtered", "  the same, municipality+age+has_seats"),
        ("selector_count", "  its count"),
        ("events_page", "GET /fi/events/"),
        ("events_page_filtered", "GET /fi/events/?municipality&age"),
        ("api_page", "GET /api/v1/events"),
    ):
        f = listing[key]
        print(f"    {label:<40} p50 {f['p50_ms']:>8} ms   p95 {f['p95_ms']:>8} ms   (n={f['n']})")


def main() -> None:
    from django.db import connection

    from benchmarks.common import free_port

    setup_django()
    organization = _organization()
    event = prepare_contended_event(organization)
    started = time.perf_counter()
    generated: dict[str, Any] = {**generate_listing(organization)}
    generated["generate_s"] = round(time.perf_counter() - started, 2)
    result = {
        "vendor": connection.vendor,
        "concurrent": concurrent_signups(free_port(), event.pk),
        "listing": {**generated, **listing_in_process()},
    }
    sys.stdout.write("\n" + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
