"""Permissions of every admin on the catalogue editor site, in one parametrised test: an
organisation editor sees and changes their own organisation's objects; another organisation's
object answers exactly like a missing id, is not listed, and a POST to it changes and audits
nothing (security review F-12). The admins that are not organisation data (the finder's need
thesaurus and unmet searches) must refuse organisation editors outright; their own allowed and
denied tests with real objects are in `finder/tests/test_admin_permissions.py`."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import models
from django.forms import ModelChoiceField
from django.forms.models import model_to_dict
from django.test import Client, RequestFactory

from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.editor import PolicyAdminMixin, editor_site
from perhekeskus.catalog.models import (
    ChannelKind,
    ContactChannel,
    Location,
    Organization,
    PublicationState,
    Service,
    ServiceAtLocation,
    ServiceVersion,
)
from perhekeskus.testing.admin import admin_form_data
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _draft_service(organization: Organization) -> Service:
    return ServiceFactory.create(
        organization=organization, name="Iltatoiminta", publication_state=PublicationState.DRAFT
    )


def _at_location(organization: Organization) -> ServiceAtLocation:
    return ServiceAtLocation.objects.create(
        service=_draft_service(organization),
        location=LocationFactory.create(organization=organization, name="Nuorisotila"),
        description_fi="Sisäänkäynti pihan puolelta.",
    )


def _channel_of_service(organization: Organization) -> ContactChannel:
    return ContactChannel.objects.create(
        service=_draft_service(organization), kind=ChannelKind.PHONE, value="040 123 4567"
    )


def _channel_at_location(organization: Organization) -> ContactChannel:
    return ContactChannel.objects.create(
        service_at_location=_at_location(organization),
        kind=ChannelKind.PHONE,
        value="040 765 4321",
    )


@dataclass(frozen=True)
class Scenario:
    """How to make an object of an organisation, and one change to make in its form."""

    model: type[models.Model]
    make: Callable[[Organization], models.Model]
    change: dict[str, str]


# One or more per organisation-scoped model on the editor site (a channel hangs on a service or
# on a service at a place). `test_every_admin_on_the_editor_site_is_covered` fails when a model
# is registered without one.
SCENARIOS = {
    "service": Scenario(Service, _draft_service, {"name_fi": "Muutettu nimi"}),
    "service-at-location": Scenario(
        ServiceAtLocation, _at_location, {"description_fi": "Ovi kadun puolella."}
    ),
    "channel-of-service": Scenario(ContactChannel, _channel_of_service, {"value": "09 123 456"}),
    "channel-at-location": Scenario(ContactChannel, _channel_at_location, {"value": "09 654 321"}),
    "location": Scenario(
        Location,
        lambda organization: LocationFactory.create(organization=organization, name="Talo"),
        {"name_fi": "Muutettu talo"},
    ),
}


def _registered() -> list[Any]:
    return [
        pytest.param(model, id=model._meta.label_lower)
        for model in sorted(editor_site._registry, key=lambda m: m._meta.label_lower)
    ]


def _base(model: type[models.Model]) -> str:
    return f"/fi/pro/catalog/{model._meta.app_label}/{model._meta.model_name}/"


def _state(obj: models.Model) -> dict[str, Any]:
    return model_to_dict(type(obj)._default_manager.get(pk=obj.pk))


def _answer(response: Any) -> tuple[int, str | None]:
    return response.status_code, response.get("Location")


def _request_as(user: Any) -> Any:
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.parametrize("model", _registered())
def test_every_admin_on_the_editor_site_is_covered(
    model: type[models.Model], editor: Any, coordinator: Any
) -> None:
    model_admin = editor_site._registry[model]
    if isinstance(model_admin, PolicyAdminMixin):
        # Organisation data: it declares whose it is, and a scenario below tests it.
        assert model_admin.organization_paths
        assert any(s.model is model for s in SCENARIOS.values())
        return
    # Not organisation data: organisation editors are refused before any lookup, so an existing
    # id and a missing one answer alike; coordinators may look.
    as_editor = _request_as(editor)
    assert not model_admin.has_module_permission(as_editor)
    assert not model_admin.has_view_or_change_permission(as_editor)
    assert model_admin.has_view_permission(_request_as(coordinator))
    client = logged_in_client(editor)
    assert client.get(_base(model)).status_code == 403
    assert client.get(f"{_base(model)}{uuid.uuid4()}/change/").status_code == 403


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_editor_admin_allows_own_organisation_and_treats_another_as_missing(
    name: str, editor: Any, coordinator: Any, other_organization: Organization
) -> None:
    scenario = SCENARIOS[name]
    own = scenario.make(editor.organization)
    others = scenario.make(other_organization)
    base = _base(scenario.model)
    client = logged_in_client(editor)

    # Allowed: their own object opens.
    page = client.get(f"{base}{own.pk}/change/")
    assert page.status_code == 200

    # Denied: another organisation's object answers as a missing id does, on every page.
    for suffix in ("change/", "history/", "delete/"):
        missing = client.get(f"{base}{uuid.uuid4()}/{suffix}")
        forbidden = client.get(f"{base}{others.pk}/{suffix}")
        assert _answer(forbidden) == _answer(missing), suffix
        assert forbidden.status_code in (302, 403, 404)
    assert client.get(f"{base}{others.pk}/change/").status_code == 302  # to the index

    # The list shows their own only.
    listing = client.get(base)
    assert listing.status_code == 200
    listed = {obj.pk for obj in listing.context["cl"].result_list}
    assert own.pk in listed
    assert others.pk not in listed

    # A denied POST changes nothing and records nothing, and answers as for a missing id.
    data = admin_form_data(page, **scenario.change)
    state, audits, versions = (
        _state(others),
        AuditEntry.objects.count(),
        ServiceVersion.objects.count(),
    )
    denied = client.post(f"{base}{others.pk}/change/", data)
    assert _answer(denied) == _answer(client.post(f"{base}{uuid.uuid4()}/change/", data))
    assert _state(others) == state
    assert AuditEntry.objects.count() == audits
    assert ServiceVersion.objects.count() == versions

    # Allowed: the same POST to their own object changes it, through a service that audits.
    response = client.post(f"{base}{own.pk}/change/", data)
    assert response.status_code == 302, response.context and response.context["errors"]
    field, value = next(iter(scenario.change.items()))
    assert _state(own)[field] == value
    assert AuditEntry.objects.filter(actor=editor, target_id=str(_audited_id(own))).exists()

    # A coordinator keeps every organisation's catalogue.
    assert logged_in_client(coordinator).get(f"{base}{others.pk}/change/").status_code == 200


def _audited_id(obj: models.Model) -> Any:
    """A place or channel is part of a service description: its change is the service's."""
    if isinstance(obj, ServiceAtLocation):
        return obj.service_id
    if isinstance(obj, ContactChannel):
        return obj.service_id or obj.service_at_location.service_id  # type: ignore[union-attr]
    return obj.pk


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_choices_on_editor_pages_offer_only_what_the_editor_may_edit(
    name: str, editor: Any, other_organization: Organization
) -> None:
    scenario = SCENARIOS[name]
    own = scenario.make(editor.organization)
    foreign_service = _draft_service(other_organization)
    foreign_place = LocationFactory.create(organization=other_organization)
    model_admin = editor_site._registry[scenario.model]
    client = logged_in_client(editor)
    pages = [client.get(f"{_base(scenario.model)}{own.pk}/change/")]
    if model_admin.has_add_permission(_request_as(editor)):
        pages.append(client.get(f"{_base(scenario.model)}add/"))
    checked = 0
    for page in pages:
        assert page.status_code == 200
        forms = [page.context["adminform"].form] + [
            form
            for inline in page.context["inline_admin_formsets"]
            for form in [*inline.formset.forms, inline.formset.empty_form]
        ]
        for form in forms:
            for field_name, field in form.fields.items():
                if not isinstance(field, ModelChoiceField):
                    continue
                if field_name in getattr(model_admin, "unscoped_choices", ()):
                    continue
                choices = field.queryset
                if choices.model is Organization:
                    assert not choices.filter(pk=other_organization.pk).exists(), field_name
                    assert choices.filter(pk=editor.organization_id).exists(), field_name
                    checked += 1
                if choices.model in (Location, Service):
                    foreign = foreign_place if choices.model is Location else foreign_service
                    assert not choices.filter(pk=foreign.pk).exists(), field_name
                    checked += 1
    if scenario.model in (Service, Location, ServiceAtLocation):
        assert checked, "the page has an organisation or place to choose"


