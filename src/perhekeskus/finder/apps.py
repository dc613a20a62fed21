from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinderConfig(AppConfig):
    """The family-facing service finder: search that understands Finnish, Swedish and English,
    service cards, the map of meeting places."""

    name = "perhekeskus.finder"
    label = "finder"
    verbose_name = _("Service finder")

    def ready(self) -> None:
        import datetime as dt

        from perhekeskus.catalog.listeners import on_services_changed
        from perhekeskus.core.jobs import periodic
        from perhekeskus.finder import actions  # noqa: F401  (registers audit actions)
        from perhekeskus.finder.services import search_index_after_change, zero_result_purge

        # Retention of the unmet-search counts, daily (`purge-unmet-searches` runs it by hand).
        periodic("finder.unmet_searches.purge", every=dt.timedelta(days=1), job=zero_result_purge)

        # The catalogue tells the finder when services change; it does not import the finder.
        on_services_changed(search_index_after_change)
