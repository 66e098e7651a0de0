"""``before``/``after`` where a sentence orders two drafted events (#14): the connectives
of ``lang/en/order.toml`` (its examples run here), what is written and what is not, and
the round trip through ``events.toml``."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline.draft import draft
from timeline.draft.draft import Draft
from timeline.draft.order import Connectives, english_connectives
from timeline.draft.text import sentences
from timeline.draft.toml import update_events_toml
from timeline.draft.words import read_table
from timeline.errors import RuleTableError
from timeline.model.load import read_draft_memory

DATA = read_table("order.toml")


@pytest.mark.parametrize("example", DATA["example"], ids=lambda e: e["text"][:30])
def test_table_example(example: dict[str, str]) -> None:
    text = example["text"]
    [sentence] = sentences(text)
    found = english_connectives().find(text, sentence)
    if not example["connective"]:
        assert found == []
        return
    [connective] = found
    assert connective.text.lower() == example["connective"]
    assert connective.side == example["side"]
    assert text[slice(*connective.complement)] == example["complement"]


def test_a_broken_table_names_itself() -> None:
    with pytest.raises(RuleTableError, match=r"order\.toml: connectives"):
        Connectives.from_table({"connectives": {"before": ["after"], "after": ["after"]}})
    with pytest.raises(RuleTableError, match="connectives"):
        Connectives.from_table({"connectives": {"before": ["before"]}})


def _article(article_id: str, published: date, text: str) -> timeline.Article:
    return timeline.Article(id=article_id, title=f"Article {article_id}", published=published,
                            text=text)


MONDAY = [
    _article("a", date(2025, 3, 4),
             "The UN General Assembly voted on Monday to back the resolution. French "
             "President Emmanuel Macron met Chancellor Olaf Scholz in Paris on Monday after "
             "the vote. Days before the summit in Brussels on Thursday, Macron spoke with "
             "Scholz on Monday."),
    _article("b", date(2025, 3, 5),
             "European leaders will hold a summit in Brussels on Thursday. Ahead of the "
             "summit, Scholz will visit Warsaw on Thursday."),
]


def _claims(drafted: Draft) -> dict[str, dict[str, str | None]]:
    """Each event's ordering keys, by the event word of the claim that gives them."""
    return {c.event: {"before": c.claim.before, "after": c.claim.after}
            for e in drafted.events for c in e.candidates
            if c.claim.before or c.claim.after}


def _event_of(drafted: Draft, event_word: str) -> str:
    [found] = [e.id for e in drafted.events if any(c.event == event_word
                                                    for c in e.candidates)]
    return found


def test_a_sentence_that_orders_two_drafted_events_says_so_on_its_claim() -> None:
    drafted = draft(MONDAY)
    keys = _claims(drafted)
    # "met ... on Monday after the vote": the vote was on Monday too, so only the
    # connective orders them.
    assert keys["met"] == {"before": None, "after": _event_of(drafted, "voted")}
    # "Ahead of the summit, Scholz will visit Warsaw on Thursday": the event noun heads
    # the complement; the summit is on that Thursday too.
    summits = [e.id for e in drafted.events if e.lemma == "summit"
               and "b" in e.articles]
    assert keys["visit"] == {"before": summits[0], "after": None}
    # "Days before the summit [dated the Thursday before], Macron spoke on Monday": the
    # dates contradict the connective, so nothing is written.
    assert "spoke" not in keys
    assert "spoke" in {c.event for e in drafted.events for c in e.candidates}


def test_what_the_dates_already_order_gets_no_key() -> None:
    drafted = draft([_article("a", date(2025, 3, 7),
                              "The assembly voted on Monday. Ministers met on Thursday "
                              "after the vote.")])
    assert _claims(drafted) == {}


def test_no_key_without_the_other_event_or_against_its_own() -> None:
    drafted = draft([_article("a", date(2025, 3, 7),
                              "Ministers met on Monday after the vote. After that, the "
                              "leaders met again on Monday.")])
    assert _claims(drafted) == {}


def test_no_cycle_of_events_placed_against_each_other() -> None:
    drafted = draft([_article("a", date(2025, 3, 4),
                              "Ministers met in Rome on Monday after the vote. The assembly "
                              "voted in Geneva on Monday after the meeting.")])
    keys = _claims(drafted)
    assert len(keys) == 1  # the second would close a cycle: written once, first come


def test_the_keys_do_not_depend_on_the_order_of_the_articles() -> None:
    first = draft(MONDAY)
    shuffled = list(MONDAY)
    random.Random(7).shuffle(shuffled)
    assert draft(list(reversed(MONDAY))) == first == draft(shuffled)


