"""Forms of referrals, the receiving organisation's answers, and correction requests. They
check shapes only; what the consent allows is the services' to decide."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from perhekeskus.catalog.display import localized
from perhekeskus.catalog.models import Organization, Service
from perhekeskus.families.forms.common import textarea
from perhekeskus.families.models import (
    CorrectionStatus,
    DataCategory,
    Guardian,
    ReferralStatus,
    TeamRole,
)
from perhekeskus.families.selectors_referrals import INBOX_ALL, INBOX_OPEN
from perhekeskus.families.services.referrals import (
    MESSAGE_MAX_LENGTH,
    REASON_MAX_LENGTH,
    SENDABLE,
)
from perhekeskus.families.services.subject import TEXT_MAX_LENGTH


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return localized(obj, "name").text


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return localized(obj, "name").text


class ReferralOrganizationForm(forms.Form):
    """The first step: where the referral goes (sent with GET; the second step lists that
    organisation's services)."""

    to_organization = OrganizationChoiceField(
        label=_("Organisation the referral goes to"),
        queryset=Organization.objects.none(),
        empty_label=_("Choose an organisation"),
    )

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to_organization"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organizations


class ReferralSendForm(forms.Form):
    to_organization = forms.UUIDField(widget=forms.HiddenInput)
    to_service = ServiceChoiceField(
        label=_("Service"),
        queryset=Service.objects.none(),
        required=False,
        empty_label=_("No particular service"),
        help_text=_("A service of the organisation, if the referral is to one of them."),
    )
    categories = forms.MultipleChoiceField(
        label=_("Data sent with the referral"),
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The family's basic information (names, ages, the team) and the referral itself "
            "are always sent. The receiver reads the data only while the family's consent "
            "covers it."
        ),
    )
    message = forms.CharField(
        label=_("What the referral is about"),
        widget=textarea(6),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("The receiver and the family read this."),
    )

    def __init__(self, *args: Any, services: Any, readable: Iterable[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        service_field = self.fields["to_service"]
        assert isinstance(service_field, forms.ModelChoiceField)
        service_field.queryset = services
        allowed = set(readable)
        category_field = self.fields["categories"]
        assert isinstance(category_field, forms.MultipleChoiceField)
        category_field.choices = [
            (value, DataCategory(value).label) for value in SENDABLE if value in allowed
        ]


class ReferralAcceptForm(forms.Form):
    join_team_role = forms.ChoiceField(
        label=_("Join the family's team"),
        choices=[("", _("Do not join the team")), *TeamRole.choices],
        required=False,
        help_text=_(
            "Joining lets you read what the family's consent covers for your organisation, "
            "as a member of their team."
        ),
    )


class ReferralDeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=textarea(4),
        max_length=REASON_MAX_LENGTH,
        help_text=_("The sender and the family read the reason."),
    )


class InboxFilterForm(forms.Form):
    CHOICES = [
        (INBOX_OPEN, pgettext_lazy("referrals", "Open")),
        *ReferralStatus.choices,
        (INBOX_ALL, pgettext_lazy("referrals", "All")),
    ]
    status = forms.ChoiceField(choices=CHOICES, required=False)


class CorrectionRecordForm(forms.Form):
    guardian = forms.TypedChoiceField(
        label=_("Who asked"),
        coerce=int,
        choices=[],
        required=False,
        empty_value=None,
    )
    text = forms.CharField(
        label=_("What should be corrected"),
        widget=textarea(5),
        max_length=TEXT_MAX_LENGTH,
        help_text=_("In the family's words: which data is wrong and what it should say."),
    )

    def __init__(self, *args: Any, guardians: Iterable[Guardian], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["guardian"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", _("The family (no one guardian)"))] + [
            (guardian.pk, guardian.name) for guardian in guardians
        ]


class CorrectionHandleForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (CorrectionStatus.CORRECTED.value, CorrectionStatus.CORRECTED.label),
            (CorrectionStatus.REJECTED.value, CorrectionStatus.REJECTED.label),
        ],
        widget=forms.RadioSelect,
    )
    response = forms.CharField(
        label=_("Answer to the family"),
        widget=textarea(5),
        max_length=TEXT_MAX_LENGTH,
        help_text=_(
            "What was corrected, or why the data was not corrected. The family reads this; "
            "if nothing was corrected, tell them they may take the matter to the Data "
            "Protection Ombudsman."
        ),
    )
