"""Reprs that say what they hold (issue 12): ``Timeline``, ``Event`` (``event_repr``),
``Change`` and ``Conflict``, and the console listing IPython shows."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

import timeline
from timeline.export.wording import (
    PRETTY_ROWS,
    change_repr,
    claim_repr,
    event_repr,
    timeline_pretty,
    timeline_repr,
)
from timeline.query.timeline import Timeline


@pytest.fixture(scope="module")
def seeds() -> Timeline:
    return timeline.load("seeds")


def test_timeline_repr(seeds: Timeline) -> None:
    title = seeds.title
    assert repr(seeds) == f"<Timeline {title!r}: 24 events from 5 articles>"
    view = seeds.as_of(date(2025, 2, 24))
    assert repr(view) == (f"<Timeline {title!r}: {len(view)} events from "
                          f"{len(view.known_articles)} articles, as of 2025-02-24>")
    assert repr(seeds.as_of(datetime(2025, 2, 25, 12, tzinfo=UTC), possibly=True)).endswith(
        ", as of 2025-02-25T12:00:00+00:00, possibly known>")
    assert repr(Timeline([], [])) == "<Timeline: 0 events from 0 articles>"
    assert repr(Timeline([], [], title="Votes", zone="Europe/Paris")) == (
        "<Timeline 'Votes': 0 events from 0 articles, zone Europe/Paris>")
    assert timeline_repr(seeds) == repr(seeds)


def test_event_repr(seeds: Timeline) -> None:
    assert event_repr(seeds["ga-vote"]) == (
        "<Event 'ga-vote': 24 Feb 2025, before 18:00 [occurred], 5 claims from 5 articles>")
    assert event_repr(seeds["starmer-visit"]).startswith(
        "<Event 'starmer-visit': between 25 Feb and 2 Mar 2025 [scheduled], 3 claims")


def test_claim_repr(seeds: Timeline) -> None:
    dated, placed = seeds["ga-vote"].claims[:2]
    assert claim_repr(dated) == ("<Claim 'ga-vote' in '002' [occurred] 'Earlier on Monday' = "
                                 "2025-02-24: 'Earlier on Monday, the General Assembly, which "
                                 "r...'>")
    assert claim_repr(placed).startswith(
        "<Claim 'ga-vote' in '004' [occurred] shortly after g7-no-statement: 'The General")


def test_change_and_conflict_reprs(seeds: Timeline) -> None:
    changes = seeds.changes(date(2025, 2, 24), date(2025, 3, 5))
    assert all(repr(c) == change_repr(c) and repr(c).startswith("<Change ") for c in changes)
    assert "object at" not in repr(changes) and "Claim(" not in repr(changes)
    added = next(c for c in changes if c.event == "g7-call")
    assert repr(added) == "<Change added 'g7-call': by 24 Feb 2025, 18:00, 2 claims>"
    from corpora import build

    from timeline.model.claim import Status
    from timeline.time.granularity import Granularity
    from timeline.time.value import TimeValue

    def day(d: int) -> TimeValue:
        return TimeValue.of_granule(Granularity.DAY, datetime(2025, 2, d))

    tl = build([("vote", "The vote", [(day(24), Status.OCCURRED), (day(26), Status.OCCURRED)])])
    (conflict,) = tl.conflicts
    assert repr(conflict) == f"<Conflict {conflict.kind} 'vote': {conflict.message} ('a')>"
    assert repr(tl.conflicts) == f"[{conflict!r}]"


def test_pretty_lists_events(seeds: Timeline) -> None:
    pretty = pytest.importorskip("IPython.lib.pretty")
    lines = pretty.pretty(seeds).splitlines()
    assert lines[0] == repr(seeds) and lines == timeline_pretty(seeds).splitlines()
    assert len(lines) == 1 + PRETTY_ROWS + 1 and lines[-1] == "  \u2026 4 more events"
    vote = next(line for line in lines if " ga-vote " in line)
    assert vote.split()[:5] == ["24", "Feb", "2025,", "before", "18:00"]
    assert "[occurred]" in vote and "UN General Assembly adopts" in vote
    assert timeline_pretty(Timeline([], [])) == "<Timeline: 0 events from 0 articles>"


def test_an_event_s_repr_is_what_it_holds(seeds: Timeline) -> None:
    """#12: not attrs's field dump (claims, times and all), but what a reader needs."""
    event = seeds["ga-vote"]
    assert repr(event) == event_repr(event)
    assert repr([event]) == f"[{event_repr(event)}]"
