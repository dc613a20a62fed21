"""Search results: every search is a shareable GET address, the filters are a plain form with
counts (no JavaScript needed), and a search that finds nothing always offers a way on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from perhekeskus.catalog.accessibility import FEATURES
from perhekeskus.catalog.hsds import language_name
from perhekeskus.core.tasks import FAMILY_CENTER_TASKS, task_by_number
from perhekeskus.finder.forms import (
    CHANNEL_LABELS,
    EXPECTING,
    SearchForm,
    age_choices,
    search_filters,
)
from perhekeskus.finder.search.engine import search_services
from perhekeskus.finder.views.common import language, municipality_choices, service_cards

PER_PAGE = 20
# The order of the parameters in the addresses the page makes.
PARAMS = (
    "q",
    "municipality",
    "age",
    "task",
    "channel",
    "language",
    "accessibility",
    "open_now",
    "near",
)
_PAGE_WINDOW = 2


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int | None
    checked: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    legend: str
    options: list[FacetOption]


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_url: str


class SearchUrls:
    """Addresses of this search with some parameters changed, for links on the page."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self.base = reverse("finder:search")
        self.params: dict[str, str] = {}
        for name in PARAMS:
            value = values.get(name)
            if value in (None, "", False) or (name == "accessibility" and not value):
                continue
            if name == "near":
                value = f"{value[0]},{value[1]}"
            elif name == "accessibility":
                value = ",".join(f.key for f in FEATURES if f.key in value)
            elif name == "open_now":
                value = "1"
            self.params[name] = str(value)

    def url(self, **changes: Any) -> str:
        params = dict(self.params)
        for name, value in changes.items():
            if value in (None, "", False):
                params.pop(name, None)
            else:
                params[name] = str(value)
        ordered = [(n, params[n]) for n in (*PARAMS, "page") if n in params]
        return f"{self.base}?{urlencode(ordered)}" if ordered else self.base


def _facet(
    name: str,
    legend: str,
    all_label: str,
    choices: list[tuple[str, str]],
    selected: str,
    counts: Mapping[str, int] | None,
) -> FacetGroup:
    options = [FacetOption("", all_label, None, selected == "")]
    for value, label in choices:
        count = None if counts is None else counts.get(value, 0)
        # Options that would find nothing are left out, unless chosen.
        if count == 0 and value != selected:
            continue
        options.append(FacetOption(value, label, count, value == selected))
    return FacetGroup(name, legend, options)


def _active_filters(
    values: Mapping[str, Any], urls: SearchUrls, municipalities: dict[str, str]
) -> list[ActiveFilter]:
    active = []
    if values.get("municipality"):
        name = municipalities.get(values["municipality"], values["municipality"])
        active.append(
            ActiveFilter(_("Municipality: %(name)s") % {"name": name}, urls.url(municipality=None))
        )
    if values.get("age") == EXPECTING:
        active.append(ActiveFilter(_("Expecting a baby"), urls.url(age=None)))
    elif values.get("age") is not None:
        active.append(
            ActiveFilter(
                _("Age of the child: %(age)s years") % {"age": values["age"]}, urls.url(age=None)
            )
        )
    if values.get("task"):
        title = task_by_number(values["task"]).title
        active.append(ActiveFilter(_("Task: %(task)s") % {"task": title}, urls.url(task=None)))
    if values.get("channel"):
        label = CHANNEL_LABELS[values["channel"]]
        active.append(
            ActiveFilter(
                _("Can be reached by: %(channel)s") % {"channel": label}, urls.url(channel=None)
            )
        )
    if values.get("language"):
        active.append(
            ActiveFilter(
                _("Given in: %(language)s") % {"language": language_name(values["language"])},
                urls.url(language=None),
            )
        )
    if values.get("accessibility"):
        chosen = [str(f.label) for f in FEATURES if f.key in values["accessibility"]]
        active.append(
            ActiveFilter(
                _("Accessibility: %(features)s") % {"features": ", ".join(chosen)},
                urls.url(accessibility=None),
            )
        )
    if values.get("open_now"):
        active.append(ActiveFilter(_("Open now"), urls.url(open_now=None)))
    if values.get("near"):
        active.append(ActiveFilter(_("Nearest to your location first"), urls.url(near=None)))
    return active


def _language_choices(counts: Mapping[str, int], selected: str) -> list[tuple[str, str]]:
    """The languages the matching services are given in (and the chosen one), by name."""
    codes = set(counts) | ({selected} if selected else set())
    return sorted(((code, language_name(code)) for code in codes), key=lambda c: c[1].casefold())


