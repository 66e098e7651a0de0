"""``timeline tag FILE``: the tagger on one plain-text or TimeML file; ``timeline tag DIR``
or ``--from FILE.jsonl``: on every article of a corpus, on ``--jobs`` processes
(``timeline.batch``), as JSON lines or Parquet."""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from timeline.cli.common import (
    BadInput,
    add_batch_arguments,
    batch_records,
    counted,
    date_order_option,
    jobs_of,
    parse_anchor,
    print_table,
    show_interval,
    show_moment,
    wrap,
    write_results,
)
from timeline.errors import TimelineError


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command and its options."""
    command = commands.add_parser(
        "tag",
        help="tag every time expression in one file (plain text or TimeML)",
        description=wrap("Find and resolve every time expression in FILE. A TimeML file "
                          "(.tml) is tagged against its DCT; plain text against --anchor, "
                          "else the publication time a sources.toml beside it lists for it, "
                          "else a dateline near its start (\"February 25, 2025 at 11:38\", "
                          "\"date 2025-02-24\"); with none of them it exits 1 saying so. "
                          "JSON gives a list of objects: text, span [start, end) of the "
                          "TIMEX3 extent, type, value, mod, interval (half-open ISO ends, "
                          "null for an open end), rule. TimeML gives the input document with "
                          "the system's TIMEX3 tags in place of any gold ones. Given a "
                          "corpus folder (DIR with sources.toml) or --from FILE.jsonl, every "
                          "article is tagged against its publication time on --jobs "
                          "processes: JSON lines (one object an article: id, mentions), or "
                          "Parquet with -o NAME.parquet (one row a mention; docs/scale.md)."),
        epilog="examples:\n"
               "  timeline tag article.txt --anchor 2025-02-25\n"
               "  timeline tag wsj_0006.tml --format timeml > wsj_0006.system.tml\n"
               "  timeline tag seeds/002_828a49faf123ea01.txt --format json --explain\n"
               "  timeline tag corpus/ -o mentions.jsonl      # every article, every core\n"
               "  timeline tag --from articles.jsonl --jobs 2 -o mentions.parquet",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("file", metavar="FILE", nargs="?",
                         help="a UTF-8 text file or a TimeML (.tml) file, or a corpus folder")
    command.add_argument("--anchor", metavar="DATE",
                     help="what relative expressions resolve against, usually the "
                          "publication date: an ISO date (2025-02-24) or datetime "
                          "(2025-02-25T11:38, 2025-02-25T11:38+01:00); overrides a DCT")
    command.add_argument("--format", choices=("text", "json", "timeml", "jsonl"),
                     help="aligned columns, a JSON list, or TimeML (default: text); for a "
                          "corpus, JSON lines (its only format; -o NAME.parquet for Parquet)")
    command.add_argument("-o", "--output", metavar="FILE", default="-",
                         help="for a corpus: write here (NAME.parquet: Parquet, else JSON "
                              "lines), whole or not at all; default: standard output")
    add_batch_arguments(command)
    date_order_option(command)
    command.add_argument("--explain", action="store_true",
                     help="add the rule that fired, the context cues that set the "
                          "direction and the date an anaphoric expression counted from "
                          "(JSON: \"cues\", \"reference\" and \"matched\", the span "
                          "with signals)")
    command.set_defaults(run=run)


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
    manifest = read_manifest(path.parent)
    source, tables = manifest.source, manifest.tables
    for index, table in enumerate(tables, start=1):
        # Only the entry naming this file is checked and read: a corpus of thousands of
        # articles is not loaded to tag one of them.
        listed = table.get("file") if isinstance(table, dict) else None
        if isinstance(listed, str) and (path.parent / listed).resolve() == target:
            article = Article.from_toml(table, path.parent, source=source, index=index)
            return article.published, f"{SOURCES} (article {article.id!r})"
    return None, f"{SOURCES} beside it does not list it"


def _read_file(path: Path) -> bytes:
    """The bytes of FILE: a regular file of bounded size (``files.read_regular``), never a
    FIFO that blocks or a device that never ends (#13)."""
    from timeline.model.files import read_regular

    try:
        return read_regular(path)
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot read: {exc.strerror or exc}") from None


def _read_text_file(path: Path) -> str:
    try:
        return _read_file(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}: not UTF-8 text (byte {exc.start})") from None


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
    raise BadInput(f"{path}: no anchor date: no --anchor given, {found}, and no dateline "
                    f"near its start (such as 'February 25, 2025')")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.source is not None or (args.file is not None and Path(args.file).is_dir()):
        return run_batch(args, out, err)
    if args.file is None:
        raise BadInput("tag: expected FILE, a corpus folder, or --from FILE.jsonl")
    if args.output != "-" or args.jobs is not None or args.format == "jsonl":
        raise BadInput("-o, --jobs and --format jsonl: for a corpus folder or --from FILE")
    from timeline.timeml.read import parse_timeml, read_timeml

    path = Path(args.file)
    document = None
    if path.suffix.lower() in TIMEML_SUFFIXES:
        # bytes: its XML declaration names the encoding
        document = read_timeml(_read_file(path), name=str(path))
        text = document.text
    else:
        text = _read_text_file(path)
        if _looks_like_timeml(text):
            document = parse_timeml(text, name=str(path))
            text = document.text
    if document is not None:
        if args.anchor is not None:
            anchor, source = parse_anchor(args.anchor), "--anchor"
        else:
            try:
                anchor, source = document.anchor(), "DCT"
            except TimelineError as exc:
                raise BadInput(f"{exc}, and no --anchor was given") from None
    else:
        anchor, source = _tag_anchor(args, path, text)

    import timeline
    from timeline.batch import mention_json

    mentions = timeline.tag(text, anchor, date_order=args.date_order)
    if args.format == "json":
        report = [mention_json(m, text, args.explain) for m in mentions]
        print(json.dumps(report, ensure_ascii=False, indent=2), file=out)
    elif args.format == "timeml":
        if document is not None:
            from timeline.timeml.write import write_timeml

            out.write(write_timeml(document, mentions))
        else:
            from timeline.timeml.write import to_timeml

            out.write(to_timeml(text, mentions, anchor))
    else:
        print(f"{path}  anchor {show_moment(anchor)} (from {source})", file=out)
        rows = []
        for mention in mentions:
            fields = mention_json(mention, text, args.explain)
            rows.append([
                f"{fields['span'][0]}-{fields['span'][1]}",
                " ".join(fields["text"].split()),
                fields["type"],
                str(fields["value"]),
                fields["mod"] or "-",
                show_interval(fields["interval"]),
                *([mention.rule, fields["cues"] or "-", fields["reference"] or "-"]
                  if args.explain else []),
            ])
        if not rows:
            print("  (no time expressions)", file=out)
            return 0
        header = ["span", "text", "type", "value", "mod", "interval",
                  *(["rule", "cues", "reference"] if args.explain else [])]
        print_table(header, rows, out, indent="  ")
    return 0


def run_batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Every article of DIR or ``--from``, tagged on ``--jobs`` processes, in input order."""
    import functools

    from timeline.batch import Options, parallel, tag_records

    if args.source is not None and args.file is not None:
        raise BadInput("tag: a corpus folder or --from FILE, not both")
    if args.format not in (None, "jsonl"):
        raise BadInput(f"--format {args.format}: for one file; a corpus gives JSON lines "
                       f"(or Parquet with -o NAME.parquet)")
    if args.anchor is not None:
        raise BadInput("--anchor: for one file; a corpus's articles resolve against their "
                       "own publication times")
    args.dir = args.file
    options = Options(date_order=args.date_order, explain=args.explain)
    work = functools.partial(tag_records, options=options)
    results = parallel(work, batch_records(args), jobs=jobs_of(args))
    write_results(counted(results, err, "tagging"), args.output, out)
    return 0
