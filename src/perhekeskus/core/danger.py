"""Signs of acute danger in what a family writes: violence, self-harm, a child in danger.

Not a diagnosis and never a reason to delay: it only decides whether the confirmation shows
the emergency guidance prominently and whether the team sees a warning on the request. Word
stems in Finnish, Swedish and English; matching is on word starts, so inflected forms match
("lyö", "lyönyt", "lyömään"); a stem written "=word" must match the whole word, so that
"ase" (weapon) does not match "asema" (station).
"""

from __future__ import annotations

import re

SIGNALS: dict[str, tuple[str, ...]] = {
    "violence": (
        # fi
        "lyö",
        "lyön",
        "löi",
        "hakka",
        "potki",
        "kurist",
        "väkival",
        "pahoinpit",
        "uhkail",
        "tappa",
        "puukot",
        "=ase",
        "=aseella",
        "raiska",
        "seksuaalisesti",
        # sv
        "slår",
        "slog",
        "misshandl",
        "våld",
        "hotar",
        "hotade",
        "hotat",
        "stryp",
        "våldt",
        "dödar",
        "döda",
        # en
        "=hit",
        "=hits",
        "hitting",
        "beat",
        "kick",
        "chok",
        "strangl",
        "violen",
        "abus",
        "threat",
        "kill",
        "rape",
        "weapon",
        "knife",
    ),
    "self_harm": (
        "itsemurh",
        "itsetuho",
        "viilt",
        "haluan kuolla",
        "en jaksa elää",
        "tappaa itse",
        "självmord",
        "skada mig",
        "vill dö",
        "vill inte leva",
        "suicid",
        "kill myself",
        "self-harm",
        "self harm",
        "hurt myself",
        "want to die",
        "end my life",
    ),
    "child_in_danger": (
        "lapsi vaarassa",
        "lapsi on vaarassa",
        "yksin kotona",
        "jätti lapsen",
        "juovuksissa",
        "humalassa",
        "kännissä",
        "huumeissa",
        "barnet i fara",
        "ensam hemma",
        "=full",
        "berusad",
        "drogad",
        "child in danger",
        "alone at home",
        "home alone",
        "drunk",
        "on drugs",
        "neglect",
    ),
}


def _pattern(stem: str) -> str:
    if stem.startswith("="):
        return r"(?<!\w)" + re.escape(stem[1:]) + r"(?!\w)"
    return r"(?<!\w)" + re.escape(stem)


_PATTERNS = {
    signal: re.compile("|".join(_pattern(stem) for stem in stems), re.IGNORECASE)
    for signal, stems in SIGNALS.items()
}


def danger_signals(text: str) -> list[str]:
    """The kinds of danger the text suggests, in a stable order."""
    return [signal for signal, pattern in _PATTERNS.items() if pattern.search(text)]
