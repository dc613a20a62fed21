from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "perhekeskus.intake"
    label = "intake"
    verbose_name = _("Help requests")

    def ready(self) -> None:
        import datetime as dt

        from django.conf import settings

        from perhekeskus.core.dashboard import Card, register
        from perhekeskus.core.jobs import periodic
        from perhekeskus.intake import actions  # noqa: F401  (registers audit actions)
        from perhekeskus.intake.policies import can_manage_teams, can_use_triage_board
        from perhekeskus.intake.services import help_requests_anonymize

        def anonymize_help_requests() -> None:
            days = settings.PERHEKESKUS_HELP_REQUEST_RETENTION_DAYS
            help_requests_anonymize(older_than_days=days)

        # The retention job, daily on the job runner (`anonymize-help-requests` runs it by hand).
        periodic("intake.help_requests.anonymize", dt.timedelta(days=1), anonymize_help_requests)

        register(
            Card(
                "intake.board",
                _("Help requests"),
                _(
                    "Requests from families to your early-support team, and the team's weekly meetings."  # noqa: E501
                ),
                "intake:board",
                can_use_triage_board,
                order=10,
            )
        )
        register(
            Card(
                "intake.teams",
                _("Early-support teams"),
                _("Who is in each team and which municipalities' requests it receives."),
                "teams:list",
                can_manage_teams,
                order=40,
            )
        )
