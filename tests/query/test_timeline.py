"""Timeline queries on a small corpus written here: relations, windows, as-of, changes."""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest
from corpora import build, write_corpus

import timeline
from timeline.model.claim import Status
from timeline.query.timeline import QueryError, Timeline
from timeline.time.granularity import Granularity
from timeline.time.interval import Interval
from timeline.time.value import TimeValue

TEXT_A = ("Leaders met on Monday. Later Monday the council voted. "
          "The summit is set for next week. The treaty was signed in 2019.")
TEXT_B = "The summit took place on Wednesday. The treaty was signed in 2018."


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path, {"a": (TEXT_A, date(2025, 2, 25)),
                                   "b": (TEXT_B, date(2025, 3, 11))}, """
        [[events]]
        id = "meeting"
        title = "Leaders meet"
          [[events.claims]]
          article = "a"
          quote = "Leaders met on Monday."
          when = "Monday"
          status = "occurred"

        [[events]]
        id = "vote"
        title = "The council votes"
          [[events.claims]]
          article = "a"
          quote = "Later Monday the council voted."
          when = "Later Monday"
          after = "meeting"
          status = "occurred"

        [[events]]
        id = "summit"
        title = "Summit"
          [[events.claims]]
          article = "a"
          quote = "The summit is set for next week."
          when = "next week"
          status = "scheduled"
          [[events.claims]]
          article = "b"
          quote = "The summit took place on Wednesday."
          when = "on Wednesday"
          status = "occurred"

        [[events]]
        id = "treaty"
        title = "Treaty signed"
          [[events.claims]]
          article = "a"
          quote = "The treaty was signed in 2019."
          when = "2019"
          status = "occurred"
          [[events.claims]]
          article = "b"
          quote = "The treaty was signed in 2018."
          when = "2018"
          status = "occurred"
    """)


def test_events_in_order_with_their_times(corpus: Path) -> None:
    tl = timeline.load(corpus)
    assert [e.id for e in tl.events] == ["treaty", "meeting", "vote", "summit"]
    meeting = tl["meeting"]
    assert meeting.time.earliest_start == datetime(2025, 2, 24)
    # It ended before the vote began, and the vote ended by midnight: strictly earlier.
    assert datetime(2025, 2, 24, 23, 59) < meeting.time.latest_end < datetime(2025, 2, 25)
    assert tl["summit"].time.earliest_start == datetime(2025, 3, 5)  # Wednesday of W10
    assert tl["summit"].status is Status.OCCURRED


def test_order_within_a_day(corpus: Path) -> None:
    tl = timeline.load(corpus)
    assert tl.before("meeting", "vote") is True
    assert tl.before("vote", "meeting") is False
    assert tl.relation("meeting", "vote") <= {"before", "meets"}
    assert tl.relation("vote", "meeting") <= {"after", "met-by"}
    assert tl.before("treaty", "meeting") is True


def test_contradicting_claims_are_kept_and_reported(corpus: Path) -> None:
    treaty = timeline.load(corpus)["treaty"]
    assert treaty.conflicted and len(treaty.claims) == 2
    assert {c.article for c in treaty.conflicts[0].claims} == {"a", "b"}
    assert treaty.time.earliest_start == datetime(2018, 1, 1)
    assert treaty.time.latest_end == datetime(2020, 1, 1)


def test_windows(corpus: Path) -> None:
    tl = timeline.load(corpus)
    assert [e.id for e in tl.overlapping("2025-W09")] == ["meeting", "vote"]
    assert [e.id for e in tl.overlapping("2025-02-24", certain=True)] == ["meeting", "vote"]
    assert [e.id for e in tl.within("2025-03")] == ["summit"]
    assert [e.id for e in tl.at(datetime(2025, 2, 24, 12))] == ["meeting", "vote"]
    assert tl.at(datetime(2025, 2, 24, 12), certain=True) == []
    assert [e.id for e in tl.overlapping("last week", anchor=date(2025, 3, 3))] == [
        "meeting", "vote"]
    assert tl.count("2025") == 3
    with pytest.raises(QueryError, match="give its anchor"):
        tl.overlapping("last week")


