import pytest
from django.test import Client

from perhekeskus.audit.models import AuditEntry
from perhekeskus.testing.clients import logged_in_client

pytestmark = pytest.mark.django_db


def test_coordinator_sees_their_own_login_in_the_log(coordinator) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(coordinator)
    response = client.get("/fi/pro/audit/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "accounts.user.login" in page
    assert coordinator.email in page


def test_browsing_the_log_is_itself_recorded(coordinator) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(coordinator)
    client.get("/fi/pro/audit/", {"action": "accounts.user.login"})
    entry = AuditEntry.objects.filter(action="audit.log.view").get()
    assert entry.actor == coordinator
    assert entry.details == {"action": "accounts.user.login"}


def test_log_filters_by_action_and_actor(coordinator, professional) -> None:  # type: ignore[no-untyped-def]
    logged_in_client(professional)
    client = logged_in_client(coordinator)
    response = client.get(
        "/fi/pro/audit/", {"action": "accounts.user.login", "actor": professional.email}
    )
    rows = response.context["page"].object_list
    assert [row.actor_label for row in rows] == [professional.email]


def test_log_filter_rejects_an_inverted_date_range_with_a_message(coordinator) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(coordinator)
    response = client.get("/en/pro/audit/", {"since": "2026-05-02", "until": "2026-05-01"})
    assert response.status_code == 400
    assert "The end date must not be before the start date." in response.content.decode()


def test_log_filter_rejects_a_malformed_date(coordinator) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(coordinator)
    response = client.get("/en/pro/audit/", {"since": "yesterday"})
    assert response.status_code == 400


def test_log_paginates(coordinator) -> None:  # type: ignore[no-untyped-def]
    from perhekeskus.audit.services import audit_record

    for _ in range(60):
        audit_record(action="accounts.user.logout")
    client = logged_in_client(coordinator)
    first = client.get("/fi/pro/audit/")
    assert len(first.context["page"].object_list) == 50
    second = client.get("/fi/pro/audit/", {"page": 2})
    assert second.status_code == 200
    assert len(second.context["page"].object_list) >= 11


def test_professional_cannot_browse_the_log(professional) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(professional)
    before = AuditEntry.objects.count()
    assert client.get("/fi/pro/audit/").status_code == 403
    assert client.get("/api/v1/audit-entries").status_code == 403
    assert AuditEntry.objects.count() == before
    assert not AuditEntry.objects.filter(action="audit.log.view").exists()


def test_anonymous_visitor_is_sent_to_login() -> None:
    response = Client().get("/fi/pro/audit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/accounts/login/")


def test_coordinator_api_lists_entries_newest_first(coordinator) -> None:  # type: ignore[no-untyped-def]
    client = logged_in_client(coordinator)
    response = client.get("/api/v1/audit-entries", {"action": "accounts.user.login"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"][0]["actor_label"] == coordinator.email
