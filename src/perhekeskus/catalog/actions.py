from django.utils.translation import gettext_lazy as _

from perhekeskus.audit.registry import register

ORGANIZATION_CREATE = register("catalog.organization.create", _("Created an organisation"))
ORGANIZATION_UPDATE = register("catalog.organization.update", _("Changed an organisation"))
SERVICE_CREATE = register("catalog.service.create", _("Created a service description"))
SERVICE_UPDATE = register("catalog.service.update", _("Changed a service description"))
SERVICE_PUBLISH = register("catalog.service.publish", _("Published a service description"))
SERVICE_UNPUBLISH = register(
    "catalog.service.unpublish", _("Returned a service description to draft")
)
SERVICE_SUBMIT = register("catalog.service.submit", _("Sent a service description for approval"))
SERVICE_APPROVE = register("catalog.service.approve", _("Approved a service description"))
SERVICE_RETURN = register("catalog.service.return", _("Returned a service description for changes"))
SERVICE_DRAFT = register(
    "catalog.service.draft", _("Saved changes of a service description for approval")
)
SERVICE_VERIFY = register("catalog.service.verify", _("Verified a service description"))
LOCATION_CREATE = register("catalog.location.create", _("Created a location"))
LOCATION_UPDATE = register("catalog.location.update", _("Changed a location"))
IMPORT_RUN = register("catalog.import.run", _("Imported catalogue data"))
EXPORT_RUN = register("catalog.export.run", _("Exported catalogue data"))
