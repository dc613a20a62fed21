"""Family coordination's consent gate, per database: what checking the consent and logging
every read costs a professional's pages.

10,000 open families (two guardians and two children each, encrypted as the app stores them)
with 3 consents and 4 team members each, written in bulk. The reader measured first is a school
social worker on the team of 2,000 of them (`BENCH_FAMILIES_SHARE`), whose organisation one
consent of each of those families names (for every category but notes), so that each read
rests on a consent: the gate's dearest basis. A responsible worker of 1,000 of them is measured
too. Each family also has a consent for two other organisations and an expired one.

Measured, in-process, as p50/p95 over paired runs (each run gated, then the same call with the
gate switched off, `access._bench_ungated`, in this process only):

- the professional's family list, a page of 50: the page `families:list` where it exists, else
  `selectors.family_list`; every row's read logged;
- one family's page (with a plan, meetings, notes and referrals): `families:detail` where it
  exists, else `selectors.access_family` with every category and each section's selector;
  each granted category's read logged;
- the API's `GET /api/v1/families` and `GET /api/v1/families/{id}`.

Each call is also timed with the checks but without the access-log write (`access.log_reads`
replaced by a no-op in this process), so the figure splits into what the checks cost and what
logging costs. The overhead is (gated p50 - ungated p50) / ungated p50. Prints one JSON line
(benchmarks/run.py).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
import uuid
from collections.abc import Callable
from typing import Any

FAMILIES = int(os.environ.get("BENCH_FAMILIES", "10000"))
RUNS = int(os.environ.get("BENCH_FAMILIES_RUNS", "40"))
WARMUP = 5
TEAM_POOL = 30
# The responsible worker has one family in SHARE, the school social worker is on the team of
# two in SHARE (a thousand and two thousand families of the 10,000).
SHARE = int(os.environ.get("BENCH_FAMILIES_SHARE", "10"))
BATCH = 1000


def setup_django() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


# --- data ---------------------------------------------------------------------------------------


def generate() -> dict[str, Any]:
    """The families, written in bulk; returns the readers and the family measured."""
    from django.db import connection, transaction
    from django.utils import timezone

    from perhekeskus.catalog.models import Municipality, Organization, OrganizationType
    from perhekeskus.core.roles import Role
    from perhekeskus.families.identity import email_digest, name_digest
    from perhekeskus.families.models import (
        Child,
        Consent,
        ConsentPurpose,
        DataCategory,
        Family,
        Guardian,
        TeamMember,
        TeamRole,
    )
    from perhekeskus.testing.factories import UserFactory

    today = timezone.localdate()
    now = timezone.now()
    municipalities = [
        Municipality.objects.get_or_create(code=f"{950 + n:03d}", defaults={"name": f"Kunta {n}"})[
            0
        ]
        for n in range(8)
    ]

    def org(name: str) -> Any:
        return Organization.objects.create(type=OrganizationType.MUNICIPALITY, name=name)

    county, school, ngo, health, parish = (
        org("Hyvinvointialue"),
        org("Koulu"),
        org("Järjestö"),
        org("Terveyspalvelut"),
        org("Seurakunta"),
    )
    worker = UserFactory.create(
        email="vastuutyontekija@bench.example", organization=county, roles=[Role.PROFESSIONAL]
    )
    reader = UserFactory.create(
        email="kuraattori@bench.example", organization=school, roles=[Role.PROFESSIONAL]
    )
    others = [ngo, health, parish, county]
    pool = [
        UserFactory.create(
            email=f"tiimi{n}@bench.example",
            organization=others[n % len(others)],
            roles=[Role.PROFESSIONAL],
        )
        for n in range(TEAM_POOL)
    ]
    covered = [c for c in DataCategory.values if c != DataCategory.NOTES]
    roles = [
        TeamRole.FAMILY_WORKER,
        TeamRole.PSYCHOLOGIST,
        TeamRole.VOLUNTEER_COORDINATOR,
        TeamRole.PUBLIC_HEALTH_NURSE,
    ]
    Through = Consent.recipients.through
    started = time.perf_counter()
    for start in range(0, FAMILIES, BATCH):
        with transaction.atomic():
            families = Family.objects.bulk_create(
                Family(
                    name=f"Perhe {n}",
                    name_digest=name_digest(f"Perhe {n}"),
                    municipality=municipalities[n % len(municipalities)],
                    organization=county,
                    responsible=worker if n % SHARE == 0 else pool[n % TEAM_POOL],
                    opened_by=worker,
                    opened_at=now - dt.timedelta(minutes=n),
                )
                for n in range(start, min(start + BATCH, FAMILIES))
            )
            Guardian.objects.bulk_create(
                Guardian(
                    family=family,
                    name=f"Huoltaja {g} {family.name}",
                    address=f"Kylätie {g}, 07500 Askola",
                    email=f"huoltaja{g}.{family.pk.hex[:8]}@bench.example",
                    email_digest=email_digest(f"huoltaja{g}.{family.pk.hex[:8]}@bench.example"),
                    phone="040 123 4567",
                )
                for family in families
                for g in (1, 2)
            )
            Child.objects.bulk_create(
                Child(
                    family=family,
                    name=f"Lapsi {c} {family.name}",
                    birth_date=dt.date(2014 + c * 3, 5, 1),
                    birth_year=2014 + c * 3,
                    address="Kylätie 1, 07500 Askola",
                )
                for family in families
                for c in (1, 2)
            )
            members = []
            for index, family in enumerate(families):
                on_team = (start + index) % SHARE in (0, SHARE // 2)
                if on_team:
                    members.append(
                        TeamMember(
                            family=family,
                            user=reader,
                            organization=school,
                            role=TeamRole.SCHOOL_SOCIAL_WORKER,
                        )
                    )
                for k in range(3 if on_team else 4):
                    user = pool[(start + index + k * 7) % TEAM_POOL]
                    members.append(
                        TeamMember(
                            family=family,
                            user=user,
                            organization=user.organization,
                            role=roles[k],
                        )
                    )
            TeamMember.objects.bulk_create(members)
            consents = []
            for family in families:
                consents += [
                    # In force, naming the reader's school: every category but notes.
                    Consent(
                        family=family,
                        purpose=ConsentPurpose.COORDINATION,
                        categories=covered,
                        valid_from=today - dt.timedelta(days=30),
                        valid_until=today + dt.timedelta(days=335),
                        is_complete=True,
                        requires_all_custodians=True,
                    ),
                    # In force, for the NGO and the parish: the plan.
                    Consent(
                        family=family,
                        purpose=ConsentPurpose.REFERRAL,
                        categories=[DataCategory.BASIC, DataCategory.PLAN],
                        valid_from=today - dt.timedelta(days=30),
                        valid_until=today + dt.timedelta(days=60),
                        is_complete=True,
                    ),
                    # Expired, for health services.
                    Consent(
                        family=family,
                        purpose=ConsentPurpose.HEALTH,
                        categories=[DataCategory.BASIC, DataCategory.CONTACT],
                        valid_from=today - dt.timedelta(days=400),
                        valid_until=today - dt.timedelta(days=35),
                        is_complete=True,
                    ),
                ]
            consents = Consent.objects.bulk_create(consents)
            links = []
            for n, consent in enumerate(consents):
                # The school is named where it works with the family: on the families whose
                # team its social worker is on.
                with_school = (start + n // 3) % SHARE in (0, SHARE // 2)
                first = [county, school] if with_school else [county]
                recipients = [first, [ngo, parish], [health]][n % 3]
                links += [Through(consent=consent, organization=o) for o in recipients]
            Through.objects.bulk_create(links)
    generate_s = time.perf_counter() - started
    measured = Family.objects.order_by("-opened_at", "pk").first()
    assert measured is not None
    fill_family(measured, worker, reader, school)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "worker": worker,
        "reader": reader,
        "family": measured,
        "figures": {
            "families": FAMILIES,
            "consents": Consent.objects.count(),
            "team_members": TeamMember.objects.count(),
            "generate_s": round(generate_s, 2),
        },
    }


def fill_family(family: Any, worker: Any, reader: Any, school: Any) -> None:
    """The measured family's page has something in every section."""
    from django.utils import timezone

    from perhekeskus.families.models import (
        Consent,
        NetworkMeeting,
        Note,
        PlanAction,
        PlanVersion,
        Referral,
        ReferralStatus,
        SupportPlan,
    )

    now = timezone.now()
    plan = SupportPlan.objects.create(family=family, goals="Arki sujuu ja lapset käyvät kerhossa")
    meetings = [
        NetworkMeeting.objects.create(
            family=family,
            starts_at=now + dt.timedelta(days=14 * (n - 1)),
            place="Perhekeskus",
            minutes="Sovittiin tuesta" if n < 1 else "",
            created_by=worker,
        )
        for n in range(3)
    ]
    for meeting in meetings:
        meeting.guardians.set(family.guardians.all())
        meeting.professionals.set([worker, reader])
    for n in range(6):
        PlanAction.objects.create(
            plan=plan,
            text=f"Tehtävä {n}",
            assignee=reader if n % 2 else worker,
            due_on=now.date() + dt.timedelta(days=7 * n),
            meeting=meetings[0] if n < 2 else None,
        )
    for n in range(1, 4):
        PlanVersion.objects.create(plan=plan, number=n, snapshot='{"goals": "Arki sujuu"}')
    for n in range(12):
        Note.objects.create(family=family, author=worker, text=f"Muistiinpano {n}")
    consent = Consent.objects.filter(family=family, recipients=school).first()
    assert consent is not None
    for status in (ReferralStatus.SENT, ReferralStatus.ACCEPTED):
        Referral.objects.create(
            family=family,
            from_organization=worker.organization,
            to_organization=school,
            categories=["basic", "plan"],
            consent=consent,
            message="Lähete",
            status=status,
            sent_by=worker,
        )


