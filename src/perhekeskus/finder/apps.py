from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinderConfig(AppConfig):
    """The family-facing service finder: search that understands Finnish, Swedish and English,
    service cards, the map of meeting places."""

    name = "perhekeskus.finder"
    label = "finder"
    verbose_name = _("Service finder")

    def ready(self) -> None:
        from perhekeskus.finder import actions  # noqa: F401  (registers audit actions)
