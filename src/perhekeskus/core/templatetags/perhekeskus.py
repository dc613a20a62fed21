from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django import forms, template
from django.conf import settings
from django.forms.boundfield import BoundField
from django.utils.safestring import SafeString

from perhekeskus.core import crisis

register = template.Library()


@register.filter
def aria(field: BoundField) -> SafeString:
    """Render a widget tied to its help text and errors for screen readers
    (aria-describedby, aria-invalid), as WCAG 3.3.1 and 1.3.1 ask."""
    described_by = []
    attrs: dict[str, str | bool] = {}
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def is_multiple_choice(field: BoundField) -> bool:
    return isinstance(field.field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect)


@register.simple_tag
def page_url(query: str, number: int) -> str:
    return f"?{query}&page={number}" if query else f"?page={number}"


@register.simple_tag
def crisis_lines(group: str = "urgent") -> tuple[crisis.CrisisLine, ...]:
    """The emergency and crisis lines of one box, from the one list (core.crisis)."""
    return crisis.crisis_lines(group)


@register.simple_tag
def crisis_line(key: str) -> crisis.CrisisLine:
    return crisis.crisis_line(key)


@register.simple_tag
def privacy_facts() -> dict[str, object]:
    """What the privacy page states from the settings, so that it stays true when they change:
    the map tile server (none: no map is drawn) and how long help requests are kept."""
    tile_url = getattr(settings, "PERHEKESKUS_TILE_URL", "")
    return {
        "tile_host": urlsplit(tile_url).netloc if tile_url else "",
        "tiles_from_us": bool(tile_url) and not urlsplit(tile_url).netloc,
        "retention_days": settings.PERHEKESKUS_HELP_REQUEST_RETENTION_DAYS,
    }


# The accessibility statement's dates: when it was written and when the service was last
# assessed (a review by hand on phone and desktop, keyboard, without JavaScript and at 320 px,
# and the automatic axe-core checks in the browser tests). Update both with each assessment.
ACCESSIBILITY_STATEMENT_DATE = dt.date(2026, 12, 4)
ACCESSIBILITY_ASSESSED_DATE = dt.date(2026, 12, 4)


@register.simple_tag
def accessibility_facts() -> dict[str, object]:
    return {
        "statement_date": ACCESSIBILITY_STATEMENT_DATE,
        "assessed_date": ACCESSIBILITY_ASSESSED_DATE,
        "feedback_email": settings.PERHEKESKUS_ACCESSIBILITY_FEEDBACK_EMAIL,
    }
