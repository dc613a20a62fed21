"""The editor's widgets and labels, rendered in Python.

Django renders every label, input and option through a template of its own; the service form
has a few hundred of them (organisations, places, municipalities, languages per contact
channel, three languages of each text) and spent most of its second in those templates
(usability review M15). `EditorRenderer` and these widgets write the same markup (the same
names, ids, attributes and labels) with `format_html`; any other template is rendered as
before. The languages of a channel become a compact control: the common languages as
checkboxes, the rest behind a disclosure.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.forms.renderers import DjangoTemplates
from django.forms.widgets import Widget
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

# The languages most services are given in are shown at once; the rest open on request.
COMMON_LANGUAGES = ("fi", "sv", "en", "se", "ru", "uk", "ar", "so", "et", "fsl", "swl")


def _attrs(attrs: dict[str, Any]) -> SafeString:
    """Attributes as Django's templates write them: True as a bare name, False and None left out."""
    parts = []
    for key, value in attrs.items():
        if value is True:
            parts.append(format_html(" {}", key))
        elif value is not False and value is not None:
            parts.append(format_html(' {}="{}"', key, value))
    return mark_safe("".join(parts))  # noqa: S308  (every part is escaped by format_html)


def _options(widget: forms.Select, name: str, value: Any, attrs: dict[str, Any]) -> SafeString:
    chunks = []
    for group_name, options, _index in widget.optgroups(name, widget.format_value(value), attrs):
        rendered = format_html_join(
            "",
            "<option{}>{}</option>",
            (
                (
                    _attrs(
                        {
                            "value": "" if o["value"] is None else o["value"],
                            "selected": bool(o["selected"]),
                        }
                    ),
                    o["label"],
                )
                for o in options
            ),
        )
        if group_name:
            chunks.append(format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered))
        else:
            chunks.append(rendered)
    return mark_safe("".join(chunks))  # noqa: S308  (built with format_html)


class FastSelect(forms.Select):
    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return format_html(
            "<select{}>{}</select>", _attrs(final), _options(self, name, value, final)
        )


class FastSelectMultiple(forms.SelectMultiple):
    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name, "multiple": True})
        return format_html(
            "<select{}>{}</select>", _attrs(final), _options(self, name, value, final)
        )


class FastCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """A checkbox list. `filterable` adds `data-filterable`: the editor's script puts a filter
    box above it (without the script, the whole list is there to scroll through)."""

    def __init__(self, *args: Any, filterable: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filterable = filterable

    def _boxes(self, options: Iterable[dict[str, Any]]) -> SafeString:
        return format_html_join(
            "",
            '<li><label for="{}"><input type="checkbox"{}> {}</label></li>',
            (
                (
                    o["attrs"].get("id", ""),
                    _attrs({**o["attrs"], "name": o["name"], "value": o["value"]}),
                    o["label"],
                )
                for o in options
            ),
        )

    def _group_attrs(self, final: dict[str, Any]) -> SafeString:
        """A name or description given for the whole list belongs to the group, not to each
        box (a box is named by its own label)."""
        group: dict[str, Any] = {"role": "group"}
        for key in ("aria-label", "aria-describedby"):
            if key in final:
                group[key] = final.pop(key)
        return _attrs(group) if len(group) > 1 else mark_safe("")

    def _all_options(self, name: str, value: Any, attrs: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            option
            for _group, options, _index in self.optgroups(name, self.format_value(value), attrs)
            for option in options
        ]

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, attrs or {})
        element_id = final.pop("id", None)
        group = self._group_attrs(final)
        options = self._all_options(name, value, {**final, "id": element_id})
        # What is chosen comes first: an editor sees it without scrolling.
        options.sort(key=lambda o: not o["selected"])
        classes = "editor-choices" + (" editor-choices-long" if self.filterable else "")
        if group:
            return format_html(
                '<div{}><ul class="{}"{}{}>{}</ul></div>',
                group,
                classes,
                format_html(' id="{}"', element_id) if element_id else "",
                format_html(' data-filterable="" data-filter-label="{}"', _("Filter the list"))
                if self.filterable
                else "",
                self._boxes(options),
            )
        return format_html(
            '<ul class="{}"{}{}>{}</ul>',
            classes,
            format_html(' id="{}"', element_id) if element_id else "",
            format_html(' data-filterable="" data-filter-label="{}"', _("Filter the list"))
            if self.filterable
            else "",
            self._boxes(options),
        )


