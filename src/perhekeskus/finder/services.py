"""Writes of the finder: the search index, the need thesaurus, and the count of searches that
found nothing."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.audit.services import audit_record
from perhekeskus.catalog.listeners import ImportCounts
from perhekeskus.core.actors import Actor
from perhekeskus.core.client import current_client_key
from perhekeskus.core.policies import require
from perhekeskus.finder import actions, unmet
from perhekeskus.finder.models import INDEX_LANGUAGES, NeedConcept, ZeroResultQuery
from perhekeskus.finder.policies import can_edit_need_concepts, can_view_unmet_needs
from perhekeskus.finder.search import index

_CONCEPT_FIELDS = (
    "key",
    "tasks",
    "show_on_home",
    "order",
    "active",
    *(
        f"{name}_{lang}"
        for name in ("name", "description", "phrases", "targets")
        for lang in INDEX_LANGUAGES
    ),
)


# --- The search index ---------------------------------------------------------------------------


def search_index_rebuild(*, service_ids: Iterable[uuid.UUID] | None = None) -> int:
    """Bring the search index up to date for these services, or for the whole catalogue when
    `service_ids` is None; returns the number of documents written. A service that is not
    public (a draft, inactive) loses its documents. Runs in the caller's transaction."""
    return index.rebuild(service_ids=service_ids)


def search_index_after_change(
    *, service_ids: list[uuid.UUID] | None, import_summary: ImportCounts | None
) -> int:
    """The catalogue's listener (registered in `FinderConfig.ready`): rebuild the documents of
    the services that changed, unless they came from an import that changed nothing."""
    if import_summary is not None and not import_summary.changed_anything():
        return 0
    return index.rebuild(service_ids=service_ids)


# --- The need thesaurus -------------------------------------------------------------------------


def _require_coordinator(actor: Actor) -> None:
    require(
        can_edit_need_concepts(actor),
        _("Only the network's coordinators edit the life situations."),
    )


def _snapshot(concept: NeedConcept) -> dict[str, Any]:
    return {field: getattr(concept, field) for field in _CONCEPT_FIELDS}


def need_concept_save(
    *, actor: Actor, concept: NeedConcept, request: HttpRequest | None = None
) -> NeedConcept:
    """Create or change a life situation of the need thesaurus. Coordinators only; the change
    is audited, and searches everywhere use it from their next query."""
    _require_coordinator(actor)
    created = concept.pk is None
    before = {} if created else _snapshot(NeedConcept.objects.get(pk=concept.pk))
    concept.tasks = concept.task_numbers
    concept.full_clean()
    with transaction.atomic():
        concept.save()
        after = _snapshot(concept)
        changed = sorted(k for k in after if before.get(k) != after[k]) if before else sorted(after)
        audit_record(
            action=actions.NEED_CHANGE,
            actor=actor,
            target=concept,
            request=request,
            details={"key": concept.key, "created": created, "fields": changed[:50]},
        )
        index.thesaurus_changed()
    return concept


# --- Unmet needs --------------------------------------------------------------------------------


def zero_result_record(*, query: str, language: str, municipality_code: str = "") -> None:
    """Count one search that found nothing: the words of it that identify nobody (`unmet`), its
    language, municipality and today's date. Nothing about who searched is stored; one address
    adds at most so many a day, and the day's new rows are capped."""
    if language not in INDEX_LANGUAGES:
        raise ValidationError({"language": _("Unknown language.")})
    if not query.strip() or not unmet.client_may_record():
        return
    query = unmet.unmet_search_text(query, language, client=current_client_key())
    if not query:
        return
    municipality_code = municipality_code if municipality_code.isdigit() else ""
    key = {
        "query": query,
        "language": language,
        "municipality_code": municipality_code[:3],
        "date": timezone.localdate(),
    }
    with transaction.atomic():
        if ZeroResultQuery.objects.filter(**key).update(count=F("count") + 1):
            return
        if not unmet.new_row_allowed():
            return
        try:
            with transaction.atomic():
                ZeroResultQuery.objects.create(**key, count=1)
        except IntegrityError:  # another search created the row first
            ZeroResultQuery.objects.filter(**key).update(count=F("count") + 1)


def zero_result_delete(
    *, actor: Actor, ids: Iterable[int], request: HttpRequest | None = None
) -> int:
    """A coordinator deletes counts of searches without results, e.g. one whose words name a
    person after all. The audit entry says how many, never what they said."""
    require(
        can_view_unmet_needs(actor),
        _("Only the network's coordinators see the searches without results."),
    )
    with transaction.atomic():
        deleted, _counts = ZeroResultQuery.objects.filter(pk__in=list(ids)).delete()
        audit_record(
            action=actions.UNMET_DELETE,
            actor=actor,
            request=request,
            target_type="finder.zeroresultquery",
            details={"deleted": deleted},
        )
    return deleted


def zero_result_purge(*, older_than_days: int | None = None) -> int:
    """Delete the counts of searches without results older than the retention period
    (`UNMET_SEARCH_RETENTION_DAYS`); returns the number of rows deleted."""
    days = (
        settings.FINDER_UNMET_SEARCH_RETENTION_DAYS if older_than_days is None else older_than_days
    )
    if days < 0:
        raise ValueError("The retention period cannot be negative")
    cutoff = timezone.localdate() - dt.timedelta(days=days)
    deleted, _counts = ZeroResultQuery.objects.filter(date__lt=cutoff).delete()
    return deleted
