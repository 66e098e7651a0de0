"""How the pipeline scales on long chains and wide fans of ordered events (#13).

A story told over time: N events, each placed ``after`` the one before (``chain``; ids in
the chain's order), the same with the ids the other way round (``chain-reversed``: a bound
then travels against the order variables are numbered in), or each after one first event
(``fan``). Every tenth event is also dated to a day (``--dated-every``; 0: only the first,
so every bound travels the whole chain); each article (one a day) tells ten events. Per
shape and size, the seconds of each step:

- build: ``Timeline.from_articles`` (the corpus checked, the knowledge made)
- events: ``.events`` (every linked group settled, sorted)
- chronology, ics: ``.chronology()``, ``.to_ics()``
- as_of x100: 100 views at days spread over the story, each ``.events`` materialised
- relation: ``relation(first, last)`` between the chain's ends

and the chronology of one article whose outlet is a single 8 MB token.

With ``--baseline DIR`` (a checkout of the code before #13: ``git worktree add
/tmp/perf-old 09e84c4``) every case runs under both, each in its own process, and the
table shows old / new. A case the baseline does not finish in ``--budget`` seconds shows
``>`` the time it had run; its later steps are not run.

    python benchmarks/bench_chain.py [--sizes 1000 2000 4000 8000 16000] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

SHAPES = ("chain", "chain-reversed", "fan")
STEPS = ("build", "events", "chronology", "ics", "as_of x100", "relation")
START = date(2024, 1, 1)
PER_ARTICLE = 10
DATED_EVERY = 10


def corpus(shape: str, n: int, dated_every: int = DATED_EVERY) -> tuple[list[object],
                                                                        list[object]]:
    """The articles and event specs of one case (through the public API only, so the
    baseline builds the same corpus)."""
    from timeline import Article
    from timeline.model.claim import Claim
    from timeline.model.event import EventSpec

    def name(k: int) -> str:
        return f"e{n - k if shape == 'chain-reversed' else k:06d}"

    text = "It happened on that day. Then it went on."
    articles = [Article(id=f"a{i:05d}", title=f"Day {i}", published=START + timedelta(days=i),
                        text=text)
                for i in range(n // PER_ARTICLE + 1)]
    specs = []
    for k in range(n):
        article = articles[k // PER_ARTICLE]
        claims = []
        if k == 0 or (dated_every and k % dated_every == 0):
            claims.append(Claim.build(article, "It happened on that day.", event=name(k),
                                      date=START - timedelta(days=30) + timedelta(
                                          days=k // DATED_EVERY)))
        if k:
            claims.append(Claim.build(article, "Then it went on.", event=name(k),
                                      after=name(0 if shape == "fan" else k - 1)))
        specs.append(EventSpec.build(name(k), f"Event {k}", claims))
    return articles, specs


def child(shape: str, n: int, dated_every: int, steps: set[str]) -> None:
    """Run one case, printing each step's seconds as a JSON line as soon as it is done
    (so a case stopped at its budget still reports the steps it finished)."""
    from timeline import Timeline

    def report(step: str, seconds: float) -> None:
        print(json.dumps({"step": step, "seconds": seconds}), flush=True)

    if shape == "token":
        from timeline import Article
        from timeline.model.claim import Claim
        from timeline.model.event import EventSpec

        article = Article(id="a", title="Title", published=START, text="It happened.",
                          outlet="x" * n)
        claim = Claim.build(article, "It happened.", event="e", date=START)
        tl = Timeline.from_articles([article], [EventSpec.build("e", "Event", [claim])])
        start = time.perf_counter()
        tl.chronology()
        report("chronology", time.perf_counter() - start)
        return
    articles, specs = corpus(shape, n, dated_every)
    start = time.perf_counter()
    tl = Timeline.from_articles(articles, specs)
    report("build", time.perf_counter() - start)
    start = time.perf_counter()
    events = tl.events
    report("events", time.perf_counter() - start)
    assert len(events) == n
    days = n // PER_ARTICLE + 1
    first, last = ("e000000", f"e{n - 1:06d}") if shape != "chain-reversed" else (
        f"e{n:06d}", "e000001")
    work = {
        "chronology": tl.chronology,
        "ics": tl.to_ics,
        "as_of x100": lambda: [tl.as_of(START + timedelta(days=i * days // 100)).events
                               for i in range(100)],
        "relation": lambda: tl.relation(first, last),
    }
    for step, call in work.items():
        if step in steps:
            start = time.perf_counter()
            call()
            report(step, time.perf_counter() - start)


def run(path: str, shape: str, n: int, budget: float, extra: list[str]) -> dict[
        str, float | str]:
    """One case in a fresh process with ``path`` first on the import path: each step's
    seconds, or ``>T`` for the step the budget ran out in."""
    env = dict(os.environ, PYTHONPATH=path)
    command = [sys.executable, __file__, "--child", shape, str(n), *extra]
    started = time.perf_counter()
    out: dict[str, float | str] = {}
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True,
                              timeout=budget, check=True)
        lines = done.stdout
    except subprocess.TimeoutExpired as exc:
        raw = exc.stdout or b""
        lines = raw.decode() if isinstance(raw, bytes) else raw
        for line in lines.splitlines():
            row = json.loads(line)
            out[row["step"]] = row["seconds"]
        steps = ("chronology",) if shape == "token" else STEPS
        asked = set(steps) if shape == "token" else {*STEPS[:2], *extra}
        missing = [s for s in steps if s not in out and s in asked]
        if missing:
            out[missing[0]] = f">{time.perf_counter() - started:.0f}"
        return out
    for line in lines.splitlines():
        row = json.loads(line)
        out[row["step"]] = row["seconds"]
    return out


def cell(new: float | str | None, old: float | str | None) -> str:
    if new is None:
        return "-"
    if isinstance(new, str):
        return new
    text = f"{new:.3f}"
    if old is None:
        return text
    if old == "-":
        return f"{text} (old: not run)"
    if isinstance(old, str):
        return f"{text} (old {old} s)"
    return f"{text} (old {old:.3f}, x{old / new:.1f})" if new > 0 else text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+",
                        default=[1_000, 2_000, 4_000, 8_000, 16_000])
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    parser.add_argument("--baseline", help="a checkout of the code to compare against")
    parser.add_argument("--budget", type=float, default=120.0,
                        help="seconds a baseline case may run (default 120)")
    parser.add_argument("--token-mb", type=float, default=8.0)
    parser.add_argument("--dated-every", type=int, default=DATED_EVERY)
    parser.add_argument("--steps", nargs="+", choices=STEPS[2:], default=list(STEPS[2:]),
                        help="which steps after build and events (default: all)")
    parser.add_argument("--child", nargs=2, metavar=("SHAPE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.dated_every, set(args.steps))
        return
    extra = ["--dated-every", str(args.dated_every), "--steps", *args.steps]
    here = str(Path(__file__).resolve().parent.parent)
    dated = f"every {args.dated_every}th" if args.dated_every else "only the first"
    print(f"seconds per step (new; with --baseline: old and old/new), "
          f"{PER_ARTICLE} events an article, {dated} dated")
    print(f"{'case':22}" + "".join(f"{s:>34}" for s in STEPS))
    for shape in args.shapes:
        old_gave_up = False
        for n in args.sizes:
            new = run(here, shape, n, 10 * args.budget, extra)
            old = None
            if args.baseline and not old_gave_up:
                old = run(args.baseline, shape, n, args.budget, extra)
                old_gave_up = any(isinstance(v, str) for v in old.values())
            print(f"{shape + ' ' + format(n, ','):22}"
                  + "".join(f"{cell(new.get(s), None if old is None else old.get(s, '-')):>34}"
                            for s in STEPS), flush=True)
    size = int(args.token_mb * 1_000_000)
    new = run(here, "token", size, 10 * args.budget, extra)
    old = run(args.baseline, "token", size, args.budget, extra) if args.baseline else None
    print(f"{'chronology, a ' + format(args.token_mb, 'g') + ' MB outlet':22}"
          f"{cell(new.get('chronology'), None if old is None else old.get('chronology')):>34}")


if __name__ == "__main__":
    main()
