"""``timeline chronology [DIR]``: the events in order, grouped by day, sources cited."""

from __future__ import annotations

import argparse
from typing import TextIO

from timeline.cli.common import (
    MIN_WIDTH,
    add_view_arguments,
    add_zone_argument,
    at_least,
    view,
    wrap,
)


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command and its options."""
    command = commands.add_parser(
        "chronology",
        help="print the events in order, grouped by day, with their sources",
        description=wrap("Print a plain-text (or Markdown) chronology of the corpus: events "
                          "in time order grouped by day, uncertain dates in words, scheduled, "
                          "expected and unconfirmed events marked, conflicting claims shown, "
                          "each line citing its articles, and the sources at the end."),
        epilog="examples:\n"
               "  timeline chronology                         # the shipped seed corpus\n"
               "  timeline chronology corpus/ --width 100\n"
               "  timeline chronology --as-of \"last Monday\" --format markdown > seeds.md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_view_arguments(command)
    add_zone_argument(command)
    command.add_argument("--format", choices=("text", "markdown"), default="text",
                            help="wrapped plain text, or Markdown (default: %(default)s)")
    command.add_argument("--width", type=at_least(MIN_WIDTH, "--width"), default=80,
                            metavar="COLUMNS",
                            help=f"wrap text to this many columns, at least {MIN_WIDTH} "
                                 "(default: %(default)s)")
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    tl, _ = view(args, err)
    text = tl.chronology(format=args.format, width=args.width, zone=args.zone)
    out.write(text if text.endswith("\n") else text + "\n")
    return 0
