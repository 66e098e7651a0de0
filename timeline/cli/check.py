"""``timeline check [DIR]``: load a corpus whole and report what it holds and what clashes."""

from __future__ import annotations

import argparse
from typing import TextIO

from timeline.cli.common import add_view_arguments, view, wrap


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command and its options."""
    command = commands.add_parser(
        "check",
        help="load a corpus with its events and report what it holds and any conflicts",
        description=wrap("Load DIR/sources.toml, the articles and DIR/events.toml, check every "
                          "claim against its article (quotes, time expressions, references "
                          "between events), and print a one-line summary and any conflicts "
                          "between claims, and a warning for each claim of an event that "
                          "occurred dated wholly after its own article was published. A "
                          "malformed corpus exits 1 with a line a problem, each naming the "
                          "file, the entry and the field."),
        epilog="examples:\n"
               "  timeline check                      # the shipped seed corpus\n"
               "  timeline check corpus/ --as-of 2025-02-25T12:00Z\n"
               "  timeline check --as-of yesterday     # the day before the latest article",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_view_arguments(command)
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Load a corpus whole (articles, events, claims) and say what it holds and what clashes."""
    tl, label = view(args, err)
    from timeline.export.wording import plural
    claims = sum(len(e.claims) for e in tl.events)
    shown = "" if label is None else f" as of {label}"
    print(f"{plural(len(tl.known_articles), 'article')}, {plural(len(tl), 'event')}, "
          f"{plural(claims, 'claim')}{shown}; {plural(len(tl.conflicts), 'conflict')}",
          file=out)
    for conflict in tl.conflicts:
        print(f"  conflict: {conflict.message}", file=out)
    from timeline.model.corpus import late_claims

    for late in late_claims(tl.known_articles, tl.specs):
        print(f"  warning: {late.message}", file=out)
    return 0
