"""How the editor's fields are named and explained: the language of a translated field in words
("Kuvaus (ruotsi)", not "Kuvaus [sv]"), a plain-language help text for each field, and the fast
choice widgets (`widgets.faster`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.forms.utils import ErrorList
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from perhekeskus.catalog.editor.widgets import faster

# Languages as they follow a field's name: "Kuvaus (ruotsi)", "Beskrivning (svenska)".
LANGUAGE_IN_LABEL: dict[str, Promise] = {
    "fi": pgettext_lazy("language of a text field", "Finnish"),
    "sv": pgettext_lazy("language of a text field", "Swedish"),
    "en": pgettext_lazy("language of a text field", "English"),
}

# Fields whose model gives them no name of their own in the editor's words.
LABELS: dict[str, Promise] = {"location": _("Place")}

# What each field is for, in the words of the editor, not the database.
SERVICE_HELP: dict[str, Promise] = {
    "organization": _("The organisation that is responsible for the service."),
    "producers": _(
        "Other organisations that carry out the service for you, if any. "
        "Leave empty if you give the service yourselves."
    ),
    "name": _("The name families know the service by. Short, without abbreviations."),
    "alternate_name": _("Another name people search with, if there is one."),
    "summary": _("One or two sentences: what the service is and who it is for."),
    "description": _("What happens in the service, what it gives the family, and how it works."),
    "description_plain": _(
        "The same in plain language (selkokieli): short sentences, everyday words."
    ),
    "application_process": _(
        "How to start: call, book online or just come. Say if a referral is needed."
    ),
    "eligibility_description": _("Who can use the service, for example age or where you live."),
    "fees_description": _("What the service costs, if anything, and for whom."),
    "keywords": _("Words families might search with, separated by commas."),
    "url": _("The service's own web page, beginning with https://."),
    "email": _("An e-mail address families may write to. Not for sensitive matters."),
    "free_of_charge": _("Tick if the service costs the family nothing."),
    "by_appointment": _("Tick if families come by appointment only, not at set hours."),
    "minimum_age": _("The youngest age the service is for, in years. Leave empty if none."),
    "maximum_age": _("The oldest age the service is for, in years. Leave empty if none."),
    "status": _("Whether the service is running now."),
    "publication_state": _("Only a published service is shown to families."),
    "area_type": _("Where families can use the service from."),
    "area_municipalities": _("The municipalities the service is for, if not the whole region."),
    "tasks": _("Which of the family centre's tasks the service belongs to."),
}

# Fields of any form of the editor (a service, a contact channel, opening hours).
HELP: dict[str, Promise] = {
    "languages": _("The languages the service is given in."),
    "kind": _("Phone, e-mail, web page, chat or another way to get in touch."),
    "value": _("The number, address or link itself."),
    "order": _("Smaller numbers are shown first."),
    "phone_charge": _("What a call costs the caller."),
    "charge_description": _("The cost of the call in words, if it is not the usual."),
    "location": _("The place where the service is given."),
    "weekday": _("The day of the week these hours are for."),
    "opens_at": _("When the service opens, for example 8.00."),
    "closes_at": _("When the service closes, for example 16.00."),
    "closed": _("Tick if the service is closed on this day."),
    "valid_from": _("The first day these hours are in force, if they are temporary."),
    "valid_to": _("The last day these hours are in force, if they are temporary."),
}

# Fields whose name means something else on another model than on a service.
MODEL_HELP: dict[tuple[str, str], Promise] = {
    ("contactchannel", "name"): _("A name for this way of contact, if it needs one."),
    ("contactchannel", "description"): _("When and for what to use it, if that needs saying."),
    ("serviceatlocation", "description"): _("What is special about the service at this place."),
    ("schedule", "description"): _("A note on these hours, for example on public holidays."),
    ("location", "name"): _("The place's name as people know it."),
    ("location", "description"): _("What the place is like and how to find it."),
}


class QuietErrorList(ErrorList):
    """No errors, no markup: Django renders a template for each empty list, two hundred times
    on a service form."""

    def render(self, template_name: Any = None, context: Any = None, renderer: Any = None) -> Any:
        if not self.data:
            return SafeString("")
        return super().render(template_name, context, renderer)


# Shown once per row of three languages: on the Finnish field, read with all three.
_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _split(name: str) -> tuple[str, str | None]:
    base, _sep, suffix = name.rpartition("_")
    if base and suffix in LANGUAGE_IN_LABEL:
        return base, suffix
    return name, None


def language_label(label: Any, language: str) -> str:
    """ "Kuvaus (ruotsi)": a translated field's label with its language in words."""
    return f"{capfirst(str(label))} ({LANGUAGE_IN_LABEL[language]})"


def _help(form: Any, base: str) -> Promise | None:
    model = getattr(getattr(form, "_meta", None), "model", None)
    model_name = model._meta.model_name if model is not None else ""
    if (model_name, base) in MODEL_HELP:
        return MODEL_HELP[(model_name, base)]
    if model_name == "service" and base in SERVICE_HELP:
        return SERVICE_HELP[base]
    return HELP.get(base)


def dress_form(form: Any) -> None:
    """Labels with the language in words, the help texts (the Finnish field's help describes
    the Swedish and English fields too) and the fast widgets, for one form of the editor."""
    prefix = form.prefix + "-" if getattr(form, "prefix", None) else ""
    for name, field in form.fields.items():
        field.widget = faster(field.widget)
        base, language = _split(name)
        if base in LABELS:
            field.label = LABELS[base]
        help_text = _help(form, base)
        if language is None:
            if help_text is not None and not field.help_text:
                field.help_text = help_text
            continue
        original = field.label or base
        # modeltranslation's label is "Name [sv]": keep the name, say the language.
        original = str(original).rsplit(" [", 1)[0]
        field.label = language_label(original, language)
        if help_text is None:
            continue
        if language == _LANGUAGES[0]:
            field.help_text = help_text
        else:
            first = f"id_{prefix}{base}_{_LANGUAGES[0]}_helptext"
            if f"{base}_{_LANGUAGES[0]}" in form.fields:
                field.help_text = ""
                field.widget.attrs["aria-describedby"] = first
            else:
                field.help_text = help_text
