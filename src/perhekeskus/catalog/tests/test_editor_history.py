"""A service's history in words (usability review m16): what changed, per field and language,
by whom and when, each change marked word by word; and restoring an earlier version, which is
a change like any other (versioned, audited, reindexed) and only for those who may edit."""

from __future__ import annotations

from typing import Any

import pytest

from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog import listeners, services
from perhekeskus.catalog.models import (
    ChannelKind,
    ContactChannel,
    PublicationState,
    Service,
    ServiceVersion,
)
from perhekeskus.catalog.versions import field_label, word_diff
from perhekeskus.core.errors import NotFound
from perhekeskus.testing.admin import admin_form_data
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import ServiceFactory

pytestmark = pytest.mark.django_db

EDITOR = "/fi/pro/catalog/catalog/service/"


@pytest.fixture
def draft(editor: Any) -> Service:
    """A draft created in the editor's way: its first version is what it said at first."""
    service = ServiceFactory.build(
        organization=editor.organization,
        name="Perhekahvila",
        summary_fi="Kahvia ja juttuseuraa vanhemmille.",
        publication_state=PublicationState.DRAFT,
    )

    def phone(created: Service) -> None:
        ContactChannel.objects.create(service=created, kind=ChannelKind.PHONE, value="040 123 4567")

    return services.service_create(actor=editor, service=service, save_related=phone)


