"""The ``timeline`` command line: parse arguments, call one library function, print.

Exit status: 0 on success, 1 on bad input (a ``TimelineError``, an unreadable file, a bad
anchor or as-of time, an output file that cannot be written), printed as one line
``timeline: <message>`` on stderr, and 2 on bad usage (argparse's own). Never a traceback
for bad input. Output files are written atomically: a temporary file beside the target,
synced, then renamed over it, so a failure leaves no half-written file and the old one
untouched. A progress bar (tqdm, imported only then) goes to stderr for corpora of more
than ``PROGRESS_MIN_ARTICLES`` articles, and only when stderr is a terminal. There is no
colour, so ``NO_COLOR`` has nothing to turn off.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import stat
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from timeline.errors import TimelineError

if TYPE_CHECKING:
    from timeline.model.article import Article
    from timeline.query.timeline import Timeline

PROG = "timeline"

#: Corpora larger than this get a progress bar (on a terminal): below it loading is quick.
PROGRESS_MIN_ARTICLES = 300

#: The narrowest chronology that still fits a date and a few words of title per line.
MIN_WIDTH = 40


class _BadInput(Exception):
    """Bad input found by the command line itself (an anchor that is not ISO 8601, an output
    file that cannot be written): exit 1."""


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


def parse_as_of(text: str, anchor: date | datetime | None) -> tuple[date | datetime, str]:
    """An ``--as-of`` time and how to show it (``timeline.query.moments.read_moment``)."""
    from timeline.query.moments import read_moment

    try:
        return read_moment(text, anchor)
    except TimelineError as exc:
        raise _BadInput(f"--as-of: {exc}") from None


def _progress(err: TextIO, articles: int, **options: Any) -> Any:
    """A tqdm bar on ``err`` for a large corpus at a terminal, else ``None`` (tqdm not imported).

    tqdm's own ``TQDM_*`` environment settings (``TQDM_DISABLE=1``) still apply.
    """
    if articles <= PROGRESS_MIN_ARTICLES or not err.isatty():
        return None
    from tqdm import tqdm

    return tqdm(file=err, leave=False, dynamic_ncols=True, **options)


def _each(articles: Sequence[Article], err: TextIO, what: str) -> Iterator[Article]:
    """The articles, with a progress bar where ``_progress`` gives one."""
    bar = _progress(err, len(articles), total=len(articles), desc=what, unit="article")
    if bar is None:
        yield from articles
        return
    try:
        for article in articles:
            yield article
            bar.update()
    finally:
        bar.close()


def _load_timeline(directory: str | None, err: TextIO) -> Timeline:
    """Articles, then events one by one on the progress bar (resolving their claims is
    where a large corpus spends its time), then the timeline."""
    from timeline.model.load import load_articles, load_events, seeds_dir
    from timeline.query.timeline import Timeline

    folder = seeds_dir() if directory is None else Path(directory)
    articles = load_articles(folder)
    bar = _progress(err, len(articles), total=None, unit="event",
                    desc=f"{len(articles)} articles: reading events")
    if bar is None:
        return Timeline(articles, load_events(folder, articles))

    def tick(done: int, total: int) -> None:
        bar.total = total
        bar.update()

    try:
        specs = load_events(folder, articles, progress=tick)
    finally:
        bar.close()
    return Timeline(articles, specs)


def _view(args: argparse.Namespace, err: TextIO) -> tuple[Timeline, str | None]:
    """The corpus of ``args.dir`` as of ``args.as_of``, and the as-of time as shown."""
    tl = _load_timeline(args.dir, err)
    if args.as_of is None:
        return tl, None
    from timeline.query.moments import latest_published

    moment, label = parse_as_of(args.as_of, latest_published(tl.articles.values()))
    return tl.as_of(moment), label


# --- output files ----------------------------------------------------------------------------

def _check_target(target: str) -> None:
    """Fail before any work when the output cannot go where asked."""
    if target == "-":
        return
    path = Path(target)
    folder = path.parent
    if not folder.is_dir():
        raise _BadInput(f"-o {target}: no such directory {str(folder)!r}")
    if path.is_dir():
        raise _BadInput(f"-o {target}: is a directory")


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte: ``os.write`` may write fewer than asked."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _new_file_mode(path: Path) -> int:
    """The replaced file's permissions, or what ``open()`` would give a new one (umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(target: str, data: bytes) -> None:
    """Put ``data`` at ``target`` whole or not at all.

    A temporary file in the same directory (so the rename stays on one file system) is
    written, synced and renamed over the target; on any error it is removed, and the target
    is as it was. The error is one line naming the target.
    """
    _check_target(target)
    path = Path(target)
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".tmp")
    except OSError as exc:
        raise _BadInput(f"-o {target}: cannot write: {exc.strerror or exc}") from None
    try:
        try:
            os.fchmod(fd, _new_file_mode(path))
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):  # already renamed, or never made
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise _BadInput(f"-o {target}: cannot write: {exc.strerror or exc}") from None
        raise


