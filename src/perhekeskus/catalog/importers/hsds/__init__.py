"""Open Referral HSDS 3.0 → an `ImportBatch`.

Reads full service objects (the shape of GET /services/{id}): a file with one object or an array
of them, or a folder with `fi/`, `sv/` and `en/` subfolders each holding `services.json` (and,
when present, `organizations.json`), as `perhekeskus export-hsds` writes them. HSDS has one
language per record; objects with the same id in the language folders are one record, whose
texts merge, and the first language (fi, sv, en) decides everything that is not text.

Everything is parsed before anything is written: a file that is not JSON, or a value of the
wrong shape (an id that is not a UUID, a status HSDS does not know), stops the import with
`HsdsFormatError` naming the file and the JSON path, and nothing is written. What we cannot
represent (a monthly schedule, a service area not of ours) is left out with a note.

Decisions:

- Ids are kept. Organisations come from the nested `organization` and `x_producers` (and from
  `organizations.json` in a folder), locations from `service_at_locations[].location`. A
  location without `organization_id`, or with one that is neither in the data nor in the
  catalogue, belongs to the service's organisation (noted). An organisation or location that a
  service refers to by id only must be in the data or already in the catalogue; a parent
  organisation that is neither is dropped with a note.
- Our own export publishes a missing translation as the Finnish text (the fallback), so a
  Swedish or English text equal to the Finnish one is taken as no translation.
- Channels: `phones` are phone channels; an attribute whose term is in the taxonomy
  `perhekeskus-channel` is a channel of that kind with the attribute's `value`; every other
  attribute is a classification (the term's `taxonomy` is our taxonomy key).
- Schedules: `x_kind: "exception"` rows are exceptions on `valid_from` (or `dtstart`)..`valid_to`;
  any other weekly rule gives one row per `byday` day. `x_closed` marks a closed row. Times with
  a UTC offset are turned into Finnish time.
- `x_free_of_charge` decides the fee; without it a cost option of 0 means free.

The reader of one file is built up by kind of object: `reader` has the checked values with
their JSON paths and the errors; each `parse_*` module adds one kind of object on top of the
ones it uses (`parse_channels`: taxonomy terms and channels, on schedules; `parse_locations`,
on organisations and schedules; `parse_services`, the whole reader, on all of them). `files`
finds and loads the files, `merge` joins one record's languages, and `batch` puts it all
together and writes it.
"""

from perhekeskus.catalog.importers.hsds.batch import HsdsImport, import_hsds, parse_hsds
from perhekeskus.catalog.importers.hsds.files import LANGUAGES, ORGANIZATIONS_FILE, SERVICES_FILE
from perhekeskus.catalog.importers.hsds.reader import HsdsFormatError

__all__ = [
    "LANGUAGES",
    "ORGANIZATIONS_FILE",
    "SERVICES_FILE",
    "HsdsFormatError",
    "HsdsImport",
    "import_hsds",
    "parse_hsds",
]
