"""What every HSDS object uses: our ids and URIs, language names and the small pieces."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

from django.utils import translation

from perhekeskus.catalog.importers.records import child_id
from perhekeskus.catalog.models import ChannelKind, Municipality

Json = dict[str, Any]

# Ways to reach a service are a classification of our own: every channel HSDS has no field for
# becomes an attribute linking a term of this taxonomy, so that a plain HSDS reader still sees
# "Chat: https://…". The ids are name-based, the same in every installation.
CHANNEL_TAXONOMY_KEY = "perhekeskus-channel"
CHANNEL_TAXONOMY_URI = "urn:perhekeskus:taxonomy:channel"
CHANNEL_TAXONOMY_ID = uuid.uuid5(uuid.NAMESPACE_URL, CHANNEL_TAXONOMY_URI)


def channel_term_id(kind: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{CHANNEL_TAXONOMY_URI}:{kind}")


CHANNEL_KIND_BY_TERM_ID: dict[uuid.UUID, str] = {channel_term_id(k): k for k in ChannelKind.values}

# Service areas are identified by these URIs (`service_area.uri`); the importer reads them back.
AREA_URI_MUNICIPALITY = "urn:perhekeskus:area:municipality:"
AREA_URI_COUNTY = "urn:perhekeskus:area:county"
AREA_URI_NATIONWIDE = "urn:perhekeskus:area:nationwide"

# org-id.guide's scheme for the Finnish business id (Y-tunnus), kept by the Patent and
# Registration Office.
BUSINESS_ID_SCHEME = "FI-PRO"

BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# Django knows most language names; these matter to the network (Somali, the Sámi languages)
# and it does not.
_LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "so": {"fi": "somali", "sv": "Somaliska", "en": "Somali"},
    "se": {"fi": "pohjoissaame", "sv": "Nordsamiska", "en": "Northern Sami"},
    "smn": {"fi": "inarinsaame", "sv": "Enaresamiska", "en": "Inari Sami"},
    "sms": {"fi": "koltansaame", "sv": "Skoltsamiska", "en": "Skolt Sami"},
}


# --- small pieces -------------------------------------------------------------------------------


def put(data: Json, key: str, value: Any) -> None:
    """Set `key` unless the value is empty (0 and False are values)."""
    if value is None or value == "" or value == [] or value == {}:
        return
    data[key] = value


def text(instance: Any, field: str) -> str:
    # The plain attribute is the active language with the fi → sv → en fallback.
    return str(getattr(instance, field) or "").strip()


def time_of_day(value: dt.time | None) -> str | None:
    if value is None:
        return None
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def timestamp(value: dt.datetime) -> str:
    utc = value.astimezone(dt.UTC)
    return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def related(instance: Any, name: str) -> list[Any]:
    """A prefetched relation as a list (the prefetch cache when there is one)."""
    return list(getattr(instance, name).all())


def by_name_and_id(items: Iterable[Any]) -> list[Any]:
    return sorted(items, key=lambda item: (text(item, "name").casefold(), str(item.pk)))


def municipality_object(municipality: Municipality) -> Json:
    return {"code": municipality.code, "name": text(municipality, "name")}


def language_name(code: str) -> str:
    """The name of a language in the active language, or the code when we know no name."""
    lang = translation.get_language() or "fi"
    if code in _LANGUAGE_NAMES:
        names = _LANGUAGE_NAMES[code]
        return names.get(lang) or names["en"]
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


def languages(owner_id: uuid.UUID, codes: Iterable[str]) -> list[Json]:
    return [
        {"id": str(child_id(owner_id, "language", code)), "name": language_name(code), "code": code}
        for code in codes
    ]
