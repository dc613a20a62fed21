"""The professional's own page lists the tools they may use. Each app registers its own cards
here (in its AppConfig.ready), so the page needs no knowledge of every app and no app imports
the others just to be linked to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise

from perhekeskus.core.actors import Visitor


@dataclass(frozen=True)
class Card:
    key: str
    title: str | Promise
    description: str | Promise
    url_name: str
    allowed: Callable[[Visitor], bool]
    query: str = ""
    order: int = 100

    @property
    def url(self) -> str:
        return reverse(self.url_name) + (f"?{self.query}" if self.query else "")


_CARDS: dict[str, Card] = {}


def register(card: Card) -> None:
    _CARDS[card.key] = card


def cards_for(user: Visitor) -> list[Card]:
    return [
        card
        for card in sorted(_CARDS.values(), key=lambda c: (c.order, c.key))
        if card.allowed(user)
    ]
