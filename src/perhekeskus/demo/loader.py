from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from perhekeskus.accounts.services import user_provision
from perhekeskus.catalog.models import Organization
from perhekeskus.catalog.services import municipality_ensure, organization_provision
from perhekeskus.demo import network

VIA = "load-demo"


@dataclass
class DemoSummary:
    organizations_created: int = 0
    organizations_updated: int = 0
    users_created: int = 0
    users_existing: int = 0


def load_demo_network() -> DemoSummary:
    """Build (or bring up to date) the demo region. Safe to run again: ids are fixed."""
    summary = DemoSummary()
    with transaction.atomic():
        for code, names in network.MUNICIPALITIES.items():
            municipality_ensure(code=code, names=names)
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
    return summary
