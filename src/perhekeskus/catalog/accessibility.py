"""Structured accessibility of a place, as in the Service Map (Palvelukartta): each feature is
yes, no or not known (`None`). The finder shows the known ones with an icon and a sentence, the
search filters by them (`accessibility=step_free,toilet`) and the HSDS export names them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Feature:
    key: str  # in addresses and exports: accessibility=step_free
    field: str  # the Location field
    present: str | Promise  # what the card says when the place has it
    absent: str | Promise  # ... when it does not

    @property
    def label(self) -> Any:
        """The feature's name inside a sentence (the field's lower-case name)."""
        from perhekeskus.catalog.models import Location

        return getattr(Location._meta.get_field(self.field), "verbose_name", self.present)


FEATURES: tuple[Feature, ...] = (
    Feature(
        "step_free",
        "step_free_entrance",
        _("Step-free entrance"),
        _("The entrance has steps"),
    ),
    Feature("lift", "lift", _("Lift"), _("No lift")),
    Feature(
        "parking",
        "accessible_parking",
        _("Accessible parking space"),
        _("No accessible parking space"),
    ),
    Feature("toilet", "accessible_toilet", _("Accessible toilet"), _("No accessible toilet")),
    Feature("induction_loop", "induction_loop", _("Induction loop"), _("No induction loop")),
)
FEATURES_BY_KEY = {feature.key: feature for feature in FEATURES}


@dataclass(frozen=True)
class AccessFact:
    key: str
    available: bool
    text: str


def accessibility_facts(location: Any) -> list[AccessFact]:
    """What is known of the place's accessibility, in the order of `FEATURES`."""
    facts = []
    for feature in FEATURES:
        value = getattr(location, feature.field, None)
        if value is None:
            continue
        text = feature.present if value else feature.absent
        facts.append(AccessFact(feature.key, bool(value), str(text)))
    return facts


def accessibility_keys(location: Any) -> list[str]:
    """The features the place is known to have (what a search filter matches)."""
    return [f.key for f in FEATURES if getattr(location, f.field, None) is True]


def accessibility_by_service() -> dict[Any, tuple[frozenset[str], ...]]:
    """For each service given at a physical place whose accessibility is known: the features
    each such place has (what the search's accessibility filter asks of one place)."""
    from perhekeskus.catalog.models import LocationType, ServiceAtLocation

    fields = [f"location__{feature.field}" for feature in FEATURES]
    rows = (
        ServiceAtLocation.objects.filter(location__location_type=LocationType.PHYSICAL)
        .order_by()
        .values_list("service_id", *fields)
    )
    places: dict[Any, set[frozenset[str]]] = {}
    for service_id, *values in rows.iterator(chunk_size=5000):
        keys = frozenset(f.key for f, value in zip(FEATURES, values, strict=True) if value)
        if keys:
            places.setdefault(service_id, set()).add(keys)
    return {service_id: tuple(sets) for service_id, sets in places.items()}
