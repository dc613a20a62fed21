"""HSDS export and import are each other's inverse: export → import into an empty catalogue →
export again gives the same files, and importing the same data again changes nothing.

`rich_catalogue()` builds, through the importers' own records, a catalogue that uses every
feature the mapping has to carry; the export and API tests use it too."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import translation

from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.importers.hsds import HsdsFormatError, import_hsds, parse_hsds
from perhekeskus.catalog.importers.records import (
    ChannelRecord,
    ImportBatch,
    LocationRecord,
    OrganizationRecord,
    ScheduleRecord,
    ServiceAtLocationRecord,
    ServiceRecord,
    TaxonomyRecord,
    TermRecord,
)
from perhekeskus.catalog.importers.writer import apply_batch
from perhekeskus.catalog.management.commands.export_hsds import export_hsds
from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    Municipality,
    Organization,
    Schedule,
    Service,
    ServiceVersion,
    Taxonomy,
    TaxonomyTerm,
)
from perhekeskus.catalog.taxonomies import TASKS_KEY

pytestmark = pytest.mark.django_db


def _id(name: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://test.perhekeskus.example/{name}")


COUNTY = _id("org/county")
UNIT = _id("org/unit")
NGO = _id("org/ngo")
TOWN = _id("org/town")
HIDDEN_ORG = _id("org/hidden")
CLINIC = _id("location/clinic")
MEETING_PLACE = _id("location/meeting-place")
ONLINE = _id("location/online")
CLINIC_SERVICE = _id("service/clinic")
COUNTY_SERVICE = _id("service/county")
CHAT_SERVICE = _id("service/chat")
DRAFT_SERVICE = _id("service/draft")
INACTIVE_SERVICE = _id("service/inactive")
PTV_CLASS = "ptv-service-class"

WEEKDAYS_8_TO_16 = [
    ScheduleRecord(weekday=day, opens_at=dt.time(8), closes_at=dt.time(16)) for day in range(5)
]


def _all_channels() -> list[ChannelRecord]:
    return [
        ChannelRecord(
            kind="phone",
            value="+358 40 123 4567",
            names={"fi": "Neuvonta", "sv": "Rådgivning", "en": "Advice"},
            descriptions={"fi": "Soita arkisin.", "sv": "Ring på vardagar."},
            phone_charge="local",
            charge_descriptions={"fi": "Paikallisverkkomaksu"},
            languages=["sv", "fi"],
            schedules=[
                ScheduleRecord(weekday=0, opens_at=dt.time(9), closes_at=dt.time(11, 30)),
                ScheduleRecord(weekday=3, opens_at=dt.time(12), closes_at=dt.time(14)),
            ],
        ),
        ChannelRecord(kind="email", value="neuvola@example.org", names={"fi": "Sähköposti"}),
        ChannelRecord(kind="web", value="https://example.org/neuvola"),
        ChannelRecord(
            kind="eservice",
            value="https://asiointi.example.org/ajanvaraus",
            names={"fi": "Ajanvaraus", "sv": "Tidsbokning", "en": "Booking"},
            languages=["fi", "sv", "en"],
        ),
        ChannelRecord(
            kind="chat",
            value="https://chat.example.org/perhe",
            descriptions={"fi": "Nimetön chat.", "en": "An anonymous chat."},
            schedules=[ScheduleRecord(weekday=2, opens_at=dt.time(18), closes_at=dt.time(21))],
        ),
        ChannelRecord(kind="remote", value="https://video.example.org/etavastaanotto"),
        ChannelRecord(kind="form", value="https://example.org/lomake.pdf"),
    ]


def rich_batch() -> ImportBatch:
    return ImportBatch(
        municipalities={
            "018": {"fi": "Askola", "sv": "Askola"},
            "638": {"fi": "Porvoo", "sv": "Borgå"},
            "091": {"fi": "Helsinki", "sv": "Helsingfors", "en": "Helsinki"},
        },
        organizations=[
            OrganizationRecord(
                id=COUNTY,
                type="wellbeing_county",
                names={"fi": "Itä-Uudenmaan hyvinvointialue", "sv": "Östra Nylands välfärdsområde"},
                descriptions={"fi": "Sote-palvelut.", "en": "Health and social services."},
                business_id="3221308-6",
                website="https://example.org/county",
                email="kirjaamo@example.org",
                phone="+358 19 123 456",
                municipality_codes=["018", "638"],
            ),
            OrganizationRecord(
                id=UNIT,
                type="wellbeing_county",
                names={"fi": "Perhekeskus Porvoo", "sv": "Familjecenter Borgå"},
                parent_id=COUNTY,
            ),
            OrganizationRecord(id=NGO, type="ngo", names={"fi": "Ensi- ja turvakoti ry"}),
            OrganizationRecord(id=TOWN, type="municipality", names={"fi": "Askolan kunta"}),
            OrganizationRecord(id=HIDDEN_ORG, type="private", names={"fi": "Luonnos Oy"}),
        ],
        taxonomies=[
            TaxonomyRecord(
                key=PTV_CLASS,
                names={"fi": "PTV-palveluluokka", "sv": "PTV-serviceklass", "en": "PTV class"},
                uri="http://uri.suomi.fi/codelist/ptv/ptvserclass2",
            )
        ],
        locations=[
            LocationRecord(
                id=CLINIC,
                organization_id=TOWN,
                names={"fi": "Askolan terveysasema", "sv": "Askola hälsostation"},
                descriptions={"fi": "Terveysasema kirkonkylässä."},
                transportation={"fi": "Bussi 1 pysähtyy oven edessä."},
                street_address={"fi": "Koulutie 1", "sv": "Skolvägen 1"},
                postal_code="07500",
                post_office={"fi": "Askola"},
                municipality_code="018",
                latitude=Decimal("60.530000"),
                longitude=Decimal("25.600000"),
                url="https://example.org/terveysasema",
                accessibility={"fi": "Esteetön sisäänkäynti.", "sv": "Tillgänglig ingång."},
                schedules=[
                    *WEEKDAYS_8_TO_16,
                    ScheduleRecord(weekday=5, closed=True, descriptions={"fi": "Suljettu"}),
                    ScheduleRecord(
                        kind="exception",
                        closed=True,
                        valid_from=dt.date(2025, 12, 24),
                        valid_to=dt.date(2025, 12, 26),
                        descriptions={"fi": "Joulu", "sv": "Jul", "en": "Christmas"},
                    ),
                    ScheduleRecord(
                        kind="exception",
                        opens_at=dt.time(8),
                        closes_at=dt.time(12),
                        valid_from=dt.date(2025, 12, 31),
                        descriptions={"fi": "Uudenvuodenaatto"},
                    ),
                ],
            ),
            LocationRecord(
                id=MEETING_PLACE,
                organization_id=UNIT,
                names={"fi": "Kohtaamispaikka Pikkukakkonen", "sv": "Mötesplatsen Lillan"},
                street_address={"fi": "Rauhankatu 3", "sv": "Fredsgatan 3"},
                postal_code="06100",
                municipality_code="638",
                is_meeting_place=True,
                schedules=[
                    ScheduleRecord(
                        weekday=1,
                        opens_at=dt.time(9),
                        closes_at=dt.time(12),
                        valid_from=dt.date(2025, 1, 7),
                        valid_to=dt.date(2025, 5, 31),
                    )
                ],
            ),
            LocationRecord(
                id=ONLINE,
                organization_id=NGO,
                location_type="virtual",
                names={"fi": "Verkossa", "sv": "På nätet", "en": "Online"},
                url="https://chat.example.org",
            ),
        ],
        services=[
            ServiceRecord(
                id=CLINIC_SERVICE,
                organization_id=UNIT,
                producer_ids=[NGO],
                names={"fi": "Lastenneuvola", "sv": "Barnrådgivning", "en": "Child health clinic"},
                alternate_names={"fi": "Neuvola"},
                summaries={"fi": "Lapsen terveys ja kasvu.", "sv": "Barnets hälsa."},
                descriptions={"fi": "Neuvola seuraa lapsen kasvua.", "en": "The clinic."},
                application_process={"fi": "Varaa aika puhelimella."},
                eligibility={"fi": "Alle kouluikäiset lapset ja heidän perheensä."},
                fees_descriptions={"fi": "Käyntimaksu 10 €.", "sv": "Besöksavgift 10 €."},
                keywords={"fi": "neuvola, rokotukset", "sv": "rådgivning, vaccinationer"},
                url="https://example.org/neuvola",
                email="neuvola@example.org",
                free_of_charge=False,
                minimum_age=0,
                maximum_age=6,
                languages=["fi", "sv", "so"],
                area_type="municipalities",
                area_municipality_codes=["018", "638"],
                terms=[
                    TermRecord(taxonomy_key=TASKS_KEY, code="7", names={}),
                    TermRecord(taxonomy_key=TASKS_KEY, code="2", names={}),
                    TermRecord(
                        taxonomy_key=PTV_CLASS,
                        code="P3.1",
                        names={"fi": "Neuvolapalvelut", "sv": "Rådgivningstjänster"},
                        descriptions={"fi": "Äitiys- ja lastenneuvolat."},
                        uri="http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P3.1",
                    ),
                ],
                channels=_all_channels(),
                schedules=[
                    ScheduleRecord(weekday=0, opens_at=dt.time(8), closes_at=dt.time(15, 45)),
                    ScheduleRecord(
                        kind="exception",
                        closed=True,
                        valid_from=dt.date(2025, 6, 20),
                        descriptions={"fi": "Juhannusaatto", "sv": "Midsommarafton"},
                    ),
                ],
                at_locations=[
                    ServiceAtLocationRecord(
                        location_id=CLINIC,
                        descriptions={"fi": "Neuvola terveysaseman 2. kerroksessa."},
                        channels=[
                            ChannelRecord(kind="phone", value="+358 19 555 0101"),
                            ChannelRecord(kind="web", value="https://example.org/askola"),
                        ],
                        schedules=[
                            ScheduleRecord(weekday=2, opens_at=dt.time(8), closes_at=dt.time(12))
                        ],
                    ),
                    ServiceAtLocationRecord(location_id=MEETING_PLACE),
                ],
                last_verified_at=dt.datetime(2025, 3, 4, 13, 45, tzinfo=dt.UTC),
            ),
            ServiceRecord(
                id=COUNTY_SERVICE,
                organization_id=COUNTY,
                names={"fi": "Perheneuvola", "sv": "Familjerådgivning"},
                area_type="county",
                area_municipality_codes=["018"],
                terms=[TermRecord(taxonomy_key=TASKS_KEY, code="6", names={})],
            ),
            ServiceRecord(
                id=CHAT_SERVICE,
                organization_id=NGO,
                names={"fi": "Eroauttamisen chat", "en": "Separation support chat"},
                area_type="nationwide",
                minimum_age=18,
                languages=["fi", "en"],
                channels=[ChannelRecord(kind="chat", value="https://chat.example.org/ero")],
                at_locations=[ServiceAtLocationRecord(location_id=ONLINE)],
            ),
            ServiceRecord(
                id=DRAFT_SERVICE,
                organization_id=HIDDEN_ORG,
                names={"fi": "Luonnospalvelu"},
                publication_state="draft",
                at_locations=[ServiceAtLocationRecord(location_id=CLINIC)],
            ),
            ServiceRecord(
                id=INACTIVE_SERVICE,
                organization_id=HIDDEN_ORG,
                names={"fi": "Lakkautettu palvelu"},
                status="inactive",
            ),
        ],
    )


def rich_catalogue() -> None:
    summary = apply_batch(rich_batch(), via="test", source="manual")
    assert not summary.skipped, summary.skipped


def empty_catalogue() -> None:
    """Everything the import brings goes; the platform's own task taxonomy stays, as in a new
    installation."""
    Service.objects.all().delete()
    Location.objects.all().delete()
    Organization.objects.update(parent=None)
    Organization.objects.all().delete()
    TaxonomyTerm.objects.exclude(taxonomy__key=TASKS_KEY).delete()
    Taxonomy.objects.exclude(key=TASKS_KEY).delete()
    Municipality.objects.all().delete()


def read_export(folder: Path) -> dict[str, Any]:
    return {
        str(path.relative_to(folder)): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("*.json"))
    }


def _without_modification_times(value: Any) -> Any:
    # `last_modified` is when the record changed *here*; an import is such a change (and
    # `modified_after` must see it), so it is the one value that may differ.
    if isinstance(value, dict):
        return {
            key: "…" if key == "last_modified" else _without_modification_times(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_without_modification_times(item) for item in value]
    return value


def test_export_import_export_gives_the_same_files(tmp_path: Path) -> None:
    rich_catalogue()
    export_hsds(outdir=tmp_path / "first")
    first = read_export(tmp_path / "first")
    assert len(first["fi/services.json"]) == 3

    empty_catalogue()
    result = import_hsds(path=tmp_path / "first")
    assert not result.summary.skipped, result.summary.skipped
    assert result.summary.services.created == 3
    assert result.summary.organizations.created == 4  # the draft's organisation is not public
    assert result.notes == []

    export_hsds(outdir=tmp_path / "second")
    second = read_export(tmp_path / "second")
    assert set(second) == set(first)
    for name in first:
        assert _without_modification_times(second[name]) == _without_modification_times(
            first[name]
        ), name


def test_the_data_survives_the_round_trip_in_every_language(tmp_path: Path) -> None:
    rich_catalogue()
    export_hsds(outdir=tmp_path)
    empty_catalogue()
    import_hsds(path=tmp_path)

    service = Service.objects.get(pk=CLINIC_SERVICE)
    assert (service.name_fi, service.name_sv, service.name_en) == (
        "Lastenneuvola",
        "Barnrådgivning",
        "Child health clinic",
    )
    # A missing translation came as the Finnish fallback and is again missing.
    assert (service.alternate_name_sv, service.application_process_en) == ("", "")
    assert service.summary_sv == "Barnets hälsa."
    assert service.keywords_sv == "rådgivning, vaccinationer"
    assert service.free_of_charge is False
    assert service.languages == ["fi", "so", "sv"]
    assert service.source == "hsds"
    assert set(service.producers.values_list("pk", flat=True)) == {NGO}
    assert sorted(service.area_municipalities.values_list("code", flat=True)) == ["018", "638"]
    assert sorted(service.terms.values_list("taxonomy__key", "code")) == [
        (TASKS_KEY, "2"),
        (TASKS_KEY, "7"),
        (PTV_CLASS, "P3.1"),
    ]
    channels = list(ContactChannel.objects.filter(service=service).order_by("order"))
    assert [c.kind for c in channels] == [
        "phone",
        "email",
        "web",
        "eservice",
        "chat",
        "remote",
        "form",
    ]
    phone = channels[0]
    assert (phone.name_sv, phone.phone_charge, phone.languages) == (
        "Rådgivning",
        "local",
        ["fi", "sv"],
    )
    assert phone.schedules.count() == 2
    assert channels[4].description_en == "An anonymous chat."

    clinic = Location.objects.get(pk=CLINIC)
    assert clinic.organization_id == TOWN
    assert (clinic.street_address_sv, clinic.municipality_id) == ("Skolvägen 1", "018")
    assert clinic.latitude == Decimal("60.53")
    christmas = Schedule.objects.get(location=clinic, kind="exception", closed=True)
    assert (christmas.valid_from, christmas.valid_to) == (
        dt.date(2025, 12, 24),
        dt.date(2025, 12, 26),
    )
    assert christmas.description_en == "Christmas"
    new_year = Schedule.objects.get(location=clinic, kind="exception", closed=False)
    assert (new_year.valid_to, new_year.opens_at) == (None, dt.time(8))
    assert Schedule.objects.get(location=clinic, weekday=5).closed is True
    assert Location.objects.get(pk=MEETING_PLACE).is_meeting_place is True

    unit = Organization.objects.get(pk=UNIT)
    assert unit.parent_id == COUNTY
    county = Organization.objects.get(pk=COUNTY)
    assert (county.business_id, county.phone, county.type) == (
        "3221308-6",
        "+358 19 123 456",
        "wellbeing_county",
    )
    assert Municipality.objects.get(code="638").name_sv == "Borgå"
    assert Service.objects.get(pk=COUNTY_SERVICE).area_type == "county"
    assert Service.objects.get(pk=CHAT_SERVICE).area_type == "nationwide"
    assert not Service.objects.filter(pk__in=[DRAFT_SERVICE, INACTIVE_SERVICE]).exists()


def test_importing_the_same_export_again_changes_nothing(tmp_path: Path) -> None:
    rich_catalogue()
    export_hsds(outdir=tmp_path)
    empty_catalogue()
    import_hsds(path=tmp_path)
    versions = ServiceVersion.objects.count()
    modified = dict(Service.objects.values_list("pk", "updated_at"))

    again = import_hsds(path=tmp_path)

    for kind in ("organizations", "locations", "services"):
        counts = getattr(again.summary, kind)
        assert (counts.created, counts.updated) == (0, 0), kind
    assert ServiceVersion.objects.count() == versions
    assert dict(Service.objects.values_list("pk", "updated_at")) == modified


def test_one_language_file_imports_alone(tmp_path: Path) -> None:
    rich_catalogue()
    export_hsds(outdir=tmp_path)
    services = json.loads((tmp_path / "sv" / "services.json").read_text(encoding="utf-8"))
    single = tmp_path / "one.json"
    single.write_text(json.dumps(services[0]), encoding="utf-8")
    empty_catalogue()

    result = import_hsds(path=single, language="sv")

    assert result.summary.services.created == 1
    service = Service.objects.get()
    # The file is Swedish; what it has is the Swedish text (or the fallback it showed).
    assert service.name_sv == services[0]["name"]
    assert service.name_fi == ""


def test_the_commands_export_and_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")  # the import's messages
    rich_catalogue()
    call_command("export_hsds", str(tmp_path))
    out = capsys.readouterr().out
    assert "services" in out
    assert AuditEntry.objects.filter(action="catalog.export.run").count() == 1
    for lang in ("fi", "sv", "en"):
        for name in (
            "services",
            "organizations",
            "service_at_locations",
            "taxonomies",
            "taxonomy_terms",
        ):
            assert (tmp_path / lang / f"{name}.json").is_file()

    call_command("import_hsds", str(tmp_path))
    out = capsys.readouterr().out
    assert "services" in out and "unchanged" in out


def _service(**fields: Any) -> str:
    return json.dumps(
        {
            "id": str(uuid.uuid4()),
            "name": "Palvelu",
            "status": "active",
            "organization": {"id": str(uuid.uuid4()), "name": "Järjestö"},
            **fields,
        }
    )


BROKEN = [
    pytest.param("[{", "$", "not JSON", id="not-json"),
    pytest.param('"a string"', "$", "expected a service object", id="not-an-object"),
    pytest.param('[{"name": "x", "status": "active"}]', "$[0].id", "required", id="no-id"),
    pytest.param(_service(id="not-a-uuid"), "$.id", "expected a UUID", id="bad-id"),
    pytest.param(_service(status="open"), "$.status", "expected one of", id="bad-status"),
    pytest.param(_service(minimum_age="three"), "$.minimum_age", "whole number", id="bad-age"),
    pytest.param(
        _service(service_at_locations=[{"id": str(uuid.uuid4()), "location": {"id": 5}}]),
        "$.service_at_locations[0].location.id",
        "expected a string",
        id="bad-location-id",
    ),
    pytest.param(
        _service(organization=None, organization_id=str(uuid.uuid4())),
        "$.organization_id",
        "neither in the data nor in the catalogue",
        id="unknown-organization",
    ),
    pytest.param(
        _service(schedules=[{"id": str(uuid.uuid4()), "opens_at": "nine", "byday": "MO"}]),
        "$.schedules[0].opens_at",
        "expected a time",
        id="bad-time",
    ),
    pytest.param(
        _service(attributes=[{"id": str(uuid.uuid4()), "taxonomy_term_id": str(uuid.uuid4())}]),
        "$.attributes[0]",
        "needs its taxonomy_term",
        id="attribute-without-term",
    ),
    pytest.param(_service(phones={"number": "1"}), "$.phones", "expected an array", id="phones"),
]


@pytest.mark.parametrize(("content", "path", "message"), BROKEN)
def test_broken_input_names_file_and_path_and_writes_nothing(
    tmp_path: Path, content: str, path: str, message: str
) -> None:
    rich_catalogue()
    services_before = Service.objects.count()
    imports_before = AuditEntry.objects.filter(action="catalog.import.run").count()
    file = tmp_path / "broken.json"
    file.write_text(content, encoding="utf-8")

    with pytest.raises(HsdsFormatError) as error, translation.override("en"):
        import_hsds(path=file)

    assert error.value.file == file
    assert error.value.path == path
    assert message in error.value.message
    assert str(file) in str(error.value)
    assert Service.objects.count() == services_before
    assert AuditEntry.objects.filter(action="catalog.import.run").count() == imports_before


def test_a_broken_language_folder_stops_the_whole_import(tmp_path: Path) -> None:
    rich_catalogue()
    export_hsds(outdir=tmp_path)
    (tmp_path / "en" / "services.json").write_text('[{"id": 1}]', encoding="utf-8")
    empty_catalogue()

    with pytest.raises(HsdsFormatError) as error:
        import_hsds(path=tmp_path)

    assert error.value.file == tmp_path / "en" / "services.json"
    assert error.value.path == "$[0].id"
    assert not Service.objects.exists()


def test_a_folder_without_services_is_refused(tmp_path: Path) -> None:
    with pytest.raises(HsdsFormatError, match=r"no services\.json"), translation.override("en"):
        parse_hsds(tmp_path)
    # In the language of the one who runs the import.
    finnish = "siinä ei ole tiedostoa services.json ja *.json-tiedostoja"
    with translation.override("fi"), pytest.raises(HsdsFormatError) as error:
        parse_hsds(tmp_path)
    assert "siinä ei ole tiedostoa services.json" in str(error.value), finnish
