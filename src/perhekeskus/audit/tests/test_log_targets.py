"""The audit log shows objects by name, with a link where the viewer may open them, and its
action filter by translated labels grouped by app (usability review m17); a filter that finds
nothing says so."""

from __future__ import annotations

from typing import Any

import pytest

from perhekeskus.audit.registry import TargetLink, register_target, resolve_targets
from perhekeskus.audit.services import audit_record
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_a_service_is_shown_by_name_with_a_link_to_the_editor(coordinator: Any) -> None:
    service = ServiceFactory.create(name="Perhekahvila Kotipesä")
    audit_record(action="catalog.service.update", target=service)
    page = logged_in_client(coordinator).get("/fi/pro/audit/").content.decode()
    link = (
        f'<a href="/fi/pro/catalog/catalog/service/{service.pk}/change/">Perhekahvila Kotipesä</a>'
    )
    assert link in page
    assert f"catalog.service #{service.pk}" not in page


def test_a_target_no_app_names_keeps_its_id(coordinator: Any) -> None:
    audit_record(action="accounts.user.logout", target_type="nothing.known", target_id="42")
    page = logged_in_client(coordinator).get("/fi/pro/audit/").content.decode()
    assert "#42" in page


def test_targets_are_named_one_call_per_type() -> None:
    calls: list[list[str]] = []

    def resolve(ids: list[str], viewer: Any) -> dict[str, TargetLink]:
        calls.append(ids)
        return {
            target_id: TargetLink(name=f"name {target_id}") for target_id in ids if target_id != "3"
        }

    register_target("tests.thing", resolve)
    links = resolve_targets(
        [("tests.thing", "1"), ("tests.thing", "2"), ("tests.thing", "1"), ("tests.thing", "3")],
        viewer=None,
    )
    assert calls == [["1", "2", "3"]]
    assert links[("tests.thing", "2")] == TargetLink(name="name 2")
    assert ("tests.thing", "3") not in links


def test_the_action_filter_lists_translated_labels_grouped_by_app(coordinator: Any) -> None:
    page = logged_in_client(coordinator).get("/fi/pro/audit/").content.decode()
    assert '<optgroup label="Palveluluettelo">' in page
    assert "(catalog.service.update)" not in page


def test_a_filter_that_finds_nothing_says_so(coordinator: Any) -> None:
    client = logged_in_client(coordinator)
    response = client.get("/fi/pro/audit/", {"action": "catalog.service.publish"})
    assert response.status_code == 200
    assert "Rajauksilla ei löytynyt merkintöjä." in response.content.decode()


def test_a_user_is_shown_by_name(coordinator: Any, professional: Any) -> None:
    audit_record(action="accounts.user.logout", actor=professional, target=professional)
    page = logged_in_client(coordinator).get("/fi/pro/audit/").content.decode()
    assert f"#{professional.pk}</code>" not in page
    assert str(professional) in page
