"""Opening hours have one source of truth (catalog.opening.hours_at_place): the service card, the
map and the search's "open now" say the same hours and exceptions for a service at a place; the
card's headline speaks of each way the service is reached. "Show on the map" lands on the place
with the map below it, with directions by coordinates; no map tiles from a third party unless
the county configures a tile server."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client, override_settings

from perhekeskus.catalog.models import (
    ChannelKind,
    ContactChannel,
    Schedule,
    ScheduleKind,
    Service,
    ServiceAtLocation,
)
from perhekeskus.catalog.opening import FINNISH_TIME, hours_at_place, is_open
from perhekeskus.finder.search.engine import services_open_at
from perhekeskus.finder.tests.test_pages import _clinic, _main

pytestmark = pytest.mark.django_db

FRIDAY_EVENING = dt.datetime(2026, 12, 4, 19, 30, tzinfo=FINNISH_TIME)
CHRISTMAS_EVE_MORNING = dt.datetime(2026, 12, 24, 10, 0, tzinfo=FINNISH_TIME)


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def clinic(monkeypatch: pytest.MonkeyPatch) -> Service:
    """The demo's Porvoo case: the building is open 8–16, the clinic there 8–15.30, its phone
    line 12–13, and the building closes for Christmas."""
    from django.utils import timezone, translation

    monkeypatch.setattr(timezone, "now", lambda: FRIDAY_EVENING)
    with translation.override("fi"):
        service = _clinic()
    sal = ServiceAtLocation.objects.get(service=service)
    for weekday in range(5):
        Schedule.objects.create(
            service_at_location=sal, weekday=weekday, opens_at=dt.time(8), closes_at=dt.time(15, 30)
        )
    phone = ContactChannel.objects.get(service=service, kind=ChannelKind.PHONE)
    for weekday in range(5):
        Schedule.objects.create(
            channel=phone, weekday=weekday, opens_at=dt.time(12), closes_at=dt.time(13)
        )
    return service


def test_hours_at_place_are_the_services_own_with_the_buildings_closures() -> None:
    own = [
        Schedule(kind=ScheduleKind.REGULAR, weekday=3, opens_at=dt.time(8), closes_at=dt.time(15))
    ]
    building = [
        Schedule(kind=ScheduleKind.REGULAR, weekday=3, opens_at=dt.time(8), closes_at=dt.time(16)),
        Schedule(
            kind=ScheduleKind.EXCEPTION,
            closed=True,
            valid_from=dt.date(2026, 12, 24),
            valid_to=dt.date(2026, 12, 26),
        ),
    ]
    rows = hours_at_place(own, building)
    assert not is_open(rows, CHRISTMAS_EVE_MORNING)  # a Thursday: the building is closed
    assert not is_open(rows, dt.datetime(2026, 12, 3, 15, 30, tzinfo=FINNISH_TIME))
    assert is_open(rows, dt.datetime(2026, 12, 3, 14, 0, tzinfo=FINNISH_TIME))
    # A service's own special day says more than the building's closure.
    special = Schedule(
        kind=ScheduleKind.EXCEPTION,
        valid_from=dt.date(2026, 12, 24),
        opens_at=dt.time(9),
        closes_at=dt.time(11),
    )
    assert is_open(hours_at_place([*own, special], building), CHRISTMAS_EVE_MORNING)
    # Without hours of its own, the service has the building's.
    assert hours_at_place([], building) == building


def test_card_and_map_show_the_same_hours_and_exceptions(clinic: Service) -> None:
    card = _text(_main(Client().get(f"/en/services/{clinic.pk}").content.decode()))
    place = card.split("Health station", 1)[1]
    assert "8.00–15.30" in place
    assert "The building is open: Mon–Fri 8.00–16.00" in place
    assert "24.12.2026–26.12.2026: Closed – Christmas" in place
    listing = _text(Client().get("/en/map").content.decode())
    assert "Opening hours: Mon–Fri 8.00–16.00" in listing
    assert "Child health clinic (the service here: Mon–Fri 8.00–15.30)" in listing
    assert "24.12.2026–26.12.2026 Closed" in listing


def test_open_now_follows_the_buildings_closure_too(clinic: Service) -> None:
    assert clinic.pk in services_open_at(
        [clinic.pk], dt.datetime(2026, 12, 3, 9, tzinfo=FINNISH_TIME)
    )
    assert clinic.pk not in services_open_at([clinic.pk], CHRISTMAS_EVE_MORNING)


def test_headline_speaks_of_each_way_the_service_is_reached(clinic: Service) -> None:
    html = _main(Client().get(f"/fi/services/{clinic.pk}").content.decode())
    header = _text(html.split("</header>", 1)[0])
    assert "Puhelin: Suljettu nyt , avautuu maanantaina 7.12. klo 12.00" in header
    assert "Paikan päällä: Suljettu nyt , avautuu maanantaina 7.12. klo 8.00" in header


def test_show_on_map_lands_on_the_place_with_directions_by_coordinates(clinic: Service) -> None:
    place = clinic.at_locations.get().location
    card = Client().get(f"/fi/services/{clinic.pk}").content.decode()
    assert f'href="/fi/map?place={place.pk}#place-focus"' in card
    page = Client().get(f"/fi/map?place={place.pk}").content.decode()
    focus = page.split('id="place-focus"', 1)[1].split("</section>", 1)[0]
    assert "Terveysasema" in focus
    point = "60.529600,25.598500"
    for url in (
        f"https://www.openstreetmap.org/directions?to={point}",
        f"https://www.google.com/maps/dir/?api=1&amp;destination={point}",
        f"https://maps.apple.com/?daddr={point}",
    ):
        assert url in focus
        assert url in card
    # The box comes before the map and the list: the map is right below it.
    assert page.index('id="place-focus"') < page.index("data-map-layout")
    assert f'href="#place-{place.pk}"' in focus


def test_no_third_party_tiles_unless_a_tile_server_is_configured(clinic: Service) -> None:
    response = Client().get("/fi/map")
    html = response.content.decode()
    assert "openstreetmap.org/{z}" not in html
    assert "leaflet.js" not in html
    assert 'id="map"' not in html
    assert "img-src 'self' data:;" in response["Content-Security-Policy"]
    assert "Terveysasema" in html  # the list stays


@override_settings(
    PERHEKESKUS_TILE_URL="https://tiles.hyvinvointialue.example/{z}/{x}/{y}.png",
    PERHEKESKUS_TILE_ORIGIN="https://tiles.hyvinvointialue.example",
    PERHEKESKUS_TILE_ATTRIBUTION="Hyvinvointialue",
)
def test_a_configured_tile_server_draws_the_map_and_the_privacy_page_names_it(
    clinic: Service,
) -> None:
    html = Client().get("/fi/map").content.decode()
    assert 'data-tile-url="https://tiles.hyvinvointialue.example/{z}/{x}/{y}.png"' in html
    assert "leaflet.js" in html
    privacy = Client().get("/en/privacy/").content.decode()
    assert "tiles.hyvinvointialue.example" in privacy


def test_card_links_back_to_the_results_the_family_came_from(clinic: Service) -> None:
    url = f"/fi/services/{clinic.pk}"
    came_from = "http://testserver/fi/search?q=neuvola&municipality=018"
    html = Client().get(url, HTTP_REFERER=came_from).content.decode()
    assert '<a href="/fi/search?q=neuvola&amp;municipality=018">Takaisin hakutuloksiin</a>' in html
    for elsewhere in ("https://evil.example/fi/search?q=x", "http://testserver/fi/map", ""):
        html = Client().get(url, HTTP_REFERER=elsewhere).content.decode()
        assert "Takaisin hakutuloksiin" not in html
