"""The labelled set that measures danger recognition (`core.danger`), and its figures.

Two sets, what families write in the help form (`messages`) and what they type in search
(`searches`), in Finnish, Swedish and English, each example labelled `danger` or `none`. Every
set has five parts, kept in separate files because they were written at different times:

- `dev` (`messages.tsv`, `searches.tsv`): written first, before the matcher was rewritten; the
  rules were then developed against it;
- `held-out` (`*_heldout.tsv`): written at the same time, its errors not looked at while the
  rules were developed; the honest figure for text like the first part;
- `probe` (`*_probe.tsv`): written after the first version of the matcher, on purpose in words
  and turns of phrase its rules did not have. Its first figures are in its commit message and
  in ADR 0023; the rules were then widened for what it found, so it is no longer held out.
- `fresh` (`*_fresh.tsv`): written when the matcher was finished, to measure it once more
  as honestly as a set from the same hand can. Its first figures, too, are in its commit
  message and ADR 0023, and the rules were widened again afterwards.
- `final` (`*_final.tsv`): the same once more, after that; its first run is the best estimate
  of the rules before its own fixes (ADR 0023).

A set written by the people who write the rules flatters them: the figures that matter most
are each part's first run, recorded before anything was changed for it. A new part written the
same way is the way to measure again.

Columns: language (fi, sv, en), label (danger, none), text. The examples were written for this
set; none is a real family's message.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from perhekeskus.core.danger import danger_signals

HERE = Path(__file__).resolve().parent
SETS = ("messages", "searches")
PARTS = {
    "dev": "",
    "held-out": "_heldout",
    "probe": "_probe",
    "fresh": "_fresh",
    "final": "_final",
}
LANGUAGES = ("fi", "sv", "en")

# The suite fails below this recall on danger, per set and per language.
MIN_RECALL = 0.95
# ... and above this share of ordinary texts flagged. Workers see a flagged request the same
# day and families see the crisis box; one ordinary request in ten flagged is where a warning
# starts to be ignored (ADR 0023).
MAX_FALSE_ALARM_RATE = 0.10


@dataclass(frozen=True)
class Example:
    language: str
    danger: bool
    text: str
    part: str


@dataclass(frozen=True)
class Figures:
    dangers: int
    found: int
    ordinary: int
    false_alarms: int

    @property
    def recall(self) -> float:
        return self.found / self.dangers if self.dangers else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.ordinary if self.ordinary else 0.0


def load(name: str, parts: Iterable[str] = PARTS) -> list[Example]:
    """The examples of one set ("messages" or "searches"), of the parts asked for."""
    if name not in SETS:
        raise ValueError(f"Unknown set {name!r}; known: {SETS}")
    examples = []
    for part in parts:
        path = HERE / f"{name}{PARTS[part]}.tsv"
        with path.open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row["language"] not in LANGUAGES or row["label"] not in ("danger", "none"):
                    raise ValueError(f"{path.name}: bad row {row!r}")
                examples.append(
                    Example(row["language"], row["label"] == "danger", row["text"], part)
                )
    return examples


Detector = Callable[[str], object]


def _flagged(example: Example, detect: Detector) -> bool:
    return bool(detect(example.text))


def figures(examples: Sequence[Example], detect: Detector = danger_signals) -> Figures:
    dangers = [e for e in examples if e.danger]
    ordinary = [e for e in examples if not e.danger]
    return Figures(
        dangers=len(dangers),
        found=sum(_flagged(e, detect) for e in dangers),
        ordinary=len(ordinary),
        false_alarms=sum(_flagged(e, detect) for e in ordinary),
    )


def by_language(
    examples: Sequence[Example], detect: Detector = danger_signals
) -> dict[str, Figures]:
    """Figures for all the examples ("all") and for each language."""
    result = {"all": figures(examples, detect)}
    for language in LANGUAGES:
        result[language] = figures([e for e in examples if e.language == language], detect)
    return result


def errors(examples: Sequence[Example], detect: Detector = danger_signals) -> list[Example]:
    """The dangers missed and the ordinary texts flagged."""
    return [e for e in examples if _flagged(e, detect) != e.danger]


def microseconds_per_call(texts: Sequence[str], detect: Detector = danger_signals) -> float:
    """Mean time of one call over the texts, the best of five rounds."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for text in texts:
            detect(text)
        best = min(best, time.perf_counter() - start)
    return best / len(texts) * 1e6


def report() -> dict[str, object]:
    """Every figure, as plain data: per set, per part and in total, per language; and speed."""
    result: dict[str, object] = {}
    for name in SETS:
        examples = load(name)
        parts = {part: by_language([e for e in examples if e.part == part]) for part in PARTS}
        parts["total"] = by_language(examples)
        result[name] = {
            part: {
                language: {
                    "recall": round(f.recall, 3),
                    "found": f.found,
                    "dangers": f.dangers,
                    "false_alarm_rate": round(f.false_alarm_rate, 3),
                    "false_alarms": f.false_alarms,
                    "ordinary": f.ordinary,
                }
                for language, f in figures_.items()
            }
            for part, figures_ in parts.items()
        }
        result[f"{name}_us_per_call"] = round(microseconds_per_call([e.text for e in examples]), 1)
    return result


WIDTH = 28


def report_lines(data: dict[str, object] | None = None) -> list[str]:
    """The report as a table, one line per set and part."""
    data = report() if data is None else data
    lines = [
        f"recall on danger (found/dangers), false alarms 'fa' (flagged/ordinary); the suite "
        f"needs recall >= {MIN_RECALL} and fa <= {MAX_FALSE_ALARM_RATE} in every total",
        f"{'set':<9} {'part':<9} "
        + " ".join(f"{language:<{WIDTH}}" for language in ("all", *LANGUAGES)),
    ]
    for name in SETS:
        parts = data[name]
        assert isinstance(parts, dict)
        for part, languages in parts.items():
            cells = []
            for language in ("all", *LANGUAGES):
                f = languages[language]
                cells.append(
                    f"{f['recall']:.2f} {f['found']}/{f['dangers']}, "
                    f"fa {f['false_alarm_rate']:.2f} {f['false_alarms']}/{f['ordinary']}".ljust(
                        WIDTH
                    )
                )
            lines.append(f"{name:<9} {part:<9} " + " ".join(cells))
    lines.append(
        f"time per call: {data['searches_us_per_call']} µs a search, "
        f"{data['messages_us_per_call']} µs a message"
    )
    return lines
