"""How fast ``IntervalIndex`` builds and answers window queries, beside ncls and intervaltree.

Generates ``--events`` synthetic news events (seeded): most one day long, some hours, a
few days, weeks, calendar months and years, a few spanning up to decades, over the thirty
years 1995-2024, as integer microseconds with string keys (``"event-123"``). Builds
``timeline.query.index.IntervalIndex`` and, in the same run, ncls and intervaltree (each
skipped with a message when not installed: ``pip install ncls intervaltree``), then
reports build time, memory, and overlapping queries per second for random 1-day, 1-week,
30-day and 365-day windows (day-aligned), every library returning the caller's keys; and
it checks on a sample of windows that all three return the same set.

Usage: ``python benchmarks/bench_index.py [--events 1000000] [--windows 1000]``.
intervaltree is the slow part: at a million events it takes 45-80 s to build (and as long
again for the traced build) and its queries grow with the window, past ten minutes for a
single 1-year window; each library gets ``--budget`` seconds of queries per window size,
but at least one. ``--sizes '1 day' '1 week' '1 month'`` leaves the year out (about six
minutes), ``--events 200000`` runs everything in under two. ``--check`` exits 1 when a
target is missed. Speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from timeline.query.index import IntervalIndex

HOUR = 3_600_000_000  # microseconds
DAY = 24 * HOUR
EPOCH = datetime(1970, 1, 1)
FIRST_YEAR, YEARS = 1995, 30

#: Window sizes queried: name and length.
WINDOWS = [("1 day", DAY), ("1 week", 7 * DAY), ("1 month", 30 * DAY), ("1 year", 365 * DAY)]

#: Targets from the issue: ours / peer queries per second, per window, and build and memory.
QUERY_TARGETS: dict[str, dict[str, float]] = {
    "1 day": {"ncls": 4.0, "intervaltree": 1000.0},
    "1 week": {"intervaltree": 5000.0},
    "1 month": {"ncls": 1.0, "intervaltree": 1.0},
    "1 year": {"ncls": 1.0, "intervaltree": 1.0},
}
BUILD_TARGET = 0.25  # at most a quarter of intervaltree's build time
MEMORY_TARGET = 1 / 3  # at most a third of intervaltree's memory

Item = tuple[str, int, int]


def micros(moment: datetime) -> int:
    """Microseconds since 1970 on the civil clock: the integers the index works on."""
    return (moment - EPOCH) // timedelta(microseconds=1)


#: (share, what) of the generated events; the shares add up to 1.
MIX = [
    (0.700, "one day"),
    (0.120, "hours (quarter-hour aligned, 15 min to 12 h)"),
    (0.020, "2-6 days"),
    (0.080, "a week (any 7 days)"),
    (0.050, "a calendar month"),
    (0.025, "a calendar year"),
    (0.004, "2-9 calendar years"),
    (0.001, "10-30 calendar years"),
]


def news_events(count: int, seed: int) -> list[Item]:
    """``count`` (key, start, end) events in microseconds, news-like (see ``MIX``)."""
    rng = random.Random(seed)
    month_starts = [micros(datetime(FIRST_YEAR + m // 12, m % 12 + 1, 1))
                    for m in range(YEARS * 12 + 1)]
    year_starts = [micros(datetime(FIRST_YEAR + y, 1, 1)) for y in range(2 * YEARS + 1)]
    first_day = year_starts[0]
    days = (year_starts[YEARS] - first_day) // DAY
    cumulative, total = [], 0.0
    for share, _ in MIX:
        total += share
        cumulative.append(total)
    events: list[Item] = []
    for number in range(count):
        draw = rng.random()
        day = first_day + rng.randrange(days) * DAY
        if draw < cumulative[0]:
            start, end = day, day + DAY
        elif draw < cumulative[1]:
            start = day + rng.randrange(96) * HOUR // 4
            end = start + rng.randint(1, 48) * HOUR // 4
        elif draw < cumulative[2]:
            start, end = day, day + rng.randint(2, 6) * DAY
        elif draw < cumulative[3]:
            start, end = day, day + 7 * DAY
        elif draw < cumulative[4]:
            month = rng.randrange(YEARS * 12)
            start, end = month_starts[month], month_starts[month + 1]
        elif draw < cumulative[5]:
            year = rng.randrange(YEARS)
            start, end = year_starts[year], year_starts[year + 1]
        elif draw < cumulative[6]:
            year = rng.randrange(YEARS)
            start, end = year_starts[year], year_starts[year + rng.randint(2, 9)]
        else:
            year = rng.randrange(YEARS)
            start, end = year_starts[year], year_starts[year + rng.randint(10, 30)]
        events.append((f"event-{number}", start, end))
    return events


def windows(count: int, length: int, seed: int) -> list[tuple[int, int]]:
    """``count`` day-aligned windows ``[lo, lo + length)`` starting in the thirty years."""
    rng = random.Random(seed)
    first_day = micros(datetime(FIRST_YEAR, 1, 1))
    days = (micros(datetime(FIRST_YEAR + YEARS, 1, 1)) - first_day) // DAY
    return [(lo, lo + length) for lo in (first_day + rng.randrange(days) * DAY
                                         for _ in range(count))]


# --- the libraries ---------------------------------------------------------------------------

class Library:
    """One interval structure: how to build it from the items and ask it for keys."""

    def __init__(self, name: str, build: Callable[[list[Item]], Any],
                 query: Callable[[Any, int, int], list[Any]], note: str = "",
                 compared: bool = True) -> None:
        self.name, self.build, self.query, self.note = name, build, query, note
        self.compared = compared  # whether its answers are keys, to compare with timeline's
        self.structure: Any = None
        self.build_seconds = 0.0
        self.rss_delta: int | None = None
        self.retained: int | None = None
        self.peak: int | None = None
        self.rates: dict[str, float] = {}
        self.results: dict[str, float] = {}
        self.timed: dict[str, int] = {}  # queries timed per window size
        self.checked = 0  # windows compared with timeline's answer


def timeline_library() -> Library:
    return Library("timeline", IntervalIndex.build,
                   lambda index, lo, hi: index.overlapping(lo, hi))


def ncls_libraries() -> tuple[Library, Library]:
    """ncls returning the caller's keys, and the same structure returning its int64 ids."""
    import numpy as np
    from ncls import NCLS  # type: ignore[import-untyped]  # no stubs

    keys: list[str] = []

    def build(items: list[Item]) -> Any:
        """From the same Python tuples: the conversion to numpy is part of the build."""
        keys[:] = [key for key, _, _ in items]
        count = len(items)
        starts = np.fromiter((start for _, start, _ in items), dtype=np.int64, count=count)
        ends = np.fromiter((end for _, _, end in items), dtype=np.int64, count=count)
        return NCLS(starts, ends, np.arange(count, dtype=np.int64))

    def query(structure: Any, lo: int, hi: int) -> list[str]:
        return [keys[position] for _, _, position in structure.find_overlap(lo, hi)]

    def ids(structure: Any, lo: int, hi: int) -> list[int]:
        return [position for _, _, position in structure.find_overlap(lo, hi)]

    return (Library("ncls", build, query,
                    "ncls: NCLS.find_overlap, one query at a time; it stores int64 ids, and "
                    "each id found is mapped to the caller's key (keys[id]); the 'ncls ids' "
                    "column is the same query returning the ids alone (not a target)"),
            Library("ncls ids", build, ids, compared=False))


