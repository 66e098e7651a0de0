"""Rules with ``params.needs`` are tried only where a word of that category is in reach: a
speed-up that must never change what the scanner finds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.tagger.rules import RuleSet, load_rules
from timeline.tagger.scan import Mention, Scanner

ANCHOR = date(2025, 2, 24)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
RULES = load_rules()


def _ungated(rules: RuleSet) -> RuleSet:
    return attrs.evolve(rules, base=tuple(attrs.evolve(r, gate=None) for r in rules.base),
                        composite=tuple(attrs.evolve(r, gate=None) for r in rules.composite))


GATED, UNGATED = Scanner(RULES), Scanner(_ungated(RULES))


def _found(mentions: list[Mention]) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.rule, m.value.value) for m in mentions]


def test_some_rules_are_gated() -> None:
    assert sum(rule.gate is not None for rule in RULES) >= 10


def test_gates_change_nothing_on_the_seeds_and_the_rule_examples() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts.append(". ".join(example.text for rule in RULES for example in rule.examples))
    texts.append(". ".join(text for _, text in RULES.negatives))
    for text in texts:
        assert _found(GATED.scan(text, ANCHOR)) == _found(UNGATED.scan(text, ANCHOR))


WORDS = ["three", "a", "few", "years", "year-old", "week", "weeks", "ago", "later", "in",
         "the", "past", "next", "coming", "every", "twice", "daily", "quarterly", "May",
         "March", "Monday", "New", "Year’s", "Year's", "Day", "Christmas", "summer", "of",
         "2024", "12", "trading", "days", "and", "half", "an", "hour", "-", ",", "\n",
         "flights", "per", "times", "over", "for", "more", "than", "fall", "Spring"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_gates_change_nothing_on_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    assert _found(GATED.scan(text, ANCHOR)) == _found(UNGATED.scan(text, ANCHOR))
