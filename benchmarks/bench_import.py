"""PTV import figures, per database: N generated services (BENCH_IMPORT_SERVICES, default 20 000)
with a phone channel each, a service location per ten services, fi/sv/en texts, classifications
and opening hours, as PTV paging pages in a temporary folder; imported through the code of
`perhekeskus import-ptv`, then imported again (which must change nothing).

Run through `make bench` (benchmarks/run.py); prints one JSON object on stdout.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

SERVICES = int(os.environ.get("BENCH_IMPORT_SERVICES", "20000"))
SERVICES_PER_LOCATION = 10
PAGE_SIZE = 500
ORGANIZATIONS = 20
NAMESPACE = uuid.UUID("6f1d3c2e-8a43-4d1b-9a57-3c2f5e0b1a90")

MUNICIPALITIES = [("018", "Askola"), ("020", "Akaa"), ("091", "Helsinki"), ("853", "Turku")]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def _texts(fi: str, sv: str, en: str, **extra: str) -> list[dict[str, str]]:
    return [
        {"language": lang, "value": value, **extra}
        for lang, value in (("fi", fi), ("sv", sv), ("en", en))
    ]


def _hours() -> list[dict[str, Any]]:
    return [
        {
            "serviceHourType": "DaysOfTheWeek",
            "validForNow": True,
            "isClosed": False,
            "additionalInformation": [],
            "openingHour": [
                {"dayFrom": day, "dayTo": "", "from": "08:00:00", "to": "16:00:00"}
                for day in WEEKDAYS
            ],
        },
        {
            "serviceHourType": "Exceptional",
            "validFrom": "2025-12-05T22:00:00Z",
            "validTo": None,
            "isClosed": True,
            "additionalInformation": _texts("Itsenäisyyspäivä", "Självständighetsdagen", "Ind."),
            "openingHour": [],
        },
    ]


def _term(kind: str, code: str) -> dict[str, Any]:
    return {
        "code": code,
        "uri": f"http://uri.suomi.fi/codelist/ptv/{kind}/code/{code}",
        "name": _texts(f"Luokka {code}", f"Klass {code}", f"Class {code}"),
    }


def _municipality(index: int) -> dict[str, Any]:
    code, name = MUNICIPALITIES[index % len(MUNICIPALITIES)]
    return {"code": code, "name": _texts(name, name, name)}


def _phone(number: str) -> dict[str, Any]:
    return {
        "type": "Phone",
        "prefixNumber": "+358",
        "number": number,
        "isFinnishServiceNumber": False,
        "serviceChargeType": "Chargeable",
        "chargeDescription": "",
        "language": "fi",
    }


def _organization(o: int) -> dict[str, Any]:
    return {
        "id": _id("org", o),
        "organizationType": "Municipality" if o % 2 else "Organization",
        "organizationNames": _texts(
            f"Organisaatio {o}", f"Organisation {o}", f"Org {o}", type="Name"
        ),
        "organizationDescriptions": _texts("Kuvaus", "Beskrivning", "Description", type="Summary"),
        "municipality": _municipality(o),
        "publishingStatus": "Published",
    }


def _service(s: int, rng: random.Random) -> dict[str, Any]:
    org = s % ORGANIZATIONS
    return {
        "id": _id("service", s),
        "type": "Service",
        "serviceNames": _texts(
            f"Perhepalvelu {s}", f"Familjetjänst {s}", f"Family service {s}", type="Name"
        ),
        "serviceDescriptions": [
            *_texts("Lyhyt kuvaus.", "Kort beskrivning.", "Short description.", type="Summary"),
            *_texts(
                "Palvelu tukee perheitä arjessa. " * 8,
                "Tjänsten stöder familjer i vardagen. " * 8,
                "The service supports families in everyday life. " * 8,
                type="Description",
            ),
            *_texts("Soita ensin.", "Ring först.", "Call first.", type="UserInstruction"),
        ],
        "serviceChargeType": "FreeOfCharge",
        "areaType": "LimitedType",
        "areas": [{"type": "Municipality", **_municipality(s)}],
        "languages": ["fi", "sv", "en"],
        "keywords": _texts("neuvola", "rådgivning", "clinic"),
        "requirements": _texts("Lapsiperheet.", "Barnfamiljer.", "Families with children."),
        "serviceClasses": [_term("ptvserclass2", f"P{rng.randint(1, 30)}")],
        "targetGroups": [_term("ptvkohderyhmat", f"KR{rng.randint(1, 5)}")],
        "lifeEvents": [_term("ptvelamantilanteet", f"KE{rng.randint(1, 10)}")],
        "ontologyTerms": [_term("koko", f"p{rng.randint(1, 200)}")],
        "organizations": [
            {
                "organization": {"id": _id("org", org), "name": f"Org {org}"},
                "roleType": "Responsible",
            }
        ],
        "serviceChannels": [
            {"serviceChannel": {"id": _id("phone", s)}},
            {"serviceChannel": {"id": _id("location", s // SERVICES_PER_LOCATION)}},
        ],
        "publishingStatus": "Published",
    }


def _phone_channel(s: int) -> dict[str, Any]:
    return {
        "id": _id("phone", s),
        "serviceChannelType": "Phone",
        "organizationId": _id("org", s % ORGANIZATIONS),
        "serviceChannelNames": _texts("Ajanvaraus", "Tidsbokning", "Appointments", type="Name"),
        "serviceChannelDescriptions": _texts("Soita.", "Ring.", "Call.", type="Summary"),
        "phoneNumbers": [_phone(f"40 {s:07d}")],
        "languages": ["fi", "sv"],
        "serviceHours": _hours(),
        "services": [{"service": {"id": _id("service", s)}}],
        "publishingStatus": "Published",
    }


def _location_channel(loc: int, rng: random.Random) -> dict[str, Any]:
    first = loc * SERVICES_PER_LOCATION
    services = range(first, min(first + SERVICES_PER_LOCATION, SERVICES))
    return {
        "id": _id("location", loc),
        "serviceChannelType": "ServiceLocation",
        "organizationId": _id("org", first % ORGANIZATIONS),
        "serviceChannelNames": _texts(
            f"Perhekeskus {loc}", f"Familjecenter {loc}", f"Family center {loc}", type="Name"
        ),
        "serviceChannelDescriptions": _texts("Talo.", "Hus.", "House.", type="Description"),
        "phoneNumbers": [_phone(f"9 {loc:07d}")],
        "emails": [{"value": f"perhekeskus{loc}@example.org", "language": "fi"}],
        "webPages": [{"url": f"https://example.org/{loc}", "value": "Kotisivu", "language": "fi"}],
        "addresses": [
            {
                "type": "Location",
                "subType": "Single",
                "streetAddress": {
                    "street": _texts("Koulutie", "Skolvägen", "Koulutie"),
                    "streetNumber": str(loc % 100 + 1),
                    "postalCode": "07500",
                    "postOffice": _texts("Askola", "Askola", "Askola"),
                    "municipality": _municipality(loc),
                    "latitude": f"{rng.uniform(6_650_000, 7_000_000):.3f}",
                    "longitude": f"{rng.uniform(250_000, 650_000):.3f}",
                    "coordinateState": "Ok",
                },
            }
        ],
        "serviceHours": _hours(),
        "services": [{"service": {"id": _id("service", s)}} for s in services],
        "publishingStatus": "Published",
    }


def _write_pages(folder: Path, name: str, items: list[dict[str, Any]]) -> int:
    pages = max(1, -(-len(items) // PAGE_SIZE))
    for page in range(pages):
        chunk = items[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        data = {
            "pageNumber": page + 1,
            "pageSize": PAGE_SIZE,
            "pageCount": pages,
            "itemList": chunk,
        }
        (folder / f"{name}-{page + 1:04d}.json").write_text(json.dumps(data, ensure_ascii=False))
    return pages


def generate(folder: Path) -> dict[str, int]:
    rng = random.Random(20250101)  # noqa: S311 - reproducible test data, not secrets
    files = _write_pages(folder, "organizations", [_organization(o) for o in range(ORGANIZATIONS)])
    files += _write_pages(folder, "services", [_service(s, rng) for s in range(SERVICES)])
    files += _write_pages(folder, "phones", [_phone_channel(s) for s in range(SERVICES)])
    locations = -(-SERVICES // SERVICES_PER_LOCATION)
    files += _write_pages(
        folder, "locations", [_location_channel(loc, rng) for loc in range(locations)]
    )
    return {"files": files, "locations": locations, "phone_channels": SERVICES}


def _reset_peak_rss() -> bool:
    """Linux lets a process reset its resident-set high-water mark."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def import_once(
    folder: Path, *, only: str = "", prune: bool = False, dry_run: bool = False
) -> dict[str, Any]:
    """The import as `import-ptv` does it (channels kept from earlier runs read too); `only`:
    the files whose names start so (e.g. "services": the services without their channels)."""
    from perhekeskus.catalog.importers.ptv import ptv_files, ptv_import, ptv_parse
    from perhekeskus.catalog.importers.writer import batch as writer_batch

    # How much of the writing is the search index (the catalogue's listeners), measured apart.
    listeners = writer_batch.services_changed
    index_s = 0.0

    def timed_listeners(**kwargs: Any) -> None:
        nonlocal index_s
        started = time.perf_counter()
        listeners(**kwargs)
        index_s += time.perf_counter() - started

    writer_batch.services_changed = timed_listeners  # type: ignore[assignment]
    files = [p for p in ptv_files([folder]) if p.name.startswith(only)]
    cpu_start = time.process_time()
    start = time.perf_counter()
    parsed = ptv_parse(files=files, pending=True)
    parsed_at = time.perf_counter()
    try:
        result = ptv_import(parsed=parsed, prune=prune, dry_run=dry_run)
    finally:
        writer_batch.services_changed = listeners  # type: ignore[assignment]
    done = time.perf_counter()
    summary = result.summary
    return {
        "parse_s": round(parsed_at - start, 2),
        "write_s": round(done - parsed_at, 2),
        "index_s": round(index_s, 2),
        "total_s": round(done - start, 2),
        # On a busy machine wall time includes waiting for a CPU; this is the work itself.
        "cpu_s": round(time.process_time() - cpu_start, 2),
        "services_per_s": round(SERVICES / (done - start)),
        "services": vars(summary.services),
        "locations": vars(summary.locations),
        "skipped": len(summary.skipped),
        "notes": len(result.notes),
        "kept": sum(summary.kept.values()),
        "removed": sum(summary.removed.values()),
    }