def intervaltree_library() -> Library:
    from intervaltree import IntervalTree  # type: ignore[import-untyped]  # no stubs

    def build(items: list[Item]) -> Any:
        return IntervalTree.from_tuples((start, end, key) for key, start, end in items)

    def query(structure: Any, lo: int, hi: int) -> list[str]:
        return [interval.data for interval in structure[lo:hi]]

    return Library("intervaltree", build, query,
                   "intervaltree: tree[lo:hi] (a set of Interval), keys read from .data")


# --- measures --------------------------------------------------------------------------------

def rss() -> int | None:
    """The resident set size now, in bytes (Linux ``/proc``), or None elsewhere."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return None


def build(library: Library, items: list[Item]) -> None:
    """Time the build (tracing off) and note how much the resident set grew."""
    gc.collect()
    before = rss()
    start = time.perf_counter()
    library.structure = library.build(items)
    library.build_seconds = time.perf_counter() - start
    after = rss()
    library.rss_delta = None if before is None or after is None else after - before


def traced(library: Library, items: list[Item]) -> None:
    """Build again under tracemalloc: memory kept once built, and the peak while building."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    structure = library.build(items)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    library.retained, library.peak = current - before, peak - before
    del structure
    gc.collect()


def rate(library: Library, queries: list[tuple[int, int]], budget: float,
         expected: list[list[str]], size_name: str) -> list[str]:
    """Time ``library`` on the windows until ``budget`` seconds are spent (one at least).

    The first ``len(expected)`` answers are also compared, as sets, with timeline's
    (untimed), so that each window is asked once: intervaltree takes minutes on a year.
    Sets the library's rate and mean keys per query; returns the disagreements.
    """
    query, structure, clock = library.query, library.structure, time.perf_counter
    problems, found, elapsed = [], 0, 0.0
    for done, (lo, hi) in enumerate(queries, 1):
        start = clock()
        got = query(structure, lo, hi)
        elapsed += clock() - start
        found += len(got)
        if done <= len(expected) and library.compared:
            library.checked += 1
            if sorted(got) != sorted(expected[done - 1]):
                problems.append(f"{library.name} disagrees on the {size_name} window "
                                f"[{lo}, {hi}): {len(got)} keys against "
                                f"{len(expected[done - 1])}")
        if elapsed > budget:
            break
    library.rates[size_name] = done / elapsed
    library.results[size_name] = found / done
    library.timed[size_name] = done
    return problems


