"""The families app's periodic jobs (`core.jobs`, ADR 0034).

- `families_anonymise_closed`, daily: closed records past `FAMILIES_RETENTION_DAYS` are
  anonymised (`services.retention.families_anonymise`; `anonymize_families` runs it by hand).
- `families_purge_signin_links`, hourly: expired sign-in links are deleted
  (`services.retention.signin_links_purge`).

Both are idempotent: a retry, or a second worker, finds nothing left to do.
"""

from __future__ import annotations

import datetime as dt

from perhekeskus.core.jobs import job, periodic


@job(retries=3)
def families_anonymise_closed() -> int:
    from perhekeskus.families.services.retention import families_anonymise

    return families_anonymise()


@job(retries=3)
def families_purge_signin_links() -> int:
    from perhekeskus.families.services.retention import signin_links_purge

    return signin_links_purge()


def register() -> None:
    """Called by the families app's `ready()`: the periodic jobs."""
    periodic("families.anonymise", every=dt.timedelta(days=1), job=families_anonymise_closed)
    periodic(
        "families.signin_links_purge", every=dt.timedelta(hours=1), job=families_purge_signin_links
    )
