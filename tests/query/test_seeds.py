"""The seed corpus's curated timeline answers the questions the events issue (#4) asks."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

import timeline
from timeline.model.claim import Status
from timeline.query.timeline import Timeline


@pytest.fixture(scope="module")
def tl() -> Timeline:
    return timeline.load("seeds")


def test_every_claim_names_its_article_quote_and_anchor(tl: Timeline) -> None:
    for event in tl.events:
        for claim in event.claims:
            text = tl.articles[claim.article].text
            assert text[claim.span[0]:claim.span[1]] == claim.quote
            if claim.when is not None:
                assert claim.when_span is not None
                assert text[claim.when_span[0]:claim.when_span[1]] == claim.when
                assert claim.anchor == tl.articles[claim.article].published


def test_nothing_from_the_25th_is_known_at_noon_utc_on_the_24th(tl: Timeline) -> None:
    view = tl.as_of(datetime(2025, 2, 24, 12, tzinfo=UTC))
    articles = {c.article for e in view.events for c in e.claims}
    assert not articles & {"000", "001", "002"}


def test_the_votes(tl: Timeline) -> None:
    for vote in ("ga-vote", "sc-vote"):
        hull = tl[vote].time.hull
        assert hull.start is not None and hull.end is not None
        assert hull.start >= datetime(2025, 2, 24) and hull.end <= datetime(2025, 2, 25)
    assert tl.before("ga-vote", "sc-vote") is True


def test_starmer_visit(tl: Timeline) -> None:
    visit = tl["starmer-visit"]
    assert visit.status is Status.SCHEDULED
    assert visit.time.earliest_start is not None and visit.time.latest_end is not None
    assert visit.time.earliest_start >= datetime(2025, 2, 24)
    assert visit.time.latest_end <= datetime(2025, 3, 3)
    assert tl.as_of(date(2025, 3, 5))["starmer-visit"].status is Status.UNCONFIRMED


def test_the_partnership_came_before_the_invasion(tl: Timeline) -> None:
    assert tl.before("xi-putin-partnership", "invasion-2022") is True


def test_hopes_are_expected(tl: Timeline) -> None:
    assert tl["ukraine-eu-2030"].status is Status.EXPECTED
    assert tl["war-end-2025"].status is Status.EXPECTED


def test_order_is_consistent_with_certain_befores(tl: Timeline) -> None:
    order = [e.id for e in tl.events]
    for i, a in enumerate(order):
        for b in order[:i]:
            assert tl.before(a, b) is not True, f"{a} is certainly before {b} yet sorted after"


def test_the_war_runs_from_its_start_past_the_articles(tl: Timeline) -> None:
    war = tl["ukraine-war"]
    assert war.time.earliest_start == datetime(2022, 1, 1)
    assert war.time.latest_end is None  # still going on: no end is known
    assert tl.during("ga-vote", "ukraine-war") is True
    assert tl.as_of(date(2024, 1, 1)).get("ukraine-war") is None


def test_the_timeline_class_is_public(tl: Timeline) -> None:
    assert isinstance(tl, timeline.Timeline)


def test_changes_can_read_publications_as_possibly_out(tl: Timeline) -> None:
    # 002 came out at 11:38 on the 25th, zone unknown: by 00:00Z on the 25th it was possibly
    # out (UTC+14 is already past noon), certainly not.
    start, end = datetime(2025, 2, 24, tzinfo=UTC), datetime(2025, 2, 25, tzinfo=UTC)
    certain = {c.article for change in tl.changes(start, end) for c in change.claims}
    possible = {c.article for change in tl.changes(start, end, possibly=True)
                for c in change.claims}
    assert "002" not in certain and "002" in possible
