from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    name = "perhekeskus.appointments"
    label = "appointments"
    verbose_name = _("Appointments")

    def ready(self) -> None:
        from perhekeskus.appointments import (
            actions,  # noqa: F401  (registers audit actions)
            checks,  # noqa: F401  (registers the deploy checks)
        )
        from perhekeskus.appointments.jobs import register as register_jobs

        register_jobs()  # the reminder (every minute) and anonymisation (daily) jobs
        self._register_pro_cards()
        self._register_service_actions()

    @staticmethod
    def _register_service_actions() -> None:
        # "Book an appointment" on the finder's service card, which may not import this app.
        from perhekeskus.appointments.views.public import service_card_actions
        from perhekeskus.core import service_actions

        service_actions.register("appointments", service_card_actions)

    @staticmethod
    def _register_pro_cards() -> None:
        from perhekeskus.appointments.selectors_pro import (
            may_set_up_appointment_types,
            may_use_calendar,
        )
        from perhekeskus.core.dashboard import Card, register

        register(
            Card(
                "appointments.calendar",
                _("Appointments"),
                _("Your calendar of bookings, your working hours, blocked time and calendar feed."),
                "appointments_pro:calendar",
                may_use_calendar,
                order=15,
            )
        )
        register(
            Card(
                "appointments.types",
                _("Appointment types"),
                _(
                    "What families can book from your organisation's services, and the questions "
                    "asked."
                ),
                "appointments_pro:types",
                may_set_up_appointment_types,
                order=45,
            )
        )
