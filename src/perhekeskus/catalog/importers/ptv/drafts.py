"""Drafts: what one item says, before services and channels are joined; the phone numbers and
e-mails a connection or a channel lists."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_noop

from perhekeskus.catalog.importers.ptv.constants import (
    CHARGE_DESCRIPTION_MAX,
    NAME_MAX,
    PHONE_CHARGES,
)
from perhekeskus.catalog.importers.ptv.hours import _service_hours
from perhekeskus.catalog.importers.ptv.reader import _Doc, _objects, _opt_obj, _str
from perhekeskus.catalog.importers.ptv.texts import (
    _any_language_value,
    _fit,
    _join,
    _language,
    _localized,
)
from perhekeskus.catalog.importers.ptv.values import _email, _phone_number
from perhekeskus.catalog.importers.records import (
    ChannelRecord,
    LocationRecord,
    ScheduleRecord,
    ServiceRecord,
    Texts,
)

# --- drafts: what one item says, before services and channels are joined -------------------------


@dataclass
class _Connection:
    """What a service-channel connection says about that one service at that one channel."""

    descriptions: Texts = field(default_factory=dict)
    schedules: list[ScheduleRecord] = field(default_factory=list)
    phones: list[ChannelRecord] = field(default_factory=list)
    emails: list[ChannelRecord] = field(default_factory=list)

    def merge(self, other: _Connection) -> None:
        """Both sides of a connection usually say the same; fill in what this one lacks."""
        for name in ("descriptions", "schedules", "phones", "emails"):
            if not getattr(self, name):
                setattr(self, name, getattr(other, name))


@dataclass
class _ServiceDraft:
    record: ServiceRecord
    ptv_status: str
    organization_refs: dict[uuid.UUID, str]
    links: dict[uuid.UUID, _Connection]
    where: str


@dataclass
class _ChannelDraft:
    id: uuid.UUID
    type: str
    organization_id: uuid.UUID | None
    names: Texts
    descriptions: Texts
    languages: list[str]
    schedules: list[ScheduleRecord]
    # (value, language) pairs; the language is None where the value is not localized.
    values: list[tuple[str, str | None]]
    phones: list[ChannelRecord]
    emails: list[ChannelRecord]
    location: LocationRecord | None
    links: dict[uuid.UUID, _Connection]
    usable: bool
    where: str


def _phones(
    doc: _Doc, parent: dict[str, Any], key: str, path: str, *, names: Texts | None = None
) -> list[ChannelRecord]:
    """Phone numbers → phone channels, one per number (its languages: those it is listed for)."""
    by_number: dict[str, ChannelRecord] = {}
    for item_path, item in _objects(doc, parent, key, path):
        if _str(doc, item, "type", item_path).lower() == "fax":
            continue
        number = _phone_number(doc, item, item_path)
        if not number:
            continue
        lang = _language(doc, _str(doc, item, "language", item_path), item_path)
        channel = by_number.get(number)
        if channel is None:
            charge_type = _str(doc, item, "serviceChargeType", item_path)
            charge = PHONE_CHARGES.get(charge_type, "")
            if charge_type and not charge:
                doc.note(
                    f"{item_path}.serviceChargeType",
                    gettext_noop("unknown charge %(value)r"),
                    value=charge_type,
                )
            channel = ChannelRecord(kind="phone", value=number, names=dict(names or {}))
            channel.phone_charge = charge
            by_number[number] = channel
        if lang is not None:
            channel.languages.append(lang)
            for source, target in (
                ("chargeDescription", channel.charge_descriptions),
                ("additionalInformation", channel.descriptions),
            ):
                text = _str(doc, item, source, item_path)
                if text:
                    target.setdefault(lang, text)
    for channel in by_number.values():
        channel.charge_descriptions = _fit(
            doc, channel.charge_descriptions, CHARGE_DESCRIPTION_MAX, f"{path}.{key}"
        )
    return list(by_number.values())


def _emails(doc: _Doc, parent: dict[str, Any], key: str, path: str) -> list[ChannelRecord]:
    by_address: dict[str, ChannelRecord] = {}
    for item_path, item in _objects(doc, parent, key, path):
        address = _email(doc, _str(doc, item, "value", item_path), f"{item_path}.value")
        if not address:
            continue
        lang = _language(doc, _str(doc, item, "language", item_path), item_path)
        channel = by_address.setdefault(address, ChannelRecord(kind="email", value=address))
        if lang is not None:
            channel.languages.append(lang)
    return list(by_address.values())


def _connection(doc: _Doc, item: dict[str, Any], path: str) -> _Connection:
    descriptions = _join(*_localized(doc, item, "description", path).values())
    contact = _opt_obj(doc, item, "contactDetails", path)
    contact_path = f"{path}.contactDetails"
    return _Connection(
        descriptions=descriptions,
        schedules=_service_hours(doc, item, path),
        phones=_phones(doc, contact, "phoneNumbers", contact_path) if contact else [],
        emails=_emails(doc, contact, "emails", contact_path) if contact else [],
    )


def _names(doc: _Doc, item: dict[str, Any], key: str, path: str) -> tuple[Texts, Texts]:
    """(names, alternate names). A record with no name in fi/sv/en takes its first name in any
    language, as Finnish, so that it can still be imported."""
    by_type = _localized(doc, item, key, path)
    names = dict(by_type.pop("Name", {}))
    alternates = _join(by_type.pop("AlternativeName", {}), by_type.pop("AlternateName", {}))
    for texts in by_type.values():  # untyped or unknown types: names of last resort
        for lang, text in texts.items():
            names.setdefault(lang, text)
    if not names:
        fallback = _any_language_value(doc, item, key, path)
        if fallback:
            doc.note(
                f"{path}.{key}", gettext_noop("no name in fi/sv/en; the first name given is used")
            )
            names = {"fi": fallback}
    return _fit(doc, names, NAME_MAX, f"{path}.{key}"), _fit(
        doc, alternates, NAME_MAX, f"{path}.{key}"
    )
