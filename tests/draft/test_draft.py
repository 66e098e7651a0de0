"""``Draft``: narrowing (top, about), event specs that load back, and the views."""

from __future__ import annotations

import json
import tempfile
from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from made_candidates import ACTORS, Said, corpora, write

import timeline
from timeline.draft.candidate import Candidate
from timeline.draft.draft import Draft, marked, quote_marks
from timeline.errors import CorpusError
from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.model.save import events_toml, save_corpus

GA = "the UN General Assembly"
SC = "the Security Council"


def _story() -> Draft:
    """Three articles: the Assembly's vote in all three, the Council's in one, a visit
    planned in one."""
    made: list[Candidate] = []
    articles = []
    for n, published in enumerate((date(2025, 2, 25), date(2025, 2, 25), date(2025, 2, 26))):
        statements = [Said("24 February 2025", "adopted", "adopt", (GA,), words=("resolution",))]
        if n == 0:
            statements.append(Said("24 February 2025", "adopted", "adopt", (SC,),
                                   words=("resolution",)))
        if n == 2:
            statements.append(Said("2025", "visit", "visit", ("Keir Starmer",),
                                   status=Status.SCHEDULED))
        article, candidates = write(f"a{n}", published, statements)
        articles.append(article)
        made.extend(candidates)
    return Draft.from_candidates(made, articles)


def test_a_draft_of_a_story() -> None:
    draft = _story()
    assert len(draft) == 3 and list(draft) == list(draft.events)
    assert [e.reports for e in draft] == [1, 1, 3]  # the year's visit sorts first
    assert [a.id for a in draft.articles] == ["a0", "a1", "a2"]
    assert draft.events[0].status is Status.SCHEDULED
    council, assembly = draft.events[1], draft.events[2]
    assert draft.maybe_same == {council.id: (assembly.id,), assembly.id: (council.id,)}
    assert len(draft.fingerprints) == 5
    assert repr(draft) == "<Draft: 3 events from 3 articles>"
    assert repr(assembly) == ("<DraftEvent 'the-un-general-assembly-adopted': "
                              "[2025-02-24, 2025-02-25) [occurred], 3 candidates from "
                              "3 articles>")


def test_events_are_in_time_order_unknown_last() -> None:
    article, candidates = write("a", date(2025, 2, 25), [
        Said(None, "adopted", "adopt", (GA,)), Said("23 February 2025", "met", "meet", (SC,)),
        Said("February 2025", "signed", "sign", ("Russia",))])
    draft = Draft.from_candidates(candidates, [article])
    assert [e.lemma for e in draft] == ["sign", "meet", "adopt"]
    assert draft.events[-1].interval is None


def test_top_keeps_the_most_reported() -> None:
    draft = _story()
    top = draft.top(1)
    assert [e.reports for e in top] == [3]
    assert top.maybe_same == {}  # its suggestion named an event left out
    assert len(draft.top(0)) == 0 and draft.top(10) == draft
    with pytest.raises(ValueError, match="top"):
        draft.top(-1)


def test_about_keeps_an_entitys_events() -> None:
    draft = _story()
    assert [e.lemma for e in draft.about("Starmer")] == ["visit"]
    assert [e.lemma for e in draft.about("the U.N. General Assembly", "keir starmer")] == [
        "visit", "adopt"]
    assert len(draft.about("Macron")) == 0


def test_about_names_an_organisation_under_a_longer_name() -> None:
    """Issue 14: the SemEval entity "Beatles Apple Corps" is the article's "Apple Corps"."""
    article = Article(id="a", title="t", published=date(2025, 2, 25),
                      text="Apple Corps sued Globex Inc. on Monday.")
    draft = timeline.draft.draft([article])
    assert [e.lemma for e in draft.about("Beatles Apple Corps")] == ["sued"]
    assert [e.lemma for e in draft.about("Globex")] == ["sued"]
    assert len(draft.about("Beatles")) == 0


def test_about_own_keeps_the_entitys_own_reports() -> None:
    """An event two articles report, one naming the entity: ``own`` keeps that one."""
    articles = [Article(id="a", title="t", published=date(2025, 2, 25),
                        text="Acme Corp. sued Globex Inc. on Monday."),
                Article(id="b", title="t", published=date(2025, 2, 25),
                        text="Globex Inc. was sued on Monday.")]
    draft = timeline.draft.draft(articles)
    (whole,) = draft.about("Acme Corp").events
    assert whole.articles == ("a", "b")
    (own,) = draft.about("Acme Corp", own=True).events
    assert [c.article for c in own.candidates] == ["a"] and own.reports == 1
    assert (own.id, own.interval, own.title) == (whole.id, whole.interval, whole.title)
    assert draft.about("Globex", own=True).events[0].reports == 2


def test_happened_leaves_out_what_is_scheduled() -> None:
    draft = _story()
    assert [e.lemma for e in draft.happened()] == ["adopt", "adopt"]
    assert all(not e.status.pending for e in draft.happened())
    assert draft.happened().happened() == draft.happened()
    assert [e.lemma for e in draft.about("Starmer").happened()] == []


def test_to_text_marks_the_time_the_event_word_and_the_actors() -> None:
    text = _story().to_text()
    assert text.startswith("Draft: 3 events from 3 articles\n")
    assert "{the UN General Assembly} *adopted* resolution in [24 February 2025]." in text
    assert "2025-02-24 | the UN General Assembly adopted | occurred | 3 reports" in text
    assert "maybe the same as the-un-general-assembly-adopted (0.50: time same day" in text


