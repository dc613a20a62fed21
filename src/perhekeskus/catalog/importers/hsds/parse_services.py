"""Services with their areas, channels, classifications and services at locations."""

from __future__ import annotations

import datetime as dt

from perhekeskus.catalog.hsds import AREA_URI_COUNTY, AREA_URI_MUNICIPALITY, AREA_URI_NATIONWIDE
from perhekeskus.catalog.importers.hsds.parse_channels import ChannelReader
from perhekeskus.catalog.importers.hsds.parse_locations import LocationReader
from perhekeskus.catalog.importers.hsds.reader import Json
from perhekeskus.catalog.importers.records import ServiceAtLocationRecord, ServiceRecord
from perhekeskus.catalog.models import AreaType, Service, ServiceStatus
from perhekeskus.catalog.opening import FINNISH_TIME


class ServiceReader(ChannelReader, LocationReader):
    """The whole reader of one file: services and everything in them, and organisations."""

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

    def other_language_texts(self, data: Json, key: str, at: str) -> dict[str, dict[str, str]]:
        """Our export's texts in other languages (`x_texts`: [{"language": "se", "name": ...}],
        ADR 0032) → {"se": {"name": ...}}."""
        result: dict[str, dict[str, str]] = {}
        for item, where in self.items(data, key, at):
            lang = self.string(item, "language", where, required=True)
            kept = {
                name: self.string(item, name, where) for name in ("name", "summary", "description")
            }
            kept = {name: text for name, text in kept.items() if text}
            if kept:
                result.setdefault(lang, {}).update(kept)
        return result

    def service(self, data: Json, at: str) -> None:
        pk = self.identifier(data, "id", at)
        if pk in self.services:
            self.fail(f"{at}.id", "the same service a second time")
        if data.get("organization") is not None:
            org_data = self.obj(data["organization"], f"{at}.organization")
            organization_id = self.organization(org_data, f"{at}.organization")
            self.organizations[organization_id].for_services.append(pk)
        else:
            organization_id = self.identifier(data, "organization_id", at)
            self.reference("organization", organization_id, f"{at}.organization_id")
        producers = [self.organization(p, pat) for p, pat in self.items(data, "x_producers", at)]
        for producer in producers:
            self.organizations[producer].for_services.append(pk)
        terms, channels = self.channels(data, at, terms_allowed=True)
        at_locations = []
        for sal, sat in self.items(data, "service_at_locations", at):
            if sal.get("location") is not None:
                location_data = self.obj(sal["location"], f"{sat}.location")
                location_id = self.location(
                    location_data, f"{sat}.location", organization_id=organization_id
                )
                self.locations[location_id].for_services.append(pk)
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
        minimum_age, maximum_age = (
            self.lenient(Service, name, self.whole_number(data, name, at), f"{at}.{name}")
            for name in ("minimum_age", "maximum_age")
        )
        if minimum_age is not None and maximum_age is not None and minimum_age > maximum_age:
            self.note(at, "minimum_age is above maximum_age: both left out")
            minimum_age = maximum_age = None
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
            extra_texts=self.other_language_texts(data, "x_texts", at),
            url=self.lenient(Service, "url", self.string(data, "url", at), f"{at}.url"),
            email=self.lenient(Service, "email", self.string(data, "email", at), f"{at}.email"),
            free_of_charge=free,
            minimum_age=minimum_age,
            maximum_age=maximum_age,
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
