from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "perhekeskus.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from perhekeskus.events import (
            actions,  # noqa: F401  (registers audit actions)
            checks,  # noqa: F401  (deploy check E106)
        )
        from perhekeskus.events.happenings import register as register_happenings
        from perhekeskus.events.jobs import register as register_jobs
        from perhekeskus.events.views.pro.cards import register_cards

        register_jobs()  # reminders, offers that expire, anonymisation
        register_cards()  # the organiser's card on the professional's own page
        # Today's events on the finder's map, upcoming ones on service cards and organisation
        # pages: the finder asks core.happenings, so it imports nothing of this app.
        register_happenings()
