from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.models import Municipality
from perhekeskus.catalog.selectors import organization_list
from perhekeskus.core.roles import Role
from perhekeskus.intake.models import EarlySupportTeam


class TeamForm(forms.ModelForm):
    municipalities: forms.ModelMultipleChoiceField[Municipality] = forms.ModelMultipleChoiceField(
        label=_("Municipalities"),
        queryset=Municipality.objects.order_by("name"),
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
        from perhekeskus.accounts.models import User

        self.fields["organization"].queryset = organization_list()  # type: ignore[attr-defined]
        self.fields["members"].queryset = (  # type: ignore[attr-defined]
            User.objects.filter(is_active=True, role_grants__role=Role.EARLY_SUPPORT_TEAM)
            .select_related("organization")
            .order_by("full_name")
        )
        if self.instance.pk:
            self.initial["municipalities"] = list(self.instance.municipalities.all())
            self.initial["members"] = list(self.instance.members.all())
