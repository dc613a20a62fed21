"""Build the POST body of a Django admin change form from the page as the user received it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db import models
from django.forms import BaseForm
from django.http import HttpResponse


def _serialize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, list | tuple | set) or (
        hasattr(value, "__iter__") and not isinstance(value, str | bytes | dict)
    ):
        return [str(v.pk) if isinstance(v, models.Model) else str(v) for v in value]
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        import json

        return json.dumps(value)
    return str(value)


def _form_data(form: BaseForm) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        if getattr(field, "disabled", False):
            continue
        value = form[name].value()
        if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            if value:
                data[form.add_prefix(name)] = _serialize(value)
            continue
        if isinstance(value, bool) or getattr(field.widget, "input_type", None) == "checkbox":
            if value:
                data[form.add_prefix(name)] = "on"
            continue
        if field.__class__.__name__ == "JSONField":
            import json

            data[form.add_prefix(name)] = json.dumps(value if value is not None else [])
            continue
        data[form.add_prefix(name)] = _serialize(value)
    return data


def admin_form_data(response: HttpResponse, **overrides: Any) -> dict[str, Any]:
    context: Any = response.context  # type: ignore[attr-defined]
    data = _form_data(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for form in formset.forms:
            data.update(_form_data(form))
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
