"""The editor previews the family's card of a service, drafts too (the finder renders it with
the public page's code), marked as a preview and kept out of search engines; only those who
may edit the service's organisation see it. A published service has "View on site"."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from perhekeskus.catalog.models import PublicationState
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import ServiceFactory

pytestmark = pytest.mark.django_db

EDITOR = "/fi/pro/catalog/catalog/service/"


def test_the_editor_previews_a_draft_as_families_would_see_it(editor: Any) -> None:
    draft = ServiceFactory.create(
        organization=editor.organization,
        name="Perhekahvila Kotipesä",
        summary_fi="Kahvia ja juttuseuraa vanhemmille.",
        publication_state=PublicationState.DRAFT,
    )
    client = logged_in_client(editor)
    # The family's page does not show a draft; the preview does.
    assert client.get(f"/fi/services/{draft.pk}").status_code == 404
    change = client.get(f"{EDITOR}{draft.pk}/change/").content.decode()
    preview_url = f"/fi/pro/catalog/preview/{draft.pk}/"
    assert f'href="{preview_url}"' in change
    assert "Esikatsele" in change
    assert "Näytä sivustolla" not in change  # not published: nothing to see on the site
    response = client.get(preview_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Esikatselu – ei julkaistu" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "Perhekahvila Kotipesä" in html
    assert "Kahvia ja juttuseuraa vanhemmille." in html
    assert 'class="service-card"' in html  # the family's card itself


def test_a_published_service_has_view_on_site(editor: Any) -> None:
    service = ServiceFactory.create(
        organization=editor.organization, publication_state=PublicationState.PUBLISHED
    )
    change = logged_in_client(editor).get(f"{EDITOR}{service.pk}/change/").content.decode()
    assert f'href="/fi/services/{service.pk}"' in change
    assert "Näytä sivustolla" in change


def test_another_organisation_may_not_preview(editor: Any, other_organization: Any) -> None:
    others = ServiceFactory.create(
        organization=other_organization, publication_state=PublicationState.DRAFT
    )
    client = logged_in_client(editor)
    assert client.get(f"/fi/pro/catalog/preview/{others.pk}/").status_code == 404


def test_a_coordinator_may_preview_any_service(coordinator: Any, other_organization: Any) -> None:
    others = ServiceFactory.create(
        organization=other_organization, publication_state=PublicationState.DRAFT
    )
    response = logged_in_client(coordinator).get(f"/fi/pro/catalog/preview/{others.pk}/")
    assert response.status_code == 200


def test_a_professional_who_is_not_an_editor_may_not_preview(professional: Any) -> None:
    service = ServiceFactory.create(
        organization=professional.organization, publication_state=PublicationState.DRAFT
    )
    client = logged_in_client(professional)
    assert client.get(f"/fi/pro/catalog/preview/{service.pk}/").status_code == 404


def test_the_preview_asks_a_visitor_to_log_in() -> None:
    service = ServiceFactory.create(publication_state=PublicationState.DRAFT)
    response = Client().get(f"/fi/pro/catalog/preview/{service.pk}/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_missing_service_is_not_found(editor: Any) -> None:
    client = logged_in_client(editor)
    response = client.get("/fi/pro/catalog/preview/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
