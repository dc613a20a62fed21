from django.utils.translation import gettext_lazy as _

from perhekeskus.audit.registry import register

NEED_CHANGE = register("finder.need.change", _("Changed a life situation of the need thesaurus"))
UNMET_DELETE = register("finder.unmet.delete", _("Deleted counts of searches without results"))
