"""What the families app's forms share: the limits and help texts they all use, a text box of a
given height, and the fields of a consent (recorded on a family's page or given when the record
is opened)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.models import Organization
from perhekeskus.core.forms import FinnishDateField
from perhekeskus.families.models import ConsentMethod, ConsentPurpose, DataCategory

# A consent is usually given for the time the support lasts; a year unless said otherwise.
DEFAULT_VALIDITY_DAYS = 365
TEXT_MAX = 2000
DATE_HELP = _("d.m.yyyy, for example 24.3.2027")
SHARED_CATEGORIES = [(c.value, c.label) for c in DataCategory if c != DataCategory.BASIC]


def textarea(rows: int = 5) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class ConsentFields(forms.Form):
    """A consent's fields; the forms that use it fill the recipients' and givers' choices (the
    consent given when a record is opened is given that day, without `given_on`)."""

    purpose = forms.ChoiceField(
        label=_("Purpose"), choices=ConsentPurpose.choices, widget=forms.RadioSelect
    )
    recipients: forms.ModelMultipleChoiceField[Organization] = forms.ModelMultipleChoiceField(
        label=_("Shared with (organisations)"),
        queryset=Organization.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The organisations whose professionals may read the data the consent covers."),
    )
    categories = forms.MultipleChoiceField(
        label=_("Data covered"),
        choices=SHARED_CATEGORIES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "That the family is a client, its members' names and ages and its team are part of "
            "every consent."
        ),
    )
    valid_from = FinnishDateField(label=_("Valid from"), help_text=DATE_HELP)
    valid_until = FinnishDateField(label=_("Valid until"), help_text=DATE_HELP)
    given_by = forms.TypedMultipleChoiceField(
        label=_("Given by"),
        coerce=int,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Each guardian gives the consent separately. Coordinating support needs every "
            "guardian with custody; the consent is in force when the last of them has given it."
        ),
    )
    method = forms.ChoiceField(
        label=_("How it was given"), choices=ConsentMethod.choices, widget=forms.RadioSelect
    )
    given_on = FinnishDateField(label=_("Given on"), help_text=DATE_HELP)
    note = forms.CharField(label=_("Note"), required=False, max_length=TEXT_MAX, widget=textarea(3))
