from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "perhekeskus.intake"
    label = "intake"
    verbose_name = _("Help requests")

    def ready(self) -> None:
        from perhekeskus.intake import actions  # noqa: F401  (registers audit actions)
