"""Memory of tagging: resident set per MB of input, for hostile text and for news.

Each measurement runs in a fresh interpreter, which imports ``timeline``, tags a short
sentence (the rule tables load), records its peak resident set (``ru_maxrss``), tags the
text and records the peak again: the difference is what tagging that text took, mentions
and the scan's working memory together. Two texts:

- ``hostile``: "the week before the week before ...", one mention every 16 characters
  (the shape the audit of issue 13 found at 3.19 GB for 10 MB);
- ``news``: the seed articles (``seeds/*.txt``) repeated, a mention every ~500 characters.

Usage: ``python benchmarks/bench_memory.py [--mb 1] [--kinds hostile news]``. Memory is
measured here and never asserted in the tests; ``--check`` exits 1 when a kind takes more
than ``--limit`` MB of resident set per MB of input.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEEDS = REPO / "seeds"

#: Run in the child: tag ``size`` characters of one kind of text, print what it took.
CHILD = r"""
import json, resource, sys, time
from datetime import date
import timeline
kind, size, seeds = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
if kind == "hostile":
    unit = "the week before "
else:
    unit = "\n\n".join(open(path, encoding="utf-8").read() for path in seeds)
text = (unit * (size // len(unit) + 1))[:size]
timeline.tag("The talks began on March 3.", date(2025, 2, 24))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
mentions = timeline.tag(text, date(2025, 2, 24))
seconds = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"mentions": len(mentions), "seconds": seconds,
                  "kib": after - before}))
"""


def measure(kind: str, megabytes: float) -> dict[str, float]:
    """Tag ``megabytes`` of ``kind`` text in a fresh interpreter; what it took."""
    seeds = sorted(str(path) for path in SEEDS.glob("*.txt"))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", CHILD, kind, str(int(megabytes * 1e6)),
                          *seeds], capture_output=True, text=True, check=True, env=env)
    found: dict[str, float] = json.loads(out.stdout)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="MB of text per kind")
    parser.add_argument("--kinds", nargs="+", default=["hostile", "news"],
                        choices=["hostile", "news"])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--limit", type=float, default=400.0,
                        help="MB of resident set per MB of input that --check allows")
    args = parser.parse_args(argv)
    print("| text | input | mentions | seconds | RSS growth | per MB of input | per mention |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    missed = False
    for kind in args.kinds:
        got = measure(kind, args.mb)
        rss_mb = got["kib"] / 1024
        per_mb = rss_mb / args.mb
        per_mention = got["kib"] * 1024 / max(got["mentions"], 1)
        print(f"| {kind} | {args.mb:g} MB | {got['mentions']:,.0f} | {got['seconds']:.1f} "
              f"| {rss_mb:,.0f} MB | {per_mb:,.0f} MB | {per_mention:,.0f} B |")
        missed = missed or per_mb > args.limit
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
