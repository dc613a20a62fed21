import datetime as dt
import io
import json
import os
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.importers.coordinates import etrs_tm35fin_to_wgs84
from perhekeskus.catalog.importers.ptv import ptv_import, ptv_parse
from perhekeskus.catalog.importers.records import child_id
from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceVersion,
)
from perhekeskus.catalog.taxonomies import (
    PTV_LIFE_EVENT_KEY,
    PTV_ONTOLOGY_KEY,
    PTV_SERVICE_CLASS_KEY,
    PTV_TARGET_GROUP_KEY,
)
from perhekeskus.catalog.versions import service_snapshot

pytestmark = pytest.mark.django_db

ORG = "5a0e1f43-2b17-4c5e-9d0a-8f3e6b1c2d40"
SERVICE = "8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
LOCATION = "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9"
PHONE = "2c3d4e5f-6071-4829-93a4-b5c6d7e8f90a"
NORTHING, EASTING = "6712345.000", "425678.000"
SAMPLE_ID = uuid.UUID("3fa85f64-5717-4562-b3fc-2c963f66afa6")


def shared_dir() -> Path:
    configured = os.environ.get("PERHEKESKUS_SHARED_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[5] / "shared"


SAMPLES = shared_dir() / "data" / "ptv-samples"
needs_samples = pytest.mark.skipif(
    not (SAMPLES / "V11VmOpenApiService.json").is_file(),
    reason=f"PTV samples not found in {SAMPLES} (set PERHEKESKUS_SHARED_DIR)",
)


def texts(fi: str, sv: str, en: str, **extra: str) -> list[dict[str, str]]:
    return [
        {"language": lang, "value": value, **extra}
        for lang, value in (("fi", fi), ("sv", sv), ("en", en))
    ]


def organization() -> dict[str, Any]:
    return {
        "id": ORG,
        "organizationType": "Municipality",
        "businessCode": "1234567-1",
        "organizationNames": [
            *texts("Askolan kunta", "Askola kommun", "Municipality of Askola", type="Name"),
            {"language": "fi", "value": "Askola", "type": "AlternateName"},
        ],
        "organizationDescriptions": texts("Kunta.", "Kommun.", "Municipality.", type="Summary"),
        "municipality": {"code": "018", "name": texts("Askola", "Askola", "Askola")},
        "webPages": [{"url": "https://www.askola.fi", "value": "Askola", "language": "fi"}],
        "emails": [{"value": "kirjaamo@askola.fi", "language": "fi"}],
        "phoneNumbers": [{"prefixNumber": "+358", "number": "19 123 4567", "language": "fi"}],
        "publishingStatus": "Published",
    }


def term(code: str, kind: str) -> dict[str, Any]:
    return {
        "code": code,
        "uri": f"http://uri.suomi.fi/codelist/ptv/{kind}/code/{code}",
        "name": texts(f"Luokka {code}", f"Klass {code}", f"Class {code}"),
    }


def service(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": SERVICE,
        "type": "Service",
        "serviceNames": [
            *texts("Lastenneuvola", "Barnrådgivning", "Child health clinic", type="Name"),
            {"language": "fi", "value": "Neuvola", "type": "AlternativeName"},
        ],
        "serviceDescriptions": [
            *texts("Neuvola lapsille.", "Rådgivning för barn.", "For children.", type="Summary"),
            *texts("Pitkä kuvaus.", "Lång beskrivning.", "Long description.", type="Description"),
            *texts("Varaa aika.", "Boka tid.", "Book a time.", type="UserInstruction"),
            {"language": "fi", "value": "Maksuton.", "type": "ChargeTypeAdditionalInfo"},
            {"language": "fi", "value": "Ennen koulua.", "type": "DeadLine"},
        ],
        "requirements": texts("Lapsiperheet.", "Barnfamiljer.", "Families."),
        "serviceChargeType": "FreeOfCharge",
        "languages": ["fi", "sv", "EN", "se"],
        "keywords": [
            {"value": "neuvola", "language": "fi"},
            {"value": "rokotus", "language": "fi"},
            {"value": "rådgivning", "language": "sv"},
        ],
        "areaType": "LimitedType",
        "areas": [
            {"type": "Municipality", "code": "018", "name": texts("Askola", "Askola", "Askola")}
        ],
        "serviceClasses": [term("P3.1", "ptvserclass2")],
        "targetGroups": [term("KR1.2", "ptvkohderyhmat")],
        "lifeEvents": [term("KE1", "ptvelamantilanteet")],
        "ontologyTerms": [
            {"code": "", "uri": "http://www.yso.fi/onto/koko/p12345", "name": texts("a", "b", "c")}
        ],
        "organizations": [
            {"organization": {"id": ORG, "name": "Askolan kunta"}, "roleType": "Responsible"}
        ],
        "serviceChannels": [
            {"serviceChannel": {"id": LOCATION, "name": "Terveysasema"}},
            {"serviceChannel": {"id": PHONE, "name": "Ajanvaraus"}},
        ],
        "publishingStatus": "Published",
    }
    data.update(changes)
    return data


def weekly(day_from: str, day_to: str, opens: str, closes: str) -> dict[str, Any]:
    return {"dayFrom": day_from, "dayTo": day_to, "from": opens, "to": closes}


def location_channel() -> dict[str, Any]:
    return {
        "id": LOCATION,
        "serviceChannelType": "ServiceLocation",
        "organizationId": ORG,
        "serviceChannelNames": texts(
            "Askolan terveysasema", "Askola hälsostation", "Askola health centre", type="Name"
        ),
        "serviceChannelDescriptions": texts("Talo.", "Hus.", "House.", type="Description"),
        "phoneNumbers": [
            {
                "prefixNumber": "+358",
                "number": "019 654 3210",
                "serviceChargeType": "FreeOfCharge",
                "language": "fi",
            }
        ],
        "emails": [{"value": "neuvola@askola.fi", "language": "fi"}],
        "webPages": [{"url": "https://www.askola.fi/neuvola", "language": "fi"}],
        "languages": ["fi", "sv"],
        "addresses": [
            {
                "type": "Postal",
                "subType": "PostOfficeBox",
                "postOfficeBoxAddress": {"postalCode": "07501"},
            },
            {
                "type": "Location",
                "subType": "Single",
                "streetAddress": {
                    "street": texts("Koulutie", "Skolvägen", "Koulutie"),
                    "streetNumber": "1",
                    "postalCode": "07500",
                    "postOffice": texts("ASKOLA", "ASKOLA", "ASKOLA"),
                    "municipality": {"code": "018", "name": texts("Askola", "Askola", "Askola")},
                    "latitude": NORTHING,
                    "longitude": EASTING,
                    "coordinateState": "Ok",
                },
            },
        ],
        "serviceHours": [
            {
                "serviceHourType": "DaysOfTheWeek",
                "validForNow": True,
                "isClosed": False,
                "openingHour": [
                    weekly("Monday", "Friday", "08:00:00", "16:00:00"),
                    weekly("Wednesday", "", "17:00:00", "19:00:00"),
                ],
            },
            {
                "serviceHourType": "Exceptional",
                "validFrom": "2025-12-23T22:00:00Z",  # the 24th, Finnish time
                "isClosed": True,
                "additionalInformation": texts("Jouluaatto", "Julafton", "Christmas Eve"),
                "openingHour": [],
            },
        ],
        "services": [{"service": {"id": SERVICE, "name": "Lastenneuvola"}}],
        "publishingStatus": "Published",
    }


def phone_channel() -> dict[str, Any]:
    return {
        "id": PHONE,
        "serviceChannelType": "Phone",
        "organizationId": ORG,
        "serviceChannelNames": texts("Ajanvaraus", "Tidsbokning", "Appointments", type="Name"),
        "serviceChannelDescriptions": texts("Soita.", "Ring.", "Call.", type="Summary"),
        "phoneNumbers": [
            {
                "prefixNumber": "+358",
                "number": "40 123 4567",
                "serviceChargeType": "Chargeable",
                "chargeDescription": "Puhelumaksu",
                "language": "fi",
            },
            {"prefixNumber": "+358", "number": "40 123 4567", "language": "sv"},
        ],
        "languages": ["fi", "sv"],
        "serviceHours": [
            {
                "serviceHourType": "DaysOfTheWeek",
                "openingHour": [weekly("Monday", "Thursday", "09:00", "15:00")],
            }
        ],
        "services": [{"service": {"id": SERVICE}}],
        "publishingStatus": "Published",
    }


def page(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"pageNumber": 1, "pageSize": 100, "pageCount": 1, "itemList": items}


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def export(folder: Path, **service_changes: Any) -> Path:
    """A PTV export in the three shapes: a single object, a paging page and an array."""
    write(folder, "organization.json", organization())
    write(folder, "services/page-1.json", page([service(**service_changes)]))
    write(folder, "channels.json", [location_channel(), phone_channel()])
    return folder


def run(*paths: Path, **options: Any) -> str:
    out = io.StringIO()
    options.setdefault("language", "en")
    call_command(
        "import_ptv", *[str(p) for p in paths], stdout=out, stderr=io.StringIO(), **options
    )
    return out.getvalue()


# --- the samples ------------------------------------------------------------------------------


@needs_samples
def test_import_ptv_reads_the_published_samples() -> None:
    output = run(SAMPLES)
    # PTV's samples hold "string" everywhere: the service and its location still come in.
    service = Service.objects.get(pk=SAMPLE_ID)
    assert service.name_fi == "string"
    assert service.publication_state == "draft"
    assert service.source == "ptv"
    location = Location.objects.get(pk=SAMPLE_ID)
    assert location.latitude is None and location.postal_code == ""
    assert ServiceAtLocation.objects.filter(service=service, location=location).exists()
    assert Organization.objects.get(pk=SAMPLE_ID).type == "other"
    assert "unknown language 'string'" in output
    assert AuditEntry.objects.filter(action="catalog.import.run").count() == 1


@needs_samples
def test_import_ptv_again_changes_nothing() -> None:
    run(SAMPLES)
    modified = Service.objects.get(pk=SAMPLE_ID).updated_at
    output = run(SAMPLES)
    assert "services            0 created       0 updated       1 unchanged" in output
    assert "locations           0 created       0 updated       1 unchanged" in output
    assert Service.objects.get(pk=SAMPLE_ID).updated_at == modified
    assert ServiceVersion.objects.filter(service_id=SAMPLE_ID).count() == 1
    assert Service.objects.count() == Location.objects.count() == 1


# --- a realistic export -------------------------------------------------------------------------


def test_import_ptv_writes_service_location_channels_and_hours(tmp_path: Path) -> None:
    output = run(export(tmp_path))
    assert "services            1 created" in output

    service = Service.objects.get(pk=SERVICE)
    assert (service.name_fi, service.name_sv, service.name_en) == (
        "Lastenneuvola",
        "Barnrådgivning",
        "Child health clinic",
    )
    assert service.alternate_name_fi == "Neuvola"
    assert service.summary_sv == "Rådgivning för barn."
    assert service.description_en == "Long description."
    assert service.application_process_fi == "Varaa aika.\n\nMääräaika: Ennen koulua."
    assert service.fees_description_fi == "Maksuton."
    assert service.eligibility_description_sv == "Barnfamiljer."
    assert service.keywords_fi == "neuvola, rokotus"
    assert service.free_of_charge is True
    assert service.languages == ["en", "fi", "se", "sv"]
    assert (service.publication_state, service.status) == ("published", "active")
    assert list(service.area_municipalities.values_list("code", flat=True)) == ["018"]
    assert service.organization.type == "municipality"
    assert service.organization.business_id == "1234567-1"
    assert service.organization.website == "https://www.askola.fi"
    assert service.organization.phone == "+358 19 123 4567"
    terms = {(t.taxonomy.key, t.code): t for t in service.terms.select_related("taxonomy")}
    assert set(terms) == {
        (PTV_SERVICE_CLASS_KEY, "P3.1"),
        (PTV_TARGET_GROUP_KEY, "KR1.2"),
        (PTV_LIFE_EVENT_KEY, "KE1"),
        (PTV_ONTOLOGY_KEY, "p12345"),
    }
    target_group = terms[(PTV_TARGET_GROUP_KEY, "KR1.2")]
    assert (target_group.name_fi, target_group.name_sv) == ("Luokka KR1.2", "Klass KR1.2")
    assert target_group.term_uri.endswith("/ptvkohderyhmat/code/KR1.2")

    location = Location.objects.get(pk=LOCATION)
    assert location.name_sv == "Askola hälsostation"
    assert (location.street_address_fi, location.street_address_sv) == ("Koulutie 1", "Skolvägen 1")
    assert (location.postal_code, location.municipality_id) == ("07500", "018")
    assert location.url == "https://www.askola.fi/neuvola"
    latitude, longitude = etrs_tm35fin_to_wgs84(northing=float(NORTHING), easting=float(EASTING))
    assert location.latitude == Decimal(latitude).quantize(Decimal("0.000001"))
    assert location.longitude == Decimal(longitude).quantize(Decimal("0.000001"))
    assert 60 < latitude < 61 and 25 < longitude < 26
    regular = location.schedules.filter(kind="regular").order_by("weekday", "opens_at")
    assert [(s.weekday, s.opens_at, s.closes_at) for s in regular] == [
        (0, dt.time(8), dt.time(16)),
        (1, dt.time(8), dt.time(16)),
        (2, dt.time(8), dt.time(16)),
        (2, dt.time(17), dt.time(19)),
        (3, dt.time(8), dt.time(16)),
        (4, dt.time(8), dt.time(16)),
    ]
    closed = location.schedules.get(kind="exception")
    assert (closed.closed, closed.valid_from, closed.valid_to) == (
        True,
        dt.date(2025, 12, 24),
        None,
    )
    assert closed.description_sv == "Julafton"

    at_location = ServiceAtLocation.objects.get(service=service, location=location)
    assert at_location.pk == child_id(uuid.UUID(SERVICE), "at", uuid.UUID(LOCATION))
    assert sorted(at_location.channels.values_list("kind", "value")) == [
        ("email", "neuvola@askola.fi"),
        ("phone", "+358 19 654 3210"),
    ]
    assert at_location.channels.get(kind="phone").phone_charge == "free"

    phone = ContactChannel.objects.get(service=service)
    assert phone.pk == child_id(uuid.UUID(SERVICE), uuid.UUID(PHONE))
    assert (phone.kind, phone.value, phone.phone_charge) == ("phone", "+358 40 123 4567", "local")
    assert phone.charge_description_fi == "Puhelumaksu"
    assert phone.name_en == "Appointments"
    assert sorted(phone.languages) == ["fi", "sv"]
    assert [s.weekday for s in phone.schedules.order_by("weekday")] == [0, 1, 2, 3]

    entry = AuditEntry.objects.get(action="catalog.import.run")
    assert entry.details["services"] == {"created": 1, "updated": 0, "unchanged": 0}
    assert entry.details["via"] == "import-ptv"


def test_import_ptv_again_is_unchanged_and_a_change_is_versioned(tmp_path: Path) -> None:
    run(export(tmp_path))
    assert "services            0 created       0 updated       1 unchanged" in run(tmp_path)
    assert Schedule.objects.count() == 6 + 1 + 4
    channels = list(phone_channel()["phoneNumbers"])
    changed = phone_channel() | {"phoneNumbers": [channels[0] | {"number": "40 765 4321"}]}
    write(tmp_path, "channels.json", [location_channel(), changed])
    assert "services            0 created       1 updated" in run(tmp_path)
    assert ContactChannel.objects.get(service_id=SERVICE).value == "+358 40 765 4321"
    latest = ServiceVersion.objects.filter(service_id=SERVICE).order_by("-number").first()
    assert latest is not None and latest.number == 2 and "channels" in latest.changes


def test_the_version_the_import_stores_is_the_service_as_written(tmp_path: Path) -> None:
    run(export(tmp_path))
    version = ServiceVersion.objects.get(service_id=SERVICE)
    assert version.snapshot == service_snapshot(Service.objects.get(pk=SERVICE))


def test_import_ptv_reads_a_single_object_an_array_and_a_page_alike(tmp_path: Path) -> None:
    shapes = {
        "object": service(),
        "array": [service()],
        "page": page([service()]),
    }
    for shape, data in shapes.items():
        parsed = ptv_parse(documents=[(f"{shape}.json", data)])
        assert [s.id for s in parsed.batch.services] == [uuid.UUID(SERVICE)], shape


# --- statuses and references ------------------------------------------------------------------


def test_a_deleted_service_is_skipped_unless_known_then_defunct(tmp_path: Path) -> None:
    write(tmp_path, "org.json", organization())
    write(tmp_path, "service.json", service(publishingStatus="Deleted"))
    output = run(tmp_path)
    assert not Service.objects.exists()
    assert "ended in PTV, not here" in output
    write(tmp_path, "service.json", service(publishingStatus="Draft"))
    run(tmp_path)
    assert Service.objects.get(pk=SERVICE).publication_state == "draft"
    write(tmp_path, "service.json", service(publishingStatus="Deleted"))
    run(tmp_path)
    assert Service.objects.get(pk=SERVICE).status == "defunct"
    write(tmp_path, "service.json", service(publishingStatus="OldPublished"))
    assert "an outdated copy in PTV" in run(tmp_path)


def test_an_organisation_known_only_by_name_is_created_as_other(tmp_path: Path) -> None:
    write(tmp_path, "service.json", service(serviceChannels=[]))
    run(tmp_path)
    organization = Organization.objects.get(pk=ORG)
    assert (organization.type, organization.name_fi) == ("other", "Askolan kunta")
    assert Service.objects.get(pk=SERVICE).organization_id == organization.pk


def test_a_service_of_an_unknown_unnamed_organisation_is_skipped(tmp_path: Path) -> None:
    unnamed = [{"organization": {"id": ORG}, "roleType": "Responsible"}]
    write(tmp_path, "service.json", service(organizations=unnamed, serviceChannels=[]))
    output = run(tmp_path)
    assert not Service.objects.exists()
    assert "its organisation is neither in the import nor here, and has no name" in output


def test_special_hours_run_from_day_to_day(tmp_path: Path) -> None:
    channel = phone_channel()
    channel["serviceHours"] = [
        {
            "serviceHourType": "OverMidnight",
            "openingHour": [weekly("Friday", "Monday", "16:00", "08:00")],
        }
    ]
    parsed = ptv_parse(documents=[("s.json", service()), ("c.json", channel)])
    rows = parsed.batch.services[0].channels[0].schedules
    assert [(s.weekday, s.opens_at, s.closes_at) for s in rows] == [
        (4, dt.time(16), dt.time(0)),
        (5, dt.time(0), dt.time(0)),
        (6, dt.time(0), dt.time(0)),
        (0, dt.time(0), dt.time(8)),
    ]


# --- broken files -------------------------------------------------------------------------------


def assert_nothing_written() -> None:
    assert not Service.objects.exists()
    assert not Organization.objects.exists()
    assert not Location.objects.exists()
    assert not AuditEntry.objects.filter(action="catalog.import.run").exists()


def test_invalid_json_names_the_file_and_writes_nothing(tmp_path: Path) -> None:
    export(tmp_path)
    broken = tmp_path / "services" / "page-2.json"
    broken.write_text('{"itemList": [', encoding="utf-8")
    with pytest.raises(CommandError) as error:
        run(tmp_path)
    assert f"{broken}: line 1 column 15: invalid JSON" in str(error.value)
    assert_nothing_written()


def test_a_service_without_id_names_the_json_path_and_writes_nothing(tmp_path: Path) -> None:
    export(tmp_path)
    without_id = service()
    del without_id["id"]
    broken = write(tmp_path, "services/page-2.json", page([service(), without_id]))
    with pytest.raises(CommandError) as error:
        run(tmp_path)
    assert f"{broken}: $.itemList[1].id: missing" in str(error.value)
    assert_nothing_written()


def test_a_field_of_the_wrong_type_names_the_json_path(tmp_path: Path) -> None:
    export(tmp_path)
    wrong = service(serviceNames=[{"language": "fi", "value": 5, "type": "Name"}])
    broken = write(tmp_path, "services/page-2.json", page([wrong]))
    with pytest.raises(CommandError) as error:
        run(tmp_path)
    assert f"{broken}: $.itemList[0].serviceNames[0].value: expected a string" in str(error.value)
    assert_nothing_written()


def test_an_unknown_item_is_a_structure_error(tmp_path: Path) -> None:
    broken = write(tmp_path, "x.json", [{"id": SERVICE, "hello": "world"}])
    with pytest.raises(CommandError, match=rf"{broken}: \$\[0\]: not a PTV organisation"):
        run(tmp_path)


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file or folder"):
        run(tmp_path / "nowhere")


# --- output -------------------------------------------------------------------------------------


def test_progress_bar_on_request(tmp_path: Path) -> None:
    err = io.StringIO()
    call_command(
        "import_ptv",
        str(export(tmp_path)),
        "--progress",
        "--language=en",
        stdout=io.StringIO(),
        stderr=err,
    )
    assert "Reading  [" in err.getvalue()
    assert "Writing  [" in err.getvalue() and "100%" in err.getvalue()


def test_no_progress_bar_when_not_a_terminal(tmp_path: Path) -> None:
    err = io.StringIO()
    call_command("import_ptv", str(export(tmp_path)), stdout=io.StringIO(), stderr=err)
    assert err.getvalue() == ""


def test_ptv_import_reports_skips_by_kind(tmp_path: Path) -> None:
    bad = service(serviceChannels=[])
    bad["id"] = str(uuid.uuid4())
    bad["organizations"] = [{"organization": {"id": str(uuid.uuid4())}, "roleType": "Responsible"}]
    parsed = ptv_parse(
        documents=[("a.json", organization()), ("b.json", [service(serviceChannels=[]), bad])]
    )
    result = ptv_import(parsed=parsed)
    assert result.summary.services.created == 1
    assert [(kind, pk) for kind, pk, _reason in result.summary.skipped] == [("service", bad["id"])]
