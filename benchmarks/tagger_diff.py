"""What a change to the rules changed: every TIMEX3 the tagger writes on a gold corpus, saved,
then compared with an earlier save, each difference marked against the gold.

    python benchmarks/tagger_diff.py save GOLD_DIR before.json   # before the change
    python benchmarks/tagger_diff.py save GOLD_DIR after.json    # after it
    python benchmarks/tagger_diff.py compare before.json after.json

A line starts with ``+`` when the new value is the gold's and the old was not, ``-`` the
other way, a space when neither is (or the gold has nothing there). A development tool, run
on demand; it reads the corpus through ``timeline.timeml`` like ``timeline eval``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from timeline.tagger.scan import scan
from timeline.timeml.read import read_timeml

Row = list[str | None]


def save(gold_dir: Path, out: Path) -> int:
    rows: dict[str, Row] = {}
    for path in sorted(gold_dir.glob("*.tml")):
        doc = read_timeml(path)
        if doc.dct is None:
            print(f"{path.name}: no DCT, left out", file=sys.stderr)
            continue
        gold = {t.span: t for t in doc.timexes if t.span is not None}
        for mention in scan(doc.text, doc.dct):
            start, end = mention.extent
            value = mention.timex
            near = [t for (g_start, g_end), t in gold.items() if g_start < end and start < g_end]
            rows[f"{path.name}:{start}:{end}"] = [
                doc.text[start:end], value.type.value, value.value,
                value.mod.value if value.mod else None,
                near[0].value if near else None]
    out.write_text(json.dumps(rows, indent=0), encoding="utf-8")
    print(f"{len(rows)} TIMEX3s from {gold_dir} saved to {out}")
    return 0


def _right(row: Row | None, gold: str | None) -> bool:
    return row is not None and gold is not None and row[2] == gold


def compare(before: Path, after: Path) -> int:
    old: dict[str, Row] = json.loads(before.read_text(encoding="utf-8"))
    new: dict[str, Row] = json.loads(after.read_text(encoding="utf-8"))
    changed = 0
    for key in sorted(set(old) | set(new)):
        was, now = old.get(key), new.get(key)
        if was == now:
            continue
        changed += 1
        gold = (was or now or [None] * 5)[4]
        mark = ("+" if _right(now, gold) and not _right(was, gold)
                else "-" if _right(was, gold) else " ")
        print(f"{mark} {key}  {was and was[:4]} -> {now and now[:4]}  gold {gold}")
    print(f"{changed} TIMEX3s changed")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    saving = commands.add_parser("save", help="tag every .tml file and save the TIMEX3s")
    saving.add_argument("gold_dir", type=Path)
    saving.add_argument("out", type=Path)
    comparing = commands.add_parser("compare", help="show what changed between two saves")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "save":
        return save(args.gold_dir, args.out)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
