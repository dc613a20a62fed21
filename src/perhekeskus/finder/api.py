"""`GET /api/v1/services` with the finder's search and filters.

The catalogue's plain list of services (`catalog.api.ServiceListView`, by name) stays what the
endpoint answers without any of the finder's parameters, at two queries a page. With `search`
or any of the finder's filters (municipality, age, task, channel, language, open now, near) the
finder's search engine answers instead, in rank order (or nearest first among equally relevant
services with `near`); the catalogue's own filters (organisation, taxonomy term, taxonomy,
modified after) combine with them.

Unlike the public results page, which leaves out a filter it cannot read and says so, the API
refuses it: 400 with the field and a message in the language of the request.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise, lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from perhekeskus.catalog import hsds, selectors
from perhekeskus.catalog.accessibility import FEATURES_BY_KEY
from perhekeskus.catalog.api import (
    ACCEPT_LANGUAGE,
    LIST_RESPONSES,
    ServiceFilterParams,
    ServiceListView,
    page_body,
    page_of,
    register_shape,
)
from perhekeskus.catalog.models import MAX_CHILD_AGE
from perhekeskus.core.tasks import FAMILY_CENTER_TASKS
from perhekeskus.finder.forms import EXPECTING, LANGUAGE_CODE, MAX_QUERY_LENGTH, parse_point
from perhekeskus.finder.search.engine import search_services
from perhekeskus.finder.search.types import CHANNELS, SearchFilters, SearchHit

# The parameters that make the search engine answer; without them the plain list does.
SEARCH_PARAMETERS = (
    "search",
    "municipality",
    "age",
    "task",
    "channel",
    "language",
    "accessibility",
    "open_now",
    "near",
)

register_shape("ServiceSearchListItem", "x_distance_km:float?", extends="ServiceListItem")
register_shape("RelatedSituation", "key! name!")
register_shape(
    "ServiceSearchListItemPage",
    "x_suggestion:str? x_corrected:bool x_related:[RelatedSituation] x_urgent:bool "
    "x_place:Municipality? x_matching_every_word:int?",
)


def _filled(message: str | Promise, **values: Any) -> str:
    """`message % values`, translated when it is shown, in the language of the request."""
    return lazy(lambda: str(message) % values, str)()


# DRF formats a field's messages with str.format: they hold no braces of their own.
AGE_ERROR = _filled(
    _("The age of the child is a whole number of years from 0 to %(max)s."), max=MAX_CHILD_AGE
)
LANGUAGE_ERROR = _("Give the language as its ISO 639 code of two or three small letters.")
CHANNEL_ERROR = _filled(
    _("Choose one of these ways to reach a service: %(channels)s."), channels=", ".join(CHANNELS)
)
TASK_ERROR = _("The task is the number of one of the eight family-center tasks, from 1 to 8.")
OPEN_NOW_ERROR = _("Give true or false.")
NEAR_ERROR = _(
    "Give the location as latitude,longitude in degrees, for example 60.53,25.60 (latitude "
    "from -90 to 90, longitude from -180 to 180)."
)


class ServiceSearchParams(ServiceFilterParams):
    search = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text=_filled(
            _(
                "What the family is looking for, in their own words and in any inflected form "
                '(e.g. "neuvolassa", "separation", "baby cries a lot"). Results come in rank '
                "order, the best first; a typo is corrected (`x_suggestion`, `x_corrected`). "
                "Text beyond %(max)s characters is left out."
            ),
            max=MAX_QUERY_LENGTH,
        ),
    )
    municipality = serializers.CharField(
        required=False,
        help_text=_(
            "Official three-digit municipality code, e.g. 018 for Askola: the services of that "
            "municipality, of its whole wellbeing services county and of the whole country. An "
            "unknown code is an error."
        ),
    )
    age = serializers.CharField(
        required=False,
        help_text=_filled(
            _(
                "Age of the child in whole years (0 to %(max)s): only services for a child of "
                "that age. `expecting`: a family expecting a baby, the services from pregnancy "
                "on for small children (their age range starts at 0, which in the catalogue "
                "covers pregnancy, and ends by 6), such as maternity and child health clinics."
            ),
            max=MAX_CHILD_AGE,
        ),
    )
    language = serializers.RegexField(
        LANGUAGE_CODE,
        required=False,
        help_text=_(
            "Only services given in this language: its ISO 639 code, e.g. ar (Arabic), so "
            "(Somali), se (Northern Sami)."
        ),
        error_messages={"invalid": LANGUAGE_ERROR},
    )
    task = serializers.ChoiceField(
        choices=[(task.number, task.title) for task in FAMILY_CENTER_TASKS],
        required=False,
        help_text=_("Only services of this family-center task (1–8)."),
        error_messages={"invalid_choice": TASK_ERROR},
    )
    channel = serializers.ChoiceField(
        choices=CHANNELS,
        required=False,
        help_text=_(
            "Only services that can be reached this way: visit (a place to visit), phone, "
            "chat, eservice (an e-service) or remote (a remote appointment)."
        ),
        error_messages={"invalid_choice": CHANNEL_ERROR},
    )
    accessibility = serializers.CharField(
        required=False,
        help_text=_(
            "Only services with a place that has every one of these accessibility features, "
            "separated by commas: step_free (step-free entrance), lift, parking (accessible "
            "parking space), toilet (accessible toilet), induction_loop."
        ),
    )
    open_now = serializers.BooleanField(
        required=False,
        help_text=_(
            "true: only services open now in Finnish time, by their own hours, the hours of "
            "one of their places or of one of their contact channels."
        ),
        error_messages={"invalid": OPEN_NOW_ERROR},
    )
    near = serializers.CharField(
        required=False,
        help_text=_(
            "A location as latitude,longitude in WGS84 degrees, e.g. 60.53,25.60: each service "
            "with `x_distance_km` to its nearest place (null for a service without a place). "
            "With `search`, the nearest first among the services that answer it about as well "
            "(a service that barely matches does not come first for being next door); "
            "without, every service nearest first. Services without a place come last."
        ),
    )

    def validate_search(self, value: str) -> str:
        # Cut, not refused, as on the public results page: the first words are what a search
        # can use.
        return " ".join(value.split())[:MAX_QUERY_LENGTH]

    def validate_age(self, value: str) -> int | str:
        text = value.strip().casefold()
        if text == EXPECTING:
            return EXPECTING
        if not text.isascii() or not text.isdigit() or int(text) > MAX_CHILD_AGE:
            raise serializers.ValidationError(AGE_ERROR)
        return int(text)

    def validate_municipality(self, value: str) -> str:
        if len(value) != 3 or not value.isascii() or not value.isdigit():
            raise serializers.ValidationError(_("A municipality code has three digits."))
        if not selectors.municipality_exists(code=value):
            raise serializers.ValidationError(
                gettext("There is no municipality with the code %(code)s.") % {"code": value}
            )
        return value

    def validate_accessibility(self, value: str) -> frozenset[str]:
        keys = frozenset(key.strip() for key in value.split(",") if key.strip())
        unknown = sorted(keys - FEATURES_BY_KEY.keys())
        if unknown:
            raise serializers.ValidationError(
                gettext("Unknown accessibility feature: %(keys)s. Choose from: %(known)s.")
                % {"keys": ", ".join(unknown), "known": ", ".join(FEATURES_BY_KEY)}
            )
        return keys

    def validate_near(self, value: str) -> tuple[float, float]:
        point = parse_point(value)
        if point is None:
            raise serializers.ValidationError(NEAR_ERROR)
        return point


def searching(params: dict[str, Any]) -> bool:
    """Whether the finder's parameters ask for anything (`open_now=false` and a blank search
    do not)."""
    return any(params.get(name) not in (None, "", False) for name in SEARCH_PARAMETERS)


def search_filters(params: dict[str, Any]) -> SearchFilters:
    age = params.get("age")
    return SearchFilters(
        municipality=params.get("municipality"),
        age=age if isinstance(age, int) else None,
        expecting=age == EXPECTING,
        service_language=params.get("language"),
        task=params.get("task"),
        channel=params.get("channel"),
        open_now=bool(params.get("open_now")),
        near=params.get("near"),
        accessibility=params.get("accessibility") or frozenset(),
        organization_id=params.get("organization_id"),
        taxonomy_term_id=params.get("taxonomy_term_id"),
        taxonomy_id=params.get("taxonomy_id"),
        modified_after=params.get("modified_after"),
    )


class ServiceSearchListView(ServiceListView):
    params_class = ServiceSearchParams

    @extend_schema(
        operation_id="listServices",
        summary="Services",
        description=(
            "Public services, one-to-one fields only.\n\n"
            "Without `search` and the finder's filters (`municipality`, `age`, `task`, "
            "`channel`, `language`, `open_now`, `near`): every public service by name. With "
            "any of them: "
            "the finder's search, in rank order (with `near`, nearest first among equally "
            "relevant services); an empty "
            "`search` lists what passes the filters by name. Every filter given must hold, "
            "the catalogue's own ones included.\n\n"
            "A search answers with these extensions of `Page`: `x_suggestion`, the corrected "
            'query when the typed one had a typo ("did you mean"), else null; `x_corrected`, '
            "true when the results are for `x_suggestion` because the typed words found "
            "nothing; `x_related`, life situations related to the query (`key`, `name`; when "
            "nothing is found, the common ones), to search for instead; `x_urgent`, true when "
            "the search speaks of a crisis, self-harm or violence: show the emergency number 112 "
            "and the crisis and violence helplines before the results (the relevant services "
            "open now already come first); `x_place`, the municipality (`code`, `name`) named "
            'in `search` ("neuvola Porvoo", "familjerådgivning Borgå", "perheneuvola turussa"), '
            "which is then used as the `municipality` filter and is not searched for as a word "
            "(only when `municipality` is not given), else null; `x_matching_every_word`, how many "
            "of the results (the first ones, in rank order) match every word of `search`, "
            "directly or through the life situation the words name, when broader matches "
            "follow them, else null. With `near` each item "
            "has `x_distance_km`, the distance to the service's nearest place (null for a "
            "service without a place)."
        ),
        parameters=[ServiceSearchParams, ACCEPT_LANGUAGE],
        responses={200: page_of("ServiceSearchListItem"), **LIST_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        params = self.params(request)
        if not searching(params):
            return super().get(request)
        lang = self.language
        near = params.get("near")
        result = search_services(
            query=params.get("search", ""),
            filters=search_filters(params),
            language=lang,
            page=params["page"],
            per_page=params["per_page"],
        )

        def item(hit: SearchHit) -> dict[str, Any]:
            data = hsds.service_list_item(hit.service, lang=lang)
            if near is not None:
                data["x_distance_km"] = hit.distance_km
            return data

        body = page_body(
            total=result.total,
            page=result.page,
            per_page=result.per_page,
            contents=[item(hit) for hit in result.hits],
        )
        body["x_suggestion"] = result.suggestion
        body["x_corrected"] = result.corrected
        body["x_related"] = [{"key": r.key, "name": r.name} for r in result.related]
        body["x_urgent"] = result.urgent
        place = result.place
        body["x_place"] = None if place is None else {"code": place.code, "name": place.name}
        body["x_matching_every_word"] = result.matching_every_word
        return Response(body)
