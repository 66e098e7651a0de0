"""What every command shares: reading anchors and as-of times, loading a corpus with a progress
bar, writing output files atomically, and printing aligned tables.

Exit status: 0 on success, 1 on bad input (a ``TimelineError``, an unreadable file, a bad
anchor or as-of time, an output file that cannot be written), printed as one line
``timeline: <message>`` on stderr, and 2 on bad usage (argparse's own). Never a traceback
for bad input. Output files are written atomically: a temporary file beside the target,
synced, then renamed over it, so a failure leaves no half-written file and the old one
untouched; a link is followed, a hard link kept, a FIFO or ``/dev/null`` written through
(``timeline.model.files``), and an export never replaces its own corpus's files. A progress
bar (tqdm, imported only then) goes to stderr for corpora of more than
``PROGRESS_MIN_ARTICLES`` articles, and only when stderr is a terminal.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from timeline.errors import ResolveError, TimelineError
from timeline.time.anchor import read_anchor

if TYPE_CHECKING:
    from timeline.model.article import Article
    from timeline.query.timeline import Timeline


PROG = "timeline"


PROGRESS_MIN_ARTICLES = 300


MIN_WIDTH = 40


MIN_PLOT_WIDTH = 320


class BadInput(Exception):
    """Bad input found by the command line itself (an anchor that is not ISO 8601, an output
    file that cannot be written): exit 1."""


def parse_anchor(text: str, *, option: str = "--anchor") -> date | datetime:
    """An ISO 8601 date (``2025-02-24``), floating datetime or aware datetime.

    A bare date stays a ``date``: the anchor's granularity is what the article gave, and a
    date is not midnight.
    """
    try:
        if len(text) > MAX_ANCHOR:
            raise ResolveError("too long")
        return read_anchor(text)
    except ResolveError:
        raise BadInput(f"{option}: expected an ISO date or datetime such as 2025-02-24 or "
                        f"2025-02-24T11:38, got {clip(text)}") from None


#: The longest ``--anchor`` read: an ISO datetime with microseconds and an offset is 32.
MAX_ANCHOR = 100
#: The longest ``--as-of`` read: a time expression is shorter (``resolve.MAX_PHRASE``).
MAX_AS_OF = 1000


def clip(text: str, keep: int = 60) -> str:
    """A user's value as a message quotes it: ``repr``, cut to ``keep`` characters with the
    length said, so an argument of a megabyte is not echoed back whole (#13)."""
    if len(text) <= keep:
        return repr(text)
    return f"{text[:keep]!r}… ({len(text)} characters)"


def parse_as_of(text: str, anchor: date | datetime | None) -> tuple[date | datetime, str]:
    """An ``--as-of`` time and how to show it (``timeline.query.moments.read_moment``)."""
    from timeline.query.moments import read_moment

    if len(text) > MAX_AS_OF:
        raise BadInput(f"--as-of: too long to be a time: {clip(text)}")
    try:
        return read_moment(text, anchor)
    except TimelineError as exc:
        raise BadInput(f"--as-of: {exc}") from None


def progress(err: TextIO, articles: int, **options: Any) -> Any:
    """A tqdm bar on ``err`` for a large corpus at a terminal, else ``None`` (tqdm not imported).

    tqdm's own ``TQDM_*`` environment settings (``TQDM_DISABLE=1``) still apply.
    """
    if articles <= PROGRESS_MIN_ARTICLES or not err.isatty():
        return None
    from tqdm import tqdm

    return tqdm(file=err, leave=False, dynamic_ncols=True, **options)


def each(articles: Sequence[Article], err: TextIO, what: str) -> Iterator[Article]:
    """The articles, with a progress bar where ``progress`` gives one."""
    return counted(articles, err, what, len(articles))


def load_timeline(directory: str | None, err: TextIO) -> Timeline:
    """Articles, then events one by one on the progress bar (resolving their claims is
    where a large corpus spends its time), then the timeline."""
    from timeline.model.load import load_articles, load_events, read_manifest, seeds_dir
    from timeline.query.timeline import Timeline

    folder = seeds_dir() if directory is None else Path(directory)
    manifest = read_manifest(folder)
    articles = load_articles(folder, manifest)
    title, zone = manifest.info.title or folder.resolve().name, manifest.info.zone
    bar = progress(err, len(articles), total=None, unit="event",
                    desc=f"{len(articles)} articles: reading events")
    if bar is None:
        return Timeline(articles, load_events(folder, articles), title=title, zone=zone)

    def tick(done: int, total: int) -> None:
        bar.total = total
        bar.update()

    try:
        specs = load_events(folder, articles, progress=tick)
    finally:
        bar.close()
    return Timeline(articles, specs, title=title, zone=zone)


def view(args: argparse.Namespace, err: TextIO) -> tuple[Timeline, str | None]:
    """The corpus of ``args.dir`` as of ``args.as_of``, and the as-of time as shown; a
    ``--zone`` that names no zone is bad input, found before the corpus is read."""
    zone = getattr(args, "zone", None)
    if zone is not None:
        from timeline.model.load import check_zone

        try:
            check_zone(zone, field="")
        except TimelineError as exc:
            raise BadInput(f"--zone: {exc}") from None
    tl = load_timeline(args.dir, err)
    if args.as_of is None:
        return tl, None
    from timeline.query.moments import latest_published

    moment, label = parse_as_of(args.as_of, latest_published(tl.articles.values()))
    return tl.as_of(moment), label


def output_view(args: argparse.Namespace, err: TextIO) -> Timeline:
    """The view an export writes: ``-o`` checked first (before any work), the corpus read
    as ``view`` reads it, then ``-o`` refused if it is one of that corpus's own files."""
    check_target(args.output)
    tl, _ = view(args, err)
    check_not_corpus(args.output, args.dir, tl)
    return tl


def load_articles_of(directory: str | None) -> list[Article]:
    from timeline.model.load import load_articles, seeds_dir

    return load_articles(seeds_dir() if directory is None else Path(directory))


def check_target(target: str) -> None:
    """Fail before any work when the output cannot go where asked (``files.target``): a
    missing directory, a directory, a block device, a link loop, a NUL in the name."""
    if target == "-":
        return
    if not target:
        raise BadInput("-o: expected a file name, or - for standard output")
    from timeline.model.files import target as where

    try:
        where(target)
    except OSError as exc:
        raise BadInput(f"-o {_shown(target)}: {exc.strerror or exc}") from None


def _shown(target: str) -> str:
    """A file name as a message shows it: control characters escaped, one line."""
    return target if target.isprintable() else clip(target, 200)


def check_not_corpus(target: str, directory: str | None, tl: Timeline) -> None:
    """An export never replaces the corpus it was made from: ``-o`` naming its
    ``sources.toml``, ``events.toml`` or an article's file (through a link or another
    name included) is bad input, found before anything is written."""
    if target == "-":
        return
    from timeline.model.files import same_file
    from timeline.model.load import EVENTS, SOURCES, seeds_dir

    folder = seeds_dir() if directory is None else Path(directory)
    own = [folder / SOURCES, folder / EVENTS]
    own += [folder / a.file for a in tl.articles.values() if a.file is not None]
    for path in own:
        if same_file(target, path):
            raise BadInput(f"-o {_shown(target)}: is this corpus's own file {str(path)!r}; "
                           f"not written (write the export elsewhere)")


def write_atomically(target: str, data: bytes) -> None:
    """Put ``data`` at ``target`` whole or not at all (``timeline.model.files``).

    A temporary file in the target's real directory (links followed, so the rename stays
    on one file system) is written, synced and renamed over it; on any error it is
    removed and the target is as it was. A FIFO or a character device (``/dev/null``) is
    written through, and a hard-linked file in place, so its other links see the new
    bytes. The error is one line naming the target.
    """
    check_target(target)
    from timeline.model.files import replace_file

    try:
        replace_file(target, data)
    except OSError as exc:
        raise BadInput(f"-o {_shown(target)}: cannot write: {exc.strerror or exc}") from None


def emit(target: str, data: bytes, out: TextIO) -> None:
    """To the file ``target``, or to ``out`` for ``-``: as bytes where it has a buffer, so a
    CRLF calendar stays CRLF."""
    if target != "-":
        write_atomically(target, data)
        return
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8"))
        return
    out.flush()
    buffer.write(data)
    buffer.flush()


def json_bytes(document: Any) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def show_moment(moment: date | datetime) -> str:
    """ISO 8601, to the minute when the seconds are zero (``2025-02-25T11:38``)."""
    if isinstance(moment, datetime) and moment.second == 0 and moment.microsecond == 0:
        return moment.isoformat(timespec="minutes")
    return moment.isoformat()


def show_interval(interval: Any) -> str:
    """``[start, end)`` with ``…`` for an open end, as the half-open convention reads."""
    if not interval:
        return "-"
    start, end = interval
    return f"[{start or '…'}, {end or '…'})"


def print_table(header: list[str], rows: list[list[str]], out: TextIO, *, indent: str) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        print(indent + "  ".join(cells).rstrip(), file=out)


def wrap(text: str) -> str:
    """Fill a description to 78 columns; raw formatting keeps the epilogs as written."""
    return textwrap.fill(text, width=78)


def at_least(minimum: int, what: str) -> Callable[[str], int]:
    """An argparse type: a whole number no smaller than ``minimum`` (else bad usage, exit 2)."""
    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"{what} must be at least {minimum}, got {number}")
        return number
    return parse


