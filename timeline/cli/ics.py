"""``timeline ics [DIR] -o FILE``: an RFC 5545 calendar."""

from __future__ import annotations

import argparse
from typing import TextIO

from timeline.cli.common import (
    PROG,
    add_output_argument,
    add_view_arguments,
    add_zone_argument,
    emit,
    output_view,
    wrap,
)


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command and its options."""
    command = commands.add_parser(
        "ics",
        help="write the events as an iCalendar (.ics) file",
        description=wrap("Write one VEVENT per event: day-granular and uncertain events as "
                          "all-day events over their days (uncertain ones say so), timed ones "
                          "at their times, each with its sources in DESCRIPTION. Events with "
                          "an open start or end are left out, with a count on stderr, unless "
                          "--include-open. The same corpus gives the same bytes."),
        epilog="examples:\n"
               "  timeline ics -o seeds.ics                     # the shipped seed corpus\n"
               "  timeline ics corpus/ -o corpus.ics --as-of 2025-03-05 --include-open",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_view_arguments(command)
    add_zone_argument(command)
    add_output_argument(command, "seeds.ics")
    command.add_argument("--include-open", action="store_true",
                     help="also write events with one open end (\"by 2030\"), on the day "
                          "their bounded end names")
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    tl = output_view(args, err)
    from timeline.export.ics import open_ended, undated
    from timeline.export.wording import plural

    data = tl.to_ics(include_open=args.include_open, zone=args.zone)
    emit(args.output, data, out)
    if args.include_open:
        never = len(undated(tl))
        if never:
            print(f"{PROG}: left out {plural(never, 'event')} with no date at all", file=err)
    else:
        missing = len(open_ended(tl))
        if missing:
            print(f"{PROG}: left out {plural(missing, 'open-ended event')} "
                  f"(use --include-open)", file=err)
    return 0
