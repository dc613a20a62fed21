"""Building, reading and inserting rows without the ORM's per-row overhead."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models.base import ModelState
from django.db.models.fields import AutoFieldMixin
from django.db.models.signals import post_init, pre_init
from django.utils.translation import get_language
from modeltranslation.fields import NONE, TranslationFieldDescriptor
from modeltranslation.utils import build_localized_fieldname, resolution_order

from perhekeskus.catalog.importers.writer.nodes import _Node
from perhekeskus.catalog.importers.writer.state import WriterState


class RowWriter(WriterState):
    """Reading field values and building and inserting rows, fast."""

    # --- reading and inserting rows fast ------------------------------------------------

    def _reader(self, model: type[models.Model], model_field: Any) -> Callable[[Any], Any]:
        """How to read a field's value from an instance. A translated field's own value (the
        one shown in the current language, falling back to the others) is what
        modeltranslation's descriptor computes; it works out the language order on every read,
        which over hundreds of thousands of reads is a good part of an import, so it is worked
        out here once. Anything unusual is left to the descriptor."""
        descriptor = model.__dict__.get(model_field.name)
        if (
            not isinstance(descriptor, TranslationFieldDescriptor)
            or descriptor.fallback_undefined is not NONE
            or descriptor.fallback_value is not NONE
            or isinstance(model_field, models.FileField)
        ):
            return operator.attrgetter(model_field.attname)
        default = model_field.get_default()
        languages = resolution_order(get_language(), descriptor.fallback_languages)
        names = [build_localized_fieldname(model_field.name, lang) for lang in languages]

        def read(instance: Any) -> Any:
            for name in names:
                value = getattr(instance, name, None)
                if value is not None and value != default:
                    return value
            return default

        return read

    def _readers(self, model: type[models.Model]) -> list[tuple[Any, Callable[[Any], Any]]]:
        readers = self._field_readers.get(model)
        if readers is None:
            readers = [(f, self._reader(model, f)) for f in model._meta.concrete_fields]
            self._field_readers[model] = readers
        return readers

    def _insert(self, model: type[models.Model], instances: Sequence[Any]) -> None:
        """`bulk_create` without the ORM's per-value query compilation, which is most of its
        time for rows this plain: one `executemany` (on PostgreSQL, one COPY) of the values
        each field prepares for the database (`get_db_prep_save`, as `bulk_create` uses). No
        signals, as with `bulk_create`. An auto-incremented key is left to the database.
        `instances` may also be plain objects with the fields' attributes (link rows,
        versions): nothing reads them back, so they need not be model instances."""
        if not instances:
            return
        # The connection itself: `django.db.connection` is a proxy that looks the connection
        # up on every attribute access, and each value prepared reads a few.
        db = connections[DEFAULT_DB_ALIAS]
        columns = [
            (f, read)
            for f, read in self._readers(model)
            if not (f.primary_key and isinstance(f, AutoFieldMixin))
        ]
        auto_now = {
            f.attname
            for f, _read in columns
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        }
        quote = db.ops.quote_name
        # Names from the model's own metadata, quoted; every value goes as a parameter.
        sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
            quote(model._meta.db_table),
            ", ".join(quote(f.column) for f, _read in columns),
            ", ".join(["%s"] * len(columns)),
        )
        prepared = [(f, read, _plain_text(f)) for f, read in columns]
        rows = []
        for instance in instances:
            row = []
            for model_field, read, plain in prepared:
                if model_field.attname in auto_now:
                    value = model_field.pre_save(instance, True)
                else:
                    value = read(instance)
                # A text column's string goes to the database as it is (what preparing it
                # would return, at a fraction of the cost over millions of values).
                if plain and (value is None or type(value) is str):
                    row.append(value)
                else:
                    row.append(model_field.get_db_prep_save(value, db))
            rows.append(row)
        with db.cursor() as cursor:
            if db.vendor == "postgresql":
                # COPY: many times quicker than a statement per row, which executemany is.
                copy_sql = "COPY {} ({}) FROM STDIN".format(
                    quote(model._meta.db_table),
                    ", ".join(quote(f.column) for f, _read in columns),
                )
                with cursor.cursor.copy(copy_sql) as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany(sql, rows)
        for instance in instances:
            if isinstance(instance, models.Model):
                instance._state.adding = False
                instance._state.db = db.alias

    def _new(self, node: _Node) -> models.Model:
        """A new instance with every field given. Built as `Model.__init__` builds it (a state,
        then each field's value in the instance's `__dict__`, where Django and modeltranslation
        keep them), without the keyword handling, defaults and init signals that cost more than
        the rest of writing a row; used only while nothing but modeltranslation (whose
        receiver has nothing to do here) listens to the model's `post_init`, and the model
        does not define its own `__init__`. Otherwise the model's constructor is called."""
        model = node.model
        fields = self._fields.get(model)
        if fields is None:
            fields = [(f.attname, f) for f in model._meta.concrete_fields]
            self._fields[model] = fields
            self._plain_init[model] = _plain_init(model)
        pk_name = model._meta.pk.attname
        values = node.values
        row = [
            node.pk
            if name == pk_name
            else values[name]
            if name in values
            else model_field.get_default()
            for name, model_field in fields
        ]
        if not self._plain_init[model]:
            return model(*row)
        instance = model.__new__(model)
        instance._state = ModelState()
        instance.__dict__.update(zip((name for name, _f in fields), row, strict=True))
        return instance


def _plain_text(model_field: Any) -> bool:
    """Whether the field prepares a string for the database by returning it unchanged: a
    CharField or TextField (or a subclass such as EmailField, URLField or modeltranslation's
    language fields) that overrides none of the preparing methods."""
    kind = type(model_field)
    if not issubclass(kind, models.CharField | models.TextField):
        return False
    base = models.CharField if issubclass(kind, models.CharField) else models.TextField
    return (
        kind.get_db_prep_save is models.Field.get_db_prep_save
        and kind.get_db_prep_value is models.Field.get_db_prep_value
        and kind.get_prep_value is base.get_prep_value
        and kind.to_python is base.to_python
    )


def _plain_init(model: type[models.Model]) -> bool:
    """Whether building an instance needs nothing but its field values (see `Writer._new`)."""
    init = model.__init__
    if init is not models.Model.__init__ and getattr(init, "__name__", "") != "new_init":
        return False  # an __init__ of its own (modeltranslation's wrapper is "new_init")
    try:
        post_sync, post_async = post_init._live_receivers(model)
        pre_sync, pre_async = pre_init._live_receivers(model)
    except (AttributeError, TypeError, ValueError):
        return False  # another Django: take the safe way
    return not (pre_sync or pre_async) and all(
        getattr(receiver, "__name__", "") == "delete_mt_init"
        for receiver in [*post_sync, *post_async]
    )
