"""``timeline eval GOLD_DIR``: TempEval-3 Task A scores against gold TimeML."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from timeline.cli.common import at_least, print_table, wrap


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the command and its options."""
    command = commands.add_parser(
        "eval",
        help="score the tagger against gold TimeML (TempEval-3 Task A)",
        description=wrap("Tag every .tml file in GOLD_DIR against its own DCT and print "
                          "the TempEval-3 Task A measures against its gold TIMEX3s: strict "
                          "and relaxed extent precision, recall and F1, and type, value and "
                          "mod F1 (attribute accuracy over relaxed matches times relaxed F1), "
                          "each gold TIMEX3 matched at most once; then the tagging speed in "
                          "characters per second (the tagging calls only)."),
        epilog="examples:\n"
               "  timeline eval corpora/timebank\n"
               "  timeline eval corpora/timebank --errors 20\n"
               "  timeline eval corpora/timebank --by-source\n"
               "  timeline eval corpora/timebank --json > scores.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("gold_dir", metavar="GOLD_DIR", help="a folder of .tml files")
    command.add_argument("--json", action="store_true", help="print the results as JSON")
    command.add_argument("--errors", type=at_least(1, "--errors"), metavar="N",
                          help="also list the N most frequent kinds of error, each with one "
                               "example (file, text, gold and system value, rule)")
    command.add_argument("--by-source", action="store_true",
                          help="also the table by news source, by kind of news (wire, "
                               "newspaper, broadcast) and by development/check half: "
                               "spurious, missed and extent errors per 100 gold TIMEX3s and "
                               "strict, relaxed, type and value F1 (sources from the file "
                               "names' leading letters, as TimeBank's DOCIDs)")
    command.set_defaults(run=run)


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


def _print_by_source(evaluation: Any, out: TextIO) -> None:
    """Each source, kind and half on a row: gold, errors per 100 gold, the four F1s."""
    from timeline.timeml.score import HEADLINE_ERRORS
    from timeline.timeml.sources import SOURCES, by_source

    print("by source (errors per 100 gold TIMEX3s; F1 in percent):", file=out)
    rows = []
    for group, scores in by_source(evaluation).items():
        for score in scores:
            known = SOURCES.get(score.name)
            label = {"source": known.kind if known else "other", "kind": "kind",
                     "half": "half", "all": ""}[group]
            numbers = score.headline()
            rows.append([score.name, label, str(score.documents), str(numbers.pop("gold")),
                         *("-" if value is None else f"{value:.1f}"
                           for value in numbers.values())])
    header = ["group", "", "docs", "gold", *HEADLINE_ERRORS, "strict", "relaxed", "type",
              "value"]
    print_table(header, rows, out, indent="  ")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from timeline.export.wording import plural
    from timeline.timeml.score import evaluate, timeml_files

    evaluation = evaluate(timeml_files(args.gold_dir))
    if args.json:
        report = evaluation.to_dict(errors=args.errors)
        if args.by_source:
            from timeline.timeml.sources import by_source

            report["by_source"] = {group: [row.to_dict() for row in rows]
                                   for group, rows in by_source(evaluation).items()}
        print(json.dumps(report, ensure_ascii=False, indent=2), file=out)
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
    print_table(["", "    P", "    R", "   F1", ""], rows, out, indent="  ")
    speed = evaluation.characters_per_second
    shown = "-" if speed is None else f"{speed:,.0f}"
    print(f"characters per second: {shown} (tagging only: {evaluation.characters:,} "
          f"characters in {evaluation.seconds:.2f} s; reading, scoring and the rule tables' "
          f"one-time load, {evaluation.startup_seconds:.2f} s, not counted)", file=out)
    if args.by_source:
        print(file=out)
        _print_by_source(evaluation, out)
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
    print_table(header, rows, out, indent="  ")
    return 0
