import datetime as dt
import uuid
from decimal import Decimal

import pytest

from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.importers.records import (
    ChannelRecord,
    ImportBatch,
    LocationRecord,
    OrganizationRecord,
    ScheduleRecord,
    ServiceAtLocationRecord,
    ServiceRecord,
    TermRecord,
)
from perhekeskus.catalog.importers.writer import apply_batch
from perhekeskus.catalog.models import ContactChannel, Schedule, Service, ServiceVersion

pytestmark = pytest.mark.django_db

ORG = uuid.UUID("11111111-1111-4111-8111-111111111111")
LOC = uuid.UUID("22222222-2222-4222-8222-222222222222")
SVC = uuid.UUID("33333333-3333-4333-8333-333333333333")


def batch(name_fi: str = "Lastenneuvola") -> ImportBatch:
    return ImportBatch(
        municipalities={"018": {"fi": "Askola", "sv": "Askola"}},
        organizations=[
            OrganizationRecord(
                id=ORG,
                type="wellbeing_county",
                names={"fi": "Hyvinvointialue"},
                municipality_codes=["018"],
            )
        ],
        locations=[
            LocationRecord(
                id=LOC,
                organization_id=ORG,
                names={"fi": "Askolan terveysasema"},
                street_address={"fi": "Koulutie 1"},
                postal_code="07500",
                municipality_code="018",
                latitude=Decimal("60.530000"),
                longitude=Decimal("25.600000"),
                schedules=[ScheduleRecord(weekday=0, opens_at=dt.time(8), closes_at=dt.time(16))],
            )
        ],
        services=[
            ServiceRecord(
                id=SVC,
                organization_id=ORG,
                names={"fi": name_fi, "sv": "Barnrådgivning"},
                area_municipality_codes=["018"],
                minimum_age=0,
                maximum_age=6,
                terms=[TermRecord(taxonomy_key="perhekeskus-tasks", code="7", names={})],
                channels=[ChannelRecord(kind="phone", value="+358 40 123 4567")],
                at_locations=[
                    ServiceAtLocationRecord(
                        location_id=LOC,
                        schedules=[
                            ScheduleRecord(weekday=1, opens_at=dt.time(9), closes_at=dt.time(12))
                        ],
                    )
                ],
            )
        ],
    )


def test_import_writes_everything_and_reimport_changes_nothing() -> None:
    first = apply_batch(batch(), via="test", source="hsds")
    assert (first.services.created, first.locations.created) == (1, 1)
    service = Service.objects.get(pk=SVC)
    assert service.name_fi == "Lastenneuvola"
    assert service.name_sv == "Barnrådgivning"
    assert service.terms.get().code == "7"
    modified = service.updated_at
    second = apply_batch(batch(), via="test", source="hsds")
    assert second.services.unchanged == 1
    assert second.locations.unchanged == 1
    assert second.organizations.unchanged == 1
    assert Service.objects.get(pk=SVC).updated_at == modified
    assert ServiceVersion.objects.filter(service_id=SVC).count() == 1
    assert ContactChannel.objects.count() == 1
    assert Schedule.objects.count() == 2
    assert AuditEntry.objects.filter(action="catalog.import.run").count() == 2


def test_a_change_is_written_and_versioned() -> None:
    apply_batch(batch(), via="test", source="hsds")
    summary = apply_batch(batch("Lasten neuvola"), via="test", source="hsds")
    assert summary.services.updated == 1
    latest = ServiceVersion.objects.filter(service_id=SVC).order_by("-number").first()
    assert latest is not None and latest.number == 2
    assert latest.changes["name_fi"] == ["Lastenneuvola", "Lasten neuvola"]


def test_a_record_that_fails_validation_is_skipped_with_its_reason() -> None:
    bad = batch()
    bad.services[0].minimum_age = 200  # above any person's age
    summary = apply_batch(bad, via="test", source="hsds")
    assert summary.services.created == 0
    assert summary.skipped and summary.skipped[0][0] == "service"
    assert "minimum_age" in summary.skipped[0][2]
    assert not Service.objects.filter(pk=SVC).exists()
