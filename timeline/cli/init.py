"""``timeline init DIR [--from FILE]``: a corpus's ``sources.toml`` from its article files, or
from a JSONL/CSV file of articles, so that only ``events.toml`` is written by hand."""

from __future__ import annotations

import argparse
from typing import TextIO

from timeline.cli.common import PROG, BadInput, date_order_option, show_moment, wrap


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command and its options."""
    command = commands.add_parser(
        "init",
        help="write DIR/sources.toml from the article files in DIR (or a JSONL/CSV file)",
        description=wrap(
            "List the article files of DIR (.txt, .md, .html; not in subfolders) in "
            "DIR/sources.toml: id from the file name, title from the headline, published "
            "from what the text itself says (front matter 'date:' or 'published:', else a "
            "dateline near the start such as 'WASHINGTON, Feb. 24, 2025 (Reuters) -' or "
            "'February 25, 2025 at 11:38'), outlet and url where stated. A date is never "
            "invented: a time only where the text gives one, an offset only where it gives "
            "a zone. HTML is read to text and written beside it as NAME.txt, the file "
            "listed. With --from, the articles are records of a JSONL (one object a line), "
            "JSON (an object or an array) or CSV file with the fields id, title, text, "
            "published (or date), url, outlet "
            "(news-please's maintext, date_publish and source_domain too): each is written "
            "to its own text file. Prints one line a file. Nothing is written unless every "
            "file is dated (or --skip-undated); an existing sources.toml is extended, its "
            "bytes kept as they are."),
        epilog="examples:\n"
               "  timeline init corpus/                       # .txt/.md/.html files in corpus/\n"
               "  timeline init corpus/ --skip-undated\n"
               "  timeline init corpus/ --year 2025           # 'WASHINGTON, Feb. 24 "
               "(Reuters) -'\n"
               "  timeline init corpus/ --from articles.jsonl\n"
               "  timeline init corpus/ --from crawl.csv --fields text=body,published=date\n"
               "  timeline chronology corpus/                 # once events.toml is written",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("dir", metavar="DIR",
                         help="the corpus folder (with --from, created if missing)")
    command.add_argument("--from", dest="source", metavar="FILE",
                         help="read the articles from this .jsonl, .json or .csv file "
                              "instead, and write each to DIR/ID.txt")
    command.add_argument("--fields", metavar="FIELD=NAME,...",
                         help="with --from, the record names of our fields (id, title, text, "
                              "published, url, outlet), e.g. text=body,published=date")
    command.add_argument("--skip-undated", action="store_true",
                         help="list the dated files and leave out those that cannot be dated "
                              "(saying which), instead of writing nothing")
    command.add_argument("--year", type=int, metavar="YEAR",
                         help="read datelines that leave out the year ('WASHINGTON, Feb. 24 "
                              "(Reuters) -') in YEAR")
    date_order_option(command)
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pathlib import Path

    from timeline.model.ingest import (
        IngestError,
        parse_fields,
        plan_lines,
        read_folder,
        read_records,
        write_intake,
    )

    if args.fields is not None and args.source is None:
        raise BadInput("--fields: only with --from FILE")
    if args.source is not None and args.year is not None:
        raise BadInput("--year: only for article files, not with --from (records give "
                       "their dates in full)")
    directory = Path(args.dir)
    try:
        if args.source is not None:
            fields = parse_fields(args.fields) if args.fields else None
            intake = read_records(directory, args.source, fields=fields)
        else:
            if not directory.is_dir():
                raise BadInput(f"{args.dir}: no such directory")
            intake = read_folder(directory, year=args.year, date_order=args.date_order)
    except IngestError as exc:
        for problem in exc.problems:
            print(f"{PROG}: {problem}", file=err)
        if exc.more:
            print(f"{PROG}: ... and {exc.more} more; nothing written", file=err)
        else:
            print(f"{PROG}: nothing written", file=err)
        return 1
    for line in plan_lines(intake, show_moment):
        print(line, file=out)
    target = write_intake(intake, skip_undated=args.skip_undated)
    undated = intake.undated
    if undated:
        print(f"skipped {len(undated)} undated: {', '.join(i.source for i in undated)}",
              file=out)
    added = len(intake.articles)
    if target is None:
        print(f"nothing new: {directory / 'sources.toml'} lists every file already", file=out)
    else:
        kept = f", after the {len(intake.listed)} listed already" if intake.listed else ""
        verb = "extended" if intake.existing is not None else "wrote"
        print(f"{verb} {target}: {added} article{'s' if added != 1 else ''}{kept}", file=out)
    return 0
