"""The catalogue editor on the demo network: the change form of the demo service with the most
contact channels and places, loaded (GET) and saved (POST, one changed word each time), with the
family's public service card measured in the same run as a reference. Usability review M15
asked for under 300 ms; nothing here asserts on time.

Run through `make bench` (benchmarks/run.py); prints one JSON object on stdout.
"""

from __future__ import annotations

import json
import os
import uuid

REQUESTS = int(os.environ.get("BENCH_EDITOR_REQUESTS", "30"))


def main() -> dict[str, object]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    from benchmarks.common import summarize_ms, time_calls
    from perhekeskus.catalog.models import PublicationState, Service
    from perhekeskus.core.roles import Role
    from perhekeskus.testing.admin import admin_form_data
    from perhekeskus.testing.factories import UserFactory

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", "--allow-production", verbosity=0)
    service = (
        Service.objects.filter(publication_state=PublicationState.PUBLISHED)
        .annotate(
            channel_count=Count("channels", distinct=True),
            place_count=Count("at_locations", distinct=True),
        )
        .order_by("-channel_count", "-place_count", "pk")
        .first()
    )
    assert service is not None, "the demo has no published service"
    coordinator = UserFactory.create(
        email=f"bench-editor-{uuid.uuid4().hex[:8]}@example.org", roles=[Role.COORDINATOR]
    )
    # The dev settings allow localhost, not the test client's "testserver".
    client = Client(SERVER_NAME="localhost")
    client.force_login(coordinator)
    url = f"/fi/pro/catalog/catalog/service/{service.pk}/change/"

    # The POST body as the browser sends it, read once from the page (Django's test
    # environment records the context; it is switched off again before anything is timed).
    setup_test_environment()
    data = admin_form_data(client.get(url))
    teardown_test_environment()

    edits = iter(range(10**6))

    def save() -> None:
        body = dict(data)
        body["summary_fi"] = f"{data.get('summary_fi', '')} ({next(edits)})"
        response = client.post(url, body)
        if response.status_code != 302:
            raise SystemExit(f"the editor refused the save: {response.status_code}")

    get = summarize_ms(time_calls(lambda: client.get(url), REQUESTS, warmup=3))
    post = summarize_ms(time_calls(save, REQUESTS, warmup=3))
    card = summarize_ms(
        time_calls(
            lambda: Client(SERVER_NAME="localhost").get(f"/fi/services/{service.pk}"),
            REQUESTS,
            warmup=3,
        )
    )
    return {
        "vendor": connection.vendor,
        "service": {
            "channels": service.channel_count,  # type: ignore[attr-defined]
            "places": service.place_count,  # type: ignore[attr-defined]
        },
        "change_form_get": get,
        "change_form_post": post,
        "public_service_card": card,
    }


if __name__ == "__main__":
    print(json.dumps(main()))
