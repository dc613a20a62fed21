from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

# The languages services in Finland are most often given in (task 5: diverse families).
LANGUAGE_CHOICES = [
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("se", _("Northern Sami")),
    ("smn", _("Inari Sami")),
    ("sms", _("Skolt Sami")),
    ("fit", _("Meänkieli")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("et", _("Estonian")),
    ("ar", _("Arabic")),
    ("so", _("Somali")),
    ("fa", _("Persian")),
    ("ku", _("Kurdish")),
    ("sq", _("Albanian")),
    ("vi", _("Vietnamese")),
    ("zh", _("Chinese")),
    ("th", _("Thai")),
    ("tr", _("Turkish")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("de", _("German")),
    ("fsl", _("Finnish Sign Language")),
    ("swl", _("Finland-Swedish Sign Language")),
]
KNOWN_CODES = {code for code, _label in LANGUAGE_CHOICES}


class LanguagesField(forms.MultipleChoiceField):
    """Languages as checkboxes instead of a JSON text box. Codes we do not list (from an import)
    are kept as choices so that saving the form never drops them."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("choices", LANGUAGE_CHOICES)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            extra = [(code, code) for code in value if code not in KNOWN_CODES]
            if extra:
                self.choices = [*LANGUAGE_CHOICES, *extra]
        return value
