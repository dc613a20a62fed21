"""Tracking codes a family can read aloud over the phone and type on a phone keyboard.

100 random bits (over the 80 the law of guessing asks for), in Crockford's base32: no I, L, O
or U, so nothing is mistaken for 1 or 0; grouped by five. Typing is forgiving: case, spaces,
dashes and the look-alike letters are normalised away.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 20  # 20 symbols x 5 bits = 100 bits
_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})


def new_tracking_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + 5] for i in range(0, LENGTH, 5))


def normalize_tracking_code(typed: str) -> str | None:
    """The canonical form of what someone typed, or None if it cannot be a code."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_LOOKALIKES)
    if len(cleaned) != LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return "-".join(cleaned[i : i + 5] for i in range(0, LENGTH, 5))
