"""Validation of new and changed rows in Python: what `full_clean` checks, without a query
per row."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import CheckConstraint, Q

from perhekeskus.catalog.importers.writer.constraints import _UNSUPPORTED, _q_fields, _q_truth
from perhekeskus.catalog.importers.writer.existing import ExistingRows
from perhekeskus.catalog.importers.writer.nodes import (
    _OWNER_KEYS,
    _PRODUCERS,
    _REPEATED,
    _Item,
    _Node,
)
from perhekeskus.catalog.importers.writer.values import _assign
from perhekeskus.catalog.models import Location, Municipality, Organization, ServiceAtLocation


class ValidatingWriter(ExistingRows):
    """Comparing each row with what exists, and validating what is new or changed."""

    # --- validation -------------------------------------------------------------------------

    def _foreign_keys(self, model: type[models.Model]) -> list[Any]:
        fields = self._fk_fields.get(model)
        if fields is None:
            fields = [f for f in model._meta.concrete_fields if f.is_relation]
            self._fk_fields[model] = fields
        return fields

    def _validate_once(self, instance: models.Model, node: _Node) -> None:
        """Validate, remembering rows that passed: an import repeats the same opening hours and
        channels for many owners, and a row's validity depends only on its values (its keys to
        its owner are not checked). A row whose values validation had to convert is not
        remembered, so that every such row is converted."""
        if node.model not in _REPEATED:
            self._validate(instance)
            return
        owner_keys = _OWNER_KEYS[node.model]
        try:
            key = (
                node.model,
                tuple(
                    (name, tuple(value) if isinstance(value, list) else value)
                    for name, value in node.values.items()
                    if name not in owner_keys
                ),
            )
            hash(key)
        except TypeError:
            self._validate(instance)
            return
        if key in self._valid:
            return
        before = [getattr(instance, name) for name in node.values]
        self._validate(instance)
        if before == [getattr(instance, name) for name in node.values]:
            self._valid.add(key)

    def _validate(self, instance: models.Model) -> None:
        """What `full_clean(validate_unique=False)` checks, without a query per row: foreign
        keys against the ids known to exist, check constraints on the instance itself."""
        model = type(instance)
        foreign_keys = self._foreign_keys(model)
        errors: dict[str, Any] = {}
        try:
            instance.clean_fields(exclude={f.name for f in foreign_keys})
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for fk in foreign_keys:
            if fk.attname in _OWNER_KEYS[model]:
                continue
            value = getattr(instance, fk.attname)
            if value is None:
                if not fk.null:
                    errors.setdefault(fk.name, []).append(
                        ValidationError(fk.error_messages["null"], code="null")
                    )
                continue
            target = fk.related_model
            if target is Municipality:
                known = value in self._municipality_codes
            elif target in (Organization, Location):
                self._known(target, [value])
                known = value in self._exists[target]
            else:
                continue
            if not known:
                errors.setdefault(fk.name, []).append(
                    ValidationError(
                        fk.error_messages["invalid"],
                        code="invalid",
                        params={
                            "model": target._meta.verbose_name,
                            "pk": value,
                            "field": fk.remote_field.field_name,
                            "value": value,
                        },
                    )
                )
        for constraint in model._meta.constraints:
            if not isinstance(constraint, CheckConstraint):
                continue  # unique constraints: the ids make them hold (see `_check_unique`)
            condition = constraint.condition
            if not isinstance(condition, Q):
                truth = _UNSUPPORTED
            elif _q_fields(condition) & set(errors):
                continue
            else:
                truth = _q_truth(condition, instance)
            if truth is _UNSUPPORTED:
                try:
                    constraint.validate(model, instance)
                except ValidationError as error:
                    errors.setdefault(NON_FIELD_ERRORS, []).append(error)
            elif truth is False:
                errors.setdefault(NON_FIELD_ERRORS, []).append(
                    ValidationError(
                        constraint.get_violation_error_message(),
                        code=constraint.violation_error_code,
                    )
                )
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _check_unique(item: _Item) -> None:
        """A service at a location is unique per (service, location); two records for one
        location under different ids would break that."""
        seen: set[Any] = set()
        for node in item.root.children:
            if node.model is ServiceAtLocation:
                location = node.values["location_id"]
                if location in seen:
                    raise ValidationError(
                        node.instance.unique_error_message(
                            ServiceAtLocation, ["service", "location"]
                        )
                    )
                seen.add(location)

    def _diff(self, item: _Item, rows: dict[Any, Any]) -> None:
        """Give every node its instance and state; validate what is new or changed."""
        seen: set[tuple[Any, Any]] = set()
        for node in item.nodes:
            if (node.model, node.pk) in seen:
                raise ValidationError(f"{node.model._meta.verbose_name} {node.pk} appears twice")
            seen.add((node.model, node.pk))
            instance = rows.get((node.model, node.pk))
            if instance is None and node is item.root and getattr(item.record, "patch", False):
                raise ValidationError(f"service {node.pk} is not in the catalogue")
            if instance is None:
                instance = self._new(node)
                node.state = "created"
            else:
                node.state = "updated" if _assign(instance, node.values) else "unchanged"
            node.instance = instance
            if node.state != "unchanged":
                self._validate_once(instance, node)
        self._check_unique(item)
        for relation, wanted in item.m2m:
            if relation is _PRODUCERS:
                self._known(Organization, wanted)
                unknown = [pk for pk in wanted if pk not in self._exists[Organization]]
                if unknown:
                    raise ValidationError(
                        {"producers": f"organisation {unknown[0]} does not exist"}
                    )
