"""Laws of timelines, on generated corpora: JSON round trips, "as of" only ever learns,
relations have converses."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.model.event import EventSpec
from timeline.query.allen import CONVERSE
from timeline.query.timeline import Timeline, _within
from timeline.time.granularity import Granularity
from timeline.time.value import TimeValue

START = date(2025, 1, 1)
GRANULES = [Granularity.DAY, Granularity.WEEK, Granularity.MONTH]


@st.composite
def corpora(draw: st.DrawFn) -> Timeline:
    n_articles = draw(st.integers(1, 4))
    articles = []
    for i in range(n_articles):
        day = START + timedelta(days=draw(st.integers(0, 60)))
        published: date | datetime = day
        if draw(st.booleans()):
            published = datetime(day.year, day.month, day.day, draw(st.integers(0, 23)))
        text = " ".join(f"Claim {i}-{k}." for k in range(12))
        articles.append(Article(id=f"a{i}", file=f"a{i}.txt", title=f"Article {i}",
                                published=published, text=text))
    specs = []
    for e in range(draw(st.integers(1, 6))):
        claims = []
        for _ in range(draw(st.integers(1, 3))):
            article = draw(st.sampled_from(articles))
            k = draw(st.integers(0, 11))
            quote = f"Claim {article.id[1:]}-{k}."
            at = article.text.index(quote)
            value = None
            before = after = None
            if e and draw(st.booleans()):
                other = f"e{draw(st.integers(0, e - 1))}"
                before, after = (other, None) if draw(st.booleans()) else (None, other)
            if (before is None and after is None) or draw(st.booleans()):
                granularity = draw(st.sampled_from(GRANULES))
                day = START + timedelta(days=draw(st.integers(0, 90)))
                value = TimeValue.of_granule(granularity, datetime(day.year, day.month,
                                                                   day.day))
            part = draw(st.sampled_from([None, None, "start", "end"])) if value else None
            claims.append(Claim(
                event=f"e{e}", article=article.id, quote=quote, span=(at, at + len(quote)),
                status=draw(st.sampled_from([Status.OCCURRED, Status.SCHEDULED,
                                             Status.EXPECTED, Status.REPORTED])),
                known_from=article.published, value=value, before=before, after=after,
                part=part, ongoing=draw(st.sampled_from([False, False, False, True]))))
        specs.append(EventSpec(f"e{e}", f"Event {e}", (), None, None, tuple(claims)))
    return Timeline(articles, specs)


moments = st.dates(min_value=date(2024, 12, 25), max_value=date(2025, 4, 1))


@settings(max_examples=60, deadline=None)
@given(corpora(), st.one_of(st.none(), moments))
def test_json_round_trip_is_lossless(tl: Timeline, moment: date | None) -> None:
    view = tl if moment is None else tl.as_of(moment)
    text = view.to_json()
    data = view.to_dict()
    assert isinstance(text, str) and json.loads(text) == data
    again = Timeline.from_json(text)
    assert again.to_json() == text
    assert Timeline.from_dict(json.loads(text)).to_dict() == data
    assert [e.id for e in again.events] == [e.id for e in view.events]


@settings(max_examples=60, deadline=None)
@given(corpora(), moments, moments)
def test_as_of_only_learns(tl: Timeline, t1: date, t2: date) -> None:
    t1, t2 = min(t1, t2), max(t1, t2)
    early, late = tl.as_of(t1), tl.as_of(t2)
    for event in early.events:
        assert event.id in late
        later = late[event.id]
        assert set(event.claims) <= set(later.claims)
        if not later.conflicted and not late.conflicts:
            assert _within(later.time, event.time)


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_relations_have_converses(tl: Timeline) -> None:
    events = tl.events
    for a in events:
        for b in events:
            forward = tl.relation(a, b)
            backward = tl.relation(b, a)
            assert backward == frozenset(CONVERSE[r] for r in forward)


@st.composite
def aware_additions(draw: st.DrawFn) -> tuple[Article, EventSpec]:
    """An article with a known zone, and an event only it reports, at an aware time."""
    offset = timezone(timedelta(hours=draw(st.integers(-12, 14))))
    day = START + timedelta(days=draw(st.integers(0, 60)))
    published = datetime(day.year, day.month, day.day, draw(st.integers(0, 23)), tzinfo=offset)
    text = "The talks began at 3 p.m. local time."
    article = Article(id="zoned", file="zoned.txt", title="Zoned", outlet=None, url=None,
                      published=published, text=text)
    at = datetime(day.year, day.month, day.day, 15, tzinfo=offset)
    claim = Claim(event="zoned-talks", article="zoned", quote=text, span=(0, len(text)),
                  status=Status.OCCURRED, known_from=published,
                  value=TimeValue.of_granule(Granularity.MINUTE, at))
    return article, EventSpec("zoned-talks", "Talks", (), None, None, (claim,))


@settings(max_examples=60, deadline=None)
@given(corpora(), aware_additions())
def test_an_aware_article_moves_no_event_it_does_not_touch(
        tl: Timeline, addition: tuple[Article, EventSpec]) -> None:
    """#12: mixing one article with a known zone into a floating corpus leaves every event
    none of its claims touches where it was: same bounds, same conflicts, same words."""
    from timeline.export.wording import when_text

    article, spec = addition
    mixed = Timeline([*tl.articles.values(), article], [*tl.specs, spec])
    assert mixed["zoned-talks"].time.earliest_start is not None
    assert mixed["zoned-talks"].time.earliest_start.tzinfo is not None
    for event in tl.events:
        again = mixed[event.id]
        assert again.time == event.time
        assert again.conflicts == event.conflicts
        assert when_text(again.time) == when_text(event.time)
