from django.utils.translation import gettext_lazy as _

from perhekeskus.audit.registry import register

AUDIT_LOG_VIEW = register("audit.log.view", _("Viewed the audit log"))
