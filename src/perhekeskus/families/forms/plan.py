"""Forms of the support plan, its actions, network meetings and notes. They only parse input:
their choices (the family's people and team) come from `selectors_plan` through the view, and the
rules (who may, whom an action may be given to, who may be invited) live in `services.plan` and
come back as ValidationError."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from perhekeskus.core.forms import FinnishDateField, FinnishDateTimeField
from perhekeskus.families.forms.common import textarea
from perhekeskus.families.models import ActionStatus, PlanStatus
from perhekeskus.families.services.plan import (
    ACTION_TEXT_MAX,
    ASSIGNEE_TEXT_MAX,
    GOALS_MAX,
    MINUTES_MAX,
    NOTE_MAX,
    PLACE_MAX,
    AgreedItem,
)

AGREED_ROWS = 5

Choices = Sequence[tuple[int, str]]


def _assignee_field(assignees: Choices, *, label: Any = None) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label or _("Who does it"),
        choices=[("", _("Someone named in words (below)")), *assignees],
        coerce=int,
        empty_value=None,
        required=False,
    )


def _assignee_text_field(*, label: Any = None) -> forms.CharField:
    return forms.CharField(
        label=label or _("Or who, in words"),
        max_length=ASSIGNEE_TEXT_MAX,
        required=False,
        help_text=_("For example “Mother”, “Father” or “The family”."),
    )


def _people_field(label: Any, choices: Choices) -> forms.TypedMultipleChoiceField:
    return forms.TypedMultipleChoiceField(
        label=label,
        choices=list(choices),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class PlanForm(forms.Form):
    goals = forms.CharField(
        label=_("Goals, in the family's own words"),
        max_length=GOALS_MAX,
        widget=textarea(8),
        help_text=_("Write what the family wants to change, as the family says it."),
    )
    follow_up_on = FinnishDateField(label=_("Next follow-up"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=PlanStatus.choices)


class ActionForm(forms.Form):
    text = forms.CharField(label=_("What is done"), max_length=ACTION_TEXT_MAX, widget=textarea(3))

    def __init__(self, *args: Any, assignees: Choices, with_status: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["assignee"] = _assignee_field(assignees)
        self.fields["assignee_text"] = _assignee_text_field()
        self.fields["due_on"] = FinnishDateField(label=_("By when"), required=False)
        if with_status:
            self.fields["status"] = forms.ChoiceField(
                label=_("Status"), choices=ActionStatus.choices
            )


class MeetingForm(forms.Form):
    starts_at = FinnishDateTimeField(
        label=_("Time"), help_text=_("d.m.yyyy h.mm, for example 14.1.2027 13.00.")
    )
    place = forms.CharField(
        label=pgettext_lazy("meeting", "Place"),
        max_length=PLACE_MAX,
        help_text=_("For example “Family centre, meeting room 2”. Never a home address."),
    )

    def __init__(
        self,
        *args: Any,
        guardians: Choices,
        children: Choices,
        professionals: Choices,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["guardians"] = _people_field(_("Guardians invited"), guardians)
        self.fields["children"] = _people_field(_("Children invited"), children)
        self.fields["professionals"] = _people_field(_("Professionals invited"), professionals)


class RecordForm(forms.Form):
    """Who took part, the minutes, and up to five agreed items (each becomes a plan action)."""

    def __init__(
        self,
        *args: Any,
        guardians: Choices,
        children: Choices,
        professionals: Choices,
        assignees: Choices,
        with_agreed: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["guardians"] = _people_field(_("Guardians who took part"), guardians)
        self.fields["children"] = _people_field(_("Children who took part"), children)
        self.fields["professionals"] = _people_field(
            _("Professionals who took part"), professionals
        )
        self.fields["minutes"] = forms.CharField(
            label=_("What was agreed"), max_length=MINUTES_MAX, widget=textarea(8)
        )
        self.with_agreed = with_agreed
        if with_agreed:
            for number in range(1, AGREED_ROWS + 1):
                self.fields[f"agreed_{number}_text"] = forms.CharField(
                    label=_("What is done"),
                    max_length=ACTION_TEXT_MAX,
                    required=False,
                    widget=textarea(2),
                )
                self.fields[f"agreed_{number}_assignee"] = _assignee_field(assignees)
                self.fields[f"agreed_{number}_assignee_text"] = _assignee_text_field()
                self.fields[f"agreed_{number}_due_on"] = FinnishDateField(
                    label=_("By when"), required=False
                )

    @property
    def people_fields(self) -> list[forms.BoundField]:
        return [self["guardians"], self["children"], self["professionals"]]

    @property
    def agreed_rows(self) -> list[tuple[int, list[forms.BoundField]]]:
        if not self.with_agreed:
            return []
        return [
            (
                number,
                [
                    self[f"agreed_{number}_{name}"]
                    for name in ("text", "assignee", "assignee_text", "due_on")
                ],
            )
            for number in range(1, AGREED_ROWS + 1)
        ]

    def agreed(self) -> list[AgreedItem]:
        data = self.cleaned_data
        if not self.with_agreed:
            return []
        items: list[AgreedItem] = []
        for number in range(1, AGREED_ROWS + 1):
            due: dt.date | None = data.get(f"agreed_{number}_due_on")
            items.append(
                AgreedItem(
                    text=data.get(f"agreed_{number}_text", "") or "",
                    assignee_id=data.get(f"agreed_{number}_assignee"),
                    assignee_text=data.get(f"agreed_{number}_assignee_text", "") or "",
                    due_on=due,
                )
            )
        return items


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), max_length=NOTE_MAX, widget=textarea(8))


class ConfirmForm(forms.Form):
    """No fields: the button is the whole form; errors come back as non-field errors."""
