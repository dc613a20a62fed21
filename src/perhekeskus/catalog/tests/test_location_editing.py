from typing import Any

import pytest

from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog import listeners, services
from perhekeskus.catalog.models import Location, ServiceAtLocation
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.testing.admin import admin_form_data
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

LOCATIONS = "/fi/pro/catalog/catalog/location/"


def test_editor_adds_a_meeting_place_for_own_organisation(editor) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(editor)
    page = client.get(f"{LOCATIONS}add/")
    data = admin_form_data(
        page,
        organization=str(editor.organization_id),
        location_type="physical",
        name_fi="Perhekahvila Pilvilinna",
        street_address_fi="Kirkkotie 3",
        postal_code="07500",
        latitude="60.530000",
        longitude="25.600000",
        is_meeting_place="on",
    )
    response = client.post(f"{LOCATIONS}add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    location = Location.objects.get(name_fi="Perhekahvila Pilvilinna")
    assert location.is_meeting_place
    entry = AuditEntry.objects.get(action="catalog.location.create")
    assert entry.actor == editor


def test_invalid_postal_code_and_half_coordinates_are_form_errors(editor) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(editor)
    page = client.get(f"{LOCATIONS}add/")
    data = admin_form_data(
        page,
        organization=str(editor.organization_id),
        location_type="physical",
        name_fi="Väärä",
        postal_code="123",
        latitude="60.5",
    )
    response = client.post(f"{LOCATIONS}add/", data)
    assert response.status_code == 200
    assert not Location.objects.filter(name_fi="Väärä").exists()
    assert not AuditEntry.objects.filter(action="catalog.location.create").exists()


def test_editor_cannot_change_another_organisations_location(editor, other_organization) -> None:  # type: ignore[no-untyped-def]
    location = LocationFactory.create(organization=other_organization, name="Nuorisotila")
    with pytest.raises(NotFound):  # as if it did not exist
        services.location_update(
            actor=editor,
            location_id=location.pk,
            apply_changes=lambda place: setattr(place, "name_fi", "Kaapattu"),
        )
    location.refresh_from_db()
    assert location.name_fi == "Nuorisotila"
    client = logged_in_client(editor)
    assert client.get(f"{LOCATIONS}{location.pk}/change/").status_code == 302
    assert not AuditEntry.objects.filter(action__startswith="catalog.location").exists()


def test_editor_cannot_move_own_location_to_another_organisation(
    editor, other_organization
) -> None:  # type: ignore[no-untyped-def]
    location = LocationFactory.create(organization=editor.organization, name="Oma")
    original = location.organization_id

    def move(place: Location) -> None:
        place.name_fi = "Siirretty"
        place.organization = other_organization

    with pytest.raises(PolicyDenied):
        services.location_update(actor=editor, location_id=location.pk, apply_changes=move)
    location.refresh_from_db()
    assert (location.organization_id, location.name_fi) == (original, "Oma")
    assert not AuditEntry.objects.filter(action__startswith="catalog.location").exists()


def test_a_location_save_that_changes_nothing_is_not_audited_or_reindexed(
    editor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[Any] = []
    monkeypatch.setattr(
        listeners, "_listeners", [lambda **kwargs: told.append(kwargs["service_ids"])]
    )
    location = LocationFactory.create(organization=editor.organization, name="Pilvilinna")
    given_there = ServiceFactory.create(organization=editor.organization)
    ServiceAtLocation.objects.create(service=given_there, location=location)
    client = logged_in_client(editor)
    url = f"{LOCATIONS}{location.pk}/change/"
    assert client.post(url, admin_form_data(client.get(url))).status_code == 302
    assert told == []
    assert not AuditEntry.objects.filter(action="catalog.location.update").exists()
    response = client.post(url, admin_form_data(client.get(url), name_fi="Tähtitorni"))
    assert response.status_code == 302
    assert told == [[given_there.pk]]
    entry = AuditEntry.objects.get(action="catalog.location.update")
    assert entry.details["changes"]["name_fi"] == ["Pilvilinna", "Tähtitorni"]
