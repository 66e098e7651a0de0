"""The TempEval-3 Task A scorer: gold against itself, a hand-made pair with known counts,
the one-to-one pairing, the error kinds, and a corpus run with a fake tagger and clock."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.tagger.scan import Mention
from timeline.time.value import TimeValue
from timeline.timeml.read import TimeMLError, Timex, read_timeml
from timeline.timeml.score import (
    Counts,
    ErrorCounts,
    Evaluation,
    Scored,
    evaluate,
    pair,
    score_document,
    timeml_files,
    value_error_kind,
)

TEXT = "On Monday the firm said sales rose in the third quarter, for two years, since 1990 daily."


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def gold(phrase: str, type: str, value: str, mod: str | None = None) -> Timex:
    return Timex(phrase, at(phrase), tid=f"t{TEXT.index(phrase)}", type=type, value=value,
                 mod=mod)


def system(phrase: str, type: str, value: str, mod: str | None = None,
           rule: str = "test.rule") -> Scored:
    start, end = at(phrase)
    return Scored(start, end, phrase, type, value, mod, rule)


GOLD = [
    gold("Monday", "DATE", "1998-02-09"),
    gold("the third quarter", "DATE", "1997-Q3"),
    gold("two years", "DURATION", "P2Y", "APPROX"),
    gold("1990", "DATE", "1990"),
    gold("daily", "SET", "P1D"),
]
SYSTEM = [
    system("On Monday", "DATE", "1998-02-16"),           # too long, wrong week: relaxed only
    system("firm", "DURATION", "P1Y"),                    # spurious
    system("sales", "DATE", "PRESENT_REF"),               # spurious
    system("the third quarter", "DATE", "1998-Q3"),       # strict, wrong year
    system("two years", "DATE", "P2Y"),                   # strict, wrong type and mod
    system("1990", "DATE", "1990"),                       # strict, all right
]                                                         # "daily" missed


def test_gold_against_itself_is_perfect() -> None:
    score = score_document(GOLD, GOLD, text=TEXT, file="x.tml")
    assert score.counts == Counts(gold=5, system=5, strict=5, relaxed=5, type=5, value=5, mod=5)
    assert score.disagreements == ()
    for figures in score.counts.measures().values():
        assert set(figures.values()) == {1.0}


def test_a_hand_made_pair_gives_the_exact_figures() -> None:
    score = score_document(GOLD, SYSTEM, text=TEXT, file="x.tml")
    counts = score.counts
    assert counts == Counts(gold=5, system=6, strict=3, relaxed=4, type=3, value=2, mod=3)
    measures = counts.measures()
    assert measures["strict"] == pytest.approx({"precision": 3 / 6, "recall": 3 / 5,
                                                "f1": 6 / 11})
    assert measures["relaxed"] == pytest.approx({"precision": 4 / 6, "recall": 4 / 5,
                                                 "f1": 8 / 11})
    assert measures["type"] == pytest.approx({"accuracy": 3 / 4, "f1": 6 / 11})
    assert measures["value"] == pytest.approx({"accuracy": 2 / 4, "f1": 4 / 11})
    assert measures["mod"] == pytest.approx({"accuracy": 3 / 4, "f1": 6 / 11})
    # Attribute F1 is accuracy over relaxed matches times relaxed F1.
    assert measures["value"]["f1"] == pytest.approx(2 / 4 * 8 / 11)
    assert [(d.category, d.kind, (d.gold or d.system).text)
            for d in score.disagreements] == [
        ("extent", "extent: too long", "Monday"),
        ("value", "value: wrong week (weekday)", "Monday"),
        ("spurious", "spurious: DURATION", "firm"),
        ("spurious", "spurious: DATE", "sales"),
        ("value", "value: wrong year", "the third quarter"),
        ("type", "type: DURATION as DATE", "two years"),
        ("mod", "mod: APPROX as none", "two years"),
        ("missed", "missed: SET", "daily"),
    ]


def test_mentions_are_scored_by_their_timex_extent() -> None:
    value = TimeValue.from_timex("1998-02-09")
    mention = Mention(0, 9, "On Monday", "date.signal", value, (3, 9))
    for text in (TEXT, ""):  # without the document's text, the mention's own gives it
        score = score_document(GOLD[:1], [mention], text=text)
        assert score.counts.strict == 1 and score.disagreements == ()
        assert score.pairs[0][1].rule == "date.signal" and score.pairs[0][1].text == "Monday"


def spans(*pairs: tuple[int, int]) -> list[Scored]:
    return [Scored(a, b, "x" * (b - a), "DATE", "1998", None) for a, b in pairs]


def test_the_pairing_has_the_most_pairs_not_the_greediest() -> None:
    # The first gold overlaps the second system TIMEX3 most, but that is the second gold's
    # only partner: taking it would leave a gold TIMEX3 unmatched that need not be.
    gold_spans = spans((0, 10), (11, 15))
    system_spans = spans((0, 3), (5, 12))
    assert pair(gold_spans, system_spans) == [(0, 0), (1, 1)]
    assert score_document(gold_spans, system_spans).counts.relaxed == 2


def test_the_pairing_prefers_an_exact_span_then_more_overlap() -> None:
    assert pair(spans((0, 5)), spans((2, 5), (0, 5))) == [(0, 1)]
    assert pair(spans((0, 10)), spans((0, 3), (4, 10))) == [(0, 1)]
    # One system TIMEX3 over two gold ones is one match, and one gold is missed.
    score = score_document(spans((0, 4), (5, 9)), spans((0, 9)))
    assert (score.counts.relaxed, score.counts.strict) == (1, 0)
    assert [d.category for d in score.disagreements] == ["extent", "missed"]


def test_strict_counts_identical_spans_whatever_the_pairing() -> None:
    # The relaxed pairing takes (0,5)-(0,5) and (4,9)-(3,9); strict counts (0,5) only.
    score = score_document(spans((0, 5), (4, 9)), spans((0, 5), (3, 9)))
    assert (score.counts.relaxed, score.counts.strict) == (2, 1)


def test_empty_gold_timexes_are_not_scored_and_nothing_is_perfect() -> None:
    empty = Timex("", (3, 3), tid="t1", type="DATE", value="1998")
    assert score_document([empty], []).counts == Counts()
    assert Counts().measures()["relaxed"]["f1"] == 1.0
    nothing_found = Counts(gold=2)
    assert nothing_found.measures()["relaxed"] == {"precision": 1.0, "recall": 0.0, "f1": 0.0}


@pytest.mark.parametrize(("gold_value", "system_value", "kind"), [
    ("1998-02-13", "1998-02-20", "value: wrong week (weekday)"),
    ("1998-02-13", "1997-02-13", "value: wrong year"),
    ("1998-02-13", "1998-02-12", "value: off by one day"),
    ("1998-02-13", "1998-02-03", "value: wrong day of month"),
    ("1998-02-13", "1998-03-02", "value: wrong date"),
    ("1998-02", "1997-02", "value: wrong year"),
    ("1998-02", "1998-03", "value: wrong month"),
    ("1998-W07", "1998-W08", "value: wrong week"),
    ("1998-Q1", "1998-Q2", "value: wrong quarter"),
    ("199", "198", "value: wrong decade"),
    ("1998-02", "1998-02-13", "value: wrong granularity (month vs day)"),
    ("1998-02-13", "1998-W07-5", "value: same interval, other form"),
    ("1998-02-13T14:26", "1998-02-13T14:26:00", "value: wrong granularity (minute vs second)"),
    ("1998-02-13T14:26", "1998-02-13T15:26", "value: wrong clock time"),
    ("1998-02-13T14:26", "1998-02-13T14:26-05:00", "value: time zone"),
    ("1998-02-13TEV", "1998-02-13TNI", "value: wrong part of day"),
    ("1998-02-13T14:26", "1998-02-20T14:26", "value: time on wrong week (weekday)"),
    ("1998-WXX", "1998-W08", "value: X digits vs number"),
    ("1998-W08", "1998-WXX", "value: number vs X digits"),
    ("P3Y", "1995", "value: duration vs date"),
    ("1995", "P3Y", "value: date vs duration"),
    ("P3Y", "P2Y", "value: wrong duration amount"),
    ("P3Y", "P3M", "value: wrong duration unit"),
    ("PXY", "P3Y", "value: duration amount X vs number"),
    ("PRESENT_REF", "1998-02-13", "value: PRESENT_REF vs date"),
    ("1998", "PAST_REF", "value: date vs PAST_REF"),
    ("PAST_REF", "FUTURE_REF", "value: PAST_REF vs FUTURE_REF"),
    ("nonsense", "1998", "value: other vs date"),
    (None, "1998", "value: none vs some"),
])
def test_value_error_kinds(gold_value: str | None, system_value: str | None,
                           kind: str) -> None:
    assert value_error_kind(gold_value, system_value) == kind


# --- a corpus -----------------------------------------------------------------------------------

def timeml(dct: str, body: str) -> str:
    return (f'<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="{dct}">x</TIMEX3></DCT>'
            f"<TEXT>{body}</TEXT></TimeML>")


def fake_tagger(text: str, anchor: date | datetime) -> list[Mention]:
    """Tags the first word as the anchor's day, every time."""
    end = text.find(" ") if " " in text else len(text)
    if not text:
        return []
    value = TimeValue.from_timex(anchor.isoformat()[:10])
    return [Mention(0, end, text[:end], "fake.first-word", value, (0, end))]


