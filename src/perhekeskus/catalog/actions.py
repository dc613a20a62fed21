from django.utils.translation import gettext_lazy as _

from perhekeskus.audit.registry import register

ORGANIZATION_CREATE = register("catalog.organization.create", _("Created an organisation"))
ORGANIZATION_UPDATE = register("catalog.organization.update", _("Changed an organisation"))
