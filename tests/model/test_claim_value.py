"""``Claim.build(..., value=...)``: a ``when`` the caller has resolved already (#14)."""

from __future__ import annotations

from datetime import date

import pytest

import timeline.tagger.resolve as resolve_module
from timeline import resolve
from timeline.model.article import Article
from timeline.model.claim import Claim, Status

TEXT = "The council met on Monday. It will vote on Friday."
ARTICLE = Article(id="a", title="A", published="2025-02-26", text=TEXT)


@pytest.mark.parametrize(("quote", "when", "status", "tense"), [
    ("The council met on Monday.", "on Monday", Status.OCCURRED, "past"),
    ("It will vote on Friday.", "on Friday", Status.SCHEDULED, "future"),
    ("It will vote on Friday.", "on Friday", Status.SCHEDULED, "past"),
])
def test_a_value_given_is_the_claim_resolved(quote: str, when: str, status: Status,
                                            tense: str) -> None:
    default = "future" if status.pending else "past"
    told = None if tense == default else tense
    value = resolve(when, ARTICLE.published, tense=tense)
    resolved = Claim.build(ARTICLE, quote, event="e", when=when, status=status, tense=told)
    given = Claim.build(ARTICLE, quote, event="e", when=when, status=status, tense=told,
                        value=value)
    assert given == resolved
    assert given.value == value


def test_a_value_given_spares_the_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    value = resolve("on Monday", ARTICLE.published, tense="past")
    calls: list[str] = []
    real = resolve_module.resolve
    monkeypatch.setattr(resolve_module, "resolve",
                        lambda text, *a, **k: calls.append(text) or real(text, *a, **k))
    Claim.build(ARTICLE, "The council met on Monday.", event="e", when="on Monday",
                value=value)
    assert calls == []
    Claim.build(ARTICLE, "The council met on Monday.", event="e", when="on Monday")
    assert calls == ["on Monday"]


def test_a_value_without_when_is_not_used() -> None:
    friday = resolve("on Friday", ARTICLE.published, tense="future")
    claim = Claim.build(ARTICLE, "The council met on Monday.", event="e",
                        date=date(2025, 2, 24), value=friday)
    assert claim.value is not None and claim.value.value == "2025-02-24"
