"""Language-aware text analysis, done in Python so that SQLite and PostgreSQL see the same tokens.

Text is normalised (case folded, punctuation dropped, diacritics folded except the letters ä, ö
and å, which are letters of their own in Finnish and Swedish), cut into words, and each word is
analysed in its language:

- Finnish with Voikko: every base form of the analyses that have the fewest compound parts
  ("neuvolassa" → neuvola; "eroamme" → erota, ero), and a compound's parts and runs of parts
  ("lastenneuvola" → lapsi, neuvola; "lähisuhdeväkivalta" → … väkivalta). Parts are written
  with a leading underscore (`_neuvola`), so that a match on a part can weigh a little less than
  a match on a whole word. Words Voikko does not know (names, slang) get their Snowball stem.
- Without Voikko (library or dictionary missing), Finnish falls back to Snowball stems; the
  search then widens words by prefix and substring over the index vocabulary instead.
- Swedish and English: the word itself and its Snowball stem.

Every index token and every query token is made of letters, digits and `_` only, so nothing a
user types can become query syntax of either database.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import snowballstemmer

log = logging.getLogger(__name__)

LANGUAGES = ("fi", "sv", "en")
PART_PREFIX = "_"
MAX_WORD_LENGTH = 60  # longer "words" are noise (URLs, pasted data) and are cut
_SNOWBALL_NAMES = {"fi": "finnish", "sv": "swedish", "en": "english"}

# --- Normalisation ------------------------------------------------------------------------------

_KEEP = frozenset("äöå")
_SPECIAL = {"æ": "ä", "ø": "ö", "œ": "oe", "ß": "ss", "ı": "i", "đ": "d", "ł": "l", "þ": "th"}


class _FoldTable(dict[int, str]):
    """str.translate table that folds a character the first time it is seen."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _KEEP:
            folded = char
        elif char in _SPECIAL:
            folded = _SPECIAL[char]
        else:
            decomposed = unicodedata.normalize("NFD", char)
            folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[code] = folded
        return folded


_FOLD = _FoldTable()
# "MLL:n", "Kela:ssa": Finnish case endings after a colon belong to the word before them.
_COLON_ENDING = re.compile(r"(?<=\w):[a-zäöå]{1,3}\b")
# A word: letters and digits, hyphenated runs kept together ("vauva-arki", "e-service").
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def normalize(text: str) -> str:
    """Case-folded, NFC, diacritics folded except ä/ö/å (é → e, š → s, ü → u)."""
    text = unicodedata.normalize("NFC", text).casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFC", text.translate(_FOLD))
    return text


def split_words(text: str) -> list[str]:
    """Normalised words of a text, hyphenated words kept whole."""
    text = _COLON_ENDING.sub("", normalize(text))
    return [w[:MAX_WORD_LENGTH] for w in _WORD.findall(text)]


def join_hyphens(word: str) -> str:
    return word.replace("-", "")


# --- Stop words ---------------------------------------------------------------------------------
# Finnish ones are base forms (they are compared after analysis); the others surface forms.


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "fi": _words(
        """
        ja tai sekä eli että kun jos kuin mutta vaan myös vain jo nyt sitten niin ei olla se ne
        tämä tuo nämä nuo minä sinä hän me te he itse joka jotka mikä mitkä kuka ketkä mistä
        missä mihin mitä miten miksi milloin kenelle kenen kanssa jotta koska vaikka paljon
        vähän hyvin aina ihan todella tosi liian kovin jo jotain jokin joku mitään voida pitää
        saada tulla mennä tehdä haluta tarvita kannattaa alkaa ruveta oma omaa nyt taas vielä
        enää jälleen kyllä vai ehkä siis kanssa ilman ennen meidän minun sinun heidän teidän
        """
    ),
    "sv": _words(
        """
        och i på att det som en ett är för med av till den de om inte jag vi du han hon mitt min
        mina vår vårt våra din ditt dina har ska skall kan var vad hur eller så men mycket lite
        väldigt sig sin sitt sina dem oss er ni när där här vid från än bara också nu då vill
        måste får behöver ju nog
        """
    ),
    "en": _words(
        """
        a an the and or of to in on for with at by from is are am be been being was were we i my
        our you your it its this that these those he she they them their me us do does did not
        no can cannot could will would shall should may might must have has had what how who
        where when why which there here so very much lot lots really too just about into as if
        but than then also any some t s don won isn doesn didn get getting got need needs want
        wants
        """
    ),
}


def is_stopword(language: str, forms: Iterable[str]) -> bool:
    stop = STOPWORDS.get(language, frozenset())
    forms = [f for f in forms if not f.startswith(PART_PREFIX)]
    return bool(forms) and all(f in stop for f in forms)