def _emit(target: str, data: bytes, out: TextIO) -> None:
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


def _json_bytes(document: Any) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- commands ----------------------------------------------------------------------------------

def _cmd_resolve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import timeline

    anchor = parse_anchor(args.anchor)
    value = timeline.resolve(args.expr, anchor, tense=args.tense, date_order=args.date_order)
    print(json.dumps({"text": args.expr, **value.to_json()}, ensure_ascii=False), file=out)
    return 0


def _load(directory: str | None) -> list[Article]:
    from timeline.model.load import load_articles, seeds_dir

    return load_articles(seeds_dir() if directory is None else Path(directory))


def _cmd_scan(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    articles = _load(args.dir)  # first: a bad corpus is reported before the tagger loads

    from timeline.tagger.scan import scan

    if args.format == "json":
        report = []
        for article in _each(articles, err, "scanning"):
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

    for number, article in enumerate(_each(articles, err, "scanning")):
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


# --- tag and eval: the tagger on one file, and the TempEval-3 scorer -----------------------------

TIMEML_SUFFIXES = (".tml", ".timeml")


def _looks_like_timeml(text: str) -> bool:
    """Text that opens as XML or with a TimeML root (a TimeML file named ``.xml``, ``.txt``)."""
    return text.lstrip("\ufeff \t\r\n").startswith(("<?xml", "<TimeML"))


def _listed_anchor(path: Path) -> tuple[date | datetime | None, str]:
    """The publication time a ``sources.toml`` beside ``path`` gives it, and what was found."""
    from timeline.model.article import Article
    from timeline.model.load import SOURCES, read_manifest

    sources = path.parent / SOURCES
    if not sources.is_file():
        return None, f"no {SOURCES} beside it"
    target = path.resolve()
    source, tables = read_manifest(path.parent)
    for index, table in enumerate(tables, start=1):
        # Only the entry naming this file is checked and read: a corpus of thousands of
        # articles is not loaded to tag one of them.
        listed = table.get("file") if isinstance(table, dict) else None
        if isinstance(listed, str) and (path.parent / listed).resolve() == target:
            article = Article.from_toml(table, path.parent, source=source, index=index)
            return article.published, f"{SOURCES} (article {article.id!r})"
    return None, f"{SOURCES} beside it does not list it"


def _read_text_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise _BadInput(f"{path}: not UTF-8 text (byte {exc.start})") from None


def _tag_anchor(args: argparse.Namespace, path: Path, text: str
                ) -> tuple[date | datetime, str]:
    """The anchor for a plain text: --anchor, else sources.toml, else its dateline."""
    if args.anchor is not None:
        return parse_anchor(args.anchor), "--anchor"
    listed, found = _listed_anchor(path)
    if listed is not None:
        return listed, found
    from timeline.timeml.dateline import find_dateline

    line = find_dateline(text, date_order=args.date_order)
    if line is not None:
        return line.moment, f"dateline {line.text!r}"
    raise _BadInput(f"{path}: no anchor date: no --anchor given, {found}, and no dateline "
                    f"near its start (such as 'February 25, 2025')")


def _mention_json(mention: Any, text: str, explain: bool) -> dict[str, Any]:
    start, end = mention.extent
    value = mention.timex.to_json()
    out: dict[str, Any] = {"text": text[start:end], "span": [start, end],
                           "type": value["type"], "value": value["value"], "mod": value["mod"],
                           "interval": value["interval"], "rule": mention.rule}
    for key in ("quant", "freq"):
        if key in value:
            out[key] = value[key]
    if explain:
        out["matched"] = [mention.start, mention.end]
        out["cues"] = mention.cue or None  # the words that set its direction
        out["reference"] = mention.reference  # what an anaphoric one counted from
    return out


def _cmd_tag(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from timeline.timeml.read import read_timeml

    path = Path(args.file)
    document = None
    if path.suffix.lower() in TIMEML_SUFFIXES:
        document = read_timeml(path)  # bytes: its XML declaration names the encoding
        text = document.text
    else:
        text = _read_text_file(path)
        if _looks_like_timeml(text):
            document = read_timeml(text, name=str(path))
            text = document.text
    if document is not None:
        if args.anchor is not None:
            anchor, source = parse_anchor(args.anchor), "--anchor"
        else:
            try:
                anchor, source = document.anchor(), "DCT"
            except TimelineError as exc:
                raise _BadInput(f"{exc}, and no --anchor was given") from None
    else:
        anchor, source = _tag_anchor(args, path, text)

    import timeline

    mentions = timeline.tag(text, anchor, date_order=args.date_order)
    if args.format == "json":
        report = [_mention_json(m, text, args.explain) for m in mentions]
        print(json.dumps(report, ensure_ascii=False, indent=2), file=out)
    elif args.format == "timeml":
        if document is not None:
            from timeline.timeml.write import write_timeml

            out.write(write_timeml(document, mentions))
        else:
            from timeline.timeml.write import to_timeml

            out.write(to_timeml(text, mentions, anchor))
    else:
        print(f"{path}  anchor {_show_moment(anchor)} (from {source})", file=out)
        rows = []
        for mention in mentions:
            fields = _mention_json(mention, text, args.explain)
            rows.append([
                f"{fields['span'][0]}-{fields['span'][1]}",
                " ".join(fields["text"].split()),
                fields["type"],
                str(fields["value"]),
                fields["mod"] or "-",
                _show_interval(fields["interval"]),
                *([mention.rule, fields["cues"] or "-", fields["reference"] or "-"]
                  if args.explain else []),
            ])
        if not rows:
            print("  (no time expressions)", file=out)
            return 0
        header = ["span", "text", "type", "value", "mod", "interval",
                  *(["rule", "cues", "reference"] if args.explain else [])]
        _print_table(header, rows, out, indent="  ")
    return 0


def _show_moment(moment: date | datetime) -> str:
    """ISO 8601, to the minute when the seconds are zero (``2025-02-25T11:38``)."""
    if isinstance(moment, datetime) and moment.second == 0 and moment.microsecond == 0:
        return moment.isoformat(timespec="minutes")
    return moment.isoformat()


def _percent(share: float) -> str:
    return f"{100 * share:5.1f}"


def _short(text: str | None, width: int = 32) -> str:
    if text is None:
        return "-"
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _shown_timex(timex: Any) -> str:
    """``DATE 1998-02 END``: type, value and mod of a scored TIMEX3, ``-`` for none."""
    if timex is None:
        return "-"
    return " ".join(str(part) for part in (timex.type, timex.value, timex.mod) if part)


def _cmd_eval(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from timeline.export.wording import plural
    from timeline.timeml.score import evaluate, timeml_files

    evaluation = evaluate(timeml_files(args.gold_dir))
    if args.json:
        print(json.dumps(evaluation.to_json(errors=args.errors), ensure_ascii=False, indent=2),
              file=out)
        return 0
    counts = evaluation.counts
    measures = counts.measures()
    print(f"TempEval-3 Task A: {plural(len(evaluation.documents), 'document')}, "
          f"{counts.gold} gold TIMEX3s, {counts.system} system TIMEX3s", file=out)
    rows = [[extent, _percent(measures[extent]["precision"]),
             _percent(measures[extent]["recall"]), _percent(measures[extent]["f1"]), ""]
            for extent in ("strict", "relaxed")]
    rows += [[attribute, "", "", _percent(measures[attribute]["f1"]),
              f"({_percent(measures[attribute]['accuracy']).strip()} % of relaxed matches "
              f"right)"]
             for attribute in ("type", "value", "mod")]
    _print_table(["", "    P", "    R", "   F1", ""], rows, out, indent="  ")
    speed = evaluation.characters_per_second
    shown = "-" if speed is None else f"{speed:,.0f}"
    print(f"characters per second: {shown} (tagging only: {evaluation.characters:,} "
          f"characters in {evaluation.seconds:.2f} s; reading, scoring and the rule tables' "
          f"one-time load, {evaluation.startup_seconds:.2f} s, not counted)", file=out)
    if args.errors is None:
        return 0
    kinds = evaluation.error_kinds()
    print(file=out)
    print(f"{min(args.errors, len(kinds))} most frequent error kinds (of {len(kinds)}), one "
          f"example each:", file=out)
    rows = []
    for kind in kinds[:args.errors]:
        example = kind.example
        rows.append([
            str(kind.count).rjust(5), kind.kind, example.file,
            _short(None if example.gold is None else example.gold.text),
            _short(None if example.system is None else example.system.text),
            _shown_timex(example.gold), _shown_timex(example.system),
            (example.system.rule or "-") if example.system is not None else "-",
        ])
    header = ["count", "kind", "file", "gold text", "system text", "gold", "system", "rule"]
    _print_table(header, rows, out, indent="  ")
    return 0


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Load a corpus whole (articles, events, claims) and say what it holds and what clashes."""
    tl, label = _view(args, err)
    from timeline.export.wording import plural
    claims = sum(len(e.claims) for e in tl.events)
    view = "" if label is None else f" as of {label}"
    print(f"{plural(len(tl.known_articles), 'article')}, {plural(len(tl), 'event')}, "
          f"{plural(claims, 'claim')}{view}; {plural(len(tl.conflicts), 'conflict')}",
          file=out)
    for conflict in tl.conflicts:
        print(f"  conflict: {conflict.message}", file=out)
    return 0


def _cmd_chronology(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    tl, _ = _view(args, err)
    text = tl.chronology(format=args.format, width=args.width)
    out.write(text if text.endswith("\n") else text + "\n")
    return 0


def _cmd_ics(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    _check_target(args.output)
    tl, _ = _view(args, err)
    from timeline.export.ics import open_ended, undated
    from timeline.export.wording import plural

    data = tl.to_ics(include_open=args.include_open)
    _emit(args.output, data, out)
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


def _cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    _check_target(args.output)
    tl, _ = _view(args, err)
    document = tl.to_json() if args.format == "json" else tl.to_timelinejs()
    _emit(args.output, _json_bytes(document), out)
    return 0


def _cmd_plot(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    _check_target(args.output)
    tl, _ = _view(args, err)
    svg = tl.to_svg(width=args.width)
    _emit(args.output, (svg if svg.endswith("\n") else svg + "\n").encode("utf-8"), out)
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


def _at_least(minimum: int, what: str) -> Callable[[str], int]:
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


def _date_order_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--date-order", choices=("mdy", "dmy"), default="mdy",
                         help="how to read all-numeric dates such as 2/3/2025 "
                              "(default: %(default)s)")


AS_OF_HELP = ("only what had been published by TIME: an ISO date (2025-03-05, the end of that "
              "day), a datetime (2025-02-24T12:00Z, or without a zone for the corpus's own "
              "clock) or a time expression resolved against the corpus's latest publication, "
              "taken at its END (\"last Monday\" is the end of that Monday, \"the end of next "
              "week\" the end of that week)")

MIN_PLOT_WIDTH = 320


def _add_view_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("dir", metavar="DIR", nargs="?",
                         help="a folder with sources.toml and events.toml (default: the seeds)")
    command.add_argument("--as-of", metavar="TIME", help=AS_OF_HELP)


def _add_output_argument(command: argparse.ArgumentParser, example: str) -> None:
    command.add_argument("-o", "--output", metavar="FILE", required=True,
                         help=f"where to write it (e.g. {example}), or - for standard output; "
                              "written whole or not at all, into an existing directory")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: one subcommand per task, each with an example in its help."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_wrap("Build event timelines from dated news articles: resolve English "
                          "time expressions into TIMEX3 values with calendar intervals, and "
                          "export the events as a chronology, a calendar, JSON or a "
                          "picture."),
        epilog="examples:\n"
               "  timeline chronology                          # the shipped seed corpus\n"
               "  timeline chronology corpus/ --as-of \"last Monday\"\n"
               "  timeline ics -o seeds.ics\n"
               "  timeline export --format timelinejs -o seeds.json\n"
               "  timeline plot -o seeds.svg\n"
               "  timeline resolve \"last week\" --anchor 2025-02-24\n"
               "  timeline scan\n"
               "  timeline check --as-of 2025-02-24T12:00Z\n\n"
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
    _date_order_option(resolve)
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

    tag = commands.add_parser(
        "tag",
        help="tag every time expression in one file (plain text or TimeML)",
        description=_wrap("Find and resolve every time expression in FILE. A TimeML file "
                          "(.tml) is tagged against its DCT; plain text against --anchor, "
                          "else the publication time a sources.toml beside it lists for it, "
                          "else a dateline near its start (\"February 25, 2025 at 11:38\", "
                          "\"date 2025-02-24\"); with none of them it exits 1 saying so. "
                          "JSON gives a list of objects: text, span [start, end) of the "
                          "TIMEX3 extent, type, value, mod, interval (half-open ISO ends, "
                          "null for an open end), rule. TimeML gives the input document with "
                          "the system's TIMEX3 tags in place of any gold ones."),
        epilog="examples:\n"
               "  timeline tag article.txt --anchor 2025-02-25\n"
               "  timeline tag wsj_0006.tml --format timeml > wsj_0006.system.tml\n"
               "  timeline tag seeds/002_828a49faf123ea01.txt --format json --explain",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    tag.add_argument("file", metavar="FILE", help="a UTF-8 text file or a TimeML (.tml) file")
    tag.add_argument("--anchor", metavar="DATE",
                     help="what relative expressions resolve against, usually the "
                          "publication date: an ISO date (2025-02-24) or datetime "
                          "(2025-02-25T11:38, 2025-02-25T11:38+01:00); overrides a DCT")
    tag.add_argument("--format", choices=("text", "json", "timeml"), default="text",
                     help="aligned columns, a JSON list, or TimeML (default: %(default)s)")
    _date_order_option(tag)
    tag.add_argument("--explain", action="store_true",
                     help="add the rule that fired, the context cues that set the "
                          "direction and the date an anaphoric expression counted from "
                          "(JSON: \"cues\", \"reference\" and \"matched\", the span "
                          "with signals)")
    tag.set_defaults(run=_cmd_tag)

    evaluate = commands.add_parser(
        "eval",
        help="score the tagger against gold TimeML (TempEval-3 Task A)",
        description=_wrap("Tag every .tml file in GOLD_DIR against its own DCT and print "
                          "the TempEval-3 Task A measures against its gold TIMEX3s: strict "
                          "and relaxed extent precision, recall and F1, and type, value and "
                          "mod F1 (attribute accuracy over relaxed matches times relaxed F1), "
                          "each gold TIMEX3 matched at most once; then the tagging speed in "
                          "characters per second (the tagging calls only)."),
        epilog="examples:\n"
               "  timeline eval corpora/timebank\n"
               "  timeline eval corpora/timebank --errors 20\n"
               "  timeline eval corpora/timebank --json > scores.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument("gold_dir", metavar="GOLD_DIR", help="a folder of .tml files")
    evaluate.add_argument("--json", action="store_true", help="print the results as JSON")
    evaluate.add_argument("--errors", type=_at_least(1, "--errors"), metavar="N",
                          help="also list the N most frequent kinds of error, each with one "
                               "example (file, text, gold and system value, rule)")
    evaluate.set_defaults(run=_cmd_eval)

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
               "  timeline check corpus/ --as-of 2025-02-24T12:00Z\n"
               "  timeline check --as-of yesterday     # the day before the latest article",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_view_arguments(check)
    check.set_defaults(run=_cmd_check)

    chronology = commands.add_parser(
        "chronology",
        help="print the events in order, grouped by day, with their sources",
        description=_wrap("Print a plain-text (or Markdown) chronology of the corpus: events "
                          "in time order grouped by day, uncertain dates in words, scheduled, "
                          "expected and unconfirmed events marked, conflicting claims shown, "
                          "each line citing its articles, and the sources at the end."),
        epilog="examples:\n"
               "  timeline chronology                         # the shipped seed corpus\n"
               "  timeline chronology corpus/ --width 100\n"
               "  timeline chronology --as-of \"last Monday\" --format markdown > seeds.md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_view_arguments(chronology)
    chronology.add_argument("--format", choices=("text", "markdown"), default="text",
                            help="wrapped plain text, or Markdown (default: %(default)s)")
    chronology.add_argument("--width", type=_at_least(MIN_WIDTH, "--width"), default=80,
                            metavar="COLUMNS",
                            help=f"wrap text to this many columns, at least {MIN_WIDTH} "
                                 "(default: %(default)s)")
    chronology.set_defaults(run=_cmd_chronology)

    ics = commands.add_parser(
        "ics",
        help="write the events as an iCalendar (.ics) file",
        description=_wrap("Write one VEVENT per event: day-granular and uncertain events as "
                          "all-day events over their days (uncertain ones say so), timed ones "
                          "at their times, each with its sources in DESCRIPTION. Events with "
                          "an open start or end are left out, with a count on stderr, unless "
                          "--include-open. The same corpus gives the same bytes."),
        epilog="examples:\n"
               "  timeline ics -o seeds.ics                     # the shipped seed corpus\n"
               "  timeline ics corpus/ -o corpus.ics --as-of 2025-03-05 --include-open",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_view_arguments(ics)
    _add_output_argument(ics, "seeds.ics")
    ics.add_argument("--include-open", action="store_true",
                     help="also write events with one open end (\"by 2030\"), on the day "
                          "their bounded end names")
    ics.set_defaults(run=_cmd_ics)

    export = commands.add_parser(
        "export",
        help="write the timeline as JSON or as TimelineJS JSON",
        description=_wrap("Write the timeline as lossless JSON (articles and every claim, "
                          "readable back with Timeline.from_json) or in TimelineJS's JSON "
                          "format (one slide per event with a known start)."),
        epilog="examples:\n"
               "  timeline export --format json -o seeds.json     # the shipped seed corpus\n"
               "  timeline export corpus/ --format timelinejs -o slides.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_view_arguments(export)
    export.add_argument("--format", choices=("json", "timelinejs"), required=True,
                        help="json (lossless) or timelinejs")
    _add_output_argument(export, "seeds.json")
    export.set_defaults(run=_cmd_export)

    plot = commands.add_parser(
        "plot",
        help="draw the timeline as an SVG picture",
        description=_wrap("Draw one row per event on a date axis: certain spans solid, "
                          "uncertain bounds faded, scheduled and expected events hollow, "
                          "unconfirmed ones marked. Plain SVG, no extra dependency."),
        epilog="examples:\n"
               "  timeline plot -o seeds.svg                   # the shipped seed corpus\n"
               "  timeline plot corpus/ -o corpus.svg --width 1400 --as-of 2025-03-05",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_view_arguments(plot)
    _add_output_argument(plot, "seeds.svg")
    plot.add_argument("--width", type=_at_least(MIN_PLOT_WIDTH, "--width"), default=960,
                      metavar="PIXELS",
                      help=f"picture width, at least {MIN_PLOT_WIDTH} (default: %(default)s)")
    plot.set_defaults(run=_cmd_plot)
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
