"""Open Referral HSDS 3.0 → an `ImportBatch`.

Reads full service objects (the shape of GET /services/{id}): a file with one object or an array
of them, or a folder with `fi/`, `sv/` and `en/` subfolders each holding `services.json` (and,
when present, `organizations.json`), as `perhekeskus export-hsds` writes them. HSDS has one
language per record; objects with the same id in the language folders are one record, whose
texts merge, and the first language (fi, sv, en) decides everything that is not text.

Everything is parsed before anything is written: a file that is not JSON, or a value of the
wrong shape (an id that is not a UUID, a status HSDS does not know), stops the import with
`HsdsFormatError` naming the file and the JSON path, and nothing is written. What we cannot
represent (a monthly schedule, a service area not of ours) is left out with a note.

Decisions:

- Ids are kept. Organisations come from the nested `organization` and `x_producers` (and from
  `organizations.json` in a folder), locations from `service_at_locations[].location`. A
  location without `organization_id`, or with one that is neither in the data nor in the
  catalogue, belongs to the service's organisation (noted). An organisation or location that a
  service refers to by id only must be in the data or already in the catalogue; a parent
  organisation that is neither is dropped with a note.
- Our own export publishes a missing translation as the Finnish text (the fallback), so a
  Swedish or English text equal to the Finnish one is taken as no translation.
- Channels: `phones` are phone channels; an attribute whose term is in the taxonomy
  `perhekeskus-channel` is a channel of that kind with the attribute's `value`; every other
  attribute is a classification (the term's `taxonomy` is our taxonomy key).
- Schedules: `x_kind: "exception"` rows are exceptions on `valid_from` (or `dtstart`)..`valid_to`;
  any other weekly rule gives one row per `byday` day. `x_closed` marks a closed row. Times with
  a UTC offset are turned into Finnish time.
- `x_free_of_charge` decides the fee; without it a cost option of 0 means free.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn

from django.utils.text import slugify

from perhekeskus.catalog.hsds import (
    AREA_URI_COUNTY,
    AREA_URI_MUNICIPALITY,
    AREA_URI_NATIONWIDE,
    BUSINESS_ID_SCHEME,
    BYDAY,
    CHANNEL_KIND_BY_TERM_ID,
    CHANNEL_TAXONOMY_KEY,
)
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
    Texts,
    child_id,
)
from perhekeskus.catalog.importers.writer import ImportSummary, apply_batch
from perhekeskus.catalog.models import (
    AreaType,
    ChannelKind,
    Location,
    LocationType,
    Organization,
    OrganizationType,
    PhoneCharge,
    ServiceStatus,
)
from perhekeskus.catalog.opening import FINNISH_TIME

LANGUAGES = ("fi", "sv", "en")
SERVICES_FILE = "services.json"
ORGANIZATIONS_FILE = "organizations.json"
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
_MUNICIPALITY_CODE = re.compile(r"^\d{3}$")
_COORDINATE = Decimal("0.000001")
Json = dict[str, Any]


class HsdsFormatError(Exception):
    def __init__(self, file: Path, path: str, message: str) -> None:
        super().__init__(f"{file}: {path}: {message}")
        self.file, self.path, self.message = file, path, message


@dataclass
class HsdsImport:
    summary: ImportSummary
    notes: list[str] = field(default_factory=list)


@dataclass
class _Reference:
    kind: str  # "organization" | "location"
    id: uuid.UUID
    file: Path
    path: str
    # A location's owner that is nowhere to be found gives way to the service's organisation.
    location_id: uuid.UUID | None = None
    fallback: uuid.UUID | None = None


class _Reader:
    """One JSON file in one language: its values checked and turned into records."""

    def __init__(self, *, file: Path, language: str) -> None:
        self.file = file
        self.lang = language
        self.organizations: dict[uuid.UUID, OrganizationRecord] = {}
        self.locations: dict[uuid.UUID, LocationRecord] = {}
        self.services: dict[uuid.UUID, ServiceRecord] = {}
        self.taxonomies: dict[str, TaxonomyRecord] = {}
        self.municipalities: dict[str, Texts] = {}
        self.references: list[_Reference] = []
        self.notes: list[str] = []

    # --- values ---------------------------------------------------------------------------

    def fail(self, at: str, message: str) -> NoReturn:
        raise HsdsFormatError(self.file, at, message)

    def note(self, at: str, message: str) -> None:
        self.notes.append(f"{self.file}: {at}: {message}")

    def obj(self, value: Any, at: str) -> Json:
        if not isinstance(value, dict):
            self.fail(at, "expected an object")
        return value

    def items(self, data: Json, key: str, at: str) -> Iterator[tuple[Json, str]]:
        value = data.get(key)
        if value is None:
            return
        if not isinstance(value, list):
            self.fail(f"{at}.{key}", "expected an array")
        for index, item in enumerate(value):
            yield self.obj(item, f"{at}.{key}[{index}]"), f"{at}.{key}[{index}]"

    def string(self, data: Json, key: str, at: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.fail(f"{at}.{key}", "required")
            return ""
        if not isinstance(value, str):
            self.fail(f"{at}.{key}", "expected a string")
        return value.strip()

    def texts(self, data: Json, key: str, at: str, *, required: bool = False) -> Texts:
        text = self.string(data, key, at, required=required)
        return {self.lang: text} if text else {}

    def choice(self, data: Json, key: str, at: str, choices: list[str], default: str) -> str:
        value = self.string(data, key, at)
        if not value:
            return default
        if value not in choices:
            self.fail(f"{at}.{key}", f"expected one of {', '.join(choices)}")
        return value

    def identifier(self, data: Json, key: str, at: str) -> uuid.UUID:
        value = self.optional_identifier(data, key, at)
        if value is None:
            self.fail(f"{at}.{key}", "required")
        return value

    def optional_identifier(self, data: Json, key: str, at: str) -> uuid.UUID | None:
        value = self.string(data, key, at)
        if not value:
            return None
        try:
            return uuid.UUID(value)
        except ValueError:
            self.fail(f"{at}.{key}", "expected a UUID")

    def whole_number(self, data: Json, key: str, at: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            self.fail(f"{at}.{key}", "expected a whole number")
        return int(value)

    def coordinate(self, data: Json, key: str, at: str) -> Decimal | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.fail(f"{at}.{key}", "expected a number")
        try:
            return Decimal(str(value)).quantize(_COORDINATE)
        except InvalidOperation:
            self.fail(f"{at}.{key}", "expected a number")

    def boolean(self, data: Json, key: str, at: str) -> bool | None:
        value = data.get(key)
        if value is not None and not isinstance(value, bool):
            self.fail(f"{at}.{key}", "expected true or false")
        return value

    def date(self, data: Json, key: str, at: str) -> dt.date | None:
        value = self.string(data, key, at)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{at}.{key}", "expected a date YYYY-MM-DD")

    def time(self, data: Json, key: str, at: str, on: dt.date | None) -> dt.time | None:
        value = self.string(data, key, at)
        if not value:
            return None
        if value.startswith("24:00"):
            # The end of the day; a closing time at or before the opening runs past midnight.
            value = "00:00" + value.removeprefix("24:00").lstrip(":0")
        try:
            parsed = dt.time.fromisoformat(value)
        except ValueError:
            self.fail(f"{at}.{key}", "expected a time HH:MM")
        if parsed.tzinfo is None:
            return parsed
        # An offset holds on one date; daylight saving time decides what it is in Finland.
        moment = dt.datetime.combine(on or dt.date.today(), parsed)
        return moment.astimezone(FINNISH_TIME).time().replace(tzinfo=None)

    def language_codes(self, codes: list[tuple[str, str]]) -> list[str]:
        result = []
        for code, at in codes:
            code = code.lower()
            if _LANGUAGE_CODE.match(code):
                result.append(code)
            else:
                self.note(at, f"language code {code!r} left out (expected ISO 639-1 or 639-3)")
        return result

    def reference(self, kind: str, pk: uuid.UUID, at: str, **fallback: uuid.UUID) -> None:
        self.references.append(_Reference(kind, pk, self.file, at, **fallback))

    # --- organisations ---------------------------------------------------------------------

    def organization(self, data: Json, at: str) -> uuid.UUID:
        pk = self.identifier(data, "id", at)
        org_type = self.string(data, "x_type", at)
        if org_type not in OrganizationType.values:
            if org_type:
                self.note(f"{at}.x_type", f"unknown type {org_type!r}: imported as 'other'")
            org_type = OrganizationType.OTHER
        business_id = ""
        for identifier, iat in self.items(data, "organization_identifiers", at):
            scheme = self.string(identifier, "identifier_scheme", iat)
            kind = self.string(identifier, "identifier_type", iat)
            if scheme == BUSINESS_ID_SCHEME or kind.casefold() in ("y-tunnus", "business id"):
                business_id = self.string(identifier, "identifier", iat)
        phones = [self.string(p, "number", pat) for p, pat in self.items(data, "phones", at)]
        codes = []
        for municipality, mat in self.items(data, "x_municipalities", at):
            codes.append(self.municipality(municipality, mat))
        record = OrganizationRecord(
            id=pk,
            type=org_type,
            names=self.texts(data, "name", at, required=True),
            descriptions=self.texts(data, "description", at),
            business_id=business_id,
            website=self.string(data, "website", at),
            email=self.string(data, "email", at),
            phone=next((p for p in phones if p), ""),
            municipality_codes=codes,
            parent_id=self.optional_identifier(data, "parent_organization_id", at),
        )
        if pk in self.organizations:
            _merge(self.organizations[pk], record)
        else:
            self.organizations[pk] = record
        return pk

    def municipality(self, data: Json, at: str) -> str:
        code = self.string(data, "code", at, required=True)
        if not _MUNICIPALITY_CODE.match(code):
            self.fail(f"{at}.code", "expected a three-digit municipality code")
        names = self.texts(data, "name", at)
        self.municipalities.setdefault(code, {}).update(names)
        return code

    # --- taxonomies and channels -----------------------------------------------------------

    def term(self, data: Json, at: str) -> TermRecord:
        pk = self.identifier(data, "id", at)
        detail_data = data.get("taxonomy_detail")
        detail = self.obj(detail_data, f"{at}.taxonomy_detail") if detail_data else None
        key = self.string(data, "taxonomy", at)
        if detail is not None and not key:
            key = self.string(detail, "name", f"{at}.taxonomy_detail")
        key = slugify(key)[:50] or "hsds"
        if detail is not None:
            dat = f"{at}.taxonomy_detail"
            taxonomy = TaxonomyRecord(
                key=key,
                names=self.texts(detail, "name", dat),
                descriptions=self.texts(detail, "description", dat),
                uri=self.string(detail, "uri", dat),
                id=self.optional_identifier(detail, "id", dat),
            )
            if key in self.taxonomies:
                _merge(self.taxonomies[key], taxonomy)
            else:
                self.taxonomies[key] = taxonomy
        return TermRecord(
            taxonomy_key=key,
            code=self.string(data, "code", at) or str(pk),
            names=self.texts(data, "name", at),
            descriptions=self.texts(data, "description", at),
            uri=self.string(data, "term_uri", at),
            id=pk,
        )

    def _channel_fields(self, data: Json, at: str) -> dict[str, Any]:
        return {
            "names": self.texts(data, "x_name", at),
            "phone_charge": self.choice(data, "x_charge", at, [*PhoneCharge.values, ""], ""),
            "charge_descriptions": self.texts(data, "x_charge_description", at),
            "schedules": self.schedules(data, "x_schedules", at),
            "id": self.identifier(data, "id", at),
        }

    def phone(self, data: Json, at: str) -> ChannelRecord:
        codes = [
            (self.string(lang, "code", lat), lat) for lang, lat in self.items(data, "languages", at)
        ]
        return ChannelRecord(
            kind=ChannelKind.PHONE.value,
            value=self.string(data, "number", at, required=True),
            descriptions=self.texts(data, "description", at),
            languages=self.language_codes([(c, a) for c, a in codes if c]),
            **self._channel_fields(data, at),
        )

    def attributes(
        self, data: Json, at: str, *, terms_allowed: bool
    ) -> tuple[list[TermRecord], list[tuple[int, ChannelRecord]]]:
        terms: list[TermRecord] = []
        channels: list[tuple[int, ChannelRecord]] = []
        for attribute, aat in self.items(data, "attributes", at):
            term_data = attribute.get("taxonomy_term")
            term = self.obj(term_data, f"{aat}.taxonomy_term") if term_data is not None else None
            tat = f"{aat}.taxonomy_term"
            term_id = self.optional_identifier(attribute, "taxonomy_term_id", aat)
            if term is not None:
                term_id = term_id or self.identifier(term, "id", tat)
            kind = CHANNEL_KIND_BY_TERM_ID.get(term_id) if term_id else None
            in_channel_taxonomy = (
                term is not None and self.string(term, "taxonomy", tat) == CHANNEL_TAXONOMY_KEY
            )
            if kind is None and term is not None and in_channel_taxonomy:
                kind = self.choice(term, "code", tat, ChannelKind.values, "")
            if kind:
                order = self.whole_number(attribute, "x_order", aat)
                codes = attribute.get("x_languages") or []
                if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                    self.fail(f"{aat}.x_languages", "expected an array of language codes")
                channel = ChannelRecord(
                    kind=kind,
                    value=self.string(attribute, "value", aat, required=True),
                    descriptions=self.texts(attribute, "x_description", aat),
                    languages=self.language_codes([(c, f"{aat}.x_languages") for c in codes]),
                    **self._channel_fields(attribute, aat),
                )
                channels.append((order if order is not None else 10_000 + len(channels), channel))
            elif term is None:
                self.fail(aat, "an attribute needs its taxonomy_term object")
            elif terms_allowed:
                record = self.term(term, tat)
                if all(
                    (t.taxonomy_key, t.code) != (record.taxonomy_key, record.code) for t in terms
                ):
                    terms.append(record)
            else:
                self.note(aat, "a classification here has no place in our catalogue: left out")
        return terms, channels

    def channels(
        self, data: Json, at: str, *, terms_allowed: bool
    ) -> tuple[list[TermRecord], list[ChannelRecord]]:
        ordered: list[tuple[int, int, ChannelRecord]] = []
        for position, (phone, pat) in enumerate(self.items(data, "phones", at)):
            order = self.whole_number(phone, "x_order", pat)
            ordered.append(
                (
                    order if order is not None else 10_000 + position,
                    position,
                    self.phone(phone, pat),
                )
            )
        terms, others = self.attributes(data, at, terms_allowed=terms_allowed)
        ordered += [(order, 20_000 + n, channel) for n, (order, channel) in enumerate(others)]
        return terms, [
            channel for _order, _position, channel in sorted(ordered, key=lambda o: o[:2])
        ]

    # --- schedules -------------------------------------------------------------------------

    def schedules(self, data: Json, key: str, at: str) -> list[ScheduleRecord]:
        rows: list[ScheduleRecord] = []
        for item, sat in self.items(data, key, at):
            pk = self.identifier(item, "id", sat)
            closed = bool(self.boolean(item, "x_closed", sat))
            valid_from = self.date(item, "valid_from", sat)
            valid_to = self.date(item, "valid_to", sat)
            starts = valid_from or self.date(item, "dtstart", sat)
            opens = self.time(item, "opens_at", sat, starts)
            closes = self.time(item, "closes_at", sat, starts)
            common: dict[str, Any] = {
                "closed": closed,
                "opens_at": None if closed else opens,
                "closes_at": None if closed else closes,
                "valid_to": valid_to,
                "descriptions": self.texts(item, "description", sat),
            }
            if not closed and (opens is None or closes is None):
                self.note(sat, "neither opening hours nor closed: left out")
                continue
            kind = self.choice(item, "x_kind", sat, ["regular", "exception"], "regular")
            if kind == "exception":
                if starts is None:
                    self.fail(sat, "an exception needs valid_from or dtstart")
                rows.append(ScheduleRecord(kind=kind, valid_from=starts, id=pk, **common))
                continue
            freq = self.string(item, "freq", sat)
            days = [part.strip().upper() for part in self.string(item, "byday", sat).split(",")]
            if (freq and freq != "WEEKLY") or not all(day in BYDAY for day in days if day):
                self.note(sat, "only weekly rules by weekday can be imported: left out")
                continue
            weekdays = sorted({BYDAY.index(day) for day in days if day})
            if not weekdays:
                self.note(sat, "a weekly rule without byday: left out")
                continue
            for weekday in weekdays:
                row_id = pk if len(weekdays) == 1 else child_id(pk, BYDAY[weekday])
                rows.append(
                    ScheduleRecord(
                        kind="regular", weekday=weekday, valid_from=valid_from, id=row_id, **common
                    )
                )
        return rows

    # --- locations and services ------------------------------------------------------------

    def location(self, data: Json, at: str, *, organization_id: uuid.UUID) -> uuid.UUID:
        pk = self.identifier(data, "id", at)
        owner = self.optional_identifier(data, "organization_id", at)
        if owner is not None:
            self.reference(
                "organization",
                owner,
                f"{at}.organization_id",
                location_id=pk,
                fallback=organization_id,
            )
        addresses = list(self.items(data, "addresses", at))
        physical = [a for a in addresses if a[0].get("address_type") != "postal"]
        address, aat = (physical or addresses or [({}, at)])[0]
        municipality = data.get("x_municipality")
        code = None
        if municipality is not None:
            code = self.municipality(
                self.obj(municipality, f"{at}.x_municipality"), f"{at}.x_municipality"
            )
        latitude = self.coordinate(data, "latitude", at)
        longitude = self.coordinate(data, "longitude", at)
        if (latitude is None) != (longitude is None):
            self.fail(at, "latitude and longitude come together")
        accessibility = [
            self.string(a, "description", acc) for a, acc in self.items(data, "accessibility", at)
        ]
        text = "\n\n".join(a for a in accessibility if a)
        record = LocationRecord(
            id=pk,
            organization_id=owner or organization_id,
            names=self.texts(data, "name", at, required=True),
            location_type=self.choice(data, "location_type", at, LocationType.values, "physical"),
            alternate_names=self.texts(data, "alternate_name", at),
            descriptions=self.texts(data, "description", at),
            transportation=self.texts(data, "transportation", at),
            street_address=self.texts(address, "address_1", aat),
            postal_code=self.string(address, "postal_code", aat),
            post_office=self.texts(address, "city", aat),
            municipality_code=code,
            latitude=latitude,
            longitude=longitude,
            url=self.string(data, "url", at),
            accessibility={self.lang: text} if text else {},
            is_meeting_place=bool(self.boolean(data, "x_is_meeting_place", at)),
            schedules=self.schedules(data, "schedules", at),
        )
        if pk in self.locations:
            _merge(self.locations[pk], record)
        else:
            self.locations[pk] = record
        return pk

    def service_areas(self, data: Json, at: str) -> tuple[str, list[str]]:
        area_type, codes = AreaType.MUNICIPALITIES.value, []
        for area, aat in self.items(data, "service_areas", at):
            uri = self.string(area, "uri", aat)
            if uri == AREA_URI_COUNTY:
                area_type = AreaType.COUNTY
            elif uri == AREA_URI_NATIONWIDE:
                area_type = AreaType.NATIONWIDE
            elif uri.startswith(AREA_URI_MUNICIPALITY):
                code = uri.removeprefix(AREA_URI_MUNICIPALITY)
                codes.append(self.municipality({"code": code, "name": area.get("name")}, aat))
            else:
                self.note(aat, "a service area without our URI: left out")
        return area_type, codes

    def service(self, data: Json, at: str) -> None:
        pk = self.identifier(data, "id", at)
        if pk in self.services:
            self.fail(f"{at}.id", "the same service a second time")
        if data.get("organization") is not None:
            org_data = self.obj(data["organization"], f"{at}.organization")
            organization_id = self.organization(org_data, f"{at}.organization")
        else:
            organization_id = self.identifier(data, "organization_id", at)
            self.reference("organization", organization_id, f"{at}.organization_id")
        producers = [self.organization(p, pat) for p, pat in self.items(data, "x_producers", at)]
        terms, channels = self.channels(data, at, terms_allowed=True)
        at_locations = []
        for sal, sat in self.items(data, "service_at_locations", at):
            if sal.get("location") is not None:
                location_data = self.obj(sal["location"], f"{sat}.location")
                location_id = self.location(
                    location_data, f"{sat}.location", organization_id=organization_id
                )
            else:
                location_id = self.identifier(sal, "location_id", sat)
                self.reference("location", location_id, f"{sat}.location_id")
            _terms, sal_channels = self.channels(sal, sat, terms_allowed=False)
            at_locations.append(
                ServiceAtLocationRecord(
                    location_id=location_id,
                    descriptions=self.texts(sal, "description", sat),
                    channels=sal_channels,
                    schedules=self.schedules(sal, "schedules", sat),
                    id=self.identifier(sal, "id", sat),
                )
            )
        status = self.choice(data, "status", at, ServiceStatus.values, "")
        if not status:
            self.fail(f"{at}.status", "required")
        free = self.boolean(data, "x_free_of_charge", at)
        if free is None:
            amounts = [c.get("amount") for c, _cat in self.items(data, "cost_options", at)]
            free = any(a == 0 for a in amounts) if amounts else True
        area_type, area_codes = self.service_areas(data, at)
        assured = self.date(data, "assured_date", at)
        languages = [
            (self.string(lang, "code", lat), lat) for lang, lat in self.items(data, "languages", at)
        ]
        self.services[pk] = ServiceRecord(
            id=pk,
            organization_id=organization_id,
            names=self.texts(data, "name", at, required=True),
            producer_ids=producers,
            alternate_names=self.texts(data, "alternate_name", at),
            summaries=self.texts(data, "x_summary", at),
            descriptions=self.texts(data, "description", at),
            application_process=self.texts(data, "application_process", at),
            eligibility=self.texts(data, "eligibility_description", at),
            fees_descriptions=self.texts(data, "fees_description", at),
            keywords=self.texts(data, "x_keywords", at),
            url=self.string(data, "url", at),
            email=self.string(data, "email", at),
            free_of_charge=free,
            minimum_age=self.whole_number(data, "minimum_age", at),
            maximum_age=self.whole_number(data, "maximum_age", at),
            languages=self.language_codes([(c, a) for c, a in languages if c]),
            status=status,
            publication_state="published",
            area_type=area_type,
            area_municipality_codes=area_codes,
            terms=terms,
            channels=channels,
            schedules=self.schedules(data, "schedules", at),
            at_locations=at_locations,
            last_verified_at=dt.datetime.combine(assured, dt.time(), tzinfo=FINNISH_TIME)
            if assured
            else None,
        )


# --- reading files ------------------------------------------------------------------------------


def _load(file: Path) -> Any:
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HsdsFormatError(file, "$", "no such file") from None
    except UnicodeDecodeError as error:
        raise HsdsFormatError(file, "$", f"not UTF-8 text ({error.reason})") from None
    except json.JSONDecodeError as error:
        raise HsdsFormatError(
            file, "$", f"not JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None


def _read_services(reader: _Reader) -> None:
    data = _load(reader.file)
    if isinstance(data, dict):
        reader.service(data, "$")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            reader.service(reader.obj(item, f"$[{index}]"), f"$[{index}]")
    else:
        reader.fail("$", "expected a service object or an array of them")


def _read_organizations(reader: _Reader) -> None:
    data = _load(reader.file)
    if not isinstance(data, list):
        reader.fail("$", "expected an array of organisations")
    for index, item in enumerate(data):
        reader.organization(reader.obj(item, f"$[{index}]"), f"$[{index}]")


def _readers(path: Path, language: str) -> list[_Reader]:
    if path.is_file():
        reader = _Reader(file=path, language=language)
        _read_services(reader)
        return [reader]
    if not path.is_dir():
        raise HsdsFormatError(path, "$", "no such file or folder")
    if (path / SERVICES_FILE).is_file():
        return _readers(path / SERVICES_FILE, language)
    readers = []
    for lang in LANGUAGES:
        folder = path / lang
        if not (folder / SERVICES_FILE).is_file():
            continue
        reader = _Reader(file=folder / SERVICES_FILE, language=lang)
        _read_services(reader)
        readers.append(reader)
        if (folder / ORGANIZATIONS_FILE).is_file():
            organizations = _Reader(file=folder / ORGANIZATIONS_FILE, language=lang)
            _read_organizations(organizations)
            readers.append(organizations)
    if not readers:
        raise HsdsFormatError(
            path, "$", f"no {SERVICES_FILE} in it, nor in a fi/, sv/ or en/ folder in it"
        )
    return readers


# --- merging languages --------------------------------------------------------------------------


def _key(record: Any) -> Any:
    if isinstance(record, TermRecord):
        return (record.taxonomy_key, record.code)
    return getattr(record, "id", None) or getattr(record, "location_id", None)


def _merge(first: Any, other: Any) -> None:
    """Fill `first` in from `other`, the same record in another language (or met again): texts
    add up, lists of child records merge by id, every other value stays as `first` has it."""
    for item in dataclasses.fields(first):
        mine, theirs = getattr(first, item.name), getattr(other, item.name)
        if isinstance(mine, dict):
            setattr(first, item.name, {**theirs, **mine})
        elif isinstance(mine, list) and any(dataclasses.is_dataclass(r) for r in mine + theirs):
            by_key = {_key(r): r for r in mine}
            for record in theirs:
                if _key(record) in by_key:
                    _merge(by_key[_key(record)], record)
                else:
                    mine.append(record)


def _drop_fallbacks(record: Any) -> None:
    """A Swedish or English text equal to the Finnish one is the fallback our export shows for
    a missing translation, not a translation."""
    for item in dataclasses.fields(record):
        value = getattr(record, item.name)
        if isinstance(value, dict) and "fi" in value:
            for lang in ("sv", "en"):
                if value.get(lang) == value["fi"]:
                    del value[lang]
        elif isinstance(value, list):
            for child in value:
                if dataclasses.is_dataclass(child):
                    _drop_fallbacks(child)


def _parents_first(organizations: list[OrganizationRecord]) -> list[OrganizationRecord]:
    by_id = {o.id: o for o in organizations}
    ordered: list[OrganizationRecord] = []
    seen: set[uuid.UUID] = set()

    def visit(record: OrganizationRecord, trail: set[uuid.UUID]) -> None:
        if record.id in seen or record.id in trail:
            return
        parent = by_id.get(record.parent_id) if record.parent_id else None
        if parent is not None:
            visit(parent, trail | {record.id})
        seen.add(record.id)
        ordered.append(record)

    for record in organizations:
        visit(record, set())
    return ordered


def parse_hsds(path: Path, *, language: str = "fi") -> tuple[ImportBatch, list[str]]:
    """Read `path` into a batch and the notes on what was left out. `language` is the language
    of a single file (a folder says its languages by its subfolders). Reads the catalogue to
    check references, writes nothing. Raises HsdsFormatError."""
    readers = _readers(path, language)
    first, *others = readers
    for reader in others:
        for attribute in ("organizations", "locations", "services", "taxonomies"):
            mine, theirs = getattr(first, attribute), getattr(reader, attribute)
            for key, record in theirs.items():
                if key in mine:
                    _merge(mine[key], record)
                else:
                    mine[key] = record
        for code, names in reader.municipalities.items():
            first.municipalities.setdefault(code, {}).update(
                {k: v for k, v in names.items() if k not in first.municipalities[code]}
            )
        first.references += reader.references
        first.notes += reader.notes
    batch = ImportBatch(
        municipalities=first.municipalities,
        organizations=list(first.organizations.values()),
        taxonomies=list(first.taxonomies.values()),
        locations=list(first.locations.values()),
        services=list(first.services.values()),
    )
    for records in (batch.organizations, batch.taxonomies, batch.locations, batch.services):
        for record in records:
            _drop_fallbacks(record)
    for names in batch.municipalities.values():
        for lang in ("sv", "en"):
            if "fi" in names and names.get(lang) == names["fi"]:
                del names[lang]
    notes = list(first.notes)
    _check_references(batch, first.references, notes)
    batch.organizations = _parents_first(batch.organizations)
    return batch, notes


def _check_references(batch: ImportBatch, references: list[_Reference], notes: list[str]) -> None:
    known = {
        "organization": {o.id for o in batch.organizations},
        "location": {loc.id for loc in batch.locations},
    }
    wanted = {
        kind: {r.id for r in references if r.kind == kind and r.id not in known[kind]}
        for kind in known
    }
    parents = {o.parent_id for o in batch.organizations if o.parent_id} - known["organization"]
    existing = {
        "organization": set(
            Organization.objects.filter(pk__in=wanted["organization"] | parents).values_list(
                "pk", flat=True
            )
        ),
        "location": set(
            Location.objects.filter(pk__in=wanted["location"]).values_list("pk", flat=True)
        ),
    }
    locations = {location.id: location for location in batch.locations}
    for reference in references:
        if reference.id in known[reference.kind] | existing[reference.kind]:
            continue
        if reference.location_id is not None and reference.fallback is not None:
            locations[reference.location_id].organization_id = reference.fallback
            notes.append(
                f"{reference.file}: {reference.path}: organisation {reference.id} is neither in "
                f"the data nor in the catalogue: the location is the service's organisation's"
            )
        else:
            raise HsdsFormatError(
                reference.file,
                reference.path,
                f"{reference.kind} {reference.id} is neither in the data nor in the catalogue",
            )
    for organization in batch.organizations:
        parent = organization.parent_id
        if parent and parent not in known["organization"] | existing["organization"]:
            notes.append(
                f"organisation {organization.id}: parent {parent} is neither in the data nor in "
                "the catalogue: left out"
            )
            organization.parent_id = None


def import_hsds(*, path: Path, language: str = "fi", actor: Any = None) -> HsdsImport:
    """Parse everything, then write it in one transaction (see `writer.apply_batch`)."""
    batch, notes = parse_hsds(path, language=language)
    summary = apply_batch(batch, via="import-hsds", source="hsds", actor=actor)
    return HsdsImport(summary=summary, notes=notes)
