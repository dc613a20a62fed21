"""Taxonomies and their terms, the contact-channel taxonomy (which lives in code) included."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.hsds.common import (
    CHANNEL_TAXONOMY_ID,
    CHANNEL_TAXONOMY_KEY,
    CHANNEL_TAXONOMY_URI,
    Json,
    channel_term_id,
    put,
    text,
)
from perhekeskus.catalog.models import ChannelKind, Taxonomy, TaxonomyTerm


def _taxonomy(taxonomy: Taxonomy) -> Json:
    data: Json = {
        "id": str(taxonomy.pk),
        "name": text(taxonomy, "name") or taxonomy.key,
        "description": text(taxonomy, "description"),
    }
    put(data, "uri", taxonomy.uri)
    put(data, "version", taxonomy.version)
    return data


def taxonomy_term_object(term: TaxonomyTerm, lang: str) -> Json:
    data: Json = {
        "id": str(term.pk),
        "code": term.code,
        "name": text(term, "name") or term.code,
        "description": text(term, "description"),
    }
    put(data, "parent_id", str(term.parent_id) if term.parent_id else None)
    data["taxonomy"] = term.taxonomy.key
    data["taxonomy_id"] = str(term.taxonomy_id)
    data["taxonomy_detail"] = _taxonomy(term.taxonomy)
    data["language"] = lang
    put(data, "term_uri", term.term_uri)
    return data


def _channel_taxonomy() -> Json:
    return {
        "id": str(CHANNEL_TAXONOMY_ID),
        "name": str(_("Contact channels")),
        "description": str(
            _("How a service can be reached: phone, e-mail, web, e-service, chat, video, form.")
        ),
        "uri": CHANNEL_TAXONOMY_URI,
    }


def channel_term_object(kind: str, lang: str) -> Json:
    return {
        "id": str(channel_term_id(kind)),
        "code": kind,
        "name": str(ChannelKind(kind).label),
        "description": "",
        "taxonomy": CHANNEL_TAXONOMY_KEY,
        "taxonomy_id": str(CHANNEL_TAXONOMY_ID),
        "taxonomy_detail": _channel_taxonomy(),
        "language": lang,
        "term_uri": f"{CHANNEL_TAXONOMY_URI}:{kind}",
    }


def taxonomy(item: Taxonomy | None, *, lang: str) -> Json:
    """A taxonomy (`None` is the channel taxonomy, which lives in code, not in the database)."""
    with translation.override(lang):
        return _channel_taxonomy() if item is None else _taxonomy(item)


def taxonomy_term(item: TaxonomyTerm | str, *, lang: str) -> Json:
    """A taxonomy term; a channel kind (str) is a term of the channel taxonomy."""
    with translation.override(lang):
        if isinstance(item, str):
            return channel_term_object(item, lang)
        return taxonomy_term_object(item, lang)
