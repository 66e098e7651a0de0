"""``timeline.draft(...)``: a corpus folder, a Timeline or articles in, a ``Draft`` out (#14)."""

from __future__ import annotations

import random
from datetime import date

import pytest

import timeline
from timeline.draft import candidates_of, draft
from timeline.draft.draft import Draft
from timeline.errors import CorpusError
from timeline.model.memory import DraftMemory

ARTICLES = [
    timeline.Article(id="a", title="Vote", published=date(2025, 2, 25),
                     text="The UN General Assembly voted on Monday to back Ukraine's "
                          "resolution. President Emmanuel Macron will visit Washington "
                          "next week."),
    timeline.Article(id="b", title="Vote", published=date(2025, 2, 24),
                     text="The U.N. General Assembly voted on Monday for a resolution "
                          "backed by Ukraine."),
]


def test_the_package_is_called_as_the_issue_spells_it() -> None:
    first = timeline.draft("seeds")
    assert isinstance(first, Draft)
    assert timeline.draft("seeds") == first  # called again: still the function
    assert timeline.draft.Draft is Draft
    assert draft("seeds") == first


def test_every_source_gives_the_same_draft() -> None:
    tl = timeline.load("seeds")
    from_folder = draft("seeds")
    assert draft(tl) == from_folder
    assert draft(tl.articles) == from_folder
    assert draft(list(tl.articles.values())) == from_folder


def test_the_order_of_the_articles_does_not_matter() -> None:
    articles = list(timeline.load("seeds").articles.values())
    expected = draft(articles)
    for seed in range(3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert draft(shuffled) == expected


def test_two_reports_of_one_vote_are_one_event() -> None:
    d = draft(ARTICLES)
    votes = [e for e in d.events if e.lemma == "vote"]
    assert len(votes) == 1
    assert votes[0].reports == 2
    assert str(votes[0].interval) == "[2025-02-24, 2025-02-25)"


def test_about_and_top() -> None:
    d = draft(ARTICLES, about="Macron")
    assert [e.lemma for e in d.events] == ["visit"]
    assert len(draft(ARTICLES, top=1)) == 1
    assert draft(ARTICLES, top=1).events[0].reports == 2


def test_memory_leaves_out_what_was_proposed() -> None:
    everything = candidates_of(ARTICLES)
    memory = DraftMemory(seen=frozenset(c.fingerprint for c in everything))
    assert len(draft(ARTICLES, memory=memory)) == 0
    half = DraftMemory(seen=frozenset(c.fingerprint for c in everything if c.article == "a"))
    assert {c.article for e in draft(ARTICLES, memory=half) for c in e.candidates} == {"b"}


def test_bad_sources_name_what_they_got() -> None:
    with pytest.raises(CorpusError, match="int"):
        draft(3)
    with pytest.raises(CorpusError, match="str"):
        draft(["not an article"])
    clash = timeline.Article(id="a", title="Other", published="2025-02-24", text="Other.")
    with pytest.raises(CorpusError, match="'a'"):
        draft([ARTICLES[0], clash])