def date_order_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--date-order", choices=("mdy", "dmy"), default="mdy",
                         help="how to read all-numeric dates such as 2/3/2025 "
                              "(default: %(default)s)")


AS_OF_HELP = ("only what had been published by TIME: an ISO date (2025-03-05, the end of that "
              "day), a datetime (2025-02-24T12:00Z, or without a zone for the corpus's own "
              "clock) or a time expression resolved against the corpus's latest publication, "
              "taken at its END (\"last Monday\" is the end of that Monday, \"the end of next "
              "week\" the end of that week)")


def add_view_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("dir", metavar="DIR", nargs="?",
                         help="a folder with sources.toml and events.toml (default: the seeds)")
    command.add_argument("--as-of", metavar="TIME", help=AS_OF_HELP)


ZONE_HELP = ("show times in this zone, an IANA name such as America/New_York or UTC "
             "(default: the corpus's [corpus] zone, else UTC for times with a zone); "
             "floating times stay floating, marked 'zone not stated'")


def add_zone_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument("--zone", metavar="NAME", help=ZONE_HELP)


def add_output_argument(command: argparse.ArgumentParser, example: str) -> None:
    command.add_argument("-o", "--output", metavar="FILE", required=True,
                         help=f"where to write it (e.g. {example}), or - for standard output; "
                              "written whole or not at all, into an existing directory")