def test_marks_never_overlap() -> None:
    _, (candidate,) = write("a", date(2025, 2, 25), [Said("24 February 2025", "adopted",
                                                          "adopt", (GA,))])
    marks = quote_marks(candidate)
    assert [kind for _, _, kind in marks] == ["actor", "event", "when"]
    clash = candidate.__class__(**{**_fields(candidate),
                                   "event_span": candidate.when_span})
    assert [kind for _, _, kind in quote_marks(clash)] == ["actor", "when"]
    assert marked(clash).endswith("in [24 February 2025].")


def _fields(candidate: Candidate) -> dict[str, object]:
    return attrs.asdict(candidate, recurse=False)


def test_to_dict_and_json_show_scores_reasons_and_spans() -> None:
    draft = _story()
    data = json.loads(draft.to_json())
    assert data == draft.to_dict()
    assembly = data["events"][2]
    assert assembly["reports"] == 3 and assembly["time"] == "2025-02-24"
    assert assembly["interval"] == ["2025-02-24T00:00:00", "2025-02-25T00:00:00"]
    assert [m["score"] >= 0.6 for m in assembly["merges"]] == [True, True]
    assert {c["name"] for c in assembly["merges"][0]["cues"]} >= {"time", "lemma", "actors"}
    assert assembly["suggestions"][0]["event"] == data["events"][1]["id"]
    candidate = assembly["candidates"][0]
    assert candidate["when"] == "24 February 2025" and candidate["event"] == "adopted"
    assert candidate["value"]["value"] == "2025-02-24"
    quote_start = candidate["quote_span"][0]
    start, end = candidate["event_span"]
    assert candidate["quote"][start - quote_start:end - quote_start] == "adopted"
    assert candidate["actors"][0]["key"] == "un general assembly"


def test_html_highlights_and_escapes() -> None:
    article, candidates = write("a", date(2025, 2, 25), [
        Said("24 February 2025", "adopted", "adopt", ("<script>alert(1)</script>",))])
    html = Draft.from_candidates(candidates, [article])._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<mark style="background:#fff3b0">24 February 2025</mark>' in html
    assert '<b style="text-decoration:underline">adopted</b>' in html
    assert "Draft: 1 event from 1 article" in html


def test_to_specs_needs_the_articles() -> None:
    draft = _story()
    with pytest.raises(CorpusError, match="unknown article 'a2'"):
        Draft.of(draft.events, []).to_specs()


def test_a_repeated_quote_is_written_with_its_occurrence() -> None:
    text = "They voted on Monday. They voted on Monday."
    article = Article(id="r", title="Repeat", published="2025-02-25", text=text)
    candidates = []
    for occurrence in (1, 2):
        claim = Claim.build(article, "They voted on Monday.", event="draft", when="Monday",
                            occurrence=occurrence)
        start = claim.span[0]
        assert claim.value is not None
        candidates.append(Candidate(
            article="r", published=article.published, quote=claim.quote, quote_span=claim.span,
            when="Monday", when_span=claim.when_span, value=claim.value, event="voted",
            event_span=(start + 5, start + 10), lemma="vote", status=Status.OCCURRED,
            actors=(), title="They voted", content=frozenset({"vote"}), claim=claim))
    draft = Draft.from_candidates(candidates, [article])
    (spec,) = draft.to_specs()
    assert [c.span[0] for c in spec.claims] == [0, 22]
    assert "occurrence = 2" in events_toml(draft.to_specs(), {"r": article})


@settings(max_examples=40)
@given(corpora(), st.integers(0, 6))
def test_top_n_keeps_the_n_most_reported(corpus: tuple[list[Article], list[Candidate]],
                                         n: int) -> None:
    draft = Draft.from_candidates(corpus[1], corpus[0])
    top = draft.top(n)
    assert len(top) == min(n, len(draft))
    kept = {e.id for e in top}
    assert kept <= {e.id for e in draft}
    left = [e.reports for e in draft if e.id not in kept]
    assert all(e.reports >= max(left, default=0) for e in top)
    order = [e.id for e in draft if e.id in kept]
    assert [e.id for e in top] == order  # in time order, as the draft's


@settings(max_examples=40)
@given(corpora(), st.sampled_from([*ACTORS, "Macron", "the U.N. General Assembly", "Nobody"]))
def test_about_keeps_only_matching_events(corpus: tuple[list[Article], list[Candidate]],
                                          entity: str) -> None:
    draft = Draft.from_candidates(corpus[1], corpus[0])
    about = draft.about(entity)
    kept = {e.id for e in about}
    for event in draft:
        assert (event.id in kept) == any(a.named_by(entity) for a in event.actors)
    for event in about:
        assert all(s.event in kept for s in event.suggestions)


@settings(max_examples=25)
@given(corpora())
def test_specs_load_back(corpus: tuple[list[Article], list[Candidate]]) -> None:
    articles, candidates = corpus
    draft = Draft.from_candidates(candidates, articles)
    specs = draft.to_specs()
    assert [s.id for s in specs] == [e.id for e in draft]
    with tempfile.TemporaryDirectory() as folder:
        save_corpus(folder, articles, specs)
        loaded = timeline.load(folder)
    assert sorted(e.id for e in loaded.events) == sorted(e.id for e in draft)
    for event in draft:
        claims = loaded[event.id].claims
        assert {(c.article, c.quote, c.when) for c in claims} == {
            (c.article, c.quote, c.when) for c in event.candidates}
        assert all(c.event == event.id for c in claims)


def test_draft_of_nothing() -> None:
    draft = Draft.from_candidates([], [])
    assert len(draft) == 0 and draft.to_specs() == [] and draft.maybe_same == {}
    assert draft.to_text() == "Draft: 0 events from 0 articles\n"