def _edit(client: Any, service: Service, **changes: str) -> None:
    page = client.get(f"{EDITOR}{service.pk}/change/")
    response = client.post(f"{EDITOR}{service.pk}/change/", admin_form_data(page, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_a_change_is_told_in_words_with_the_changed_words_marked(editor: Any, draft: Any) -> None:
    client = logged_in_client(editor)
    _edit(client, draft, summary_sv="Kaffe och sällskap för föräldrar.")
    _edit(client, draft, summary_fi="Kahvia ja juttuseuraa isille ja äideille.")
    latest = ServiceVersion.objects.filter(service=draft).order_by("-number").first()
    # Only what was changed: not the alternate names nobody touched.
    assert latest is not None and set(latest.changes) == {"summary_fi"}

    page = client.get(f"{EDITOR}{draft.pk}/history/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Tiivistelmä (suomi)" in html
    assert "Tiivistelmä (ruotsi)" in html
    assert "<del>vanhemmille.</del>" in html
    assert "<ins>isille ja äideille.</ins>" in html
    assert "summary_fi" not in html and "[fi]" not in html
    assert str(editor) in html
    assert "alternate_name" not in html


def test_field_names_and_word_diff() -> None:
    assert field_label("description_sv") == "Kuvaus (ruotsi)"
    assert field_label("channels") == "Yhteydenottotavat"
    assert word_diff("a <b> c", "a <b> d") == "a &lt;b&gt; <del>c</del><ins>d</ins>"


def test_the_editor_restores_an_earlier_version(
    editor: Any, draft: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = logged_in_client(editor)
    _edit(client, draft, summary_fi="Uusi tiivistelmä.")
    draft.channels.all().delete()
    _edit(client, draft, name_fi="Perhekahvila Kotipesä")
    first = ServiceVersion.objects.filter(service=draft).order_by("number").first()
    assert first is not None
    heard: list[Any] = []
    monkeypatch.setattr(listeners, "_listeners", [lambda **kwargs: heard.append(kwargs)])
    services.service_version_restore(actor=editor, service_id=draft.pk, version_number=first.number)
    draft.refresh_from_db()
    assert draft.summary_fi == "Kahvia ja juttuseuraa vanhemmille."
    assert draft.name_fi == "Perhekahvila"
    assert list(draft.channels.values_list("value", flat=True)) == ["040 123 4567"]
    latest = ServiceVersion.objects.filter(service=draft).order_by("-number").first()
    assert latest is not None and latest.actor == editor
    assert {"summary_fi", "name_fi", "channels"} <= set(latest.changes)
    assert AuditEntry.objects.filter(
        action="catalog.service.update", target_id=str(draft.pk)
    ).exists()
    assert heard and heard[-1]["service_ids"] == [draft.pk]


def test_restoring_through_the_history_page(editor: Any, draft: Any) -> None:
    client = logged_in_client(editor)
    _edit(client, draft, summary_fi="Uusi tiivistelmä.")
    assert client.get(f"{EDITOR}{draft.pk}/restore/1/").status_code == 405
    response = client.post(f"{EDITOR}{draft.pk}/restore/1/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"{draft.pk}/history/")
    draft.refresh_from_db()
    assert draft.summary_fi == "Kahvia ja juttuseuraa vanhemmille."


def test_another_organisation_may_not_restore(
    editor: Any, other_organization: Any, draft: Any
) -> None:
    from perhekeskus.core.roles import Role
    from perhekeskus.testing.factories import UserFactory

    outsider = UserFactory.create(
        email="outsider@example.org",
        organization=other_organization,
        roles=[Role.ORGANIZATION_EDITOR],
    )
    _edit(logged_in_client(editor), draft, summary_fi="Uusi tiivistelmä.")
    versions = ServiceVersion.objects.filter(service=draft).count()
    with pytest.raises(NotFound):
        services.service_version_restore(actor=outsider, service_id=draft.pk, version_number=1)
    client = logged_in_client(outsider)
    assert client.post(f"{EDITOR}{draft.pk}/restore/1/").status_code == 404
    history = client.get(f"{EDITOR}{draft.pk}/history/")
    assert history.status_code == 302  # like a missing id: back to the editor's index
    draft.refresh_from_db()
    assert draft.summary_fi == "Uusi tiivistelmä."
    assert ServiceVersion.objects.filter(service=draft).count() == versions


def test_a_missing_version_is_not_found(editor: Any, draft: Any) -> None:
    with pytest.raises(NotFound):
        services.service_version_restore(actor=editor, service_id=draft.pk, version_number=99)


def test_page_titles_and_counts_read_as_finnish(editor: Any, draft: Any) -> None:
    client = logged_in_client(editor)
    change = client.get(f"{EDITOR}{draft.pk}/change/").content.decode()
    assert "Muokkaa palvelua" in change
    assert "Muokkaa palvelu<" not in change
    listing = client.get(EDITOR).content.decode()
    assert "1 palvelut" not in listing and "1 yhteensä" in listing
    index = client.get("/fi/pro/catalog/").content.decode()
    assert "Model name" not in index and "Add link" not in index


def test_the_order_of_the_languages_is_no_change(editor: Any) -> None:
    # An import stores the languages in its source's order; the form lists them in its own.
    service = services.service_create(
        actor=editor,
        service=ServiceFactory.build(
            organization=editor.organization,
            languages=["sv", "en", "fi"],
            publication_state=PublicationState.DRAFT,
        ),
    )
    client = logged_in_client(editor)
    _edit(client, service, summary_fi="Kahvia ja juttuseuraa isille ja äideille.")
    latest = ServiceVersion.objects.filter(service=service).order_by("-number").first()
    assert latest is not None and set(latest.changes) == {"summary_fi"}


def test_a_restore_of_a_reviewed_organisations_published_service_waits_as_a_draft(
    coordinator: Any,
) -> None:
    from perhekeskus.catalog.models import AreaType, ServiceDraft
    from perhekeskus.core.roles import Role
    from perhekeskus.testing.factories import OrganizationFactory, UserFactory

    ngo = OrganizationFactory.create(name="Perheyhdistys ry", requires_review=True)
    ngo_editor = UserFactory.create(
        email="ngo-editor@example.org", organization=ngo, roles=[Role.ORGANIZATION_EDITOR]
    )

    def phone(created: Service) -> None:
        ContactChannel.objects.create(service=created, kind=ChannelKind.PHONE, value="040 123 4567")

    service = services.service_create(
        actor=coordinator,
        service=ServiceFactory.build(
            organization=ngo,
            name="Perhekahvila",
            summary_fi="Alkuperäinen.",
            area_type=AreaType.COUNTY,
            by_appointment=True,
            publication_state=PublicationState.PUBLISHED,
        ),
        save_related=phone,
    )
    _edit(logged_in_client(coordinator), service, summary_fi="Muutettu.")
    response = logged_in_client(ngo_editor).post(f"{EDITOR}{service.pk}/restore/1/", follow=True)
    assert "Versio 1 palautettiin luonnokseksi" in response.content.decode()
    service.refresh_from_db()
    assert service.summary_fi == "Muutettu."  # families keep the approved text
    assert ServiceDraft.objects.get(service=service).snapshot["summary_fi"] == "Alkuperäinen."
