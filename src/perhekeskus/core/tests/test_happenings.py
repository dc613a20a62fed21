"""The registry through which the finder shows events without importing the events app: without a
provider every answer is empty; with several, their answers are merged in time order."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Iterator

import pytest

from perhekeskus.core import happenings
from perhekeskus.core.happenings import Happening, Upcoming

DAY = dt.date(2026, 12, 7)
PLACE = uuid.uuid4()
OTHER_PLACE = uuid.uuid4()
SERVICE = uuid.uuid4()
ORGANIZATION = uuid.uuid4()


def _at(hour: int, title: str) -> Happening:
    starts = dt.datetime(2026, 12, 7, hour, tzinfo=dt.UTC)
    return Happening(title, starts, starts + dt.timedelta(hours=1), f"/fi/events/{title}/", "")


class FakeProvider:
    def __init__(self, at_place: list[Happening], upcoming: Upcoming) -> None:
        self.at_place = at_place
        self.answer = upcoming
        self.asked: list[tuple[list[uuid.UUID], dt.date]] = []
        self.asked_upcoming: list[tuple[uuid.UUID | None, uuid.UUID | None, int]] = []

    def on_day(
        self, place_ids: Collection[uuid.UUID], day: dt.date
    ) -> dict[uuid.UUID, list[Happening]]:
        self.asked.append((list(place_ids), day))
        return {PLACE: list(self.at_place)} if PLACE in place_ids and self.at_place else {}

    def upcoming(
        self,
        *,
        service_id: uuid.UUID | None = None,
        organization_id: uuid.UUID | None = None,
        limit: int,
    ) -> Upcoming:
        self.asked_upcoming.append((service_id, organization_id, limit))
        return self.answer


@pytest.fixture(autouse=True)
def empty_registry() -> Iterator[None]:
    """The registry without the apps' providers during a test, and as it was after it."""
    with happenings.only({}):
        yield


def test_without_a_provider_there_is_nothing_to_show() -> None:
    assert happenings.on_day([PLACE], DAY) == {}
    assert happenings.upcoming_of_service(SERVICE) == []
    assert happenings.upcoming_of_organization(ORGANIZATION) == []


def test_the_finder_gets_the_providers_answers() -> None:
    cafe = _at(9, "cafe")
    listing = Upcoming([cafe], "/fi/events/?service=x")
    provider = FakeProvider([cafe], listing)
    happenings.register("events", provider)

    assert happenings.on_day([PLACE, OTHER_PLACE], DAY) == {PLACE: [cafe]}
    assert provider.asked == [([PLACE, OTHER_PLACE], DAY)]
    assert happenings.upcoming_of_service(SERVICE) == [listing]
    assert happenings.upcoming_of_organization(ORGANIZATION, limit=3) == [listing]
    assert provider.asked_upcoming == [(SERVICE, None, 5), (None, ORGANIZATION, 3)]


def test_no_places_ask_no_provider() -> None:
    provider = FakeProvider([_at(9, "cafe")], Upcoming())
    happenings.register("events", provider)
    assert happenings.on_day([], DAY) == {}
    assert provider.asked == []


def test_several_providers_are_merged_in_time_order_and_empty_answers_left_out() -> None:
    early, late = _at(9, "early"), _at(13, "late")
    happenings.register("b-later", FakeProvider([late], Upcoming()))
    happenings.register("a-sooner", FakeProvider([early], Upcoming([early], "/a/")))
    happenings.register("c-none", FakeProvider([], Upcoming()))
    assert happenings.on_day([PLACE], DAY) == {PLACE: [early, late]}
    assert happenings.upcoming_of_service(SERVICE) == [Upcoming([early], "/a/")]


def test_only_holds_the_given_providers_within_the_block() -> None:
    outside = FakeProvider([_at(9, "outside")], Upcoming())
    inside = FakeProvider([_at(10, "inside")], Upcoming())
    happenings.register("events", outside)
    with happenings.only({"other": inside}):
        assert happenings.providers() == {"other": inside}
    assert happenings.providers() == {"events": outside}


def test_registering_again_replaces_and_unregistering_forgets() -> None:
    first, second = _at(9, "first"), _at(10, "second")
    happenings.register("events", FakeProvider([first], Upcoming()))
    happenings.register("events", FakeProvider([second], Upcoming()))
    assert happenings.on_day([PLACE], DAY) == {PLACE: [second]}
    happenings.unregister("events")
    happenings.unregister("events")  # forgetting twice is no error
    assert happenings.on_day([PLACE], DAY) == {}
