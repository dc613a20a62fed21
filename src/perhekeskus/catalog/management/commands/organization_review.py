"""`perhekeskus organization-review ORGANIZATION --on|--off`: whether an organisation's
publications and changes of published services wait for approval (ADR 0032).

ORGANIZATION is the organisation's id or business id (Y-tunnus). The change is audited as a
change of the organisation, naming the command."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from perhekeskus.catalog.models import Organization
from perhekeskus.catalog.services import organization_set_review


class Command(BaseCommand):
    help = "Turn review of an organisation's publications and changes on or off."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("organization", help="The organisation's id or business id.")
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--on", dest="requires_review", action="store_true")
        group.add_argument("--off", dest="requires_review", action="store_false")

    def handle(self, *args: Any, **options: Any) -> None:
        given = str(options["organization"]).strip()
        try:
            matches = Organization.objects.filter(pk=uuid.UUID(given))
        except ValueError:
            matches = Organization.objects.filter(business_id=given)
        found = list(matches[:2])
        if len(found) != 1:
            raise CommandError(f"No single organisation with the id or business id {given!r}.")
        organization = organization_set_review(
            organization_id=found[0].pk,
            requires_review=options["requires_review"],
            via="organization-review",
        )
        state = "on" if organization.requires_review else "off"
        self.stdout.write(f"Review of {organization.name} ({organization.pk}): {state}")
