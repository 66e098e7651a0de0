"""Dated statements: each clause a time expression dates becomes a candidate claim (#14).

The status table is ``lang/en/statements.toml``'s examples; the seeds are the project's own
corpus (no ``../shared``).
"""

from __future__ import annotations

import tomllib
from datetime import date
from importlib import resources
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.draft.candidate import Actor, ActorKind, ActorMention, Candidate, actor_key
from timeline.draft.statements import Language, extract
from timeline.draft.text import tokens
from timeline.draft.words import english
from timeline.errors import RuleTableError
from timeline.model.article import Article
from timeline.model.claim import Status

DATA = tomllib.loads(
    (resources.files("timeline.lang.en") / "statements.toml").read_text("utf-8"))
TUESDAY = date(2025, 2, 25)
#: A lead sentence put before a sentence under test, so the one tested is no lead.
LEAD = "Officials gathered in the capital to discuss the plan.\n"


def article(text: str, published: date | str = TUESDAY) -> Article:
    return Article(id="a1", title="t", published=published, text=text)


def dated(text: str, **kwargs: Any) -> list[Candidate]:
    """The candidates of ``text`` after a lead sentence (which has its own)."""
    found = extract(article(LEAD + text), **kwargs)
    return [c for c in found if c.quote_span[0] >= len(LEAD)]


def first(text: str, **kwargs: Any) -> Candidate:
    found = dated(text, **kwargs)
    assert found, f"no candidate in {text!r}"
    return found[0]


def actor(text: str, name: str, display_title: str | None = None,
          kind: ActorKind = ActorKind.ORGANISATION) -> ActorMention:
    """A hand-made actor mention of ``name`` in ``LEAD + text`` (its first occurrence)."""
    start = (LEAD + text).index(name)
    who = Actor(name=name, kind=kind, key=actor_key(name), title=display_title)
    return ActorMention((start, start + len(name)), name, who)


# --- the status table (statements.toml) ----------------------------------------------------


@pytest.mark.parametrize("example", DATA["example"], ids=lambda e: e["text"][:40])
def test_status_table(example: dict[str, str]) -> None:
    found = extract(article(example["text"], DATA["examples"]["anchor"]))
    assert found, f"no candidate in {example['text']!r}"
    assert (found[0].event, found[0].status.value) == (example["event"], example["status"])


def test_the_table_covers_every_status() -> None:
    assert len(DATA["example"]) >= 40
    assert {e["status"] for e in DATA["example"]} == {s.value for s in Status if
                                                      s is not Status.UNCONFIRMED}


# --- event words ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "event", "lemma"), [
    ("The assembly voted on Monday.", "voted", "vote"),
    ("On Monday the assembly adopted the text.", "adopted", "adopt"),
    ("The leaders will meet in March.", "meet", "meet"),
    ("The vote on Monday split the council.", "vote", "vote"),
    ("Monday's vote split the council.", "vote", "vote"),
    ("A visit next week is planned.", "visit", "visit"),
    ("Russia's 2022 invasion of Ukraine changed Europe.", "invasion", "invade"),
    ("The two leaders spoke in a phone call on Monday.", "call", "call"),
    ("The talks on Friday ended without a deal.", "talks", "talk"),
    ("The election in May was close.", "election", "elect"),
    # A reporting verb is the event word only when the time is its own.
    ("The president said on Monday that the economy is strong.", "said", "say"),
    ("Trump last week falsely suggested that Ukraine started the war.", "suggested",
     "suggest"),
    ("He said the vote will be held next week.", "vote", "vote"),
    ("He said the council adopted the plan on Monday.", "adopted", "adopt"),
    # The verb whose object the noun is: "sign the deal next month".
    ("The firm expects to sign the deal next month.", "sign", "sign"),
    # Held talks: a light verb leaves the event to its noun.
    ("The ministers held talks on Friday.", "talks", "talk"),
    # A participle describing a noun is not the clause's verb.
    ("On Monday, the text proposed by Ukraine was adopted.", "adopted", "adopt"),
    # A relative clause's verb dates nothing outside it.
    ("Earlier on Monday, the Assembly, which represents 193 states, approved the text.",
     "approved", "approve"),
])
def test_event_word(text: str, event: str, lemma: str) -> None:
    found = first(text)
    assert (found.event, found.lemma) == (event, lemma)
    assert (LEAD + text)[found.event_span[0]:found.event_span[1]].startswith(event)


@pytest.mark.parametrize("text", [
    "The talks lasted for three years.",  # a duration dates no event
    "The council meets every week.",  # nor does a set
    "She is a 20th century democrat.",  # a time that modifies no event
    "A 20th century building houses the museum.",
    "February 25, 2025 at 11:38",  # a dateline, not a statement
    "Ministers, officials and diplomats.",  # no time, no lead
    "The council did not vote on Monday.",  # a denied event
    "The envoy won\u2019t visit Kyiv next week.",
])
def test_no_candidate(text: str) -> None:
    assert dated(text) == []


