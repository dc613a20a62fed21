from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "perhekeskus.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from perhekeskus.core import (
            checks,  # noqa: F401  (registers the deploy checks)
            security_checks,  # noqa: F401  (registers them too)
        )
