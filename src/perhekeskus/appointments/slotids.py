"""Slot ids: free slots are computed, never stored, so a slot is named by what it is (the type,
the professional and the start) packed into opaque, URL-safe text.

The id carries no secret and grants nothing: a booking re-checks every rule for the slot it
names, under the professional's calendar lock. It is opaque so that pages and API clients pass it
back as it is instead of building one; anything that is not an id we made decodes to None.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import struct
import uuid
from typing import NamedTuple

_VERSION = 1
# version, type id (16 bytes), professional id, start in seconds since the epoch (UTC).
_LAYOUT = struct.Struct(">B16sQq")
# Starts outside these years are not ours (and keep datetime from overflowing).
_EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_LATEST = dt.datetime(2200, 1, 1, tzinfo=dt.UTC)


class SlotRef(NamedTuple):
    appointment_type_id: uuid.UUID
    professional_id: int
    starts: dt.datetime  # aware, UTC


def encode(type_id: uuid.UUID | str, professional_id: int, starts: dt.datetime) -> str:
    """The id of the slot of `type_id` with `professional_id` starting at `starts` (aware)."""
    if starts.tzinfo is None:
        raise ValueError("A slot's start must be an aware datetime")
    type_uuid = type_id if isinstance(type_id, uuid.UUID) else uuid.UUID(str(type_id))
    seconds = int(starts.timestamp())
    packed = _LAYOUT.pack(_VERSION, type_uuid.bytes, int(professional_id), seconds)
    return base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")


def decode(text: object) -> SlotRef | None:
    """The slot an id names, or None for anything that is not an id made by `encode`."""
    if not isinstance(text, str) or len(text) != 44 or not text.isascii():
        return None
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
    if len(packed) != _LAYOUT.size:
        return None
    version, type_bytes, professional_id, seconds = _LAYOUT.unpack(packed)
    if version != _VERSION or professional_id < 1:
        return None
    if not _EARLIEST.timestamp() <= seconds < _LATEST.timestamp():
        return None
    # The id must be the one encode makes (no second spelling of the same slot).
    starts = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    ref = SlotRef(uuid.UUID(bytes=type_bytes), professional_id, starts)
    if encode(ref.appointment_type_id, professional_id, starts) != text:
        return None
    return ref
