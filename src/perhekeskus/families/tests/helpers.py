"""What the families app's tests share besides fixtures (those are in conftest.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.test import Client
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.families.models import Family
from perhekeskus.intake.models import Concern, ContactMethod, EarlySupportTeam, HelpRequest
from perhekeskus.intake.tracking import new_tracking_code
from perhekeskus.testing.families import add_member, give_consent


def logged_in(user: User) -> Client:
    """A client logged in as `user` (without the login page: for the pages under test)."""
    client = Client()
    client.force_login(user)
    return client


def join_team(family: Family, user: User, organization: Any, categories: Sequence[str]) -> None:
    """`user` on the family's team, with a consent naming `organization` for `categories`."""
    add_member(family, user)
    give_consent(family, [organization], categories=categories)


def make_help_request(member: User, municipality: Any, **fields: Any) -> HelpRequest:
    """A help request to an early-support team that `member` is in (written straight to the
    tables: the intake's services are its own tests' business)."""
    team = EarlySupportTeam.objects.create(name="VATU", organization=member.organization)
    team.municipalities.add(municipality)
    team.members.add(member)
    values = {
        "tracking_code": new_tracking_code(),
        "team": team,
        "municipality": municipality,
        "language": "fi",
        "concerns": Concern.MY_CHILD,
        "child_ages": [4],
        "message": "Lapsi ei nuku öisin.",
        "contact_name": "Maija Meikäläinen",
        "contact_phone": "+358401234567",
        "contact_method": ContactMethod.PHONE,
        "consent_at": timezone.now(),
        **fields,
    }
    return HelpRequest.objects.create(**values)
