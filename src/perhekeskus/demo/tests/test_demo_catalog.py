import datetime as dt
import re
import uuid
from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.actions import IMPORT_RUN
from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    Organization,
    OrganizationType,
    ScheduleKind,
    Service,
    ServiceVersion,
)
from perhekeskus.catalog.opening import FINNISH_TIME, is_open
from perhekeskus.core import crisis
from perhekeskus.core.tasks import TASK_NUMBERS
from perhekeskus.demo import network
from perhekeskus.demo.catalog import demo_batch
from perhekeskus.demo.catalog.helpers import DEMO_DOMAIN
from perhekeskus.demo.loader import load_demo_network
from perhekeskus.testing.demo import DemoNetwork

# The demo region is loaded once per process and rolled back after each test (testing/demo.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_network")]

SEED_MUNICIPALITIES = {"018", "165", "680", "400", "751", "148", "853", "638"}
# Where each municipality's places are: (latitude, longitude) of its centre, and how far (in
# degrees) a place may lie from it. Inari is large: Ivalo and Inari village are 30 km apart.
CENTRES = {
    "018": (60.53, 25.60, 0.1),
    "165": (60.92, 24.64, 0.2),
    "680": (60.49, 22.17, 0.1),
    "400": (60.88, 21.69, 0.1),
    "751": (65.66, 25.06, 0.1),
    "148": (68.66, 27.54, 0.6),
    "853": (60.45, 22.27, 0.1),
    "638": (60.39, 25.66, 0.1),
}
FINLAND = {"latitude": (59.45, 70.1), "longitude": (19.0, 31.6)}
DEMO_PHONE = re.compile(r"^(\+358 \d{1,2} 555 01\d\d|0800 555 0\d\d)$")
DEMO_WEB = f"https://{DEMO_DOMAIN}/"
CRISIS_NUMBERS = {line.number for line in crisis.LINES}


def services_by_municipality() -> dict[str, list[Service]]:
    result: dict[str, list[Service]] = defaultdict(list)
    for service in Service.objects.public().prefetch_related("area_municipalities", "terms"):
        for municipality in service.area_municipalities.all():
            result[municipality.code].append(service)
    return result


def task_codes(service: Service) -> set[int]:
    return {int(term.code) for term in service.terms.all()}


def test_demo_catalogue_loads_completely_in_one_run(demo_network: DemoNetwork) -> None:
    # The shared demo was loaded into an empty database: its summary is of a first run.
    summary = demo_network.summary

    assert summary.skipped == []
    assert summary.services >= 80
    assert summary.services_created == summary.services == Service.objects.count()
    assert summary.locations_created == summary.locations == Location.objects.count()
    assert summary.meeting_places == Location.objects.filter(is_meeting_place=True).count()
    assert ServiceVersion.objects.count() == summary.services


def test_second_load_writes_nothing_but_the_import_run_entry() -> None:
    versions = ServiceVersion.objects.count()
    entries = AuditEntry.objects.count()
    modified = sorted(Service.objects.values_list("id", "updated_at"))
    places_modified = sorted(Location.objects.values_list("id", "updated_at"))

    summary = load_demo_network()

    assert (summary.services_created, summary.services_updated) == (0, 0)
    assert (summary.locations_created, summary.locations_updated) == (0, 0)
    assert (summary.organizations_created, summary.users_created) == (0, 0)
    assert ServiceVersion.objects.count() == versions
    new_entries = list(AuditEntry.objects.order_by("-id")[: AuditEntry.objects.count() - entries])
    assert [entry.action for entry in new_entries] == [IMPORT_RUN.name]
    assert new_entries[0].details["services"]["unchanged"] == summary.services
    assert sorted(Service.objects.values_list("id", "updated_at")) == modified
    assert sorted(Location.objects.values_list("id", "updated_at")) == places_modified


def test_demo_batch_has_stable_unique_ids() -> None:
    first, second = demo_batch(), demo_batch()
    service_ids = [service.id for service in first.services]
    location_ids = [location.id for location in first.locations]

    assert service_ids == [service.id for service in second.services]
    assert len(set(service_ids)) == len(service_ids)
    assert len(set(location_ids)) == len(location_ids)


