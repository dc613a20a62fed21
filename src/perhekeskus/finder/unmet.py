"""What of a search that found nothing may be kept for the leaders' view of unmet needs (F-09).

Families type names, phone numbers and personal identity codes into search boxes. The log keeps
words, never a person:

- e-mail addresses, web addresses, Finnish personal identity codes (DDMMYY, the century sign
  -, + or A-F/U-Y, three digits and the check character), phone numbers and every word with a
  digit in it are dropped;
- a word that Voikko knows as a first name or a surname is dropped, unless it is also a common
  word that the catalogue itself uses ("anna", a form of "antaa"); so is a capitalised word
  after the first ("... Meikäläinen") that the catalogue does not use;
- a word that the catalogue's vocabulary holds, a stop word, or (in Finnish) a common word
  that Voikko knows is kept;
- any other word (a name Voikko does not know, slang, a new need, a typo) is kept only once
  `UNMET_SEARCH_MIN_CLIENTS` different addresses have searched it that day: a name typed by
  one family never reaches the database.

And the log cannot be flooded: one address adds at most `UNMET_SEARCH_PER_CLIENT_PER_DAY`
searches a day, and at most `UNMET_SEARCH_NEW_PER_DAY` new rows are made a day. The counters
live in the cache under keyed hashes; the address is never stored.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from perhekeskus.core.client import current_client_key, keyed_hash
from perhekeskus.core.ratelimit import count_up
from perhekeskus.finder.search.analysis import analyzer, split_words
from perhekeskus.finder.search.vocabulary import LanguageVocabulary, index_state, vocabulary

log = logging.getLogger(__name__)

_EMAIL = re.compile(r"[^\s@]*@[^\s@]*")
_URL = re.compile(r"\b(?:https?://|www\.)\S*", re.IGNORECASE)
# A Finnish personal identity code: DDMMYY, the century sign, NNN and the check character.
HETU = re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]\b", re.IGNORECASE)
# Phone numbers written with spaces, dashes, dots or brackets between the digits.
_PHONE = re.compile(r"\+?\d[\d\s().-]{4,}\d")
# A word as typed: letters and digits, hyphenated runs and Finnish case endings after a colon
# ("MLL:n") kept together, as the search's own analysis splits them.
_RAW_WORD = re.compile(r"[^\W_]+(?:[-:][^\W_]+)*")
_PERSON_NAME_CLASSES = frozenset({"etunimi", "sukunimi", "nimi"})
_DAY = 24 * 60 * 60

_voikko_lock = threading.Lock()
_voikko: Any = None
_voikko_state = "unknown"


def _word_classes(word: str) -> set[str]:
    """Voikko's word classes of a word (lower case or capitalised), or an empty set when
    Voikko does not know it or is not installed."""
    global _voikko, _voikko_state
    with _voikko_lock:
        if _voikko_state == "unknown":
            try:
                import libvoikko

                _voikko, _voikko_state = libvoikko.Voikko("fi"), "ready"
            except Exception:  # no library or no dictionary: every word is simply unknown
                _voikko_state = "missing"
        if _voikko is None:
            return set()
        analyses = _voikko.analyze(word) or _voikko.analyze(word.capitalize())
    return {str(a.get("CLASS", "")) for a in analyses}


def _in_vocabulary(word: str, language: str, known: LanguageVocabulary) -> bool:
    forms = analyzer(language).word(word).forms
    return word in known.words or any(form in known.tokens for form in forms)


def _seen_by_enough(word: str, language: str, client: str, day: str) -> bool:
    """Whether enough different addresses searched this unknown word today (this one included).
    Each address counts once a day per word; only keyed hashes are kept, for a day."""
    needed = settings.FINDER_UNMET_SEARCH_MIN_CLIENTS
    if needed <= 1:
        return True
    word_key = keyed_hash("unmet-word", language, word)
    count_key = f"unmet:clients:{day}:{word_key}"
    if not cache.add(f"unmet:seen:{day}:{word_key}:{client}", 1, timeout=_DAY):
        return int(cache.get(count_key) or 0) >= needed
    return count_up(count_key, seconds=_DAY) >= needed


def strip_personal(text: str) -> str:
    """The text without e-mail and web addresses, personal identity codes and phone numbers."""
    for pattern in (_EMAIL, _URL, HETU, _PHONE):
        text = pattern.sub(" ", text)
    return text


def _looks_like_a_name(raw: str) -> bool:
    """Written with a capital and small letters after it ("Matti", "Meikäläinen", "McNeil")."""
    return raw[:1].isupper() and any(char.islower() for char in raw[1:])


def unmet_search_text(text: str, language: str, *, client: str | None = None) -> str:
    """The words of a search (as typed) that found nothing that may be kept, normalised and in
    their order; "" when nothing may."""
    day = timezone.localdate().isoformat()
    known_words = vocabulary(index_state(), language)
    kept: list[str] = []
    meaningful = False
    for position, raw in enumerate(_RAW_WORD.findall(strip_personal(text))):
        words = split_words(raw)
        if len(words) != 1:
            continue
        word = words[0]
        if any(char.isdigit() for char in word) or len(word) > 40:
            continue
        analysed = analyzer(language).word(word)
        classes = _word_classes(word)
        in_vocabulary = _in_vocabulary(word, language, known_words)
        if classes & _PERSON_NAME_CLASSES and not (
            in_vocabulary and classes - _PERSON_NAME_CLASSES
        ):
            continue
        # A capitalised word after the first is a name ("... Meikäläinen") unless the
        # catalogue itself uses it (a place, a service's name).
        if position > 0 and _looks_like_a_name(raw) and not in_vocabulary:
            continue
        if analysed.stop:
            kept.append(word)
            continue
        known = in_vocabulary or (language == "fi" and bool(classes))
        if known or _seen_by_enough(word, language, client or "-", day):
            kept.append(word)
            meaningful = True
    return " ".join(kept)[:200].strip() if meaningful else ""


def take_daily(key: str, limit: int) -> bool:
    """Count one against a daily cap in the cache; False once the cap is used up."""
    if limit <= 0:
        return False
    return count_up(f"{key}:{timezone.localdate().isoformat()}", seconds=_DAY) <= limit


def client_may_record() -> bool:
    """One address adds at most UNMET_SEARCH_PER_CLIENT_PER_DAY searches a day."""
    client = current_client_key() or "-"
    return take_daily(f"unmet:client:{client}", settings.FINDER_UNMET_SEARCH_PER_CLIENT_PER_DAY)


def new_row_allowed() -> bool:
    """At most UNMET_SEARCH_NEW_PER_DAY new rows a day, whoever searches."""
    return take_daily("unmet:new-rows", settings.FINDER_UNMET_SEARCH_NEW_PER_DAY)
