"""`perhekeskus search-relevance`: measure the search on the judged queries of the demo network.

Prints nDCG@10, MRR, precision@5, the share of off-topic results among the first 10 and the
zero-result rate, overall and per language, for the tuned set (the queries the thesaurus was
tuned on) and the fresh set (written afterwards, for measuring only); `--verbose` lists every
query with its top results. Run it on a database with the demo loaded (`perhekeskus load-demo`),
or with `--load-demo` to load it first.
"""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from perhekeskus.demo.relevance.evaluate import Report, evaluate
from perhekeskus.demo.relevance.fresh import FRESH_QUERIES
from perhekeskus.demo.relevance.queries import QUERIES

SETS = {"tuned": QUERIES, "fresh": FRESH_QUERIES}


def format_report(report: Report, *, verbose: bool = False) -> str:
    lines = []
    if verbose:
        for result in sorted(report.results, key=lambda r: r.ndcg):
            q = result.query
            where = f" @{q.municipality}" if q.municipality else ""
            lines.append(
                f"{result.ndcg:5.2f} {result.reciprocal_rank:4.2f} P@5 {result.precision:4.2f} "
                f"off {result.off_topic:4.2f} [{q.language}]{where} "
                f"{q.text!r} ({q.kind}, {result.total} found)"
            )
            for rank, key in enumerate(result.ranked[:5], start=1):
                mark = " off-topic" if key in q.off_topic else ""
                lines.append(f"        {rank}. {key} ({q.judgments.get(key, 0)}){mark}")
        lines.append("")
    lines.append(
        f"{'':8} {'queries':>7} {'nDCG@10':>8} {'MRR':>6} {'P@5':>6} {'off@10':>7} {'zero':>6}"
    )
    for language in (None, "fi", "sv", "en"):
        summary = report.summary(language)
        lines.append(
            f"{language or 'all':8} {summary.queries:7d} {summary.ndcg:8.3f} "
            f"{summary.mrr:6.3f} {summary.precision:6.3f} {summary.off_topic:7.1%} "
            f"{summary.zero_rate:6.1%}"
        )
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Measure the finder's search on the judged queries: nDCG@10, MRR, precision@5, "
        "off-topic share of the first 10, zero-result rate."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--verbose", action="store_true", help="List every query.")
        parser.add_argument("--load-demo", action="store_true", help="Load the demo network first.")
        parser.add_argument(
            "--set",
            choices=[*SETS, "all"],
            default="all",
            help="tuned: the queries the thesaurus was tuned on; fresh: written for measuring.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["load_demo"]:
            call_command("load_demo", verbosity=0)
        chosen = list(SETS) if options["set"] == "all" else [options["set"]]
        for index, name in enumerate(chosen):
            if index:
                self.stdout.write("")
            self.stdout.write(f"# {name} ({len(SETS[name])} queries)")
            report = evaluate(SETS[name])
            self.stdout.write(format_report(report, verbose=options["verbose"]))
