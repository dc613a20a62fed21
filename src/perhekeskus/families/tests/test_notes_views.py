"""Notes over HTTP: written by the responsible worker or a team member whose consent covers
notes, listed newest first, never shown to a reader whose consent does not cover them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.families import actions
from perhekeskus.families.models import AccessLogEntry, DataCategory, FamilyStatus, Note
from perhekeskus.families.services import plan as services
from perhekeskus.families.tests.helpers import join_team
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.families import add_member, give_consent

pytestmark = pytest.mark.django_db

NOTE = "Äiti kertoi, että nukkuminen on parantunut."


def url(family, tail=""):
    return f"/en/pro/families/{family.pk}/{tail}"


def test_the_responsible_worker_writes_a_note(professional, family):
    client = logged_in_client(professional)
    assert client.get(url(family, "notes/new/")).status_code == 200
    response = client.post(url(family, "notes/new/"), {"text": NOTE})
    assert response.status_code == 302
    note = Note.objects.get()
    assert note.text == NOTE and note.author == professional
    entry = AuditEntry.objects.get(action=actions.NOTE_ADD)
    assert "nukkuminen" not in str(entry.details)


def test_an_empty_note_is_refused(professional, family):
    response = logged_in_client(professional).post(url(family, "notes/new/"), {"text": " "})
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    assert not Note.objects.exists()


def test_a_team_member_with_the_notes_consent_writes_and_reads(kuraattori, school, family):
    join_team(family, kuraattori, school, [DataCategory.NOTES])
    client = logged_in_client(kuraattori)
    assert client.post(url(family, "notes/new/"), {"text": NOTE}).status_code == 302
    body = client.get(url(family, "notes/")).content.decode()
    assert NOTE in body and kuraattori.full_name in body
    assert AccessLogEntry.objects.filter(actor=kuraattori, category="notes", basis="consent")


def test_a_team_member_without_the_notes_consent_neither_writes_nor_reads(
    professional, kuraattori, school, family
):
    services.note_add(actor=professional, family_id=family.pk, text=NOTE)
    join_team(family, kuraattori, school, [DataCategory.PLAN, DataCategory.MEETINGS])
    client = logged_in_client(kuraattori)
    assert client.get(url(family, "notes/new/")).status_code == 403
    assert client.post(url(family, "notes/new/"), {"text": "x"}).status_code == 403
    body = client.get(url(family, "notes/")).content.decode()
    assert "nukkuminen" not in body
    assert "does not cover this for your organisation" in body
    assert Note.objects.count() == 1
    assert not AccessLogEntry.objects.filter(actor=kuraattori, category="notes").exists()


def test_an_outsider_finds_nothing(professional, outsider, family):
    services.note_add(actor=professional, family_id=family.pk, text=NOTE)
    client = logged_in_client(outsider)
    assert client.get(url(family, "notes/")).status_code == 404
    assert client.get(url(family, "notes/new/")).status_code == 404
    assert client.post(url(family, "notes/new/"), {"text": "x"}).status_code == 404
    assert Note.objects.count() == 1


def test_a_revoked_consent_shows_nothing_at_once(professional, kuraattori, school, family):
    services.note_add(actor=professional, family_id=family.pk, text=NOTE)
    add_member(family, kuraattori)
    consent = give_consent(family, [school], categories=[DataCategory.NOTES])
    client = logged_in_client(kuraattori)
    assert NOTE in client.get(url(family, "notes/")).content.decode()
    consent.revoked_at = timezone.now()
    consent.save(update_fields=["revoked_at"])
    assert client.get(url(family, "notes/")).status_code == 404


def test_a_closed_record_takes_no_notes(professional, family):
    family.status = FamilyStatus.CLOSED
    family.closed_at = timezone.now()
    family.save(update_fields=["status", "closed_at"])
    client = logged_in_client(professional)
    assert client.post(url(family, "notes/new/"), {"text": NOTE}).status_code == 403
    assert client.get(url(family, "notes/")).status_code == 200


def test_notes_are_listed_newest_first(professional, family):
    older = services.note_add(actor=professional, family_id=family.pk, text="Vanhempi merkintä")
    services.note_add(actor=professional, family_id=family.pk, text="Uudempi merkintä")
    Note.objects.filter(pk=older.pk).update(created_at=timezone.now() - dt.timedelta(days=2))
    body = logged_in_client(professional).get(url(family, "notes/")).content.decode()
    assert body.index("Uudempi merkintä") < body.index("Vanhempi merkintä")


def test_no_notes_is_said(professional, family):
    body = logged_in_client(professional).get(url(family, "notes/")).content.decode()
    assert "No notes yet." in body
