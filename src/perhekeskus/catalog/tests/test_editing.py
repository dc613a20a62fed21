"""Organisation editors keep their own organisation's services; nobody touches another's.
Every edit is versioned and audited."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.db.models import QuerySet
from django.test import Client
from django.utils import timezone

from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog import listeners, services
from perhekeskus.catalog.models import (
    AreaType,
    ChannelKind,
    ContactChannel,
    PublicationState,
    Service,
    ServiceAtLocation,
    ServiceVersion,
)
from perhekeskus.catalog.policies import can_edit_catalog_of, can_use_catalog_editor
from perhekeskus.core.errors import NotFound, PolicyDenied
from perhekeskus.core.roles import Role
from perhekeskus.testing.admin import admin_form_data
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import (
    LocationFactory,
    OrganizationFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EDITOR = "/fi/pro/catalog/catalog/service/"


@pytest.fixture
def own_service(editor):  # type: ignore[no-untyped-def]
    # Complete enough to publish (catalog.completeness): a phone, the county, by appointment.
    service = ServiceFactory.create(
        organization=editor.organization,
        name="Lastenneuvola",
        area_type=AreaType.COUNTY,
        by_appointment=True,
    )
    ContactChannel.objects.create(service=service, kind=ChannelKind.PHONE, value="040 123 4567")
    return service


@pytest.fixture
def others_service(other_organization):  # type: ignore[no-untyped-def]
    return ServiceFactory.create(organization=other_organization, name="Nuorisotyö")


# --- policies -----------------------------------------------------------------------------------


def test_editor_may_edit_own_organisation_only(editor, other_organization) -> None:  # type: ignore[no-untyped-def]
    assert can_edit_catalog_of(editor, editor.organization_id)
    assert not can_edit_catalog_of(editor, other_organization.pk)


def test_coordinator_may_edit_every_organisation(coordinator, other_organization) -> None:  # type: ignore[no-untyped-def]
    assert can_edit_catalog_of(coordinator, other_organization.pk)


def test_professional_without_editor_role_may_not_use_the_editor(professional) -> None:  # type: ignore[no-untyped-def]
    assert not can_use_catalog_editor(professional)
    client = logged_in_client(professional)
    assert client.get(EDITOR, follow=True).status_code == 403


def test_editor_without_organisation_may_not_edit(db) -> None:  # type: ignore[no-untyped-def]
    user = UserFactory.create(organization=None, roles=[Role.ORGANIZATION_EDITOR])
    assert not can_use_catalog_editor(user)


# --- editing through the editor site ------------------------------------------------------------


def test_editor_changes_own_service_and_it_is_versioned_and_audited(editor, own_service) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(editor)
    page = client.get(f"{EDITOR}{own_service.pk}/change/")
    assert page.status_code == 200
    data = admin_form_data(page, name_fi="Lastenneuvola Askola", minimum_age="0", maximum_age="6")
    response = client.post(f"{EDITOR}{own_service.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    own_service.refresh_from_db()
    assert own_service.name_fi == "Lastenneuvola Askola"
    version = ServiceVersion.objects.get(service=own_service)
    assert version.actor == editor
    assert version.changes["name_fi"] == ["Lastenneuvola", "Lastenneuvola Askola"]
    entry = AuditEntry.objects.get(action="catalog.service.update")
    assert entry.actor == editor
    assert entry.target_id == str(own_service.pk)


def test_saving_without_changes_records_no_new_version(editor, own_service) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(editor)
    url = f"{EDITOR}{own_service.pk}/change/"
    client.post(url, admin_form_data(client.get(url), name_fi="Uusi nimi"))
    client.post(url, admin_form_data(client.get(url)))
    assert ServiceVersion.objects.filter(service=own_service).count() == 1
    assert AuditEntry.objects.filter(action="catalog.service.update").count() == 1


def test_only_a_save_that_stores_a_version_tells_the_search_index(  # type: ignore[no-untyped-def]
    editor, own_service, monkeypatch
) -> None:
    # A save that changes nothing must not reindex: that would clear every process's search cache.
    told: list[Any] = []
    monkeypatch.setattr(
        listeners, "_listeners", [lambda **kwargs: told.append(kwargs["service_ids"])]
    )
    client = logged_in_client(editor)
    url = f"{EDITOR}{own_service.pk}/change/"
    client.post(url, admin_form_data(client.get(url), name_fi="Uusi nimi"))
    assert told == [[own_service.pk]]
    client.post(url, admin_form_data(client.get(url)))
    assert told == [[own_service.pk]]


def test_editor_cannot_see_or_change_another_organisations_service(editor, others_service) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(editor)
    url = f"{EDITOR}{others_service.pk}/change/"
    page = client.get(url)
    assert page.status_code == 302  # "does not exist" for them: the list excludes it
    before = AuditEntry.objects.count()
    client.post(url, {"name_fi": "Kaapattu"})
    others_service.refresh_from_db()
    assert others_service.name_fi == "Nuorisotyö"
    assert not ServiceVersion.objects.filter(service=others_service).exists()
    assert AuditEntry.objects.count() == before
    listing = client.get(EDITOR)
    assert others_service.name_fi not in listing.content.decode()


def test_editor_cannot_create_a_service_for_another_organisation(
    editor, other_organization
) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(editor)
    page = client.get(f"{EDITOR}add/")
    data = admin_form_data(
        page,
        organization=str(other_organization.pk),
        name_fi="Vieras palvelu",
        status="active",
        publication_state="draft",
        area_type="municipalities",
        languages=[],
    )
    response = client.post(f"{EDITOR}add/", data)
    assert response.status_code == 200
    assert "organization" in response.context["adminform"].form.errors
    assert not Service.objects.filter(name_fi="Vieras palvelu").exists()


def test_editor_creates_a_draft_for_own_organisation(editor) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(editor)
    page = client.get(f"{EDITOR}add/")
    data = admin_form_data(
        page,
        organization=str(editor.organization_id),
        name_fi="Perhekahvila",
        summary_fi="Avoin kohtaamispaikka vanhemmille ja lapsille.",
        status="active",
        publication_state="draft",
        area_type="municipalities",
        languages=["fi", "sv"],
    )
    response = client.post(f"{EDITOR}add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    service = Service.objects.get(name_fi="Perhekahvila")
    assert service.publication_state == PublicationState.DRAFT
    assert ServiceVersion.objects.get(service=service).action == "create"
    assert AuditEntry.objects.filter(action="catalog.service.create", actor=editor).exists()


def test_bad_age_range_is_a_form_error_not_a_crash(editor, own_service) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(editor)
    url = f"{EDITOR}{own_service.pk}/change/"
    response = client.post(url, admin_form_data(client.get(url), minimum_age="12", maximum_age="3"))
    assert response.status_code == 200
    own_service.refresh_from_db()
    assert own_service.minimum_age is None


# --- publish, verify ----------------------------------------------------------------------------


def test_publish_and_verify_are_versioned_and_audited(editor, own_service) -> None:  # type: ignore[no-untyped-def]
    services.service_unpublish(actor=editor, service=own_service)
    assert own_service.publication_state == PublicationState.DRAFT
    services.service_publish(actor=editor, service=own_service)
    services.service_verify(actor=editor, service=own_service)
    own_service.refresh_from_db()
    assert own_service.last_verified_by == editor
    assert own_service.last_verified_at is not None
    actions = list(
        ServiceVersion.objects.filter(service=own_service)
        .order_by("number")
        .values_list("action", flat=True)
    )
    assert actions == ["unpublish", "publish", "verify"]
    audited = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "catalog.service.unpublish",
        "catalog.service.publish",
        "catalog.service.verify",
    } <= audited


def test_editor_cannot_publish_or_verify_another_organisations_service(
    editor, others_service
) -> None:  # type: ignore[no-untyped-def]
    others_service.publication_state = PublicationState.DRAFT
    others_service.save()
    for action in (services.service_publish, services.service_verify, services.service_unpublish):
        with pytest.raises(PolicyDenied):
            action(actor=editor, service=others_service)
    others_service.refresh_from_db()
    assert others_service.publication_state == PublicationState.DRAFT
    assert others_service.last_verified_at is None
    assert not AuditEntry.objects.filter(action__startswith="catalog.service").exists()


def test_admin_action_publishes_only_what_the_editor_may(editor, own_service) -> None:  # type: ignore[no-untyped-def]
    own_service.publication_state = PublicationState.DRAFT
    own_service.save()
    client = logged_in_client(editor)
    response = client.post(
        EDITOR, {"action": "publish_selected", "_selected_action": [str(own_service.pk)]}
    )
    assert response.status_code == 302
    own_service.refresh_from_db()
    assert own_service.publication_state == PublicationState.PUBLISHED


# --- coordinators: what is stale ----------------------------------------------------------------


def test_coordinator_sees_services_not_verified_in_twelve_months(coordinator) -> None:  # type: ignore[no-untyped-def]
    fresh = ServiceFactory.create(name="Tuore", last_verified_at=timezone.now())
    stale = ServiceFactory.create(
        name="Vanha", last_verified_at=timezone.now() - dt.timedelta(days=400)
    )
    never = ServiceFactory.create(name="Ei koskaan")
    client = logged_in_client(coordinator)
    response = client.get(EDITOR, {"verified": "stale"})
    names = {s.name_fi for s in response.context["cl"].result_list}
    assert names == {stale.name_fi, never.name_fi}
    assert fresh.name_fi not in names


def test_editor_sees_only_own_services_in_the_list(editor, own_service, others_service) -> None:  # type: ignore[no-untyped-def]
    response = logged_in_client(editor).get(EDITOR)
    assert [s.pk for s in response.context["cl"].result_list] == [own_service.pk]


def test_anonymous_visitor_is_sent_to_login() -> None:
    response = Client().get(EDITOR)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"] or "/login/" in response["Location"]


def test_other_editor_sees_their_own(other_organization, own_service) -> None:  # type: ignore[no-untyped-def]
    other_editor = UserFactory.create(
        organization=other_organization, roles=[Role.ORGANIZATION_EDITOR]
    )
    response = logged_in_client(other_editor).get(EDITOR)
    assert own_service.pk not in [s.pk for s in response.context["cl"].result_list]
    other = OrganizationFactory.create()
    assert not can_edit_catalog_of(other_editor, other.pk)


# --- one service per save ----------------------------------------------------------------------


def _locked_models(monkeypatch: pytest.MonkeyPatch) -> list[type[Any]]:
    """Record the model of every queryset that takes a row lock."""
    locked: list[type[Any]] = []
    original = QuerySet.select_for_update

    def spy(self: QuerySet[Any], *args: Any, **kwargs: Any) -> QuerySet[Any]:
        locked.append(self.model)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", spy)
    return locked


def test_an_editor_save_locks_the_service_and_keeps_nothing_on_the_request(  # type: ignore[no-untyped-def]
    editor, own_service, monkeypatch
) -> None:
    client = logged_in_client(editor)
    url = f"{EDITOR}{own_service.pk}/change/"
    data = admin_form_data(client.get(url), name_fi="Neuvola")
    locked = _locked_models(monkeypatch)
    response = client.post(url, data)
    assert response.status_code == 302
    assert Service in locked
    assert not hasattr(response.wsgi_request, "_catalog_before")


def test_the_audit_entry_keeps_the_old_and_new_values(editor, own_service) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(editor)
    url = f"{EDITOR}{own_service.pk}/change/"
    client.post(url, admin_form_data(client.get(url), name_fi="Neuvola", maximum_age="6"))
    entry = AuditEntry.objects.get(action="catalog.service.update")
    assert entry.details["changes"]["name_fi"] == ["Lastenneuvola", "Neuvola"]
    assert entry.details["changes"]["maximum_age"] == [None, 6]
    assert entry.details["version"] == ServiceVersion.objects.get(service=own_service).number


def test_publishing_through_the_form_is_audited_as_a_publication(editor, own_service) -> None:  # type: ignore[no-untyped-def]
    """Usability review M16: it was recorded as `catalog.service.update`."""
    Service.objects.filter(pk=own_service.pk).update(publication_state=PublicationState.DRAFT)
    client = logged_in_client(editor)
    url = f"{EDITOR}{own_service.pk}/change/"
    client.post(url, admin_form_data(client.get(url), publication_state="published"))
    entry = AuditEntry.objects.get(target_id=str(own_service.pk))
    assert entry.action == "catalog.service.publish"
    assert entry.details["changes"]["publication_state"] == ["draft", "published"]
    assert ServiceVersion.objects.get(service=own_service).action == "publish"
    client.post(url, admin_form_data(client.get(url), publication_state="draft", name_fi="X"))
    latest = AuditEntry.objects.filter(target_id=str(own_service.pk)).latest("id")
    assert latest.action == "catalog.service.unpublish"
    assert "name_fi" in latest.details["fields"]


def test_a_service_created_as_published_is_audited_as_a_publication_too(editor) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(editor)
    data = admin_form_data(
        client.get(f"{EDITOR}add/"),
        organization=str(editor.organization_id),
        name_fi="Perhekahvila",
        summary_fi="Kahvila lapsiperheille.",
        status="active",
        publication_state="published",
        area_type="county",
        by_appointment="on",
        **{
            "channels-TOTAL_FORMS": "1",
            "channels-0-kind": "phone",
            "channels-0-value": "040 1",
            "channels-0-order": "0",
        },
    )
    assert client.post(f"{EDITOR}add/", data).status_code == 302
    service = Service.objects.get(name_fi="Perhekahvila")
    actions = set(
        AuditEntry.objects.filter(target_id=str(service.pk)).values_list("action", flat=True)
    )
    assert actions == {"catalog.service.create", "catalog.service.publish"}


def test_a_refused_move_leaves_nothing_behind(editor, own_service, other_organization) -> None:  # type: ignore[no-untyped-def]
    def move(service: Service) -> None:
        ContactChannel.objects.create(service=service, kind=ChannelKind.PHONE, value="040 1")
        service.name_fi = "Siirretty"
        service.organization = other_organization

    with pytest.raises(PolicyDenied):
        services.service_update(actor=editor, service_id=own_service.pk, apply_changes=move)
    own_service.refresh_from_db()
    assert (own_service.organization_id, own_service.name_fi) == (
        editor.organization_id,
        "Lastenneuvola",
    )
    assert list(
        ContactChannel.objects.filter(service=own_service).values_list("value", flat=True)
    ) == ["040 123 4567"]
    assert not ServiceVersion.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="catalog.").exists()


def test_another_organisations_service_is_not_found_by_the_service(editor, others_service) -> None:  # type: ignore[no-untyped-def]
    changed: list[Service] = []
    with pytest.raises(NotFound):
        services.service_update(
            actor=editor, service_id=others_service.pk, apply_changes=changed.append
        )
    with pytest.raises(NotFound):
        services.service_update(actor=editor, service_id=uuid.uuid4(), apply_changes=changed.append)
    assert changed == []


CHANNELS = "/fi/pro/catalog/catalog/contactchannel/"
PLACES = "/fi/pro/catalog/catalog/serviceatlocation/"


def test_a_channel_saved_on_its_own_page_is_a_versioned_change_of_its_service(  # type: ignore[no-untyped-def]
    editor, own_service, monkeypatch
) -> None:
    channel = ContactChannel.objects.create(
        service=own_service, kind=ChannelKind.PHONE, value="040 123 4567"
    )
    told: list[Any] = []
    monkeypatch.setattr(
        listeners, "_listeners", [lambda **kwargs: told.append(kwargs["service_ids"])]
    )
    client = logged_in_client(editor)
    url = f"{CHANNELS}{channel.pk}/change/"
    modified = Service.objects.get(pk=own_service.pk).updated_at
    assert client.post(url, admin_form_data(client.get(url))).status_code == 302
    assert told == []  # nothing changed: no version, no reindex
    assert Service.objects.get(pk=own_service.pk).updated_at == modified
    locked = _locked_models(monkeypatch)
    assert client.post(url, admin_form_data(client.get(url), value="09 123")).status_code == 302
    assert Service in locked
    assert told == [[own_service.pk]]
    assert Service.objects.get(pk=own_service.pk).updated_at > modified
    version = ServiceVersion.objects.get(service=own_service)
    assert list(version.changes) == ["channels"]
    entry = AuditEntry.objects.get(action="catalog.service.update")
    assert (entry.target_id, entry.details["fields"]) == (str(own_service.pk), ["channels"])


def test_a_service_at_a_place_saved_on_its_own_page_is_a_change_of_its_service(  # type: ignore[no-untyped-def]
    editor, own_service
) -> None:
    place = LocationFactory.create(organization=editor.organization)
    at_place = ServiceAtLocation.objects.create(service=own_service, location=place)
    client = logged_in_client(editor)
    url = f"{PLACES}{at_place.pk}/change/"
    data = admin_form_data(client.get(url), description_fi="Ovi pihalta.")
    assert client.post(url, data).status_code == 302
    at_place.refresh_from_db()
    assert at_place.description_fi == "Ovi pihalta."
    assert list(ServiceVersion.objects.get(service=own_service).changes) == ["at_locations"]
    assert AuditEntry.objects.filter(
        action="catalog.service.update", target_id=str(own_service.pk), actor=editor
    ).exists()
