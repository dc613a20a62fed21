"""The record's forms: the family list's search, opening a record (the family, its guardians and
children, and the consent, all in one form), changing the family and a person, the team, the
hand-over and closing. The services validate again; these say what is wrong where it was typed."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.forms.boundfield import BoundField
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.accounts.models import User
from perhekeskus.catalog.models import Municipality, Organization
from perhekeskus.catalog.selectors import municipality_list, organization_list
from perhekeskus.core.forms import FinnishDateField, LenientForm, TelInput
from perhekeskus.families.forms.common import (
    DATE_HELP,
    DEFAULT_VALIDITY_DAYS,
    TEXT_MAX,
    ConsentFields,
    textarea,
)
from perhekeskus.families.identity import normalise_pic, validate_personal_identity_code
from perhekeskus.families.models import (
    ConsentMethod,
    ConsentPurpose,
    CustodyRole,
    FamilyCloseReason,
    FamilyStatus,
    PreferredLanguage,
    TeamRole,
)
from perhekeskus.families.services.inputs import ChildInput, ConsentInput, GuardianInput

NAME_MAX = 150
ADDRESS_MAX = 300
NOTICE_LANGUAGE_CHOICES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
MAX_GUARDIANS = 4
MAX_CHILDREN = 8


def quiet(form: forms.Form) -> forms.Form:
    """A bound form shown again without its errors (after "add another guardian")."""
    form._errors = ErrorDict()  # type: ignore[attr-defined]
    return form


# --- The list ------------------------------------------------------------------------------------


class FamilySearchForm(LenientForm):
    q = forms.CharField(
        label=_("Family name or personal identity code"),
        required=False,
        max_length=NAME_MAX,
        help_text=_("The family's exact name, or a child's or guardian's personal identity code."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *FamilyStatus.choices],
    )


# --- The family ----------------------------------------------------------------------------------


class FamilyForm(forms.Form):
    name = forms.CharField(
        label=_("Family name"),
        max_length=NAME_MAX,
        help_text=_("The name the family is known by, e.g. Virtanen. Searches find it exactly."),
        error_messages={"required": _("Enter the family's name.")},
    )
    municipality: forms.ModelChoiceField[Municipality] = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        error_messages={"required": _("Choose the municipality.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the family's notices"),
        choices=NOTICE_LANGUAGE_CHOICES,
        initial="fi",
    )

    def __init__(self, *args: Any, with_place: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if with_place:
            municipality = self.fields["municipality"]
            assert isinstance(municipality, forms.ModelChoiceField)
            municipality.queryset = municipality_list()
        else:
            # From a help request: the request's municipality and language.
            del self.fields["municipality"]
            del self.fields["language"]


# --- People --------------------------------------------------------------------------------------


class PersonForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_MAX,
        error_messages={"required": _("Enter the name.")},
    )
    personal_identity_code = forms.CharField(
        label=_("Personal identity code"),
        required=False,
        max_length=20,
        help_text=_("Optional. Stored encrypted and shown masked, e.g. 010190-****."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    address = forms.CharField(
        label=_("Address"),
        required=False,
        max_length=ADDRESS_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    address_protected = forms.BooleanField(
        label=_("Non-disclosure of address (turvakielto)"),
        required=False,
        help_text=_("The address is then shown to the responsible worker only, nowhere else."),
    )

    def __init__(self, *args: Any, stored_pic: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stored_pic = stored_pic
        if stored_pic:
            code = self.fields["personal_identity_code"]
            code.help_text = _(
                "Stored: %(masked)s. Leave empty to keep it; type a new one to replace it."
            ) % {"masked": stored_pic}
            self.fields["remove_pic"] = forms.BooleanField(
                label=_("Remove the stored personal identity code"), required=False
            )

    def clean_personal_identity_code(self) -> str:
        code = normalise_pic(str(self.cleaned_data.get("personal_identity_code") or ""))
        if code:
            validate_personal_identity_code(code)
        return code

    def is_blank(self) -> bool:
        """An extra person's form left empty: not a person to add."""
        if not self.is_bound:
            return True
        return not any(
            str(self.data.get(self.add_prefix(name), "")).strip()
            for name, field in self.fields.items()
            if not isinstance(field, forms.BooleanField)
            and not isinstance(field.widget, forms.Select)
            and name != "view"
        )


