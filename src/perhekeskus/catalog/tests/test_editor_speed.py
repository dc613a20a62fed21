"""The change form of a demo service is quick to load (usability review M15: 1.1-1.8 s). What
made it slow was rendering: a template per label, input, error list and option, about 1,600
on one page. The editor renders those in Python; the figures in milliseconds are in
`make bench` (benchmarks/bench_editor.py), here what made them is counted."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from django.db import connection
from django.db.models import Count
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext

from perhekeskus.catalog.models import ChannelKind, ContactChannel, Service
from perhekeskus.core.roles import Role
from perhekeskus.testing.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_network")]


def _busiest_demo_service() -> Service:
    service = (
        Service.objects.annotate(
            channel_count=Count("channels", distinct=True),
            place_count=Count("at_locations", distinct=True),
        )
        .order_by("-channel_count", "-place_count", "pk")
        .first()
    )
    assert service is not None
    return service


def _render(client: Any, url: str) -> tuple[Counter[str], int]:
    templates: Counter[str] = Counter()

    def seen(sender: Any, template: Any, context: Any, **kwargs: Any) -> None:
        templates[template.name] += 1

    template_rendered.connect(seen)
    try:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    finally:
        template_rendered.disconnect(seen)
    assert response.status_code == 200
    return templates, len(queries.captured_queries)


def test_the_change_form_renders_few_templates_and_queries_per_row(client: Any) -> None:
    service = _busiest_demo_service()
    client.force_login(UserFactory.create(roles=[Role.COORDINATOR]))
    url = f"/fi/pro/catalog/catalog/service/{service.pk}/change/"
    client.get(url)  # the first request of the process also reads the content types
    templates, queries = _render(client, url)
    # Before: 1,571 templates (212 empty error lists, 107 labels, 100s of options).
    assert sum(templates.values()) < 250, templates.most_common(10)
    assert templates["django/forms/label.html"] == 0
    assert templates["django/forms/widgets/select_option.html"] == 0
    assert templates["django/forms/widgets/checkbox_option.html"] == 0
    assert templates["django/forms/errors/list/ul.html"] == 0

    # Another contact channel adds no query and no option template.
    ContactChannel.objects.create(service=service, kind=ChannelKind.PHONE, value="040 765 4321")
    more_templates, more_queries = _render(client, url)
    assert more_queries == queries
    assert more_templates["django/forms/widgets/checkbox_option.html"] == 0