# -- corpus-scale runs (tag, scan, draft over many articles: timeline.batch) --------------------

def add_batch_arguments(command: argparse.ArgumentParser) -> None:
    """``--from FILE.jsonl`` and ``--jobs N``, as ``tag``, ``scan`` and ``draft`` take them."""
    command.add_argument("--from", dest="source", metavar="FILE",
                         help="read the articles from a JSON lines file, one object a line "
                              "with id, text and published (an ISO date or datetime; title "
                              "too for draft), read as it is processed")
    command.add_argument("--jobs", metavar="N", type=at_least(1, "--jobs"),
                         help="worker processes, each taking articles in turn (default: "
                              "this machine's cores; 1 runs in this process); the output is "
                              "the same for any N")


def jobs_of(args: argparse.Namespace) -> int:
    from timeline.batch import jobs_default

    return int(args.jobs) if args.jobs is not None else jobs_default()


def batch_records(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    """The records a batch run reads: ``--from``'s lines, or the articles DIR's
    ``sources.toml`` lists, each text read as its turn comes (never the corpus at once)."""
    if args.source is not None:
        from timeline.batch import read_jsonl

        yield from read_jsonl(args.source)
        return
    from timeline.batch import record_of
    from timeline.model.article import Article
    from timeline.model.load import read_manifest, seeds_dir

    folder = seeds_dir() if args.dir is None else Path(args.dir)
    manifest = read_manifest(folder)
    for index, table in enumerate(manifest.tables, start=1):
        yield record_of(Article.from_toml(table, folder, source=manifest.source, index=index))


def counted(items: Iterable[Any], err: TextIO, what: str, total: int | None = None
            ) -> Iterator[Any]:
    """The items, ticking a progress bar on ``err`` when it is a terminal (tqdm; the
    total when known)."""
    bar = progress(err, PROGRESS_MIN_ARTICLES + 1 if total is None else total,
                   total=total, desc=what, unit="article")
    if bar is None:
        yield from items
        return
    try:
        for item in items:
            yield item
            bar.update()
    finally:
        bar.close()


def write_results(results: Iterable[dict[str, Any]], target: str, out: TextIO) -> None:
    """Records out (``timeline.batch``) to ``target``: Parquet for a ``.parquet`` name (one
    row a mention), else JSON lines (one object an article), streamed to standard output
    for ``-`` or to a file put in place whole at the end (``files.replacing``)."""
    if target == "-":
        for result in results:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    check_target(target)
    from timeline.model.files import replacing

    try:
        with replacing(target) as stream:
            if target.lower().endswith(".parquet"):
                from timeline.batch import write_parquet

                write_parquet(results, stream)
            else:
                for result in results:
                    stream.write((json.dumps(result, ensure_ascii=False) + "\n")
                                 .encode("utf-8"))
    except OSError as exc:
        raise BadInput(f"-o {_shown(target)}: cannot write: {exc.strerror or exc}") from None
