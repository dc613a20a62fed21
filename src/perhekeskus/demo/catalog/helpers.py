"""Compact constructors for the demo catalogue's import records.

Every id is a uuid5 of a stable address under the demo domain, so loading the demo again finds
the same rows and changes nothing. Texts are written as wrapped prose in the data modules; every
run of whitespace becomes one space here. A text given as a tuple is (fi, sv, en); an empty string
leaves that language out. Opening hours have their own notation in `hours`.

Phone numbers are made up in one recognisable series, +358 <area> 555 01xx (0800 555 0xx for
free national lines), after the fictional-number convention: none is a real service's number.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from perhekeskus.catalog.importers.records import (
    ChannelRecord,
    LocationRecord,
    ScheduleRecord,
    ServiceAtLocationRecord,
    ServiceRecord,
    TermRecord,
    Texts,
)
from perhekeskus.catalog.models import (
    AreaType,
    ChannelKind,
    PhoneCharge,
    PublicationState,
    ServiceStatus,
)
from perhekeskus.catalog.taxonomies import TASKS_KEY

DEMO_DOMAIN = "demo.perhekeskus.example"
WEB = f"https://{DEMO_DOMAIN}"
LANGUAGES = ("fi", "sv", "en")

# Official municipality codes (Tilastokeskus).
ASKOLA, JANAKKALA, RAISIO, LAITILA = "018", "165", "680", "400"
SIMO, INARI, TURKU, PORVOO = "751", "148", "853", "638"

Text = str | tuple[str, ...]
"""One Finnish text, or (fi, sv, en)."""


def demo_id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{WEB}/{kind}/{key}")


def org_id(key: str) -> uuid.UUID:
    return demo_id("organization", key)


def location_id(key: str) -> uuid.UUID:
    return demo_id("location", key)


def service_id(key: str) -> uuid.UUID:
    return demo_id("service", key)


def clean(text: str) -> str:
    return " ".join(text.split())


def texts(value: Text | None) -> Texts:
    if value is None:
        return {}
    values = (value,) if isinstance(value, str) else value
    if len(values) > len(LANGUAGES):
        raise ValueError(f"More texts than languages: {values!r}")
    return {lang: clean(text) for lang, text in zip(LANGUAGES, values, strict=False) if text}


# --- Organisations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoOrganization:
    key: str
    type: str
    names: dict[str, str]
    descriptions: dict[str, str]
    municipalities: tuple[str, ...]
    business_id: str = ""
    website: str = ""

    @property
    def id(self) -> uuid.UUID:
        return org_id(self.key)


def organization(
    key: str, type: str, names: Text, description: Text, municipalities: Sequence[str] = ()
) -> DemoOrganization:
    return DemoOrganization(
        key=key,
        type=type,
        names=texts(names),
        descriptions=texts(description),
        municipalities=tuple(municipalities),
        website=f"{WEB}/organisaatiot/{key}",
    )


# --- Contact channels ---------------------------------------------------------------------------


def phone(
    number: str,
    hours: Sequence[ScheduleRecord] = (),
    *,
    name: Text | None = None,
    note: Text | None = None,
    languages: str = "fi",
) -> ChannelRecord:
    free = number.startswith("0800")
    return ChannelRecord(
        kind=ChannelKind.PHONE,
        value=number,
        names=texts(name),
        descriptions=texts(note),
        phone_charge=PhoneCharge.FREE if free else PhoneCharge.LOCAL,
        languages=languages.split(),
        schedules=list(hours),
    )


def email(local_part: str, *, name: Text | None = None, note: Text | None = None) -> ChannelRecord:
    return ChannelRecord(
        kind=ChannelKind.EMAIL,
        value=f"{local_part}@{DEMO_DOMAIN}",
        names=texts(name),
        descriptions=texts(note),
    )


def _online(
    kind: str,
    path: str,
    name: Text | None,
    note: Text | None,
    hours: Sequence[ScheduleRecord],
    languages: str,
) -> ChannelRecord:
    return ChannelRecord(
        kind=kind,
        value=f"{WEB}/{path}",
        names=texts(name),
        descriptions=texts(note),
        languages=languages.split(),
        schedules=list(hours),
    )


def web(path: str, *, name: Text | None = None, languages: str = "") -> ChannelRecord:
    return _online(ChannelKind.WEB, path, name, None, (), languages)


def eservice(
    path: str,
    name: Text,
    *,
    note: Text | None = None,
    hours: Sequence[ScheduleRecord] = (),
    languages: str = "fi",
) -> ChannelRecord:
    return _online(ChannelKind.ESERVICE, path, name, note, hours, languages)


def chat(
    path: str,
    name: Text,
    hours: Sequence[ScheduleRecord],
    *,
    note: Text | None = None,
    languages: str = "fi",
) -> ChannelRecord:
    return _online(ChannelKind.CHAT, path, name, note, hours, languages)


def remote(
    path: str,
    name: Text,
    *,
    note: Text | None = None,
    hours: Sequence[ScheduleRecord] = (),
    languages: str = "fi",
) -> ChannelRecord:
    return _online(ChannelKind.REMOTE, path, name, note, hours, languages)


# --- Locations ----------------------------------------------------------------------------------


def place(
    key: str,
    org: str,
    name: Text,
    *,
    address: Text,
    postal_code: str,
    town: Text,
    municipality: str,
    lat: str,
    lon: str,
    access: Text,
    about: Text | None = None,
    transport: Text | None = None,
    hours: Sequence[ScheduleRecord] = (),
    meeting_place: bool = False,
    features: dict[str, bool] | None = None,
) -> LocationRecord:
    return LocationRecord(
        id=location_id(key),
        organization_id=org_id(org),
        names=texts(name),
        descriptions=texts(about),
        transportation=texts(transport),
        street_address=texts(address),
        postal_code=postal_code,
        post_office=texts(town),
        municipality_code=municipality,
        latitude=Decimal(lat),
        longitude=Decimal(lon),
        url=f"{WEB}/paikat/{key}",
        accessibility=texts(access),
        is_meeting_place=meeting_place,
        accessibility_features=dict(features or {}),
        schedules=list(hours),
    )


def at(
    location: str,
    hours: Sequence[ScheduleRecord] = (),
    *,
    note: Text | None = None,
    channels: Sequence[ChannelRecord] = (),
) -> ServiceAtLocationRecord:
    return ServiceAtLocationRecord(
        location_id=location_id(location),
        descriptions=texts(note),
        schedules=list(hours),
        channels=list(channels),
    )


# --- Services -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    type: str
    codes: tuple[str, ...] = ()


def local(*codes: str) -> Area:
    return Area(AreaType.MUNICIPALITIES, codes)


def county(*codes: str) -> Area:
    """The whole county; its demo municipalities are listed too, so that a municipality filter
    finds the service."""
    return Area(AreaType.COUNTY, codes)


NATIONWIDE = Area(AreaType.NATIONWIDE)


@dataclass(frozen=True)
class Lang:
    """A service's texts in one language."""

    name: str
    summary: str
    description: str
    how: str = ""
    who: str = ""
    keywords: str = ""
    fees: str = ""


