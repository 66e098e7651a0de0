"""One event per happening: cues, linkage, time blocking, and the laws of ``group``."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import reduce

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from made_candidates import EVENTS, Said, corpora, day_text, events_as_sets, write

from timeline.draft.candidate import Candidate
from timeline.draft.group import (
    SUGGEST,
    THRESHOLD,
    W_KIND,
    Comparisons,
    group,
    publication_key,
    score,
    slug,
)
from timeline.model.claim import Claim, Status
from timeline.time.interval import Interval

GA = "the UN General Assembly"
SC = "the Security Council"
PUBLISHED = date(2025, 2, 25)


def _one(article: str, said: Said, published: date | datetime = PUBLISHED) -> Candidate:
    return write(article, published, [said])[1][0]


def _vote(article: str, when: str | None = "24 February 2025", *actors: str,
          words: tuple[str, ...] = ("resolution",), published: date | datetime = PUBLISHED,
          status: Status = Status.OCCURRED) -> Candidate:
    return _one(article, Said(when, "adopted", "adopt", actors or (GA,), status=status,
                              words=words), published)


# -- cues and merges ---------------------------------------------------------------------------

def test_reports_of_one_happening_across_articles_are_one_event() -> None:
    events = group([_vote("a"), _vote("b"), _vote("c", words=("resolution", "ukraine"))])
    assert len(events) == 1
    event = events[0]
    assert event.articles == ("a", "b", "c") and event.reports == 3
    assert len(event.merges) == 2
    for merge in event.merges:
        assert merge.score >= THRESHOLD
        assert {c.name for c in merge.link.cues} >= {"time", "lemma", "actors"}
        time = next(c for c in merge.link.cues if c.name == "time")
        assert time.value == "same day"
    assert str(event.interval) == "[2025-02-24, 2025-02-25)"
    assert event.lemma == "adopt" and event.status is Status.OCCURRED


def test_a_same_day_counts_more_than_a_shared_year() -> None:
    day = score(_vote("a"), _vote("b"))
    year = score(_vote("a"), _vote("b", "2025"))
    assert day is not None and year is not None
    assert day[0] > year[0]
    assert [c.value for c in year[1] if c.name == "time"] == ["overlapping"]


def test_disjoint_times_never_merge_whatever_else_is_shared() -> None:
    events = group([_vote("a", "24 February 2025"), _vote("b", "25 February 2025")])
    assert len(events) == 2
    assert all(not e.merges and not e.suggestions for e in events)
    assert score(_vote("a", "24 February 2025"), _vote("b", "25 February 2025")) is None


def test_the_same_word_on_one_day_by_other_actors_is_a_suggestion_on_both() -> None:
    """The two UN votes of 24 February: one lemma, one day, two bodies."""
    events = group([_vote("a", "24 February 2025", GA), _vote("b", "24 February 2025", SC)])
    assert len(events) == 2
    first, second = events
    assert [s.event for s in first.suggestions] == [second.id]
    assert [s.event for s in second.suggestions] == [first.id]
    assert SUGGEST <= first.suggestions[0].score < THRESHOLD
    assert "none shared" in [c.value for c in first.suggestions[0].link.cues]


def test_event_words_of_one_kind_are_a_weaker_shared_event_word() -> None:
    """A body "approved" what its members "voted" on: one kind of happening (words.toml)."""
    voted = _one("b", Said("24 February 2025", "voted", "vote", (GA,), words=("resolution",)))
    same = score(_vote("a"), _vote("b"))
    kind = score(_vote("a"), voted)
    assert same is not None and kind is not None
    assert same[0] > kind[0] >= THRESHOLD
    assert [(c.value, c.weight) for c in kind[1] if c.name == "lemma"] == [
        ("adopt ~ vote", W_KIND)]
    assert len(group([_vote("a"), voted])) == 1


def test_event_words_of_other_kinds_share_nothing() -> None:
    visited = _one("b", Said("24 February 2025", "visited", "visit", (SC,)))
    assert score(_vote("a"), visited) is None


def _report(article: str, *actors: str, published: date | datetime = PUBLISHED,
            event: tuple[str, str] = ("voted", "vote")) -> Candidate:
    """An undated statement ("the assembly voted against the resolution")."""
    return _one(article, Said(None, event[0], event[1], actors or (GA,),
                              words=("resolution",), undated=True), published)


def test_an_undated_report_joins_the_dated_event_it_reports() -> None:
    report = _report("b")
    events = group([_vote("a"), report])
    assert len(events) == 1
    [event] = events
    assert event.articles == ("a", "b") and str(event.interval) == "[2025-02-24, 2025-02-25)"
    [joined] = [c for c in event.candidates if c.undated]
    assert joined.claim.date == date(2025, 2, 24)  # dated by the event, saying so
    assert joined.claim.note and "no time of its own" in joined.claim.note
    assert event.title == _vote("a").title  # a report never speaks for the event


def test_an_undated_report_alone_is_no_event() -> None:
    assert group([_report("a")]) == []
    assert [len(e.candidates) for e in group([_report("a"), _report("b")])] == []


def test_an_undated_report_needs_its_subject_in_the_event() -> None:
    """"Kimberly-Clark closed" does not report "Ralston closed", whatever else they share."""
    other = _report("b", SC)
    assert [len(e.candidates) for e in group([_vote("a"), other])] == [1]


def test_an_undated_report_reaches_back_a_week_at_most() -> None:
    late = _report("b", published=date(2025, 3, 10))
    assert [len(e.candidates) for e in group([_vote("a"), late])] == [1]


def test_an_undated_report_joins_events_of_one_day_only() -> None:
    year = _vote("a", "2025")
    assert [len(e.candidates) for e in group([year, _report("b")])] == [1]


def test_nothing_shared_but_the_day_is_neither_merge_nor_suggestion() -> None:
    a = _one("a", Said("24 February 2025", "met", "meet", ("Emmanuel Macron",)))
    b = _one("b", Said("24 February 2025", "adopted", "adopt", (GA,)))
    assert score(a, b) is None
    assert all(not e.suggestions for e in group([a, b]))


def test_a_candidate_without_an_interval_never_merges_by_time() -> None:
    events = group([_vote("a", None), _vote("b", None), _vote("c")])
    assert len(events) == 3
    assert events[-1].interval is None and events[0].interval is not None


def test_one_statement_found_twice_is_merged() -> None:
    """The same clause and event word, once dated by its expression and once by nothing."""
    article, (dated,) = write("a", PUBLISHED, [Said("24 February 2025", "adopted", "adopt",
                                                    (GA,))])
    undated = attrs.evolve(dated, when=None, when_span=None, claim=Claim.build(
        article, dated.quote, event="draft", ongoing=True))
    assert dated.fingerprint != undated.fingerprint
    events = group([dated, undated])
    assert len(events) == 1
    assert events[0].merges[0].link.cues[0].name == "statement"
    assert str(events[0].interval) == "[2025-02-24, 2025-02-25)"
    # Counted once: another article's report joins both as it would join one.
    (event,) = group([dated, undated, _vote("b")])
    assert len(event.candidates) == 3 and event.merges[-1].score >= THRESHOLD


def test_a_year_merges_with_a_day_of_the_same_lemma_inside_it() -> None:
    events = group([_vote("a", "2025"), _vote("b")])
    assert len(events) == 1
    assert str(events[0].interval) == "[2025-02-24, 2025-02-25)"


def test_open_and_long_times_meet_the_days_inside_them() -> None:
    """"since 20 February" (no end) and "the 2020s" are compared with the candidates of
    their lemma whose times they meet, not with everything."""
    events = group([_vote("a", "since 20 February 2025"), _vote("b", "the 2020s"),
                    _vote("c"), _vote("d", "2019"),
                    _one("e", Said("24 February 2025", "met", "meet", (GA,)))])
    assert [sorted(c.article for c in e.candidates) for e in events] == [
        ["d"], ["a", "b", "c"], ["e"]]
    assert str(events[1].interval) == "[2025-02-24, 2025-02-25)"


def test_the_event_speaks_with_its_best_candidate() -> None:
    """Most confident first, then earliest published; salience counts articles, not
    candidates, and first/last reported compare dates and datetimes as times."""
    early = _vote("b", published=datetime(2025, 2, 24, 20, 0))
    late = _vote("a", published=date(2025, 2, 26))
    unsure = attrs.evolve(_vote("c", published=date(2025, 2, 24)), confidence=0.5,
                          title="Less sure")
    _, two = write("d", date(2025, 2, 25), [
        Said("24 February 2025", "adopted", "adopt", (GA,)),
        Said("24 February 2025", "adopted", "adopt", (GA, "Ukraine"))])
    (event,) = group([late, early, unsure, *two])
    assert event.title == early.title
    assert event.first_reported == date(2025, 2, 24)
    assert event.last_reported == date(2025, 2, 26)
    assert event.reports == 4 and len(event.candidates) == 5
    assert [a.key for a in event.actors] == ["un general assembly", "ukraine"]


def test_actors_are_united_by_key_most_mentioned_first() -> None:
    a = _vote("a", "24 February 2025", "Emmanuel Macron", GA)
    b = _vote("b", "24 February 2025", "the U.N. General Assembly")
    (event,) = group([a, b])
    assert [x.key for x in event.actors] == ["un general assembly", "emmanuel macron"]
    assert "the U.N. General Assembly" in event.actors[0].aliases


def test_an_actor_named_by_an_alias_in_another_article_is_shared() -> None:
    full = _one("a", Said("24 February 2025", "met", "meet", ("Donald Trump",)))
    short = _one("b", Said("24 February 2025", "spoke", "speak", ("Trump",)))
    scored = score(full, short)
    assert scored is not None
    assert [c.value for c in scored[1] if c.name == "actors"] == ["donald trump"]
    (event,) = group([full, attrs.evolve(short, lemma="meet")])
    assert [a.name for a in event.actors] == ["Donald Trump"]
    assert "Trump" in event.actors[0].aliases


def test_sharing_a_person_counts_more_than_sharing_countries() -> None:
    def pair(*actors: str) -> float:
        a = _one("a", Said("24 February 2025", "met", "meet", (*actors, "Emmanuel Macron")))
        b = _one("b", Said("24 February 2025", "signed", "sign", (*actors, "Donald Trump")))
        scored = score(a, b)
        assert scored is not None
        return scored[0]

    assert pair("Russia") < pair("Keir Starmer") - 0.05
    assert pair("Russia", "Ukraine") < SUGGEST


def test_mixed_floating_and_aware_times_group() -> None:
    aware = datetime(2025, 2, 24, 15, 0, tzinfo=timezone(timedelta(hours=1)))
    a = _vote("a", "24 February 2025")
    b = _one("b", Said("Monday", "adopted", "adopt", (GA,)), published=aware)
    events = group([a, b])
    assert len(events) == 1
    assert publication_key(aware) < publication_key(PUBLISHED)


def test_threshold_and_suggest_are_checked() -> None:
    with pytest.raises(ValueError, match="suggest"):
        group([], threshold=0.3, suggest=0.5)
    assert group([]) == []


def test_a_lower_threshold_merges_what_was_suggested() -> None:
    pair = [_vote("a", "24 February 2025", GA), _vote("b", "24 February 2025", SC)]
    assert len(group(pair, threshold=0.5)) == 1


# -- ids ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "expected"), [
    ("UN General Assembly adopts Ukraine's resolution",
     "un-general-assembly-adopts-ukraines-resolution"),
    ("Élysée talks — Macron", "elysee-talks-macron"),
    ("!!!", "event"),
    ("word " * 30, "-".join(["word"] * 12)),
])
def test_slug(title: str, expected: str) -> None:
    assert slug(title) == expected


def test_the_docstring_examples_run() -> None:
    import doctest

    import timeline.draft.group

    assert doctest.testmod(timeline.draft.group).failed == 0


def test_ids_are_unique_and_deterministic() -> None:
    same = [_one(f"a{n}", Said(day_text(date(2025, 2, 20 + n)), "adopted", "adopt", (GA,)))
            for n in range(3)]
    events = group(same)
    assert [e.id for e in events] == ["the-un-general-assembly-adopted",
                                      "the-un-general-assembly-adopted-2",
                                      "the-un-general-assembly-adopted-3"]


# -- blocking ----------------------------------------------------------------------------------

def _many_days(days: int, *, years: bool = True) -> list[Candidate]:
    """Five statements a day on ``days`` days, and (``years``) a year's statement every
    thirty days: the shape of a news corpus."""
    candidates = []
    start = date(2020, 1, 1)
    for d in range(days):
        day = start + timedelta(days=d)
        statements = [Said(day_text(day), *EVENTS[(d + k) % len(EVENTS)], (GA,) if k % 2 else ())
                      for k in range(5)]
        if years and d % 30 == 0:
            statements.append(Said(str(day.year), "voted", "vote", (GA,)))
        candidates.extend(write(f"d{d}", day + timedelta(days=1), statements)[1])
    return candidates


def _compared(corpus: list[Candidate]) -> tuple[int, list]:
    comparisons = Comparisons()
    events = group(corpus, comparisons=comparisons)
    return comparisons.count, events


def test_comparisons_grow_with_the_corpus_not_its_square() -> None:
    small, large = _many_days(150, years=False), _many_days(600, years=False)
    counted = [_compared(corpus)[0] for corpus in (small, large)]
    assert counted[0] < len(small) ** 2 / 50
    # Four times the days: four times the comparisons.
    assert counted[1] <= 4 * counted[0] + 10


def test_a_year_is_compared_only_with_its_lemma_inside_it() -> None:
    with_years, days = _many_days(150), _many_days(150, years=False)
    years = [c for c in with_years if c.when == "2020"]
    votes = [c for c in days if c.lemma == "vote"]
    extra = _compared(with_years)[0] - _compared(days)[0]
    # Each year statement meets the other years and the votes of its year, nothing else.
    assert 0 < extra <= len(years) * (len(votes) + len(years))


def _big_day(statements: int) -> list[Candidate]:
    """A big news day: ``statements`` statements on one day, ten an article, in pairs of
    one event word no other pair uses, naming no actor (nothing else to share)."""
    day = date(2024, 11, 5)
    said = [Said(day_text(day), f"zorbed{k // 2}", f"zorb{k // 2}") for k in range(statements)]
    candidates = []
    for first in range(0, statements, 10):
        candidates.extend(write(f"n{first:05d}", day + timedelta(days=1),
                                said[first:first + 10])[1])
    return candidates


def test_a_big_news_day_compares_the_pairs_that_can_score_not_its_square() -> None:
    # #14: the active set of one day was compared pair by pair; now through an index of
    # event-word kinds and actors, so unrelated statements of one day never meet.
    for statements in (100, 400):
        counted, events = _compared(_big_day(statements))
        assert counted == statements // 2  # each pair of one event word, once
        assert len(events) == statements // 2
        assert all(len(e.candidates) == 2 for e in events)


def test_a_big_news_day_of_one_actor_compares_its_pairs() -> None:
    """Statements that share an actor can score: every pair of them is compared."""
    day = date(2024, 11, 5)
    said = [Said(day_text(day), f"zorbed{k}", f"zorb{k}", (GA,) if k % 2 else ())
            for k in range(60)]
    candidates = [c for first in range(0, 60, 10)
                  for c in write(f"n{first}", day + timedelta(days=1), said[first:first + 10])[1]]
    counted, _ = _compared(candidates)
    assert counted == 30 * 29 // 2


# -- laws --------------------------------------------------------------------------------------

@settings(max_examples=60)
@given(corpora(), st.randoms(use_true_random=False))
def test_order_does_not_matter(corpus: tuple[list, list[Candidate]], random: st.Random) -> None:
    _, candidates = corpus
    shuffled = list(candidates)
    random.shuffle(shuffled)
    assert group(shuffled) == group(candidates)


@settings(max_examples=60)
@given(corpora())
def test_an_event_never_joins_disjoint_times(corpus: tuple[list, list[Candidate]]) -> None:
    for event in group(corpus[1]):
        intervals = [c.interval for c in event.candidates if c.interval is not None]
        if intervals:
            common = reduce(lambda a, b: None if a is None else a.intersect(b), intervals,
                            Interval(None, None))
            assert common is not None
            assert event.interval == common


@settings(max_examples=60)
@given(corpora())
def test_an_event_grouped_again_is_one_event(corpus: tuple[list, list[Candidate]]) -> None:
    events = group(corpus[1])
    assert events_as_sets(events) == events_as_sets(
        [e for event in events for e in group(event.candidates)])
    for event in events:
        assert len(group(event.candidates)) == 1


@settings(max_examples=60)
@given(corpora())
def test_merges_and_suggestions(corpus: tuple[list, list[Candidate]]) -> None:
    events = group(corpus[1])
    by_id = {e.id: e for e in events}
    assert len(by_id) == len(events)
    # Every dated statement is in one event; an undated report in one at most (dropped
    # when it joins none), and never alone.
    reports = sum(c.undated for e in events for c in e.candidates)
    assert reports <= len({c for c in corpus[1] if c.undated})
    assert sum(len(e.candidates) for e in events) == len(
        {c for c in corpus[1] if not c.undated}) + reports
    for event in events:
        assert not all(c.undated for c in event.candidates)
        assert len(event.merges) == len(event.candidates) - 1
        fingerprints = {c.fingerprint for c in event.candidates}
        for merge in event.merges:
            assert merge.score >= THRESHOLD and merge.link.cues
            assert 0 <= merge.link.score <= 1
            assert {merge.link.first, merge.link.second} <= fingerprints
        for suggestion in event.suggestions:
            assert suggestion.score >= SUGGEST and suggestion.event != event.id
            back = [s for s in by_id[suggestion.event].suggestions if s.event == event.id]
            assert [s.score for s in back] == [suggestion.score]


# -- an event noun's own actors ---------------------------------------------------------------

def _extracted(article_id: str, text: str) -> list[Candidate]:
    from timeline.draft.actors import find_actors
    from timeline.draft.statements import extract
    from timeline.model.article import Article

    article = Article(id=article_id, title="t", published=PUBLISHED, text=text)
    return extract(article, actors=find_actors(text))


def test_an_event_nouns_possessor_and_complement_are_its_participants() -> None:
    from timeline.draft.group import _phrase_actors

    [noun] = _extracted("a", "The United States withdrew its support for condemning "
                             "Russia's 2022 invasion of Ukraine at the United Nations.")
    assert noun.noun and noun.event == "invasion"
    assert sorted(m.text for m in _phrase_actors(noun)) == ["Russia", "Ukraine"]
    [verb] = _extracted("b", "Russia invaded Ukraine in February 2022.")
    assert not verb.noun and _phrase_actors(verb) == ()


def test_reports_of_one_invasion_in_long_clauses_are_one_event() -> None:
    """The clause names others (the US, the UN) that take no part in the invasion."""
    year = _extracted("a", "The United States, under President Donald Trump, withdrew "
                           "its support at the United Nations in New York for a text "
                           "condemning Russia's 2022 invasion of Ukraine, envoys said.")
    month = _extracted("b", "The two leaders announced their partnership days before "
                            "Russia's invasion of Ukraine in February 2022.")
    assert len(group(year + month)) == 1
