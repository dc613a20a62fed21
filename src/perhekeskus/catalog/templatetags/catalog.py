from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.display import localized

register = template.Library()

# Whole sentences per language: Finnish inflects the language name ("vain suomeksi").
FALLBACK_NOTES = {
    "fi": _("only available in Finnish"),
    "sv": _("only available in Swedish"),
    "en": _("only available in English"),
}


@register.simple_tag
def localized_text(instance: Any, field: str) -> SafeString:
    """`{% localized_text service "description" %}`: the text in the page's language, or another
    language's text marked with its lang and a visible note."""
    result = localized(instance, field)
    if not result.is_fallback:
        return format_html("{}", result.text)
    return format_html(
        '<span lang="{}">{}</span> <span class="fallback-note">({})</span>',
        result.language,
        result.text,
        FALLBACK_NOTES.get(result.language, FALLBACK_NOTES["fi"]),
    )


@register.simple_tag
def access_facts(location: Any) -> list[Any]:
    """`{% access_facts place.location as facts %}`: what is known of the place's
    accessibility (`catalog.accessibility`)."""
    from perhekeskus.catalog.accessibility import accessibility_facts

    return list(accessibility_facts(location))
