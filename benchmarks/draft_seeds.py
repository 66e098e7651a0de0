"""The seeds' draft against their curated timeline: issue 14's seed table and targets.

The five seed articles are drafted from their raw texts alone (``timeline.draft.draft`` on
the articles, nothing of ``seeds/events.toml`` given), then each curated event is looked up
among the draft events with ``timeline.draft.compare``: a draft event matches a curated one
when one of its statements and one of the curated claims come from the same sentence of the
same article and their times intersect. The table lists every curated event with the draft
events that match it (best first) and how many of its claims they found; the targets below
it are the issue's:

- every card event found (the General Assembly and Security Council votes, Macron's White
  House meeting, the Xi-Putin call, Starmer's visit) and at least 90 % of all curated events;
- the five articles' reports of the General Assembly vote in one draft event, and the two
  votes apart;
- at most 2 draft events a reader must look at per curated event.

Usage: ``python benchmarks/draft_seeds.py [DIR]`` (default: the shipped seeds; any corpus
with a curated ``events.toml`` works). ``--check`` exits 1 when a target is missed. The
same targets run as tests in ``tests/draft/test_seed_targets.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

import timeline
from timeline.draft import draft
from timeline.draft.compare import Match, compare
from timeline.model.load import seeds_dir

CARD = ("ga-vote", "sc-vote", "macron-white-house", "xi-putin-call", "starmer-visit")
MOST_DRAFT_EVENTS = 2
SHARE_FOUND = 0.9


def table(rows: Sequence[Match], titles: dict[str, str]) -> list[str]:
    """The seed table: curated event, its claims, claims found, matching draft events."""
    width = max((len(row.event) for row in rows), default=5)
    lines = [f"  {'curated event':<{width}}  claims  found  draft events (best first)"]
    for row in rows:
        shown = "; ".join(f"{event} ({titles.get(event, '?')})" for event in row.matched)
        lines.append(f"  {row.event:<{width}}  {row.claims:>6}  {row.claims_found:>5}  "
                     f"{shown or '-'}")
    return lines


def targets(rows: Sequence[Match]) -> list[tuple[str, bool]]:
    """Each target of the issue and whether it is met (card events only where present)."""
    by_id = {row.event: row for row in rows}
    card = [by_id[event] for event in CARD if event in by_id]
    found = sum(row.found for row in rows)
    over = ", ".join(r.event for r in rows if len(r.matched) > MOST_DRAFT_EVENTS) or "-"
    out = [
        (f"card events found: {sum(r.found for r in card)}/{len(card)}",
         all(r.found for r in card)),
        (f"curated events found: {found}/{len(rows)} "
         f"({100 * found / max(1, len(rows)):.0f} %, target >= {SHARE_FOUND:.0%})",
         found >= SHARE_FOUND * len(rows)),
        (f"most draft events for one curated event: "
         f"{max((len(r.matched) for r in rows), default=0)} (target <= {MOST_DRAFT_EVENTS}; "
         f"over it: {over})",
         all(len(r.matched) <= MOST_DRAFT_EVENTS for r in rows)),
    ]
    if "ga-vote" in by_id:
        ga = by_id["ga-vote"]
        out.append((f"General Assembly vote: {ga.claims_found}/{ga.claims} reports found, in "
                    f"{len(ga.matched)} draft event(s)", len(ga.matched) == 1
                    and ga.claims_found == ga.claims))
    if "ga-vote" in by_id and "sc-vote" in by_id:
        shared = set(by_id["ga-vote"].matched) & set(by_id["sc-vote"].matched)
        out.append((f"the two votes apart: {'yes' if not shared else 'no, ' + str(shared)}",
                    not shared))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", help="a corpus folder (default: the seeds)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    curated = timeline.load(args.corpus if args.corpus else seeds_dir())
    articles = list(curated.articles.values())
    began = time.perf_counter()
    drafted = draft(articles)
    seconds = time.perf_counter() - began
    rows = compare(drafted.events, curated.events, curated.articles)
    titles = {event.id: event.title for event in drafted.events}
    print(f"{len(articles)} articles drafted in {seconds:.2f} s: {len(drafted.events)} draft "
          f"events for {len(rows)} curated events")
    print("\n".join(table(rows, titles)))
    met = True
    for line, ok in targets(rows):
        print(f"  [{'met' if ok else 'MISSED'}] {line}")
        met = met and ok
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    sys.exit(main())
