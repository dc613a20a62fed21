"""The consent pages, the printable access log and the family page's consents sections: the
responsible worker is served, anyone else refused (404 when they may not read the family at
all, 403 when they may read it but not manage its consents)."""

from __future__ import annotations

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from perhekeskus.core.errors import NotFound
from perhekeskus.families import selectors
from perhekeskus.families.models import (
    AccessLogEntry,
    AccessPlace,
    Consent,
    ConsentGiven,
    ConsentPurpose,
    DataCategory,
)
from perhekeskus.families.tests.helpers import logged_in
from perhekeskus.families.views.sections_consents import section_context
from perhekeskus.testing.factories import OrganizationFactory
from perhekeskus.testing.families import add_member, give_consent, make_family

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(professional):
    return make_family(responsible=professional, guardians=({}, {}))


def url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(f"families:{name}", args=args)


def test_responsible_worker_records_a_consent_on_the_page(professional, school, family):
    client = logged_in(professional)
    page = client.get(url("consent_new", family.pk))
    assert page.status_code == 200
    assert "Lapsi 1 Virtanen" in page.content.decode()
    first = family.guardians.order_by("created_at", "pk").first()
    today = timezone.localdate()
    response = client.post(
        url("consent_new", family.pk),
        {
            "purpose": ConsentPurpose.SCHOOL,
            "recipients": [str(school.pk)],
            "categories": [DataCategory.PLAN],
            "valid_from": today.strftime("%d.%m.%Y"),
            "valid_until": (today + datetime.timedelta(days=30)).strftime("%d.%m.%Y"),
            "given_by": ["0"],
            "method": "written",
            "given_on": today.strftime("%d.%m.%Y"),
            "child_view_0": "Saa kertoa.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"].endswith(f"{family.pk}/#consents")
    consent = Consent.objects.get()
    assert consent.is_complete
    assert ConsentGiven.objects.get(consent=consent).guardian == first
    assert consent.child_views.get().view == "Saa kertoa."


def test_the_consent_form_says_what_is_wrong(professional, school, family):
    today = timezone.localdate()
    response = logged_in(professional).post(
        url("consent_new", family.pk),
        {
            "purpose": ConsentPurpose.SCHOOL,
            "recipients": [str(school.pk)],
            "valid_from": today.strftime("%d.%m.%Y"),
            "valid_until": (today - datetime.timedelta(days=1)).strftime("%d.%m.%Y"),
            "given_by": ["0"],
            "method": "written",
            "given_on": today.strftime("%d.%m.%Y"),
        },
    )
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    assert not Consent.objects.exists()


def test_a_team_member_may_not_open_the_consent_pages(kuraattori, school, family):
    add_member(family, kuraattori)
    consent = give_consent(family, [school])
    client = logged_in(kuraattori)
    for name, args in [
        ("consent_new", (family.pk,)),
        ("consent_give", (family.pk, consent.pk)),
        ("consent_revoke", (family.pk, consent.pk)),
        ("access_log", (family.pk,)),
    ]:
        assert client.get(url(name, *args)).status_code == 403, name
    assert client.post(url("consent_revoke", family.pk, consent.pk)).status_code == 403
    consent.refresh_from_db()
    assert consent.revoked_at is None
    # Refused before reading: nothing logged for the refused pages.
    assert not AccessLogEntry.objects.filter(actor=kuraattori).exists()


def test_an_outsider_finds_nothing(kuraattori, school, family):
    consent = give_consent(family, [school])
    client = logged_in(kuraattori)
    assert client.get(url("consent_new", family.pk)).status_code == 404
    assert client.post(url("consent_revoke", family.pk, consent.pk)).status_code == 404


def test_revoking_on_the_page_takes_effect_at_once(professional, kuraattori, school, family):
    add_member(family, kuraattori)
    consent = give_consent(family, [school])
    selectors.access_family(actor=kuraattori, family_id=family.pk)
    client = logged_in(professional)
    page = client.get(url("consent_revoke", family.pk, consent.pk))
    assert page.status_code == 200
    assert "Revoke the consent" in page.content.decode()
    response = client.post(url("consent_revoke", family.pk, consent.pk), {"reason": ""})
    assert response.status_code == 302
    with pytest.raises(NotFound):
        selectors.access_family(actor=kuraattori, family_id=family.pk)


def test_another_guardian_gives_on_the_page(professional, school, family):
    first, second = family.guardians.order_by("created_at", "pk")
    consent = give_consent(family, [school], purpose=ConsentPurpose.COORDINATION, given_by=[first])
    Consent.objects.filter(pk=consent.pk).update(is_complete=False, requires_all_custodians=True)
    client = logged_in(professional)
    page = client.get(url("consent_give", family.pk, consent.pk))
    assert page.status_code == 200
    response = client.post(
        url("consent_give", family.pk, consent.pk),
        {
            "guardian": str(second.pk),
            "method": "oral",
            "given_on": timezone.localdate().strftime("%d.%m.%Y"),
        },
    )
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.is_complete


def test_the_sections_show_consents_in_words(professional, school, family):
    today = timezone.localdate()
    give_consent(family, [school])
    give_consent(
        family,
        [school],
        valid_from=today - datetime.timedelta(days=30),
        valid_until=today - datetime.timedelta(days=1),
    )
    give_consent(family, [school], revoked=True)
    first = family.guardians.order_by("created_at", "pk").first()
    waiting = give_consent(family, [school], given_by=[first])
    Consent.objects.filter(pk=waiting.pk).update(is_complete=False, requires_all_custodians=True)
    family_access = selectors.access_family(
        actor=professional, family_id=family.pk, categories=[DataCategory.BASIC]
    )
    context = section_context(professional, family_access)
    states = sorted(row.state for row in context["consent_rows"])
    assert states == ["expired", "in_force", "revoked", "waiting"]
    assert context["access_log_rows"]
    assert context["legal_readings"] == []


def test_a_team_member_gets_no_consents_section(kuraattori, school, family):
    add_member(family, kuraattori)
    give_consent(family, [school])
    family_access = selectors.access_family(actor=kuraattori, family_id=family.pk)
    context = section_context(kuraattori, family_access)
    assert "consent_rows" not in context
    assert "access_log_rows" not in context


def test_the_printout_lists_reads_and_is_itself_logged(professional, kuraattori, school, family):
    add_member(family, kuraattori)
    give_consent(family, [school], categories=[DataCategory.PLAN])
    selectors.access_family(actor=kuraattori, family_id=family.pk, categories=[DataCategory.PLAN])
    response = logged_in(professional).get(url("access_log", family.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Askolan koulu" in body
    assert "Support plan" in body
    printed = AccessLogEntry.objects.filter(actor=professional, place=AccessPlace.PRINT)
    assert [e.category for e in printed] == [DataCategory.BASIC]


def test_the_printout_takes_days(professional, family):
    response = logged_in(professional).get(
        url("access_log", family.pk), {"since": "nonsense", "until": "1.1.2020"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "data on these days." in body
    assert "is not a date" in body


def test_the_sections_render(professional, school, family):
    give_consent(family, [school])
    family_access = selectors.access_family(
        actor=professional, family_id=family.pk, categories=[DataCategory.BASIC]
    )
    context = section_context(professional, family_access)
    with translation.override("en"):
        consents_html = render_to_string("families/pro/sections/consents.html", context)
        log_html = render_to_string("families/pro/sections/access_log.html", context)
    assert "In force" in consents_html
    assert "Askolan koulu" in consents_html
    assert url("consent_revoke", family.pk, family.consents.get().pk) in consents_html
    assert "Responsible worker" in log_html


def test_the_sections_render_nothing_for_a_team_member(kuraattori, school, family):
    add_member(family, kuraattori)
    give_consent(family, [school])
    family_access = selectors.access_family(actor=kuraattori, family_id=family.pk)
    context = section_context(kuraattori, family_access)
    assert not render_to_string("families/pro/sections/consents.html", context).strip()
    assert not render_to_string("families/pro/sections/access_log.html", context).strip()


@pytest.mark.parametrize("consents", [1, 6])
def test_the_sections_cost_the_same_whatever_the_number_of_consents(
    professional, school, family, consents, django_assert_max_num_queries
):
    for _number in range(consents):
        give_consent(family, [school, OrganizationFactory.create()], categories=["plan"])
    family_access = selectors.access_family(
        actor=professional, family_id=family.pk, categories=[DataCategory.BASIC]
    )
    with django_assert_max_num_queries(6):
        context = section_context(professional, family_access)
        assert len(context["consent_rows"]) == consents
        for row in context["consent_rows"]:
            assert [giving.guardian.name for giving in row.givers]
            assert row.recipients


def test_the_section_shows_the_newest_rows_and_says_there_are_more(professional, family):
    for _number in range(12):
        selectors.access_family(
            actor=professional,
            family_id=family.pk,
            categories=[DataCategory.BASIC, DataCategory.PLAN],
            place=AccessPlace.LIST,
        )
    family_access = selectors.access_family(
        actor=professional, family_id=family.pk, categories=list(DataCategory.values)
    )
    context = section_context(professional, family_access)
    assert len(context["access_log_rows"]) == len(DataCategory.values)
    rows = {(row.category, row.times) for row in context["access_log_rows"]}
    assert (DataCategory.BASIC.label, 13) in rows
