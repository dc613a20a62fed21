"""Events on the finder's pages, asked through `core.happenings` (the finder imports no events
app): today's events beside each place's hours on the map, in the list that works without
JavaScript and in the marker's popup data; a service card's and an organisation page's next
events with a link to all of them. Without a provider the pages are as before."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Iterator

import pytest
from django.test import Client

from perhekeskus.catalog.models import Service
from perhekeskus.catalog.opening import FINNISH_TIME
from perhekeskus.core import happenings
from perhekeskus.core.happenings import Happening, Upcoming
from perhekeskus.finder.tests.test_pages import _main, _map_data

pytestmark = pytest.mark.django_db

# A Wednesday morning in Finnish time.
WEDNESDAY_MORNING = dt.datetime(2026, 11, 25, 8, 0, tzinfo=FINNISH_TIME)


def _happening(title: str, hour: int, seats: str = "") -> Happening:
    starts = dt.datetime(2026, 11, 25, hour, 30, tzinfo=FINNISH_TIME)
    return Happening(title, starts, starts + dt.timedelta(hours=2), "/fi/events/x/", seats)


class Provider:
    """Answers like the events app: today's events at one place, the next ones of anything."""

    def __init__(self, place_id: uuid.UUID | None, at_place: list[Happening]) -> None:
        self.place_id = place_id
        self.at_place = at_place
        self.upcoming_answer = Upcoming()
        self.days: list[tuple[set[uuid.UUID], dt.date]] = []
        self.upcoming_asked: list[tuple[uuid.UUID | None, uuid.UUID | None, int]] = []

    def on_day(
        self, place_ids: Collection[uuid.UUID], day: dt.date
    ) -> dict[uuid.UUID, list[Happening]]:
        self.days.append((set(place_ids), day))
        if self.place_id in place_ids and self.at_place:
            return {self.place_id: self.at_place}
        return {}

    def upcoming(
        self,
        *,
        service_id: uuid.UUID | None = None,
        organization_id: uuid.UUID | None = None,
        limit: int,
    ) -> Upcoming:
        self.upcoming_asked.append((service_id, organization_id, limit))
        return self.upcoming_answer


@pytest.fixture(autouse=True)
def registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No provider of the apps during a test (the test registers its own), and as before after."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: WEDNESDAY_MORNING)
    with happenings.only({}):
        yield


@pytest.fixture
def clinic() -> Service:
    from django.utils import translation

    from perhekeskus.finder.tests.test_pages import _clinic

    with translation.override("fi"):
        return _clinic()


def test_the_map_lists_todays_events_beside_the_places_hours(clinic: Service) -> None:
    place = clinic.at_locations.get().location
    provider = Provider(
        place.pk,
        [
            _happening("Vauvamuskari", 9, "3 paikkaa jäljellä"),
            _happening("<b>Perhekahvila</b>", 12),
        ],
    )
    happenings.register("events", provider)

    html = Client().get("/fi/map").content.decode()

    # One question for all the places, of today's date in Finland.
    assert provider.days == [({place.pk}, dt.date(2026, 11, 25))]
    item = _main(html)[_main(html).index(f'id="place-{place.pk}"') :]
    hours_at = item.index("Aukioloajat:")
    events_at = item.index("Tänään tapahtuu:")
    assert hours_at < events_at
    assert '<a href="/fi/events/x/">Vauvamuskari</a>' in item
    assert '<time datetime="2026-11-25T09:30:00+02:00">9.30–11.30</time>' in item
    assert "(3 paikkaa jäljellä)" in item
    # A title is text, never markup.
    assert "&lt;b&gt;Perhekahvila&lt;/b&gt;" in item and "<b>Perhekahvila" not in html
    (data,) = _map_data(html)["places"]
    assert data["events"] == [
        {
            "title": "Vauvamuskari",
            "when": "9.30–11.30",
            "url": "/fi/events/x/",
            "seats": "3 paikkaa jäljellä",
        },
        {
            "title": "<b>Perhekahvila</b>",
            "when": "12.30–14.30",
            "url": "/fi/events/x/",
            "seats": "",
        },
    ]


def test_the_focused_place_says_its_events_too(clinic: Service) -> None:
    place = clinic.at_locations.get().location
    happenings.register("events", Provider(place.pk, [_happening("Vauvamuskari", 9)]))
    html = Client().get(f"/en/map?place={place.pk}").content.decode()
    focus = html[html.index('id="place-focus"') : html.index("data-map-layout")]
    assert "Today&#x27;s events:" in focus or "Today's events:" in focus
    assert "Vauvamuskari" in focus


def test_an_event_of_more_than_one_day_shows_its_dates(clinic: Service) -> None:
    place = clinic.at_locations.get().location
    starts = dt.datetime(2026, 11, 24, 9, 0, tzinfo=FINNISH_TIME)
    forum = Happening("Foorumi", starts, starts + dt.timedelta(days=1, hours=6), "/en/e/", "")
    happenings.register("events", Provider(place.pk, [forum]))
    (data,) = _map_data(Client().get("/en/map").content.decode())["places"]
    assert data["events"][0]["when"] == "24.11.2026 at 9.00–25.11.2026 at 15.00"


def test_without_events_the_map_is_as_before(clinic: Service) -> None:
    html = Client().get("/fi/map").content.decode()
    assert "Tänään tapahtuu" not in html
    (data,) = _map_data(html)["places"]
    assert data["events"] == []
    happenings.register("events", Provider(None, []))
    html = Client().get("/fi/map").content.decode()
    assert "Tänään tapahtuu" not in html


def test_the_service_card_lists_its_next_events_and_links_to_all(clinic: Service) -> None:
    provider = Provider(None, [])
    provider.upcoming_answer = Upcoming(
        [_happening("Vauvamuskari", 9, "Täynnä, jonoon mahtuu")],
        f"/fi/events/?service={clinic.pk}",
    )
    happenings.register("events", provider)
    main = _main(Client().get(f"/fi/services/{clinic.pk}").content.decode())
    assert provider.upcoming_asked == [(clinic.pk, None, 5)]
    assert '<a href="#events">Tulevat tapahtumat</a>' in main
    events = main[main.index('id="events"') :]
    assert '<a href="/fi/events/x/">Vauvamuskari</a>' in events
    assert "25.11.2026 klo 9.30" in events and "Täynnä, jonoon mahtuu" in events
    assert f'<a href="/fi/events/?service={clinic.pk}">Kaikki tapahtumat' in events


def test_a_service_without_events_has_no_events_section(clinic: Service) -> None:
    happenings.register("events", Provider(None, []))
    main = _main(Client().get(f"/en/services/{clinic.pk}").content.decode())
    assert 'id="events"' not in main and "Upcoming events" not in main


def test_the_organisation_page_lists_its_next_events(clinic: Service) -> None:
    provider = Provider(None, [])
    provider.upcoming_answer = Upcoming(
        [_happening("Family café", 9, "Drop in, no sign-up")],
        f"/en/events/?organization={clinic.organization_id}",
    )
    happenings.register("events", provider)
    main = _main(Client().get(f"/en/organizations/{clinic.organization_id}").content.decode())
    assert provider.upcoming_asked == [(None, clinic.organization_id, 5)]
    assert "Upcoming events" in main and "Family café" in main
    assert f'href="/en/events/?organization={clinic.organization_id}"' in main

    happenings.unregister("events")
    main = _main(Client().get(f"/en/organizations/{clinic.organization_id}").content.decode())
    assert "Upcoming events" not in main