def count_rate(index: IntervalIndex[str], queries: list[tuple[int, int]]) -> float:
    start = time.perf_counter()
    for lo, hi in queries:
        index.count_overlapping(lo, hi)
    return len(queries) / (time.perf_counter() - start)


def megabytes(size: int | None) -> str:
    return "n/a" if size is None else f"{size / 1e6:,.1f} MB"


# --- report ----------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=1_000_000, help="intervals to index")
    parser.add_argument("--windows", type=int, default=1000, help="queries per window size")
    parser.add_argument("--sample", type=int, default=30,
                        help="windows per size on which all libraries must agree")
    parser.add_argument("--budget", type=float, default=10.0,
                        help="seconds of queries at most per library and window size "
                             "(one query at least: intervaltree takes minutes on a year)")
    parser.add_argument("--sizes", nargs="+", choices=[name for name, _ in WINDOWS],
                        default=[name for name, _ in WINDOWS], metavar="SIZE",
                        help="window sizes to time: '1 day' '1 week' '1 month' '1 year'")
    parser.add_argument("--seed", type=int, default=20250224, help="event generator seed")
    parser.add_argument("--no-memory", action="store_true",
                        help="skip the second, traced build of each library")
    parser.add_argument("--no-intervaltree", action="store_true", help="skip intervaltree")
    parser.add_argument("--no-ncls", action="store_true", help="skip ncls")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    def progress(text: str) -> None:
        print(f"  [{time.perf_counter() - started:6.1f} s] {text}", file=sys.stderr)

    notes: list[str] = []
    started = time.perf_counter()
    items = news_events(args.events, args.seed)
    generated = time.perf_counter() - started
    ours = timeline_library()
    built = [ours]  # built and traced; "ncls ids" shares the ncls structure
    timed = [ours]
    if args.no_ncls:
        notes.append("ncls: skipped (--no-ncls)")
    else:
        try:
            ncls, ncls_ids = ncls_libraries()
        except ImportError as error:
            notes.append(f"ncls: cannot be imported, skipped ({error}); pip install ncls")
        else:
            built.append(ncls)
            timed += [ncls, ncls_ids]
    if args.no_intervaltree:
        notes.append("intervaltree: skipped (--no-intervaltree)")
    else:
        try:
            tree = intervaltree_library()
        except ImportError as error:
            notes.append(f"intervaltree: cannot be imported, skipped ({error}); "
                         "pip install intervaltree")
        else:
            built.append(tree)
            timed.append(tree)
    peers = {library.name: library for library in timed[1:]}
    sizes = [(name, length) for name, length in WINDOWS if name in args.sizes]

    for library in built:
        build(library, items)
        progress(f"built {library.name} in {library.build_seconds:.1f} s, resident set "
                 f"+{megabytes(library.rss_delta)}")
    if "ncls ids" in peers:
        peers["ncls ids"].structure = peers["ncls"].structure
    if not args.no_memory:
        for library in built:
            traced(library, items)
            progress(f"traced the build of {library.name}: retained "
                     f"{megabytes(library.retained)}, peak {megabytes(library.peak)}")

    # Warm up: each library answers a few 1-day windows first, untimed (code paths, not data).
    for library in timed:
        for lo, hi in windows(20, DAY, args.seed + 30):
            library.query(library.structure, lo, hi)
    counts: dict[str, float] = {}
    problems: list[str] = []
    for size_name, length in sizes:
        number = [name for name, _ in WINDOWS].index(size_name)
        queries = windows(args.windows, length, args.seed + 10 + number)
        # timeline's answers on the first windows, for the others to match (untimed)
        expected = [ours.query(ours.structure, lo, hi) for lo, hi in queries[:args.sample]]
        for (lo, hi), keys in zip(queries, expected, strict=False):
            if ours.structure.count_overlapping(lo, hi) != len(keys):
                problems.append(f"count_overlapping disagrees on {size_name} [{lo}, {hi})")
        # each size its own windows, so no size finds the cache warmed by the one before
        for library in timed:
            problems += rate(library, queries, args.budget, expected, size_name)
            progress(f"{size_name}: {library.name} {library.rates[size_name]:,.1f} queries/s "
                     f"({library.timed[size_name]} timed, "
                     f"{library.results[size_name]:,.0f} keys each)")
        counts[size_name] = count_rate(ours.structure, queries)

    missed: list[str] = []

    def verdict(ok: bool, text: str) -> str:
        if not ok:
            missed.append(text)
        return f"{text} {'ok' if ok else 'MISSED'}"

    index = ours.structure
    print(f"interval index benchmark: Python {platform.python_version()}, {len(items):,} events "
          f"over {YEARS} years (seed {args.seed}, generated in {generated:.1f} s), "
          f"{args.windows} windows per size, {time.perf_counter() - started:.0f} s in all")
    print("events: " + ", ".join(f"{share:.1%} {what}" for share, what in MIX))
    print(f"timeline: {index!r}")
    print()
    print(f"{'build':<14}{'time':>9}{'retained':>14}{'peak':>14}{'RSS growth':>14}")
    for library in built:
        print(f"{library.name:<14}{library.build_seconds:8.1f}s{megabytes(library.retained):>14}"
              f"{megabytes(library.peak):>14}{megabytes(library.rss_delta):>14}")
    print("retained: traced memory (tracemalloc) still allocated after the build; peak: the most "
          "traced during it;\nRSS growth: the resident set after the timed build minus before. "
          "ncls allocates its C structures\nwhere tracemalloc cannot see them: its traced "
          "figures are its numpy arrays alone.")
    print()
    names = [library.name for library in timed]
    print(f"{'overlapping':<12}{'keys':>8}" + "".join(f"{name:>14}" for name in names)
          + "".join(f"{'vs ' + name:>17}" for name in names[1:]) + f"{'count':>11}")
    print(f"{'queries/s':<12}{'/query':>8}" + " " * (14 * len(names) + 17 * (len(names) - 1))
          + f"{'/s':>11}")
    for size_name, _ in sizes:
        row = f"{size_name:<12}{ours.results[size_name]:8,.0f}"
        row += "".join(f"{library.rates[size_name]:14,.1f}" for library in timed)
        row += "".join(f"{ours.rates[size_name] / library.rates[size_name]:16,.1f}x"
                       for library in timed[1:])
        print(row + f"{counts[size_name]:11,.0f}")
    for library in timed[1:]:
        few = [f"{size_name} {count}" for size_name, count in library.timed.items()
               if count < args.windows]
        if few:
            notes.append(f"{library.name} ran out of its {args.budget:.0f} s budget: queries "
                         f"timed: {', '.join(few)}")
    print()

    print("targets")
    for size_name, targets in QUERY_TARGETS.items():
        for peer, factor in targets.items():
            if peer not in peers or size_name not in args.sizes:
                print(f"  {size_name} vs {peer}: not measured")
                continue
            ratio = ours.rates[size_name] / peers[peer].rates[size_name]
            wanted = f">= {factor:,.0f}x" if factor > 1 else "ahead of"
            ok = ratio >= factor if factor > 1 else ratio > 1
            print(f"  {size_name} vs {peer}: {ratio:,.1f}x; "
                  + verdict(ok, f"{size_name} {wanted} {peer}"))
    tree_library = peers.get("intervaltree")
    if tree_library is None:
        print("  build and memory vs intervaltree: not measured")
    else:
        ratio = ours.build_seconds / tree_library.build_seconds
        print(f"  build time vs intervaltree: {ratio:.3f}; "
              + verdict(ratio <= BUILD_TARGET, f"build <= {BUILD_TARGET:.2f} of intervaltree's"))
        if ours.retained is not None and tree_library.retained:
            ratio = ours.retained / tree_library.retained
            print(f"  memory (retained, tracemalloc) vs intervaltree: {ratio:.3f}; "
                  + verdict(ratio <= MEMORY_TARGET,
                            f"memory <= {MEMORY_TARGET:.2f} of intervaltree's"))
        else:
            print("  memory vs intervaltree: not measured (--no-memory)")
    checked = ", ".join(f"{library.name} on {library.checked}" for library in built[1:])
    print(f"  same keys as timeline ({checked or 'no peer'} windows; count_overlapping on "
          f"{min(args.sample, args.windows)} per size): " + verdict(not problems, "all agree"))
    for note in problems + notes + [library.note for library in timed if library.note]:
        print(f"note: {note}")
    if args.check and missed:
        print(f"missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
