"""Values that may be wrong (URLs, e-mails, phone numbers, postal codes, municipalities,
coordinates, language codes): a wrong one is dropped with a note."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_noop

from perhekeskus.catalog.importers.coordinates import etrs_tm35fin_to_wgs84, in_finland
from perhekeskus.catalog.importers.ptv.constants import (
    _LANGUAGE_CODE,
    _MUNICIPALITY,
    _PHONE,
    _POSTAL_CODE,
    _URL,
    URL_MAX,
)
from perhekeskus.catalog.importers.ptv.reader import _bool, _Doc, _list, _str
from perhekeskus.catalog.importers.ptv.texts import _texts
from perhekeskus.catalog.importers.records import Texts

# --- values that may be wrong ------------------------------------------------------------------


def _url(doc: _Doc, value: str, path: str, *, limit: int = URL_MAX) -> str:
    if not value:
        return ""
    try:
        _URL(value)
    except ValidationError:
        doc.note(path, gettext_noop("not a web address, left out: %(value)r"), value=value)
        return ""
    if len(value) > limit:
        doc.note(
            path,
            gettext_noop("web address longer than %(limit)d characters, left out"),
            limit=limit,
        )
        return ""
    return value


def _email(doc: _Doc, value: str, path: str) -> str:
    if not value:
        return ""
    try:
        validate_email(value)
    except ValidationError:
        doc.note(path, gettext_noop("not an e-mail address, left out: %(value)r"), value=value)
        return ""
    return value


def _phone_number(doc: _Doc, item: dict[str, Any], path: str) -> str:
    number = _str(doc, item, "number", path)
    if not number:
        return ""
    prefix = _str(doc, item, "prefixNumber", path)
    # A Finnish service number (0800..., 0200...) is dialled as it is, without a country code.
    if prefix and not _bool(doc, item, "isFinnishServiceNumber", path):
        number = f"{prefix} {number.removeprefix('0')}"
    if not _PHONE.match(number) or sum(c.isdigit() for c in number) < 3:
        doc.note(
            f"{path}.number", gettext_noop("not a phone number, left out: %(value)r"), value=number
        )
        return ""
    return number


def _postal_code(doc: _Doc, value: str, path: str) -> str:
    if value and not _POSTAL_CODE.match(value):
        doc.note(path, gettext_noop("not a Finnish postal code, left out: %(value)r"), value=value)
        return ""
    return value


def _municipality(
    doc: _Doc, municipality: dict[str, Any] | None, path: str, known: dict[str, Texts]
) -> str | None:
    """The municipality's code (its names recorded in `known`), or None."""
    if municipality is None:
        return None
    code = _str(doc, municipality, "code", path)
    if not code:
        return None
    if not _MUNICIPALITY.match(code):
        doc.note(
            f"{path}.code", gettext_noop("not a municipality code, left out: %(value)r"), value=code
        )
        return None
    names = _texts(doc, municipality, "name", path)
    if names or code not in known:
        known[code] = names
    return code


def _coordinate(doc: _Doc, parent: dict[str, Any], key: str, path: str) -> float | None:
    value = parent.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        doc.fail(f"{path}.{key}", "expected a string")
    try:
        number = float(value)
    except ValueError:
        doc.note(
            f"{path}.{key}", gettext_noop("not a coordinate, left out: %(value)r"), value=value
        )
        return None
    return number if math.isfinite(number) else None


def _coordinates(
    doc: _Doc, parent: dict[str, Any], path: str
) -> tuple[Decimal, Decimal] | tuple[None, None]:
    northing = _coordinate(doc, parent, "latitude", path)
    easting = _coordinate(doc, parent, "longitude", path)
    if northing is None or easting is None:
        return None, None
    if not in_finland(northing=northing, easting=easting):
        doc.note(
            path,
            gettext_noop("coordinates %(northing)s, %(easting)s are not ETRS-TM35FIN in Finland"),
            northing=northing,
            easting=easting,
        )
        return None, None
    latitude, longitude = etrs_tm35fin_to_wgs84(northing=northing, easting=easting)
    step = Decimal("0.000001")
    return Decimal(latitude).quantize(step), Decimal(longitude).quantize(step)


def _language_codes(doc: _Doc, parent: dict[str, Any], key: str, path: str) -> list[str]:
    codes = []
    for index, value in enumerate(_list(doc, parent, key, path)):
        if not isinstance(value, str):
            doc.fail(f"{path}.{key}[{index}]", "expected a string")
        code = value.strip().lower()
        if _LANGUAGE_CODE.match(code):
            codes.append(code)
        else:
            doc.note(
                f"{path}.{key}[{index}]",
                gettext_noop("not a language code, left out: %(value)r"),
                value=value,
            )
    return list(dict.fromkeys(codes))
