"""The family page's forms: asking for a sign-in link, revoking a consent, asking for a
correction."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.families.forms.common import textarea

CORRECTION_MAX = 3000


class SigninRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The address your family's responsible worker has for you."),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )


class ConsentRevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you revoke it? (optional)"),
        help_text=_("Your responsible worker sees what you write here."),
        required=False,
        max_length=1000,
        widget=textarea(3),
    )
    confirm = forms.BooleanField(
        label=_("I revoke this consent. The organisations it names can no longer see the data."),
        error_messages={"required": _("Tick the box to confirm that you revoke the consent.")},
    )


class CorrectionForm(forms.Form):
    text = forms.CharField(
        label=_("What is wrong, and what should it say?"),
        help_text=_(
            "Tell us which information about your family is wrong or missing. Your responsible "
            "worker answers you."
        ),
        max_length=CORRECTION_MAX,
        widget=textarea(6),
    )
