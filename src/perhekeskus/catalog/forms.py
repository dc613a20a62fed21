from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.models import Service, TaxonomyTerm
from perhekeskus.catalog.taxonomies import TASKS_KEY

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


class ServiceEditorForm(forms.ModelForm):
    """The eight family-center tasks as checkboxes; the other classifications (PTV service
    classes, target groups, life events) come from imports and are kept as they are."""

    tasks: forms.ModelMultipleChoiceField[TaxonomyTerm] = forms.ModelMultipleChoiceField(
        label=_("Family-center tasks"),
        queryset=TaxonomyTerm.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Service
        # Every editable field except `terms`, which `tasks` stands in for.
        fields = (
            "organization",
            "producers",
            "name",
            "alternate_name",
            "summary",
            "description",
            "description_plain",
            "application_process",
            "eligibility_description",
            "fees_description",
            "keywords",
            "url",
            "email",
            "free_of_charge",
            "by_appointment",
            "minimum_age",
            "maximum_age",
            "languages",
            "status",
            "publication_state",
            "area_type",
            "area_municipalities",
        )
        widgets = {"area_municipalities": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        task_terms = TaxonomyTerm.objects.filter(taxonomy__key=TASKS_KEY).order_by("code")
        self.fields["tasks"].queryset = task_terms  # type: ignore[attr-defined]
        if self.instance.pk:
            self.initial["tasks"] = list(self.instance.terms.filter(taxonomy__key=TASKS_KEY))

    def _save_m2m(self) -> None:
        super()._save_m2m()  # type: ignore[misc]
        service = self.instance
        others = list(service.terms.exclude(taxonomy__key=TASKS_KEY))
        service.terms.set([*others, *self.cleaned_data.get("tasks", [])])
