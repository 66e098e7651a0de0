"""``timeline plot [DIR] -o FILE.svg``: a picture of the timeline."""

from __future__ import annotations

import argparse
from typing import TextIO

from timeline.cli.common import (
    MIN_PLOT_WIDTH,
    add_output_argument,
    add_view_arguments,
    add_zone_argument,
    at_least,
    emit,
    output_view,
    wrap,
)


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command and its options."""
    command = commands.add_parser(
        "plot",
        help="draw the timeline as an SVG picture",
        description=wrap("Draw one row per event on a date axis: certain spans solid, "
                          "uncertain bounds faded, scheduled and expected events hollow, "
                          "unconfirmed ones marked. Plain SVG, no extra dependency."),
        epilog="examples:\n"
               "  timeline plot -o seeds.svg                   # the shipped seed corpus\n"
               "  timeline plot corpus/ -o corpus.svg --width 1400 --as-of 2025-03-05",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_view_arguments(command)
    add_zone_argument(command)
    add_output_argument(command, "seeds.svg")
    command.add_argument("--width", type=at_least(MIN_PLOT_WIDTH, "--width"), default=960,
                      metavar="PIXELS",
                      help=f"picture width, at least {MIN_PLOT_WIDTH} (default: %(default)s)")
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    tl = output_view(args, err)
    svg = tl.to_svg(width=args.width, zone=args.zone)
    emit(args.output, (svg if svg.endswith("\n") else svg + "\n").encode("utf-8"), out)
    return 0
