"""The ``timeline`` command line: parse arguments, call one library function, print.

Exit status: 0 on success, 1 on bad input (a ``TimelineError``, an unreadable file, a bad
anchor), printed as one line ``timeline: <message>`` on stderr, and 2 on bad usage
(argparse's own). Never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import textwrap
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from timeline.errors import TimelineError

if TYPE_CHECKING:
    from timeline.model.article import Article

PROG = "timeline"


class _BadInput(Exception):
    """Bad input found by the command line itself (an anchor that is not ISO 8601): exit 1."""


def parse_anchor(text: str, *, option: str = "--anchor") -> date | datetime:
    """An ISO 8601 date (``2025-02-24``), floating datetime or aware datetime.

    A bare date stays a ``date``: the anchor's granularity is what the article gave, and a
    date is not midnight.
    """
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise _BadInput(f"{option}: expected an ISO date or datetime such as 2025-02-24 or "
                        f"2025-02-24T11:38, got {text!r}") from None


def _cmd_resolve(args: argparse.Namespace, out: TextIO) -> int:
    import timeline

    anchor = parse_anchor(args.anchor)
    value = timeline.resolve(args.expr, anchor, tense=args.tense, date_order=args.date_order)
    print(json.dumps({"text": args.expr, **value.to_json()}, ensure_ascii=False), file=out)
    return 0


def _load(directory: str | None) -> list[Article]:
    from timeline.model.load import load_articles, seeds_dir

    return load_articles(seeds_dir() if directory is None else Path(directory))


def _cmd_scan(args: argparse.Namespace, out: TextIO) -> int:
    articles = _load(args.dir)  # first: a bad corpus is reported before the tagger loads

    from timeline.tagger.scan import scan

    if args.format == "json":
        report = []
        for article in articles:
            mentions = scan(article.text, article.published)
            report.append({
                "id": article.id,
                "file": article.file,
                "title": article.title,
                "outlet": article.outlet,
                "published": article.published.isoformat(),
                "mentions": [mention.to_json() for mention in mentions],
            })
        json.dump(report, out, ensure_ascii=False, indent=2)
        print(file=out)
        return 0

    for number, article in enumerate(articles):
        if number:
            print(file=out)
        print(f"{article.id}  {article.title}", file=out)
        outlet = f"  {article.outlet}" if article.outlet else ""
        print(f"     published {article.published.isoformat()}{outlet}", file=out)
        rows = []
        for mention in scan(article.text, article.published):
            value = mention.value.to_json()
            rows.append([
                f"{mention.start}-{mention.end}",
                " ".join(mention.text.split()),
                str(value.get("value")),
                value.get("mod") or "-",
                _show_interval(value.get("interval")),
                *([mention.rule] if args.explain else []),
            ])
        if not rows:
            print("     (no time expressions)", file=out)
            continue
        header = ["span", "text", "value", "mod", "interval", *(["rule"] if args.explain else [])]
        _print_table(header, rows, out, indent="     ")
    return 0


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    """Load a corpus whole (articles, events, claims) and say what it holds and what clashes."""
    import timeline
    from timeline.model.load import seeds_dir

    tl = timeline.load(seeds_dir() if args.dir is None else Path(args.dir))
    if args.as_of is not None:
        tl = tl.as_of(parse_anchor(args.as_of, option="--as-of"))
    claims = sum(len(e.claims) for e in tl.events)
    view = "" if args.as_of is None else f" as of {args.as_of}"
    print(f"{len(tl.articles)} articles, {len(tl)} events, {claims} claims{view}; "
          f"{len(tl.conflicts)} conflicts", file=out)
    for conflict in tl.conflicts:
        print(f"  conflict: {conflict.message}", file=out)
    return 0


def _show_interval(interval: Any) -> str:
    """``[start, end)`` with ``…`` for an open end, as the half-open convention reads."""
    if not interval:
        return "-"
    start, end = interval
    return f"[{start or '…'}, {end or '…'})"


def _print_table(header: list[str], rows: list[list[str]], out: TextIO, *, indent: str) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        print(indent + "  ".join(cells).rstrip(), file=out)


def _wrap(text: str) -> str:
    """Fill a description to 78 columns; raw formatting keeps the epilogs as written."""
    return textwrap.fill(text, width=78)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: one subcommand per task, each with an example in its help."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Resolve English time expressions in news articles into TIMEX3 values "
                    "with calendar intervals.",
        epilog="examples:\n"
               "  timeline resolve \"last week\" --anchor 2025-02-24\n"
               "  timeline scan\n\n"
               "Run 'timeline COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    resolve = commands.add_parser(
        "resolve",
        help="resolve one expression against an anchor and print it as JSON",
        description=_wrap("Resolve one time expression against an anchor date and print one JSON "
                    "object: text, type, value, mod, interval (half-open, ISO ends, null "
                    "for an open end), granularity, edtf."),
        epilog="example:\n"
               "  $ timeline resolve \"last week\" --anchor 2025-02-24\n"
               "  {\"text\": \"last week\", \"type\": \"DATE\", \"value\": \"2025-W08\", ...,\n"
               "   \"interval\": [\"2025-02-17\", \"2025-02-24\"], ...}\n"
               "  $ timeline resolve Monday --anchor 2025-02-25 --tense past",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    resolve.add_argument("expr", metavar="EXPR", help="the time expression, e.g. \"last week\"")
    resolve.add_argument("--anchor", required=True, metavar="DATE",
                         help="what the expression is relative to, usually the publication "
                              "date: an ISO date (2025-02-24), a floating datetime "
                              "(2025-02-25T11:38) or an aware one (2025-02-25T11:38+01:00)")
    resolve.add_argument("--tense", choices=("past", "present", "future"),
                         help="tense of the sentence, which sends a bare weekday or month "
                              "back or forward (default: decided by the rules)")
    resolve.add_argument("--date-order", choices=("mdy", "dmy"), default="mdy",
                         help="how to read all-numeric dates such as 2/3/2025 "
                              "(default: %(default)s)")
    resolve.set_defaults(run=_cmd_resolve)

    scan = commands.add_parser(
        "scan",
        help="list every time expression of every article in a corpus, resolved",
        description=_wrap("Load the articles listed in DIR/sources.toml and print, for each, its "
                    "id, title and publication date, then every time expression found in "
                    "its text with its span, text, TIMEX3 value, mod and interval, resolved "
                    "against the publication date."),
        epilog="examples:\n"
               "  timeline scan                  # the seed articles shipped with timeline\n"
               "  timeline scan corpus/ --format json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    scan.add_argument("dir", metavar="DIR", nargs="?",
                      help="a folder with sources.toml (default: the shipped seed articles)")
    scan.add_argument("--format", choices=("text", "json"), default="text",
                      help="aligned columns, or a JSON list of articles with their mentions "
                           "(default: %(default)s)")
    scan.add_argument("--explain", action="store_true",
                      help="add a column naming the rule that found each expression")
    scan.set_defaults(run=_cmd_scan)

    check = commands.add_parser(
        "check",
        help="load a corpus with its events and report what it holds and any conflicts",
        description=_wrap("Load DIR/sources.toml, the articles and DIR/events.toml, check every "
                          "claim against its article (quotes, time expressions, references "
                          "between events), and print a one-line summary and any conflicts "
                          "between claims. A malformed corpus exits 1 with one line naming "
                          "the file, the entry and the field."),
        epilog="examples:\n"
               "  timeline check                      # the shipped seed corpus\n"
               "  timeline check corpus/ --as-of 2025-02-24T12:00Z",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("dir", metavar="DIR", nargs="?",
                       help="a folder with sources.toml and events.toml (default: the seeds)")
    check.add_argument("--as-of", metavar="TIME",
                       help="only what had been published by TIME (an ISO date or datetime)")
    check.set_defaults(run=_cmd_check)
    return parser


def run(argv: Sequence[str] | None = None, *, out: TextIO | None = None,
        err: TextIO | None = None) -> int:
    """Run the command line on ``argv`` and return the exit status; never raises for bad input."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or bad usage (2), already printed by argparse
        return exc.code if isinstance(exc.code, int) else 2
    command: Callable[[argparse.Namespace, TextIO], int] = args.run
    try:
        return command(args, out)
    except (TimelineError, _BadInput) as exc:
        print(f"{PROG}: {_one_line(str(exc))}", file=err)
    except BrokenPipeError:
        raise
    except OSError as exc:  # an input file that cannot be read

        print(f"{PROG}: {_one_line(_os_message(exc))}", file=err)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point: the exit status of ``run``; ``python -m timeline`` exits with it."""
    for stream in (sys.stdout, sys.stderr):
        # Titles and quotes are typographic ("Doesn’t"): a terminal that cannot show them
        # gets escapes, not a UnicodeEncodeError.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        return run(argv)
    except BrokenPipeError:
        # The reader went away (``timeline scan | head``): stop quietly, as Unix tools do.
        _silence_stdout()
        return 1


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _os_message(exc: OSError) -> str:
    if exc.filename is not None and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    return str(exc)


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (tests): nothing to silence
        pass
    finally:
        os.close(devnull)
