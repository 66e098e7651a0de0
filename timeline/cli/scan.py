"""``timeline scan [DIR]``: every time expression of every article, resolved."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, TextIO

from timeline.cli.common import (
    BadInput,
    add_batch_arguments,
    batch_records,
    counted,
    jobs_of,
    load_articles_of,
    print_table,
    show_interval,
    wrap,
    write_results,
)

if TYPE_CHECKING:
    from timeline.model.article import Article


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command and its options."""
    command = commands.add_parser(
        "scan",
        help="list every time expression of every article in a corpus, resolved",
        description=wrap("Load the articles listed in DIR/sources.toml and print, for each, its "
                    "id, title and publication date, then every time expression found in "
                    "its text with its span, text, TIMEX3 value, mod and interval, resolved "
                    "against the publication date. With --from FILE.jsonl the articles "
                    "are its lines; --jobs N scans on N processes (the output the same "
                    "for any N); --format jsonl gives one object an article (id, mentions), "
                    "streamed, and -o NAME.parquet one Parquet row a mention "
                    "(docs/scale.md)."),
        epilog="examples:\n"
               "  timeline scan                  # the seed articles shipped with timeline\n"
               "  timeline scan corpus/ --format json\n"
               "  timeline scan --from articles.jsonl --format jsonl --jobs 2 > out.jsonl\n"
               "  timeline scan corpus/ -o mentions.parquet",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("dir", metavar="DIR", nargs="?",
                      help="a folder with sources.toml (default: the shipped seed articles)")
    command.add_argument("--format", choices=("text", "json", "jsonl"),
                      help="aligned columns, a JSON list of articles with their mentions, or "
                           "JSON lines, one article a line (default: text; jsonl with -o)")
    command.add_argument("-o", "--output", metavar="FILE", default="-",
                         help="write JSON lines here (NAME.parquet: Parquet, one row a "
                              "mention), whole or not at all; default: standard output")
    add_batch_arguments(command)
    command.add_argument("--explain", action="store_true",
                      help="add a column naming the rule that found each expression")
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.source is not None and args.dir is not None:
        raise BadInput("scan: a corpus folder or --from FILE, not both")
    if args.output != "-" and args.format not in (None, "jsonl"):
        raise BadInput(f"-o: JSON lines or Parquet; --format {args.format} goes to "
                       f"standard output")
    stream = args.format == "jsonl" or args.output != "-"
    articles: dict[str, Article] = {}
    if args.source is None and not stream:
        # first: a bad corpus is reported before the tagger loads
        articles = {a.id: a for a in load_articles_of(args.dir)}
    from timeline.batch import parallel, scan_records

    results = counted(parallel(scan_records, batch_records(args), jobs=jobs_of(args)),
                      err, "scanning", len(articles) or None)
    if stream:
        write_results(results, args.output, out)
        return 0
    if args.format == "json":
        report = []
        for result in results:
            article = articles.get(result["id"])
            report.append(result if article is None else {
                "id": article.id,
                "file": article.file,
                "title": article.title,
                "outlet": article.outlet,
                "published": article.published.isoformat(),
                "mentions": result["mentions"],
            })
        json.dump(report, out, ensure_ascii=False, indent=2)
        print(file=out)
        return 0

    for number, result in enumerate(results):
        if number:
            print(file=out)
        article = articles.get(result["id"])
        if article is not None:
            print(f"{article.id}  {article.title}", file=out)
            outlet = f"  {article.outlet}" if article.outlet else ""
            print(f"     published {article.published.isoformat()}{outlet}", file=out)
        else:
            print(result["id"], file=out)
        rows = []
        for mention in result["mentions"]:
            start, end = mention["span"]
            rows.append([
                f"{start}-{end}",
                " ".join(mention["text"].split()),
                str(mention.get("value")),
                mention.get("mod") or "-",
                show_interval(mention.get("interval")),
                *([mention["rule"]] if args.explain else []),
            ])
        if not rows:
            print("     (no time expressions)", file=out)
            continue
        header = ["span", "text", "value", "mod", "interval", *(["rule"] if args.explain else [])]
        print_table(header, rows, out, indent="     ")
    return 0
