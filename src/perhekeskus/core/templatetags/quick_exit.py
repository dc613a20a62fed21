"""`{% quick_exit_url %}`: where "Leave this page quickly" goes (PERHEKESKUS_QUICK_EXIT_URL).

Used by `core/includes/quick_exit.html`, so that any page can include the button without its
view passing anything."""

from __future__ import annotations

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def quick_exit_url() -> str:
    return str(settings.PERHEKESKUS_QUICK_EXIT_URL)
