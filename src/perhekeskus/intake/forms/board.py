"""Forms of the early-support team's pages. They only parse input; their choices come from
`intake.selectors`, and the rules (who may, which status may follow which) live in the services
and `intake.transitions` and come back as ValidationError."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.intake.models import (
    CloseReason,
    EarlySupportTeam,
    HelpRequest,
    RequestStatus,
)
from perhekeskus.intake.selectors import ALL, OPEN, can_be_contacted, responsible_candidates
from perhekeskus.intake.services import CONTACT_KINDS

if TYPE_CHECKING:  # types only: the choices come from selectors
    from perhekeskus.accounts.models import User
    from perhekeskus.catalog.models import Service

TEXT_MAX = 4000
REPLY_MAX = 2000


class BoardFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            (OPEN, _("Open requests (all but closed)")),
            *RequestStatus.choices,
            (ALL, _("All, including closed")),
        ],
    )
    mine = forms.BooleanField(
        label=_("Only requests where I am the responsible worker"), required=False
    )


class ResponsibleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        if obj.organization_id:
            return f"{obj.full_name} – {obj.organization}"
        return obj.full_name


class ServiceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Service) -> str:
        return f"{obj.name} ({obj.organization})"


def _candidates(help_request: HelpRequest) -> QuerySet[User]:
    return responsible_candidates(help_request)


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# --- Actions on one request ---------------------------------------------------------------------


class RequestActionForm(forms.Form):
    """Every action form knows its request, so that its choices can depend on it."""

    def __init__(self, *args: Any, help_request: HelpRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help_request = help_request


class TriageForm(RequestActionForm):
    """No fields: the button is the whole form; errors come back as non-field errors."""


class AssignForm(RequestActionForm):
    responsible = ResponsibleChoiceField(
        label=_("Responsible worker"),
        queryset=None,  # set in __init__
        empty_label=_("Choose a professional"),
        help_text=_(
            "The family's one contact person. Anyone in the network can be chosen, "
            "also from another organisation."
        ),
    )

    def __init__(self, *args: Any, help_request: HelpRequest, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"responsible": help_request.responsible_id})
        super().__init__(*args, help_request=help_request, **kwargs)
        field = self.fields["responsible"]
        assert isinstance(field, ResponsibleChoiceField)
        field.queryset = _candidates(help_request)
        if not can_be_contacted(help_request):
            field.help_text = _(
                "Handles the request and writes the replies on the status page. Anyone in the "
                "network can be chosen, also from another organisation."
            )


YES = "yes"


class ContactForm(RequestActionForm):
    kind = forms.ChoiceField(
        label=_("How"),
        choices=[(kind.value, kind.label) for kind in CONTACT_KINDS],
        widget=forms.RadioSelect,
    )
    reached = forms.TypedChoiceField(
        label=_("Did you reach the family?"),
        choices=[(YES, _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == YES,
        widget=forms.RadioSelect,
        help_text=_("The first contact that reaches the family stops the clock."),
    )
    text = forms.CharField(
        label=_("What was done or agreed"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NoteForm(RequestActionForm):
    text = forms.CharField(
        label=_("Note"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the team and the responsible worker see notes."),
    )


class ReplyForm(RequestActionForm):
    text = forms.CharField(
        label=_("Reply the family sees"),
        max_length=REPLY_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Anyone who has the tracking code can read this reply. Do not write names, "
            "the family's situation or other details: say only what happens next, "
            "e.g. when and how you will be in touch."
        ),
    )

    def __init__(self, *args: Any, help_request: HelpRequest, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"text": help_request.public_reply})
        super().__init__(*args, help_request=help_request, **kwargs)
        if not can_be_contacted(help_request):
            # "When and how you will be in touch" would promise what cannot be done.
            self.fields["text"].help_text = _(
                "The family asked anonymously: this reply is the only way to reach them, and "
                "saving it counts as the first contact. Anyone who has the tracking code can "
                "read it. Do not write names or the family's situation: say where they can get "
                "help and what they can do next."
            )


class CloseForm(RequestActionForm):
    reason = forms.ChoiceField(
        label=_("Reason for closing"), choices=CloseReason.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Note on closing"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional. Only the team and the responsible worker see it."),
    )


# --- Meetings -----------------------------------------------------------------------------------


class MeetingOpenForm(forms.Form):
    team = forms.ModelChoiceField(
        label=_("Team"), queryset=EarlySupportTeam.objects.none(), empty_label=None
    )
    held_on = forms.DateField(label=_("Date of the meeting"), widget=_date_input())

    def __init__(self, *args: Any, teams: QuerySet[EarlySupportTeam], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"held_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        field = self.fields["team"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = teams


class DecisionForm(forms.Form):
    responsible = ResponsibleChoiceField(
        label=_("Responsible worker"),
        queryset=None,  # set in __init__
        empty_label=_("Choose a professional"),
    )
    services = ServiceChoiceField(
        label=_("Services"),
        queryset=None,  # set in __init__
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Public services of the team's area the family is guided to."),
    )
    next_step = forms.CharField(
        label=_("Next step"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
    next_step_on = forms.DateField(label=_("Next step by"), required=False, widget=_date_input())

    def __init__(
        self,
        *args: Any,
        help_request: HelpRequest,
        services: QuerySet[Service],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.help_request = help_request
        responsible = self.fields["responsible"]
        assert isinstance(responsible, ResponsibleChoiceField)
        responsible.queryset = _candidates(help_request)
        service_field = self.fields["services"]
        assert isinstance(service_field, ServiceChoiceField)
        service_field.queryset = services


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Only the team's members read the minutes. Write what was decided; details of a "
            "family belong on the request itself."
        ),
    )
