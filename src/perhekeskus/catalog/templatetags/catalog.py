from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from perhekeskus.catalog.display import localized

register = template.Library()


@register.simple_tag
def localized_text(instance: Any, field: str) -> SafeString:
    """`{% localized_text service "description" %}`: the text in the page's language, or another
    language's text marked with its lang and a visible note."""
    result = localized(instance, field)
    if not result.is_fallback:
        return format_html("{}", result.text)
    language = get_language_info(result.language)["name_translated"]
    return format_html(
        '<span lang="{}">{}</span> <span class="fallback-note">({})</span>',
        result.language,
        result.text,
        _("only available in %(language)s") % {"language": language.lower()},
    )
