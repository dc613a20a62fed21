"""Check constraints evaluated on an instance, with SQL's three-valued logic, instead of a
query per row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models
from django.db.models import F, Q

_UNSUPPORTED = object()


def _lookup_truth(instance: models.Model, lookup: str, value: Any) -> Any:
    """True, False, None (SQL unknown) or _UNSUPPORTED for one `field__lookup=value`."""
    name, _, operator = lookup.partition("__")
    meta: Any = instance._meta
    left = getattr(instance, meta.get_field(name).attname)
    if isinstance(value, F):
        reference: Any = value
        value = getattr(instance, meta.get_field(reference.name).attname)
    elif hasattr(value, "resolve_expression"):
        return _UNSUPPORTED
    if operator == "isnull":
        return (left is None) is bool(value)
    if operator in ("", "exact") and value is None:
        return left is None
    if left is None or value is None:
        return None
    comparisons: dict[str, Callable[[Any, Any], bool]] = {
        "": lambda a, b: a == b,
        "exact": lambda a, b: a == b,
        "lt": lambda a, b: a < b,
        "lte": lambda a, b: a <= b,
        "gt": lambda a, b: a > b,
        "gte": lambda a, b: a >= b,
    }
    compare = comparisons.get(operator)
    return _UNSUPPORTED if compare is None else compare(left, value)


def _q_truth(q: Q, instance: models.Model) -> Any:
    """SQL's three-valued logic over a Q of simple lookups; _UNSUPPORTED for anything else."""
    results = []
    for child in q.children:
        if isinstance(child, Q):
            result = _q_truth(child, instance)
        elif isinstance(child, tuple) and len(child) == 2:
            result = _lookup_truth(instance, child[0], child[1])
        else:
            return _UNSUPPORTED
        if result is _UNSUPPORTED:
            return _UNSUPPORTED
        results.append(result)
    if q.connector == Q.AND:
        combined = False if False in results else (None if None in results else True)
    else:
        combined = True if True in results else (None if None in results else False)
    if q.negated and combined is not None:
        combined = not combined
    return combined


def _q_fields(q: Q) -> set[str]:
    names: set[str] = set()
    for child in q.children:
        if isinstance(child, Q):
            names |= _q_fields(child)
        elif isinstance(child, tuple):
            lookup, value = child
            names.add(lookup.split("__", 1)[0])
            if isinstance(value, F):
                reference: Any = value
                names.add(reference.name)
    return names
