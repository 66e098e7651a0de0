"""Drafting a long article costs work in proportion to its length (counted, not timed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline.model.claim as claim_module
from timeline.draft import statements
from timeline.draft.actors import find_actors
from timeline.draft.draft import _claim_for
from timeline.model.article import Article

#: A paragraph whose sentences come back: the same quote many times in one article, the
#: case where finding each quote's occurrence searched the whole text once a claim.
PARAGRAPH = ("The UN General Assembly voted on Monday. Ministers met in Paris on "
             "Tuesday, and the council will vote on Friday. The vote was held last week.\n")


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Counts the characters searched for quotes and the words classed."""
    counted: Counter[str] = Counter()
    search = claim_module.occurrences

    def occurrences(text: str, quote: str) -> list[int]:
        counted["searched"] += len(text)
        return search(text, quote)

    classify = statements._Clause._classify

    def classed(self: statements._Clause, i: int, *, sentence_first: bool
                ) -> tuple[str | None, bool]:
        counted["classed"] += 1
        return classify(self, i, sentence_first=sentence_first)

    monkeypatch.setattr(claim_module, "occurrences", occurrences)
    monkeypatch.setattr(statements._Clause, "_classify", classed)
    yield counted


def _draft_work(counted: Counter[str], copies: int) -> tuple[int, Counter[str]]:
    """The candidates of an article of ``copies`` paragraphs and their claims built again
    for events (``Draft.to_specs``'s path), with the work counted."""
    article = Article(id="long", title="Long", published="2025-02-26",
                      text=PARAGRAPH * copies)
    counted.clear()
    found = statements.extract(article, actors=find_actors(article.text))
    for candidate in found:
        _claim_for("e", candidate.claim, {article.id: article})
    return len(found), Counter(counted)


def test_work_grows_with_the_article(work: Counter[str]) -> None:
    small_count, small = _draft_work(work, 10)
    large_count, large = _draft_work(work, 80)
    assert small_count > 10 and large_count == 8 * small_count
    assert large["classed"] <= 8 * small["classed"] * 1.1
    # No quote is looked for in the whole text: each claim knows its span.
    assert large["searched"] <= 8 * max(small["searched"], len(PARAGRAPH) * 10) * 1.1


@given(st.text(alphabet="ab \n\t\u2028\u00a0x", max_size=14), st.integers(0, 14))
def test_words_before_reads_the_line_as_split_does(text: str, at: int) -> None:
    # A dateline is told by the words before it on its line; read backwards, so a text
    # of one long line is not split again for each of its dates (it was: quadratic).
    at = min(at, len(text))
    line = text.rfind("\n", 0, at) + 1
    assert min(2, len(text[line:at].split())) == statements._words_before(text, at, 2)
