"""``closest_passage``: where a quote that is not in its article probably is, and why (#12)."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from timeline.model.quote import LONG, _fold, _Folded, closest_passage

#: Letters, and the characters a copied quote gets wrong.
_ALPHABET = "abc .,\u2019'\u201c\u201d\"\u2014\u2013-\u00a0\n"


@given(st.text(_ALPHABET, max_size=40), st.text(_ALPHABET, min_size=1, max_size=30),
       st.text(_ALPHABET, max_size=40))
def test_a_typographic_near_miss_is_found(before: str, passage: str, after: str) -> None:
    """Straight quotes, hyphens and single spaces for what the article has: the passage is
    found, and it folds to the quote."""
    text = before + passage + after
    quote = _fold(passage)
    assume(quote.strip() and quote not in text)
    found = closest_passage(text, quote)
    assert found is not None
    assert _fold(text[found.start:found.end]) in (quote, quote.strip())
    assert found.text == text[found.start:found.end]
    assert found.differs  # some fold was needed, and it is named


def test_the_differences_are_named() -> None:
    found = closest_passage("He said \u201cno\u201d \u2014 twice.", 'He said "no" - twice.')
    assert found is not None and found.start == 0
    assert found.differs == ("curly and straight quotes or apostrophes", "dashes and hyphens")
    assert found.describe() == (
        "the closest passage is 'He said \u201cno\u201d \u2014 twice.' (characters 0-21), "
        "which differs only in curly and straight quotes or apostrophes and dashes and "
        "hyphens")


def test_a_similar_passage_is_named_without_a_reason() -> None:
    text = "Earlier that day. The Security Council adopted the resolution. Later."
    found = closest_passage(text, "The Security Council adopts the resolution.")
    assert found is not None and found.differs == ()
    assert found.text.startswith("The Security Council adopted")


def test_nothing_close_is_none() -> None:
    assert closest_passage("Leaders met on Monday.", "zebras quarrel") is None
    assert closest_passage("", "anything") is None
    assert closest_passage("text", "   ") is None


def test_long_articles_are_searched_for_near_misses_only() -> None:
    """A 2 MB article: a typographic near-miss is found; mere similarity is not searched."""
    text = "filler  words\u00a0here. " * 100_000 + "The \u201cunique\u201d sentence."
    assert len(text) > LONG
    found = closest_passage(text, 'The "unique" sentence.')
    assert found is not None and found.text == "The \u201cunique\u201d sentence."
    assert found.start == text.index("The \u201cunique")
    assert closest_passage(text, "The unique sentences") is None


def test_a_long_quote_is_compared_by_its_start() -> None:
    text = "filler words here. " * 1_000 + "The unique sentence about the vote." + "x" * 10
    quote = "The unique sentence about the vote!" + " more" * 1_000
    found = closest_passage(text, quote)
    assert found is None or found.start == text.index("The unique")


@given(st.text(_ALPHABET, max_size=60))
def test_positions_map_back(text: str) -> None:
    folded = _Folded(text)
    assert len(folded.text) <= len(text)
    for at, char in enumerate(folded.text):
        assert _fold(text[folded.original(at)]) == char or char == " "