def test_several_times_date_their_own_events() -> None:
    found = dated("The minister resigned in 2019, and her deputy took over in 2020.")
    assert [(c.event, c.when, c.quote) for c in found] == [
        ("resigned", "in 2019", "The minister resigned in 2019"),
        ("took", "over in 2020", "her deputy took over in 2020.")]


def test_two_times_of_one_event_keep_the_nearest() -> None:
    found = dated("The council voted on Monday in the morning session in Paris last week.")
    assert len({c.event_span for c in found}) == len(found)


def test_a_generic_time_dates_only_a_clause_nothing_else_dates() -> None:
    found = dated("Officials recently approved the plan on Monday.")
    assert [c.when for c in found] == ["on Monday"]
    only = first("Officials recently approved the plan.")
    assert only.when == "recently" and only.confidence < 1


# --- the lead -------------------------------------------------------------------------------


def test_a_lead_without_a_time_is_dated_by_the_publication_day() -> None:
    text = "Trump Meets Macron\nThe US voted against a resolution condemning Russia.\n" \
           "The vote came on Monday."
    found = extract(article(text, "2025-02-25T11:38:00"))
    lead = found[0]
    assert lead.when is None and lead.when_span is None
    assert lead.quote == "The US voted against a resolution condemning Russia."
    assert lead.event == "voted" and lead.status is Status.OCCURRED
    assert lead.claim.date == date(2025, 2, 25) and lead.value.value == "2025-02-25"
    assert lead.confidence < 1
    assert found[1].when == "on Monday" and found[1].claim.date is None


def test_a_lead_with_its_own_time_is_dated_by_it() -> None:
    found = extract(article("The council voted on Monday to extend the mission."))
    assert [c.when for c in found] == ["on Monday"]


# --- claims ---------------------------------------------------------------------------------


def test_claims_resolve_as_the_tagger_did() -> None:
    text = ("The talks began on March 3 in Geneva. They ended the next day. "
            "The envoy will return on Monday. He said he had left on Monday.")
    for candidate in dated(text):
        assert candidate.claim.value is not None
        if candidate.confidence == 1:
            assert candidate.claim.value.interval == candidate.value.interval
        assert candidate.claim.event == "draft"


def test_a_quote_found_twice_says_which() -> None:
    text = "Members vote at the council on Monday.\nMembers vote at the council on Monday."
    found = dated(text)
    assert [c.claim.span for c in found] == [c.quote_span for c in found]
    assert len(found) == 2 and found[0].quote == found[1].quote


def test_status_sets_the_claims_tense() -> None:
    scheduled = first("The envoy is set to visit Kyiv on Friday.")
    assert scheduled.status is Status.SCHEDULED
    assert scheduled.claim.value is not None and scheduled.value.value == "2025-02-28"
    assert scheduled.claim.value.interval == scheduled.value.interval


# --- titles and content ---------------------------------------------------------------------


def test_title_from_the_clause_words() -> None:
    text = "The UN General Assembly adopted Ukraine's resolution on Monday."
    found = first(text, actors=[actor(text, "UN General Assembly")])
    assert found.title == "UN General Assembly adopts Ukraine's resolution"
    assert [a.text for a in found.actors] == ["UN General Assembly"]


def test_title_of_a_noun_event_and_of_a_plan() -> None:
    text = "Macron's visit next week will test the alliance."
    found = first(text, actors=[actor(text, "Macron", "President", ActorKind.PERSON)])
    assert found.title == "President Macron visit"
    text = "Prime Minister Keir Starmer is set to meet with Trump later this week."
    found = first(text, actors=[actor(text, "Keir Starmer", "Prime Minister",
                                      ActorKind.PERSON)])
    assert found.title == "Prime Minister Keir Starmer meets with Trump"


def test_title_without_actors_uses_the_subject_words() -> None:
    assert first("The resolution was amended by the allies on Monday.").title == \
        "Resolution amended by allies"
    assert first("The U.S. refused to accept any amendments later Monday.").title == \
        "U.S. refuses to accept amendments"
    assert first("Western leaders gathered in Kyiv on Monday.").title == \
        "Western leaders gather in Kyiv"
    # The noun a phrase follows: "the conflict in eastern Ukraine", "rights on the stock".
    assert first("He hopes the conflict in eastern Ukraine can end by 2030.").title == \
        "Conflict ends"
    assert first("All conversion rights on the stock will terminate on Nov. 30.").title \
        == "Conversion rights terminate"
    # A participle in an aside keeps its form.
    assert first("The latest suit, filed in September 2003, claims damages.").title == \
        "Latest suit filed"


def test_titles_use_only_the_clause_words() -> None:
    vocab = english()
    for candidate in extract(_seed("002")):
        quoted = tokens(candidate.quote, 0, len(candidate.quote))
        words = {w.text for w in quoted} | {vocab.lemma(w.text) for w in quoted}
        for word in candidate.title.split():
            assert word in words or vocab.lemma(word) in words or \
                word[:1].upper() + word[1:] in words, (word, candidate.quote)
        assert len(candidate.title.split()) <= 10
        assert candidate.title[:1].isupper()