FREE = {"fi": "Maksuton.", "sv": "Avgiftsfri.", "en": "Free of charge."}
VERIFIED = dt.datetime(2026, 10, 5, 9, 0, tzinfo=dt.UTC)


def service(
    key: str,
    org: str,
    tasks: str,
    area: Area,
    *,
    fi: Lang,
    sv: Lang | None = None,
    en: Lang | None = None,
    ages: tuple[int | None, int | None] = (None, None),
    languages: str = "fi",
    channels: Sequence[ChannelRecord] = (),
    at: Sequence[ServiceAtLocationRecord] = (),
    hours: Sequence[ScheduleRecord] = (),
    producers: Sequence[str] = (),
    free: bool = True,
    draft: bool = False,
    status: str = ServiceStatus.ACTIVE,
    email: str = "",
    verified: dt.datetime | None = VERIFIED,
) -> ServiceRecord:
    """`tasks` are the family-center task numbers the service serves, e.g. "127"."""
    if not tasks or not set(tasks) <= set("12345678"):
        raise ValueError(f"{key}: tasks must be digits 1-8, not {tasks!r}")
    given = {lang: bundle for lang, bundle in (("fi", fi), ("sv", sv), ("en", en)) if bundle}

    def pick(attr: str) -> Texts:
        return {
            lang: clean(getattr(bundle, attr))
            for lang, bundle in given.items()
            if getattr(bundle, attr)
        }

    fees = pick("fees")
    if free:
        fees = {lang: fees.get(lang) or FREE[lang] for lang in given}
    elif "fi" not in fees:
        raise ValueError(f"{key}: a service with a fee must say what it costs")
    return ServiceRecord(
        id=service_id(key),
        organization_id=org_id(org),
        producer_ids=[org_id(producer) for producer in producers],
        names=pick("name"),
        summaries=pick("summary"),
        descriptions=pick("description"),
        application_process=pick("how"),
        eligibility=pick("who"),
        fees_descriptions=fees,
        keywords=pick("keywords"),
        url=f"{WEB}/palvelut/{key}",
        email=f"{email}@{DEMO_DOMAIN}" if email else "",
        free_of_charge=free,
        minimum_age=ages[0],
        maximum_age=ages[1],
        languages=languages.split(),
        status=status,
        publication_state=PublicationState.DRAFT if draft else PublicationState.PUBLISHED,
        area_type=area.type,
        area_municipality_codes=list(area.codes),
        terms=[TermRecord(taxonomy_key=TASKS_KEY, code=task, names={}) for task in tasks],
        channels=list(channels),
        schedules=list(hours),
        at_locations=list(at),
        last_verified_at=verified,
    )
