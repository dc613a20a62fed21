from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.selectors import municipality_list, organization_list
from perhekeskus.intake.models import EarlySupportTeam
from perhekeskus.intake.selectors import team_member_candidates

if TYPE_CHECKING:  # a type only: the choices come from selectors
    from perhekeskus.catalog.models import Municipality


class TeamForm(forms.ModelForm):
    municipalities: forms.ModelMultipleChoiceField[Municipality] = forms.ModelMultipleChoiceField(
        label=_("Municipalities"),
        queryset=None,  # set in __init__
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Help requests from these municipalities come to this team."),
    )
    members: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Members"),
        queryset=None,  # set in __init__
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Only users with the early-support team role are listed."),
    )

    class Meta:
        model = EarlySupportTeam
        fields = (
            "name",
            "organization",
            "notification_email",
            "first_contact_target_days",
            "is_active",
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organization_list()  # type: ignore[attr-defined]
        self.fields["municipalities"].queryset = municipality_list()  # type: ignore[attr-defined]
        self.fields["members"].queryset = team_member_candidates()  # type: ignore[attr-defined]
        if self.instance.pk:
            self.initial["municipalities"] = list(self.instance.municipalities.all())
            self.initial["members"] = list(self.instance.members.all())