def test_content_words_are_lemmas_without_stop_or_time_words() -> None:
    found = first("The assembly voted on Monday to adopt the resolutions.")
    assert found.content == {"assembly", "vote", "adopt", "resolve"}


# --- the seeds ------------------------------------------------------------------------------


def _seed(article_id: str) -> Article:
    articles = timeline.load("seeds").articles
    return articles[article_id]


@pytest.mark.parametrize("article_id", ["000", "001", "002", "003", "004"])
def test_seed_candidates_are_exact_and_ordered(article_id: str) -> None:
    seed = _seed(article_id)
    found = extract(seed)
    assert found == sorted(found, key=lambda c: c.sort_key)
    for candidate in found:
        assert seed.text[candidate.quote_span[0]:candidate.quote_span[1]] == candidate.quote
        assert candidate.claim.span == candidate.quote_span
        if candidate.when_span is not None:
            assert seed.text[candidate.when_span[0]:candidate.when_span[1]] == candidate.when
            assert candidate.quote_span[0] <= candidate.when_span[0]
            assert candidate.when_span[1] <= candidate.quote_span[1]
        assert seed.text[candidate.event_span[0]:candidate.event_span[1]].startswith(
            candidate.event)
        assert candidate.claim.value is not None
        if candidate.confidence >= 0.8:
            assert candidate.claim.value.interval == candidate.value.interval


def test_seed_starmer_visit_is_scheduled_this_week_and_2030_expected() -> None:
    found = extract(_seed("000"))
    visit = [c for c in found if c.lemma == "visit"]
    assert [(c.status, c.value.value, c.when) for c in visit] == [
        (Status.SCHEDULED, "2025-W09", "this week")]
    join = [c for c in found if c.when == "by 2030"]
    assert [(c.event, c.status) for c in join] == [("join", Status.EXPECTED)]


def test_seed_votes_and_meetings_are_dated_monday() -> None:
    found = extract(_seed("002"))
    monday = {(c.lemma, c.status) for c in found if c.value.value == "2025-02-24"}
    assert {("approve", Status.OCCURRED), ("meet", Status.OCCURRED),
            ("vote", Status.OCCURRED)} <= monday


def test_mentions_may_be_given() -> None:
    seed = _seed("004")
    assert extract(seed, mentions=timeline.tag(seed.text, seed.published)) == extract(seed)
    assert [c for c in extract(seed, mentions=[]) if c.when is not None] == []


def test_broken_language_table_names_the_file() -> None:
    data = dict(DATA)
    data["verbs"] = {**data["verbs"], "modals": "will"}
    with pytest.raises(RuleTableError, match=r"statements\.toml: verbs\.modals"):
        Language.from_toml(data)


_FRAGMENTS = ["The council", "voted", "will meet", "on Monday", "next week", "in 2022",
              "by 2030", "said", "Trump", "the vote", "talks", ",", ".", ";", " and", "\n",
              "- ", "\u201c", "\u201d", "did not", "the same day", "for three years",
              "U.S.", "Monday's", "could", "is set to", "visit", "Sept.", "2025-02-24"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40),
       st.sampled_from(["2025-02-25", "2025-02-25T11:38:00", "2025-02-25T11:38:00+01:00"]))
def test_any_text_gives_exact_candidates(parts: list[str], published: str) -> None:
    """Whatever the text, every candidate quotes it exactly and its claim loads."""
    text = " ".join(parts)
    found = extract(article(text, published))
    assert found == sorted(found, key=lambda c: c.sort_key)
    for candidate in found:
        assert text[candidate.quote_span[0]:candidate.quote_span[1]] == candidate.quote
        assert candidate.claim.span == candidate.quote_span
        assert candidate.claim.value is not None
        assert 0 < candidate.confidence <= 1
        assert candidate.title and len(candidate.title.split()) <= 10


def test_title_names_the_actor_heading_the_subject() -> None:
    text = "European leaders gathered in Kyiv on Monday."
    europe = actor(text, "European", kind=ActorKind.OTHER)
    assert first(text, actors=[europe]).title == "European leaders gather in Kyiv"
    text = "He met Macron in Paris on Monday."
    found = first(text, actors=[actor(text, "Macron", "President", ActorKind.PERSON)])
    assert found.title == "Meets Macron"  # no actor before the verb: none invented


def test_an_expression_across_a_sentence_end_stays_inside_its_quote() -> None:
    # Found by the draft fuzz target (#14): a line break inside "in \nFebruary 2026" ends a
    # sentence, and the quote (the sentence) held only part of the expression; the claim
    # lost its `when` while the candidate kept it.
    text = "Officials met on Monday. The council will vote in \nFebruary 2026 on the plan."
    article = Article(id="a", title="A", published="2025-02-24", text=text)
    found = {c.when: c for c in extract(article)}
    late = found["in \nFebruary 2026"]
    lo, hi = late.quote_span
    assert text[lo:hi] == late.quote == "The council will vote in \nFebruary 2026"
    assert late.when_span is not None and lo <= late.when_span[0] < late.when_span[1] <= hi
    assert late.claim.when == late.when and late.claim.span == late.quote_span
