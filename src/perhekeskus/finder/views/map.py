"""The map of services and open meeting places. The page is a list of places that works alone;
with JavaScript, finder/map.js draws the same places on a Leaflet map from the page's JSON data
block (the Content-Security-Policy allows no inline scripts, and data blocks are not scripts)."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from perhekeskus.core import happenings
from perhekeskus.finder.forms import MapForm
from perhekeskus.finder.views.common import municipality_choices
from perhekeskus.finder.views.places import Place, day_event, place_list, postal_code_point
from perhekeskus.finder.views.service import directions_links


def _map_item(place: Place) -> dict[str, Any]:
    location = place.location
    lat, lon = place.point
    if place.state is None:
        status = ""
    elif place.state.open_now:
        status = _("Open now")
    elif place.state.next_text:
        status = _("Closed now, opens %(when)s") % {"when": place.state.next_text}
    else:
        status = _("Closed now")
    town = " ".join(part for part in (location.postal_code, location.post_office) if part)
    address = ", ".join(part for part in (location.street_address, town) if part)
    return {
        "id": str(location.pk),
        "name": location.name,
        "lat": lat,
        "lon": lon,
        "meeting": location.is_meeting_place,
        "address": address,
        "status": status,
        "services": len(place.services),
        # Today's events, for the marker's popup (the list below says the same).
        "events": [
            {
                "title": event.happening.title,
                "when": event.when,
                "url": event.happening.url,
                "seats": event.happening.seats,
            }
            for event in place.today
        ],
    }


@require_GET
def map_page(request: HttpRequest) -> HttpResponse:
    municipalities = municipality_choices()
    form = MapForm(request.GET, municipalities=municipalities)
    values = form.parse()
    notes = form.notes()
    near = values.get("near")
    near_label = _("your location") if near else ""
    postal_code = values.get("postal_code") or ""
    # A typed postal code is the newer wish: the location button clears the field (finder.js).
    if postal_code:
        near = postal_code_point(postal_code)
        if near is None:
            notes.append(
                _(
                    "We have no places near the postal code %(code)s, so the places are not "
                    "sorted by distance."
                )
                % {"code": postal_code}
            )
        else:
            near_label = _("postal code %(code)s") % {"code": postal_code}
    if not near:
        near_label = ""
    now = timezone.now()
    places = place_list(
        now=now,
        municipality=values.get("municipality") or None,
        meeting_places_only=bool(values.get("meeting_places")),
        open_now=bool(values.get("open_now")),
        near=near,
    )
    # Today's events beside each place's hours: one question for all the places.
    today = timezone.localdate(now)
    on_day = happenings.on_day([p.location.pk for p in places], today)
    if on_day:
        places = [
            dataclasses.replace(
                p, today=[day_event(h, today) for h in on_day.get(p.location.pk, [])]
            )
            for p in places
        ]
    focus = values.get("place")
    focus_place = next((p for p in places if p.location.pk == focus), None) if focus else None
    if focus and focus_place is None:
        notes.append(str(_("The place you looked for is not in the list with these filters.")))
        focus = None
    filtered = any(
        values.get(name) for name in ("municipality", "meeting_places", "open_now", "postal_code")
    ) or bool(values.get("near"))
    context = {
        "form": form,
        "notes": notes,
        "places": places,
        "near_label": near_label,
        # The browser's location, carried on when the filters change (not a postal code's point).
        "geo_near": ""
        if postal_code or not values.get("near")
        else "{},{}".format(*values["near"]),
        "focus": str(focus) if focus else "",
        # "Show on the map" lands on this place's box, with the map right below it.
        "focus_place": focus_place,
        "focus_directions": directions_links(focus_place.location) if focus_place else [],
        "filtered": filtered,
        "map_data": {
            "places": [_map_item(p) for p in places],
            "focus": str(focus) if focus else None,
            "near": list(near) if near else None,
        },
        # No tile server configured: no map is drawn, nothing is fetched from a third party
        # (the list and each place's directions links remain); see the privacy page.
        "tile_url": settings.PERHEKESKUS_TILE_URL,
        "tile_attribution": settings.PERHEKESKUS_TILE_ATTRIBUTION,
        "map_url": reverse("finder:map"),
    }
    return render(request, "finder/map.html", context)
