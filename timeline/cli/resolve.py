"""``timeline resolve EXPR --anchor DATE``: one time expression as JSON."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from timeline.cli.common import date_order_option, parse_anchor, wrap


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command and its options."""
    command = commands.add_parser(
        "resolve",
        help="resolve one expression against an anchor and print it as JSON",
        description=wrap("Resolve one time expression against an anchor date and print one JSON "
                    "object: text, type, value, mod, interval (half-open, ISO ends, null "
                    "for an open end), granularity, edtf."),
        epilog="example:\n"
               "  $ timeline resolve \"last week\" --anchor 2025-02-24\n"
               "  {\"text\": \"last week\", \"type\": \"DATE\", \"value\": \"2025-W08\", ...,\n"
               "   \"interval\": [\"2025-02-17\", \"2025-02-24\"], ...}\n"
               "  $ timeline resolve Monday --anchor 2025-02-25 --tense past",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("expr", metavar="EXPR", help="the time expression, e.g. \"last week\"")
    command.add_argument("--anchor", required=True, metavar="DATE",
                         help="what the expression is relative to, usually the publication "
                              "date: an ISO date (2025-02-24), a floating datetime "
                              "(2025-02-25T11:38) or an aware one (2025-02-25T11:38+01:00)")
    command.add_argument("--tense", choices=("past", "present", "future"),
                         help="tense of the sentence, which sends a bare weekday or month "
                              "back or forward (default: decided by the rules)")
    date_order_option(command)
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import timeline

    anchor = parse_anchor(args.anchor)
    value = timeline.resolve(args.expr, anchor, tense=args.tense, date_order=args.date_order)
    print(json.dumps({"text": args.expr, **value.to_dict()}, ensure_ascii=False), file=out)
    return 0
