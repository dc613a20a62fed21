"""Contact channels: phones as HSDS phones, every other channel as a channel-taxonomy attribute."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.utils import translation

from perhekeskus.catalog.hsds.common import Json, channel_term_id, languages, put, related, text
from perhekeskus.catalog.hsds.schedules import schedules
from perhekeskus.catalog.hsds.taxonomies import channel_term_object
from perhekeskus.catalog.models import ChannelKind, ContactChannel


def _channel_key(channel: ContactChannel) -> tuple[Any, ...]:
    return (channel.order, channel.kind, str(channel.pk))


def _channel_extensions(data: Json, channel: ContactChannel) -> None:
    put(data, "x_name", text(channel, "name"))
    put(data, "x_charge", channel.phone_charge)
    put(data, "x_charge_description", text(channel, "charge_description"))
    data["x_order"] = channel.order
    put(data, "x_schedules", schedules(related(channel, "schedules")))


def _phone(channel: ContactChannel) -> Json:
    data: Json = {"id": str(channel.pk), "number": channel.value, "type": "voice"}
    put(data, "description", text(channel, "description"))
    put(data, "languages", languages(channel.pk, channel.languages))
    _channel_extensions(data, channel)
    return data


def _channel_attribute(channel: ContactChannel, *, link_id: uuid.UUID, entity: str) -> Json:
    lang = translation.get_language() or "fi"
    data: Json = {
        "id": str(channel.pk),
        "link_id": str(link_id),
        "link_type": "channel",
        "link_entity": entity,
        "taxonomy_term_id": str(channel_term_id(channel.kind)),
        "taxonomy_term": channel_term_object(channel.kind, lang),
        "value": channel.value,
    }
    put(data, "x_description", text(channel, "description"))
    put(data, "x_languages", list(channel.languages))
    _channel_extensions(data, channel)
    return data


def channels(
    channels: Iterable[ContactChannel], *, link_id: uuid.UUID, entity: str
) -> tuple[list[Json], list[Json]]:
    """(phones, attributes): phone numbers are HSDS phones; every other channel an attribute."""
    phones: list[Json] = []
    attributes: list[Json] = []
    for channel in sorted(channels, key=_channel_key):
        if channel.kind == ChannelKind.PHONE:
            phones.append(_phone(channel))
        else:
            attributes.append(_channel_attribute(channel, link_id=link_id, entity=entity))
    return phones, attributes
