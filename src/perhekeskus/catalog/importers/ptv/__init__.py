"""Suomi.fi PTV open API v11 → an `ImportBatch`.

Reads organisations, services and service channels (each file one object, a JSON array, or a
paging page `{pageNumber, pageSize, pageCount, itemList}`). Everything is parsed before anything
is written: a file that is not JSON, or whose structure is wrong (an item without an id, a field
of the wrong type), stops the import with `PtvFormatError` naming the file and the JSON path, and
nothing is written. A *value* that is wrong (a language code, coordinate, postal code, URL that
makes no sense; PTV's own samples are full of "string" placeholders) is dropped with a note, so
that one bad value does not cost the whole record.

Decisions (ADR-worthy, kept here next to the code that carries them out):

- Ids: PTV's ids are ours. A ServiceLocation channel becomes a Location with the channel's id
  and a ServiceAtLocation for each service it serves; its phone numbers and e-mails become
  channels of each ServiceAtLocation. Phone, EChannel, WebPage and PrintableForm channels become
  ContactChannels (phone, eservice, web, form) of each service they serve, with the id
  `child_id(service_id, channel_id)` (a further `child_id(service_id, channel_id, n)` when the
  channel has several numbers or addresses), because one PTV channel serves many services.
- Publishing status: Published → published; Draft and Modified → draft (not public until it is
  published in PTV). Deleted and Archived → a service already in the catalogue becomes status
  "defunct" and a draft (its history and links survive; it leaves the public list at once), and
  it is skipped otherwise (there is no point in creating something that has ended).
  OldPublished is an outdated copy of a service PTV has a newer version of: always skipped.
  An unknown status is noted and imported as a draft. Organisations and channels have no
  "defunct": a deleted or outdated one is skipped (and a channel that is gone drops off the
  services it served when they are imported again).
- A service's organisation: the organizations[] entry with roleType Responsible (failing that,
  the first entry that is not a Producer, with a note). When that organisation is neither in the
  import nor in the catalogue, a minimal organisation of type "other" is created from the name
  the reference gives; without a name the service is skipped with the reason.
- Texts: fi, sv and en are kept; PTV's Sámi texts (se, smn, sms) are left out, any other code is
  noted. A record without a name in fi/sv/en takes its first name in any language (noted).
- Description types: Summary → summary, Description → description, UserInstruction →
  application process, with deadline, processing time and validity appended to it under a
  heading; ChargeTypeAdditionalInfo → fees; ServiceTypeAdditionalInfo → appended to the
  description. Requirements → eligibility. serviceChargeType FreeOfCharge → free of charge;
  anything else (Chargeable, Other, nothing) → not claimed to be free.
- Service hours: DaysOfTheWeek → regular weekly rows (a dayFrom-dayTo range gives one row per
  weekday; an interval that ends on the next day at or before it opened runs past midnight);
  OverMidnight (PTV's "special" hours, also accepted as "Special") → one continuous interval
  from dayFrom at `from` to dayTo at `to`, split into days; Exceptional → exception rows on
  validFrom..validTo, closed or with their own hours. Dates are read in Finnish time.
- A channel of an unknown type is read as a ServiceLocation when it has addresses (PTV's own
  sample says "string"), as a PrintableForm when it has channelUrls, and is left out otherwise.
- Coordinates come as ETRS-TM35FIN metres (latitude = northing, longitude = easting) and are
  stored as WGS84 degrees; a pair outside Finland is dropped with a note.
- Not imported: industrial classes, legislation, service vouchers, service collections,
  e-services' support phones and e-mails, postal addresses of service locations.
"""

from perhekeskus.catalog.importers.ptv.batch import (
    PtvImportResult,
    ptv_files,
    ptv_import,
    ptv_parse,
)
from perhekeskus.catalog.importers.ptv.constants import SOURCE, VIA
from perhekeskus.catalog.importers.ptv.parser import PtvParse
from perhekeskus.catalog.importers.ptv.reader import PtvFormatError

__all__ = [
    "SOURCE",
    "VIA",
    "PtvFormatError",
    "PtvImportResult",
    "PtvParse",
    "ptv_files",
    "ptv_import",
    "ptv_parse",
]
