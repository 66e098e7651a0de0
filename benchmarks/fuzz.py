"""Fuzz every parser of ``timeline`` with generated hostile and extreme input (issue 13).

Usage: ``python benchmarks/fuzz.py [--n 100000] [--only PARSER ...] [--seed S] [--limit SEC]
[--cap N] [--budget SEC]``; ``--index I --only PARSER`` runs one input with its traceback.

The generators and invariants live in ``tests/fuzz/`` (``fuzz_inputs.py``,
``fuzz_targets.py``), shared with the CI smoke test that runs a few hundred inputs a parser.
Prints, per parser: inputs tried, ``TimelineError`` refusals, other exceptions grouped by
type and the innermost ``timeline`` frame, invariant violations grouped by label, inputs
slower than the per-input limit, and the time taken; then every group with its shortest
reproducer (``--index I --only P`` regenerates exactly that input). Each input runs in its
own folder under a temporary directory, removed afterwards; nothing is written elsewhere.
Exits 1 when anything other than refusals was found.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "fuzz"))

import fuzz_targets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="inputs per parser")
    parser.add_argument("--only", nargs="+", choices=sorted(fuzz_targets.TARGETS),
                        help="these parsers only (default: every one)")
    parser.add_argument("--seed", type=int, default=0, help="the inputs' seed (default 0)")
    parser.add_argument("--limit", type=float, default=None,
                        help="seconds an input may take before it counts as slow "
                             "(default: 5, 20 for loader, json and cli)")
    parser.add_argument("--budget", type=float, default=None,
                        help="stop a parser after this many seconds, reporting the inputs "
                             "it tried (a loaded machine)")
    parser.add_argument("--index", type=int, default=None,
                        help="run the one input of this index (with --only) and show it")
    parser.add_argument("--start", type=int, default=0,
                        help="the first input's index: --start 50000 --n 100000 runs the "
                             "second half of a run of 100,000 (another process the first)")
    parser.add_argument("--cap", type=int, default=None,
                        help="at most this many inputs for loader, json and cli "
                             "(the slow parsers; default: --n)")
    args = parser.parse_args(argv)
    # Stopped with kill: unwind, so each run's temporary directory is removed.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    names = args.only or list(fuzz_targets.TARGETS)
    if args.index is not None:
        return _one(names, args.seed, args.index)
    reports = []
    print("| parser | inputs | TimelineError | other exceptions | violations | slow | seconds |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in names:
        n = args.n
        if args.cap is not None and name in ("loader", "json", "cli"):
            n = min(n, args.cap)
        report = fuzz_targets.fuzz(fuzz_targets.TARGETS[name], n, seed=args.seed,
                                   limit=args.limit, budget=args.budget,
                                   start=min(args.start, n))
        reports.append(report)
        exceptions = sum(g.count for g in report.exceptions.values())
        violations = sum(g.count for g in report.violations.values())
        print(f"| {name} | {report.tried} | {report.refused} | {exceptions} "
              f"({len(report.exceptions)} kinds) | {violations} ({len(report.violations)} "
              f"kinds) | {report.slow.count} | {report.seconds:.0f} |", flush=True)
    print()
    for report in reports:
        if not report.clean:
            print(report.summary())
            print()
    return 0 if all(report.clean for report in reports) else 1


def _one(names: list[str], seed: int, index: int) -> int:
    """Regenerate one input and run it without catching anything: the full traceback."""
    import tempfile

    target = fuzz_targets.TARGETS[names[0]]
    with tempfile.TemporaryDirectory(prefix="fuzz-one-") as root:
        tmp = Path(root)
        case = target.make(fuzz_targets.input_rng(seed, target.name, index), tmp)
        print(target.show(case))
        target.run(case, tmp)
    print("no exception, no violation")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
