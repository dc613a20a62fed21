"""Versions of a service description: a full snapshot after every change, and what changed."""

from __future__ import annotations

import datetime as dt
import decimal
import difflib
import re
import uuid
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.translator import NotRegistered, translator

from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceVersion,
)
from perhekeskus.core.actors import Actor

_SKIP_FIELDS = {"created_at", "updated_at", "last_verified_at", "last_verified_by"}


@cache
def translated_base_fields(model: type[models.Model]) -> frozenset[str]:
    """The original fields behind modeltranslation's `name_fi`, `name_sv`, ...: their value is
    the one shown in the active language, so a snapshot leaves them out (the `_fi`, `_sv` and
    `_en` fields hold every language) or an edit made in Swedish would record false changes."""
    try:
        options: Any = translator.get_options_for_model(model)
    except NotRegistered:
        return frozenset()
    return frozenset(options.fields)


@cache
def snapshot_skip(model: type[models.Model], skip: frozenset[str]) -> frozenset[str]:
    """What a snapshot leaves out of a row of `model`: `skip` and its translated base fields."""
    return skip | translated_base_fields(model)


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def _fields(instance: models.Model, skip: set[str] = _SKIP_FIELDS) -> dict[str, Any]:
    data: dict[str, Any] = {}
    left_out = snapshot_skip(type(instance), frozenset(skip))
    for field in instance._meta.concrete_fields:
        if field.name in left_out:
            continue
        data[field.attname] = _jsonable(getattr(instance, field.attname))
    return data


def _schedules(queryset: models.QuerySet[Schedule]) -> list[dict[str, Any]]:
    skip = _SKIP_FIELDS | {"service", "service_at_location", "location", "channel"}
    return [_fields(s, skip) for s in queryset.order_by("kind", "weekday", "opens_at", "id")]


def _channels(queryset: models.QuerySet[ContactChannel]) -> list[dict[str, Any]]:
    result = []
    for channel in queryset.order_by("order", "kind", "id"):
        data = _fields(channel, _SKIP_FIELDS | {"service", "service_at_location"})
        data["schedules"] = _schedules(channel.schedules.all())
        result.append(data)
    return result


def service_snapshot(service: Service) -> dict[str, Any]:
    """Everything a service description says, as plain JSON, in every language."""
    data = _fields(service)
    data["producers"] = sorted(str(pk) for pk in service.producers.values_list("pk", flat=True))
    data["area_municipalities"] = sorted(service.area_municipalities.values_list("code", flat=True))
    data["terms"] = sorted(str(pk) for pk in service.terms.values_list("pk", flat=True))
    data["channels"] = _channels(service.channels.all())
    data["schedules"] = _schedules(service.schedules.all())
    at_locations = []
    for sal in ServiceAtLocation.objects.filter(service=service).order_by("location_id"):
        entry = _fields(sal, _SKIP_FIELDS | {"service"})
        entry["channels"] = _channels(sal.channels.all())
        entry["schedules"] = _schedules(sal.schedules.all())
        at_locations.append(entry)
    data["at_locations"] = at_locations
    return data


def location_snapshot(location: Location) -> dict[str, Any]:
    """What a location says, with its hours, as plain JSON in every language: what the audit
    entry of a change compares (locations have no versions of their own)."""
    data = _fields(location)
    data["schedules"] = _schedules(location.schedules.all()) if location.pk else []
    return data


def _drop(entry: dict[str, Any], model: type[models.Model]) -> dict[str, Any]:
    names = translated_base_fields(model)
    data = {k: v for k, v in entry.items() if k not in names}
    if isinstance(data.get("schedules"), list):
        data["schedules"] = [_drop(s, Schedule) for s in data["schedules"]]
    if isinstance(data.get("channels"), list):
        data["channels"] = [_drop(c, ContactChannel) for c in data["channels"]]
    if isinstance(data.get("at_locations"), list):
        data["at_locations"] = [_drop(a, ServiceAtLocation) for a in data["at_locations"]]
    return data


def _current_shape(snapshot: dict[str, Any]) -> dict[str, Any]:
    """A snapshot stored before snapshots left out the translated base fields still has them:
    drop them, so that comparing it with a new snapshot finds no false changes."""
    if translated_base_fields(Service).isdisjoint(snapshot):
        return snapshot
    return _drop(snapshot, Service)


def _blank_as_empty(value: Any, key: str = "") -> Any:
    """For comparing only: an empty text is NULL when an import wrote it (modeltranslation's
    fields are nullable) and "" when a form did; saving a form unchanged is no change. The
    languages of a service or channel are a set: the form lists them in its own order, an
    import in the source's, and that is no change either."""
    if value is None:
        return ""
    if key == "languages" and isinstance(value, list):
        return sorted(str(item) for item in value)
    if isinstance(value, list):
        return [_blank_as_empty(item) for item in value]
    if isinstance(value, dict):
        return {name: _blank_as_empty(item, name) for name, item in value.items()}
    return value


