from django.utils.translation import gettext_lazy as _

from perhekeskus.audit.registry import register

USER_LOGIN = register("accounts.user.login", _("Logged in"))
USER_LOGOUT = register("accounts.user.logout", _("Logged out"))
USER_IDLE_LOGOUT = register(
    "accounts.user.idle_logout", _("Logged out after a time without activity")
)
USER_LOGIN_FAILED = register("accounts.user.login_failed", _("Failed login"))
USER_LOCKED_OUT = register("accounts.user.locked_out", _("Account locked after failed logins"))
USER_CREATE = register("accounts.user.create", _("Created a user"))
USER_UPDATE = register("accounts.user.update", _("Changed a user's details"))
USER_DEACTIVATE = register("accounts.user.deactivate", _("Deactivated a user"))
USER_ACTIVATE = register("accounts.user.activate", _("Reactivated a user"))
ROLE_GRANT = register("accounts.role.grant", _("Granted a role"))
ROLE_REVOKE = register("accounts.role.revoke", _("Revoked a role"))
PASSWORD_RESET_REQUEST = register(
    "accounts.password.reset_request", _("Asked for a password reset")
)
PASSWORD_RESET = register("accounts.password.reset", _("Set a new password with a reset link"))
PASSWORD_CHANGE = register("accounts.password.change", _("Changed their password"))
TOTP_ENROLL = register("accounts.totp.enroll", _("Turned on two-factor authentication"))
TOTP_VERIFY_FAILED = register("accounts.totp.verify_failed", _("Entered a wrong two-factor code"))
TOTP_RESET = register("accounts.totp.reset", _("Removed a user's authenticator"))
USER_VIEW = register("accounts.user.view", _("Viewed a user's account details"))
