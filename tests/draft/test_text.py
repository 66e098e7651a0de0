"""Sentences, clauses and words with exact spans (#14)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.draft.statements import _classify_words, language
from timeline.draft.text import Token, clauses, sentences, tokens
from timeline.draft.words import english


def said(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def test_sentences_end_where_the_tagger_ends_them() -> None:
    text = "The vote was on Sept. 14 in the U.S. Senate. Sen. John Curtis (R., Utah) spoke."
    assert said(text) == ["The vote was on Sept. 14 in the U.S. Senate.",
                          "Sen. John Curtis (R., Utah) spoke."]


@pytest.mark.parametrize(("text", "expected"), [
    # After a closing quote, and before TimeBank's backquotes.
    ("\u201cWe won,\u201d he said. \u201cIt is over.\u201d Then he left.",
     ["\u201cWe won,\u201d he said.", "\u201cIt is over.\u201d", "Then he left."]),
    ("The vote passed. ``I want a referendum,'' Howard said.",
     ["The vote passed.", "``I want a referendum,'' Howard said."]),
    # A line break ends a headline or a paragraph, not a wrapped line.
    ("US Policy Shift\nThe president acted.", ["US Policy Shift", "The president acted."]),
    ("The council voted\nto extend the mission.", ["The council voted\nto extend the mission."]),
    ("Jobs called it \"the best.\"\niOS 4 ships in June.",
     ["Jobs called it \"the best.\"", "iOS 4 ships in June."]),
    # A bullet is not part of the sentence.
    ("Outcomes\n- The US voted against it.\n- Russia voted too.",
     ["Outcomes", "The US voted against it.", "Russia voted too."]),
    # A semicolon joins clauses of one sentence.
    ("The US voted no; Russia voted no too.", ["The US voted no; Russia voted no too."]),
])
def test_sentences(text: str, expected: list[str]) -> None:
    assert said(text) == expected


def test_tokens_keep_dotted_and_possessive_words_whole() -> None:
    text = "The U.S.\u2019s vote, Russia\u2019s European-backed text on 2025-02-24."
    words = tokens(text, 0, len(text))
    assert [w.text for w in words] == ["The", "U.S.\u2019s", "vote", "Russia\u2019s",
                                       "European-backed", "text", "on", "2025-02-24"]
    assert [w.folded for w in words][:4] == ["the", "u.s", "vote", "russia"]
    assert [w.possessive for w in words][:4] == [False, True, False, True]
    assert all(text[w.start:w.end] == w.text for w in words)
    assert [w.text for w in tokens("It holds 3,027,330 shares, 5, 6.", 0, 33)] == [
        "It", "holds", "3,027,330", "shares", "5", "6"]


def _has_verb(text: str) -> object:
    def has(words: Sequence[Token]) -> bool:
        return _classify_words(text, words, language(), english())
    return has


def split(text: str) -> list[str]:
    lang = language()
    out = []
    for span in sentences(text):
        words = tokens(text, *span)
        for (a, b), _ in clauses(text, span, words, has_verb=_has_verb(text),  # type: ignore[arg-type]
                                 coordinators=lang.coordinators,
                                 subordinators=lang.subordinators):
            out.append(text[a:b])
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("The minister resigned in 2019, and her deputy took over in 2020.",
     ["The minister resigned in 2019", "her deputy took over in 2020."]),
    ("The resolution was backed by 93 countries, while 18 opposed it.",
     ["The resolution was backed by 93 countries", "while 18 opposed it."]),
    ("The US voted no; Russia voted no too.", ["The US voted no", "Russia voted no too."]),
    # No verb on one side: no split.
    ("Leaders met in Paris, London and Rome.", ["Leaders met in Paris, London and Rome."]),
    ("The talks ended, and with them the truce.", ["The talks ended, and with them the truce."]),
])
def test_clauses(text: str, expected: list[str]) -> None:
    assert split(text) == expected


@given(st.text(alphabet="ab .,;:!?\nAB\u201d`'-", max_size=60))
def test_sentence_and_clause_spans_are_ordered_and_inside(text: str) -> None:
    spans = sentences(text)
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous = end
    lang = language()
    for span in spans:
        words = tokens(text, *span)
        assert all(span[0] <= w.start < w.end <= span[1] for w in words)
        parts = clauses(text, span, words, has_verb=_has_verb(text),  # type: ignore[arg-type]
                        coordinators=lang.coordinators, subordinators=lang.subordinators)
        edge = span[0]
        for (a, b), _ in parts:
            assert edge <= a <= b <= span[1]
            edge = b
