"""How fast ``timeline`` starts and resolves, beside dateparser on the same phrases.

Measures (a) ``python -c "import timeline"`` wall time, (b) the start-up of
``timeline resolve "last week" --anchor 2025-02-24``, each the median of ``--runs`` fresh
processes, and (c) resolutions per second over ``--phrases`` generated phrases with varied
anchors, for ``timeline.resolve`` and, in the same run, for dateparser (skipped with a message
when it is not installed: ``pip install 'timeline[bench]'``). Both are warmed up first and
the first, cold call is reported apart. Targets: import <= 150 ms, timeline >= 5x dateparser.

Usage: ``python benchmarks/bench_resolve.py [--phrases 10000] [--runs 10] [--importtime]``.
Speed is measured here, never asserted in tests; ``--check`` exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

IMPORT_TARGET_MS = 150.0
RATIO_TARGET = 5.0

NUMBERS = ["two", "three", "four", "five", "six", "ten", "2", "3", "5", "12"]
UNITS = ["day", "week", "month", "year", "quarter"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ABBREVIATED = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
               "Nov.", "Dec."]
CLOCK = ["2 p.m.", "10 a.m.", "9:30 a.m.", "noon", "11:38", "6 p.m.", "midnight"]


def _plural(number: str, unit: str) -> str:
    return unit if number in ("1", "one") else unit + "s"


def _phrase(rng: random.Random) -> str:
    """One phrase in the forms news text uses, weighted roughly as they occur."""
    n, unit = rng.choice(NUMBERS), rng.choice(UNITS[:4])
    month, day, year = rng.randrange(12), rng.randint(1, 28), rng.randint(1990, 2030)
    forms: list[tuple[int, Callable[[], str]]] = [
        (10, lambda: f"{rng.choice(['last', 'next', 'this'])} {rng.choice(UNITS)}"),
        (10, lambda: rng.choice(WEEKDAYS)),
        (4, lambda: f"{rng.choice(['last', 'next'])} {rng.choice(WEEKDAYS)}"),
        (8, lambda: f"{MONTHS[month]} {day}, {year}"),
        (4, lambda: f"{day} {MONTHS[month]} {year}"),
        (4, lambda: f"{ABBREVIATED[month]} {day}"),
        (4, lambda: f"{MONTHS[month]} {year}"),
        (6, lambda: f"{n} {_plural(n, unit)} ago"),
        (5, lambda: f"in {n} {_plural(n, unit)}"),
        (4, lambda: f"the {rng.choice(['end', 'beginning', 'start'])} of "
                    f"{rng.choice(['this', 'next', 'last'])} {rng.choice(UNITS[1:])}"),
        (4, lambda: f"{rng.choice(CLOCK)} {rng.choice(WEEKDAYS)}"),
        (5, lambda: rng.choice(["yesterday", "today", "tomorrow", "tonight", "this morning",
                                "last night", "Monday morning", "Friday evening"])),
        (4, lambda: rng.choice([f"early {year}", f"late {year}", f"mid-{year}"])),
        (3, lambda: str(year)),
        (2, lambda: f"the {rng.choice(['1990s', '2000s', '1980s'])}"),
        (2, lambda: f"Q{rng.randint(1, 4)} {year}"),
        (2, lambda: f"{year}-{month + 1:02d}-{day:02d}"),
        (2, lambda: f"{month + 1}/{day}/{year}"),
    ]
    weights = [weight for weight, _ in forms]
    return rng.choices([make for _, make in forms], weights=weights)[0]()


def phrases(count: int, seed: int) -> list[tuple[str, date | datetime]]:
    """``count`` (phrase, anchor) pairs; anchors are dates 2015-2026, a fifth with a time."""
    rng = random.Random(seed)
    anchors: list[date | datetime] = []
    for _ in range(60):
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(12 * 365))
        if rng.random() < 0.2:
            anchors.append(datetime(day.year, day.month, day.day, rng.randrange(24),
                                    rng.randrange(60)))
        else:
            anchors.append(day)
    return [(_phrase(rng), rng.choice(anchors)) for _ in range(count)]


def as_datetime(anchor: date | datetime) -> datetime:
    if isinstance(anchor, datetime):
        return anchor
    return datetime(anchor.year, anchor.month, anchor.day)


# --- processes ---------------------------------------------------------------------------------

def _env() -> dict[str, str]:
    """The child imports the same ``timeline`` as this process, installed or from the checkout."""
    import timeline

    root = str(Path(timeline.__path__[0]).resolve().parent)
    paths = [root, *filter(None, [os.environ.get("PYTHONPATH")])]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(paths))


def median_ms(argv: Sequence[str], runs: int) -> float:
    env = _env()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def import_profile(top: int = 12) -> list[tuple[int, str]]:
    """The slowest imports under ``python -X importtime -c "import timeline"`` (cumulative us)."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import timeline"],
                          env=_env(), check=True, capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.split("|")
        rows.append((int(cumulative.strip()), name.rstrip()))
    return sorted(rows, reverse=True)[:top]


# --- rates -------------------------------------------------------------------------------------

class Rate:
    """Resolutions per second over a list of phrases, after a warm-up that is not counted."""

    def __init__(self, name: str, call: Callable[[str, date | datetime], Any]) -> None:
        self.name, self.call = name, call
        self.cold_ms = self.per_second = 0.0
        self.failed = 0
        self.resolved: list[tuple[str, date | datetime]] = []

    def measure(self, pairs: list[tuple[str, date | datetime]], warm_up: int) -> Rate:
        start = time.perf_counter()
        self.call(*pairs[0])
        self.cold_ms = (time.perf_counter() - start) * 1000
        for pair in pairs[:warm_up]:
            self.call(*pair)
        results = []
        start = time.perf_counter()
        for pair in pairs:
            results.append(self.call(*pair))
        self.per_second = len(pairs) / (time.perf_counter() - start)
        self.resolved = [pair for pair, result in zip(pairs, results, strict=True)
                         if result is not None]
        self.failed = len(pairs) - len(self.resolved)
        return self