def test_a_narrowed_draft_refers_only_to_its_own_events() -> None:
    drafted = draft(MONDAY)
    narrowed = drafted.about("Scholz")
    ids = {e.id for e in narrowed.events}
    refs = {r for e in narrowed.events for c in e.candidates for r in c.claim.references}
    assert refs <= ids
    assert narrowed.top(1).to_specs()  # builds: no reference to a dropped event


def test_the_keys_round_trip_through_events_toml(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    timeline.Timeline.from_articles(MONDAY).save(folder)
    drafted = draft(folder)
    text = update_events_toml(None, drafted.to_specs(), articles={a.id: a for a in MONDAY},
                              seen=drafted.fingerprints, maybe_same=drafted.maybe_same)
    assert 'after = "' in text and 'before = "' in text
    (folder / "events.toml").write_text(text, encoding="utf-8")
    loaded = timeline.load(folder)
    assert not [e.id for e in loaded.events if e.conflicted]
    written = {(e.id, c.quote): (c.before, c.after) for e in loaded.events for c in e.claims
               if c.references}
    assert len(written) == 2
    # Drafted again with its memory: nothing new, the file as it was.
    again = draft(folder, memory=read_draft_memory(folder))
    assert len(again) == 0
    assert update_events_toml(text, again.to_specs(), articles={a.id: a for a in MONDAY},
                              seen=again.fingerprints) == text


def test_the_seeds_draft_loads_with_its_keys_and_no_conflict(tmp_path: Path) -> None:
    seeds = timeline.load("seeds")
    drafted = draft(seeds)
    specs = drafted.to_specs()
    tl = timeline.Timeline.from_articles(seeds.articles.values(), specs)
    assert not [e.id for e in tl.events if e.conflicted]


def test_the_keys_show_in_the_text_and_the_html() -> None:
    drafted = draft(MONDAY)
    vote = _event_of(drafted, "voted")
    assert f"(after {vote})" in drafted.to_text()
    assert f"after {vote}" in drafted._repr_html_()
    [listed] = [c for e in drafted.to_dict()["events"] for c in e["candidates"]
                if c["event"] == "met"]
    assert listed["after"] == vote and listed["before"] is None


_ACTS = ["The assembly voted", "Ministers met", "The council adopted the text",
         "Leaders held a summit", "The envoy visited Kyiv", "Troops attacked the town"]
_WHEN = ["on Monday", "on Tuesday", "later on Monday", "this week", "on Friday"]
_LINKS = ["after", "before", "following", "ahead of", "since"]
_REFS = ["the vote", "the meeting", "the summit", "the attack", "the visit", "the talks"]


@st.composite
def _stories(draw: st.DrawFn) -> list[timeline.Article]:
    """Small articles whose sentences order their happenings every which way."""
    articles = []
    for n in range(draw(st.integers(1, 2))):
        sentences = []
        for _ in range(draw(st.integers(1, 5))):
            act, when = draw(st.sampled_from(_ACTS)), draw(st.sampled_from(_WHEN))
            if draw(st.booleans()):
                link, ref = draw(st.sampled_from(_LINKS)), draw(st.sampled_from(_REFS))
                sentences.append(draw(st.sampled_from([
                    f"{act} {when} {link} {ref}.",
                    f"{link[:1].upper()}{link[1:]} {ref}, {act[:1].lower()}{act[1:]} {when}."])))
            else:
                sentences.append(f"{act} {when}.")
        articles.append(_article(f"a{n}", date(2025, 3, 5 + n), " ".join(sentences)))
    return articles


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(_stories())
def test_the_keys_always_load_without_a_cycle_or_a_contradiction(
        articles: list[timeline.Article]) -> None:
    drafted = draft(articles)
    tl = timeline.Timeline.from_articles(articles, drafted.to_specs())  # checks refs, cycles
    assert not [e.id for e in tl.events if e.conflicted]
    for event in drafted.events:
        for candidate in event.candidates:
            for other in candidate.claim.references:
                assert other != event.id


def test_a_key_that_cannot_hold_with_those_before_it_is_not_written() -> None:
    """Each key holds with its dates alone, but the second cannot hold with the first:
    the summit "this week" after Tuesday's vote ends after Tuesday, so a meeting on
    Monday cannot come after it."""
    drafted = draft([_article("a", date(2025, 3, 5),
                              "The council adopted the text on Tuesday. Leaders held a "
                              "summit this week after the vote. Ministers met on Monday "
                              "after the summit.")])
    keys = _claims(drafted)
    assert keys == {"summit": {"before": None, "after": _event_of(drafted, "adopted")}}
