"""English lemmas and verb forms for the draft (#14): the examples in ``words.toml`` run here."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.draft.words import Words, english
from timeline.errors import RuleTableError

DATA = tomllib.loads((resources.files("timeline.lang.en") / "words.toml").read_text("utf-8"))
WORDS = english()


@pytest.mark.parametrize(("word", "lemma"), [
    (word, example["lemma"]) for example in DATA["example"] for word in example["words"]])
def test_table_example(word: str, lemma: str) -> None:
    assert WORDS.lemma(word) == lemma


def test_every_example_group_shares_a_lemma() -> None:
    assert DATA["example"], "words.toml needs examples"
    for example in DATA["example"]:
        assert {WORDS.lemma(w) for w in example["words"]} == {example["lemma"]}


@pytest.mark.parametrize(("word", "lemma"), [
    ("Voted", "vote"), ("Russia's", "russia"), ("leaders\u2019", "leader"),
    ("meeting", "meet"), ("agreed", "agree"), ("used", "use"), ("tabled", "table"),
    ("hoped", "hope"), ("planned", "plan"), ("called", "call"), ("dying", "die"),
    ("resolution", "resolve"), ("deployment", "deploy"), ("opposition", "oppose"),
    ("occupation", "occupy"), ("expansion", "expand"), ("permission", "permit"),
])
def test_lemma(word: str, lemma: str) -> None:
    assert WORDS.lemma(word) == lemma


@pytest.mark.parametrize(("lemma", "third"), [
    ("adopt", "adopts"), ("meet", "meets"), ("carry", "carries"), ("push", "pushes"),
    ("go", "goes"), ("be", "is"), ("have", "has"), ("say", "says"), ("veto", "vetoes"),
])
def test_third_person(lemma: str, third: str) -> None:
    assert WORDS.third_person(lemma) == third


@pytest.mark.parametrize(("word", "event"), [
    ("vote", True), ("talks", True), ("meeting", True), ("summit", True),
    ("adoption", True), ("invasion", True), ("election", True), ("visit", True),
    ("government", False), ("nation", False), ("resolution", False), ("morning", False),
    ("table", False), ("president", False),
])
def test_event_noun(word: str, event: bool) -> None:
    assert WORDS.is_event_noun(word) is event


@pytest.mark.parametrize(("word", "past"), [
    ("voted", True), ("met", True), ("withdrawn", True), ("unveiled", True),
    ("united", False), ("unamended", False), ("hundred", False), ("speed", False),
    ("vote", False), ("news", False),
])
def test_past(word: str, past: bool) -> None:
    assert WORDS.is_past(word) is past


def test_third_person_forms_are_read() -> None:
    assert WORDS.is_third("says") and WORDS.is_third("is") and WORDS.is_third("votes")
    assert not WORDS.is_third("are") and not WORDS.is_third("news")
    assert not WORDS.is_third("countries")  # no verb "country"
    assert not WORDS.is_third("aides")  # "aide" + s, not "aid" + es
    assert WORDS.is_third("pushes") and WORDS.is_third("goes")


@pytest.mark.parametrize(("change", "message"), [
    ({"irregular": ["go went"]}, "irregular: expected 'base past participle'"),
    ({"verbs": "vote"}, "verbs: expected a list of strings"),
    ({"nominal_rule": [{"suffix": "ion"}]}, "nominal_rule: expected suffix and bases"),
])
def test_broken_table_names_the_file_and_entry(change: dict[str, Any], message: str) -> None:
    data = dict(DATA)
    data.update(change)
    with pytest.raises(RuleTableError, match=f"words.toml: {message}"):
        Words(data)


@given(st.text(alphabet="abcdeilnorsty'", min_size=1, max_size=14))
def test_lemma_is_a_fixed_point(word: str) -> None:
    """A lemma's lemma is itself: the normal form is normal (grouping compares them)."""
    lemma = WORDS.lemma(word)
    assert WORDS.lemma(lemma) == lemma


# --- kinds of happening (words.toml [[synonyms]]) ------------------------------------------

def _kind(phrase: str) -> str:
    """The kind of a phrase's event word (its last word: "held talks")."""
    return WORDS.kind(WORDS.lemma(phrase.split()[-1]))


@pytest.mark.parametrize("same", [e["same"] for e in DATA["synonym_example"] if "same" in e])
def test_synonym_example_words_name_one_kind(same: list[str]) -> None:
    assert len({_kind(w) for w in same}) == 1


@pytest.mark.parametrize("differ", [e["differ"] for e in DATA["synonym_example"]
                                    if "differ" in e])
def test_synonym_example_words_name_different_kinds(differ: list[str]) -> None:
    assert len({_kind(w) for w in differ}) == len(differ)


def test_a_word_of_no_class_is_its_own_kind() -> None:
    assert WORDS.kind("frobnicate") == "frobnicate"
    assert WORDS.kind("approve") == WORDS.kind("vote") == "vote"


def test_a_lemma_in_two_classes_is_refused() -> None:
    data = {"synonyms": [{"kind": "vote", "lemmas": ["pass"]},
                         {"kind": "go", "lemmas": ["pass"]}]}
    with pytest.raises(RuleTableError, match="two classes"):
        Words(data)


@pytest.mark.parametrize("example", DATA["procedure_example"], ids=lambda e: e["clause"][:30])
def test_procedure_example(example: dict[str, str]) -> None:
    """A step of a procedure is of its kind only when its clause names the object."""
    content = frozenset(WORDS.lemma(w.strip(",.")) for w in example["clause"].split())
    assert WORDS.kind_in(WORDS.lemma(example["event"]), content) == example["kind"]


def test_a_step_that_has_a_kind_already_is_refused() -> None:
    data = {"synonyms": [{"kind": "vote", "lemmas": ["vote", "adopt"]}],
            "procedures": [{"kind": "vote", "objects": ["bill"], "steps": ["adopt"]}]}
    with pytest.raises(RuleTableError, match="has a kind already"):
        Words(data)
    with pytest.raises(RuleTableError, match="procedures"):
        Words({"procedures": [{"kind": "vote", "steps": ["table"]}]})
