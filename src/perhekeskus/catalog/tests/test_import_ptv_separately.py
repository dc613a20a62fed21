"""PTV delivers services and channels apart (the open API lists them separately, and counties
export them to separate files): importing one without the other must lose nothing, and the two
must end up linked whichever comes first. Only `--prune` removes what the input does not
mention, and `--dry-run` says what it would remove without writing anything."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from perhekeskus.catalog.importers.records import child_id
from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    PendingImport,
    Schedule,
    ServiceAtLocation,
    ServiceVersion,
)
from perhekeskus.catalog.tests.test_import_ptv import (
    LOCATION,
    PHONE,
    SERVICE,
    location_channel,
    organization,
    page,
    phone_channel,
    run,
    service,
    write,
)

pytestmark = pytest.mark.django_db

SERVICE_ID = uuid.UUID(SERVICE)
LOCATION_ID = uuid.UUID(LOCATION)
PHONE_ID = uuid.UUID(PHONE)


def services_file(folder: Path, **changes: object) -> Path:
    return write(folder, "services/page-1.json", page([service(**changes)]))


def channels_file(folder: Path) -> Path:
    return write(folder, "channels/page-1.json", page([location_channel(), phone_channel()]))


def organizations_file(folder: Path) -> Path:
    return write(folder, "organizations/page-1.json", page([organization()]))


def counts() -> dict[str, int]:
    return {
        "at_locations": ServiceAtLocation.objects.filter(service_id=SERVICE_ID).count(),
        "service_channels": ContactChannel.objects.filter(service_id=SERVICE_ID).count(),
        "place_channels": ContactChannel.objects.filter(
            service_at_location__service_id=SERVICE_ID
        ).count(),
        "place_hours": Schedule.objects.filter(location_id=LOCATION_ID).count(),
        "channel_hours": Schedule.objects.filter(channel__service_id=SERVICE_ID).count(),
    }


FULL = {
    "at_locations": 1,
    "service_channels": 1,  # the phone channel's number
    "place_channels": 2,  # the place's phone and e-mail
    "place_hours": 7,  # Monday to Friday, Wednesday evening, Christmas Eve
    "channel_hours": 4,  # the phone's Monday to Thursday
}


def test_importing_services_alone_keeps_their_places_channels_and_hours(tmp_path: Path) -> None:
    run(organizations_file(tmp_path), services_file(tmp_path), channels_file(tmp_path))
    assert counts() == FULL
    versions = ServiceVersion.objects.filter(service_id=SERVICE_ID).count()

    output = run(services_file(tmp_path / "again"))

    assert counts() == FULL
    assert "services            0 created       0 updated       1 unchanged" in output
    assert "--prune would remove them" in output
    assert ServiceVersion.objects.filter(service_id=SERVICE_ID).count() == versions


def test_a_changed_service_alone_keeps_its_channels_and_its_version_shows_them(
    tmp_path: Path,
) -> None:
    run(organizations_file(tmp_path), services_file(tmp_path), channels_file(tmp_path))
    renamed = service()
    renamed["serviceNames"][0]["value"] = "Lasten ja perheiden neuvola"
    run(write(tmp_path / "again", "services.json", page([renamed])))

    assert counts() == FULL
    version = ServiceVersion.objects.filter(service_id=SERVICE_ID).order_by("-number").first()
    assert version is not None and version.snapshot["name_fi"] == "Lasten ja perheiden neuvola"
    assert len(version.snapshot["at_locations"]) == 1
    assert len(version.snapshot["channels"]) == 1
    assert version.snapshot["at_locations"][0]["channels"]  # the place's phone and e-mail


def test_a_channel_that_changed_replaces_what_it_gave_and_nothing_else(tmp_path: Path) -> None:
    run(organizations_file(tmp_path), services_file(tmp_path), channels_file(tmp_path))
    phone = phone_channel()
    phone["phoneNumbers"] = [{"prefixNumber": "+358", "number": "40 765 4321", "language": "fi"}]
    run(services_file(tmp_path / "again"), write(tmp_path / "again", "phone.json", phone))

    numbers = list(
        ContactChannel.objects.filter(service_id=SERVICE_ID).values_list("value", flat=True)
    )
    assert numbers == ["+358 40 765 4321"]
    assert ServiceAtLocation.objects.filter(service_id=SERVICE_ID).count() == 1


def test_prune_with_dry_run_says_what_would_go_and_writes_nothing(tmp_path: Path) -> None:
    run(organizations_file(tmp_path), services_file(tmp_path), channels_file(tmp_path))

    output = run(services_file(tmp_path / "again"), prune=True, dry_run=True)

    assert "Would remove, as the input does not mention them (--prune):" in output
    assert "places of services" in output and "contact channels" in output
    assert "Dry run: nothing was written." in output
    assert counts() == FULL


def test_prune_removes_what_the_input_does_not_mention(tmp_path: Path) -> None:
    run(organizations_file(tmp_path), services_file(tmp_path), channels_file(tmp_path))

    output = run(services_file(tmp_path / "again"), prune=True)

    assert "Removed, as the input does not mention them (--prune):" in output
    assert counts()["at_locations"] == counts()["service_channels"] == 0
    # The place itself is not the service's: it stays, with its own opening hours.
    assert Location.objects.filter(pk=LOCATION_ID).exists()
    assert counts()["place_hours"] == FULL["place_hours"]


def test_services_then_channels_end_up_linked(tmp_path: Path) -> None:
    run(organizations_file(tmp_path), services_file(tmp_path))
    assert counts()["at_locations"] == counts()["service_channels"] == 0

    run(channels_file(tmp_path / "later"))

    assert counts() == FULL
    assert PendingImport.objects.count() == 0
    channel = ContactChannel.objects.get(service_id=SERVICE_ID)
    assert channel.pk == child_id(SERVICE_ID, PHONE_ID)


def test_channels_then_services_end_up_linked(tmp_path: Path) -> None:
    run(organizations_file(tmp_path), channels_file(tmp_path))
    # The services have not arrived: the channels wait for them.
    assert set(PendingImport.objects.values_list("object_id", flat=True)) == {
        LOCATION_ID,
        PHONE_ID,
    }

    output = run(services_file(tmp_path / "later"))

    assert counts() == FULL
    assert PendingImport.objects.count() == 0
    assert "wait" not in output


def test_a_channel_page_whose_organisation_arrives_later_is_kept_and_linked(
    tmp_path: Path,
) -> None:
    output = run(channels_file(tmp_path))
    assert "2 channels wait for their services or their organisation" in output
    assert not Location.objects.exists()

    run(organizations_file(tmp_path / "later"), services_file(tmp_path / "later"))

    assert counts() == FULL
    assert Location.objects.get(pk=LOCATION_ID).organization_id == uuid.UUID(organization()["id"])
    assert PendingImport.objects.count() == 0
