"""Write an `ImportBatch` into the catalogue: all of it in one transaction or nothing.

Rows are matched by id and saved only when something differs, so importing the same data again
changes nothing (not even a modification time). Every created or changed service gets a version;
the import as a whole gets one audit entry with its counts.

Records are written in chunks, so that an import of tens of thousands of services costs a few
queries per chunk instead of dozens per record: for each chunk the rows that exist are read in
bulk, every record is compared and validated in Python (model field validation, foreign keys
against the ids known to exist, check constraints evaluated on the instance), and then the
chunk is written with bulk inserts, a save per changed row and a delete per stale set. A record
that fails validation is skipped with its reason before anything of it is written, exactly as if
it had been written alone and rolled back.
"""

from perhekeskus.catalog.importers.writer.batch import apply_batch
from perhekeskus.catalog.importers.writer.chunks import Writer
from perhekeskus.catalog.importers.writer.summary import ImportSummary, KindCounts

__all__ = ["ImportSummary", "KindCounts", "Writer", "apply_batch"]
