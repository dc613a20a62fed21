from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from perhekeskus.demo.loader import load_demo_network


class Command(BaseCommand):
    help = "Load the demo family center network (made-up organisations and professionals)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load demo data even though this is not a demo installation.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "PERHEKESKUS_DEMO", False) and not options["allow_production"]:
            raise CommandError(
                "This is not a demo installation: demo accounts with a published password would "
                "be created. Use the demo settings, or --allow-production if you really mean it."
            )
        summary = load_demo_network()
        if options["verbosity"] < 1:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo network: {summary.organizations_created} organisations created, "
                f"{summary.users_created} users created "
                f"({summary.users_existing} already there); "
                f"{summary.services} services ({summary.services_created} new, "
                f"{summary.services_updated} changed) and {summary.locations} places, "
                f"{summary.meeting_places} of them open meeting places; "
                f"{summary.appointment_types_created} appointment types and "
                f"{summary.calendars_created} calendars created, "
                f"{summary.bookings_created} families' bookings made; "
                f"{summary.events_created} events ({summary.peer_groups_created} peer groups, "
                f"{summary.forum_sessions_created} forum sessions) and "
                f"{summary.event_signups_created} sign-ups; "
                f"{summary.families_created} families in family coordination."
            )
        )
        for kind, record_id, reason in summary.skipped:
            self.stderr.write(f"Skipped {kind} {record_id}: {reason}")
