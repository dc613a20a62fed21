"""`perhekeskus search-relevance`: measure the search on the judged queries of the demo network.

Prints nDCG@10, MRR and the zero-result rate, overall and per language; `--verbose` lists every
query with its top results. Run it on a database with the demo loaded (`perhekeskus load-demo`),
or with `--load-demo` to load it first.
"""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from perhekeskus.finder.relevance.evaluate import Report, evaluate


def format_report(report: Report, *, verbose: bool = False) -> str:
    lines = []
    if verbose:
        for result in sorted(report.results, key=lambda r: r.ndcg):
            q = result.query
            where = f" @{q.municipality}" if q.municipality else ""
            lines.append(
                f"{result.ndcg:5.2f} {result.reciprocal_rank:4.2f} [{q.language}]{where} "
                f"{q.text!r} ({q.kind}, {result.total} found)"
            )
            for rank, key in enumerate(result.ranked[:5], start=1):
                lines.append(f"        {rank}. {key} ({q.judgments.get(key, 0)})")
        lines.append("")
    lines.append(f"{'':8} {'queries':>7} {'nDCG@10':>8} {'MRR':>6} {'zero':>6}")
    for language in (None, "fi", "sv", "en"):
        summary = report.summary(language)
        lines.append(
            f"{language or 'all':8} {summary.queries:7d} {summary.ndcg:8.3f} "
            f"{summary.mrr:6.3f} {summary.zero_rate:6.1%}"
        )
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Measure the finder's search on the judged queries: nDCG@10, MRR, zero-result rate."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--verbose", action="store_true", help="List every query.")
        parser.add_argument("--load-demo", action="store_true", help="Load the demo network first.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["load_demo"]:
            call_command("load_demo", verbosity=0)
        self.stdout.write(format_report(evaluate(), verbose=options["verbose"]))
