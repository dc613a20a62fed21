"""The service card's richer content: a place's structured accessibility (an icon and a
sentence each, unknown left out) and the plain-language description (selkokieli) for those
who choose it, by a link that needs no script."""

from __future__ import annotations

import pytest
from django.test import Client

from perhekeskus.catalog.models import Location, Service, ServiceAtLocation
from perhekeskus.testing.factories import LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def service_at_place() -> Service:
    service = ServiceFactory.create(
        name="Perhekahvila",
        description="Perhekahvila on avoin kohtaamispaikka kaikille lapsiperheille.",
    )
    place = LocationFactory.create(
        organization=service.organization,
        step_free_entrance=True,
        accessible_toilet=False,
        induction_loop=None,
    )
    ServiceAtLocation.objects.create(service=service, location=place)
    return service


def test_the_card_says_what_is_known_of_the_places_accessibility(service_at_place: Service) -> None:
    page = Client().get(f"/fi/services/{service_at_place.pk}").content.decode()
    assert "Esteetön sisäänkäynti" in page
    assert "Ei esteetöntä WC:tä" in page
    assert "induktiosilmukka" not in page.casefold()  # not known: not said
    assert 'href="/static/finder/icons.svg#yes"' in page or "icons.svg#yes" in page


def test_the_map_list_says_it_too(service_at_place: Service) -> None:
    place = Location.objects.get(service_at_locations__service=service_at_place)
    place.latitude, place.longitude = 60.39, 25.66
    place.save()
    page = Client().get("/fi/map").content.decode()
    assert "Esteetön sisäänkäynti" in page


def test_the_plain_language_description_is_shown_to_those_who_choose_it(
    service_at_place: Service,
) -> None:
    url = f"/fi/services/{service_at_place.pk}"
    assert "Selkokielellä" not in Client().get(url).content.decode()  # none written yet
    Service.objects.filter(pk=service_at_place.pk).update(
        description_plain_fi="Perhekahvilaan voit tulla lapsen kanssa. Se on ilmainen."
    )
    page = Client().get(url).content.decode()
    assert 'href="?plain=1#what-title"' in page
    assert "Selkokielellä" in page
    assert "Se on ilmainen." not in page
    plain = Client().get(f"{url}?plain=1").content.decode()
    assert "Se on ilmainen." in plain
    assert "avoin kohtaamispaikka" not in plain
    assert 'href="?plain=0#what-title"' in plain


# --- the search's accessibility filter ------------------------------------------------------------


def _at(service: Service, **features: bool) -> None:
    place = LocationFactory.create(organization=service.organization, **features)
    ServiceAtLocation.objects.create(service=service, location=place)


@pytest.fixture
def kerhot() -> dict[str, Service]:
    from django.utils import translation

    from perhekeskus.finder import services as finder_services

    with translation.override("fi"):
        both = ServiceFactory.create(name="Kerho Aalto")
        step_free = ServiceFactory.create(name="Kerho Bravo")
        apart = ServiceFactory.create(name="Kerho Celsius")
    _at(both, step_free_entrance=True, accessible_toilet=True)
    _at(step_free, step_free_entrance=True, accessible_toilet=False)
    _at(apart, step_free_entrance=True)
    _at(apart, accessible_toilet=True)
    finder_services.search_index_rebuild()
    return {"both": both, "step_free": step_free, "apart": apart}


def _names(accessibility: set[str]) -> list[str]:
    from perhekeskus.finder.search.engine import search_services
    from perhekeskus.finder.search.types import SearchFilters

    page = search_services(
        query="kerho",
        filters=SearchFilters(accessibility=frozenset(accessibility)),
        language="fi",
        per_page=50,
    )
    return sorted(hit.service.name_fi for hit in page.hits)


def test_the_search_finds_services_at_a_place_with_every_feature_asked(
    kerhot: dict[str, Service],
) -> None:
    assert _names(set()) == ["Kerho Aalto", "Kerho Bravo", "Kerho Celsius"]
    assert _names({"step_free"}) == ["Kerho Aalto", "Kerho Bravo", "Kerho Celsius"]
    assert _names({"toilet"}) == ["Kerho Aalto", "Kerho Celsius"]
    # Both at one place: not a step-free entrance here and a toilet at another place.
    assert _names({"step_free", "toilet"}) == ["Kerho Aalto"]
    assert _names({"lift"}) == []


def test_the_results_page_takes_the_filter_and_shows_it(kerhot: dict[str, Service]) -> None:
    page = Client().get("/fi/search?q=kerho&accessibility=step_free,toilet").content.decode()
    assert "Kerho Aalto" in page
    assert "Kerho Bravo" not in page
    assert "Esteettömyys: esteetön sisäänkäynti, esteetön WC" in page
    assert 'id="f-accessibility-toilet" checked' in page
    boxes = (
        Client()
        .get("/fi/search?q=kerho&accessibility=step_free&accessibility=toilet")
        .content.decode()
    )
    assert "Kerho Bravo" not in boxes and "Kerho Aalto" in boxes


def test_an_unknown_feature_is_a_note_not_an_error(kerhot: dict[str, Service]) -> None:
    page = Client().get("/fi/search?q=kerho&accessibility=sauna").content.decode()
    assert "Kerho Bravo" in page
    assert "sauna" in page


def test_the_api_takes_the_filter_too(kerhot: dict[str, Service]) -> None:
    response = Client().get("/api/v1/services?search=kerho&accessibility=step_free,toilet")
    assert response.status_code == 200
    assert [item["name"] for item in response.json()["contents"]] == ["Kerho Aalto"]
    refused = Client().get("/api/v1/services?search=kerho&accessibility=sauna")
    assert refused.status_code == 400
    assert "sauna" in refused.content.decode()
