from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "perhekeskus.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        import datetime as dt

        from django.contrib import admin

        from perhekeskus.core import (
            checks,  # noqa: F401  (registers the deploy checks)
            security_checks,  # noqa: F401  (registers them too)
        )
        from perhekeskus.core.jobs import admin as jobs_admin
        from perhekeskus.core.jobs import checks as jobs_checks  # noqa: F401  (registers it)
        from perhekeskus.core.jobs import periodic
        from perhekeskus.core.jobs.retention import jobs_prune
        from perhekeskus.core.outbox import outbox_purge, outbox_send_due

        jobs_admin.register(admin.site)
        # The outbox's schedule (the `send-outbox` command remains for a manual run).
        periodic("core.outbox.send", every=dt.timedelta(minutes=1), job=outbox_send_due)
        periodic("core.outbox.purge", every=dt.timedelta(days=1), job=outbox_purge)
        periodic("core.jobs.prune", every=dt.timedelta(days=1), job=jobs_prune)