def test_window_anchors_may_be_iso_strings(corpus: Path) -> None:
    # Issue 12: anchors accept ISO strings everywhere, as as_of does.
    tl = timeline.load(corpus)
    for anchor in ("2025-03-03", "2025-03-03T09:00", "2025-03-03T09:00Z"):
        assert [e.id for e in tl.overlapping("last week", anchor=anchor)] == [
            "meeting", "vote"], anchor
        assert tl.count("last week", anchor=anchor) == 2
    assert [e.id for e in tl.within("next month", anchor="2025-02-10")] == ["summit"]
    with pytest.raises(QueryError, match=r"anchor: .*'3 March'"):
        tl.overlapping("2025-W09", anchor="3 March")


def test_as_of(corpus: Path) -> None:
    tl = timeline.load(corpus)
    early = tl.as_of(datetime(2025, 2, 25, 23, tzinfo=UTC))
    assert len(early) == 0, "a date-only article is certainly out only when its day has ended"
    view = tl.as_of(date(2025, 2, 26))
    assert sorted(e.id for e in view.events) == ["meeting", "summit", "treaty", "vote"]
    assert view["summit"].status is Status.SCHEDULED
    assert not view["treaty"].conflicted
    assert tl.as_of(date(2025, 3, 8))["summit"].status is Status.SCHEDULED
    assert tl.as_of(date(2025, 3, 10))["summit"].status is Status.UNCONFIRMED
    assert tl.as_of(date(2025, 3, 11))["summit"].status is Status.OCCURRED
    possibly = tl.as_of(datetime(2025, 2, 25, 1), possibly=True)
    assert len(possibly) == 4


def test_changes(corpus: Path) -> None:
    tl = timeline.load(corpus)
    changes = tl.changes(date(2025, 2, 26), date(2025, 3, 12))
    kinds = {(c.kind, c.event) for c in changes}
    assert ("narrowed", "summit") in kinds
    assert ("status", "summit") in kinds
    assert ("conflict", "treaty") in kinds
    status = next(c for c in changes if c.kind == "status")
    assert (status.old, status.new) == (Status.SCHEDULED, Status.OCCURRED)
    assert [c.article for c in status.claims] == ["b"]
    added = tl.changes(date(2025, 2, 20), date(2025, 2, 26))
    assert {c.event for c in added if c.kind == "added"} == {"meeting", "vote", "summit",
                                                             "treaty"}


def test_unknown_event(corpus: Path) -> None:
    tl = timeline.load(corpus)
    with pytest.raises(QueryError, match="no event 'nope'"):
        tl["nope"]
    # Issue 12: a KeyError too, as a mapping's lookup is, with a message that reads normally
    # (KeyError's own str() would quote it).
    with pytest.raises(KeyError) as caught:
        tl["nope"]
    error = caught.value
    assert isinstance(error, timeline.UnknownEventError)
    assert isinstance(error, timeline.TimelineError)
    assert str(error) == "no event 'nope' in this timeline"
    assert error.event_id == "nope"
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again), again.event_id) == (type(error), str(error), "nope")
    with pytest.raises(KeyError):
        tl[3]  # type: ignore[index]
    with pytest.raises(KeyError):
        tl.as_of(date(2025, 2, 26))["treaty-2018"]
    with pytest.raises(KeyError):
        tl.relation("meeting", "nope")
    assert "meeting" in tl and "nope" not in tl and 3 not in tl
    assert tl.get("nope") is None and tl.get("meeting") is tl["meeting"]
    assert "summit" not in tl.as_of(date(2025, 2, 24))