# --- Voikko -------------------------------------------------------------------------------------

_voikko_lock = threading.Lock()
_voikko: Any = None
_voikko_state: str = "unknown"  # "unknown" | "ready" | "missing" | "disabled"
_warned = False


def _load_voikko() -> Any:
    global _voikko, _voikko_state, _warned
    if _voikko_state == "ready":
        return _voikko
    if _voikko_state in ("missing", "disabled"):
        return None
    try:
        import libvoikko

        _voikko = libvoikko.Voikko("fi")
        _voikko_state = "ready"
        return _voikko
    except Exception as error:  # OSError (no libvoikko), VoikkoException (no dictionary)
        _voikko_state = "missing"
        if not _warned:
            log.warning("Voikko unavailable: falling back to Snowball (%s)", error)
            _warned = True
        return None


def voikko_available() -> bool:
    return _load_voikko() is not None


def set_voikko_enabled(enabled: bool) -> None:
    """Turn Voikko off (tests of the fallback, an operator's choice) or back on. Clears the
    analysis caches; an index built in the other mode must be rebuilt."""
    global _voikko_state, _voikko, _warned
    with _voikko_lock:
        if enabled:
            _voikko_state, _voikko = "unknown", None
        else:
            if _voikko_state != "disabled":
                log.warning("Voikko unavailable: falling back to Snowball (turned off)")
                _warned = True
            _voikko_state, _voikko = "disabled", None
    _analyzers.clear()


def voikko_suggestions(word: str) -> list[str]:
    """Voikko's spelling suggestions for a Finnish word (normalised), or []."""
    voikko = _load_voikko()
    if voikko is None:
        return []
    with _voikko_lock:
        try:
            suggestions = voikko.suggest(word)
        except Exception:  # a broken dictionary must not break a search
            return []
    return [normalize(s) for s in suggestions or []]


# --- Word analysis ------------------------------------------------------------------------------


@dataclass(frozen=True)
class WordAnalysis:
    """One word in one language.

    `forms`: whole-word tokens (the word, its base forms or stem). `parts`: for a compound, the
    part tokens of each kept analysis, as plain words (["hammas", "hoito"]). `index_parts`:
    every part and run of parts, with the part prefix, as the index stores them. `known`: a
    dictionary recognised the word (Voikko); `stop`: a stop word."""

    surface: str
    forms: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...] = ()
    index_parts: tuple[str, ...] = ()
    known: bool = False
    stop: bool = False

    def index_tokens(self) -> tuple[str, ...]:
        return self.forms + self.index_parts


_SEGMENT = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")


def _voikko_parts(word: str, analysis: dict[str, str]) -> tuple[list[str], list[str]] | None:
    """(surface parts, base parts) of a compound by Voikko's STRUCTURE, or None for a simple
    word. The last part's base form comes from the whole word's base form."""
    structure = analysis.get("STRUCTURE", "")
    surfaces: list[str] = []
    position = 0
    for char in structure:
        if char == "=":
            surfaces.append("")
            continue
        if position >= len(word):
            break
        if not surfaces:
            surfaces.append("")
        surfaces[-1] += word[position]
        position += 1
    surfaces = [join_hyphens(s) for s in surfaces]
    surfaces = [s for s in surfaces if s]
    if len(surfaces) < 2:
        return None
    baseform = join_hyphens(normalize(analysis.get("BASEFORM", word)))
    prefix = "".join(surfaces[:-1])
    last = baseform[len(prefix) :] if baseform.startswith(prefix) else surfaces[-1]
    segments = {
        normalize(surface): normalize(base)
        for surface, base in _SEGMENT.findall(analysis.get("WORDBASES", ""))
        if base and not base.startswith("+") and "=" not in base
    }
    bases = [segments.get(s, s) for s in surfaces[:-1]] + [last or surfaces[-1]]
    return surfaces, bases


def _runs(surfaces: list[str], bases: list[str]) -> set[str]:
    """Every part and every run of consecutive parts short of the whole word: a run is written
    as the word writes it, its last part in base form when it ends the word."""
    count = len(surfaces)
    runs = {b for b in bases}
    for start in range(count):
        for end in range(start + 2, count + 1):
            if start == 0 and end == count:
                continue
            tail = bases[end - 1] if end == count else surfaces[end - 1]
            runs.add("".join(surfaces[start : end - 1]) + tail)
    return {r for r in runs if len(r) >= 2}


# Texts up to this long have their tokens cached (names, places, classes: repeated everywhere).
SHORT_TEXT = 200


