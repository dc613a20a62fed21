from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.audit.registry import all_actions
from perhekeskus.audit.selectors import AuditFilters


def _app_name(label: str) -> str:
    try:
        return str(apps.get_app_config(label).verbose_name)
    except LookupError:
        return label


def _action_choices() -> list[tuple[str, Any]]:
    """The actions by their translated labels, grouped by the app they belong to (usability
    review m17: not 45 internal codes in one list)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for action in all_actions():
        app = _app_name(action.name.split(".", 1)[0])
        groups.setdefault(app, []).append((action.name, str(action.label)))
    choices: list[tuple[str, Any]] = [("", _("All actions"))]
    for app in sorted(groups):
        choices.append((app, sorted(groups[app], key=lambda choice: choice[1])))
    return choices


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False, choices=_action_choices)
    actor = forms.CharField(label=_("Actor's e-mail"), required=False, max_length=254)
    target_type = forms.CharField(label=_("Target type"), required=False, max_length=100)
    target_id = forms.CharField(label=_("Target ID"), required=False, max_length=64)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To (inclusive)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date must not be before the start date."))
        return cleaned

    def filters(self) -> AuditFilters:
        data = self.cleaned_data
        tz = timezone.get_current_timezone()

        def start_of(day: dt.date | None) -> dt.datetime | None:
            return dt.datetime.combine(day, dt.time.min, tzinfo=tz) if day else None

        until = data.get("until")
        return AuditFilters(
            action=data.get("action", ""),
            actor=data.get("actor", "").strip(),
            target_type=data.get("target_type", "").strip(),
            target_id=data.get("target_id", "").strip(),
            since=start_of(data.get("since")),
            until=start_of(until + dt.timedelta(days=1)) if until else None,
        )