def test_another_organisations_contact_channels_are_not_listed(
    editor: Any, other_organization: Organization
) -> None:
    """F-12: the contact channels of another organisation's draft service were listed."""
    foreign = _channel_of_service(other_organization)
    response = logged_in_client(editor).get(_base(ContactChannel))
    assert response.status_code == 200
    assert foreign.value not in response.content.decode()
    assert list(response.context["cl"].result_list) == []


def test_anonymous_visitors_get_no_editor_page() -> None:
    # The parametrised tests above run over this registry: it must be the whole site.
    assert {Service, ServiceAtLocation, ContactChannel, Location} <= set(editor_site._registry)
    for model in editor_site._registry:
        response = Client().get(_base(model))
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_a_link_to_a_partners_place_is_kept_but_no_other_is_offered(
    editor: Any, other_organization: Organization
) -> None:
    """A coordinator gave the editor's service at a partner's place: the editor can still save
    the service and that page (the link stays a choice), and chooses no other foreign place."""
    service = _draft_service(editor.organization)
    partners_place = LocationFactory.create(organization=other_organization, name="Seurakuntatalo")
    other_place = LocationFactory.create(organization=other_organization, name="Nuorisotalo")
    at_place = ServiceAtLocation.objects.create(service=service, location=partners_place)
    client = logged_in_client(editor)
    for url, overrides in (
        (f"{_base(Service)}{service.pk}/change/", {"name_fi": "Perhekerho"}),
        (f"{_base(ServiceAtLocation)}{at_place.pk}/change/", {"description_fi": "Sali 2"}),
    ):
        page = client.get(url)
        response = client.post(url, admin_form_data(page, **overrides))
        assert response.status_code == 302, response.context and response.context["errors"]
    at_place.refresh_from_db()
    assert (at_place.location_id, at_place.description_fi) == (partners_place.pk, "Sali 2")
    page = client.get(f"{_base(ServiceAtLocation)}{at_place.pk}/change/")
    choices = page.context["adminform"].form.fields["location"].queryset
    assert partners_place in choices
    assert other_place not in choices
    data = admin_form_data(page, location=str(other_place.pk))
    assert client.post(f"{_base(ServiceAtLocation)}{at_place.pk}/change/", data).status_code == 200
    at_place.refresh_from_db()
    assert at_place.location_id == partners_place.pk