def raw_insert_reference(count: int) -> dict[str, Any]:
    """The floor under the import on this database: `count` services and as many phone channels
    inserted with `bulk_create` and nothing else (no reading, comparing, validating, versions,
    audit or search index), rolled back."""
    from django.db import transaction

    from perhekeskus.catalog.models import ContactChannel, Organization, Service

    organization = Organization.objects.first()
    start = time.perf_counter()
    with transaction.atomic():
        services = [
            Service(
                id=uuid.uuid4(),
                organization=organization,
                name_fi=f"Palvelu {n}",
                name_sv=f"Tjänst {n}",
                name_en=f"Service {n}",
                description_fi="Kuvaus. " * 20,
            )
            for n in range(count)
        ]
        Service.objects.bulk_create(services, batch_size=500)
        ContactChannel.objects.bulk_create(
            [
                ContactChannel(service=service, kind="phone", value=f"+358 40 {n:07d}")
                for n, service in enumerate(services)
            ],
            batch_size=500,
        )
        transaction.set_rollback(True)
    return {"total_s": round(time.perf_counter() - start, 2)}


def main() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from perhekeskus.catalog.models import ContactChannel, Schedule, Service

    call_command("migrate", verbosity=0, interactive=False)
    with tempfile.TemporaryDirectory(prefix="perhekeskus-ptv-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        # In a child process, so that the memory the generator used is not counted as ours.
        with multiprocessing.get_context("fork").Pool(1) as pool:
            generated = pool.apply(generate, (folder,))
        generate_s = time.perf_counter() - start
        size_mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        rss_before = _peak_rss_mb()
        peak_reset = _reset_peak_rss()
        first = import_once(folder)
        first_peak = _peak_rss_mb()
        _reset_peak_rss()
        again = import_once(folder)
        again_peak = _peak_rss_mb()
        # The services delivered alone (as the PTV API lists them): their channels stay.
        services_alone = import_once(folder, only="services")
        prune_dry_run = import_once(folder, only="services", prune=True, dry_run=True)
        raw = raw_insert_reference(SERVICES)
    result = {
        "vendor": connection.vendor,
        "services": SERVICES,
        **generated,
        "json_mb": round(size_mb, 1),
        "generate_s": round(generate_s, 2),
        "rss_before_mb": rss_before,
        "peak_rss_is_per_import": peak_reset,
        "first": {**first, "peak_rss_mb": first_peak},
        "again": {**again, "peak_rss_mb": again_peak},
        "services_alone": services_alone,
        "prune_dry_run": prune_dry_run,
        "raw_insert": raw,
        "rows": {
            "services": Service.objects.count(),
            "channels": ContactChannel.objects.count(),
            "schedules": Schedule.objects.count(),
        },
    }
    sys.stdout.write("\n" + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
