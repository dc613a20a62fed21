from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FamiliesConfig(AppConfig):
    name = "perhekeskus.families"
    label = "families"
    verbose_name = _("Family coordination")

    def ready(self) -> None:
        from perhekeskus.families import (
            actions,  # noqa: F401  (registers audit actions)
            checks,  # noqa: F401  (deploy check E107)
        )
        from perhekeskus.families.cards import register_cards
        from perhekeskus.families.jobs import register as register_jobs

        register_cards()  # the families, inbox and review cards on the professional's own page
        register_jobs()  # anonymisation of closed records, expired sign-in links
