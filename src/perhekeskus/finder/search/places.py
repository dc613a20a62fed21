"""A municipality named in a search ("neuvola Porvoo", "familjerådgivning Borgå", "perheneuvola
turussa") is a filter, not a word to look for.

Families write where they live into the search box, as they would into any search engine. As a
search word the name finds only the services that mention it, and every neuvola elsewhere as
well; as the municipality filter it finds what is available there: the municipality's own
services, its county's and the nationwide ones. So a recognised name becomes the filter, and the
word leaves the query.

Names come from the catalogue's municipalities, in Finnish, Swedish and English; a Finnish name
is recognised in any inflected form Voikko knows ("Turussa", "Turun", "Porvooseen") or, for a
name Voikko does not know, with a case ending after the name ("Askolassa"); a Swedish one also in
the genitive ("Borgås"). A preposition just before the name ("i Borgå", "in Raisio") leaves with
it. Only the first municipality named is used (the filter takes one); a name of fewer than three
letters is recognised only inflected ("Iissä"), not bare, and a name that is also an everyday
word ("kolari", a car crash) only when written with a capital letter.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from django.db import connection

from perhekeskus.catalog.selectors import municipality_names
from perhekeskus.finder.search.analysis import analyzer, normalize
from perhekeskus.finder.search.types import RecognisedPlace
from perhekeskus.finder.search.vocabulary import IndexState

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# Prepositions that leave with the place name after them.
PREPOSITIONS = frozenset({"i", "in", "på", "at", "near", "nära", "från", "from"})
# Finnish case endings after a name in its base form ("Askola" + "ssa"), for names Voikko does
# not know; a name it knows is recognised in every form by its analysis.
FINNISH_ENDINGS = (
    "n",
    "ssa",
    "ssä",
    "sta",
    "stä",
    "lla",
    "llä",
    "lta",
    "ltä",
    "lle",
    "an",
    "en",
    "in",
    "on",
    "un",
    "yn",
    "än",
    "ön",
    "seen",
    "hin",
    "han",
    "hon",
    "na",
    "nä",
    "ksi",
)
MIN_BARE_LENGTH = 3
# Names that are also everyday words ("kolari" is a car crash, "aura" a plough, "sund" healthy):
# recognised only when written with a capital letter, as a name is.
COMMON_WORDS = frozenset(
    {"aura", "kannus", "kemi", "kolari", "lieto", "rusko", "salla", "salo", "sund", "virrat"}
)


@dataclass(frozen=True)
class Municipalities:
    by_name: dict[str, str]  # a normalised name in any language → code
    names: dict[str, dict[str, str]]  # code → {language: name}


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.loaded: dict[str, tuple[str, Municipalities]] = {}


_cache = _Cache()


def _municipalities(state: IndexState) -> Municipalities:
    """The catalogue's municipalities, kept per index generation (an import that brings new
    municipalities rebuilds the index)."""
    key = connection.alias
    with _cache.lock:
        cached = _cache.loaded.get(key)
    if cached is not None and cached[0] == state.index_generation:
        return cached[1]
    by_name: dict[str, str] = {}
    names: dict[str, dict[str, str]] = {}
    for code, localised in municipality_names():
        names[code] = localised
        for name in localised.values():
            by_name.setdefault(normalize(name), code)
    loaded = Municipalities(by_name=by_name, names=names)
    with _cache.lock:
        _cache.loaded[key] = (state.index_generation, loaded)
    return loaded


def clear() -> None:
    with _cache.lock:
        _cache.loaded.clear()


def _code_of(word: str, known: Municipalities) -> str | None:
    """The municipality a word names, inflected or not."""
    code = _named(word, known)
    if code is None or word[:1].isupper():
        return code
    names = {normalize(name) for name in known.names[code].values()}
    return None if names & COMMON_WORDS else code


def _named(word: str, known: Municipalities) -> str | None:
    key = normalize(word)
    code = known.by_name.get(key)
    if code is not None:
        return code if len(key) >= MIN_BARE_LENGTH else None
    finnish = analyzer("fi").word(word)
    if finnish.known:
        for form in finnish.forms:
            code = known.by_name.get(form)
            if code is not None:
                return code
    if key.endswith("s") and len(key) > MIN_BARE_LENGTH:  # Swedish genitive: "Borgås"
        code = known.by_name.get(key[:-1])
        if code is not None:
            return code
    for ending in FINNISH_ENDINGS:
        stem = key[: -len(ending)]
        if key.endswith(ending) and len(stem) >= MIN_BARE_LENGTH + 1:
            code = known.by_name.get(stem)
            if code is not None:
                return code
    return None


def recognise(text: str, language: str, state: IndexState) -> RecognisedPlace | None:
    """The first municipality named in `text`, with the text without it; None when none is."""
    known = _municipalities(state)
    if not known.by_name:
        return None
    words = list(_WORD.finditer(text))
    for index, match in enumerate(words):
        code = _code_of(match.group(), known)
        if code is None:
            continue
        start = match.start()
        if index and normalize(words[index - 1].group()) in PREPOSITIONS:
            start = words[index - 1].start()
        rest = " ".join((text[:start] + " " + text[match.end() :]).split())
        names = known.names[code]
        name = names.get(language) or names.get("fi") or next(iter(names.values()))
        return RecognisedPlace(code=code, name=name, typed=match.group(), rest=rest)
    return None
