"""The ``timeline`` command line: parse arguments, call one library function, print.

Each command lives in its own module of this package (``timeline.cli.scan`` for ``timeline
scan``), with an ``add`` that registers its options and a ``run`` that does the work; what
they share (anchors, loading, atomic output, tables) is in ``timeline.cli.common``. See
that module for the exit statuses and the output-file guarantees. There is no colour, so
``NO_COLOR`` has nothing to turn off.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from timeline import __version__
from timeline.cli import (
    check,
    chronology,
    draft,
    evaluate,
    export,
    ics,
    init,
    plot,
    resolve,
    scan,
    tag,
)
from timeline.cli.common import PROG, BadInput, parse_anchor, parse_as_of, wrap
from timeline.errors import CorpusError, TimelineError

#: The commands in the order ``--help`` lists them.
COMMANDS = (init, draft, resolve, scan, tag, evaluate, check, chronology, ics, export, plot)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: one subcommand per task, each with an example in its help."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=wrap("Build event timelines from dated news articles: resolve English "
                          "time expressions into TIMEX3 values with calendar intervals, and "
                          "export the events as a chronology, a calendar, JSON or a "
                          "picture."),
        epilog="examples:\n"
               "  timeline init corpus/                        # sources.toml from its files\n"
               "  timeline init corpus/ --from articles.jsonl\n"
               "  timeline draft corpus/                       # events.toml drafted\n"
               "  timeline chronology                          # the shipped seed corpus\n"
               "  timeline chronology corpus/ --as-of \"last Monday\"\n"
               "  timeline ics -o seeds.ics\n"
               "  timeline export --format timelinejs -o seeds.json\n"
               "  timeline plot -o seeds.svg\n"
               "  timeline resolve \"last week\" --anchor 2025-02-24\n"
               "  timeline scan\n"
               "  timeline check --as-of 2025-02-25T12:00Z\n\n"
               "Run 'timeline COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}",
                        help="print the version (timeline.__version__) and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.add(commands)
    return parser


def run(argv: Sequence[str] | None = None, *, out: TextIO | None = None,
        err: TextIO | None = None) -> int:
    """Run the command line on ``argv`` and return the exit status; never raises for bad input."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    parser = build_parser()
    try:
        # argparse prints help and usage errors itself: to the streams given, not sys's.
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or bad usage (2), already printed by argparse
        return exc.code if isinstance(exc.code, int) else 2
    command: Callable[[argparse.Namespace, TextIO, TextIO], int] = args.run
    try:
        return command(args, out, err)
    except (TimelineError, BadInput) as exc:
        for line in _problems(exc):
            print(f"{PROG}: {_one_line(line)}", file=err)
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


def _problems(exc: Exception) -> list[str]:
    """What went wrong, a line a problem: a corpus file with several shows them all."""
    if not isinstance(exc, CorpusError) or (len(exc.problems) == 1 and not exc.omitted):
        return [str(exc)]
    lines = [str(problem) for problem in exc.problems]
    if exc.omitted:
        lines.append(f"and {exc.omitted} more problem{'' if exc.omitted == 1 else 's'}")
    return lines


def _one_line(message: str) -> str:
    """The message on one line, with any control or format character (a NUL, an escape, a
    bidi override from a file name or an argument) shown as its escape, never sent to the
    terminal (#13)."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1]
                   for ch in " ".join(message.split()))


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


__all__ = ["build_parser", "main", "parse_anchor", "parse_as_of", "run"]
