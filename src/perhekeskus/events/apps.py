from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "perhekeskus.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from perhekeskus.events import (
            actions,  # noqa: F401  (registers audit actions)
        )
