"""Publishing with care: a service is published only when complete (usability review M16), and
in an organisation that requires review, a publication or a change of a published service
waits for the approval of the organisation's approver or a coordinator."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog import services
from perhekeskus.catalog.completeness import missing_for_publication
from perhekeskus.catalog.models import (
    AreaType,
    ChannelKind,
    ContactChannel,
    DraftState,
    PublicationState,
    Schedule,
    ScheduleKind,
    Service,
    ServiceAtLocation,
    ServiceDraft,
)
from perhekeskus.catalog.policies import can_approve_services_of, can_view_review_queue
from perhekeskus.catalog.versions import service_snapshot
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.core.roles import Role
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import (
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def complete(service: Service) -> Service:
    """Make the service say how, where and when."""
    ContactChannel.objects.create(service=service, kind=ChannelKind.PHONE, value="040 123 4567")
    Service.objects.filter(pk=service.pk).update(area_type=AreaType.COUNTY, by_appointment=True)
    service.refresh_from_db()
    return service


@pytest.fixture
def ngo() -> Any:
    return OrganizationFactory.create(name="Perheyhdistys ry", requires_review=True)


@pytest.fixture
def ngo_editor(ngo: Any) -> Any:
    return UserFactory.create(organization=ngo, roles=[Role.ORGANIZATION_EDITOR])


@pytest.fixture
def ngo_approver(ngo: Any) -> Any:
    return UserFactory.create(organization=ngo, roles=[Role.ORGANIZATION_APPROVER])


def _missing(service: Service) -> list[str]:
    with translation.override("en"):
        return missing_for_publication(service_snapshot(service))


# --- completeness -------------------------------------------------------------------------------


def test_an_empty_service_misses_how_where_and_when(organization: Any) -> None:
    service = ServiceFactory.create(organization=organization, area_type=AreaType.MUNICIPALITIES)
    missing = _missing(service)
    assert len(missing) == 3
    assert missing[0].startswith("Add a way to reach the service")
    assert missing[1].startswith("Say where the service is available")
    assert missing[2].startswith("Say when the service is available")


def test_a_place_with_hours_answers_how_and_when(organization: Any) -> None:
    service = ServiceFactory.create(organization=organization, area_type=AreaType.COUNTY)
    place = LocationFactory.create(organization=organization)
    ServiceAtLocation.objects.create(service=service, location=place)
    assert any("when" in m for m in _missing(service))
    Schedule.objects.create(
        location=place, kind=ScheduleKind.REGULAR, weekday=0, opens_at="8:00", closes_at="16:00"
    )
    assert _missing(service) == []


def test_a_bilingual_municipality_needs_swedish_too(organization: Any) -> None:
    porvoo = MunicipalityFactory.create(code="638", name="Porvoo", languages=["fi", "sv"])
    MunicipalityFactory.create(code="018", name="Askola", languages=["fi"])
    service = complete(ServiceFactory.create(organization=organization, name_sv="", summary_sv=""))
    service.area_type = AreaType.MUNICIPALITIES
    service.save()
    service.area_municipalities.set(["018"])
    assert _missing(service) == []
    service.area_municipalities.set(["018", porvoo.code])
    missing = _missing(service)
    assert len(missing) == 1
    assert "Swedish" in missing[0] and "Porvoo" in missing[0]
    Service.objects.filter(pk=service.pk).update(name_sv="Tjänst", summary_sv="Stöd åt familjer.")
    service.refresh_from_db()
    assert _missing(service) == []


def test_the_whole_country_needs_swedish_too(organization: Any) -> None:
    service = complete(ServiceFactory.create(organization=organization, summary_sv=""))
    Service.objects.filter(pk=service.pk).update(area_type=AreaType.NATIONWIDE)
    service.refresh_from_db()
    assert "Finland" in _missing(service)[0]


def test_the_missing_things_are_translated(organization: Any) -> None:
    service = ServiceFactory.create(organization=organization)
    with translation.override("fi"):
        missing = missing_for_publication(service_snapshot(service))
    assert missing[0].startswith("Lisää tapa tavoittaa palvelu")


def test_publishing_an_incomplete_service_is_refused_with_the_list(editor: Any) -> None:
    service = ServiceFactory.create(
        organization=editor.organization, publication_state=PublicationState.DRAFT
    )
    with pytest.raises(services.ServiceIncomplete) as refused:
        services.service_publish(actor=editor, service=service)
    assert len(refused.value.missing) == 3
    service.refresh_from_db()
    assert service.publication_state == PublicationState.DRAFT
    complete(service)
    services.service_publish(actor=editor, service=service)
    assert service.publication_state == PublicationState.PUBLISHED


def test_creating_an_incomplete_service_as_published_is_refused(editor: Any) -> None:
    service = Service(organization=editor.organization, name="Tyhjä", summary="Ei mitään.")
    service.publication_state = PublicationState.PUBLISHED
    with pytest.raises(services.ServiceIncomplete):
        services.service_create(actor=editor, service=service)
    assert not Service.objects.filter(name="Tyhjä").exists()


def test_publishing_through_an_update_is_refused_when_incomplete(editor: Any) -> None:
    service = ServiceFactory.create(
        organization=editor.organization, publication_state=PublicationState.DRAFT
    )

    def publish(row: Service) -> None:
        row.publication_state = PublicationState.PUBLISHED

    with pytest.raises(services.ServiceIncomplete):
        services.service_update(actor=editor, service_id=service.pk, apply_changes=publish)
    service.refresh_from_db()
    assert service.publication_state == PublicationState.DRAFT


# --- policies -----------------------------------------------------------------------------------


def test_the_organisations_approver_may_approve_its_services(ngo: Any, ngo_approver: Any) -> None:
    assert can_approve_services_of(ngo_approver, ngo.pk)
    assert can_view_review_queue(ngo_approver)


def test_an_approver_may_not_approve_another_organisations_services(
    ngo_approver: Any, organization: Any
) -> None:
    assert not can_approve_services_of(ngo_approver, organization.pk)


def test_an_editor_may_not_approve(ngo: Any, ngo_editor: Any) -> None:
    assert not can_approve_services_of(ngo_editor, ngo.pk)
    assert not can_view_review_queue(ngo_editor)


def test_a_coordinator_may_approve_every_organisations_services(coordinator: Any, ngo: Any) -> None:
    assert can_approve_services_of(coordinator, ngo.pk)
    assert can_view_review_queue(coordinator)


# --- review -------------------------------------------------------------------------------------


def test_an_editor_of_a_reviewed_organisation_cannot_publish_directly(ngo_editor: Any) -> None:
    service = complete(
        ServiceFactory.create(
            organization=ngo_editor.organization, publication_state=PublicationState.DRAFT
        )
    )
    with pytest.raises(PolicyDenied):
        services.service_publish(actor=ngo_editor, service=service)
    service.refresh_from_db()
    assert service.publication_state == PublicationState.DRAFT


def test_a_new_service_is_sent_for_approval_and_published_on_approval(
    ngo_editor: Any, ngo_approver: Any
) -> None:
    service = complete(
        ServiceFactory.create(
            organization=ngo_editor.organization, publication_state=PublicationState.DRAFT
        )
    )
    draft = services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    assert draft.state == DraftState.PENDING_REVIEW
    assert draft.publish
    assert not Service.objects.public().filter(pk=service.pk).exists()
    services.service_approve(actor=ngo_approver, service_id=service.pk)
    assert Service.objects.public().filter(pk=service.pk).exists()
    assert not ServiceDraft.objects.filter(service=service).exists()
    actions = list(
        AuditEntry.objects.filter(target_id=str(service.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "catalog.service.submit",
        "catalog.service.approve",
        "catalog.service.publish",
    ]


def test_an_incomplete_service_cannot_be_sent_for_approval(ngo_editor: Any) -> None:
    service = ServiceFactory.create(
        organization=ngo_editor.organization, publication_state=PublicationState.DRAFT
    )
    with pytest.raises(services.ServiceIncomplete):
        services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    assert not ServiceDraft.objects.exists()


def _rename(name: str) -> Any:
    def apply(row: Service) -> None:
        row.name_fi = name
        ContactChannel.objects.create(service=row, kind=ChannelKind.EMAIL, value="a@example.org")

    return apply


def test_edits_of_a_published_service_wait_and_the_public_keeps_the_approved_content(
    ngo_editor: Any, ngo_approver: Any
) -> None:
    service = complete(ServiceFactory.create(organization=ngo_editor.organization, name="Vanha"))
    services.service_update(actor=ngo_editor, service_id=service.pk, apply_changes=_rename("Uusi"))
    service.refresh_from_db()
    assert service.name_fi == "Vanha"
    assert service.channels.count() == 1  # the new e-mail channel waits in the draft
    draft = ServiceDraft.objects.get(service=service)
    assert draft.state == DraftState.DRAFT
    assert draft.snapshot["name_fi"] == "Uusi"
    assert len(draft.snapshot["channels"]) == 2
    assert AuditEntry.objects.filter(action="catalog.service.draft").count() == 1
    with pytest.raises(PolicyDenied):  # not sent yet
        services.service_approve(actor=ngo_approver, service_id=service.pk)
    services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    services.service_approve(actor=ngo_approver, service_id=service.pk)
    service.refresh_from_db()
    assert service.name_fi == "Uusi"
    assert sorted(service.channels.values_list("kind", flat=True)) == ["email", "phone"]
    assert service.versions.latest("number").action == "approve"


def test_a_second_edit_keeps_the_drafts_earlier_changes(ngo_editor: Any) -> None:
    service = complete(ServiceFactory.create(organization=ngo_editor.organization, name="Vanha"))
    services.service_update(actor=ngo_editor, service_id=service.pk, apply_changes=_rename("Uusi"))

    def summary(row: Service) -> None:
        row.summary_fi = "Uusi tiivistelmä."

    services.service_update(actor=ngo_editor, service_id=service.pk, apply_changes=summary)
    snapshot = ServiceDraft.objects.get(service=service).snapshot
    assert snapshot["name_fi"] == "Uusi"
    assert snapshot["summary_fi"] == "Uusi tiivistelmä."


def test_an_organisation_without_review_publishes_edits_directly(editor: Any) -> None:
    service = complete(ServiceFactory.create(organization=editor.organization, name="Vanha"))
    services.service_update(actor=editor, service_id=service.pk, apply_changes=_rename("Uusi"))
    service.refresh_from_db()
    assert service.name_fi == "Uusi"
    assert not ServiceDraft.objects.exists()


def test_the_approvers_own_edits_go_live(ngo: Any, ngo_approver: Any) -> None:
    ngo_approver.role_grants.create(role=Role.ORGANIZATION_EDITOR)
    service = complete(ServiceFactory.create(organization=ngo, name="Vanha"))
    services.service_update(
        actor=ngo_approver, service_id=service.pk, apply_changes=_rename("Uusi")
    )
    service.refresh_from_db()
    assert service.name_fi == "Uusi"


def test_a_withdrawal_is_not_held_back(ngo_editor: Any) -> None:
    service = complete(ServiceFactory.create(organization=ngo_editor.organization))

    def withdraw(row: Service) -> None:
        row.publication_state = PublicationState.DRAFT

    services.service_update(actor=ngo_editor, service_id=service.pk, apply_changes=withdraw)
    service.refresh_from_db()
    assert service.publication_state == PublicationState.DRAFT


def test_the_approver_returns_with_a_comment(ngo_editor: Any, ngo_approver: Any) -> None:
    service = complete(
        ServiceFactory.create(
            organization=ngo_editor.organization, publication_state=PublicationState.DRAFT
        )
    )
    services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    with pytest.raises(PolicyDenied):
        services.service_return(actor=ngo_approver, service_id=service.pk, comment="  ")
    services.service_return(
        actor=ngo_approver, service_id=service.pk, comment="Lisää ruotsinkielinen nimi."
    )
    draft = ServiceDraft.objects.get(service=service)
    assert draft.state == DraftState.RETURNED
    assert draft.comment == "Lisää ruotsinkielinen nimi."
    entry = AuditEntry.objects.get(action="catalog.service.return")
    assert entry.details["comment"] == "Lisää ruotsinkielinen nimi."
    service.refresh_from_db()
    assert service.publication_state == PublicationState.DRAFT


def test_an_editor_cannot_approve_and_another_organisations_approver_finds_nothing(
    ngo_editor: Any, organization: Any
) -> None:
    service = complete(
        ServiceFactory.create(
            organization=ngo_editor.organization, publication_state=PublicationState.DRAFT
        )
    )
    services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    outsider = UserFactory.create(organization=organization, roles=[Role.ORGANIZATION_APPROVER])
    for actor in (ngo_editor, outsider):
        with pytest.raises(NotFound):
            services.service_approve(actor=actor, service_id=service.pk)
        with pytest.raises(NotFound):
            services.service_return(actor=actor, service_id=service.pk, comment="Ei.")
    service.refresh_from_db()
    assert service.publication_state == PublicationState.DRAFT
    assert not AuditEntry.objects.filter(action="catalog.service.approve").exists()


def test_a_coordinator_approves_any_organisations_draft(ngo_editor: Any, coordinator: Any) -> None:
    service = complete(
        ServiceFactory.create(
            organization=ngo_editor.organization, publication_state=PublicationState.DRAFT
        )
    )
    services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    services.service_approve(actor=coordinator, service_id=service.pk)
    service.refresh_from_db()
    assert service.publication_state == PublicationState.PUBLISHED


def test_a_service_changed_after_it_was_sent_must_be_sent_again(
    ngo_editor: Any, ngo_approver: Any
) -> None:
    service = complete(
        ServiceFactory.create(
            organization=ngo_editor.organization, publication_state=PublicationState.DRAFT
        )
    )
    services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    services.service_update(actor=ngo_editor, service_id=service.pk, apply_changes=_rename("Muu"))
    with pytest.raises(PolicyDenied):
        services.service_approve(actor=ngo_approver, service_id=service.pk)
    service.refresh_from_db()
    assert service.publication_state == PublicationState.DRAFT


# --- pages --------------------------------------------------------------------------------------

QUEUE = "/fi/pro/catalog/review/"


def test_the_review_queue_lists_what_waits_for_the_approver(
    ngo_editor: Any, ngo_approver: Any, organization: Any
) -> None:
    own = complete(
        ServiceFactory.create(
            organization=ngo_editor.organization,
            name="Vertaisryhmä",
            publication_state=PublicationState.DRAFT,
        )
    )
    services.service_submit_for_review(actor=ngo_editor, service_id=own.pk)
    other_editor = UserFactory.create(organization=organization, roles=[Role.ORGANIZATION_EDITOR])
    others = complete(
        ServiceFactory.create(
            organization=organization, name="Muiden", publication_state=PublicationState.DRAFT
        )
    )
    organization.requires_review = True
    organization.save()
    services.service_submit_for_review(actor=other_editor, service_id=others.pk)
    page = logged_in_client(ngo_approver).get(QUEUE)
    assert page.status_code == 200
    assert "Vertaisryhmä" in page.content.decode()
    assert "Muiden" not in page.content.decode()


def test_the_review_queue_says_when_nothing_waits(coordinator: Any) -> None:
    page = logged_in_client(coordinator).get(QUEUE)
    assert page.status_code == 200
    assert "Mikään ei odota hyväksyntää." in page.content.decode()


def test_an_editor_may_not_see_the_review_queue(ngo_editor: Any) -> None:
    assert logged_in_client(ngo_editor).get(QUEUE).status_code == 403


def test_the_dashboard_shows_the_review_card_to_approvers_only(
    ngo_editor: Any, ngo_approver: Any
) -> None:
    from perhekeskus.core.dashboard import cards_for

    assert "catalog.review" in [card.key for card in cards_for(ngo_approver)]
    assert "catalog.review" not in [card.key for card in cards_for(ngo_editor)]


def test_the_publishing_page_shows_the_checklist_and_sends_for_approval(
    ngo_editor: Any, ngo_approver: Any
) -> None:
    service = ServiceFactory.create(
        organization=ngo_editor.organization, publication_state=PublicationState.DRAFT
    )
    client = logged_in_client(ngo_editor)
    url = f"{QUEUE}{service.pk}/"
    page = client.get(url).content.decode()
    assert "Lisää tapa tavoittaa palvelu" in page
    refused = client.post(url, {"action": "submit"})
    assert refused.status_code == 400
    assert not ServiceDraft.objects.exists()
    complete(service)
    assert client.post(url, {"action": "submit"}).status_code == 302
    assert ServiceDraft.objects.get(service=service).state == DraftState.PENDING_REVIEW
    # The editor cannot approve through the page either.
    assert client.post(url, {"action": "approve"}).status_code == 404
    approver = logged_in_client(ngo_approver)
    assert approver.post(url, {"action": "approve"}).status_code == 302
    service.refresh_from_db()
    assert service.publication_state == PublicationState.PUBLISHED


def test_the_publishing_page_of_another_organisation_is_not_found(editor: Any, ngo: Any) -> None:
    service = ServiceFactory.create(organization=ngo)
    assert logged_in_client(editor).get(f"{QUEUE}{service.pk}/").status_code == 404


def test_the_publishing_page_shows_what_the_draft_changes_in_words(
    ngo_editor: Any, ngo_approver: Any
) -> None:
    service = complete(ServiceFactory.create(organization=ngo_editor.organization, name="Vanha"))
    services.service_update(actor=ngo_editor, service_id=service.pk, apply_changes=_rename("Uusi"))
    services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    page = logged_in_client(ngo_approver).get(f"{QUEUE}{service.pk}/").content.decode()
    assert "Odottaa hyväksyntää" in page
    assert "<ins>Uusi</ins>" in page
    assert "<del>Vanha</del>" in page


def test_the_editor_form_says_that_changes_wait_and_links_to_the_publishing_page(
    ngo_editor: Any,
) -> None:
    service = complete(ServiceFactory.create(organization=ngo_editor.organization, name="Vanha"))
    client = logged_in_client(ngo_editor)
    url = f"/fi/pro/catalog/catalog/service/{service.pk}/change/"
    page = client.get(url).content.decode()
    assert f'href="{QUEUE}{service.pk}/"' in page
    assert "hyväksyntää odottavat muutoksesi" not in page
    services.service_update(actor=ngo_editor, service_id=service.pk, apply_changes=_rename("Uusi"))
    services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    assert "hyväksyntää odottavat muutoksesi" in client.get(url).content.decode()


@pytest.fixture
def ngo_editing_approver(ngo: Any) -> Any:
    return UserFactory.create(
        organization=ngo, roles=[Role.ORGANIZATION_EDITOR, Role.ORGANIZATION_APPROVER]
    )


def test_the_editor_form_shows_the_draft_awaiting_approval_not_the_approved_text(
    ngo_editor: Any, ngo_editing_approver: Any
) -> None:
    service = complete(ServiceFactory.create(organization=ngo_editor.organization, name="Vanha"))
    services.service_update(actor=ngo_editor, service_id=service.pk, apply_changes=_rename("Uusi"))
    services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    url = f"/fi/pro/catalog/catalog/service/{service.pk}/change/"
    response = logged_in_client(ngo_editor).get(url)
    form = response.context["adminform"].form
    assert form["name_fi"].value() == "Uusi"
    # The draft's new channel is a row of the form too.
    formsets = [f.formset for f in response.context["inline_admin_formsets"]]
    channels = next(f for f in formsets if "channel" in f.prefix)
    assert "a@example.org" in [f["value"].value() for f in channels.forms]
    # Only shown: the live rows are as approved.
    service.refresh_from_db()
    assert service.name_fi == "Vanha"
    assert not service.channels.filter(value="a@example.org").exists()
    # The approver's form shows the approved text (approving is its own action).
    approver_form = logged_in_client(ngo_editing_approver).get(url).context["adminform"].form
    assert approver_form["name_fi"].value() == "Vanha"


def test_saving_the_form_on_the_draft_keeps_the_draft_and_its_rows(ngo_editor: Any) -> None:
    from perhekeskus.testing.admin import admin_form_data

    service = complete(ServiceFactory.create(organization=ngo_editor.organization, name="Vanha"))
    services.service_update(actor=ngo_editor, service_id=service.pk, apply_changes=_rename("Uusi"))
    client = logged_in_client(ngo_editor)
    url = f"/fi/pro/catalog/catalog/service/{service.pk}/change/"
    data = admin_form_data(client.get(url), summary_fi="Uusi tiivistelmä.")
    assert client.post(url, data).status_code == 302
    draft = ServiceDraft.objects.get(service=service)
    assert draft.snapshot["name_fi"] == "Uusi"
    assert draft.snapshot["summary_fi"] == "Uusi tiivistelmä."
    assert "a@example.org" in [c["value"] for c in draft.snapshot["channels"]]
    service.refresh_from_db()
    assert service.name_fi == "Vanha"
    assert service.summary_fi != "Uusi tiivistelmä."
    assert not service.channels.filter(value="a@example.org").exists()
    entry = AuditEntry.objects.filter(action="catalog.service.draft").latest("pk")
    assert entry.details["fields"] == ["summary_fi"]
    # Setting the name back to the approved one in the form takes it back in the draft.
    data = admin_form_data(client.get(url), name_fi="Vanha")
    assert client.post(url, data).status_code == 302
    assert ServiceDraft.objects.get(service=service).snapshot["name_fi"] == "Vanha"


def test_the_preview_shows_the_draft_awaiting_approval(
    ngo_editor: Any, ngo_editing_approver: Any
) -> None:
    service = complete(ServiceFactory.create(organization=ngo_editor.organization, name="Vanha"))
    services.service_update(actor=ngo_editor, service_id=service.pk, apply_changes=_rename("Uusi"))
    services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    for user in (ngo_editor, ngo_editing_approver):
        page = logged_in_client(user).get(f"/fi/pro/catalog/preview/{service.pk}/")
        html = page.content.decode()
        assert page.status_code == 200
        assert "Uusi" in html and "Vanha" not in html
        assert "a@example.org" in html
        assert "Hyväksyntää odottavien muutosten esikatselu" in html
    # The family's page still shows the approved card, and nothing of the draft was stored.
    public = logged_in_client(ngo_editor).get(f"/fi/services/{service.pk}").content.decode()
    assert "Vanha" in public and "a@example.org" not in public
    service.refresh_from_db()
    assert service.name_fi == "Vanha"


def test_publishing_selected_names_each_service_not_published_and_why(editor: Any) -> None:
    ready = complete(
        ServiceFactory.create(
            organization=editor.organization, name="Valmis", publication_state="draft"
        )
    )
    empty = ServiceFactory.create(
        organization=editor.organization, name="Kesken", publication_state="draft"
    )
    client = logged_in_client(editor)
    response = client.post(
        "/fi/pro/catalog/catalog/service/",
        {"action": "publish_selected", "_selected_action": [str(ready.pk), str(empty.pk)]},
        follow=True,
    )
    texts = [str(m) for m in response.context["messages"]]
    assert "1 palvelu julkaistu." in texts[0] or texts[0].startswith("1 ")
    assert any(
        t.startswith("Palvelua ”Kesken” ei julkaistu:") and "Lisää tapa tavoittaa palvelu" in t
        for t in texts
    )
    assert not any("Valmis" in t for t in texts)
    empty.refresh_from_db()
    assert empty.publication_state == PublicationState.DRAFT
    ready.refresh_from_db()
    assert ready.publication_state == PublicationState.PUBLISHED


def test_publishing_selected_in_swedish_says_why_in_swedish(ngo_editor: Any) -> None:
    waiting = complete(
        ServiceFactory.create(
            organization=ngo_editor.organization, name="Tjänst", publication_state="draft"
        )
    )
    response = logged_in_client(ngo_editor).post(
        "/sv/pro/catalog/catalog/service/",
        {"action": "publish_selected", "_selected_action": [str(waiting.pk)]},
        follow=True,
    )
    texts = [str(m) for m in response.context["messages"]]
    assert any(t.startswith("”") and "publicerades inte" in t for t in texts)
    waiting.refresh_from_db()
    assert waiting.publication_state == PublicationState.DRAFT


def test_publishing_an_incomplete_service_in_the_form_says_what_is_missing(editor: Any) -> None:
    from perhekeskus.testing.admin import admin_form_data

    service = ServiceFactory.create(
        organization=editor.organization, publication_state=PublicationState.DRAFT
    )
    client = logged_in_client(editor)
    url = f"/fi/pro/catalog/catalog/service/{service.pk}/change/"
    versions = service.versions.count()
    entries = AuditEntry.objects.count()
    typed = admin_form_data(
        client.get(url),
        publication_state="published",
        name_fi="Uusi nimi jota ei saa hukata",
        summary_sv="En sammanfattning på svenska.",
    )
    response = client.post(url, typed)
    # The same form again, with what was typed and the reasons: not a 403 page.
    assert response.status_code == 200
    page = response.content.decode()
    assert "data-error-summary" in page
    assert "Palvelua ei voi vielä julkaista." in page
    assert "Lisää tapa tavoittaa palvelu" in page
    assert "Mitään ei tallennettu." in page
    form = response.context["adminform"].form
    assert form.errors["publication_state"]
    assert 'value="Uusi nimi jota ei saa hukata"' in page
    assert "En sammanfattning på svenska." in page
    # Nothing stored: no change of the row, no version, no audit entry.
    service.refresh_from_db()
    assert service.publication_state == PublicationState.DRAFT
    assert service.name_fi != "Uusi nimi jota ei saa hukata"
    assert service.versions.count() == versions
    assert AuditEntry.objects.count() == entries


def test_the_refusal_in_the_form_is_in_the_editors_language(editor: Any) -> None:
    from perhekeskus.testing.admin import admin_form_data

    service = ServiceFactory.create(
        organization=editor.organization, publication_state=PublicationState.DRAFT
    )
    client = logged_in_client(editor)
    url = f"/sv/pro/catalog/catalog/service/{service.pk}/change/"
    response = client.post(url, admin_form_data(client.get(url), publication_state="published"))
    assert response.status_code == 200
    page = response.content.decode()
    with translation.override("sv"):
        expected = missing_for_publication(service_snapshot(service))
    assert expected and all(reason in page for reason in expected)
    assert "Lisää tapa tavoittaa palvelu" not in page


def test_a_complete_service_is_published_from_the_form(editor: Any) -> None:
    from perhekeskus.testing.admin import admin_form_data

    service = complete(
        ServiceFactory.create(
            organization=editor.organization, publication_state=PublicationState.DRAFT
        )
    )
    client = logged_in_client(editor)
    url = f"/fi/pro/catalog/catalog/service/{service.pk}/change/"
    response = client.post(url, admin_form_data(client.get(url), publication_state="published"))
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.publication_state == PublicationState.PUBLISHED
    assert AuditEntry.objects.filter(action="catalog.service.publish").count() == 1


def test_an_editor_who_must_send_for_approval_gets_the_form_back_with_the_reason(
    ngo_editor: Any,
) -> None:
    from perhekeskus.testing.admin import admin_form_data

    service = complete(
        ServiceFactory.create(
            organization=ngo_editor.organization, publication_state=PublicationState.DRAFT
        )
    )
    client = logged_in_client(ngo_editor)
    url = f"/en/pro/catalog/catalog/service/{service.pk}/change/"
    response = client.post(
        url,
        admin_form_data(client.get(url), publication_state="published", name_en="Typed name"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Send the service for approval" in page
    assert 'value="Typed name"' in page
    service.refresh_from_db()
    assert service.publication_state == PublicationState.DRAFT
    assert service.name_en != "Typed name"


def test_the_command_turns_review_on_and_off_and_audits_it(organization: Any) -> None:
    import io

    from django.core.management import CommandError, call_command

    organization.business_id = "1234567-1"
    organization.save()
    out = io.StringIO()
    call_command("organization_review", "1234567-1", "--on", stdout=out)
    organization.refresh_from_db()
    assert organization.requires_review
    assert ": on" in out.getvalue()
    entry = AuditEntry.objects.get(action="catalog.organization.update")
    assert entry.details["changes"] == {"requires_review": [False, True]}
    call_command("organization_review", str(organization.pk), "--on", stdout=io.StringIO())
    assert AuditEntry.objects.filter(action="catalog.organization.update").count() == 1
    call_command("organization_review", str(organization.pk), "--off", stdout=io.StringIO())
    organization.refresh_from_db()
    assert not organization.requires_review
    with pytest.raises(CommandError):
        call_command("organization_review", "9999999-9", "--on", stdout=io.StringIO())


def test_the_editor_hears_by_e_mail_whether_it_was_approved_or_returned(
    ngo_editor: Any, ngo_approver: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core import mail

    service = complete(
        ServiceFactory.create(
            organization=ngo_editor.organization,
            name="Isäryhmä",
            publication_state=PublicationState.DRAFT,
        )
    )
    services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.service_return(actor=ngo_approver, service_id=service.pk, comment="Ruotsiksi.")
    services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.service_approve(actor=ngo_approver, service_id=service.pk)
    assert [m.to for m in mail.outbox] == [[ngo_editor.email], [ngo_editor.email]]
    returned, approved = mail.outbox
    assert "palautettiin muutettavaksi" in returned.body
    assert "Isäryhmä" in returned.body
    assert "Ruotsiksi." not in returned.body  # the comment is read on the page
    assert f"/fi/pro/catalog/review/{service.pk}/" in returned.body
    assert "hyväksyttiin" in approved.body


def test_the_approvers_hear_when_a_service_is_sent_for_approval(
    ngo_editor: Any,
    ngo_approver: Any,
    coordinator: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from django.core import mail

    service = complete(
        ServiceFactory.create(
            organization=ngo_editor.organization, publication_state=PublicationState.DRAFT
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    assert [m.to for m in mail.outbox] == [[ngo_approver.email]]  # not the coordinator
    assert f"/fi/pro/catalog/review/{service.pk}/" in mail.outbox[0].body
    assert "odottaa hyväksyntääsi" in mail.outbox[0].subject


def test_without_an_approver_the_coordinators_hear(
    ngo_editor: Any, coordinator: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core import mail

    service = complete(
        ServiceFactory.create(
            organization=ngo_editor.organization, publication_state=PublicationState.DRAFT
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.service_submit_for_review(actor=ngo_editor, service_id=service.pk)
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
