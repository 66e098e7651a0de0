""""As of" views are precomputed histories: they must say exactly what rebuilding the
timeline from the claims published by then says."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.query.test_timeline_properties import corpora
from timeline.errors import QueryError
from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.model.event import EventSpec
from timeline.query.asof import cutoff, micro, publication_key
from timeline.query.timeline import Timeline, known_by
from timeline.time.interval import as_datetime, is_on_or_before

zones = st.sampled_from([UTC, timezone(timedelta(hours=-12)), timezone(timedelta(hours=14)),
                         timezone(timedelta(hours=5, minutes=30))])


@st.composite
def moments(draw: st.DrawFn) -> date | datetime:
    """A date, a floating datetime or an aware one, within three days so zones matter."""
    hours = draw(st.integers(0, 72))
    moment = datetime(2025, 2, 23) + timedelta(hours=hours)
    kind = draw(st.sampled_from(["date", "floating", "aware"]))
    if kind == "date":
        return moment.date()
    return moment.replace(tzinfo=draw(zones)) if kind == "aware" else moment


def oracle_known_by(published: date | datetime, moment: date | datetime,
                    possibly: bool) -> bool:
    """The definition, by comparing instants over every zone (``is_on_or_before``)."""
    limit = cutoff(moment)
    if isinstance(published, datetime):
        first = last = published
    else:
        first = as_datetime(published)
        last = first + timedelta(days=1)
    answer = is_on_or_before(first if possibly else last, limit)
    return answer is not False if possibly else answer is True


@settings(max_examples=300, deadline=None)
@given(moments(), moments(), st.booleans())
def test_publication_keys_order_as_zones_allow(published: date | datetime,
                                               moment: date | datetime,
                                               possibly: bool) -> None:
    limit = cutoff(moment)
    key = publication_key(published, possibly=possibly,
                          floating_cutoff=limit.tzinfo is None)
    assert (key <= micro(limit)) == oracle_known_by(published, moment, possibly)


def test_publication_keys_on_a_half_hour_grid() -> None:
    """Every kind of publication against every kind of cutoff, half-hourly over 3 days:
    the zone edges (12 h and 14 h) are only a few hours wide, so sweep them."""
    plus14, minus12 = timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))
    published: list[date | datetime] = [
        date(2025, 2, 24), datetime(2025, 2, 24, 10), datetime(2025, 2, 24, 10, tzinfo=UTC),
        datetime(2025, 2, 24, 10, tzinfo=timezone(timedelta(hours=5, minutes=30)))]
    cutoffs: list[date | datetime] = [date(2025, 2, 22) + timedelta(days=i) for i in range(4)]
    for step in range(6 * 24):
        moment = datetime(2025, 2, 22, 12) + timedelta(minutes=30 * step)
        cutoffs += [moment, moment.replace(tzinfo=UTC), moment.replace(tzinfo=plus14),
                    moment.replace(tzinfo=minus12)]
    for pub in published:
        for moment in cutoffs:
            limit = cutoff(moment)
            for possibly in (False, True):
                key = publication_key(pub, possibly=possibly,
                                      floating_cutoff=limit.tzinfo is None)
                assert (key <= micro(limit)) == oracle_known_by(pub, moment, possibly), (
                    pub, moment, possibly)


def test_a_date_is_known_at_the_end_of_its_day_in_the_latest_zone() -> None:
    claim = Claim(event="e", article="a", quote="q", span=(0, 1), status=Status.OCCURRED,
                  known_from=date(2025, 2, 24))
    assert not known_by(claim, datetime(2025, 2, 25, 11, 59, tzinfo=UTC))
    assert known_by(claim, datetime(2025, 2, 25, 12, 0, tzinfo=UTC))
    assert known_by(claim, date(2025, 2, 24))  # floating: the end of the same civil day
    assert known_by(claim, datetime(2025, 2, 24, 10, 0, tzinfo=UTC), possibly=True)
    assert not known_by(claim, datetime(2025, 2, 23, 9, 59, tzinfo=UTC), possibly=True)


def rebuilt(tl: Timeline, moment: date | datetime, possibly: bool) -> Timeline:
    """The slow way: a new timeline from only the claims published by ``moment``."""
    known = {}
    for spec in tl.specs:
        claims = tuple(c for c in spec.claims if known_by(c, moment, possibly=possibly))
        if claims:
            known[spec.id] = attrs.evolve(spec, claims=claims)
    specs = []
    for spec in known.values():
        claims = []
        for claim in spec.claims:
            changes: dict[str, None] = {}
            for key in ("before", "after"):
                if getattr(claim, key) is not None and getattr(claim, key) not in known:
                    changes[key] = None
            claims.append(attrs.evolve(claim, **changes))
        specs.append(attrs.evolve(spec, claims=tuple(claims)))
    return Timeline(list(tl.articles.values()), specs)


def same_as_rebuilt(view: Timeline, fresh: Timeline, moment: date | datetime,
                    possibly: bool) -> None:
    assert [e.id for e in view.events] == [e.id for e in fresh.events]
    assert len(view) == len(fresh)
    limit = cutoff(moment)
    for event in fresh.events:
        seen = view[event.id]
        assert seen.time == event.time
        # The claims as written: a reference to an event not yet known is only not applied.
        spec = next(s for s in view.specs if s.id == event.id)
        assert seen.claims == tuple(c for c in spec.claims
                                    if known_by(c, moment, possibly=possibly))
        # The rebuilt timeline's claims had their unknown references removed by hand.
        assert [(c.kind, c.message, [(x.article, x.span) for x in c.claims])
                for c in seen.conflicts] == [
            (c.kind, c.message, [(x.article, x.span) for x in c.claims])
            for c in event.conflicts]
        end = event.time.latest_end
        late = end is not None and is_on_or_before(end, limit) is True
        want = Status.UNCONFIRMED if event.status.pending and late else event.status
        assert seen.status == want


@settings(max_examples=80, deadline=None)
@given(corpora(), st.lists(moments(), min_size=1, max_size=4), st.booleans())
def test_views_equal_timelines_rebuilt_from_what_was_published(
        tl: Timeline, times: list[date | datetime], possibly: bool) -> None:
    # Several views of one timeline share caches: each must still be its own.
    for moment in times:
        view = tl.as_of(moment, possibly=possibly)
        same_as_rebuilt(view, rebuilt(tl, moment, possibly), moment, possibly)


@settings(max_examples=40, deadline=None)
@given(corpora(), moments(), moments())
def test_relations_in_a_view_equal_the_rebuilt_ones(tl: Timeline, t1: date | datetime,
                                                    t2: date | datetime) -> None:
    assert tl.as_of(t1).events is not None  # warm the caches with another time first
    view, fresh = tl.as_of(t2), rebuilt(tl, t2, False)
    for a in fresh.events:
        for b in fresh.events:
            assert view.relation(a.id, b.id) == fresh.relation(a.id, b.id)


def test_an_unknown_event_is_a_query_error() -> None:
    spec = EventSpec("e", "E", (), None, None, (Claim(
        event="e", article="a", quote="q", span=(0, 1), status=Status.OCCURRED,
        known_from=date(2025, 2, 24)),))
    article = Article(id="a", file="a.txt", title="A", published=date(2025, 2, 24), text="q")
    tl = Timeline([article], [spec])
    view = tl.as_of(date(2025, 2, 23))
    assert "e" in tl and "e" not in view and len(view) == 0 and view.get("e") is None
    with pytest.raises(QueryError, match="'e'"):
        view["e"]
    assert tl.as_of(date(2025, 2, 24))["e"].claims == spec.claims


def _two_days() -> Timeline:
    """Two articles a day apart, each dating one event."""
    articles = [
        Article(id="a", file="a.txt", title="A", published=date(2025, 2, 24), text="q"),
        Article(id="b", file="b.txt", title="B", published=date(2025, 2, 25), text="r")]
    specs = [EventSpec(e, e.upper(), (), None, None, (Claim(
        event=e, article=a, quote=q, span=(0, 1), status=Status.OCCURRED,
        known_from=d),)) for e, a, q, d in [("e", "a", "q", date(2025, 2, 24)),
                                             ("f", "b", "r", date(2025, 2, 25))]]
    return Timeline(articles, specs)


@pytest.mark.parametrize(("moment", "known"), [
    ("2025-02-24", ["e"]),                  # a date: the end of that day
    ("2025-02-25T12:00Z", ["e"]),            # "b" is certainly out only at the day's end
    ("2025-02-26", ["e", "f"]),
    ("yesterday", ["e"]),                    # against the latest publication, 25 Feb
    ("2025", ["e", "f"]),                    # an expression's end
])
def test_as_of_reads_strings_as_the_command_line_does(moment: str, known: list[str]) -> None:
    tl = _two_days()
    view = tl.as_of(moment)
    assert [e.id for e in view.events] == known
    assert sorted(view.known_articles) == sorted({"e": "a", "f": "b"}[k] for k in known)
    assert sorted(view.articles) == ["a", "b"]  # the corpus stays whole in every view


def test_known_articles_follow_the_view() -> None:
    tl = _two_days()
    assert tl.known_articles == tl.articles
    assert list(tl.as_of(date(2025, 2, 23)).known_articles) == []
    # A possibly-view counts an article from the earliest zone's start of its day.
    assert list(tl.as_of(datetime(2025, 2, 24, 12, tzinfo=UTC), possibly=True)
                .known_articles) == ["a", "b"]


@pytest.mark.parametrize("bad", ["nonsense", 20250224, None, ["2025-02-24"]])
def test_a_bad_as_of_is_a_query_error_naming_it(bad: object) -> None:
    tl = _two_days()
    with pytest.raises(QueryError, match=repr(bad).replace("[", r"\[")):
        tl.as_of(bad)  # type: ignore[arg-type]
    with pytest.raises(QueryError):
        tl.at(bad)  # type: ignore[arg-type]


def test_at_reads_a_string_instant() -> None:
    tl = _two_days()
    assert tl.at("2025-02-24T12:00") == tl.at(datetime(2025, 2, 24, 12))


def test_a_timeline_built_as_of_a_string_is_that_view() -> None:
    tl = _two_days()
    built = Timeline(list(tl.articles.values()), list(tl.specs), as_of="2025-02-24")
    assert [e.id for e in built.events] == [e.id for e in tl.as_of("2025-02-24").events]
    assert built.as_of_time == date(2025, 2, 24)


def test_a_long_chain_told_one_event_an_article() -> None:
    """#13: 3,000 events each after the one before, each told by its own article (3,000
    times the linked group changes): the history settled the whole group at every one of
    them up front (hours); now a view settles it once, at its own time, and gives what a
    timeline of only the articles out by then gives."""
    n = 3_000
    start = date(2024, 1, 1)
    articles, specs = [], []
    for k in range(n):
        article = Article(id=f"a{k:05d}", title="t", published=start + timedelta(days=k),
                          text="It happened. Then more.")
        claims = [Claim.build(article, "It happened.", event=f"e{n - k:05d}",
                              date=start - timedelta(days=1))] if k == 0 else [
            Claim.build(article, "Then more.", event=f"e{n - k:05d}", after=f"e{n - k + 1:05d}")]
        articles.append(article)
        specs.append(EventSpec.build(f"e{n - k:05d}", f"Event {k}", claims))
    tl = Timeline.from_articles(articles, specs)
    for day in (0, 1, 1_000, n - 1):
        view = tl.as_of(start + timedelta(days=day))
        alone = Timeline.from_articles(articles[:day + 1], specs[:day + 1])
        assert [(e.id, e.time) for e in view.events] == [(e.id, e.time) for e in alone.events]
    last = tl[f"e{1:05d}"]
    assert last.time.earliest_start == datetime(2023, 12, 31) + (n - 1) * timedelta(
        microseconds=1)
