from __future__ import annotations

import datetime as dt
import uuid

import pytest

from perhekeskus.appointments import slotids

TYPE_ID = uuid.UUID("6c0f5b1e-1f7e-4d38-9d8f-3a2b1c0d9e8f")
STARTS = dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)


def test_slot_id_round_trips() -> None:
    text = slotids.encode(TYPE_ID, 42, STARTS)
    assert slotids.decode(text) == slotids.SlotRef(TYPE_ID, 42, STARTS)


def test_slot_id_is_url_safe_and_opaque() -> None:
    text = slotids.encode(TYPE_ID, 42, STARTS)
    assert text.replace("-", "").replace("_", "").isalnum()
    assert str(TYPE_ID) not in text
    assert "2026" not in text


def test_slot_id_of_a_start_in_another_zone_is_the_same_instant() -> None:
    helsinki = STARTS.astimezone(dt.timezone(dt.timedelta(hours=3)))
    assert slotids.encode(TYPE_ID, 42, helsinki) == slotids.encode(TYPE_ID, 42, STARTS)


def test_naive_start_is_refused() -> None:
    with pytest.raises(ValueError):
        slotids.encode(TYPE_ID, 42, dt.datetime(2026, 1, 1, 9, 0))


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "x",
        "not a slot id at all, really not one at all, no",
        "A" * 44,
        "!" * 44,
        "ä" * 44,
        None,
        42,
        slotids.encode(TYPE_ID, 42, STARTS)[:-1],
        slotids.encode(TYPE_ID, 42, STARTS) + "A",
    ],
)
def test_garbage_decodes_to_none(garbage: object) -> None:
    assert slotids.decode(garbage) is None


def test_a_changed_character_is_another_slot_or_nothing() -> None:
    text = slotids.encode(TYPE_ID, 42, STARTS)
    changed = text[:-1] + ("B" if text[-1] != "B" else "C")
    assert slotids.decode(changed) != slotids.decode(text)
