from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "perhekeskus.catalog"
    label = "catalog"
    verbose_name = _("Service catalogue")

    def ready(self) -> None:
        import datetime as dt

        from perhekeskus.catalog import actions  # noqa: F401  (registers audit actions)
        from perhekeskus.catalog.audit_targets import register_audit_targets
        from perhekeskus.catalog.policies import (
            can_use_catalog_editor,
            can_view_review_queue,
            can_view_stale_services,
        )
        from perhekeskus.catalog.services import pending_import_purge
        from perhekeskus.core.dashboard import Card, register
        from perhekeskus.core.jobs import periodic

        register_audit_targets()
        # The documents imports keep waiting, past PENDING_IMPORT_RETENTION_DAYS, daily
        # (`purge-pending-imports` runs it by hand).
        periodic(
            "catalog.pending_imports.purge", every=dt.timedelta(days=1), job=pending_import_purge
        )
        register(
            Card(
                "catalog.editor",
                _("Service descriptions"),
                _("Keep your organisation's services, places and opening hours current."),
                "catalog_editor:catalog_service_changelist",
                can_use_catalog_editor,
                order=20,
            )
        )
        register(
            Card(
                "catalog.stale",
                _("Services to verify"),
                _("Service descriptions not verified in the last 12 months."),
                "catalog_editor:catalog_service_changelist",
                can_view_stale_services,
                query="verified=stale",
                order=30,
            )
        )
        register(
            Card(
                "catalog.review",
                _("Services waiting for approval"),
                _("Approve or return the publications and changes that editors sent."),
                "catalog_review:queue",
                can_view_review_queue,
                order=25,
            )
        )
