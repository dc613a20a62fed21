"""The demo shows publishing with care: bilingual municipalities, an NGO whose changes need
approval with its approver, and places whose accessibility is known."""

from __future__ import annotations

import pytest

from perhekeskus.accounts.models import User
from perhekeskus.catalog.models import Location, Municipality, Organization
from perhekeskus.catalog.policies import can_approve_services_of
from perhekeskus.core.roles import Role
from perhekeskus.demo.catalog.helpers import location_id, org_id

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_network")]


def test_porvoo_and_turku_are_bilingual_askola_is_not() -> None:
    assert Municipality.objects.get(code="638").is_bilingual
    assert Municipality.objects.get(code="853").is_bilingual
    assert not Municipality.objects.get(code="018").is_bilingual


def test_an_ngo_requires_review_and_has_an_approver() -> None:
    ngo = Organization.objects.get(pk=org_id("mll-askola"))
    assert ngo.requires_review
    approver = User.objects.get(email="hyvaksyja@demo.perhekeskus.example")
    assert approver.has_role(Role.ORGANIZATION_APPROVER)
    assert can_approve_services_of(approver, ngo.pk)
    editor = User.objects.get(email="yhdistys@demo.perhekeskus.example")
    assert not can_approve_services_of(editor, ngo.pk)


def test_porvoos_places_have_structured_accessibility() -> None:
    cafe = Location.objects.get(pk=location_id("porvoo-folkhalsan-familjecafe"))
    assert (cafe.step_free_entrance, cafe.accessible_toilet, cafe.lift) == (True, True, False)
    assert cafe.induction_loop is None