class Analyzer:
    """Analysis for one language; word results are cached (a catalogue repeats its words)."""

    def __init__(self, language: str, *, voikko: Any = None) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"Unsupported language {language!r}")
        self.language = language
        self.voikko = voikko
        self._stemmer = snowballstemmer.stemmer(_SNOWBALL_NAMES[language])
        self._stem_lock = threading.Lock()
        self.word = functools.lru_cache(maxsize=200_000)(self._word)
        self._short_text_tokens = functools.lru_cache(maxsize=50_000)(self._text_tokens)
        # Long texts repeat less, but a provider's services often share a description.
        self._long_text_tokens = functools.lru_cache(maxsize=2_000)(self._text_tokens)

    @property
    def uses_voikko(self) -> bool:
        return self.voikko is not None

    def stem(self, word: str) -> str:
        with self._stem_lock:  # snowballstemmer's stemmers keep state between calls
            return str(self._stemmer.stemWord(word))

    def _word(self, surface: str) -> WordAnalysis:
        joined = join_hyphens(surface)
        if self.voikko is not None:
            analysis = self._voikko_word(surface, joined)
            if analysis is not None:
                return analysis
        if "-" in surface:
            # Hyphenated words of Swedish and English (and unknown Finnish ones): the whole word
            # and its pieces, the pieces as parts.
            pieces = [p for p in surface.split("-") if p]
            forms = self._stemmed(joined)
            parts = tuple(p for piece in pieces for p in self._stemmed(piece))
            return WordAnalysis(
                surface=joined,
                forms=forms,
                parts=(tuple(pieces),),
                index_parts=tuple(PART_PREFIX + p for p in dict.fromkeys(parts)),
                stop=self._stop(joined, forms),
            )
        forms = self._stemmed(joined)
        return WordAnalysis(surface=joined, forms=forms, stop=self._stop(joined, forms))

    def _stop(self, word: str, forms: tuple[str, ...]) -> bool:
        """A stop word as written ("does", "inte"; its stem "doe" or "int" is no stop word), or
        by all its forms."""
        return word in STOPWORDS.get(self.language, frozenset()) or is_stopword(
            self.language, forms
        )

    def _stemmed(self, word: str) -> tuple[str, ...]:
        if word.isdigit() or len(word) < 3:
            return (word,)
        stem = self.stem(word)
        return (word,) if not stem or stem == word else (word, stem)

    def _voikko_word(self, surface: str, joined: str) -> WordAnalysis | None:
        with _voikko_lock:
            analyses = self.voikko.analyze(surface)
            if not analyses and surface.islower():
                # Place names are capitalised in Voikko's dictionary ("Turengissa").
                analyses = self.voikko.analyze(surface.capitalize())
        if not analyses:
            return None
        counted = [(a.get("STRUCTURE", "").count("=") or 1, a) for a in analyses]
        fewest = min(count for count, _a in counted)
        kept = [a for count, a in counted if count == fewest]
        # The base forms stand for the word; the inflected form itself adds nothing to match.
        forms: dict[str, None] = {}
        parts: list[tuple[str, ...]] = []
        index_parts: dict[str, None] = {}
        for analysis in kept:
            base = join_hyphens(normalize(analysis.get("BASEFORM", surface)))
            if base:
                forms[base] = None
            split = _voikko_parts(surface, analysis)
            if split is None:
                continue
            surfaces, bases = split
            parts_of = tuple(b for b in bases if len(b) >= 2)
            if len(parts_of) >= 2 and parts_of not in parts:
                parts.append(parts_of)
            for run in sorted(_runs(surfaces, bases)):
                if run not in forms:
                    index_parts[PART_PREFIX + run] = None
        form_tuple = tuple(forms) or (joined,)
        return WordAnalysis(
            surface=joined,
            forms=form_tuple,
            parts=tuple(parts),
            index_parts=tuple(index_parts),
            known=True,
            # A stop word by its base forms: "en" is "ei", "olemme" is "olla".
            stop=is_stopword(self.language, form_tuple),
        )

    # --- texts --------------------------------------------------------------------------------

    def words(self, text: str) -> list[WordAnalysis]:
        return [self.word(w) for w in split_words(text)]

    def content_words(self, text: str) -> list[WordAnalysis]:
        """The words of a text without stop words (all of them when every word is one)."""
        analysed = self.words(text)
        content = [w for w in analysed if not w.stop]
        return content or analysed

    def index_tokens(self, text: str, *, parts: bool = True) -> list[str]:
        """The tokens the index keeps for a text: for every word that is not a stop word, its
        forms and (unless `parts` is false) its compound parts. Repeats are kept (field lengths
        count them). A text's tokens are cached: short texts, which a catalogue repeats (names
        of places, organisations, classes), and a few thousand long ones."""
        if len(text) <= SHORT_TEXT:
            return list(self._short_text_tokens(text, parts))
        return list(self._long_text_tokens(text, parts))

    def _text_tokens(self, text: str, parts: bool) -> tuple[str, ...]:
        tokens: list[str] = []
        for word in self.words(text):
            if not word.stop:
                tokens.extend(word.index_tokens() if parts else word.forms)
        return tuple(tokens)


