"""``Claim.build(..., at=(start, end))``: a claim at a known span, checked, without a search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline.model.claim as claim_module
from timeline.errors import CorpusError
from timeline.model.article import Article
from timeline.model.claim import Claim

TEXT = "The council met on Monday. It voted. The council met on Monday. It adjourned."
ARTICLE = Article(id="a", title="A", published="2025-02-26", text=TEXT)
QUOTE = "The council met on Monday."


def test_at_gives_the_same_claim_as_occurrence() -> None:
    second = TEXT.index(QUOTE, 1)
    by_occurrence = Claim.build(ARTICLE, QUOTE, event="e", when="on Monday", occurrence=2)
    by_span = Claim.build(ARTICLE, QUOTE, event="e", when="on Monday",
                          at=(second, second + len(QUOTE)))
    assert by_span == by_occurrence
    assert by_span.span == (second, second + len(QUOTE))


def test_at_spares_the_search(monkeypatch: pytest.MonkeyPatch) -> None:
    searched: list[str] = []
    real = claim_module.occurrences
    monkeypatch.setattr(claim_module, "occurrences",
                        lambda text, quote: searched.append(quote) or real(text, quote))
    Claim.build(ARTICLE, QUOTE, event="e", when="on Monday", at=(0, len(QUOTE)))
    assert searched == []


@pytest.mark.parametrize(("at", "words"), [
    ((1, len(QUOTE) + 1), "does not hold the quote"),
    ((0, len(TEXT) + 5), "does not hold the quote"),
    ((-3, 5), "does not hold the quote"),
    ((0,), "expected a (start, end) pair"),
    (("0", "5"), "expected a (start, end) pair"),
    ((True, 5), "expected a (start, end) pair"),
])
def test_a_wrong_span_is_reported(at: object, words: str) -> None:
    with pytest.raises(CorpusError, match="at") as caught:
        Claim.build(ARTICLE, QUOTE, event="e", when="on Monday", at=at)  # type: ignore[arg-type]
    assert words in str(caught.value)


def test_at_and_occurrence_together_are_refused() -> None:
    with pytest.raises(CorpusError, match="either 'at' or 'occurrence'"):
        Claim.build(ARTICLE, QUOTE, event="e", when="on Monday", occurrence=1,
                    at=(0, len(QUOTE)))


@given(st.integers(0, len(TEXT)), st.integers(1, 40))
def test_any_span_of_the_text_builds_or_names_the_problem(start: int, length: int) -> None:
    end = min(len(TEXT), start + length)
    quote = TEXT[start:end]
    try:
        claim = Claim.build(ARTICLE, quote, event="e", date="2025-02-24", at=(start, end))
    except CorpusError as exc:
        assert not quote.strip() and "quote" in str(exc)  # only a blank quote is refused
    else:
        assert claim.span == (start, end) and TEXT[start:end] == claim.quote
