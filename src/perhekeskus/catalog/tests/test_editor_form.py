"""The service form's layout in words (usability review M15): sections in the order an editor
thinks (what, for whom, how to reach, where and when, publication), each inline in its
section, labels with the language in words, a plain-language help text once per row of three
languages, and producers ticked from a list instead of a Ctrl-click select."""

from __future__ import annotations

import re
from typing import Any

import pytest

from perhekeskus.catalog.models import ChannelKind, ContactChannel, PublicationState
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_the_form_is_in_sections_with_its_rows_where_they_belong(editor: Any) -> None:
    service = ServiceFactory.create(
        organization=editor.organization, publication_state=PublicationState.DRAFT
    )
    ContactChannel.objects.create(service=service, kind=ChannelKind.PHONE, value="040 123 4567")
    html = (
        logged_in_client(editor)
        .get(f"/fi/pro/catalog/catalog/service/{service.pk}/change/")
        .content.decode()
    )
    order = [
        html.index(">Mitä<"),
        html.index(">Kenelle<"),
        html.index(">Miten tavoittaa<"),
        html.index('id="channels-group"'),
        html.index(">Missä ja milloin<"),
        html.index('id="at_locations-group"'),
        html.index('id="schedules-group"'),
        html.index(">Julkaisu<"),
    ]
    assert order == sorted(order)
    assert "Kuvaus (ruotsi):" in html
    assert "Kuvaus [sv]" not in html
    # The help is written once, under the Finnish field, and read with all three.
    help_text = "Mitä palvelussa tapahtuu, mitä se antaa perheelle ja miten se toimii."
    assert html.count(help_text) == 1
    assert 'aria-describedby="id_description_fi_helptext"' in html
    assert '<select name="producers"' not in html
    assert "Control" not in html and "Ctrl" not in html


def test_every_page_of_the_editor_has_the_products_header(coordinator: Any) -> None:
    client = logged_in_client(coordinator)
    for path in [
        "/fi/pro/catalog/",
        "/fi/pro/catalog/catalog/service/",
        "/fi/pro/catalog/catalog/location/add/",
        # Admins other apps register on the editor's site get the header too.
        "/fi/pro/catalog/finder/needconcept/",
        "/fi/pro/catalog/finder/needconcept/add/",
    ]:
        html = client.get(path).content.decode()
        assert 'href="/fi/accounts/me/">Oma sivu</a>' in html, path


def test_a_channels_languages_are_a_compact_labelled_control(editor: Any) -> None:
    service = ServiceFactory.create(
        organization=editor.organization, publication_state=PublicationState.DRAFT
    )
    ContactChannel.objects.create(
        service=service, kind=ChannelKind.PHONE, value="040 123 4567", languages=["fi", "fa"]
    )
    html = (
        logged_in_client(editor)
        .get(f"/fi/pro/catalog/catalog/service/{service.pk}/change/")
        .content.decode()
    )
    assert ">Kielet:<" in html
    # Persian is not among the common languages: its disclosure is open because it is chosen.
    assert '<details class="editor-more-languages" open>' in html
    boxes = re.findall(r'<input type="checkbox"[^>]*name="channels-0-languages"[^>]*>', html)
    assert len(boxes) > 20
    chosen = [box for box in boxes if " checked " in box]
    assert len(chosen) == 2 and any('value="fa"' in box for box in chosen)
