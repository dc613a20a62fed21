"""What a service description must say before families can see it (usability review M16):
how to reach the service, where it is available, when, and, where a municipality of its area
is bilingual, its name and summary in Finnish and Swedish (Language Act 423/2003 §§ 23, 32).

The check reads a snapshot (`catalog.versions.service_snapshot`), so that the live description
and a draft waiting for approval are checked alike. It returns the missing things as sentences
in the active language: the publish services refuse with them and the publishing page shows
them as a checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from perhekeskus.catalog.models import AreaType, Municipality, Organization, Schedule


@dataclass(frozen=True)
class Check:
    label: str  # what is checked, e.g. "How to reach the service"
    problem: str  # empty when it is there


def _text(snapshot: dict[str, Any], field: str, lang: str) -> bool:
    return bool((snapshot.get(f"{field}_{lang}") or "").strip())


def _bilingual_area(snapshot: dict[str, Any]) -> list[str]:
    """The names of the bilingual municipalities of the service's area; for the whole country,
    the country itself (both national languages)."""
    area = snapshot.get("area_type")
    if area == AreaType.NATIONWIDE:
        return [_("Finland")]
    if area == AreaType.COUNTY:
        organization_id: Any = snapshot.get("organization_id")
        organization = Organization.objects.filter(pk=organization_id).first()
        municipalities = list(organization.municipalities.all()) if organization else []
    else:
        codes = snapshot.get("area_municipalities") or []
        municipalities = list(Municipality.objects.filter(code__in=codes))
    return sorted(m.name for m in municipalities if m.is_bilingual)


def _has_hours(snapshot: dict[str, Any]) -> bool:
    if snapshot.get("by_appointment") or snapshot.get("schedules"):
        return True
    at_locations = snapshot.get("at_locations") or []
    channels = list(snapshot.get("channels") or [])
    for entry in at_locations:
        if entry.get("schedules"):
            return True
        channels.extend(entry.get("channels") or [])
    if any(channel.get("schedules") for channel in channels):
        return True
    location_ids = [entry.get("location_id") for entry in at_locations]
    return Schedule.objects.filter(location_id__in=location_ids).exists()


def publication_checks(snapshot: dict[str, Any]) -> list[Check]:
    """Every check, passed or not, in the order the publishing page lists them."""
    at_locations = snapshot.get("at_locations") or []
    reachable = bool(snapshot.get("channels")) or bool(at_locations)
    area = snapshot.get("area_type")
    has_area = area in (AreaType.COUNTY, AreaType.NATIONWIDE) or bool(
        snapshot.get("area_municipalities")
    )
    checks = [
        Check(
            _("Name and summary in Finnish"),
            ""
            if _text(snapshot, "name", "fi")
            and (_text(snapshot, "summary", "fi") or _text(snapshot, "description", "fi"))
            else _("Write the name and a summary or description in Finnish."),
        ),
        Check(
            _("How to reach the service"),
            "" if reachable else _("Add a way to reach the service: a contact channel or a place."),
        ),
        Check(
            _("Where the service is available"),
            ""
            if has_area
            else _(
                "Say where the service is available: its municipalities, the whole wellbeing "
                "services county or the whole country."
            ),
        ),
        Check(
            _("When the service is available"),
            ""
            if _has_hours(snapshot)
            else _(
                "Say when the service is available: opening hours at a place or of a contact "
                "channel, or mark the service as by appointment."
            ),
        ),
    ]
    bilingual = _bilingual_area(snapshot) if has_area else []
    if bilingual:
        in_swedish = _text(snapshot, "name", "sv") and (
            _text(snapshot, "summary", "sv") or _text(snapshot, "description", "sv")
        )
        checks.append(
            Check(
                _("Name and summary in Swedish"),
                ""
                if in_swedish
                else _(
                    "Write the name and a summary or description in Swedish too: the service "
                    "is available in a bilingual area (%(places)s)."
                )
                % {"places": ", ".join(bilingual)},
            )
        )
    return checks


def missing_for_publication(snapshot: dict[str, Any]) -> list[str]:
    """What the description lacks before it may be published; empty when it is complete."""
    return [check.problem for check in publication_checks(snapshot) if check.problem]
