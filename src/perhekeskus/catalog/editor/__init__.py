"""The catalogue editor: where organisation editors keep their own services and locations current
and coordinators see what has not been verified for a year.

A Django admin site of its own (not the technical /admin/): it opens to organisation editors and
coordinators by their roles. Permissions are structural: each ModelAdmin declares the
organisation of its objects (`organization_paths`), and `PolicyAdminMixin` derives from it the
list (`get_queryset`), the object permissions and the choices in dropdowns, so that another
organisation's object answers exactly like a missing one. Every save is one call of a
`catalog.services` use case (`service_create`/`service_update`, `location_create`/
`location_update`), which locks, checks the policy, writes the form and its inlines, versions
and audits in its own transaction.
"""

from perhekeskus.catalog.editor import descriptions, pending, places  # noqa: F401  (register the admins)
from perhekeskus.catalog.editor.base import PolicyAdminMixin
from perhekeskus.catalog.editor.site import editor_site

__all__ = ["PolicyAdminMixin", "editor_site"]