def timeline_call() -> Callable[[str, date | datetime], Any]:
    import timeline
    from timeline.errors import TimelineError

    resolve = timeline.resolve

    def call(text: str, anchor: date | datetime) -> Any:
        try:
            return resolve(text, anchor)
        except TimelineError:
            return None

    return call


def dateparser_calls() -> list[tuple[str, Callable[[str, date | datetime], Any]]]:
    """``dateparser.parse`` as most code calls it, and a reused ``DateDataParser`` per anchor.

    ``parse`` with settings builds a parser on every call; the second row keeps one per
    anchor (with ``RETURN_TIME_AS_PERIOD``, nearest to our granularity), dateparser at its
    best, so the ratio is taken against the faster of the two.
    """
    import dateparser

    def parse(text: str, anchor: date | datetime) -> Any:
        return dateparser.parse(text, settings={"RELATIVE_BASE": as_datetime(anchor)})

    parsers: dict[datetime, Any] = {}

    def reused(text: str, anchor: date | datetime) -> Any:
        base = as_datetime(anchor)
        parser = parsers.get(base)
        if parser is None:
            parser = parsers[base] = dateparser.DateDataParser(
                languages=["en"], settings={"RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True})
        return parser.get_date_data(text).date_obj

    return [("dateparser.parse(settings=RELATIVE_BASE)", parse),
            ("dateparser DateDataParser, one per anchor", reused)]


# --- report ------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--phrases", type=int, default=10_000, help="phrases to resolve")
    parser.add_argument("--runs", type=int, default=10, help="processes per start-up median")
    parser.add_argument("--seed", type=int, default=20250224, help="phrase generator seed")
    parser.add_argument("--importtime", action="store_true",
                        help="also list the slowest imports (python -X importtime)")
    parser.add_argument("--no-dateparser", action="store_true", help="skip dateparser")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    pairs = phrases(args.phrases, args.seed)
    warm_up = min(500, len(pairs))
    rows: list[tuple[str, str, str]] = []
    missed: list[str] = []

    def target(ok: bool, text: str) -> str:
        if not ok:
            missed.append(text)
        return f"{text}  {'ok' if ok else 'MISSED'}"

    import_ms = median_ms([sys.executable, "-c", "import timeline"], args.runs)
    bare_ms = median_ms([sys.executable, "-c", "pass"], args.runs)
    rows.append((f"import timeline (python -c, median of {args.runs})", f"{import_ms:8.1f} ms",
                 target(import_ms <= IMPORT_TARGET_MS, f"<= {IMPORT_TARGET_MS:.0f} ms")))
    rows.append(("  of which the interpreter (python -c pass)", f"{bare_ms:8.1f} ms", ""))

    script = shutil.which("timeline", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "timeline"]
    cli_ms = median_ms([*command, "resolve", "last week", "--anchor", "2025-02-24"], args.runs)
    label = "timeline resolve" if script else "python -m timeline resolve"
    rows.append((f"{label} 'last week' (median of {args.runs})", f"{cli_ms:8.1f} ms", ""))

    ours = Rate("timeline.resolve", timeline_call()).measure(pairs, warm_up)
    rates = [ours]
    if args.no_dateparser:
        note = "dateparser: skipped (--no-dateparser)"
    else:
        try:
            peers = dateparser_calls()
        except ModuleNotFoundError:
            peers = []
            note = "dateparser: not installed, row skipped (pip install 'timeline[bench]')"
        else:
            note = ""
        rates += [Rate(name, call).measure(pairs, warm_up) for name, call in peers]

    for rate in rates:
        rows.append((f"{rate.name} (first call {rate.cold_ms:.0f} ms)",
                     f"{rate.per_second:8,.0f} /s", f"{rate.failed} of {len(pairs)} unresolved"))
        if rate is ours and ours.resolved and ours.failed:
            # A phrase that fails fast could flatter the rate: time the resolved ones apart.
            subset = Rate("", ours.call).measure(ours.resolved, 0)
            rows.append(("  timeline.resolve, only the phrases it resolved",
                         f"{subset.per_second:8,.0f} /s", f"{len(ours.resolved)} phrases"))
    if len(rates) > 1:
        best = max(rates[1:], key=lambda rate: rate.per_second)
        ratio = ours.per_second / best.per_second
        rows.append(("timeline / fastest dateparser", f"{ratio:8.1f} x",
                     target(ratio >= RATIO_TARGET, f">= {RATIO_TARGET:.0f}x")))

    print(f"timeline benchmark: Python {platform.python_version()}, {len(pairs)} phrases, "
          f"seed {args.seed}, warm-up {warm_up}")
    print()
    width = max(len(name) for name, _, _ in rows)
    print(f"{'measure'.ljust(width)}  {'result':>11}  target / note")
    for name, result, remark in rows:
        print(f"{name.ljust(width)}  {result:>11}  {remark}".rstrip())
    if note:
        print(note)
    if args.importtime:
        print()
        print("slowest imports (python -X importtime -c 'import timeline'), cumulative:")
        for micros, name in import_profile():
            print(f"  {micros / 1000:8.1f} ms  {name}")
    if args.check and missed:
        print(f"missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
