"""Broken rule tables fail on load with a message naming the file, rule and problem."""

from __future__ import annotations

import re
from datetime import date
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest

from timeline.errors import RuleTableError
from timeline.tagger import rules
from timeline.tagger.rules import _check_no_nested_repeat, _compile_rule, _Expander, load_lexicon

LEXICON = load_lexicon()
KNOWN = frozenset({"weekday", "shift_unit"})


@pytest.mark.parametrize("pattern", [r"(a+)+", r"(?:\s*x)*", r"(?:a|b+)*c", r"(?:(?:ab)+c)+",
                                     r"(?:x(?=a+))*"])
def test_nested_repetition_is_rejected(pattern: str) -> None:
    with pytest.raises(RuleTableError, match="nested repetition"):
        _check_no_nested_repeat(sre_parse.parse(pattern), "test")


@pytest.mark.parametrize("pattern", [r"\d{1,3}(?:,\d{3})+", r"(?:ab)?c+", r"a+b+", r"(?:a{2})+"])
def test_safe_repetition_is_accepted(pattern: str) -> None:
    _check_no_nested_repeat(sre_parse.parse(pattern), "test")


def _compile(**table: Any) -> rules.Rule:
    raw = {"id": "t.rule", "pattern": "{weekday}", "resolver": "weekday",
           "examples": [{"text": "Monday", "value": "2025-02-24"}]}
    raw.update(table)
    return _compile_rule(raw, "test.toml", _Expander(LEXICON), date(2025, 2, 24), KNOWN)


@pytest.mark.parametrize(("change", "message"), [
    ({"examples": []}, "needs examples"),
    ({"resolver": "nope"}, "unknown resolver 'nope'"),
    ({"pattern": "{no_such_words}"}, r"unknown category or fragment \{no_such_words\}"),
    ({"pattern": "{@nothing}"}, r"unknown placeholder \{@nothing\}"),
    ({"pattern": "(unclosed"}, "bad pattern"),
    ({"pattern": "(?:x+)+"}, "nested repetition"),
    ({"colour": "red"}, "unknown keys"),
    ({"examples": [{"text": "Monday", "valeu": "x"}]}, "unknown example keys"),
])
def test_broken_rule_names_file_and_rule(change: dict[str, Any], message: str) -> None:
    with pytest.raises(RuleTableError, match=f"test.toml: rule 't.rule'.*{message}"):
        _compile(**change)


def test_fragment_cycle_is_reported() -> None:
    lexicon = rules.Lexicon({}, {"a": "{b}", "b": "{a}"}, frozenset(), {})
    with pytest.raises(RuleTableError, match="fragment cycle"):
        _Expander(lexicon).expand("{a}", "test.toml")


def test_case_sensitive_words_keep_their_capital() -> None:
    regex = re.compile(_Expander(LEXICON).expand("{month}", "t"), re.IGNORECASE)
    assert regex.fullmatch("May") and regex.fullmatch("MAY") and regex.fullmatch("march") is None
    assert regex.fullmatch("february")


def test_a_space_matches_blanks_and_one_line_break() -> None:
    regex = re.compile(_Expander(LEXICON).expand("last week", "t"))
    assert regex.fullmatch("last \t week") and regex.fullmatch("last\nweek")
    assert regex.fullmatch("last\n\nweek") is None


def test_first_characters_bound_where_a_rule_is_tried() -> None:
    rule = _compile(pattern="(?:on )?{weekday}")
    assert rule.first is not None and {"o", "O", "m", "M", "s", "S"} <= rule.first
    assert "x" not in rule.first
