"""The finder's public pages over HTTP: home, service card, organisation, map, in every language;
their parameters parsed leniently; non-public things not found; a bounded number of queries."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from perhekeskus.catalog.models import (
    AreaType,
    ChannelKind,
    ContactChannel,
    Location,
    Municipality,
    PublicationState,
    Schedule,
    ScheduleKind,
    Service,
    ServiceAtLocation,
    ServiceStatus,
)
from perhekeskus.catalog.opening import FINNISH_TIME
from perhekeskus.finder.models import NeedConcept
from perhekeskus.testing.demo import DemoNetwork
from perhekeskus.testing.factories import (
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["fi", "sv", "en"]
# A Wednesday at noon in Finnish time.
NOON_WEDNESDAY = dt.datetime(2026, 11, 25, 12, 0, tzinfo=FINNISH_TIME)


@pytest.fixture
def demo(demo_network: DemoNetwork) -> None:
    """The demo region: loaded once per process (testing/demo.py), rolled back after each test."""


@pytest.fixture
def at_noon_on_wednesday(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: NOON_WEDNESDAY)
    return NOON_WEDNESDAY


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture
def clinic() -> Service:
    """A public service with a phone line, an e-mail, a chat and one place with weekly hours."""
    with translation.override("fi"):
        return _clinic()


def _clinic() -> Service:
    askola = MunicipalityFactory(code="018", name="Askola")
    provider = OrganizationFactory(name="Askolan kunta", name_sv="Askola kommun", name_en="")
    place = LocationFactory(
        organization=provider,
        name="Terveysasema",
        name_sv="Hälsostation",
        name_en="Health station",
        street_address="Opintie 4",
        postal_code="07500",
        post_office="Askola",
        municipality=askola,
        latitude="60.529600",
        longitude="25.598500",
        accessibility="Esteetön sisäänkäynti.",
        is_meeting_place=True,
    )
    service = ServiceFactory(
        organization=provider,
        name="Lastenneuvola",
        name_sv="Barnrådgivning",
        name_en="Child health clinic",
        summary="Neuvola seuraa lapsen kasvua.",
        summary_sv="",
        summary_en="The clinic follows the child's growth.",
        description="Pitkä kuvaus.",
        minimum_age=0,
        maximum_age=6,
        languages=["fi", "sv"],
        area_type=AreaType.MUNICIPALITIES,
        free_of_charge=True,
        last_verified_at=dt.datetime(2026, 10, 5, 9, 0, tzinfo=dt.UTC),
    )
    service.area_municipalities.add(askola)
    ContactChannel.objects.create(
        service=service, kind=ChannelKind.PHONE, value="+358 19 555 0101", phone_charge="local"
    )
    ContactChannel.objects.create(
        service=service, kind=ChannelKind.EMAIL, value="neuvola@example.org"
    )
    ContactChannel.objects.create(
        service=service, kind=ChannelKind.CHAT, value="javascript:alert(1)", name="Chat"
    )
    sal = ServiceAtLocation.objects.create(service=service, location=place)
    for weekday in range(5):
        Schedule.objects.create(
            location=place,
            weekday=weekday,
            opens_at=dt.time(8),
            closes_at=dt.time(16),
        )
    Schedule.objects.create(
        location=place,
        kind=ScheduleKind.EXCEPTION,
        closed=True,
        valid_from=dt.date(2026, 12, 24),
        valid_to=dt.date(2026, 12, 26),
        description="Joulu",
        description_en="Christmas",
    )
    assert sal.pk
    return service


# --- home ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_is_the_finder_front_page_in_each_language(lang: str, clinic: Service) -> None:
    NeedConcept.objects.update(show_on_home=False)
    concept = NeedConcept.objects.create(
        key="ero-test",
        name="Ero",
        name_sv="Skilsmässa",
        name_en="Separation",
        show_on_home=True,
        order=1,
    )
    NeedConcept.objects.create(key="hidden-test", name="Piilossa", show_on_home=False)
    response = Client().get(f"/{lang}/")
    assert response.status_code == 200
    with translation.override(lang):
        assert reverse("finder:home") == f"/{lang}/"
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    main = _main(html)
    assert f'action="/{lang}/search"' in main
    assert 'name="q"' in main
    assert '<option value="018">Askola</option>' in main
    assert 'name="age"' in main
    name = {"fi": concept.name_fi, "sv": concept.name_sv, "en": concept.name_en}[lang]
    assert name in main
    assert "Piilossa" not in main
    for number in range(1, 9):
        assert f'href="/{lang}/search?task={number}"' in main
    assert f'href="/{lang}/ask-for-help/"' in main
    assert 'href="tel:112"' in main
    assert f'href="/{lang}/map"' in main


def test_home_offers_only_municipalities_with_public_services(clinic: Service) -> None:
    MunicipalityFactory(code="999", name="Tyhjälä")
    draft_town = MunicipalityFactory(code="998", name="Luonnosla")
    draft = ServiceFactory(publication_state=PublicationState.DRAFT)
    draft.area_municipalities.add(draft_town)
    main = _main(Client().get("/fi/").content.decode())
    assert "Askola" in main
    assert "Tyhjälä" not in main
    assert "Luonnosla" not in main


def test_logging_out_lands_on_the_finder_home(professional: Any) -> None:
    client = Client()
    client.force_login(professional)
    response = client.post("/sv/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/sv/"


def test_home_query_count_is_small(clinic: Service, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(4):
        assert Client().get("/fi/").status_code == 200


# --- service card -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_service_card_shows_what_for_whom_how_where_when(
    lang: str, clinic: Service, at_noon_on_wednesday: dt.datetime
) -> None:
    response = Client().get(f"/{lang}/services/{clinic.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    main = _main(html)
    name = {"fi": "Lastenneuvola", "sv": "Barnrådgivning", "en": "Child health clinic"}[lang]
    assert f'<h1 id="service-title">{name}</h1>' in main
    assert 'href="tel:+358195550101"' in main
    assert 'href="mailto:neuvola@example.org"' in main
    # A channel whose address is not a web address is shown, never linked.
    assert "javascript:" not in main.replace("javascript:alert(1)</p>", "")
    assert 'href="javascript' not in main
    assert "Opintie 4" in main
    assert f'href="/{lang}/map?place={clinic.at_locations.get().location_id}' in main
    assert "0–6" in main
    assert 'class="opening is-open"' in main
    assert '<table class="hours">' in main
    assert f'href="/{lang}/organizations/{clinic.organization_id}"' in main
    assert 'datetime="2026-10-05' in main
    assert "Esteetön sisäänkäynti." in main


def test_service_card_marks_a_missing_translation_and_its_language(clinic: Service) -> None:
    main = _main(Client().get(f"/sv/services/{clinic.pk}").content.decode())
    # The summary exists in Finnish only: shown in Finnish, marked, with a note.
    assert '<span lang="fi">Neuvola seuraa lapsen kasvua.</span>' in main
    assert 'class="fallback-note"' in main


def test_service_card_lists_the_exceptions_ahead(
    clinic: Service, at_noon_on_wednesday: dt.datetime
) -> None:
    main = _main(Client().get(f"/en/services/{clinic.pk}").content.decode())
    assert "Christmas" in main
    assert "24.12.2026–26.12.2026: Closed" in main


def test_service_card_says_when_a_closed_service_opens(
    clinic: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.utils import timezone

    friday_evening = dt.datetime(2026, 11, 27, 18, 0, tzinfo=FINNISH_TIME)
    monkeypatch.setattr(timezone, "now", lambda: friday_evening)
    main = _main(Client().get(f"/en/services/{clinic.pk}").content.decode())
    assert "<strong>Closed now</strong>, opens on Monday 30.11. at 8.00" in main


@pytest.mark.parametrize(
    "change",
    [
        {"publication_state": PublicationState.DRAFT},
        {"status": ServiceStatus.INACTIVE},
        {"status": ServiceStatus.DEFUNCT},
    ],
)
def test_a_service_families_may_not_see_is_not_found(clinic: Service, change: dict) -> None:
    Service.objects.filter(pk=clinic.pk).update(**change)
    response = Client().get(f"/fi/services/{clinic.pk}")
    assert response.status_code == 404
    assert "Lastenneuvola" not in response.content.decode()


def test_a_missing_service_is_not_found() -> None:
    assert Client().get(f"/en/services/{uuid.uuid4()}").status_code == 404
    assert Client().get("/en/services/not-a-uuid").status_code == 404


def test_service_card_query_count_does_not_grow_with_places_and_channels(
    demo: None, django_assert_max_num_queries: Any
) -> None:
    biggest = max(
        Service.objects.public(),
        key=lambda s: s.at_locations.count() * 10 + s.channels.count(),
    )
    with django_assert_max_num_queries(16):
        assert Client().get(f"/fi/services/{biggest.pk}").status_code == 200


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_demo_service_card_renders(lang: str, demo: None) -> None:
    client = Client()
    for service in Service.objects.public():
        response = client.get(f"/{lang}/services/{service.pk}")
        assert response.status_code == 200, service.name


def test_demo_drafts_and_inactive_services_are_not_found(demo: None) -> None:
    hidden = Service.objects.exclude(pk__in=Service.objects.public())
    assert hidden.count() >= 2
    for service in hidden:
        assert Client().get(f"/fi/services/{service.pk}").status_code == 404


# --- organisation -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_organization_page_lists_its_public_services_and_places(lang: str, clinic: Service) -> None:
    ServiceFactory(
        organization=clinic.organization,
        name="Luonnos",
        name_sv="Utkast",
        name_en="Draft",
        publication_state=PublicationState.DRAFT,
    )
    response = Client().get(f"/{lang}/organizations/{clinic.organization_id}")
    assert response.status_code == 200
    main = _main(response.content.decode())
    assert f'href="/{lang}/services/{clinic.pk}"' in main
    assert "Luonnos" not in main and "Utkast" not in main
    assert "Opintie 4" in main
    # The English name is missing: the Finnish one, marked as such.
    if lang == "en":
        assert '<span lang="fi">Askolan kunta</span>' in main


def test_organization_without_public_services_is_not_found() -> None:
    lonely = OrganizationFactory()
    ServiceFactory(organization=lonely, publication_state=PublicationState.DRAFT)
    assert Client().get(f"/fi/organizations/{lonely.pk}").status_code == 404
    assert Client().get(f"/fi/organizations/{uuid.uuid4()}").status_code == 404


def test_organization_page_query_count_is_bounded(
    demo: None, django_assert_max_num_queries: Any
) -> None:
    biggest = max(
        {s.organization for s in Service.objects.public().select_related("organization")},
        key=lambda o: o.services.count(),
    )
    with django_assert_max_num_queries(10):
        assert Client().get(f"/en/organizations/{biggest.pk}").status_code == 200


# --- map ----------------------------------------------------------------------------------------


def _map_data(html: str) -> dict[str, Any]:
    match = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html, re.S)
    assert match, "the map's data block is missing"
    return json.loads(match.group(1))


def _place_ids(html: str) -> list[str]:
    return re.findall(r'<li class="place-item[^"]*" id="place-([0-9a-f-]+)"', html)


@pytest.mark.parametrize("lang", LANGUAGES)
@override_settings(PERHEKESKUS_TILE_URL="/tiles/{z}/{x}/{y}.png")
def test_map_page_is_a_list_of_places_that_works_alone(lang: str, demo: None) -> None:
    response = Client().get(f"/{lang}/map")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    ids = _place_ids(html)
    assert len(ids) >= 23
    # The map container waits for JavaScript; the data block holds the same places.
    assert (
        '<section class="map-section" id="map-section" aria-labelledby="map-title" hidden>' in html
    )
    data = _map_data(html)
    assert [p["id"] for p in data["places"]] == ids
    assert all(isinstance(p["lat"], float) and isinstance(p["lon"], float) for p in data["places"])
    # No executable inline script: the Content-Security-Policy would refuse it.
    for script in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html):
        assert 'type="application/json"' in script


def test_map_shows_only_places_of_public_services(clinic: Service) -> None:
    hidden_place = LocationFactory(
        name="Salainen paikka", latitude="60.1", longitude="24.9", is_meeting_place=True
    )
    draft = ServiceFactory(publication_state=PublicationState.DRAFT)
    ServiceAtLocation.objects.create(service=draft, location=hidden_place)
    html = Client().get("/fi/map").content.decode()
    assert "Terveysasema" in html
    assert "Salainen paikka" not in html


def test_map_filters_by_municipality_and_meeting_places(demo: None) -> None:
    client = Client()
    every = _place_ids(client.get("/fi/map").content.decode())
    turku = _place_ids(client.get("/fi/map?municipality=853").content.decode())
    meeting = _place_ids(client.get("/fi/map?meeting_places=1").content.decode())
    assert 0 < len(turku) < len(every)
    assert set(turku) == {
        str(pk)
        for pk in Location.objects.filter(pk__in=every, municipality_id="853").values_list(
            "pk", flat=True
        )
    }
    assert set(meeting) == {
        str(pk)
        for pk in Location.objects.filter(pk__in=every, is_meeting_place=True).values_list(
            "pk", flat=True
        )
    }
    assert len(meeting) == 23


def test_map_open_now_keeps_the_places_open_at_that_moment(
    clinic: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: NOON_WEDNESDAY)
    assert "Terveysasema" in Client().get("/fi/map?open_now=1").content.decode()
    sunday = dt.datetime(2026, 11, 29, 12, 0, tzinfo=FINNISH_TIME)
    monkeypatch.setattr(timezone, "now", lambda: sunday)
    html = Client().get("/fi/map?open_now=1").content.decode()
    assert _place_ids(html) == []
    assert 'href="/fi/map"' in _main(html)  # a way back to every place


def test_map_sorts_by_distance_from_a_point_or_a_postal_code(demo: None) -> None:
    client = Client()
    ivalo = "68.66,27.54"
    html = client.get(f"/en/map?near={ivalo}").content.decode()
    first = Location.objects.get(pk=_place_ids(html)[0])
    assert first.post_office == "Ivalo"
    assert "km away" in html
    # Turku's postal code: the nearest are in Turku, although no place is "near" Ivalo.
    html = client.get("/en/map?postal_code=20100").content.decode()
    first = Location.objects.get(pk=_place_ids(html)[0])
    assert first.municipality_id == "853"
    assert "nearest to postal code 20100 first" in html


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("near=garbage", "We could not read the location"),
        ("near=91,200", "We could not read the location"),
        ("postal_code=abc", "is not a postal code"),
        ("postal_code=99999", "We have no places near the postal code 99999"),
        ("municipality=xyz", "We do not know the municipality"),
        ("place=nonsense", "was not found"),
    ],
)
def test_map_ignores_parameters_it_cannot_read_and_says_so(
    clinic: Service, query: str, note: str
) -> None:
    response = Client().get(f"/en/map?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert note in html
    assert "Health station" in html


def test_map_focuses_the_place_a_service_card_links_to(clinic: Service) -> None:
    place = clinic.at_locations.get().location
    html = Client().get(f"/fi/map?place={place.pk}").content.decode()
    assert _map_data(html)["focus"] == str(place.pk)
    assert f'<li class="place-item is-focus" id="place-{place.pk}"' in html


def test_map_query_count_does_not_grow_with_places(
    demo: None, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(6):
        assert Client().get("/sv/map?open_now=1&postal_code=00100").status_code == 200


@override_settings(
    PERHEKESKUS_TILE_URL="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    PERHEKESKUS_TILE_ORIGIN="https://tile.openstreetmap.org",
)
def test_tile_server_is_configured_and_allowed_by_the_content_security_policy(
    clinic: Service,
) -> None:
    from django.conf import settings

    response = Client().get("/fi/map")
    assert f'data-tile-url="{settings.PERHEKESKUS_TILE_URL}"' in response.content.decode()
    assert settings.PERHEKESKUS_TILE_ORIGIN == "https://tile.openstreetmap.org"
    assert (
        "img-src 'self' data: https://tile.openstreetmap.org" in response["Content-Security-Policy"]
    )


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tiles.example.fi/base/{z}/{x}/{y}.png", "https://*.tiles.example.fi"),
        ("http://localhost:8080/tiles/{z}/{x}/{y}.png", "http://localhost:8080"),
        ("/tiles/{z}/{x}/{y}.png", ""),
    ],
)
def test_tile_origin_is_derived_from_the_tile_url(url: str, origin: str) -> None:
    from perhekeskus.config.settings.base import _tile_origin

    assert _tile_origin(url) == origin


def test_municipality_choices_follow_the_language() -> None:
    Municipality.objects.create(code="853", name="Turku", name_sv="Åbo", name_en="Turku")
    ServiceFactory().area_municipalities.add("853")
    assert '<option value="853">Åbo</option>' in Client().get("/sv/").content.decode()