_analyzers: dict[str, Analyzer] = {}
_analyzers_lock = threading.Lock()


def analyzer(language: str) -> Analyzer:
    """The analyser of a language (Finnish with Voikko when it is available)."""
    existing = _analyzers.get(language)
    if existing is not None:
        return existing
    with _analyzers_lock:
        existing = _analyzers.get(language)
        if existing is None:
            voikko = _load_voikko() if language == "fi" else None
            existing = Analyzer(language, voikko=voikko)
            _analyzers[language] = existing
        return existing


def analysis_mode() -> str:
    """'voikko' or 'snowball': how Finnish is analysed in this process."""
    return "voikko" if analyzer("fi").uses_voikko else "snowball"


# --- Typo correction ----------------------------------------------------------------------------


def trigram_key(word: str) -> str:
    """The word folded to ASCII letters and digits, the same in Python and in pg_trgm whatever
    the database's locale (pg_trgm treats non-ASCII letters by the locale)."""
    folded = normalize(word).replace("ä", "a").replace("ö", "o").replace("å", "a")
    return "".join(c for c in folded if c.isascii() and c.isalnum())


def trigrams(key: str) -> frozenset[str]:
    """pg_trgm's trigrams of one word: padded with two spaces before and one after."""
    padded = f"  {key} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def trigram_similarity(a: str, b: str) -> float:
    """pg_trgm's similarity(): shared trigrams over all distinct trigrams of the two."""
    ta, tb = trigrams(a), trigrams(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (optimal string alignment); anything over `limit` is
    reported as limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def max_edits(word: str) -> int:
    """How many edits a correction may make: none for short words, one for middling, two for
    long ones (longer words carry more evidence of what was meant)."""
    length = len(word)
    if length < 5:
        return 0
    if length < 8:
        return 1
    return 2


TRIGRAM_THRESHOLD = 0.3  # pg_trgm's default similarity_threshold


@dataclass(frozen=True)
class Correction:
    word: str
    distance: int
    frequency: int


def best_correction(
    word: str, candidates: Iterable[tuple[str, int]], *, extra: Iterable[str] = ()
) -> Correction | None:
    """The closest candidate within `max_edits(word)`: fewest edits, then the most frequent
    word, then the one sharing the longest beginning, then alphabetical (so that the choice is
    the same everywhere). `extra`: further words to consider (e.g. Voikko's suggestions) that
    must also be among the candidates' words to count."""
    limit = max_edits(word)
    if limit == 0:
        return None
    pool = dict(candidates)
    best: tuple[tuple[int, int, int, str], Correction] | None = None
    for candidate in {*pool, *(e for e in extra if e in pool)}:
        if candidate == word:
            continue
        distance = edit_distance(word, candidate, limit)
        if distance > limit:
            continue
        common = len(_common_prefix(word, candidate))
        key = (distance, -pool[candidate], -common, candidate)
        if best is None or key < best[0]:
            best = (key, Correction(candidate, distance, pool[candidate]))
    return best[1] if best else None


def _common_prefix(a: str, b: str) -> str:
    end = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        end += 1
    return a[:end]


class TrigramIndex:
    """An in-memory trigram index of words, answering "which words are at least this similar",
    with pg_trgm's definition of similarity."""

    def __init__(self, words: dict[str, int]) -> None:
        self.words = words
        self._keys: dict[str, list[str]] = {}
        self._postings: dict[str, set[str]] = {}
        for word in words:
            key = trigram_key(word)
            if not key:
                continue
            if key not in self._keys:
                self._keys[key] = []
                for gram in trigrams(key):
                    self._postings.setdefault(gram, set()).add(key)
            self._keys[key].append(word)

    def similar(self, word: str, threshold: float = TRIGRAM_THRESHOLD) -> Iterator[tuple[str, int]]:
        key = trigram_key(word)
        grams = trigrams(key)
        counts: dict[str, int] = {}
        for gram in grams:
            for other in self._postings.get(gram, ()):
                counts[other] = counts.get(other, 0) + 1
        for other, shared in counts.items():
            union = len(grams) + len(trigrams(other)) - shared
            if union and shared / union >= threshold:
                for original in self._keys[other]:
                    yield original, self.words[original]