def ticking(step: float) -> Iterator[float]:
    now = 0.0
    while True:
        yield now
        now += step


def test_evaluate_a_folder_with_a_fake_tagger_and_clock(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(timeml("1998-02-13", '<TIMEX3 tid="t1" type="DATE" '
                                           'value="1998-02-13">Today</TIMEX3> it rained.'))
    (tmp_path / "b.tml").write_text(timeml("1998-02-14", 'It <TIMEX3 tid="t1" type="DATE" '
                                           'value="1998-02-13">yesterday</TIMEX3>'))
    (tmp_path / "notes.txt").write_text("not TimeML")
    clock = ticking(0.5)
    evaluation = evaluate(timeml_files(tmp_path), tagger=fake_tagger,
                          clock=lambda: next(clock))
    assert len(evaluation.documents) == 2
    assert evaluation.counts == Counts(gold=2, system=2, strict=1, relaxed=1, type=1, value=1,
                                       mod=1)
    # Each tagger call takes one tick of the fake clock: 2 documents, 1 s, startup apart.
    assert evaluation.characters == len("Today it rained.") + len("It yesterday")
    assert evaluation.seconds == 1.0 and evaluation.startup_seconds == 0.5
    assert evaluation.characters_per_second == evaluation.characters
    kinds = evaluation.error_kinds()
    assert [(k.kind, k.count) for k in kinds] == [("missed: DATE", 1), ("spurious: DATE", 1)]
    assert kinds[0].example.file == "b.tml"
    report = evaluation.to_dict(errors=1)
    assert report["documents"] == 2 and report["relaxed"]["f1"] == 0.5
    assert [e["kind"] for e in report["errors"]] == ["missed: DATE"]


def test_evaluate_with_the_real_tagger(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(timeml("2025-02-25", 'The vote was on <TIMEX3 tid="t1" '
                                           'type="DATE" value="2025-02-24">Monday</TIMEX3>.'))
    evaluation = evaluate([tmp_path / "a.tml"])
    assert evaluation.counts == Counts(1, 1, 1, 1, 1, 1, 1)


def test_folders_without_timeml_and_documents_without_a_dct(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match=r"no \.tml files"):
        timeml_files(tmp_path)
    with pytest.raises(TimeMLError, match="not a directory"):
        timeml_files(tmp_path / "missing")
    (tmp_path / "a.tml").write_text("<TimeML><TEXT>no date here</TEXT></TimeML>")
    with pytest.raises(TimeMLError, match=r"a\.tml: no usable DCT to tag against \(it has none\)"):
        evaluate(timeml_files(tmp_path))
    assert read_timeml(tmp_path / "a.tml").dct is None


@pytest.mark.parametrize("content", [
    b'<?xml version="1.0" encoding="bogus"?><TimeML><TEXT>x</TEXT></TimeML>',
    b'<?xml version="1.0" encoding="utf-32"?><TimeML><TEXT>x</TEXT></TimeML>',
    b'<?xml version="1.0" encoding="UTF-16"?><TimeML><TEXT>x</TEXT></TimeML>',
])
def test_a_file_it_cannot_read_stops_eval_with_one_line_naming_it(content: bytes,
                                                                  tmp_path: Path) -> None:
    # #13: one such file aborted `timeline eval DIR` with a LookupError/ValueError traceback.
    # It stops the run (exit 1) rather than being skipped: a score never leaves a gold file out.
    from timeline.cli import run

    (tmp_path / "a.tml").write_text(timeml("2025-02-25", "on Monday"), encoding="utf-8")
    bad = tmp_path / "b.tml"
    bad.write_bytes(content)
    with pytest.raises(TimeMLError, match=re.escape(f"{bad}: ")):
        evaluate(timeml_files(tmp_path), tagger=fake_tagger)
    out, err = io.StringIO(), io.StringIO()
    assert run(["eval", str(tmp_path)], out=out, err=err) == 1
    assert out.getvalue() == ""
    assert err.getvalue().startswith(f"timeline: {bad}: ")
    assert err.getvalue().count("\n") == 1 and "Traceback" not in err.getvalue()


# --- error counts by cause (issue 15) -----------------------------------------------------------

def test_error_counts_of_the_hand_made_pair() -> None:
    # "firm" and "sales" overlap no gold; "daily" is overlapped by nothing; "On Monday"
    # is found but cut too long.
    score = score_document(GOLD, SYSTEM, text=TEXT, file="x.tml")
    assert score.error_counts == ErrorCounts(spurious=2, missed=1, extent=1)
    assert score_document(GOLD, GOLD).error_counts == ErrorCounts()


def test_a_system_timex_over_a_gold_one_found_is_split_not_spurious() -> None:
    # Gold (0,10) found as (0,3) and (4,10): one pair, cut short, and a piece left over that
    # overlaps gold, so it is no spurious timex.
    score = score_document(spans((0, 10)), spans((0, 3), (4, 10)))
    assert score.error_counts == ErrorCounts(extent=1, split=1)
    # One system TIMEX3 over two gold ones: the other gold one is merged, not missed.
    score = score_document(spans((0, 4), (5, 9)), spans((0, 9)))
    assert score.error_counts == ErrorCounts(extent=1, merged=1)


def test_error_counts_per_100_gold_and_groups() -> None:
    errors = ErrorCounts(spurious=1, missed=2, extent=3) + ErrorCounts(spurious=1)
    assert errors == ErrorCounts(2, 2, 3)
    assert errors.per_100_gold(8) == {"spurious": 25.0, "missed": 25.0, "extent": 37.5,
                                      "split": 0.0, "merged": 0.0}
    assert ErrorCounts(spurious=3).per_100_gold(0)["spurious"] is None
    documents = [score_document(GOLD, SYSTEM, text=TEXT, file=name)
                 for name in ("a1.tml", "b1.tml", "a2.tml")]
    groups = Evaluation(tuple(documents), 0, 0.0).groups(lambda file: file[0])
    assert [(g.name, g.documents, g.counts.gold, g.error_counts.spurious) for g in groups] == [
        ("a", 2, 10, 4), ("b", 1, 5, 2)]
    headline = groups[1].headline()
    assert list(headline) == ["gold", "spurious", "missed", "extent", "strict F1",
                              "relaxed F1", "type F1", "value F1"]
    assert headline["spurious"] == 40.0 and headline["relaxed F1"] == pytest.approx(800 / 11)
    assert groups[0].to_dict()["per_100_gold"]["missed"] == 20.0


@st.composite
def span_lists(draw: st.DrawFn) -> list[Scored]:
    starts = draw(st.lists(st.integers(0, 30), max_size=6))
    return spans(*((start, start + draw(st.integers(1, 8))) for start in starts))


@given(span_lists(), span_lists())
def test_error_counts_account_for_every_timex(gold_spans: list[Scored],
                                              system_spans: list[Scored]) -> None:
    score = score_document(gold_spans, system_spans)
    counts, errors = score.counts, score.error_counts
    assert counts.gold == counts.relaxed + errors.missed + errors.merged
    assert counts.system == counts.relaxed + errors.spurious + errors.split
    assert errors.extent == counts.relaxed - sum(g.span == s.span for g, s in score.pairs)
    assert errors.spurious == sum(not any(g.start < s.end and s.start < g.end
                                          for g in gold_spans) for s in system_spans)
