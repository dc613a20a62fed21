"""The finder's query parameters. They arrive in shared links, bookmarks and hand-edited
addresses, so a parameter that does not parse (age=abc, task=99, near=garbage) is left out of
the search with a note saying so: the page still answers, never with an error."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from perhekeskus.catalog.accessibility import FEATURES
from perhekeskus.catalog.models import MAX_CHILD_AGE
from perhekeskus.core.forms import LenientForm
from perhekeskus.core.tasks import FAMILY_CENTER_TASKS
from perhekeskus.finder.search.types import CHANNELS, SearchFilters

MAX_QUERY_LENGTH = 200
# ISO 639-1 or 639-3 code of a language a service is given in: "ar", "smn".
LANGUAGE_CODE = r"^[a-z]{2,3}\Z"
MAX_PAGE = 500

CHANNEL_LABELS: dict[str, str | Promise] = {
    "visit": _("Visit in person"),
    "phone": _("Phone"),
    "chat": _("Chat"),
    "eservice": _("E-service"),
    "remote": _("Remote appointment"),
}
assert set(CHANNEL_LABELS) == set(CHANNELS)


def parse_point(value: str) -> tuple[float, float] | None:
    """ "60.45,22.27" → (60.45, 22.27) in WGS84 degrees; None for anything else."""
    parts = value.replace(" ", "").split(",")
    if len(parts) != 2:
        return None
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return (round(lat, 5), round(lon, 5))


class PointField(forms.CharField):
    def to_python(self, value: Any) -> tuple[float, float] | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        point = parse_point(text)
        if point is None:
            raise forms.ValidationError("invalid point", code="invalid")
        return point


def _task_choices() -> list[tuple[str, Any]]:
    return [(str(task.number), task.title) for task in FAMILY_CENTER_TASKS]


EXPECTING = "expecting"  # the age filter's choice for a family expecting a baby


class AgeField(forms.CharField):
    """The child's age in whole years (0 to `MAX_CHILD_AGE`), or `EXPECTING`."""

    def to_python(self, value: Any) -> int | str | None:  # type: ignore[override]
        text = str(super().to_python(value) or "").strip().casefold()
        if not text:
            return None
        if text == EXPECTING:
            return EXPECTING
        if not text.isascii() or not text.isdigit() or int(text) > MAX_CHILD_AGE:
            raise forms.ValidationError("invalid age", code="invalid")
        return int(text)


def age_choices() -> list[tuple[str, str]]:
    """The age filter's choices after "any age": expecting a baby, then each age."""
    return [
        (EXPECTING, str(_("Expecting a baby"))),
        ("0", str(_("Under 1 year"))),
        *(
            (str(n), ngettext("%(count)s year", "%(count)s years", n) % {"count": n})
            for n in range(1, MAX_CHILD_AGE + 1)
        ),
    ]


class AccessibilityField(forms.MultipleChoiceField):
    """Accessibility features a place must have, as boxes to tick (`accessibility=step_free`,
    repeated) or one comma-separated value (`accessibility=step_free,toilet`)."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("choices", [(f.key, f.present) for f in FEATURES])
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[str]:
        values = super().to_python(value)
        return list(dict.fromkeys(key.strip() for v in values for key in v.split(",") if key))


class SearchForm(LenientForm):
    q = forms.CharField(
        label=_("What are you looking for?"),
        required=False,
        help_text=_('For example "child health clinic", "separation" or "baby cries a lot".'),
    )
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    age = AgeField(label=_("Age of the child"), required=False)
    task = forms.TypedChoiceField(
        label=_("Task"), required=False, coerce=int, empty_value=None, choices=_task_choices
    )
    channel = forms.ChoiceField(
        label=_("How to reach"),
        required=False,
        choices=[("", ""), *CHANNEL_LABELS.items()],
    )
    language = forms.RegexField(
        label=_("Language of the service"), required=False, regex=LANGUAGE_CODE
    )
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    accessibility = AccessibilityField(label=_("Accessibility"))
    near = PointField(required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    notes_by_field = {
        "municipality": _(
            "We do not know the municipality “%(value)s”, so the results are not limited "
            "to a municipality."
        ),
        "age": _(
            "“%(value)s” is not an age we can search by (a whole number from 0 to 29), so the "
            "results are not limited by age."
        ),
        "task": _("There is no task “%(value)s”, so the results are not limited to a task."),
        "channel": _(
            "“%(value)s” is not a way to reach a service we know, so the results are not "
            "limited by it."
        ),
        "language": _(
            "“%(value)s” is not a language code we can search by, so the results are not "
            "limited by language."
        ),
        "near": _(
            "We could not read the location “%(value)s”, so the results are not sorted by distance."
        ),
        "accessibility": _(
            "“%(value)s” is not an accessibility feature we know, so the results are not limited "
            "by accessibility."
        ),
        "page": _("There is no page “%(value)s”; here is the first page."),
    }

    def __init__(self, data: Any, *, municipalities: Sequence[tuple[str, str]]) -> None:
        super().__init__(data)
        field = self.fields["municipality"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("All municipalities")), *municipalities]
        self.fields["task"].choices = [("", _("All tasks")), *_task_choices()]  # type: ignore[attr-defined]

    def clean_q(self) -> str:
        # A pasted essay is cut, not refused: the first words are what a search can use.
        return " ".join(str(self.cleaned_data.get("q") or "").split())[:MAX_QUERY_LENGTH]


def search_filters(values: Mapping[str, Any]) -> SearchFilters:
    age = values.get("age")
    return SearchFilters(
        municipality=values.get("municipality") or None,
        age=age if isinstance(age, int) else None,
        expecting=age == EXPECTING,
        service_language=values.get("language") or None,
        task=values.get("task"),
        channel=values.get("channel") or None,
        open_now=bool(values.get("open_now")),
        near=values.get("near"),
        accessibility=frozenset(values.get("accessibility") or ()),
    )


class MapForm(LenientForm):
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    meeting_places = forms.BooleanField(label=_("Open meeting places only"), required=False)
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    postal_code = forms.CharField(
        label=_("Postal code"),
        required=False,
        max_length=5,
        validators=[RegexValidator(r"^\d{5}$")],
        help_text=_("The places nearest to it come first."),
    )
    near = PointField(required=False)
    place = forms.UUIDField(required=False)

    notes_by_field = {
        "municipality": _(
            "We do not know the municipality “%(value)s”, so places in every municipality "
            "are shown."
        ),
        "postal_code": _(
            "“%(value)s” is not a postal code (five digits), so the places are not sorted by "
            "distance."
        ),
        "near": _(
            "We could not read the location “%(value)s”, so the places are not sorted by distance."
        ),
        "place": _("The place “%(value)s” was not found."),
    }

    def __init__(self, data: Any, *, municipalities: Sequence[tuple[str, str]]) -> None:
        super().__init__(data)
        field = self.fields["municipality"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("All municipalities")), *municipalities]
        self.fields["postal_code"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "postal-code"}
        )