def test_an_impossible_order_sets_aside_the_claim_that_states_it() -> None:
    # The talks are dated Friday; the summit, on Thursday, is said to come after them. The
    # talks' bounds collapse too, but the claim at fault is the summit's (issue 4).
    def day(d: int) -> TimeValue:
        return TimeValue.of_granule(Granularity.DAY, datetime(2025, 2, d))

    tl = build([("talks", "Talks", [(day(21), Status.OCCURRED)]),
                ("summit", "Summit", [(day(20), Status.OCCURRED)])])
    summit = tl._knowledge.specs["summit"]
    ordered = attrs.evolve(summit.claims[0], after="talks")
    tl = Timeline(list(tl.articles.values()),
                  [tl._knowledge.specs["talks"], attrs.evolve(summit, claims=(ordered,))])
    assert tl["talks"].conflicts == ()
    [conflict] = tl["summit"].conflicts
    assert conflict.kind == "order" and conflict.claims == (ordered,)
    # With the order set aside, both dates stand.
    assert tl["summit"].time.hull == Interval.of(date(2025, 2, 20), date(2025, 2, 21))


def test_an_order_set_aside_does_not_order_the_events() -> None:
    # Issue 16: the order the solver set aside sent views to a full topological sort that
    # still applied it (915 ms for a 60,000-claim view); the events follow their dates and
    # the consistent orders, and the contradiction is reported once, as the summit's.
    def day(d: int) -> TimeValue:
        return TimeValue.of_granule(Granularity.DAY, datetime(2025, 2, d))

    tl = build([("talks", "Talks", [(day(21), Status.OCCURRED)]),
                ("summit", "Summit", [(day(20), Status.OCCURRED)]),
                ("vote", "Vote", [(day(22), Status.OCCURRED)]),
                ("recess", "Recess", [(day(22), Status.OCCURRED)])])
    specs = tl._knowledge.specs
    summit = attrs.evolve(specs["summit"], claims=(
        attrs.evolve(specs["summit"].claims[0], after="talks"),))
    # A consistent order the dates leave open (both on the 22nd): the recess before the vote.
    recess = attrs.evolve(specs["recess"], claims=(
        attrs.evolve(specs["recess"].claims[0], before="vote"),))
    tl = Timeline(list(tl.articles.values()),
                  [specs["talks"], summit, specs["vote"], recess])
    for view in (tl, tl.as_of(date(2100, 1, 1))):
        assert [e.id for e in view.events] == ["summit", "talks", "recess", "vote"]
        assert [(c.kind, c.event) for c in view.conflicts] == [("order", "summit")]


@pytest.mark.parametrize("moment", [
    date(9999, 12, 31), "9999-12-31", "9999-12-31T23:00-05:00",
    datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-12)))])
def test_as_of_past_the_calendar_is_everything(corpus: Path, moment: object) -> None:
    # Issue 13: `--as-of 9999-12-31`, how a user says "everything", raised OverflowError.
    tl = timeline.load(corpus)
    view = tl.as_of(moment)  # type: ignore[arg-type]
    assert view.events == tl.as_of(date(2100, 1, 1)).events
    assert view.as_of_time == tl.as_of(moment).as_of_time != date(2100, 1, 1)  # as given
    assert view.chronology() and view.to_ics() and view.to_svg()


def test_as_of_before_the_calendar_is_nothing(corpus: Path) -> None:
    # Issue 13: an aware year-1 time overflowed when read in UTC.
    tl = timeline.load(corpus)
    assert len(tl.as_of(datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))))) == 0
    assert len(tl.as_of("0001-01-01")) == 0


@pytest.mark.parametrize("window", [date(9999, 12, 31), datetime(1, 1, 1, 5), "9999-12-31"])
def test_windows_outside_the_calendar_are_query_errors(corpus: Path, window: object) -> None:
    # Issue 13: a window (or instant) past the calendar raised OverflowError.
    tl = timeline.load(corpus)
    reason = "not a calendar date" if isinstance(window, str) else "outside the supported"
    with pytest.raises(QueryError, match=reason):
        tl.overlapping(window)  # type: ignore[arg-type]
    if not isinstance(window, str):
        with pytest.raises(QueryError, match="outside the supported calendar"):
            tl.at(window)  # type: ignore[arg-type]
    with pytest.raises(QueryError, match="anchor: 9999-12-31 is outside"):
        tl.overlapping("last week", anchor="9999-12-31")
