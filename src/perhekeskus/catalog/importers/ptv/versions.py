"""Older PTV open API versions read as v11: what counties still export from v9 differs from v11
in a few names and shapes, which are turned into v11's before anything else reads the item.

What is known to differ (and is all this module assumes; anything else is read as v11):

- A service lists its channels as `serviceChannelIds` (ids), or as `serviceChannels` whose items
  are ids or `{serviceChannelId}`; v11 has `serviceChannels: [{serviceChannel: {id, name}}]`.
- A channel lists its services as `serviceIds`, or `services` whose items are ids or
  `{serviceId}`; v11 has `services: [{service: {id, name}}]`.
- Service hours are typed `Standard`, `Exception` and `Special` (v11: `DaysOfTheWeek`,
  `Exceptional`, `OverMidnight`).
- A charge is `Charged` (v11: `Chargeable`).
- A service's municipalities are `areaMunicipalities: [{code, name}]` (v11: `areas` of type
  Municipality).
"""

from __future__ import annotations

from typing import Any

HOUR_TYPES = {"Standard": "DaysOfTheWeek", "Exception": "Exceptional", "Special": "OverMidnight"}
CHARGE_TYPES = {"Charged": "Chargeable"}


def _links(values: Any, inner: str, old_id: str) -> Any:
    """`[id, {old_id: id}, {inner: {...}}]` → `[{inner: {id}}]`; anything else as it is."""
    if not isinstance(values, list):
        return values
    links = []
    for value in values:
        if isinstance(value, str):
            links.append({inner: {"id": value}})
        elif isinstance(value, dict) and inner not in value and old_id in value:
            links.append({**value, inner: {"id": value[old_id]}})
        else:
            links.append(value)
    return links


def _charges(values: Any) -> Any:
    if not isinstance(values, list):
        return values
    return [
        {**value, "serviceChargeType": CHARGE_TYPES[value["serviceChargeType"]]}
        if isinstance(value, dict) and value.get("serviceChargeType") in CHARGE_TYPES
        else value
        for value in values
    ]


def as_v11(item: dict[str, Any]) -> dict[str, Any]:
    """The item in v11's names and shapes (the item itself when it already is)."""
    changed = dict(item)
    if "serviceChannelIds" in item and not item.get("serviceChannels"):
        changed["serviceChannels"] = item["serviceChannelIds"]
    if "serviceIds" in item and not item.get("services"):
        changed["services"] = item["serviceIds"]
    if "serviceChannels" in changed:
        changed["serviceChannels"] = _links(
            changed["serviceChannels"], "serviceChannel", "serviceChannelId"
        )
    if "services" in changed and ("serviceChannelType" in item or "serviceIds" in item):
        changed["services"] = _links(changed["services"], "service", "serviceId")
    if changed.get("serviceChargeType") in CHARGE_TYPES:
        changed["serviceChargeType"] = CHARGE_TYPES[changed["serviceChargeType"]]
    for key in ("phoneNumbers", "supportPhones"):
        if key in changed:
            changed[key] = _charges(changed[key])
    hours = changed.get("serviceHours")
    if isinstance(hours, list):
        changed["serviceHours"] = [
            {**hour, "serviceHourType": HOUR_TYPES[hour["serviceHourType"]]}
            if isinstance(hour, dict) and hour.get("serviceHourType") in HOUR_TYPES
            else hour
            for hour in hours
        ]
    municipalities = item.get("areaMunicipalities")
    if isinstance(municipalities, list) and not item.get("areas"):
        changed["areas"] = [
            {"type": "Municipality", **m} for m in municipalities if isinstance(m, dict)
        ]
        changed.setdefault("areaType", "LimitedType")
    return changed if changed != item else item
