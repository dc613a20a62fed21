"""The catalogue as Open Referral HSDS 3.0 objects, in one language per call.

HSDS has one language per record, so we publish one dataset per language (fi, sv, en) with the
same ids; texts fall back fi → sv → en as everywhere else (modeltranslation). Empty values are
left out rather than written as "" or null, because HSDS types them as plain strings and numbers.

What HSDS has no field for travels in extension properties (HSDS allows additional properties),
all named `x_…`; `docs/catalog-mapping.md` lists them, and `importers/hsds/` reads them back so
that our own export round-trips. The objects expect the relations the selectors prefetch
(`selectors.service_list_public(full=True)` and friends); without them they still work, with
more queries.

`common` holds the ids, constants and small pieces; `taxonomies`, `schedules`, `channels`,
`organizations` and `locations` write the parts; `services` puts services, services at
locations and the organisation with its services together from them.
"""

from perhekeskus.catalog.hsds.common import (
    AREA_URI_COUNTY,
    AREA_URI_MUNICIPALITY,
    AREA_URI_NATIONWIDE,
    BUSINESS_ID_SCHEME,
    BYDAY,
    CHANNEL_KIND_BY_TERM_ID,
    CHANNEL_TAXONOMY_ID,
    CHANNEL_TAXONOMY_KEY,
    CHANNEL_TAXONOMY_URI,
    Json,
    channel_term_id,
    language_name,
)
from perhekeskus.catalog.hsds.locations import location
from perhekeskus.catalog.hsds.organizations import organization_list_item
from perhekeskus.catalog.hsds.services import (
    organization_full,
    service_at_location_full,
    service_at_location_list_item,
    service_full,
    service_list_item,
    service_minimal,
)
from perhekeskus.catalog.hsds.taxonomies import taxonomy, taxonomy_term

__all__ = [
    "AREA_URI_COUNTY",
    "AREA_URI_MUNICIPALITY",
    "AREA_URI_NATIONWIDE",
    "BUSINESS_ID_SCHEME",
    "BYDAY",
    "CHANNEL_KIND_BY_TERM_ID",
    "CHANNEL_TAXONOMY_ID",
    "CHANNEL_TAXONOMY_KEY",
    "CHANNEL_TAXONOMY_URI",
    "Json",
    "channel_term_id",
    "language_name",
    "location",
    "organization_full",
    "organization_list_item",
    "service_at_location_full",
    "service_at_location_list_item",
    "service_full",
    "service_list_item",
    "service_minimal",
    "taxonomy",
    "taxonomy_term",
]
