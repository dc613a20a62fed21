"""The finder's admins on the catalogue editor site, allowed and denied with real objects: the
need thesaurus (`can_edit_need_concepts`) and the searches that found nothing
(`can_view_unmet_needs`) are the network coordinators'. An organisation editor, who may use the
editor site for their own services, is refused both, and an existing id answers exactly like a
missing one. (`catalog/tests/test_editor_permissions.py` checks every admin of the site.)"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.finder.models import NeedConcept, ZeroResultQuery
from perhekeskus.testing.admin import admin_form_data
from perhekeskus.testing.clients import logged_in_client

pytestmark = pytest.mark.django_db

NEEDS = "/fi/pro/catalog/finder/needconcept/"
UNMET = "/fi/pro/catalog/finder/zeroresultquery/"
MISSING_ID = 987654321


@pytest.fixture
def concept() -> NeedConcept:
    return NeedConcept.objects.create(
        key="valvominen", name_fi="Valvominen", phrases_fi="valvominen, univaje"
    )


@pytest.fixture
def unmet() -> ZeroResultQuery:
    return ZeroResultQuery.objects.create(
        query="vauvahieronta", language="fi", date=timezone.localdate(), count=3
    )


def _answer(response: Any) -> tuple[int, str | None]:
    return response.status_code, response.get("Location")


# --- the need thesaurus -------------------------------------------------------------------------


def test_a_coordinator_lists_and_changes_life_situations(
    coordinator: Any, concept: NeedConcept
) -> None:
    client = logged_in_client(coordinator)
    listing = client.get(NEEDS)
    assert listing.status_code == 200
    assert concept in listing.context["cl"].result_list
    page = client.get(f"{NEEDS}{concept.pk}/change/")
    assert page.status_code == 200
    response = client.post(
        f"{NEEDS}{concept.pk}/change/", admin_form_data(page, phrases_fi="valvominen, yövalvonta")
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    concept.refresh_from_db()
    assert concept.phrases_fi == "valvominen, yövalvonta"
    assert AuditEntry.objects.filter(action="finder.need.change", actor=coordinator).exists()


def test_an_organisation_editor_is_refused_the_thesaurus_and_learns_nothing(
    editor: Any, coordinator: Any, concept: NeedConcept
) -> None:
    page = logged_in_client(coordinator).get(f"{NEEDS}{concept.pk}/change/")
    data = admin_form_data(page, phrases_fi="kaapattu")
    client = logged_in_client(editor)
    assert client.get(NEEDS).status_code == 403
    assert client.get(f"{NEEDS}add/").status_code == 403
    for suffix in ("change/", "history/", "delete/"):
        existing = client.get(f"{NEEDS}{concept.pk}/{suffix}")
        missing = client.get(f"{NEEDS}{MISSING_ID}/{suffix}")
        assert _answer(existing) == _answer(missing), suffix
        assert existing.status_code in (302, 403), suffix
    audits = AuditEntry.objects.count()
    denied = client.post(f"{NEEDS}{concept.pk}/change/", data)
    assert _answer(denied) == _answer(client.post(f"{NEEDS}{MISSING_ID}/change/", data))
    assert denied.status_code == 403
    concept.refresh_from_db()
    assert concept.phrases_fi == "valvominen, univaje"
    assert AuditEntry.objects.count() == audits


# --- searches that found nothing ----------------------------------------------------------------


def test_a_coordinator_sees_the_unmet_searches(coordinator: Any, unmet: ZeroResultQuery) -> None:
    client = logged_in_client(coordinator)
    listing = client.get(UNMET)
    assert listing.status_code == 200
    assert unmet in listing.context["cl"].result_list
    assert client.get(f"{UNMET}{unmet.pk}/change/").status_code == 200


def test_an_organisation_editor_is_refused_the_unmet_searches(
    editor: Any, unmet: ZeroResultQuery
) -> None:
    client = logged_in_client(editor)
    listing = client.get(UNMET)
    assert listing.status_code == 403
    assert "vauvahieronta" not in listing.content.decode()
    for suffix in ("change/", "history/", "delete/"):
        existing = client.get(f"{UNMET}{unmet.pk}/{suffix}")
        missing = client.get(f"{UNMET}{MISSING_ID}/{suffix}")
        assert _answer(existing) == _answer(missing), suffix
        assert existing.status_code in (302, 403), suffix
    audits = AuditEntry.objects.count()
    denied = client.post(f"{UNMET}{unmet.pk}/delete/", {"post": "yes"})
    assert denied.status_code == 403
    assert (
        client.post(
            UNMET, {"action": "delete_selected", "_selected_action": [unmet.pk]}
        ).status_code
        == 403
    )
    assert ZeroResultQuery.objects.filter(pk=unmet.pk).exists()
    assert AuditEntry.objects.count() == audits
