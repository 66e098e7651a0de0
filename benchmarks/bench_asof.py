"""How fast "as of" views are: 100,000 claims over 20,000 synthetic events.

Reports the time to build the timeline, to take an ``as_of`` view, to materialise every
event of it (time and status recomputed), and views per second. Targets (issue 4): a view
in O(log n), at least 100,000 views per second, and a whole view materialised in 50 ms.

    python benchmarks/bench_asof.py [--events 20000] [--claims 100000] [--views 20]
"""

from __future__ import annotations

import argparse
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


def corpus(n_events: int, n_claims: int, seed: int) -> tuple[list[Article], list[EventSpec]]:
    """News-like: 5,000 articles over five years; each claim dates its event to a day
    (mostly), a week or a month; a few claims order their event after an earlier one."""
    rng = random.Random(seed)
    articles = [Article(f"a{i}", f"a{i}.txt", "t", None, None,
                        START + timedelta(days=rng.randrange(DAYS)), "Quote here.")
                for i in range(5000)]
    claims: list[list[Claim]] = [[] for _ in range(n_events)]
    for _ in range(n_claims):
        event = rng.randrange(n_events)
        article = rng.choice(articles)
        day = START + timedelta(days=rng.randrange(DAYS))
        granularity = rng.choice([Granularity.DAY] * 6 + [Granularity.WEEK, Granularity.MONTH])
        after = f"e{rng.randrange(event)}" if event and rng.random() < 0.01 else None
        claims[event].append(Claim(
            event=f"e{event}", article=article.id, quote="Quote here.", span=(0, 11),
            status=rng.choice([Status.OCCURRED, Status.OCCURRED, Status.SCHEDULED]),
            known_from=article.published,
            value=TimeValue.of_granule(granularity, datetime(day.year, day.month, day.day)),
            after=after))
    specs = [EventSpec(f"e{i}", f"Event {i}", (), None, None, tuple(c))
             for i, c in enumerate(claims) if c]
    return articles, specs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--views", type=int, default=20)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    articles, specs = corpus(args.events, args.claims, args.seed)
    rng = random.Random(args.seed)

    start = time.perf_counter()
    tl = Timeline(articles, specs)
    build = time.perf_counter() - start

    view_times, materialise_times = [], []
    for _ in range(args.views):
        moment = START + timedelta(days=rng.randrange(DAYS))
        start = time.perf_counter()
        view = tl.as_of(moment)
        view_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        events = view.events
        for event in events:
            _ = (event.time, event.status)
        materialise_times.append(time.perf_counter() - start)

    view_s = statistics.median(view_times)
    full_s = view_s + statistics.median(materialise_times)
    print(f"as-of benchmark: {args.claims:,} claims over {len(specs):,} events")
    print(f"{'measure':44}{'result':>14}  target")
    print(f"{'build the timeline':44}{build * 1000:>11.0f} ms")
    print(f"{'as_of(T) views per second (median)':44}{1 / view_s:>12,.0f}/s  >= 100,000/s  "
          f"{'ok' if 1 / view_s >= 100_000 else 'MISSED'}")
    print(f"{'materialise a whole view (median)':44}{full_s * 1000:>11.0f} ms  <= 50 ms  "
          f"{'ok' if full_s <= 0.05 else 'MISSED'}")


if __name__ == "__main__":
    main()
