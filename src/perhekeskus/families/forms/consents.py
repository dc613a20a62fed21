"""The consents' forms: recording a consent, another guardian giving it, revoking it, reading
under a law, reviewing such a reading, and the access log printout's days."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.models import Organization
from perhekeskus.core.forms import FinnishDateField, LenientForm, finnish_date
from perhekeskus.families.forms.common import (
    DATE_HELP,
    DEFAULT_VALIDITY_DAYS,
    SHARED_CATEGORIES,
    TEXT_MAX,
    ConsentFields,
    textarea,
)
from perhekeskus.families.models import (
    Child,
    ConsentMethod,
    Family,
    Guardian,
    LegalBasis,
)


@dataclass
class ConsentFormData:
    """A consent as the form gives it (the fields of `services.consents.ConsentData`)."""

    purpose: str
    recipients: list[Organization]
    categories: list[str]
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    given_by: list[int]
    method: str
    child_views: dict[int, str] = field(default_factory=dict)
    note: str = ""


def recipient_choices(family: Family) -> QuerySet[Organization]:
    """The organisations a consent can name: those working in the family's municipality (or
    in no particular one) and the record's own organisation."""
    return (
        Organization.objects.filter(
            Q(municipalities=family.municipality_id)
            | Q(municipalities__isnull=True)
            | Q(pk=family.organization_id)
        )
        .distinct()
        .order_by("name")
    )


def guardian_label(guardian: Guardian) -> str:
    return f"{guardian.name} ({guardian.get_custody_role_display()})"


class ConsentForm(ConsentFields):
    def __init__(
        self,
        *args: Any,
        family: Family,
        guardians: Sequence[Guardian],
        children: Sequence[Child],
        **kwargs: Any,
    ) -> None:
        today = timezone.localdate()
        kwargs.setdefault(
            "initial",
            {
                "valid_from": finnish_date(today),
                "valid_until": finnish_date(today + datetime.timedelta(days=DEFAULT_VALIDITY_DAYS)),
                "given_on": finnish_date(today),
            },
        )
        super().__init__(*args, **kwargs)
        self.children = list(children)
        recipients = self.fields["recipients"]
        assert isinstance(recipients, forms.ModelMultipleChoiceField)
        recipients.queryset = recipient_choices(family)
        given_by = self.fields["given_by"]
        assert isinstance(given_by, forms.TypedMultipleChoiceField)
        given_by.choices = [(i, guardian_label(g)) for i, g in enumerate(guardians)]
        for index, child in enumerate(self.children):
            age = child.age_on(today)
            self.fields[f"child_view_{index}"] = forms.CharField(
                label=(
                    _("%(name)s's own view (age %(age)s)") % {"name": child.name, "age": age}
                    if age is not None
                    else _("%(name)s's own view") % {"name": child.name}
                ),
                required=False,
                max_length=TEXT_MAX,
                widget=textarea(2),
                help_text=_("In the child's own words, if the child was heard."),
            )

    def clean_given_on(self) -> datetime.date | None:
        value: datetime.date | None = self.cleaned_data.get("given_on")
        if value is not None and value > timezone.localdate():
            raise forms.ValidationError(_("The day cannot be in the future."))
        return value

    def child_view_fields(self) -> list[forms.BoundField]:
        return [self[f"child_view_{index}"] for index in range(len(self.children))]

    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if not name.startswith("child_view_")]

    def to_data(self) -> ConsentFormData:
        data = self.cleaned_data
        return ConsentFormData(
            purpose=data["purpose"],
            recipients=list(data["recipients"]),
            categories=list(data["categories"]),
            valid_from=data["valid_from"],
            valid_until=data["valid_until"],
            given_by=list(data["given_by"]),
            method=data["method"],
            child_views={
                index: data.get(f"child_view_{index}", "") for index in range(len(self.children))
            },
            note=data.get("note", ""),
        )


class GiveForm(forms.Form):
    guardian = forms.TypedChoiceField(label=_("Guardian"), coerce=int, choices=[])
    method = forms.ChoiceField(
        label=_("How it was given"), choices=ConsentMethod.choices, widget=forms.RadioSelect
    )
    given_on = FinnishDateField(label=_("Given on"), help_text=DATE_HELP)

    def __init__(self, *args: Any, guardians: Sequence[Guardian], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"given_on": finnish_date(timezone.localdate())})
        super().__init__(*args, **kwargs)
        guardian = self.fields["guardian"]
        assert isinstance(guardian, forms.TypedChoiceField)
        guardian.choices = [(g.pk, guardian_label(g)) for g in guardians]
        if len(guardians) > 1:
            guardian.choices = [("", _("Choose…")), *guardian.choices]


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=TEXT_MAX,
        widget=textarea(3),
        help_text=_("Kept in the audit log only. Do not write the family's details here."),
    )


class LegalAccessForm(forms.Form):
    basis = forms.ChoiceField(
        label=_("Legal basis"), choices=LegalBasis.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=TEXT_MAX,
        widget=textarea(4),
        help_text=_(
            "Why you need to read the family's data without their consent. A coordinator "
            "reviews every reading under a law and reads this."
        ),
    )
    categories = forms.MultipleChoiceField(
        label=_("Data you need"),
        choices=SHARED_CATEGORIES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The family and its team are always included. Ask only for what you need."),
    )
    personal_identity_code = forms.CharField(
        label=_("Personal identity code of a child or guardian"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text=_("For example 010190-123A."),
    )


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Review note"),
        required=False,
        max_length=TEXT_MAX,
        widget=textarea(3),
        help_text=_("What you checked, and whether the reading was justified."),
    )


class ReviewFilterForm(LenientForm):
    ALL = ""
    OPEN = "open"
    REVIEWED = "reviewed"
    CHOICES = [
        (ALL, _("All")),
        (OPEN, _("Waiting for review")),
        (REVIEWED, _("Reviewed")),
    ]
    status = forms.ChoiceField(label=_("Show"), choices=CHOICES, required=False)
    notes_by_field = {"status": _("“%(value)s” is not a choice of the list: showing all.")}


class AccessLogDaysForm(LenientForm):
    since = FinnishDateField(label=_("First day"), required=False, help_text=DATE_HELP)
    until = FinnishDateField(label=_("Last day"), required=False, help_text=DATE_HELP)
    notes_by_field = {
        "since": _("“%(value)s” is not a date: showing the log from the beginning."),
        "until": _("“%(value)s” is not a date: showing the log to this day."),
    }
