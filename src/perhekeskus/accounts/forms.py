from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.accounts.models import Profession
from perhekeskus.catalog.models import Organization
from perhekeskus.catalog.selectors import organization_list
from perhekeskus.core.roles import Role


class LoginForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Six-digit code"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Enter the six digits shown by your authenticator app.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": r"[0-9]{6}",
                "maxlength": "6",
                "autofocus": True,
            }
        ),
    )

    def clean_token(self) -> str:
        return self.cleaned_data["token"].strip()


class EnrolmentForm(forms.Form):
    """Turning on an authenticator: the password again, then the first code from the app."""

    password = forms.CharField(
        label=_("Your password"),
        help_text=_("Asked again so that only you can add an authenticator to your account."),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
    token = TokenForm.base_fields["token"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["token"].widget.attrs.pop("autofocus", None)

    def clean_token(self) -> str:
        return str(self.cleaned_data["token"]).strip()


class UserForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    organization: forms.ModelChoiceField[Organization] = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=organization_list(),
        required=False,
        empty_label=_("(no organisation)"),
    )
    profession = forms.ChoiceField(
        label=_("Profession"),
        choices=[("", _("(not given)")), *Profession.choices],
        required=False,
    )
    title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: object, editing: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if editing:
            # The e-mail is the login: it is not changed from here.
            del self.fields["email"]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()
