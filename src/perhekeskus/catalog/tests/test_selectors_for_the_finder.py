"""The catalogue's reads that the finder's pages call instead of querying the models: only
public services count, and a draft reveals nothing."""

from __future__ import annotations

import pytest

from perhekeskus.catalog import selectors
from perhekeskus.catalog.models import LocationType, PublicationState, ServiceAtLocation
from perhekeskus.testing.factories import (
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db


def _service_at(location: object, *, published: bool = True) -> None:
    state = PublicationState.PUBLISHED if published else PublicationState.DRAFT
    service = ServiceFactory.create(publication_state=state)
    ServiceAtLocation.objects.create(service=service, location=location)


def test_municipalities_with_a_public_service_for_them_or_a_place_there_are_listed() -> None:
    served = MunicipalityFactory.create(code="018", name="Askola", name_sv="Askola")
    with_a_place = MunicipalityFactory.create(code="638", name="Porvoo", name_sv="Borgå")
    only_a_draft = MunicipalityFactory.create(code="504", name="Myrskylä", name_sv="Mörskom")
    MunicipalityFactory.create(code="616", name="Pukkila")  # nothing at all
    ServiceFactory.create().area_municipalities.add(served)
    _service_at(LocationFactory.create(municipality=with_a_place))
    ServiceFactory.create(publication_state=PublicationState.DRAFT).area_municipalities.add(
        only_a_draft
    )

    fi = [m.code for m in selectors.municipality_list_public(language="fi")]
    sv = [m.code for m in selectors.municipality_list_public(language="sv")]

    assert fi == ["018", "638"]
    assert sv == ["018", "638"]  # Askola, Borgå


def test_the_map_lists_places_of_public_services_with_coordinates_only() -> None:
    town = MunicipalityFactory.create(code="018", name="Askola")
    shown = LocationFactory.create(
        name="Perhetalo", municipality=town, latitude=60.5, longitude=25.6
    )
    _service_at(shown)
    draft_only = LocationFactory.create(name="Luonnos", latitude=60.4, longitude=25.5)
    _service_at(draft_only, published=False)
    no_point = LocationFactory.create(name="Ei pistettä")
    _service_at(no_point)
    virtual = LocationFactory.create(
        name="Verkossa", location_type=LocationType.VIRTUAL, latitude=60.3, longitude=25.4
    )
    _service_at(virtual)

    places = list(selectors.location_list_public_places(language="fi"))

    assert places == [shown]
    assert [sal.service.name for sal in places[0].public_sals] == [  # type: ignore[attr-defined]
        sal.service.name for sal in shown.service_at_locations.all()
    ]
    assert list(selectors.location_list_public_places(municipality_code="638")) == []
    assert list(selectors.location_list_public_places(meeting_places_only=True)) == []


def test_postal_code_coordinates_come_only_from_places_with_a_point() -> None:
    LocationFactory.create(postal_code="07500", latitude=60.5, longitude=25.6)
    LocationFactory.create(postal_code="07510")  # no coordinates
    LocationFactory.create(postal_code="20100", latitude=60.45, longitude=22.26)

    assert selectors.location_coordinates_by_postal_code(postal_prefix="07") == [
        ("07500", 60.5, 25.6)
    ]


def test_an_organisations_parent_is_given_when_it_has_one() -> None:
    county = OrganizationFactory.create(name="Hyvinvointialue")
    unit = OrganizationFactory.create(name="Perheneuvola", parent=county)
    ServiceFactory.create(organization=unit)

    assert selectors.organization_parent_public(unit) == county
    assert selectors.organization_parent_public(county) is None
