"""The shared validators: the shape of a family's phone number, and one-line names."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from perhekeskus.core.validators import looks_like_phone_number, validate_single_line


@pytest.mark.parametrize(
    "value",
    ["040 123 4567", "0401234567", "+358 40 123 4567", "09 (310) 1234", "09-310-1234", "+3584012"],
)
def test_a_phone_number_in_the_ways_people_write_it_is_one(value: str) -> None:
    assert looks_like_phone_number(value)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "12345",  # too short
        "+358 40 123 4567 890 12",  # too long
        "abc 123 4567",
        "040 123 4567 ext",
        "++358401234567",
        "-0401234567",
        "(09) 310 1234",  # begins with a digit or "+"
        "040\n1234567",
        "040.123.4567",
    ],
)
def test_what_is_not_a_phone_number_is_refused(value: str) -> None:
    assert not looks_like_phone_number(value)


def test_a_line_break_in_a_name_is_refused() -> None:
    validate_single_line("Perhekeskus Itä")
    with pytest.raises(ValidationError):
        validate_single_line("Perhe\r\nBcc: x@example.com")
