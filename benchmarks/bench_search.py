"""Search figures, per database: N generated services (BENCH_SEARCH_SERVICES, default 20 000)
in Finnish, Swedish and English with realistic family-service vocabulary and compounds, the time
to index them, p50/p95 latency of `search_services` in-process over a mix of queries (inflected
and compound Finnish words, typos, need phrasings, Swedish and English, filters, browsing), and
requests per second of `/api/v1/services?search=` next to the trivial `/healthz` measured in the
same run against `perhekeskus serve`.

Run through `make bench` (benchmarks/run.py); prints one JSON object on stdout.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from decimal import Decimal
from typing import Any

SERVICES = int(os.environ.get("BENCH_SEARCH_SERVICES", "20000"))
ROUNDS = int(os.environ.get("BENCH_SEARCH_ROUNDS", "6"))
HTTP_SECONDS = float(os.environ.get("BENCH_HTTP_SECONDS", "5"))
HTTP_CLIENTS = int(os.environ.get("BENCH_HTTP_CLIENTS", "8"))
HTTP_WORKERS = int(os.environ.get("BENCH_HTTP_WORKERS", "2"))
NAMESPACE = uuid.UUID("2b7f4a8e-51c3-4c55-9d0e-6a1f3b8c7d20")

TOWNS = [
    ("018", "Askola", "Askola"),
    ("020", "Akaa", "Akaa"),
    ("049", "Espoo", "Esbo"),
    ("091", "Helsinki", "Helsingfors"),
    ("092", "Vantaa", "Vanda"),
    ("106", "Hyvinkää", "Hyvinge"),
    ("109", "Hämeenlinna", "Tavastehus"),
    ("165", "Janakkala", "Janakkala"),
    ("179", "Jyväskylä", "Jyväskylä"),
    ("286", "Kouvola", "Kouvola"),
    ("297", "Kuopio", "Kuopio"),
    ("398", "Lahti", "Lahtis"),
    ("400", "Laitila", "Letala"),
    ("405", "Lappeenranta", "Villmanstrand"),
    ("444", "Lohja", "Lojo"),
    ("491", "Mikkeli", "S:t Michel"),
    ("564", "Oulu", "Uleåborg"),
    ("609", "Pori", "Björneborg"),
    ("638", "Porvoo", "Borgå"),
    ("680", "Raisio", "Reso"),
    ("698", "Rovaniemi", "Rovaniemi"),
    ("751", "Simo", "Simo"),
    ("837", "Tampere", "Tammerfors"),
    ("853", "Turku", "Åbo"),
    ("905", "Vaasa", "Vasa"),
    ("148", "Inari", "Enare"),
    ("245", "Kerava", "Kervo"),
    ("257", "Kirkkonummi", "Kyrkslätt"),
    ("858", "Tuusula", "Tusby"),
    ("186", "Järvenpää", "Träskända"),
]

# (task numbers, fi name, sv name, en name, fi keywords, sv keywords, en keywords)
KINDS = [
    (
        "76",
        "Äitiysneuvola",
        "Mödrarådgivning",
        "Maternity clinic",
        "raskaus, odotus, synnytys, perhevalmennus",
        "graviditet, förlossning",
        "pregnancy, birth",
    ),
    (
        "76",
        "Lastenneuvola",
        "Barnrådgivning",
        "Child health clinic",
        "rokotukset, kasvu, imetys, uni",
        "vaccinationer, amning, sömn",
        "vaccinations, sleep",
    ),
    (
        "263",
        "Perheneuvola",
        "Familjerådgivning",
        "Family counselling clinic",
        "kasvatus, lapsen käytös, ero, uusperhe",
        "fostran, skilsmässa",
        "parenting, divorce",
    ),
    (
        "3",
        "Lastenvalvoja",
        "Barnatillsyningsman",
        "Child custody officer",
        "huoltajuus, elatusapu, tapaamiset, ero",
        "vårdnad, underhåll",
        "custody, maintenance",
    ),
    (
        "3",
        "Perheasioiden sovittelu",
        "Familjemedling",
        "Family mediation",
        "sovittelu, huoltoriita, erotilanne",
        "medling, konflikt",
        "mediation, conflict",
    ),
    (
        "26",
        "Lapsiperheiden kotipalvelu",
        "Hemservice för barnfamiljer",
        "Home help for families",
        "kotipalvelu, väsymys, kaksoset, apua kotiin",
        "hemservice, trött",
        "home help, exhausted",
    ),
    (
        "26",
        "Perhetyö",
        "Familjearbete",
        "Family work",
        "perheohjaus, kasvatus, arki, riidat",
        "familjearbete, vardag",
        "family work, routines",
    ),
    (
        "2",
        "Puheterapia",
        "Talterapi",
        "Speech therapy",
        "puhe, änkytys, kielen kehitys",
        "tal, stamning",
        "speech, stuttering",
    ),
    (
        "27",
        "Lasten fysioterapia",
        "Fysioterapi för barn",
        "Physiotherapy for children",
        "motoriikka, ryhti, liikkuminen",
        "motorik, hållning",
        "motor skills, posture",
    ),
    (
        "2",
        "Toimintaterapia",
        "Ergoterapi",
        "Occupational therapy",
        "hienomotoriikka, aistit, keskittyminen",
        "finmotorik",
        "fine motor skills",
    ),
    (
        "26",
        "Perheiden psykologipalvelut",
        "Psykologtjänster för familjer",
        "Family psychologist",
        "psykologi, ahdistus, pelot, tunteet",
        "psykolog, ångest",
        "psychologist, anxiety",
    ),
    (
        "71",
        "Kouluterveydenhuolto",
        "Skolhälsovård",
        "School health care",
        "kouluterveydenhoitaja, terveystarkastus, murrosikä",
        "skolhälsovårdare",
        "school nurse",
    ),
    (
        "21",
        "Koulukuraattori",
        "Skolkurator",
        "School social worker",
        "kuraattori, kiusaaminen, poissaolot",
        "kurator, mobbning",
        "bullying, absences",
    ),
    (
        "7",
        "Suun terveydenhuolto",
        "Munhälsovård",
        "Dental care",
        "hammaslääkäri, hammashoitola, hammassärky",
        "tandläkare, tandvärk",
        "dentist, toothache",
    ),
    (
        "82",
        "Nuorisotila",
        "Ungdomsgård",
        "Youth centre",
        "nuorisotyö, nuokkari, vapaa-aika, harrastus",
        "ungdomsarbete, fritid",
        "youth work, hobbies",
    ),
    (
        "2",
        "Etsivä nuorisotyö",
        "Uppsökande ungdomsarbete",
        "Outreach youth work",
        "työtön nuori, opiskelupaikka, syrjäytyminen",
        "arbetslös ung",
        "unemployed young person",
    ),
    (
        "86",
        "Perhekahvila",
        "Familjecafé",
        "Family café",
        "vertaistuki, kohtaamispaikka, vauva",
        "kamratstöd, mötesplats",
        "peer support, meeting place",
    ),
    (
        "86",
        "Seurakunnan perhekerho",
        "Församlingens familjeklubb",
        "Parish family club",
        "perhekerho, leikki, laulu, taaperot",
        "familjeklubb, lek",
        "family club, playgroup",
    ),
    (
        "4",
        "Lähisuhdeväkivaltatyö",
        "Arbete mot våld i nära relationer",
        "Help with domestic violence",
        "väkivalta, perheväkivalta, turvakoti",
        "våld, skyddshem",
        "violence, shelter",
    ),
    (
        "4",
        "Turvakoti",
        "Skyddshem",
        "Shelter",
        "turvakoti, väkivalta, hätämajoitus",
        "skyddshem, våld",
        "shelter, safe house",
    ),
    (
        "52",
        "Monikielinen perhetyö",
        "Flerspråkigt familjearbete",
        "Multilingual family work",
        "maahanmuuttaja, tulkki, kotoutuminen",
        "invandrare, tolk",
        "immigrant, interpreter",
    ),
    (
        "12",
        "Perhekeskuksen palveluohjaus",
        "Familjecentrets servicehandledning",
        "Family center service guidance",
        "palveluohjaus, neuvonta, mistä apua",
        "servicehandledning, rådgivning",
        "service guidance, advice",
    ),
    (
        "124",
        "Lapsiperheiden sosiaalityö",
        "Socialt arbete för barnfamiljer",
        "Social work for families",
        "sosiaalityö, lastensuojelu, huoli lapsesta",
        "socialt arbete, barnskydd",
        "social work, child welfare",
    ),
    (
        "6",
        "Parisuhdeneuvonta",
        "Parrådgivning",
        "Couple counselling",
        "parisuhde, pariterapia, riidat",
        "parrelation, parterapi",
        "relationship, couple therapy",
    ),
    (
        "27",
        "Varhaiskasvatuksen erityisopettaja",
        "Speciallärare inom småbarnspedagogik",
        "Special needs teacher in early education",
        "päiväkoti, kelto, tuki",
        "daghem, stöd",
        "daycare, support",
    ),
    (
        "2",
        "Psykiatrinen sairaanhoitaja",
        "Psykiatrisk sjukskötare",
        "Psychiatric nurse",
        "mielenterveys, masennus, jaksaminen",
        "psykisk hälsa, depression",
        "mental health",
    ),
    (
        "6",
        "Vanhempainryhmä",
        "Föräldragrupp",
        "Parents' group",
        "vertaisryhmä, vanhemmuus, isät",
        "kamratgrupp, föräldraskap",
        "peer group, parenting",
    ),
    (
        "8",
        "Avoin kohtaamispaikka",
        "Öppen mötesplats",
        "Open meeting place",
        "kohtaamispaikka, olohuone, monikielinen",
        "mötesplats, flerspråkig",
        "meeting place",
    ),
]

FI_SENTENCES = [
    "Palvelu on tarkoitettu {town}n lapsiperheille ja odottaville perheille.",
    "Voit varata ajan puhelimitse tai sähköisessä asioinnissa.",
    "Työntekijä auttaa arjen haasteissa, kasvatuskysymyksissä ja vanhemmuuden tukemisessa.",
    "Tapaamiset voivat olla vastaanotolla, kotikäynnillä tai etäyhteydellä.",
    "Yhteistyötä tehdään varhaiskasvatuksen, koulun ja perheneuvolan kanssa.",
    "Palvelu on maksuton ja luottamuksellinen.",
    "Tarvittaessa käytössä on tulkki, ja palvelua saa myös ruotsiksi.",
    "Lastensuojelun asiakkuutta ei tarvita, voit ottaa yhteyttä matalalla kynnyksellä.",
    "Ryhmissä vanhemmat saavat vertaistukea ja uusia ystäviä.",
    "Perheen tilannetta arvioidaan yhdessä ja suunnitellaan sopiva tuki.",
    "Hyvinvointialueen perhekeskus kokoaa sosiaali- ja terveyspalvelut yhteen.",
    "Lapsen kasvua, kehitystä ja hyvinvointia seurataan säännöllisillä käynneillä.",
]
SV_SENTENCES = [
    "Tjänsten är avsedd för barnfamiljer och väntande familjer i {town}.",
    "Du kan boka tid per telefon eller i e-tjänsten.",
    "Arbetstagaren hjälper med vardagens utmaningar och frågor om fostran.",
    "Mötena kan ske på mottagningen, vid hembesök eller på distans.",
    "Tjänsten är avgiftsfri och konfidentiell.",
    "Vid behov finns tolk, och tjänsten ges också på finska.",
    "I grupperna får föräldrar kamratstöd och nya vänner.",
]
EN_SENTENCES = [
    "The service is for families with children and expecting families in {town}.",
    "You can book an appointment by phone or in the e-service.",
    "The worker helps with everyday challenges and questions about parenting.",
    "Meetings can be at the clinic, at home or by video.",
    "The service is free of charge and confidential.",
    "An interpreter is available when needed.",
    "In the groups parents get peer support and make new friends.",
]

QUERIES: list[tuple[str, str, dict[str, Any]]] = [
    ("neuvola", "fi", {}),
    ("neuvolassa", "fi", {}),
    ("perheneuvolaan", "fi", {}),
    ("lastenvalvojalle", "fi", {}),
    ("hammashoito", "fi", {}),
    ("kotipalvelua", "fi", {}),
    ("puheterapia", "fi", {"age": 3}),
    ("perhenuevola", "fi", {}),
    ("lastenvalvoa", "fi", {}),
    ("olemme eroamassa", "fi", {}),
    ("vauva itkee paljon", "fi", {}),
    ("en jaksa", "fi", {}),
    ("lasta kiusataan koulussa", "fi", {}),
    ("väkivalta", "fi", {"municipality": "091"}),
    ("neuvola", "fi", {"municipality": "853"}),
    ("perhekahvila Tampere", "fi", {}),
    ("nuorisotila", "fi", {"municipality": "837", "age": 15}),
    ("palveluohjaus", "fi", {"task": 1}),
    ("", "fi", {"municipality": "018"}),
    ("", "fi", {"municipality": "564", "task": 3}),
    ("skilsmässa barn", "sv", {}),
    ("familjerådgivning", "sv", {}),
    ("rådgivningen", "sv", {"municipality": "638"}),
    ("talterapi", "sv", {}),
    ("speech therapy toddler", "en", {}),
    ("divorce", "en", {}),
    ("family cafe", "en", {"municipality": "853"}),
    ("domestic violence", "en", {}),
    ("home help", "en", {"channel": "phone"}),
    ("exhausted parent", "en", {}),
]


def _id(*parts: object) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts))


def generate(count: int) -> None:
    """Municipalities, organisations, places and `count` public services with channels and
    family-center tasks, written in bulk."""
    from perhekeskus.catalog.models import (
        AreaType,
        ChannelKind,
        ContactChannel,
        Location,
        Municipality,
        Organization,
        OrganizationType,
        PublicationState,
        Service,
        ServiceAtLocation,
        TaxonomyTerm,
    )
    from perhekeskus.catalog.taxonomies import task_term_id

    rng = random.Random(2026)  # noqa: S311  (generated benchmark data)
    municipalities = []
    for code, fi, sv in TOWNS:
        municipalities.append(Municipality(code=code, name=fi, name_fi=fi, name_sv=sv, name_en=fi))
    Municipality.objects.bulk_create(municipalities, ignore_conflicts=True)
    by_code = {m.code: m for m in Municipality.objects.all()}

    organizations = []
    homes: list[tuple[Any, str]] = []
    for code, fi, sv in TOWNS:
        for kind, suffix_fi, suffix_sv, suffix_en in (
            (OrganizationType.MUNICIPALITY, "n kaupunki", "s stad", " city"),
            (OrganizationType.NGO, "n MLL", "s MLL", " MLL"),
            (OrganizationType.PARISH, "n seurakunta", "s församling", " parish"),
        ):
            name = f"{fi}{suffix_fi}"
            organization = Organization(
                id=_id("org", code, kind),
                type=kind,
                name=name,
                name_fi=name,
                name_sv=f"{sv}{suffix_sv}",
                name_en=f"{fi}{suffix_en}",
            )
            organizations.append(organization)
            homes.append((organization, code))
    Organization.objects.bulk_create(organizations, batch_size=500)
    for organization, code in homes:
        organization.municipalities.add(by_code[code])

    locations = []
    for i, (code, fi, sv) in enumerate(TOWNS):
        for n in range(max(1, count // len(TOWNS) // 4)):
            lat = 60.0 + (i % 10) * 0.6 + rng.random() * 0.2
            lon = 21.5 + (i // 10) * 2.5 + rng.random() * 0.3
            locations.append(
                Location(
                    id=_id("loc", code, n),
                    organization_id=_id("org", code, OrganizationType.MUNICIPALITY),
                    name=f"{fi}n perhekeskus {n + 1}",
                    name_fi=f"{fi}n perhekeskus {n + 1}",
                    name_sv=f"Familjecentret i {sv} {n + 1}",
                    name_en=f"{fi} family center {n + 1}",
                    post_office=fi,
                    post_office_fi=fi,
                    post_office_sv=sv,
                    municipality_id=code,
                    latitude=Decimal(f"{lat:.6f}"),
                    longitude=Decimal(f"{lon:.6f}"),
                )
            )
    Location.objects.bulk_create(locations, batch_size=1000)
    locations_by_town: dict[str, list[Location]] = {}
    for location in locations:
        locations_by_town.setdefault(str(location.municipality_id), []).append(location)

    terms = {n: TaxonomyTerm.objects.get(pk=task_term_id(n)) for n in range(1, 9)}
    services, sals, channels, term_links = [], [], [], []
    Through = Service.terms.through
    area_links = []
    AreaThrough = Service.area_municipalities.through
    for i in range(count):
        code, town_fi, town_sv = TOWNS[i % len(TOWNS)]
        tasks, fi, sv, en, kw_fi, kw_sv, kw_en = KINDS[(i // len(TOWNS)) % len(KINDS)]
        variant = i // (len(TOWNS) * len(KINDS))
        org_kind = (
            OrganizationType.MUNICIPALITY,
            OrganizationType.NGO,
            OrganizationType.PARISH,
        )[variant % 3]
        name_fi = f"{fi}, {town_fi}" if variant % 2 == 0 else f"{town_fi}n {fi.lower()}"
        if variant:
            name_fi += f" {variant + 1}"
        description_fi = " ".join(rng.sample(FI_SENTENCES, 5)).format(town=town_fi)
        pk = _id("service", i)
        area = AreaType.NATIONWIDE if i % 97 == 0 else AreaType.MUNICIPALITIES
        min_age = rng.choice([None, 0, 0, 1, 3, 7, 13])
        services.append(
            Service(
                id=pk,
                organization_id=_id("org", code, org_kind),
                name=name_fi,
                name_fi=name_fi,
                name_sv=f"{sv}, {town_sv}" if i % 3 else "",
                name_en=f"{en}, {town_fi}" if i % 2 else "",
                summary_fi=f"{fi} {town_fi}ssa: {kw_fi.split(',')[0]} ja tuki perheille.",
                summary_sv=f"{sv} i {town_sv}." if i % 3 else "",
                summary_en=f"{en} in {town_fi}." if i % 2 else "",
                description_fi=description_fi,
                description_sv=" ".join(rng.sample(SV_SENTENCES, 4)).format(town=town_sv)
                if i % 3
                else "",
                description_en=" ".join(rng.sample(EN_SENTENCES, 4)).format(town=town_fi)
                if i % 2
                else "",
                keywords_fi=kw_fi,
                keywords_sv=kw_sv if i % 3 else "",
                keywords_en=kw_en if i % 2 else "",
                minimum_age=min_age,
                maximum_age=None if min_age is None else min(29, min_age + rng.choice([6, 12])),
                publication_state=PublicationState.PUBLISHED,
                area_type=area,
                languages=["fi", "sv", "en"],
            )
        )
        if area == AreaType.MUNICIPALITIES:
            area_links.append(AreaThrough(service_id=pk, municipality_id=code))
        for task in tasks:
            term_links.append(Through(service_id=pk, taxonomyterm_id=terms[int(task)].pk))
        channels.append(
            ContactChannel(
                id=_id("phone", i),
                service_id=pk,
                kind=ChannelKind.PHONE,
                value=f"+358 9 555 {i % 10000:04d}",
            )
        )
        for kind, every in (
            (ChannelKind.CHAT, 10),
            (ChannelKind.ESERVICE, 5),
            (ChannelKind.REMOTE, 9),
        ):
            if i % every == 0:
                channels.append(
                    ContactChannel(
                        id=_id(kind, i), service_id=pk, kind=kind, value=f"https://example.org/{i}"
                    )
                )
        if i % 3 != 2:
            location = rng.choice(locations_by_town[code])
            sals.append(ServiceAtLocation(id=_id("sal", i), service_id=pk, location=location))
    Service.objects.bulk_create(services, batch_size=500)
    AreaThrough.objects.bulk_create(area_links, batch_size=2000)
    Through.objects.bulk_create(term_links, batch_size=2000)
    ServiceAtLocation.objects.bulk_create(sals, batch_size=2000)
    ContactChannel.objects.bulk_create(channels, batch_size=2000)


def in_process() -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings

    from benchmarks.common import summarize_ms
    from perhekeskus.finder.search.analysis import analysis_mode
    from perhekeskus.finder.search.engine import search_services
    from perhekeskus.finder.search.types import SearchFilters
    from perhekeskus.finder.services import search_index_rebuild

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    generate(SERVICES)
    generated_s = time.perf_counter() - started
    started = time.perf_counter()
    documents = search_index_rebuild()
    index_s = time.perf_counter() - started
    with connection.cursor() as cursor:  # what autovacuum does after a bulk load
        cursor.execute("ANALYZE")

    def run(text: str, lang: str, filters: dict[str, Any]) -> Any:
        return search_services(
            query=text, filters=SearchFilters(**filters), language=lang, per_page=20
        )

    totals = {}
    with override_settings(FINDER_SEARCH_CACHE_SIZE=0):
        for text, lang, filters in QUERIES:  # warm-up: vocabulary, thesaurus, Voikko's caches
            totals[f"{lang}:{text}:{filters}"] = run(text, lang, filters).total
    # Every search computed afresh: the figure that counts.
    samples: list[float] = []
    slowest: dict[str, float] = {}
    with override_settings(FINDER_SEARCH_CACHE_SIZE=0):
        for _ in range(ROUNDS):
            for text, lang, filters in QUERIES:
                start = time.perf_counter()
                run(text, lang, filters)
                elapsed = time.perf_counter() - start
                samples.append(elapsed)
                key = f"[{lang}] {text!r} {filters or ''}".strip()
                slowest[key] = max(slowest.get(key, 0.0), elapsed * 1000)
    # The same searches again with the process's result cache (finder.search.cache).
    cached: list[float] = []
    with override_settings(FINDER_SEARCH_CACHE_SIZE=len(QUERIES)):
        for text, lang, filters in QUERIES:
            run(text, lang, filters)
        for _ in range(ROUNDS):
            for text, lang, filters in QUERIES:
                start = time.perf_counter()
                run(text, lang, filters)
                cached.append(time.perf_counter() - start)
    return {
        "vendor": connection.vendor,
        "services": SERVICES,
        "documents": documents,
        "analysis": analysis_mode(),
        "generate_s": round(generated_s, 1),
        "index_s": round(index_s, 1),
        "search": summarize_ms(samples),
        "search_cached": summarize_ms(cached),
        "queries": len(QUERIES),
        "slowest": sorted(((round(ms, 1), key) for key, ms in slowest.items()), reverse=True)[:5],
        "median_matches": sorted(totals.values())[len(totals) // 2],
    }


def _load(base: str, paths: list[str], seconds: float = HTTP_SECONDS) -> dict[str, Any]:
    from benchmarks.common import percentile

    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client(offset: int) -> None:
        nonlocal errors
        local: list[float] = []
        local_errors = 0
        n = offset
        while time.perf_counter() < deadline:
            path = paths[n % len(paths)]
            n += 1
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310
                    response.read()
            except OSError:
                local_errors += 1
                continue
            local.append(time.perf_counter() - start)
        with lock:
            latencies.extend(local)
            errors += local_errors

    threads = [threading.Thread(target=client, args=(i,)) for i in range(HTTP_CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ms = [s * 1000 for s in latencies]
    return {
        "paths": len(paths),
        "example": paths[0],
        "requests_per_s": round(len(latencies) / seconds, 1),
        "p50_ms": round(percentile(ms, 50), 2) if ms else None,
        "p95_ms": round(percentile(ms, 95), 2) if ms else None,
        "errors": errors,
    }


def _api_applies_search(base: str) -> bool:
    """Whether the API answered with search results (its order differs from the plain list)."""

    def first_ids(path: str) -> list[str]:
        with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310
            body = json.loads(response.read())
        items = body.get("contents") or body.get("items") or body.get("results") or []
        return [str(item.get("id")) for item in items[:5]]

    try:
        return first_ids("/api/v1/services?search=lastenvalvoja") != first_ids("/api/v1/services")
    except (OSError, ValueError):
        return False


def over_http(database_url: str, cache_size: int | None) -> dict[str, Any]:
    """`/healthz` and the API's search against `perhekeskus serve`; `cache_size` 0 makes every
    search be computed afresh, None leaves the result cache at its default."""
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
    if cache_size is not None:
        env["SEARCH_CACHE_SIZE"] = str(cache_size)
    server = perhekeskus("serve", "--port", str(port), "--workers", str(HTTP_WORKERS), env=env)
    base = f"http://127.0.0.1:{port}"
    search_paths = [
        "/api/v1/services?" + urllib.parse.urlencode({"search": text, "lang": lang, "per_page": 20})
        for text, lang, filters in QUERIES
        if text and not filters
    ]
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).read()  # noqa: S310
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("perhekeskus serve exited") from None
                time.sleep(0.2)
        else:
            raise RuntimeError("perhekeskus serve did not answer within 60 s")
        # Warm every worker's documents and vocabularies before measuring: concurrent requests
        # for a few seconds reach every worker with every language.
        for path in search_paths:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base + path, timeout=60).read()  # noqa: S310
        _load(base, search_paths, seconds=3.0)
        healthz = _load(base, ["/healthz"])
        search = _load(base, search_paths)
        return {
            "result_cache": "off" if cache_size == 0 else "on",
            "workers": HTTP_WORKERS,
            "clients": HTTP_CLIENTS,
            "api_applies_search": _api_applies_search(base),
            "healthz": healthz,
            "api_search": search,
            "search_share": round(search["requests_per_s"] / healthz["requests_per_s"], 3)
            if healthz["requests_per_s"]
            else None,
        }
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    result = in_process()
    result["http"] = over_http(os.environ["DATABASE_URL"], cache_size=0)
    result["http_cached"] = over_http(os.environ["DATABASE_URL"], cache_size=None)
    sys.stdout.write("\n" + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
