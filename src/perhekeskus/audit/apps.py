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
