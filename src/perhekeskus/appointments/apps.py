from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    name = "perhekeskus.appointments"
    label = "appointments"
    verbose_name = _("Appointments")

    def ready(self) -> None:
        from perhekeskus.appointments import actions  # noqa: F401  (registers audit actions)
        from perhekeskus.appointments.jobs import register as register_jobs

        register_jobs()  # the reminder (every minute) and anonymisation (daily) jobs
        self._register_service_actions()

    @staticmethod
    def _register_service_actions() -> None:
        # "Book an appointment" on the finder's service card, which may not import this app.
        from perhekeskus.appointments.views.public import service_card_actions
        from perhekeskus.core import service_actions

        service_actions.register("appointments", service_card_actions)
