"""Organisations and municipalities."""

from __future__ import annotations

import re
import uuid

from perhekeskus.catalog.hsds import BUSINESS_ID_SCHEME
from perhekeskus.catalog.importers.hsds.merge import merge
from perhekeskus.catalog.importers.hsds.reader import Json, Reader
from perhekeskus.catalog.importers.records import OrganizationRecord
from perhekeskus.catalog.models import Organization, OrganizationType

_MUNICIPALITY_CODE = re.compile(r"^\d{3}$")


class OrganizationReader(Reader):
    # --- organisations ---------------------------------------------------------------------

    def organization(self, data: Json, at: str) -> uuid.UUID:
        pk = self.identifier(data, "id", at)
        org_type = self.string(data, "x_type", at)
        if org_type not in OrganizationType.values:
            if org_type:
                self.note(
                    f"{at}.x_type",
                    "unknown type %(type)s: imported as 'other'",
                    type=repr(org_type),
                )
            org_type = OrganizationType.OTHER
        business_id = ""
        for identifier, iat in self.items(data, "organization_identifiers", at):
            scheme = self.string(identifier, "identifier_scheme", iat)
            kind = self.string(identifier, "identifier_type", iat)
            if scheme == BUSINESS_ID_SCHEME or kind.casefold() in ("y-tunnus", "business id"):
                business_id = self.lenient(
                    Organization,
                    "business_id",
                    self.string(identifier, "identifier", iat),
                    f"{iat}.identifier",
                )
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
            website=self.lenient(
                Organization, "website", self.string(data, "website", at), f"{at}.website"
            ),
            email=self.lenient(
                Organization, "email", self.string(data, "email", at), f"{at}.email"
            ),
            phone=next((p for p in phones if p), ""),
            municipality_codes=codes,
            parent_id=self.optional_identifier(data, "parent_organization_id", at),
        )
        if pk in self.organizations:
            merge(self.organizations[pk], record)
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