class GuardianForm(PersonForm):
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        help_text=_("The family page's sign-in link and the family's notices are sent here."),
        widget=forms.EmailInput(attrs={"autocomplete": "off", "inputmode": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=30,
        widget=TelInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
    )
    custody_role = forms.ChoiceField(
        label=_("Role"), choices=CustodyRole.choices, initial=CustodyRole.CUSTODIAN
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=PreferredLanguage.choices, initial="fi"
    )
    interpreter_needed = forms.BooleanField(label=_("Needs an interpreter"), required=False)
    interpreter_language = forms.ChoiceField(
        label=_("Interpreter's language"),
        required=False,
        choices=[("", "–"), *PreferredLanguage.choices],
    )

    field_order = [
        "name",
        "custody_role",
        "email",
        "phone",
        "address",
        "address_protected",
        "personal_identity_code",
        "preferred_language",
        "interpreter_needed",
        "interpreter_language",
    ]

    def input(self) -> GuardianInput:
        data = self.cleaned_data
        return GuardianInput(
            name=data["name"],
            email=data.get("email") or "",
            phone=data.get("phone") or "",
            address=data.get("address") or "",
            address_protected=bool(data.get("address_protected")),
            personal_identity_code=data.get("personal_identity_code") or "",
            preferred_language=data["preferred_language"],
            interpreter_needed=bool(data.get("interpreter_needed")),
            interpreter_language=data.get("interpreter_language") or "",
            custody_role=data["custody_role"],
        )


class ChildForm(PersonForm):
    birth_date = FinnishDateField(label=_("Date of birth"), required=False, help_text=DATE_HELP)
    age_years = forms.IntegerField(
        label=_("Age, if the date of birth is not known"),
        required=False,
        min_value=0,
        max_value=17,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    field_order = [
        "name",
        "birth_date",
        "age_years",
        "personal_identity_code",
        "address",
        "address_protected",
    ]

    def __init__(self, *args: Any, with_view: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if with_view:
            self.fields["view"] = forms.CharField(
                label=_("The child's own view of the consent"),
                required=False,
                max_length=TEXT_MAX,
                widget=textarea(2),
                help_text=_("In the child's own words, if the child was heard."),
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            "birth_date" not in self.errors
            and "age_years" not in self.errors
            and cleaned.get("birth_date") is None
            and cleaned.get("age_years") is None
        ):
            self.add_error("birth_date", _("Enter the child's date of birth or age."))
        return cleaned

    def input(self) -> ChildInput:
        data = self.cleaned_data
        return ChildInput(
            name=data["name"],
            birth_date=data.get("birth_date"),
            age_years=data.get("age_years"),
            address=data.get("address") or "",
            address_protected=bool(data.get("address_protected")),
            personal_identity_code=data.get("personal_identity_code") or "",
        )


# --- The consent given when the record is opened -------------------------------------------------


class OpeningConsentForm(ConsentFields):
    # Given the day the record is opened: Django drops an inherited field set to None.
    given_on = None  # type: ignore[assignment]

    def __init__(
        self, *args: Any, guardian_count: int, organization: Organization | None, **kwargs: Any
    ) -> None:
        today = timezone.localdate()
        initial = {
            "purpose": ConsentPurpose.COORDINATION,
            "method": ConsentMethod.WRITTEN,
            "valid_from": today,
            "valid_until": today + datetime.timedelta(days=DEFAULT_VALIDITY_DAYS),
            "recipients": [organization.pk] if organization else [],
            "given_by": [0],
        }
        initial.update(kwargs.pop("initial", None) or {})
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        recipients = self.fields["recipients"]
        assert isinstance(recipients, forms.ModelMultipleChoiceField)
        recipients.queryset = organization_list()
        recipients.help_text = _(
            "Your organisation keeps the record and must be among them. Team members from the "
            "others read what the consent covers."
        )
        given_by = self.fields["given_by"]
        assert isinstance(given_by, forms.TypedMultipleChoiceField)
        given_by.choices = [
            (index, _("Guardian %(number)d") % {"number": index + 1})
            for index in range(guardian_count)
        ]

    def input(self, child_views: dict[int, str]) -> ConsentInput:
        data = self.cleaned_data
        return ConsentInput(
            purpose=data["purpose"],
            recipients=list(data["recipients"]),
            categories=list(data.get("categories") or []),
            valid_from=data["valid_from"],
            valid_until=data["valid_until"],
            given_by=list(data.get("given_by") or []),
            method=data["method"],
            child_views=child_views,
            note=data.get("note") or "",
        )


# --- Team, hand-over, closing --------------------------------------------------------------------


class ProfessionalChoiceField(forms.ModelChoiceField["User"]):
    def label_from_instance(self, obj: User) -> str:
        organization = obj.organization.name if obj.organization_id and obj.organization else "–"
        return f"{obj.full_name} – {organization}"


class TeamAddForm(forms.Form):
    user = ProfessionalChoiceField(
        label=_("Professional"),
        queryset=User.objects.none(),
        error_messages={"required": _("Choose the professional.")},
        help_text=_("Their organisation must be named by a consent of the family in force."),
    )
    role = forms.ChoiceField(label=_("Role on the family's team"), choices=TeamRole.choices)

    def __init__(self, *args: Any, users: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = self.fields["user"]
        assert isinstance(user, forms.ModelChoiceField)
        user.queryset = users


class TeamRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role on the family's team"), choices=TeamRole.choices)


class HandoverForm(forms.Form):
    new_responsible = ProfessionalChoiceField(
        label=_("New responsible worker"),
        queryset=User.objects.none(),
        error_messages={"required": _("Choose the new responsible worker.")},
    )
    reason = forms.CharField(
        label=_("Why the record is handed over"),
        max_length=500,
        widget=textarea(3),
        help_text=_(
            "Kept in the record's history and the audit log. Write no details of the family here."
        ),
        error_messages={"required": _("Write why the record is handed over.")},
    )

    def __init__(self, *args: Any, users: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["new_responsible"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = users


class CloseForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why the record is closed"),
        choices=FamilyCloseReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose why the record is closed.")},
    )


def bound_fields(form: forms.Form, names: list[str]) -> list[BoundField]:
    return [form[name] for name in names if name in form.fields]