# --- measuring ----------------------------------------------------------------------------------


def _resolves(name: str, **kwargs: Any) -> str | None:
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    try:
        with translation.override("fi"):
            return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def _get(client: Any, path: str) -> Callable[[], None]:
    def run() -> None:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")

    return run


def list_call(actor: Any) -> tuple[str, Callable[[], None]]:
    from django.test import Client

    path = _resolves("families:list")
    if path is not None:
        client = Client(SERVER_NAME="localhost")
        client.force_login(actor)
        return f"GET {path}", _get(client, path)
    from perhekeskus.families import selectors

    def run() -> None:
        page = selectors.family_list(actor=actor)
        assert len(page.object_list) == selectors.PAGE_SIZE

    return "selectors.family_list (the page is not there yet)", run


def family_call(actor: Any, family_id: uuid.UUID) -> tuple[str, Callable[[], None]]:
    from django.test import Client

    path = _resolves("families:detail", family_id=family_id)
    if path is not None:
        client = Client(SERVER_NAME="localhost")
        client.force_login(actor)
        return f"GET {path.replace(str(family_id), '<id>')}", _get(client, path)
    from perhekeskus.families import access, selectors, selectors_plan, selectors_referrals
    from perhekeskus.families.models import DataCategory

    def run() -> None:
        fa = selectors.access_family(
            actor=actor, family_id=family_id, categories=access.ALL_CATEGORIES
        )
        selectors.family_children(fa)
        selectors.family_guardians(fa)
        selectors.family_team(fa)
        if fa.can(DataCategory.CONTACT):
            selectors.contact_details(fa)
        if fa.can(DataCategory.PLAN):
            selectors_plan.support_plan(fa)
            selectors_plan.plan_actions(fa)
        if fa.can(DataCategory.MEETINGS):
            selectors_plan.family_meetings(fa)
        if fa.can(DataCategory.NOTES):
            selectors_plan.family_notes(fa)
        if fa.can(DataCategory.REFERRALS):
            selectors_referrals.referrals_of_family(fa)

    return "access_family + section selectors (the page is not there yet)", run


