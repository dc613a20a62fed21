"""Locations with their address, coordinates, accessibility and opening hours."""

from __future__ import annotations

import uuid

from perhekeskus.catalog.accessibility import FEATURES_BY_KEY
from perhekeskus.catalog.importers.hsds.merge import merge
from perhekeskus.catalog.importers.hsds.parse_organizations import OrganizationReader
from perhekeskus.catalog.importers.hsds.parse_schedules import ScheduleReader
from perhekeskus.catalog.importers.hsds.reader import Json
from perhekeskus.catalog.importers.records import LocationRecord
from perhekeskus.catalog.models import Location, LocationType


class LocationReader(OrganizationReader, ScheduleReader):
    # --- locations -------------------------------------------------------------------------

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
        latitude = self.lenient(
            Location, "latitude", self.coordinate(data, "latitude", at), f"{at}.latitude"
        )
        longitude = self.lenient(
            Location, "longitude", self.coordinate(data, "longitude", at), f"{at}.longitude"
        )
        if (latitude is None) != (longitude is None):
            self.note(at, "latitude and longitude come together: the one given is left out")
            latitude = longitude = None
        accessibility = []
        features: dict[str, bool] = {}
        for a, acc in self.items(data, "accessibility", at):
            # Our export's structured features (x_feature, x_available; ADR 0032).
            feature = FEATURES_BY_KEY.get(self.string(a, "x_feature", acc))
            available = self.boolean(a, "x_available", acc)
            if feature is not None and available is not None:
                features[feature.field] = available
            else:
                accessibility.append(self.string(a, "description", acc))
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
            postal_code=self.lenient(
                Location,
                "postal_code",
                self.string(address, "postal_code", aat),
                f"{aat}.postal_code",
            ),
            post_office=self.texts(address, "city", aat),
            municipality_code=code,
            latitude=latitude,
            longitude=longitude,
            url=self.lenient(Location, "url", self.string(data, "url", at), f"{at}.url"),
            accessibility={self.lang: text} if text else {},
            accessibility_features=features,
            is_meeting_place=bool(self.boolean(data, "x_is_meeting_place", at)),
            schedules=self.schedules(data, "schedules", at),
        )
        if pk in self.locations:
            merge(self.locations[pk], record)
        else:
            self.locations[pk] = record
        return pk
