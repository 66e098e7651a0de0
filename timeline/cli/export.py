"""``timeline export [DIR] --format json|timelinejs -o FILE``: lossless JSON or TimelineJS."""

from __future__ import annotations

import argparse
from typing import TextIO

from timeline.cli.common import (
    add_output_argument,
    add_view_arguments,
    add_zone_argument,
    emit,
    json_bytes,
    output_view,
    wrap,
)


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command and its options."""
    command = commands.add_parser(
        "export",
        help="write the timeline as JSON or as TimelineJS JSON",
        description=wrap("Write the timeline as lossless JSON (articles and every claim, "
                          "readable back with Timeline.from_json) or in TimelineJS's JSON "
                          "format (one slide per event with a known start)."),
        epilog="examples:\n"
               "  timeline export --format json -o seeds.json     # the shipped seed corpus\n"
               "  timeline export corpus/ --format timelinejs -o slides.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_view_arguments(command)
    add_zone_argument(command)
    command.add_argument("--format", choices=("json", "timelinejs"), required=True,
                        help="json (lossless) or timelinejs")
    add_output_argument(command, "seeds.json")
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    tl = output_view(args, err)
    document = (tl.to_dict(zone=args.zone) if args.format == "json"
                else tl.to_timelinejs(zone=args.zone))
    emit(args.output, json_bytes(document), out)
    return 0