def api_call(actor: Any, path: str) -> Callable[[], None]:
    from django.test import Client

    client = Client(SERVER_NAME="localhost")
    client.force_login(actor)
    return _get(client, path)


def paired(call: Callable[[], None]) -> dict[str, Any]:
    """Each run three times in a row: gated; gated but with the access-log write left out (what
    the checks alone cost); and with the gate off. All three see the same caches."""
    from benchmarks.common import summarize_ms
    from perhekeskus.families import access

    log_reads = access.log_reads
    samples: dict[str, list[float]] = {"gated": [], "checks_only": [], "ungated": []}
    for index in range(WARMUP + RUNS):
        for mode, times in samples.items():
            access._bench_ungated = mode == "ungated"
            if mode == "checks_only":
                access.log_reads = lambda *args, **kwargs: None
            try:
                start = time.perf_counter()
                call()
                elapsed = time.perf_counter() - start
            finally:
                access._bench_ungated = False
                access.log_reads = log_reads
            if index >= WARMUP:
                times.append(elapsed)
    figures: dict[str, Any] = {mode: summarize_ms(times) for mode, times in samples.items()}
    base = figures["ungated"]
    for mode in ("gated", "checks_only"):
        for pct in ("p50", "p95"):
            value, reference = figures[mode][f"{pct}_ms"], base[f"{pct}_ms"]
            figures[f"{mode}_overhead_{pct}_pct"] = round(100 * (value - reference) / reference, 1)
    return figures


