"""Dates and times in Finnish style in all three languages (config/formats): 4.12.2026 and
klo / kl. / at 8.00, never the US 12/04/2026 nor Sweden's 2026-12-04 and 08:00; and a
grammatical Finnish "avautuu maanantaina 7.12. klo 8.00"."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import formats, translation

from perhekeskus.catalog.models import Service
from perhekeskus.catalog.opening import FINNISH_TIME
from perhekeskus.finder.tests.test_pages import _clinic, _main

pytestmark = pytest.mark.django_db

# Friday 4 December 2026, 19.30 in Finland: the clinic is closed until Monday 8.00.
FRIDAY_EVENING = dt.datetime(2026, 12, 4, 19, 30, tzinfo=FINNISH_TIME)


@pytest.fixture
def clinic(monkeypatch: pytest.MonkeyPatch) -> Service:
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: FRIDAY_EVENING)
    with translation.override("fi"):
        return _clinic()


def _text(html: str) -> str:
    """What a reader sees: the text between tags, not attributes such as datetime="…"."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize(
    ("lang", "opens", "exception", "checked"),
    [
        (
            "fi",
            "Suljettu nyt , avautuu maanantaina 7.12. klo 8.00",
            "24.12.2026–26.12.2026: Suljettu",
            "5.10.2026",
        ),
        (
            "sv",
            "Stängt nu , öppnar på måndag 7.12. kl. 8.00",
            "24.12.2026–26.12.2026: Stängt",
            "5.10.2026",
        ),
        (
            "en",
            "Closed now , opens on Monday 7.12. at 8.00",
            "24.12.2026–26.12.2026: Closed",
            "5.10.2026",
        ),
    ],
)
def test_service_card_writes_dates_and_times_in_finnish_style(
    clinic: Service, lang: str, opens: str, exception: str, checked: str
) -> None:
    text = _text(_main(Client().get(f"/{lang}/services/{clinic.pk}").content.decode()))
    assert opens in text
    assert exception in text
    assert "8.00–16.00" in text
    assert checked in text
    # Never month-first, never ISO dates or 08:00 in what people read.
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{4}\b", text)
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)
    assert not re.search(r"\b\d{2}:\d{2}\b", text)
    assert "p.m." not in text and "a.m." not in text


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_map_list_writes_hours_and_exceptions_in_finnish_style(clinic: Service, lang: str) -> None:
    text = _text(Client().get(f"/{lang}/map").content.decode())
    assert "8.00–16.00" in text
    assert "24.12.2026–26.12.2026" in text
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{4}\b", text)


@pytest.mark.parametrize(
    ("lang", "short", "datetime", "long"),
    [
        ("fi", "4.12.2026", "4.12.2026 klo 19.30", "4. joulukuuta 2026"),
        ("sv", "4.12.2026", "4.12.2026 kl. 19.30", "4 december 2026"),
        ("en", "4.12.2026", "4.12.2026 at 19.30", "4 December 2026"),
    ],
)
def test_format_modules_of_the_three_languages(
    lang: str, short: str, datetime: str, long: str
) -> None:
    with translation.override(lang):
        assert formats.date_format(FRIDAY_EVENING.date(), "SHORT_DATE_FORMAT") == short
        assert (
            formats.date_format(FRIDAY_EVENING.replace(tzinfo=None), "SHORT_DATETIME_FORMAT")
            == datetime
        )
        assert formats.date_format(FRIDAY_EVENING.date(), "DATE_FORMAT") == long
        assert formats.time_format(dt.time(8, 0)) == "8.00"
        # A typed day-first date is read day first, and <input type="date"> gets ISO.
        assert formats.get_format("DATE_INPUT_FORMATS")[0] == "%Y-%m-%d"
        assert "%m/%d/%Y" not in formats.get_format("DATE_INPUT_FORMATS")
