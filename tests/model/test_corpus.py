"""``Timeline.from_articles`` checks a corpus made in Python as loading checks files (#12),
and ``late_claims`` finds claims of events dated after their own article."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from timeline import Article, Claim, CorpusError, EventSpec, Timeline
from timeline.model.corpus import late_claims

TEXT = "The council met on Monday. It will vote on Friday. The vote passed on Friday."


def _article(**changes: object) -> Article:
    fields: dict[str, object] = {"id": "a1", "title": "Council", "published": "2025-02-25",
                                 "text": TEXT}
    return Article(**{**fields, **changes})  # type: ignore[arg-type]


def test_a_timeline_from_articles_and_events() -> None:
    article = _article()
    met = EventSpec.build("meeting", "The council meets", [
        Claim.build(article, "The council met on Monday.", when="on Monday", event="meeting")])
    vote = EventSpec.build("vote", "The council votes", [
        Claim.build(article, "It will vote on Friday.", when="on Friday", status="scheduled",
                    after="meeting", event="vote")])
    tl = Timeline.from_articles([article], [met, vote], title="Council", zone="Europe/Paris")
    assert [e.id for e in tl] == ["meeting", "vote"]
    paris = ZoneInfo("Europe/Paris")  # the corpus's zone reads its floating times
    assert tl["meeting"].time.earliest_start == datetime(2025, 2, 24, tzinfo=paris)
    assert tl["vote"].time.earliest_start == datetime(2025, 2, 28, tzinfo=paris)
    assert (tl.title, tl.zone) == ("Council", "Europe/Paris")
    assert Timeline.from_articles([article]).events == []


def test_from_articles_reports_every_problem() -> None:
    article = _article()
    other = _article(text="Yes. The council met on Monday.")
    claim = Claim.build(other, "The council met on Monday", when="on Monday", event="e")
    stray = Claim.build(_article(id="zz"), "It will vote on Friday.", date="2025-02-28",
                        event="f")
    cyclic_a = EventSpec.build("x", "X", [Claim.build(article, "It will vote", before="y",
                                                      event="x")])
    cyclic_b = EventSpec.build("y", "Y", [Claim.build(article, "vote passed", before="x",
                                                      event="y")])
    with pytest.raises(CorpusError) as caught:
        Timeline.from_articles(
            [article, article, "not an article"],  # type: ignore[list-item]
            [EventSpec.build("e", "E", [claim]), EventSpec.build("f", "F", [stray]),
             EventSpec.build("e", "E again", [claim]), cyclic_a, cyclic_b],
            zone="Mars/Olympus")
    where = [(p.entry, p.field) for p in caught.value.problems]
    assert where == [
        ("article 'a1'", "id"),
        ("article 3", None),
        ("event 'e', claim 1", "article"),  # quotes another text under the same id
        ("event 'f', claim 1", "article"),  # an article the timeline does not have
        ("event 'e', claim 1", "article"),
        ("event 'e'", "id"),
        ("event 'y', claim 1", "relative_to/before/after"),
        ("corpus", "zone"),
    ]
    assert "another article 'a1'" in str(caught.value.problems[2])
    assert "cycle: x -> y -> x" in str(caught.value.problems[6])


def test_a_claim_built_against_another_publication_time_is_refused() -> None:
    claim = Claim.build(_article(), "It will vote on Friday.", when="on Friday", event="v")
    moved = _article(published=datetime(2025, 2, 25, 9))
    with pytest.raises(CorpusError, match="another article"):
        Timeline.from_articles([moved], [EventSpec.build("v", "V", [claim])])


def test_late_claims_are_those_of_events_said_to_be_over_dated_after_the_article() -> None:
    article = _article()
    specs = [
        EventSpec.build("passed", "Passed", [Claim.build(
            article, "The vote passed on Friday.", when="on Friday", tense="future",
            event="passed")]),  # occurred, dated 28 Feb: after the 25th
        EventSpec.build("planned", "Planned", [Claim.build(
            article, "It will vote on Friday.", when="on Friday", status="scheduled",
            event="planned")]),  # scheduled: the future is where it belongs
        EventSpec.build("met", "Met", [Claim.build(
            article, "The council met on Monday.", when="on Monday", event="met")]),
        EventSpec.build("same-day", "Same day", [Claim.build(
            article, "The council met", date="2025-02-25", status="reported",
            event="same-day")]),  # the day of publication: not after it
    ]
    tl = Timeline.from_articles([article], specs)
    late = late_claims(tl.articles, tl.specs)
    assert [(x.event, x.index) for x in late] == [("passed", 1)]
    assert late[0].message == ("event 'passed', claim 1: occurred but dated 2025-02-28 "
                               "([2025-02-28, 2025-03-01)), after article 'a1' was "
                               "published (2025-02-25)")


@pytest.mark.parametrize(("published", "claimed", "late"), [
    (datetime(2025, 2, 25, 9), "2025-02-25T10:00:00", True),
    (datetime(2025, 2, 25, 9), "2025-02-25T08:00:00", False),
    # Floating against aware: late only if late in every zone.
    (datetime(2025, 2, 25, 9), "2025-02-25T10:00:00+00:00", False),
    (datetime(2025, 2, 25, 9), "2025-02-26T12:00:00+00:00", True),
    (datetime(2025, 2, 25, 9, tzinfo=timezone(timedelta(hours=-5))), "2025-02-25T15:00:00Z",
     True),
])
def test_late_claims_compare_times_honestly(published: datetime, claimed: str,
                                            late: bool) -> None:
    article = _article(published=published)
    spec = EventSpec.build("e", "E", [Claim.build(article, "The council met", date=claimed,
                                                  event="e")])
    assert bool(late_claims({"a1": article}, [spec])) is late
    assert not late_claims({"a1": article}, [EventSpec.build("e", "E", [
        Claim.build(article, "The council met", date=claimed, event="e",
                    status="expected")])])  # expected: the future is where it belongs
