from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "perhekeskus.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from perhekeskus.audit import actions  # noqa: F401  (registers the audit app's actions)
        from perhekeskus.audit.guard import register_sqlite_function

        connection_created.connect(register_sqlite_function, dispatch_uid="audit-sqlite-guard")

        from perhekeskus.audit.policies import can_view_audit_log
        from perhekeskus.core.dashboard import Card, register

        register(
            Card(
                "audit.log",
                _("Audit log"),
                _("Who did what and when: logins, changes and views of personal data."),
                "audit:log",
                can_view_audit_log,
                order=60,
            )
        )
