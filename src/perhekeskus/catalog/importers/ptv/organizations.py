"""Organisations: a PTV organisation item → an organisation record."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

from perhekeskus.catalog.importers.ptv.areas_and_terms import _areas
from perhekeskus.catalog.importers.ptv.constants import ORGANIZATION_TYPES, PHONE_MAX, WEBSITE_MAX
from perhekeskus.catalog.importers.ptv.drafts import _emails, _names, _phones
from perhekeskus.catalog.importers.ptv.reader import _Doc, _id, _objects, _opt_id, _opt_obj, _str
from perhekeskus.catalog.importers.ptv.texts import _join, _language, _localized, _pick
from perhekeskus.catalog.importers.ptv.values import _municipality, _url
from perhekeskus.catalog.importers.records import ImportBatch, OrganizationRecord, Texts
from perhekeskus.catalog.validators import business_id_is_valid


def _organization(
    doc: _Doc, item: dict[str, Any], path: str, batch: ImportBatch
) -> OrganizationRecord:
    names, _alternates = _names(doc, item, "organizationNames", path)
    by_type = _localized(doc, item, "organizationDescriptions", path)
    descriptions = by_type.pop("Description", {}) or _join(*by_type.values())
    business_id = _str(doc, item, "businessCode", path)
    if business_id and not business_id_is_valid(business_id):
        doc.note(
            f"{path}.businessCode",
            gettext_noop("not a valid business id, left out: %(value)r"),
            value=business_id,
        )
        business_id = ""
    ptv_type = _str(doc, item, "organizationType", path)
    org_type = ORGANIZATION_TYPES.get(ptv_type, "other")
    if ptv_type and ptv_type not in ORGANIZATION_TYPES:
        doc.note(
            f"{path}.organizationType",
            gettext_noop("unknown type %(value)r; imported as other"),
            value=ptv_type,
        )
    codes = []
    code = _municipality(
        doc, _opt_obj(doc, item, "municipality", path), f"{path}.municipality", batch.municipalities
    )
    if code:
        codes.append(code)
    codes += _areas(doc, item, path, batch.municipalities)[1]
    websites: Texts = {}
    for page_path, page in _objects(doc, item, "webPages", path):
        lang = _language(doc, _str(doc, page, "language", page_path), page_path) or "?"
        address = _str(doc, page, "url", page_path) or _str(doc, page, "value", page_path)
        url = _url(doc, address, f"{page_path}.url", limit=WEBSITE_MAX)
        if url:
            websites.setdefault(lang, url)
    emails = _emails(doc, item, "emails", path)
    phones = [p for p in _phones(doc, item, "phoneNumbers", path) if len(p.value) <= PHONE_MAX]
    parent = _opt_id(doc, item, "parentOrganizationId", path) or _opt_id(
        doc, item, "parentOrganization", path
    )
    return OrganizationRecord(
        id=_id(doc, item, "id", path),
        type=org_type,
        names=names,
        descriptions=descriptions,
        business_id=business_id,
        website=_pick(websites),
        email=emails[0].value if emails else "",
        phone=phones[0].value if phones else "",
        municipality_codes=list(dict.fromkeys(codes)),
        parent_id=parent,
    )