def test_the_older_organisations_keep_their_ids() -> None:
    ids = {org.key: org.id for org in network.ORGANIZATIONS}

    for key in ("itauusimaa", "kantahame", "varha", "lappi", "askola", "mll-askola"):
        assert ids[key] == uuid.uuid5(
            uuid.NAMESPACE_URL, f"https://{DEMO_DOMAIN}/organization/{key}"
        )
    assert {user.organization for user in network.USERS} - {None} <= set(ids)


def test_demo_catalogue_covers_municipalities_providers_and_tasks() -> None:
    by_municipality = services_by_municipality()

    assert set(by_municipality) >= SEED_MUNICIPALITIES
    assert sum(1 for services in by_municipality.values() if services) >= 6
    provider_types = set(Service.objects.values_list("organization__type", flat=True))
    assert provider_types == set(OrganizationType.values) - {OrganizationType.OTHER}
    for number in TASK_NUMBERS:
        assert Service.objects.public().filter(terms__code=str(number)).count() >= 3, number
    for code, services in by_municipality.items():
        if len(services) >= 10:
            covered = set().union(*(task_codes(service) for service in services))
            assert covered == set(TASK_NUMBERS), (code, set(TASK_NUMBERS) - covered)


def test_every_organisation_provides_or_produces_a_service() -> None:

    idle = Organization.objects.filter(services__isnull=True, produced_services__isnull=True)
    assert list(idle) == []
    assert all(org.names["fi"].endswith("(demo)") for org in network.ORGANIZATIONS)


def test_every_service_speaks_finnish_and_most_swedish_and_english() -> None:
    services = list(Service.objects.all())

    for service in services:
        assert service.name_fi and service.summary_fi and service.description_fi, service.pk
    for service in Service.objects.public():
        assert service.application_process_fi, service.name_fi
        assert service.keywords_fi, service.name_fi
        assert service.fees_description_fi, service.name_fi
    trilingual = [
        s for s in services if s.name_sv and s.name_en and s.description_sv and s.description_en
    ]
    assert len(trilingual) >= 0.7 * len(services)
    bilingual_towns = Service.objects.filter(area_municipalities__code__in=["853", "638"])
    assert all(service.name_sv for service in bilingual_towns.distinct())


def test_meeting_places_are_on_the_map_with_weekly_hours() -> None:
    meeting_places = Location.objects.filter(is_meeting_place=True)

    assert meeting_places.count() >= 15
    for place in meeting_places:
        assert place.street_address_fi and place.postal_code and place.accessibility_fi
        assert place.schedules.filter(kind=ScheduleKind.REGULAR).exists(), place.name_fi
        assert place.service_at_locations.exists(), place.name_fi
    closed_at_christmas = meeting_places.filter(
        schedules__kind=ScheduleKind.EXCEPTION,
        schedules__closed=True,
        schedules__valid_from__lte=dt.date(2026, 12, 24),
        schedules__valid_to__gte=dt.date(2026, 12, 24),
    )
    summer_break = meeting_places.filter(schedules__valid_from=dt.date(2027, 7, 1))
    assert closed_at_christmas.exists() and summer_break.exists()


def test_every_place_lies_in_its_municipality_in_finland() -> None:

    for place in Location.objects.all():
        assert place.latitude is not None and place.longitude is not None, place.name_fi
        lat, lon = float(place.latitude), float(place.longitude)
        assert FINLAND["latitude"][0] < lat < FINLAND["latitude"][1], place.name_fi
        assert FINLAND["longitude"][0] < lon < FINLAND["longitude"][1], place.name_fi
        assert place.municipality_id is not None
        centre_lat, centre_lon, tolerance = CENTRES[place.municipality_id]
        assert abs(lat - centre_lat) < tolerance, place.name_fi
        assert abs(lon - centre_lon) < 2 * tolerance, place.name_fi


def test_contact_details_are_made_up_demo_ones() -> None:

    for channel in ContactChannel.objects.all():
        if channel.kind == "phone":
            # The national crisis lines have their real numbers, from core.crisis.
            assert DEMO_PHONE.match(channel.value) or channel.value in CRISIS_NUMBERS, channel.value
        elif channel.kind == "email":
            assert channel.value.endswith(f"@{DEMO_DOMAIN}"), channel.value
        else:
            assert channel.value.startswith(DEMO_WEB), channel.value
    for service in Service.objects.all():
        assert service.url.startswith(DEMO_WEB)
        assert not service.email or service.email.endswith(f"@{DEMO_DOMAIN}")


