"""Services: a PTV service item → a service draft."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils.translation import gettext_noop

from perhekeskus.catalog.importers.ptv.areas_and_terms import _areas, _keywords, _terms
from perhekeskus.catalog.importers.ptv.constants import PROCESS_DETAILS, SUMMARY_MAX
from perhekeskus.catalog.importers.ptv.drafts import _Connection, _connection, _names, _ServiceDraft
from perhekeskus.catalog.importers.ptv.reader import _Doc, _id, _objects, _opt_id, _opt_obj, _str
from perhekeskus.catalog.importers.ptv.texts import (
    _fit,
    _join,
    _localized,
    _other_language_texts,
    _texts,
)
from perhekeskus.catalog.importers.ptv.values import _language_codes
from perhekeskus.catalog.importers.records import ImportBatch, ServiceRecord, Texts


def _service(doc: _Doc, item: dict[str, Any], path: str, batch: ImportBatch) -> _ServiceDraft:
    service_id = _id(doc, item, "id", path)
    names, alternates = _names(doc, item, "serviceNames", path)
    by_type = _localized(doc, item, "serviceDescriptions", path)

    def take(*types: str) -> Texts:
        # The open API's name for a type, and PTV's internal one, which older exports use.
        return _join(*(by_type.pop(name, {}) for name in types))

    process = take("UserInstruction", "ServiceUserInstruction")
    for detail, headings in PROCESS_DETAILS.items():
        texts = take(detail, f"{detail}AdditionalInfo")
        headed = {lang: f"{headings[lang]}: {text}" for lang, text in texts.items()}
        process = _join(process, headed)
    summaries = take("Summary", "ShortDescription")
    descriptions = take("Description", "ServiceTypeAdditionalInfo", "GDServiceTypeAdditionalInfo")
    fees = take("ChargeTypeAdditionalInfo")
    for unknown in by_type:
        doc.note(
            f"{path}.serviceDescriptions",
            gettext_noop("unknown description type %(value)r, left out"),
            value=unknown,
        )

    charge = _str(doc, item, "serviceChargeType", path)
    if charge not in ("", "FreeOfCharge", "Chargeable", "Other"):
        doc.note(
            f"{path}.serviceChargeType", gettext_noop("unknown charge type %(value)r"), value=charge
        )
    area_type, area_codes = _areas(doc, item, path, batch.municipalities)

    organization_id: uuid.UUID | None = None
    fallback_id: uuid.UUID | None = None
    producers: list[uuid.UUID] = []
    refs: dict[uuid.UUID, str] = {}
    for org_path, entry in _objects(doc, item, "organizations", path):
        org = _opt_obj(doc, entry, "organization", org_path)
        org_id = _opt_id(doc, org, "id", f"{org_path}.organization") if org else None
        if org is None or org_id is None:
            continue  # e.g. a purchased service whose producer is named only in free text
        name = _str(doc, org, "name", f"{org_path}.organization")
        if name:
            refs[org_id] = name
        role = _str(doc, entry, "roleType", org_path)
        if role == "Responsible":
            organization_id = organization_id or org_id
        elif role == "Producer":
            producers.append(org_id)
        elif role != "OtherResponsible" and fallback_id is None:
            fallback_id = org_id
    if organization_id is None and fallback_id is not None:
        doc.note(
            f"{path}.organizations",
            gettext_noop("no Responsible organisation; the first one is used"),
        )
        organization_id = fallback_id

    links: dict[uuid.UUID, _Connection] = {}
    for link_path, link in _objects(doc, item, "serviceChannels", path):
        channel = _opt_obj(doc, link, "serviceChannel", link_path)
        channel_id = _opt_id(doc, channel, "id", f"{link_path}.serviceChannel") if channel else None
        if channel_id is not None:
            links[channel_id] = _connection(doc, link, link_path)

    record = ServiceRecord(
        id=service_id,
        # Checked and resolved against the catalogue before writing (see `_resolve`).
        organization_id=organization_id or uuid.UUID(int=0),
        names=names,
        producer_ids=list(dict.fromkeys(producers)),
        alternate_names=alternates,
        summaries=_fit(doc, summaries, SUMMARY_MAX, f"{path}.serviceDescriptions"),
        descriptions=descriptions,
        application_process=process,
        eligibility=_texts(doc, item, "requirements", path),
        fees_descriptions=fees,
        keywords=_keywords(doc, item, path),
        free_of_charge=charge == "FreeOfCharge",
        languages=_language_codes(doc, item, "languages", path),
        area_type=area_type,
        area_municipality_codes=area_codes,
        terms=_terms(doc, item, path),
        extra_texts=_other_language_texts(doc, item, path),
    )
    status = _str(doc, item, "publishingStatus", path)
    if status == "Published":
        record.publication_state = "published"
    elif status in ("Draft", "Modified", "Deleted", "Archived", "OldPublished"):
        record.publication_state = "draft"
    else:
        doc.note(
            f"{path}.publishingStatus",
            gettext_noop("unknown status %(value)r; imported as a draft"),
            value=status,
        )
        record.publication_state = "draft"
    return _ServiceDraft(
        record=record, ptv_status=status, organization_refs=refs, links=links, where=path
    )
