"""The small rules of intake that need no database: codes, danger signals, working days."""

import datetime as dt

from perhekeskus.core.danger import danger_signals
from perhekeskus.intake.tracking import LENGTH, new_tracking_code, normalize_tracking_code
from perhekeskus.intake.workdays import (
    add_working_days,
    finnish_holidays,
    is_working_day,
    working_days_between,
)


def test_tracking_codes_are_unguessable_and_readable() -> None:
    codes = {new_tracking_code() for _ in range(2000)}
    assert len(codes) == 2000
    code = codes.pop()
    assert len(code.replace("-", "")) == LENGTH  # 20 x 5 bits = 100 bits
    assert not set(code) & set("ILOU")


def test_typed_codes_are_normalised() -> None:
    code = new_tracking_code()
    assert normalize_tracking_code(code.lower().replace("-", " ")) == code
    assert normalize_tracking_code("oooo0-11111-22222-33333") == "00000-11111-22222-33333"
    assert normalize_tracking_code("too-short") is None
    assert normalize_tracking_code("<script>alert(1)</script>") is None


def test_danger_signals_in_three_languages() -> None:
    assert danger_signals("Mieheni lyö minua ja lapsia") == ["violence"]
    assert danger_signals("Han slår mig") == ["violence"]
    assert danger_signals("My son talks about suicide") == ["self_harm"]
    # A drunk caregiver has its own signal, after the child left alone (the order is stable).
    assert danger_signals("Lapsi on yksin kotona ja isä on humalassa") == [
        "child_in_danger",
        "caregiver_intoxicated_or_raging",
    ]
    assert danger_signals("Vauva itkee paljon eikä nuku") == []
    # Whole-word stems do not fire inside other words.
    assert danger_signals("Terveysasemalla oli jono") == []
    assert danger_signals("Vi bodde på hotell") == []


def test_finnish_holidays_2026() -> None:
    holidays = finnish_holidays(2026)
    assert dt.date(2026, 4, 3) in holidays  # Good Friday
    assert dt.date(2026, 4, 6) in holidays  # Easter Monday
    assert dt.date(2026, 5, 14) in holidays  # Ascension Day
    assert dt.date(2026, 6, 19) in holidays  # Midsummer Eve
    assert dt.date(2026, 10, 31) in holidays  # All Saints' Day
    assert dt.date(2026, 12, 24) in holidays


def test_working_days_skip_weekends_and_holidays() -> None:
    friday = dt.date(2026, 11, 27)
    assert add_working_days(friday, 3) == dt.date(2026, 12, 2)
    # Received on 23 Dec: 24-26 Dec and the weekend do not count.
    assert add_working_days(dt.date(2026, 12, 23), 1) == dt.date(2026, 12, 28)
    assert not is_working_day(dt.date(2026, 12, 6))  # Independence Day (a Sunday anyway)
    assert working_days_between(friday, dt.date(2026, 12, 2)) == 3
    assert working_days_between(friday, friday) == 0
