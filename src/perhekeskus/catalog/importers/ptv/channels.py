"""Service channels: phone numbers, e-mails, URLs and service locations → channel drafts."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils.translation import gettext_noop

from perhekeskus.catalog.importers.ptv.constants import CHANNEL_TYPES, POST_OFFICE_MAX, STREET_MAX
from perhekeskus.catalog.importers.ptv.drafts import (
    _ChannelDraft,
    _Connection,
    _connection,
    _emails,
    _names,
    _phones,
)
from perhekeskus.catalog.importers.ptv.hours import _service_hours
from perhekeskus.catalog.importers.ptv.reader import _Doc, _id, _objects, _opt_id, _opt_obj, _str
from perhekeskus.catalog.importers.ptv.texts import (
    _fit,
    _join,
    _language,
    _localized,
    _pick,
    _texts,
)
from perhekeskus.catalog.importers.ptv.values import (
    _coordinates,
    _language_codes,
    _municipality,
    _postal_code,
    _url,
)
from perhekeskus.catalog.importers.records import ImportBatch, LocationRecord, ScheduleRecord, Texts


def _channel_urls(doc: _Doc, item: dict[str, Any], path: str) -> list[tuple[str, str | None]]:
    values = []
    for key in ("urls", "channelUrls", "webPages"):
        for item_path, entry in _objects(doc, item, key, path):
            address = _str(doc, entry, "url", item_path) or _str(doc, entry, "value", item_path)
            url = _url(doc, address, item_path)
            lang = _language(doc, _str(doc, entry, "language", item_path), item_path)
            if url:
                values.append((url, lang))
        if values:
            break  # webPages of an e-service are extra pages; its urls are the channel
    return values


def _accessibility(doc: _Doc, address: dict[str, Any], path: str) -> Texts:
    lines: dict[str, list[str]] = {}
    for entrance_path, entrance in _objects(doc, address, "entrances", path):
        for group_path, group in _objects(doc, entrance, "accessibilitySentences", entrance_path):
            headings = _texts(doc, group, "sentenceGroup", group_path)
            sentences: dict[str, list[str]] = {}
            for sentence_path, sentence in _objects(doc, group, "sentences", group_path):
                for lang, text in _texts(doc, sentence, "sentence", sentence_path).items():
                    sentences.setdefault(lang, []).append(text)
            for lang, texts in sentences.items():
                heading = headings.get(lang)
                body = " ".join(texts)
                lines.setdefault(lang, []).append(f"{heading}: {body}" if heading else body)
    return {lang: "\n".join(texts) for lang, texts in lines.items()}


def _location(
    doc: _Doc,
    item: dict[str, Any],
    path: str,
    *,
    channel_id: uuid.UUID,
    organization_id: uuid.UUID | None,
    names: Texts,
    alternates: Texts,
    descriptions: Texts,
    schedules: list[ScheduleRecord],
    batch: ImportBatch,
) -> LocationRecord:
    location = LocationRecord(
        id=channel_id,
        organization_id=organization_id or uuid.UUID(int=0),
        names=names,
        alternate_names=alternates,
        descriptions=descriptions,
        schedules=schedules,
    )
    chosen: tuple[str, dict[str, Any]] | None = None
    for address_path, address in _objects(doc, item, "addresses", path):
        address_type = _str(doc, address, "type", address_path)
        if address_type == "Postal" or not (
            address.get("streetAddress") or address.get("otherAddress")
        ):
            continue
        if chosen is None or address_type == "Location":
            chosen = (address_path, address)
        if address_type == "Location":
            break
    if chosen is not None:
        address_path, address = chosen
        street = _opt_obj(doc, address, "streetAddress", address_path)
        place = street or _opt_obj(doc, address, "otherAddress", address_path) or {}
        place_path = f"{address_path}.{'streetAddress' if street else 'otherAddress'}"
        if street is not None:
            number = _str(doc, street, "streetNumber", place_path)
            location.street_address = _fit(
                doc,
                {
                    lang: f"{text} {number}".strip()
                    for lang, text in _texts(doc, street, "street", place_path).items()
                },
                STREET_MAX,
                f"{place_path}.street",
            )
            location.municipality_code = _municipality(
                doc,
                _opt_obj(doc, street, "municipality", place_path),
                f"{place_path}.municipality",
                batch.municipalities,
            )
        location.postal_code = _postal_code(
            doc, _str(doc, place, "postalCode", place_path), f"{place_path}.postalCode"
        )
        location.post_office = _fit(
            doc, _texts(doc, place, "postOffice", place_path), POST_OFFICE_MAX, place_path
        )
        location.transportation = _texts(doc, place, "additionalInformation", place_path)
        location.latitude, location.longitude = _coordinates(doc, place, place_path)
        location.accessibility = _accessibility(doc, address, address_path)
    websites = _channel_urls(doc, item, path)
    location.url = _pick({lang or "?": url for url, lang in reversed(websites)})
    return location


def _channel(doc: _Doc, item: dict[str, Any], path: str, batch: ImportBatch) -> _ChannelDraft:
    channel_id = _id(doc, item, "id", path)
    channel_type = _str(doc, item, "serviceChannelType", path)
    if channel_type not in CHANNEL_TYPES:
        # PTV's own sample of a service location says "string": tell it by its fields.
        guessed = (
            "ServiceLocation"
            if "addresses" in item
            else "PrintableForm"
            if "channelUrls" in item
            else None
        )
        doc.note(
            f"{path}.serviceChannelType",
            gettext_noop("unknown channel type %(value)r; read as %(guessed)s by its fields")
            if guessed
            else gettext_noop("unknown channel type %(value)r, left out"),
            value=channel_type,
            guessed=guessed,
        )
        channel_type = guessed or ""
    names, alternates = _names(doc, item, "serviceChannelNames", path)
    by_type = _localized(doc, item, "serviceChannelDescriptions", path)
    descriptions = by_type.pop("Description", {}) or _join(*by_type.values())
    languages = _language_codes(doc, item, "languages", path)
    schedules = _service_hours(doc, item, path)
    organization_id = _opt_id(doc, item, "organizationId", path)
    status = _str(doc, item, "publishingStatus", path)
    usable = bool(channel_type) and status not in ("Deleted", "Archived", "OldPublished")
    if channel_type and not usable:
        doc.note(
            path,
            gettext_noop("channel %(id)s is %(status)s in PTV, left out"),
            id=channel_id,
            status=status,
        )
    links: dict[uuid.UUID, _Connection] = {}
    for link_path, link in _objects(doc, item, "services", path):
        service = _opt_obj(doc, link, "service", link_path)
        service_id = _opt_id(doc, service, "id", f"{link_path}.service") if service else None
        if service_id is not None:
            links[service_id] = _connection(doc, link, link_path)
    draft = _ChannelDraft(
        id=channel_id,
        type=channel_type,
        organization_id=organization_id,
        names=names,
        descriptions=descriptions,
        languages=languages,
        schedules=schedules,
        values=[],
        phones=[],
        emails=[],
        location=None,
        links=links,
        usable=usable,
        where=path,
    )
    if channel_type == "ServiceLocation":
        draft.phones = _phones(doc, item, "phoneNumbers", path, names=names)
        draft.emails = _emails(doc, item, "emails", path)
        draft.location = _location(
            doc,
            item,
            path,
            channel_id=channel_id,
            organization_id=organization_id,
            names=names,
            alternates=alternates,
            descriptions=descriptions,
            schedules=schedules,
            batch=batch,
        )
    elif channel_type == "Phone":
        draft.phones = _phones(doc, item, "phoneNumbers", path, names=names)
        if not draft.phones:
            draft.phones = _phones(doc, item, "supportPhones", path, names=names)
    elif channel_type:
        draft.values = _channel_urls(doc, item, path)
    if usable and channel_type != "ServiceLocation" and not (draft.values or draft.phones):
        doc.note(
            path,
            gettext_noop("%(type)s channel %(id)s has no usable number or address"),
            type=channel_type,
            id=channel_id,
        )
    return draft
