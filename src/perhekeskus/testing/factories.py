from __future__ import annotations

import datetime as dt
from typing import Any, cast

import factory
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from perhekeskus.accounts.models import Profession, RoleGrant, User
from perhekeskus.catalog.models import (
    Location,
    Municipality,
    Organization,
    OrganizationType,
    PublicationState,
    Service,
    ServiceStatus,
)
from perhekeskus.events.models import Event, EventKind, EventStatus, RegistrationMode

PASSWORD = "correct-horse-battery-staple"


class MunicipalityFactory(factory.django.DjangoModelFactory[Municipality]):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{(n % 900) + 100:03d}")
    name = factory.Sequence(lambda n: f"Kunta {n}")


class OrganizationFactory(factory.django.DjangoModelFactory[Organization]):
    class Meta:
        model = Organization

    type = OrganizationType.WELLBEING_COUNTY
    name = factory.Sequence(lambda n: f"Organisaatio {n}")
    name_sv = factory.LazyAttribute(lambda o: f"{o.name} (sv)")
    name_en = factory.LazyAttribute(lambda o: f"{o.name} (en)")


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    # Made-up names that no test's family or person is called: Faker's Finnish names include
    # Virtanen and Korhonen, and a worker named like the family made "the name is not shown"
    # tests fail by chance.
    full_name = factory.Sequence(lambda n: f"Tessa Työntekijä-{n}")
    organization = factory.SubFactory(OrganizationFactory)
    profession = Profession.PUBLIC_HEALTH_NURSE
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            user = cast(User, self)
            for role in extracted:
                RoleGrant.objects.create(user=user, role=role)


def confirmed_totp_device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="test", confirmed=True)


def current_totp_token(device: TOTPDevice) -> str:
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


class LocationFactory(factory.django.DjangoModelFactory[Location]):
    class Meta:
        model = Location

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Terveysasema {n}")
    street_address = "Koulutie 1"
    postal_code = "07500"


class ServiceFactory(factory.django.DjangoModelFactory[Service]):
    class Meta:
        model = Service

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Palvelu {n}")
    name_sv = factory.Sequence(lambda n: f"Tjänst {n}")
    name_en = factory.Sequence(lambda n: f"Service {n}")
    summary = "Tukea lapsiperheille."
    description = "Palvelu auttaa lapsiperheitä arjessa."
    publication_state = PublicationState.PUBLISHED
    status = ServiceStatus.ACTIVE


class EventFactory(factory.django.DjangoModelFactory[Event]):
    """A published one-off event with sign-up, tomorrow 10–12 Finnish time, 10 seats."""

    class Meta:
        model = Event

    kind = EventKind.SINGLE
    organization = factory.SubFactory(OrganizationFactory)
    status = EventStatus.PUBLISHED
    title = factory.Sequence(lambda n: f"Perhekahvila {n}")
    title_sv = factory.Sequence(lambda n: f"Familjecafé {n}")
    title_en = factory.Sequence(lambda n: f"Family café {n}")
    description = "Avoin perhekahvila vauvaperheille."
    starts = factory.LazyFunction(
        lambda: (timezone.localtime() + dt.timedelta(days=1)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
    )
    ends = factory.LazyAttribute(lambda o: o.starts + dt.timedelta(hours=2))
    location = factory.SubFactory(
        LocationFactory, organization=factory.SelfAttribute("..organization")
    )
    # As the organiser's services do: the place decides the municipality.
    municipality = factory.LazyAttribute(lambda o: o.location.municipality if o.location else None)
    registration = RegistrationMode.REGISTRATION
    capacity = 10
    # A published (or cancelled) event was published once; a cancelled draft never was.
    published_at = factory.LazyAttribute(
        lambda o: None if o.status == EventStatus.DRAFT else o.starts - dt.timedelta(days=7)
    )