def test_the_seeds_named_practices_are_there() -> None:
    askola = Service.objects.public().filter(area_municipalities__code="018")
    names = " | ".join(askola.values_list("name_fi", flat=True)).lower()
    for wanted in (
        "palveluohjaus",
        "äitiysneuvola",
        "lastenneuvola",
        "kotipalvelu",
        "perheohjaus",
        "sosiaalityö",
        "puheterapia",
        "fysioterapia",
        "toimintaterapia",
        "psykologi",
        "psykiatrinen sairaanhoitaja",
        "lääkärin ja sairaanhoitajan vastaanotto",
        "opiskeluterveydenhuolto",
        "suun terveydenhuolto",
        "vatu",
        "kuraattori",
        "perheneuvola",
        "etsivä nuorisotyö",
        "diakonia",
        "perhekerho",
        "perhekahvila",
    ):
        assert wanted in names, wanted

    for code in ("680", "400"):
        ask_for_help = Service.objects.get(
            name_fi__startswith="Pyydä apua", area_municipalities__code=code
        )
        assert ask_for_help.channels.filter(kind="eservice").exists()
    simo_remote = Service.objects.filter(area_municipalities__code="751", channels__kind="remote")
    assert simo_remote.count() >= 4
    assert simo_remote.filter(name_fi__startswith="Lastenvalvoja").exists()
    assert Service.objects.filter(
        area_municipalities__code="148",
        channels__kind="remote",
        name_fi__icontains="etävastaanotto",
    ).exists()
    lapland_chat = Service.objects.get(
        organization__type=OrganizationType.NGO,
        channels__kind="chat",
        area_municipalities__code="751",
        name_fi__icontains="ero",
    )
    assert lapland_chat.area_municipalities.filter(code="148").exists()
    skanssi = Location.objects.get(name_fi__icontains="Skanssi", is_meeting_place=True)
    assert skanssi.service_at_locations.filter(service__name_fi__icontains="palveluohjaus")
    turenki = Location.objects.get(name_fi__icontains="Turengin terveysasema")
    assert turenki.service_at_locations.count() >= 3


def test_the_catalogue_has_the_variety_later_features_need() -> None:
    services = Service.objects.all()

    assert services.filter(publication_state="draft").count() >= 2
    assert services.filter(status="inactive").count() == 1
    assert services.filter(at_locations__isnull=True).exists()
    assert services.filter(at_locations__isnull=False).exists()
    assert services.filter(free_of_charge=False).count() >= 3
    assert services.filter(minimum_age=0, maximum_age=6).exists()
    assert services.filter(minimum_age=13, maximum_age=29).exists()
    assert services.filter(minimum_age__gte=6, maximum_age__lte=19).exists()
    prenatal = services.get(minimum_age=0, maximum_age=0)
    assert "ennen syntymää" in prenatal.eligibility_description_fi
    assert services.filter(area_type="nationwide").count() >= 5
    assert services.filter(area_type="county").count() >= 5
    assert any("se" in service.languages for service in services)  # Northern Sámi
    for kind in ("phone", "email", "web", "eservice", "chat", "remote"):
        assert ContactChannel.objects.filter(kind=kind).exists(), kind


def test_helplines_keep_their_hours() -> None:
    sunday_night = dt.datetime(2026, 11, 29, 3, 0, tzinfo=FINNISH_TIME)
    monday_morning = dt.datetime(2026, 11, 30, 11, 0, tzinfo=FINNISH_TIME)
    phones = ContactChannel.objects.filter(kind="phone", service__area_type="nationwide")

    round_the_clock = [c for c in phones if is_open(c.schedules.all(), sunday_night)]
    assert len(round_the_clock) >= 2
    parents = phones.get(service__name_fi__startswith="Vanhempainpuhelin")
    assert is_open(parents.schedules.all(), monday_morning)
    assert not is_open(parents.schedules.all(), sunday_night)
    christmas = dt.datetime(2026, 12, 28, 11, 0, tzinfo=FINNISH_TIME)
    assert not is_open(parents.schedules.all(), christmas)


@override_settings(PERHEKESKUS_DEMO=True)
def test_load_demo_reports_services_and_meeting_places() -> None:
    out = StringIO()
    call_command("load_demo", stdout=out)

    assert re.search(r"\d+ services .* \d+ of them open meeting places", out.getvalue())
