"""Every rule's examples resolve as written, by that rule; every negative yields nothing."""

from __future__ import annotations

from typing import Any

import pytest

from timeline.tagger.resolve import resolve_mention
from timeline.tagger.rules import Example, Rule, load_rules
from timeline.tagger.scan import scan

RULES = load_rules()
CASES = [(rule, example) for rule in RULES for example in rule.examples]


def _expected_interval(raw: list[Any]) -> list[str | None]:
    return [None if end == ".." else str(end) for end in raw]


@pytest.mark.parametrize(("rule", "example"), CASES,
                         ids=[f"{r.id}:{e.text}" for r, e in CASES])
def test_example(rule: Rule, example: Example) -> None:
    if rule.params.get("blocks"):
        # A blocking rule's examples are words it claims so that nothing is tagged.
        assert scan(example.text, example.anchor) == [], example.text
        return
    mention = resolve_mention(example.text, example.anchor, tense=example.tense,
                              date_order=example.date_order)
    got = mention.value.to_dict()
    assert mention.rule == rule.id, f"{example.text!r} was resolved by {mention.rule}"
    for key, want in example.expected.items():
        if key == "interval":
            assert got["interval"] == _expected_interval(want), example.text
        else:
            assert got[key] == want, f"{example.text!r}: {key}"


def test_every_rule_has_examples() -> None:
    assert all(rule.examples for rule in RULES)


@pytest.mark.parametrize(("file", "text"), RULES.negatives)
def test_negative(file: str, text: str) -> None:
    found = scan(text, RULES.default_anchor[file])
    assert found == [], f"{file}: {text!r} gave {[m.text for m in found]}"
