"""``timeline scan [DIR]``: every time expression of every article, resolved."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from timeline.cli.common import each, load_articles_of, print_table, show_interval, wrap


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command and its options."""
    command = commands.add_parser(
        "scan",
        help="list every time expression of every article in a corpus, resolved",
        description=wrap("Load the articles listed in DIR/sources.toml and print, for each, its "
                    "id, title and publication date, then every time expression found in "
                    "its text with its span, text, TIMEX3 value, mod and interval, resolved "
                    "against the publication date."),
        epilog="examples:\n"
               "  timeline scan                  # the seed articles shipped with timeline\n"
               "  timeline scan corpus/ --format json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("dir", metavar="DIR", nargs="?",
                      help="a folder with sources.toml (default: the shipped seed articles)")
    command.add_argument("--format", choices=("text", "json"), default="text",
                      help="aligned columns, or a JSON list of articles with their mentions "
                           "(default: %(default)s)")
    command.add_argument("--explain", action="store_true",
                      help="add a column naming the rule that found each expression")
    command.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    articles = load_articles_of(args.dir)  # first: a bad corpus is reported before the tagger loads

    from timeline.tagger.scan import scan

    if args.format == "json":
        report = []
        for article in each(articles, err, "scanning"):
            mentions = scan(article.text, article.published)
            report.append({
                "id": article.id,
                "file": article.file,
                "title": article.title,
                "outlet": article.outlet,
                "published": article.published.isoformat(),
                "mentions": [mention.to_dict() for mention in mentions],
            })
        json.dump(report, out, ensure_ascii=False, indent=2)
        print(file=out)
        return 0

    for number, article in enumerate(each(articles, err, "scanning")):
        if number:
            print(file=out)
        print(f"{article.id}  {article.title}", file=out)
        outlet = f"  {article.outlet}" if article.outlet else ""
        print(f"     published {article.published.isoformat()}{outlet}", file=out)
        rows = []
        for mention in scan(article.text, article.published):
            value = mention.value.to_dict()
            rows.append([
                f"{mention.start}-{mention.end}",
                " ".join(mention.text.split()),
                str(value.get("value")),
                value.get("mod") or "-",
                show_interval(value.get("interval")),
                *([mention.rule] if args.explain else []),
            ])
        if not rows:
            print("     (no time expressions)", file=out)
            continue
        header = ["span", "text", "value", "mod", "interval", *(["rule"] if args.explain else [])]
        print_table(header, rows, out, indent="     ")
    return 0
