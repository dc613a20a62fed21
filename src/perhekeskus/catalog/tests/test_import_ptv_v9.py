"""PTV open API v9 answers, as older county exports have them, import as v11 does. The v9
shapes here are written from the differences listed in `importers/ptv/versions.py`."""

from __future__ import annotations

import copy
import uuid
from pathlib import Path
from typing import Any

import pytest

from perhekeskus.catalog.models import ContactChannel, Schedule, Service, ServiceAtLocation
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


def v9_service() -> dict[str, Any]:
    data = copy.deepcopy(service())
    del data["serviceChannels"]
    data["serviceChannelIds"] = [LOCATION, PHONE]
    data["serviceChargeType"] = "Charged"
    data["areaMunicipalities"] = [
        {"code": area["code"], "name": area["name"]} for area in data.pop("areas")
    ]
    del data["areaType"]
    return data


def v9_channel(channel: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(channel)
    data["serviceIds"] = [link["service"]["id"] for link in data.pop("services")]
    for hours in data.get("serviceHours", []):
        hours["serviceHourType"] = {"DaysOfTheWeek": "Standard", "Exceptional": "Exception"}[
            hours["serviceHourType"]
        ]
    for number in data.get("phoneNumbers", []):
        if number.get("serviceChargeType") == "Chargeable":
            number["serviceChargeType"] = "Charged"
    return data


def imported() -> dict[str, Any]:
    service_row = Service.objects.get(pk=SERVICE)
    return {
        "name": service_row.name_fi,
        "free": service_row.free_of_charge,
        "areas": sorted(service_row.area_municipalities.values_list("code", flat=True)),
        "area_type": service_row.area_type,
        "at_locations": ServiceAtLocation.objects.filter(service=service_row).count(),
        "channels": sorted(
            ContactChannel.objects.filter(service=service_row).values_list("value", "phone_charge")
        ),
        "place_hours": Schedule.objects.filter(location_id=LOCATION).count(),
        "phone_hours": Schedule.objects.filter(channel__service=service_row).count(),
    }


def test_v9_answers_import_as_v11_answers_do(tmp_path: Path) -> None:
    v11 = tmp_path / "v11"
    run(
        write(v11, "organizations.json", organization()),
        write(v11, "services.json", page([service(serviceChargeType="Chargeable")])),
        write(v11, "channels.json", page([location_channel(), phone_channel()])),
    )
    expected = imported()
    Service.objects.all().delete()

    v9 = tmp_path / "v9"
    run(
        write(v9, "organizations.json", organization()),
        write(v9, "services.json", page([v9_service()])),
        write(
            v9, "channels.json", page([v9_channel(location_channel()), v9_channel(phone_channel())])
        ),
    )

    assert imported() == expected
    assert expected["at_locations"] == 1 and expected["place_hours"] > 0
    assert expected["areas"] == ["018"] and expected["free"] is False


def test_v9_channels_delivered_first_wait_for_their_services(tmp_path: Path) -> None:
    run(
        write(tmp_path, "organizations.json", organization()),
        write(tmp_path, "channels.json", page([v9_channel(location_channel())])),
    )
    run(write(tmp_path / "later", "services.json", page([v9_service()])))
    assert ServiceAtLocation.objects.filter(
        service_id=uuid.UUID(SERVICE), location_id=uuid.UUID(LOCATION)
    ).exists()
