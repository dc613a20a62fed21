from django.utils.translation import gettext_lazy as _

from perhekeskus.audit.registry import register

NEED_CHANGE = register("finder.need.change", _("Changed a life situation of the need thesaurus"))
