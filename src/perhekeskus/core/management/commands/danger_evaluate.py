"""`perhekeskus danger-evaluate`: how well danger is recognised, on the labelled set."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from perhekeskus.core import danger_eval
from perhekeskus.core.danger import danger_signals


class Command(BaseCommand):
    help = (
        "Recall on danger and false-alarm rate of danger recognition, per set (help messages, "
        "searches), part and language, on the labelled set in core/danger_eval."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
        parser.add_argument(
            "--errors",
            action="store_true",
            help="Also list the dangers missed and the false alarms.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        data = danger_eval.report()
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False))
            return
        for line in danger_eval.report_lines(data):
            self.stdout.write(line)
        if options["errors"]:
            for name in danger_eval.SETS:
                for example in danger_eval.errors(danger_eval.load(name)):
                    kind = "missed" if example.danger else "false alarm"
                    signals = ", ".join(danger_signals(example.text))
                    self.stdout.write(
                        f"{name} {example.part} {example.language} {kind}: {example.text}"
                        + (f"  [{signals}]" if signals else "")
                    )
