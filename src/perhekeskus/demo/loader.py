from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from perhekeskus.accounts.models import User
from perhekeskus.accounts.services import user_provision
from perhekeskus.catalog.importers.writer import apply_batch
from perhekeskus.catalog.models import Organization, ServiceSource
from perhekeskus.catalog.services import municipality_ensure, organization_provision
from perhekeskus.demo import network
from perhekeskus.demo.appointments import load_demo_appointments
from perhekeskus.demo.catalog import demo_batch
from perhekeskus.demo.events import load_demo_events
from perhekeskus.demo.families import load_demo_families
from perhekeskus.intake.services import team_provision

VIA = "load-demo"


@dataclass
class DemoSummary:
    organizations_created: int = 0
    organizations_updated: int = 0
    users_created: int = 0
    users_existing: int = 0
    teams_created: int = 0
    # The catalogue: how many the demo has, and how many of them this run wrote.
    services: int = 0
    services_created: int = 0
    services_updated: int = 0
    locations: int = 0
    meeting_places: int = 0
    locations_created: int = 0
    locations_updated: int = 0
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # kind, id, reason
    # Appointments: types and calendars this run created, and the demo bookings it made.
    appointment_types_created: int = 0
    calendars_created: int = 0
    bookings_created: int = 0
    # Events: what this run created (a week of events, peer groups, a forum's sessions) and
    # the families' first sign-ups.
    events_created: int = 0
    peer_groups_created: int = 0
    forum_sessions_created: int = 0
    event_signups_created: int = 0
    # Family coordination: the families this run opened (Virtanen in Askola and four more).
    families_created: int = 0


def load_demo_network() -> DemoSummary:
    """Build (or bring up to date) the demo region and its service catalogue, in one
    transaction. Safe to run again: ids are fixed, and the catalogue's writer saves only what
    differs (a second run adds nothing but the import's own audit entry)."""
    summary = DemoSummary()
    with transaction.atomic():
        for code, names in network.MUNICIPALITIES.items():
            municipality_ensure(
                code=code, names=names, languages=network.MUNICIPALITY_LANGUAGES.get(code)
            )
        organizations: dict[str, Organization] = {}
        for org in network.ORGANIZATIONS:
            organization, created = organization_provision(
                id=org.id,
                type=org.type,
                names=org.names,
                descriptions=org.descriptions,
                business_id=org.business_id,
                website=org.website,
                municipality_codes=org.municipalities,
                requires_review=org.key in network.REVIEWED_ORGANIZATIONS,
                via=VIA,
            )
            organizations[org.key] = organization
            if created:
                summary.organizations_created += 1
            else:
                summary.organizations_updated += 1
        for demo_user in network.USERS:
            _user, created = user_provision(
                email=demo_user.email,
                full_name=demo_user.full_name,
                organization=organizations[demo_user.organization]
                if demo_user.organization
                else None,
                profession=demo_user.profession,
                title=demo_user.title,
                roles=demo_user.roles,
                password=network.DEMO_PASSWORD,
                is_superuser=demo_user.is_superuser,
                via=VIA,
            )
            if created:
                summary.users_created += 1
            else:
                summary.users_existing += 1
        users = {
            u.email.split("@")[0]: u
            for u in User.objects.filter(email__in=[d.email for d in network.USERS])
        }
        for team in network.TEAMS:
            _team, created = team_provision(
                id=team.id,
                name=team.name,
                organization=organizations[team.organization],
                municipality_codes=team.municipalities,
                members=[users[local] for local in team.members],
                via=VIA,
            )
            summary.teams_created += int(created)
        batch = demo_batch()
        # The import tells the finder what it changed (catalog.listeners), which indexes it in
        # this transaction: no second, full rebuild.
        written = apply_batch(batch, via=VIA, source=ServiceSource.MANUAL, prune=True)
        appointments = load_demo_appointments(users=users, via=VIA)
        events = load_demo_events(users=users)
        families = load_demo_families(users=users, organizations=organizations)
    summary.services = len(batch.services)
    summary.services_created = written.services.created
    summary.services_updated = written.services.updated
    summary.locations = len(batch.locations)
    summary.meeting_places = sum(1 for location in batch.locations if location.is_meeting_place)
    summary.locations_created = written.locations.created
    summary.locations_updated = written.locations.updated
    summary.skipped = written.skipped
    summary.appointment_types_created = appointments.types_created
    summary.calendars_created = appointments.calendars_created
    summary.bookings_created = appointments.bookings_created
    summary.events_created = events.events_created
    summary.peer_groups_created = events.peer_groups_created
    summary.forum_sessions_created = events.forum_sessions_created
    summary.event_signups_created = events.signups_created
    summary.families_created = families.families_created
    return summary
