"""The national emergency and crisis lines: the one list that every page showing one of these
numbers reads (the urgent-help boxes, the danger banner, the crisis box above search results) and
that the demo catalogue's helpline cards are built from, so that a frightened person never sees
two numbers for one helpline.

The numbers are the lines' published national numbers (checked 12/2026). Opening hours of the
lines that are not open around the clock change often; the catalogue holds them, this list says
only whether a line is always open.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import get_language


@dataclass(frozen=True)
class CrisisLine:
    key: str
    number: str  # as written in Finland: "09 2525 0111"
    tel: str  # the tap-to-call link: "tel:+358925250111"
    names: dict[str, str] = field(hash=False)  # fi, sv, en
    around_the_clock: bool
    free: bool  # no call charge
    languages: tuple[str, ...]  # the languages the line answers in

    @property
    def name(self) -> str:
        """The name in the active language (Finnish when there is none)."""
        lang = (get_language() or "fi").split("-")[0]
        return self.names.get(lang) or self.names["fi"]


EMERGENCY = CrisisLine(
    key="emergency",
    number="112",
    tel="tel:112",
    names={"fi": "Hätänumero", "sv": "Nödnumret", "en": "Emergency number"},
    around_the_clock=True,
    free=True,
    languages=("fi", "sv", "en"),
)
MIELI_FI = CrisisLine(
    key="mieli-fi",
    number="09 2525 0111",
    tel="tel:+358925250111",
    names={
        "fi": "Kriisipuhelin (MIELI)",
        "sv": "Kristelefonen på finska (MIELI)",
        "en": "Crisis helpline in Finnish (MIELI)",
    },
    around_the_clock=True,
    free=False,
    languages=("fi",),
)
MIELI_SV = CrisisLine(
    key="mieli-sv",
    number="09 2525 0112",
    tel="tel:+358925250112",
    names={
        "fi": "Kriisipuhelin ruotsiksi (MIELI)",
        "sv": "Kristelefonen på svenska (MIELI)",
        "en": "Crisis helpline in Swedish (MIELI)",
    },
    around_the_clock=False,
    free=False,
    languages=("sv",),
)
MIELI_EN = CrisisLine(
    key="mieli-en",
    number="09 2525 0116",
    tel="tel:+358925250116",
    names={
        "fi": "Kriisipuhelin englanniksi (MIELI)",
        "sv": "Kristelefonen på engelska (MIELI)",
        "en": "Crisis helpline in English (MIELI)",
    },
    around_the_clock=False,
    free=False,
    languages=("en",),
)
NOLLALINJA = CrisisLine(
    key="nollalinja",
    number="080 005 005",
    tel="tel:080005005",
    names={
        "fi": "Nollalinja, lähisuhdeväkivallan auttava puhelin",
        "sv": "Nollinjen, stödtelefon vid våld i nära relationer",
        "en": "Nollalinja, helpline for violence in close relationships",
    },
    around_the_clock=True,
    free=True,
    languages=("fi", "sv", "en"),
)
MLL_CHILDREN = CrisisLine(
    key="mll-children",
    number="116 111",
    tel="tel:116111",
    names={
        "fi": "Lasten ja nuorten puhelin (MLL)",
        "sv": "Barn- och ungdomstelefonen (MLL)",
        "en": "Children's and young people's phone (MLL)",
    },
    around_the_clock=False,
    free=True,
    languages=("fi",),
)
POISON = CrisisLine(
    key="poison",
    number="0800 147 111",
    tel="tel:+358800147111",
    names={
        "fi": "Myrkytystietokeskus",
        "sv": "Giftinformationscentralen",
        "en": "Poison Information Centre",
    },
    around_the_clock=True,
    free=True,
    languages=("fi", "sv", "en"),
)

LINES: tuple[CrisisLine, ...] = (
    EMERGENCY,
    MIELI_FI,
    MIELI_SV,
    MIELI_EN,
    NOLLALINJA,
    MLL_CHILDREN,
    POISON,
)
BY_KEY = {line.key: line for line in LINES}

# Which lines each box lists. The urgent-help box lists them all; the help form's box leaves out
# the poison centre; the crisis box above search results and the danger banner name only what a
# person in acute danger needs. 112 is in every box as a link, so that it is one tap away.
GROUPS: dict[str, tuple[CrisisLine, ...]] = {
    "urgent": LINES,
    "help_form": (EMERGENCY, MIELI_FI, MIELI_SV, MIELI_EN, NOLLALINJA, MLL_CHILDREN),
    "danger": (EMERGENCY, MIELI_FI, NOLLALINJA),
}


def crisis_lines(group: str = "urgent") -> tuple[CrisisLine, ...]:
    """The lines of one box (see GROUPS); a KeyError for an unknown group, so that a typo in a
    template fails its tests instead of showing an empty box."""
    return GROUPS[group]


def crisis_line(key: str) -> CrisisLine:
    return BY_KEY[key]
