"""How fast "as of" views are: 100,000 claims over 20,000 synthetic events.

Reports the time to build the timeline and, once, the history every view shares; views
per second; one event looked up in a fresh view per second; and the time to materialise
a whole view (every event's time and status) at times not asked for before. Targets
(issue 4): a view in O(log n), at least 100,000 views per second and as fast for one
event's claims at T, and a whole view of 100,000 claims materialised in 50 ms.

    python benchmarks/bench_asof.py [--events 20000] [--claims 100000] [--views 10]
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from datetime import date, datetime, timedelta

from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.model.event import EventSpec
from timeline.query.timeline import Timeline
from timeline.time.granularity import Granularity
from timeline.time.value import TimeValue

START = date(2020, 1, 1)
DAYS = 5 * 365
PER_DAY = 3  # articles published each day


def corpus(n_events: int, n_claims: int, seed: int) -> tuple[list[Article], list[EventSpec]]:
    """News-like: each event has a day; articles report it in the month after (occurred)
    or announce it in the month before (scheduled), dating it to its day (mostly), week or
    month; 2 % of claims are off by a few days (conflicts); 1 % order their event after an
    earlier one."""
    rng = random.Random(seed)
    articles = [Article(id=f"a{d}-{i}", file=f"a{d}-{i}.txt", title="t",
                        published=START + timedelta(days=d), text="Quote here.")
                for d in range(DAYS + 60) for i in range(PER_DAY)]
    days = sorted(rng.randrange(30, DAYS) for _ in range(n_events))
    claims: list[list[Claim]] = [[] for _ in range(n_events)]
    for _ in range(n_claims):
        event = rng.randrange(n_events)
        day = START + timedelta(days=days[event])
        status = Status.OCCURRED if rng.random() < 0.7 else Status.SCHEDULED
        lag = rng.randrange(0, 30) if status is Status.OCCURRED else -rng.randrange(1, 30)
        article = articles[(days[event] + lag) * PER_DAY + rng.randrange(PER_DAY)]
        if rng.random() < 0.02:
            day += timedelta(days=rng.choice([-3, -2, 2, 3]))
        granularity = rng.choice([Granularity.DAY] * 7 + [Granularity.WEEK] * 2
                                 + [Granularity.MONTH])
        after = f"e{rng.randrange(event)}" if event and rng.random() < 0.01 else None
        claims[event].append(Claim(
            event=f"e{event}", article=article.id, quote="Quote here.", span=(0, 11),
            status=status, known_from=article.published,
            value=TimeValue.of_granule(granularity, datetime(day.year, day.month, day.day)),
            after=after))
    specs = [EventSpec(f"e{i}", f"Event {i}", (), None, None, tuple(c))
             for i, c in enumerate(claims) if c]
    return articles, specs


def moments(rng: random.Random, n: int) -> list[datetime]:
    """Times of day over the five years, so views rarely repeat one another."""
    return [datetime(2020, 1, 1) + timedelta(minutes=rng.randrange(DAYS * 24 * 60))
            for _ in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--views", type=int, default=10)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    articles, specs = corpus(args.events, args.claims, args.seed)
    rng = random.Random(args.seed)
    gc.collect()

    start = time.perf_counter()
    tl = Timeline(articles, specs)
    build = time.perf_counter() - start
    start = time.perf_counter()
    whole = len(tl.events)
    materialise_whole = time.perf_counter() - start
    start = time.perf_counter()
    tl.as_of(START)
    history = time.perf_counter() - start

    times = moments(rng, 20_000)
    start = time.perf_counter()
    for moment in times:
        tl.as_of(moment)
    views = len(times) / (time.perf_counter() - start)
    ids = [rng.choice(specs).id for _ in times]
    start = time.perf_counter()
    for moment, event_id in zip(times, ids, strict=True):
        tl.as_of(moment).get(event_id)
    lookups = len(times) / (time.perf_counter() - start)

    materialise_times, sizes = [], []
    for moment in moments(rng, args.views):
        start = time.perf_counter()
        events = tl.as_of(moment).events
        for event in events:
            _ = (event.time, event.status)
        materialise_times.append(time.perf_counter() - start)
        sizes.append(sum(len(e.claims) for e in events))
    full_s = statistics.median(materialise_times)
    everything_times = []
    for moment in moments(rng, args.views):  # after every publication: all claims known
        start = time.perf_counter()
        events = tl.as_of(moment + timedelta(days=DAYS + 90)).events
        for event in events:
            _ = (event.time, event.status)
        everything_times.append(time.perf_counter() - start)
    everything = statistics.median(everything_times)

    def row(name: str, value: str, target: str = "", ok: bool | None = None) -> None:
        verdict = "" if ok is None else ("ok" if ok else "MISSED")
        print(f"{name:46}{value:>14}  {target:14}{verdict}")

    print(f"as-of benchmark: {args.claims:,} claims over {len(specs):,} events "
          f"({whole:,} in the timeline), {len(articles):,} articles")
    row("measure", "result", "target")
    row("build the timeline", f"{build * 1000:.0f} ms")
    row("materialise the whole timeline", f"{materialise_whole * 1000:.0f} ms")
    row("first as_of: the shared history, once", f"{history * 1000:.0f} ms")
    row("as_of(T) views per second", f"{views:,.0f}/s", ">= 100,000/s", views >= 100_000)
    row("as_of(T).get(id) per second", f"{lookups:,.0f}/s", ">= 100,000/s",
        lookups >= 100_000)
    row(f"materialise a whole view (median of {args.views})", f"{full_s * 1000:.0f} ms",
        "<= 50 ms", full_s <= 0.05)
    row(f"materialise a view of all {args.claims:,} claims", f"{everything * 1000:.0f} ms",
        "<= 50 ms", everything <= 0.05)
    print(f"(views at fresh times held {min(sizes):,} to {max(sizes):,} claims)")


if __name__ == "__main__":
    main()
