"""What a search asks and what it answers: the contract between the search engine
(`finder.search`) and everything that shows results (the public pages, the HSDS API)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

# Channels a family can filter by; "visit" means the service has a physical place.
CHANNELS = ("visit", "phone", "chat", "eservice", "remote")
# "Expecting a baby": services whose age range starts at 0 and ends by this age.
EXPECTING_MAX_AGE = 6


@dataclass(frozen=True)
class SearchFilters:
    """Every filter combines with AND. None/False means "no filter"."""

    municipality: str | None = None  # official code, e.g. "018": its own + county + national
    age: int | None = None  # the child's age in years
    # A family expecting a baby: services from pregnancy on (the catalogue's age 0 covers
    # pregnancy) for small children, such as maternity and child health clinics.
    expecting: bool = False
    service_language: str | None = None  # ISO 639 code of a language the service is given in
    task: int | None = None  # one of the eight family-center tasks, 1..8
    channel: str | None = None  # one of CHANNELS
    open_now: bool = False
    near: tuple[float, float] | None = None  # (lat, lon) WGS84: sort by distance
    organization_id: uuid.UUID | None = None
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    modified_after: dt.datetime | None = None
    # catalog.accessibility keys (step_free, toilet, ...): a place of the service has them all.
    accessibility: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SearchHit:
    service: Any  # catalog.models.Service, with what a result card shows prefetched
    score: float
    distance_km: float | None = None
    # True for a broader match, below the services that match every word of the query.
    broader: bool = False


@dataclass(frozen=True)
class RecognisedPlace:
    """A municipality named in the query, used as the municipality filter (`search.places`)."""

    code: str  # official municipality code
    name: str  # in the language of the search
    typed: str  # the word as typed ("Turussa")
    rest: str  # the query without it (and a preposition before it)


@dataclass(frozen=True)
class RelatedSituation:
    """A life situation to suggest when a search finds little or nothing."""

    key: str
    name: str
    url_query: str  # what to put in ?q= to search for it


@dataclass
class SearchPage:
    query: str
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    # "Did you mean": the corrected query when the typed one had typos, else None.
    suggestion: str | None = None
    # True when the results are for `suggestion` because the typed words found nothing.
    corrected: bool = False
    related: list[RelatedSituation] = field(default_factory=list)
    # Facet counts over all matches (before paging): {"task": {"1": 4, ...}, "channel": {...}}
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    # The query speaks of a crisis or violence (`core.danger`): show the urgent numbers first;
    # the relevant services open now come first.
    urgent: bool = False
    # How many results match every word of the query, when broader matches follow them; None
    # when every result does, or none (a long query with one word no service holds).
    matching_every_word: int | None = None
    # A municipality named in the query: the results are filtered to it, and `query` is the
    # rest of the text.
    place: RecognisedPlace | None = None

    @property
    def total_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))
