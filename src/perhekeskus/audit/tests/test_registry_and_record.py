import pytest
from django.utils.translation import gettext_lazy as _

from perhekeskus.audit.models import AuditEntry
from perhekeskus.audit.registry import all_actions, get_action, register
from perhekeskus.audit.services import audit_record


def test_registry_refuses_names_that_are_not_app_entity_verb() -> None:
    with pytest.raises(ValueError, match=r"app\.entity\.verb"):
        register("Login", _("Logged in"))


def test_registry_refuses_a_name_twice() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        register("accounts.user.login", _("Logged in"))


def test_every_app_registers_its_actions_at_start_up() -> None:
    names = {action.name for action in all_actions()}
    assert {
        "accounts.user.login",
        "accounts.user.logout",
        "accounts.user.login_failed",
        "accounts.role.grant",
        "accounts.role.revoke",
        "audit.log.view",
    } <= names


@pytest.mark.django_db
def test_record_refuses_an_unregistered_action() -> None:
    with pytest.raises(ValueError, match="not registered"):
        audit_record(action="accounts.user.teleport")
    assert AuditEntry.objects.count() == 0


@pytest.mark.django_db
def test_record_keeps_actor_target_ip_and_details(rf, professional) -> None:  # type: ignore[no-untyped-def]
    request = rf.get("/", REMOTE_ADDR="10.1.2.3")
    entry = audit_record(
        action="accounts.user.view",
        actor=professional,
        target=professional,
        request=request,
        details={"why": "test"},
    )
    entry.refresh_from_db()
    assert entry.actor == professional
    assert entry.actor_label == professional.email
    assert entry.target_type == "accounts.user"
    assert entry.target_id == str(professional.pk)
    assert entry.ip_address == "10.1.2.3"
    assert entry.details == {"why": "test"}
    assert str(get_action(entry.action).label)


@pytest.mark.django_db
def test_record_refuses_to_go_without_a_reason_where_the_law_asks_one() -> None:
    register("audit.test_only.read_outside_team", _("test"), requires_reason=True)
    with pytest.raises(ValueError, match="requires a reason"):
        audit_record(action="audit.test_only.read_outside_team")
    entry = audit_record(action="audit.test_only.read_outside_team", reason="on call")
    assert entry.reason == "on call"
