"""Bulk reads of what exists: the rows a chunk touches, their links, which ids exist."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import models

from perhekeskus.catalog.importers.writer.items import ItemWriter
from perhekeskus.catalog.importers.writer.nodes import _M2M, _OWNED, _Item
from perhekeskus.catalog.importers.writer.values import _fetch, _in_slices


class ExistingRows(ItemWriter):
    """Bulk reads of the rows and links that exist."""

    # --- what exists ------------------------------------------------------------------------

    def _known(self, model: type[models.Model], ids: Iterable[Any]) -> None:
        """Find out which of these ids exist, one query for those not yet asked about."""
        unknown = {i for i in ids if i is not None} - self._exists[model] - self._missing[model]
        found = set()
        for part in _in_slices(unknown):
            found |= set(model._default_manager.filter(pk__in=part).values_list("pk", flat=True))
        self._exists[model] |= found
        self._missing[model] |= unknown - found

    def _load(self, items: list[_Item]) -> tuple[dict[Any, Any], dict[Any, list[Any]]]:
        """The existing rows the chunk touches: by (model, pk), and by (model, owner fk, owner).
        Everything an existing row owns is read, whether the import mentions it or not: a row
        the import leaves out is either removed or kept, and a kept one belongs in the version's
        snapshot. Only owners that exist can own rows, so a new service costs no queries for
        its rows (except those whose ids the source gave, which might exist under another
        owner)."""
        rows: dict[Any, Any] = {}
        owned: dict[Any, list[Any]] = defaultdict(list)
        level = [item.root for item in items]
        model = level[0].model
        owners: dict[type[models.Model], set[Any]] = defaultdict(set)
        for instance in _fetch(model, "pk", [node.pk for node in level]):
            rows[(model, instance.pk)] = instance
            owners[model].add(instance.pk)
        while owners or level:
            next_owners: dict[type[models.Model], set[Any]] = defaultdict(set)
            for owner_model, pks in owners.items():
                for child_model, fk in _OWNED[owner_model]:
                    for instance in _fetch(child_model, fk, pks):
                        instance = rows.setdefault((child_model, instance.pk), instance)
                        owned[(child_model, fk, getattr(instance, fk))].append(instance)
                        next_owners[child_model].add(instance.pk)
            children = [child for node in level for child in node.children]
            explicit: dict[type[models.Model], list[Any]] = defaultdict(list)
            for child in children:
                if child.explicit and (child.model, child.pk) not in rows:
                    explicit[child.model].append(child.pk)
            for child_model, wanted in explicit.items():
                for instance in _fetch(child_model, "pk", wanted):
                    rows[(child_model, instance.pk)] = instance
                    next_owners[child_model].add(instance.pk)
            level = children
            owners = {m: pks for m, pks in next_owners.items() if _OWNED[m]}
        return rows, owned

    def _m2m_current(
        self, items: list[_Item], relations: Iterable[_M2M] = ()
    ) -> dict[tuple[_M2M, Any], set[Any]]:
        current: dict[tuple[_M2M, Any], set[Any]] = defaultdict(set)
        relations = set(relations) | {relation for item in items for relation, _wanted in item.m2m}
        owners = [item.root.pk for item in items]
        for relation in relations:
            for part in _in_slices(owners):
                links = relation.through._default_manager.filter(
                    **{f"{relation.source}__in": part}
                ).values_list(relation.source, relation.target)
                for owner, target in links:
                    current[(relation, owner)].add(target)
        return current
