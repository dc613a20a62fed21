from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "perhekeskus.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from perhekeskus.accounts import actions  # noqa: F401  (registers audit actions)
        from perhekeskus.accounts.audit_targets import register_audit_targets
        from perhekeskus.accounts.policies import can_manage_users
        from perhekeskus.core.dashboard import Card, register

        register_audit_targets()
        from perhekeskus.accounts.review_notices import review_requested_notice
        from perhekeskus.catalog.listeners import on_review_requested

        on_review_requested(review_requested_notice)
        register(
            Card(
                "accounts.users",
                _("Users"),
                _("Add professionals, change their roles, deactivate accounts."),
                "accounts:user_list",
                can_manage_users,
                order=50,
            )
        )
        register(
            Card(
                "accounts.password",
                _("Change password"),
                _("Choose a new password for your account."),
                "accounts:password_change",
                lambda user: True,
                order=900,
            )
        )