class LanguagesWidget(FastCheckboxSelectMultiple):
    """The languages of a service or channel: the common ones as checkboxes in a row, the
    others behind "More languages" (open when one of them is chosen)."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, attrs or {})
        element_id = final.pop("id", None)
        group = self._group_attrs(final)
        options = self._all_options(name, value, {**final, "id": element_id})
        common = [o for o in options if o["value"] in COMMON_LANGUAGES]
        rest = [o for o in options if o["value"] not in COMMON_LANGUAGES]
        more = ""
        if rest:
            more = format_html(
                '<details class="editor-more-languages"{}><summary>{}</summary>'
                '<ul class="editor-choices editor-choices-inline">{}</ul></details>',
                mark_safe(" open") if any(o["selected"] for o in rest) else "",
                _("More languages"),
                self._boxes(rest),
            )
        return format_html(
            '<div class="editor-languages"{}{}><ul class="editor-choices editor-choices-inline">'
            "{}</ul>{}</div>",
            format_html(' id="{}"', element_id) if element_id else "",
            group,
            self._boxes(common),
            more,
        )


_FAST: dict[type[Widget], type[Widget]] = {
    forms.Select: FastSelect,
    forms.SelectMultiple: FastSelectMultiple,
    forms.CheckboxSelectMultiple: FastCheckboxSelectMultiple,
}


def faster(widget: Widget) -> Widget:
    """The Python-rendered twin of a stock choice widget (the same attributes and choices);
    any other widget as it is. An admin's wrapper (add/change links) keeps its wrapped one."""
    inner = getattr(widget, "widget", None)
    if isinstance(inner, Widget) and hasattr(widget, "can_add_related"):
        widget.widget = faster(inner)  # type: ignore[attr-defined]
        return widget
    fast = _FAST.get(type(widget))
    if fast is None:
        return widget
    widget.__class__ = fast
    if fast is FastCheckboxSelectMultiple:
        widget.filterable = False  # type: ignore[attr-defined]
    return widget


_INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{kind}.html"
    for kind in (
        "input",
        "text",
        "email",
        "url",
        "number",
        "hidden",
        "checkbox",
        "date",
        "time",
        "tel",
        "search",
    )
)


class EditorRenderer(DjangoTemplates):
    """The editor forms' renderer: labels, inputs and text areas in Python (as Django's own
    templates write them), everything else through the templates."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> Any:
        if template_name.startswith("django/forms/errors/") and not context.get("errors"):
            return ""
        if template_name in _INPUT_TEMPLATES:
            widget = context["widget"]
            value = widget["value"]
            return format_html(
                '<input type="{}" name="{}"{}{}>',
                widget["type"],
                widget["name"],
                format_html(' value="{}"', value) if value is not None else "",
                _attrs(widget["attrs"]),
            )
        if template_name == "django/forms/widgets/textarea.html":
            widget = context["widget"]
            return format_html(
                '<textarea name="{}"{}>\n{}</textarea>',
                widget["name"],
                _attrs(widget["attrs"]),
                widget["value"] or "",
            )
        if template_name == "django/forms/label.html":
            if not context.get("use_tag"):
                return format_html("{}", context["label"])
            return format_html(
                "<{}{}>{}</{}>",
                context["tag"],
                _attrs(context.get("attrs") or {}),
                context["label"],
                context["tag"],
            )
        return super().render(template_name, context, request)


EDITOR_RENDERER = EditorRenderer()
