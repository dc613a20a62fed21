import pytest

from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog import services
from perhekeskus.catalog.models import Location
from perhekeskus.core.errors import PolicyDenied
from perhekeskus.testing.admin import admin_form_data
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import LocationFactory

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
    location.name_fi = "Kaapattu"
    with pytest.raises(PolicyDenied):
        services.location_save(actor=editor, location=location)
    location.refresh_from_db()
    assert location.name_fi == "Nuorisotila"
    client = logged_in_client(editor)
    assert client.get(f"{LOCATIONS}{location.pk}/change/").status_code == 302
    assert not AuditEntry.objects.filter(action__startswith="catalog.location").exists()


def test_editor_cannot_move_own_location_to_another_organisation(
    editor, other_organization
) -> None:  # type: ignore[no-untyped-def]
    location = LocationFactory.create(organization=editor.organization)
    original = location.organization_id
    location.organization = other_organization
    with pytest.raises(PolicyDenied):
        services.location_save(actor=editor, location=location, original_organization_id=original)
    assert Location.objects.get(pk=location.pk).organization_id == original