def _page_links(urls: SearchUrls, current: int, total_pages: int) -> list[tuple[int, str, bool]]:
    shown = {1, total_pages, *range(current - _PAGE_WINDOW, current + _PAGE_WINDOW + 1)}
    return [
        (n, urls.url(page=n if n > 1 else None), n == current)
        for n in sorted(shown)
        if 1 <= n <= total_pages
    ]


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    municipalities = municipality_choices()
    form = SearchForm(request.GET, municipalities=municipalities)
    values = form.parse()
    notes = form.notes()
    query = values.get("q") or ""
    filters = search_filters(values)
    page_number = values.get("page") or 1
    result = search_services(
        query=query, filters=filters, language=language(), page=page_number, per_page=PER_PAGE
    )
    if result.place is not None:
        # The municipality named in the query is the municipality filter from here on: the
        # search box keeps the other words, and the filter's chip takes the place away.
        values = {**values, "q": result.place.rest, "municipality": result.place.code}
        query = result.place.rest
        filters = search_filters(values)
        notes.append(
            _("“%(typed)s” in your search is used as the municipality: %(name)s.")
            % {"typed": result.place.typed, "name": result.place.name}
        )
    if not result.hits and result.total and page_number > result.total_pages:
        notes.append(_("There is no page %(page)s; here is the last page.") % {"page": page_number})
        page_number = result.total_pages
        result = search_services(
            query=query, filters=filters, language=language(), page=page_number, per_page=PER_PAGE
        )
    urls = SearchUrls(values)
    names = dict(municipalities)
    facets = result.facets or {}
    task_choices = [(str(t.number), str(t.title)) for t in FAMILY_CENTER_TASKS]
    channel_choices = [(key, str(label)) for key, label in CHANNEL_LABELS.items()]
    groups = [
        _facet(
            "task",
            _("Task"),
            _("All tasks"),
            task_choices,
            str(values.get("task") or ""),
            facets.get("task"),
        ),
        _facet(
            "channel",
            _("How to reach"),
            _("Any way"),
            channel_choices,
            values.get("channel") or "",
            facets.get("channel"),
        ),
        _facet(
            "municipality",
            _("Municipality"),
            _("All municipalities"),
            list(municipalities),
            values.get("municipality") or "",
            facets.get("municipality"),
        ),
        _facet(
            "language",
            _("Language of the service"),
            _("Any language"),
            _language_choices(facets.get("language") or {}, values.get("language") or ""),
            values.get("language") or "",
            facets.get("language"),
        ),
    ]
    active = _active_filters(values, urls, names)
    hits = result.hits
    cards = service_cards(
        [hit.service for hit in hits], timezone.now(), [hit.distance_km for hit in hits]
    )
    first = (result.page - 1) * result.per_page + 1 if hits else 0
    # The services that match every word, then (under their own heading) the broader matches.
    split = next((i for i, hit in enumerate(hits) if hit.broader), len(hits))
    context = {
        "form": form,
        "query": query,
        "result": result,
        "cards": cards[:split],
        "broader_cards": cards[split:],
        "broader_start": first + split,
        "urgent": result.urgent,
        "first": first,
        "last": first + len(hits) - 1 if hits else 0,
        "notes": notes,
        "groups": groups,
        "open_now": bool(values.get("open_now")),
        "near": urls.params.get("near", ""),
        "age": "" if values.get("age") is None else str(values["age"]),
        "age_choices": age_choices(),
        "access_choices": [
            (f.key, str(f.present), f.key in (values.get("accessibility") or ())) for f in FEATURES
        ],
        "active_filters": active,
        "clear_filters_url": urls.url(
            municipality=None,
            age=None,
            task=None,
            channel=None,
            language=None,
            accessibility=None,
            open_now=None,
            near=None,
        ),
        "suggestion_url": urls.url(q=result.suggestion) if result.suggestion else "",
        "chat_url": urls.url(q=None, task=None, age=None, open_now=None, near=None, channel="chat"),
        "related": [
            (situation, urls.url(q=situation.url_query, task=None, channel=None, open_now=None))
            for situation in result.related
        ],
        "pages": _page_links(urls, result.page, result.total_pages)
        if result.total_pages > 1
        else [],
        "previous_url": urls.url(page=result.page - 1 if result.page > 2 else None)
        if result.page > 1
        else "",
        "next_url": urls.url(page=result.page + 1) if result.page < result.total_pages else "",
    }
    return render(request, "finder/search.html", context)
