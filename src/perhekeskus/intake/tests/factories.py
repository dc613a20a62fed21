"""Factories and personas for help requests and early-support teams.

`HelpRequestFactory` writes the model directly (the encrypted fields encrypt on save), for tests
that need many requests or a given state; `submitted_request` goes through the real service,
with its routing, danger check and audit entry."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import factory
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.catalog.models import Municipality
from perhekeskus.core.danger import danger_signals
from perhekeskus.core.roles import Role
from perhekeskus.intake import services
from perhekeskus.intake.models import (
    Concern,
    ContactMethod,
    EarlySupportTeam,
    HelpRequest,
    TeamMeeting,
)
from perhekeskus.intake.tracking import new_tracking_code
from perhekeskus.testing.factories import MunicipalityFactory, OrganizationFactory, UserFactory


class EarlySupportTeamFactory(factory.django.DjangoModelFactory[EarlySupportTeam]):
    """A team with one municipality of its own unless `municipalities=[...]` is given."""

    class Meta:
        model = EarlySupportTeam
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"VATU {n}")
    organization = factory.SubFactory(OrganizationFactory)
    first_contact_target_days = 3

    @factory.post_generation
    def municipalities(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create:
            return
        team = cast(EarlySupportTeam, self)
        team.municipalities.add(*(extracted or [MunicipalityFactory.create()]))

    @factory.post_generation
    def members(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            cast(EarlySupportTeam, self).members.add(*extracted)


def _first_municipality(team: EarlySupportTeam) -> Municipality:
    municipality = team.municipalities.order_by("code").first()
    assert municipality is not None
    return municipality


class HelpRequestFactory(factory.django.DjangoModelFactory[HelpRequest]):
    class Meta:
        model = HelpRequest

    tracking_code = factory.LazyFunction(new_tracking_code)
    team = factory.SubFactory(EarlySupportTeamFactory)
    municipality = factory.LazyAttribute(lambda o: _first_municipality(o.team))
    language = "fi"
    concerns = Concern.MY_CHILD
    child_ages = factory.LazyFunction(lambda: [4])
    message = "Lapsi ei nuku öisin ja olemme kaikki väsyneitä."
    contact_name = "Maija Meikäläinen"
    contact_phone = "+358401234567"
    contact_email = ""
    preferred_time = "Arkisin iltapäivällä"
    contact_method = ContactMethod.PHONE
    consent_at = factory.LazyFunction(timezone.now)
    danger_signals = factory.LazyAttribute(lambda o: danger_signals(o.message))


def submitted_request(team: EarlySupportTeam, **overrides: Any) -> HelpRequest:
    """A request sent the way a family sends it: through `services.help_request_submit`."""
    values: dict[str, Any] = {
        "message": "Vauva itkee paljon eikä kukaan meistä nuku.",
        "concerns": Concern.MY_CHILD,
        "municipality_code": _first_municipality(team).code,
        "language": "fi",
        "anonymous": False,
        "child_ages": [0],
        "contact_name": "Maija Meikäläinen",
        "contact_phone": "+358401234567",
        "preferred_time": "Aamupäivisin",
    }
    if overrides.get("anonymous"):
        # An anonymous family gives no contact details (the service refuses both at once).
        for name in ("contact_name", "contact_phone", "preferred_time"):
            values.pop(name)
    values.update(overrides)
    data = services.HelpRequestInput(**values)
    return services.help_request_submit(data=data, idempotency_key=None).help_request


def received_ago(help_request: HelpRequest, *, days: int) -> HelpRequest:
    """Move the request's arrival into the past (created_at is auto_now_add: only an update
    can set it)."""
    moment = timezone.now() - dt.timedelta(days=days)
    HelpRequest.objects.filter(pk=help_request.pk).update(created_at=moment)
    help_request.refresh_from_db()
    return help_request


# --- Personas -----------------------------------------------------------------------------------


def member_of(team: EarlySupportTeam, **kwargs: Any) -> User:
    """A member of the team: the early-support team role, and the team's organisation unless
    another is given."""
    kwargs.setdefault("organization", team.organization)
    user = UserFactory.create(roles=[Role.PROFESSIONAL, Role.EARLY_SUPPORT_TEAM], **kwargs)
    team.members.add(user)
    return user


def network_professional(**kwargs: Any) -> User:
    """A professional of the network without the early-support team role (e.g. a school social
    worker of another organisation, who may become a family's responsible worker)."""
    return UserFactory.create(roles=[Role.PROFESSIONAL], **kwargs)


def meeting(team: EarlySupportTeam, held_on: dt.date, **kwargs: Any) -> TeamMeeting:
    return TeamMeeting.objects.create(team=team, held_on=held_on, **kwargs)