def measure(actor: Any, family_id: uuid.UUID) -> dict[str, Any]:
    from perhekeskus.families.models import AccessLogEntry

    before = AccessLogEntry.objects.count()
    list_label, list_run = list_call(actor)
    page_label, page_run = family_call(actor, family_id)
    result: dict[str, Any] = {
        "list": {"what": list_label, **paired(list_run)},
        "family": {"what": page_label, **paired(page_run)},
        "api_list": {"what": "GET /api/v1/families", **paired(api_call(actor, "/api/v1/families"))},
        "api_family": {
            "what": "GET /api/v1/families/<id>",
            **paired(api_call(actor, f"/api/v1/families/{family_id}")),
        },
    }
    result["log_rows_written"] = AccessLogEntry.objects.count() - before
    return result


def print_figures(kind: str, r: dict[str, Any]) -> None:
    """The figures as `make bench` prints them (called by benchmarks/run.py)."""
    f = r["figures"]
    print(f"\n## Family coordination's consent gate on {kind} ({r['vendor']})")
    print(
        f"  {f['families']} families, {f['consents']} consents, {f['team_members']} team "
        f"members (written in {f['generate_s']} s); {r['runs']} runs of each, interleaved: "
        "gated (every read checked and logged) / checks without the log write / gate off"
    )
    for reader, label in (
        ("team_member", "a team member reading on a consent"),
        ("responsible", "the responsible worker"),
    ):
        m = r[reader]
        print(f"  {label} ({m['log_rows_written']} access-log rows written):")
        for key in ("list", "family", "api_list", "api_family"):
            x = m[key]
            g, c, u = x["gated"], x["checks_only"], x["ungated"]
            print(
                f"    {x['what'][:50]:<50} p50 {g['p50_ms']:>7} / {c['p50_ms']:>7} / "
                f"{u['p50_ms']:>7} ms  p95 {g['p95_ms']:>7} / {c['p95_ms']:>7} / "
                f"{u['p95_ms']:>7} ms  overhead p50 {x['gated_overhead_p50_pct']:>6} % "
                f"(checks alone {x['checks_only_overhead_p50_pct']} %), p95 "
                f"{x['gated_overhead_p95_pct']} %"
            )


def main() -> None:
    setup_django()
    from django.db import connection

    from perhekeskus.families import access

    data = generate()
    family_id = data["family"].pk
    result = {
        "vendor": connection.vendor,
        "runs": RUNS,
        "figures": data["figures"],
        "team_member": measure(data["reader"], family_id),
        "responsible": measure(data["worker"], family_id),
    }
    assert access._bench_ungated is False
    sys.stdout.write("\n" + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