def snapshot_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Field → [before, after] for the top-level fields that differ (an empty text and NULL
    are the same)."""
    before = _current_shape(before)
    changes = {}
    for key in sorted(set(before) | set(after)):
        if _blank_as_empty(before.get(key), key) != _blank_as_empty(after.get(key), key):
            changes[key] = [before.get(key), after.get(key)]
    return changes


def service_version_record(
    *,
    service: Service,
    actor: Actor | None,
    action: str,
    via: str = "",
    force: bool = False,
    before: dict[str, Any] | None = None,
) -> ServiceVersion | None:
    """Store a version if anything changed since the last one (or always, with `force`, for
    actions like publish and verify that matter in themselves). `before` is the snapshot taken
    before the change, for a service that has no version yet. Call inside the transaction of
    the change."""
    last = ServiceVersion.objects.filter(service=service).order_by("-number").first()
    snapshot = service_snapshot(service)
    if last is None and before is None:
        # The first version: the snapshot is its content and the action says what happened;
        # every field as [None, value] would only store it all twice.
        changes: dict[str, Any] = {}
    else:
        changes = snapshot_changes(last.snapshot if last else (before or {}), snapshot)
    if last is None and before is not None and not changes and not force:
        return None
    if last is not None and not changes and not force:
        return None
    return ServiceVersion.objects.create(
        service=service,
        number=(last.number + 1) if last else 1,
        actor_id=actor.pk if actor is not None and actor.is_authenticated else None,
        via=via,
        action=action,
        changes=changes,
        snapshot=snapshot,
    )


# --- Versions in words (usability review m16) ---------------------------------------------------

#: What a version's action says, in the editor's words.
ACTION_LABELS: dict[str, Any] = {
    "create": _("Created"),
    "update": _("Changed"),
    "import": _("Updated by an import"),
    "publish": _("Published"),
    "unpublish": _("Returned to draft"),
    "verify": _("Marked as verified"),
    "approve": _("Approved"),
    "restore": _("Restored an earlier version"),
}

# The parts of a description that are lists of rows, named as the form names them.
_NESTED_LABELS: dict[str, Any] = {
    "channels": _("Contact channels"),
    "schedules": _("Opening hours"),
    "at_locations": _("Places"),
    "terms": _("Classifications"),
}
_LANGUAGE_NAMES: dict[str, Any] = {
    "fi": pgettext_lazy("language of a text field", "Finnish"),
    "sv": pgettext_lazy("language of a text field", "Swedish"),
    "en": pgettext_lazy("language of a text field", "English"),
}
_WORD = re.compile(r"(\s+)")


@dataclass(frozen=True)
class FieldChange:
    """One changed field of a version: its name in words, the old and new value as text, and
    the two with the changed words marked (`<del>`, `<ins>`)."""

    key: str
    label: str
    old: str
    new: str
    diff: SafeString


def field_label(key: str) -> str:
    """ "Kuvaus (ruotsi)" for `description_sv`, "Järjestäjä" for `organization_id`."""
    if key in _NESTED_LABELS:
        return str(_NESTED_LABELS[key])
    base, _sep, language = key.rpartition("_")
    if base and language in _LANGUAGE_NAMES and base in translated_base_fields(Service):
        base_field: Any = Service._meta.get_field(base)
        label = capfirst(str(base_field.verbose_name))
        return f"{label} ({_LANGUAGE_NAMES[language]})"
    name = key[: -len("_id")] if key.endswith("_id") else key
    try:
        field: Any = Service._meta.get_field(name)
    except FieldDoesNotExist:
        return key
    return str(capfirst(field.verbose_name))


def _row_text(row: dict[str, Any]) -> str:
    """A nested row (a channel, an opening-hours row, a place) as one line of text."""
    parts = []
    for key in ("kind", "value", "weekday", "opens_at", "closes_at", "name_fi", "description_fi"):
        value = row.get(key)
        if value not in (None, "", []):
            parts.append(str(value))
    if row.get("location_id"):
        parts.append(str(_location_names().get(str(row["location_id"]), row["location_id"])))
    return " ".join(parts) or "–"


def _location_names() -> dict[str, str]:
    return {str(pk): name for pk, name in Location.objects.values_list("pk", "name")}


def value_text(key: str, value: Any) -> str:
    """A stored value as the editor reads it: choices by their label, yes/no, lists line by
    line, an organisation by its name; an empty value as "–"."""
    if value in (None, "", [], {}):
        return "–"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if key in ("channels", "schedules", "at_locations") and isinstance(value, list):
        return "\n".join(_row_text(row) for row in value if isinstance(row, dict))
    name = key[: -len("_id")] if key.endswith("_id") else key
    try:
        field: Any = Service._meta.get_field(name)
    except FieldDoesNotExist:
        field = None
    if field is not None and getattr(field, "choices", None):
        labels = {str(code): label for code, label in field.choices}
        return str(labels.get(str(value), value))
    if name in ("organization", "producers") and field is not None:
        ids = value if isinstance(value, list) else [value]
        names = dict(Organization.objects.filter(pk__in=ids).values_list("pk", "name"))
        return ", ".join(names.get(uuid.UUID(str(pk)), str(pk)) for pk in ids)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def word_diff(old: str, new: str) -> SafeString:
    """The new text with removed words in `<del>` and added words in `<ins>`."""
    before, after = _WORD.split(old), _WORD.split(new)
    chunks: list[SafeString] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            chunks.append(conditional_escape("".join(before[a0:a1])))
            continue
        if tag in ("delete", "replace"):
            chunks.append(format_html("<del>{}</del>", "".join(before[a0:a1])))
        if tag in ("insert", "replace"):
            chunks.append(format_html("<ins>{}</ins>", "".join(after[b0:b1])))
    return mark_safe("".join(chunks))  # noqa: S308  (each chunk is escaped)


def version_changes(version: ServiceVersion) -> list[FieldChange]:
    """What a version changed, field by field, in words, in the order of the form."""
    result = []
    for key, pair in version.changes.items():
        old, new = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        old_text, new_text = value_text(key, old), value_text(key, new)
        result.append(
            FieldChange(
                key=key,
                label=field_label(key),
                old=old_text,
                new=new_text,
                diff=word_diff(old_text, new_text),
            )
        )
    return sorted(result, key=lambda change: _form_order(change.key))


def _form_order(key: str) -> tuple[int, str]:
    base = key.rpartition("_")[0] if key.rpartition("_")[2] in _LANGUAGE_NAMES else key
    base = base[: -len("_id")] if base.endswith("_id") else base
    order = [f.name for f in Service._meta.get_fields()]
    return (order.index(base) if base in order else len(order), key)


# --- Restoring a version ------------------------------------------------------------------------

# What a restore leaves as it is: who the service belongs to, whether it is public and running,
# and the bookkeeping. Restoring brings back what the description says, not its state.
_KEPT_ON_RESTORE = frozenset(
    {
        "id",
        "organization_id",
        "publication_state",
        "status",
        "source",
        "created_at",
        "updated_at",
        "last_verified_at",
        "last_verified_by_id",
    }
)


def _columns(model: type[models.Model], row: dict[str, Any], parents: set[str]) -> dict[str, Any]:
    """The values of `row` that are columns of `model` today (a snapshot may be older than a
    field), without the links to its parents, which the caller sets."""
    names = {field.attname for field in model._meta.concrete_fields}
    names -= translated_base_fields(model) | parents
    return {key: value for key, value in row.items() if key in names}


_SCHEDULE_PARENTS = {"service_id", "service_at_location_id", "location_id", "channel_id"}
_CHANNEL_PARENTS = {"service_id", "service_at_location_id"}


def _restore_schedules(rows: Any, **parent: Any) -> None:
    for row in rows or []:
        Schedule.objects.create(**_columns(Schedule, row, _SCHEDULE_PARENTS), **parent)


def _restore_channels(rows: Any, **parent: Any) -> None:
    for row in rows or []:
        channel = ContactChannel.objects.create(
            **_columns(ContactChannel, row, _CHANNEL_PARENTS), **parent
        )
        _restore_schedules(row.get("schedules"), channel=channel)


def restore_snapshot(service: Service, snapshot: dict[str, Any]) -> None:
    """Set the locked `service` to what `snapshot` says: its texts and values (not its owner,
    publication or status), its classifications, and its channels, hours and places, which are
    written again as they were. A place that no longer exists is left out. The caller saves the
    service (`service_update` does, and versions and audits the whole change)."""
    snapshot = _current_shape(snapshot)
    for key, value in _columns(Service, snapshot, set(_KEPT_ON_RESTORE)).items():
        setattr(service, key, value)
    service.producers.set(Organization.objects.filter(pk__in=snapshot.get("producers") or []))
    service.area_municipalities.set(snapshot.get("area_municipalities") or [])
    service.terms.set(snapshot.get("terms") or [])
    service.channels.all().delete()
    service.schedules.all().delete()
    ServiceAtLocation.objects.filter(service=service).delete()
    _restore_channels(snapshot.get("channels"), service=service)
    _restore_schedules(snapshot.get("schedules"), service=service)
    existing = set(
        Location.objects.filter(
            pk__in=[row.get("location_id") for row in snapshot.get("at_locations") or []]
        ).values_list("pk", flat=True)
    )
    for row in snapshot.get("at_locations") or []:
        if uuid.UUID(str(row.get("location_id"))) not in existing:
            continue
        at_location = ServiceAtLocation.objects.create(
            service=service,
            location_id=row["location_id"],
            **_columns(ServiceAtLocation, row, {"service_id", "location_id"}),
        )
        _restore_channels(row.get("channels"), service_at_location=at_location)
        _restore_schedules(row.get("schedules"), service_at_location=at_location)
