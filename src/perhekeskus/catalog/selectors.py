from __future__ import annotations

from django.db.models import QuerySet

from perhekeskus.catalog.models import Organization


def organization_list() -> QuerySet[Organization]:
    return Organization.objects.order_by("name")
