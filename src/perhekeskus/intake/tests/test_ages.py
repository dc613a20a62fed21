"""A child's maximum age is one constant (`core.ages.MAX_CHILD_AGE`): the help form, the help
API and the finder's age filter (through `catalog.models`) accept the same ages."""

from __future__ import annotations

import pytest

from perhekeskus.catalog import models as catalog_models
from perhekeskus.core.ages import MAX_CHILD_AGE
from perhekeskus.intake.api import HelpRequestCreateSerializer
from perhekeskus.intake.forms.public import parse_child_ages

PAYLOAD = {
    "message": "Aikuinen poikamme ei pääse sängystä ylös.",
    "concerns": "my_child",
    "municipality": "018",
    "language": "fi",
    "anonymous": True,
    "consent": True,
}


def test_a_young_adult_the_finder_serves_can_be_named_in_a_help_request() -> None:
    assert MAX_CHILD_AGE == 29
    assert catalog_models.MAX_CHILD_AGE == MAX_CHILD_AGE
    assert parse_child_ages("2, 27") == [2, 27]
    assert HelpRequestCreateSerializer(data={**PAYLOAD, "child_ages": [2, 27]}).is_valid()


@pytest.mark.parametrize("age", [MAX_CHILD_AGE + 1, 40])
def test_older_ages_are_refused_by_the_form_and_the_api(age: int) -> None:
    with pytest.raises(ValueError):
        parse_child_ages(str(age))
    assert not HelpRequestCreateSerializer(data={**PAYLOAD, "child_ages": [age]}).is_valid()
