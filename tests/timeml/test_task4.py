"""SemEval-2015 Task 4: reading its documents, its timeline files, and its measure on a
hand-made pair whose counts are worked out below (independent of ../shared)."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.errors import CorpusError
from timeline.time.interval import Interval
from timeline.timeml.task4 import (
    EntityTimeline,
    PointGraph,
    Task4Error,
    TimelineRow,
    parse_timeline,
    read_task4,
    read_timeline,
    relations,
    score,
    score_timeline,
    task_date,
    timeline_file_name,
    write_timeline,
)

DOCUMENT = b"""<?xml version="1.0" encoding="utf-8"?>
<TimeML><DOCID>42</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2008-01-09">\
2008-01-09</TIMEX3></DCT>
<EXTRAINFO>AT&amp;T sues   Apple</EXTRAINFO>
<TEXT><s id="1">January 9 , 2008</s><s id="2">AT&amp;T  sued
Apple on <EVENT eid="e1">Monday</EVENT> .</s><s id="7">It accounts for 70 % .</s></TEXT>
</TimeML>
"""


def test_document_text_tokens_and_spans() -> None:
    doc = read_task4(DOCUMENT, name="42.tml")
    assert (doc.docid, doc.dct, doc.headline) == ("42", date(2008, 1, 9), "AT&T sues Apple")
    assert doc.text == "January 9, 2008\nAT&T sued Apple on Monday.\nIt accounts for 70%."
    for token in doc.tokens:
        assert doc.text[token.start:token.end] == token.text
    second = [t for t in doc.tokens if t.sentence == "2"]
    assert [(t.index, t.text) for t in second] == [
        (0, "AT&T"), (1, "sued"), (2, "Apple"), (3, "on"), (4, "Monday"), (5, ".")]


def test_document_text_is_printed_as_english_prints_it() -> None:
    """Issue 14: the tagger misread "February 24 , 1955"; tokens keep their spans."""
    text = (b'<TimeML><DOCID>7</DOCID><DCT><TIMEX3 value="2011-08-25"/></DCT><TEXT>'
            b'<s id="1">Jobs , born on February 24 , 1955 , said " it is n\'t Apple \'s '
            b'( or the Beatles \' ) call " .</s></TEXT></TimeML>')
    doc = read_task4(text)
    assert doc.text == ("Jobs, born on February 24, 1955, said \"it isn't Apple's "
                        "(or the Beatles') call\".")
    for token in doc.tokens:
        assert doc.text[token.start:token.end] == token.text
    assert [t.text for t in doc.tokens][-3:] == ["call", '"', "."]


def test_mentions_name_sentence_and_tokens() -> None:
    doc = read_task4(DOCUMENT)
    sued = doc.text.index("sued")
    assert doc.mention(sued, sued + 4) == "42-2-sued"
    assert doc.mention(sued + 1, sued + 2) == "42-2-sued"  # part of a token names the token
    assert doc.mention(sued, sued) == "42-2-sued"  # an empty span names the token it is in
    accounts = doc.text.index("accounts for")
    assert doc.mention(accounts, accounts + len("accounts for")) == "42-7-accounts_for"
    assert [t.text for t in doc.tokens_in(accounts, accounts + 10)] == ["accounts", "for"]
    space = doc.text.index(" sued")
    assert doc.tokens_in(space, space + 1) == ()
    assert doc.tokens_in(sued + 4, sued) == ()
    with pytest.raises(Task4Error, match=r"42\.tml.*hold no token"):
        read_task4(DOCUMENT, name="42.tml").mention(space, space + 1)
    newline = doc.text.index("\nIt")
    with pytest.raises(Task4Error, match="across sentences 2, 7"):
        doc.mention(newline - 1, newline + 2)


@pytest.mark.parametrize(("document", "message"), [
    (DOCUMENT.replace(b"<DOCID>42</DOCID>", b""), "no <DOCID>"),
    (DOCUMENT.replace(b'value="2008-01-09"', b'value="2008-W02"'), "no DCT"),
    (DOCUMENT.replace(b'<s id="7">', b"<s>"), "a sentence with no id"),
    (DOCUMENT.replace(b'<s id="7">', b'<s id="2">'), "two sentences with id '2'"),
    (DOCUMENT.replace(b"<TimeML>", b"<!DOCTYPE x [<!ENTITY a 'b'>]><TimeML>"), "refused"),
    (DOCUMENT.replace(b"</TEXT>", b""), "not well-formed"),
])
def test_document_errors_name_the_file(document: bytes, message: str) -> None:
    with pytest.raises(Task4Error, match=f"^bad.tml: .*{message}") as caught:
        read_task4(document, name="bad.tml")
    assert isinstance(caught.value, CorpusError)
    assert caught.value.file == "bad.tml"


def test_a_path_is_read_and_named(tmp_path: Path) -> None:
    path = tmp_path / "42.tml"
    path.write_bytes(DOCUMENT)
    assert read_task4(path).name == str(path)
    path.write_bytes(DOCUMENT.replace(b"<DOCID>42</DOCID>", b""))
    with pytest.raises(Task4Error, match=f"^{path}: no <DOCID>"):
        read_task4(path)


# --- timeline files -----------------------------------------------------------------------------

def test_file_name_and_format() -> None:
    assert timeline_file_name("Beatles Apple Corps") == "beatles_apple_corps.txt"
    timeline = EntityTimeline("iPhone 3G", (
        TimelineRow(1, "2008-06-09", ("12315-2-launched", "12315-3-launching")),
        TimelineRow(0, "XXXX-XX-XX", ("12315-4-provide",))))
    text = write_timeline(timeline)
    assert text == ("iPhone 3G\n1\t2008-06-09\t12315-2-launched\t12315-3-launching\n"
                    "0\tXXXX-XX-XX\t12315-4-provide\n")
    assert timeline.file_name == "iphone_3g.txt"


words = st.text(st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")),
                min_size=1, max_size=12).filter(lambda w: not any(c.isspace() for c in w))
rows = st.builds(TimelineRow, st.integers(0, 40), words, st.lists(words, min_size=1, max_size=4))
entities = st.lists(words, min_size=1, max_size=3).map(" ".join)


@given(st.builds(EntityTimeline, entities, st.lists(rows, max_size=8)))
def test_write_then_read_is_identity(timeline: EntityTimeline) -> None:
    assert parse_timeline(write_timeline(timeline)) == timeline


def test_read_timeline_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "ipod.txt"
    path.write_text("iPod\n\n1\t2006-01\t4678-5-use\r\n", encoding="utf-8")
    assert read_timeline(path) == EntityTimeline(
        "iPod", (TimelineRow(1, "2006-01", ("4678-5-use",)),))


@pytest.mark.parametrize(("text", "where"), [
    ("", "the first line must name the entity"),
    ("iPod\n1\t2006-01\n", "line 2: expected ORDER<TAB>DATE<TAB>MENTION"),
    ("iPod\n1\t2006-01\t4678-5-use\none\t2006\tx-1-y\n", "line 3: ORDER must be a whole"),
    ("iPod\n-1\t2006\tx-1-y\n", "line 2: ORDER must be a whole"),
    ("iPod\n1\t2006\tx-1-y\t\tz-2-w\n", "line 2: expected"),
    ("iPod\n1\t2006 01\tx-1-y\n", "line 2: date must be a non-empty string"),
])
def test_timeline_errors_name_file_and_line(text: str, where: str) -> None:
    with pytest.raises(Task4Error, match=f"^ipod.txt: {where}"):
        parse_timeline(text, name="ipod.txt")


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "ipod.txt"
    path.write_bytes(b"iPod\n1\t2006\t\xff-1-x\n")
    with pytest.raises(Task4Error, match=r"ipod\.txt: not UTF-8"):
        read_timeline(path)


# --- the measure --------------------------------------------------------------------------------

GOLD = """E
1\t2008\td-1-a
2\t2009\td-2-b
3\t2009\td-3-c
"""
SYSTEM = """E
0\tXXXX-XX-XX\td-9-z
1\t2008\td-1-a
2\t2009\td-3-c
2\t2010\td-4-x
"""


def test_hand_made_pair() -> None:
    # Gold relations, in the order they are added (t2008 is the node of DATE 2008):
    #   a = t2008, b = t2009, c = t2009       each new, added
    #   a BEFORE b                            nothing relates a and b yet: added
    #   b BEFORE c                            b = t2009 = c already: a violation, not added
    #                                         to the graph but counted, as the script does
    #   -> 5 reduced gold relations.
    # System relations (ORDER 0 left out):
    #   a = t2008, c = t2009, x = t2010       added
    #   a BEFORE c                            added
    #   c = x (both ORDER 2)                  added
    #   -> 5 reduced system relations.
    # Precision: a = t2008 and c = t2009 the gold states; a BEFORE c follows from the gold's
    #   closure (a before b, b = t2009 = c); x = t2010 and c = x do not: P = 3/5.
    # Recall: a = t2008 and c = t2009 the system states; b = t2009, a BEFORE b and b BEFORE c
    #   name b, which the system lacks: R = 2/5.  F1 = 2 * 3/5 * 2/5 / (3/5 + 2/5) = 12/25.
    result = score_timeline(parse_timeline(SYSTEM), parse_timeline(GOLD))
    assert (result.system, result.system_found, result.gold, result.gold_found) == (5, 3, 5, 2)
    assert result.precision == pytest.approx(3 / 5)
    assert result.recall == pytest.approx(2 / 5)
    assert result.f1 == pytest.approx(12 / 25)


def test_relations_follow_the_scripts_line_order() -> None:
    # Lines sort with numbers compared as numbers: ORDER 10 after ORDER 9, and within one
    # ORDER by DATE then mention; the date links come before the chain.
    timeline = parse_timeline("E\n10\t2001\tm-2-b\n9\t2000\tm-1-a\n9\t2000\tm-1-Z\n")
    event = [r for r in relations(timeline) if r[2][0] == "event"]
    assert [(kind, x[1], y[1]) for kind, x, y in event] == [
        ("SIMULTANEOUS", "m-1-Z", "m-1-a"), ("BEFORE", "m-1-a", "m-2-b")]
    assert [r[0] for r in relations(timeline)][:3] == ["SIMULTANEOUS"] * 3


def test_missing_and_extra_files(tmp_path: Path) -> None:
    gold, system = tmp_path / "gold", tmp_path / "system"
    gold.mkdir()
    system.mkdir()
    (gold / "e.txt").write_text(GOLD, encoding="utf-8")
    (gold / "f.txt").write_text(GOLD.replace("E\n", "F\n"), encoding="utf-8")
    (system / "e.txt").write_text(SYSTEM, encoding="utf-8")
    (system / "other.txt").write_text(SYSTEM, encoding="utf-8")
    result = score(system, gold)
    assert [(t.file, t.missing) for t in result.timelines] == [("e.txt", False), ("f.txt", True)]
    assert result.precision == pytest.approx(3 / 5)
    assert result.recall == pytest.approx(2 / 10)  # f.txt's 5 gold relations, none found
    with pytest.raises(Task4Error, match=r"no \.txt timeline files"):
        score(system, tmp_path)  # holds folders only


@given(st.lists(st.tuples(st.integers(0, 6), st.sampled_from(["2001", "2002", "XXXX-XX-XX"]),
                          st.lists(st.sampled_from("abcdefg"), min_size=1, max_size=3)),
                min_size=1, max_size=10), st.randoms(use_true_random=False))
def test_laws(lines: list[tuple[int, str, list[str]]], rng: random.Random) -> None:
    timeline = EntityTimeline("E", [TimelineRow(order, day, [f"d-1-{m}" for m in ms])
                                    for order, day, ms in lines])
    itself = score_timeline(timeline, timeline)
    if itself.gold:  # a timeline against itself finds everything
        assert itself.precision == itself.recall == 1.0
    else:  # nothing placed in time: no relation at all
        assert all(order == 0 for order, _, _ in lines)
    shuffled = list(timeline.rows)
    rng.shuffle(shuffled)
    again = score_timeline(EntityTimeline("E", shuffled), timeline)
    assert (again.precision, again.recall) == (itself.precision, itself.recall)


def test_point_graph_closure() -> None:
    x, y, z = ("event", "x", "0"), ("event", "y", "0"), ("event", "z", "0")
    graph = PointGraph()
    assert graph.add(("BEFORE", x, y)) == "added"
    assert graph.add(("SIMULTANEOUS", y, z)) == "added"
    assert graph.implies(("BEFORE", x, z))
    assert not graph.implies(("BEFORE", z, x))
    assert graph.add(("BEFORE", x, z)) == "implied"
    assert graph.add(("BEFORE", z, x)) == "violated"
    assert graph.add(("SIMULTANEOUS", x, z)) == "violated"
    assert not graph.implies(("SIMULTANEOUS", x, ("date", "2001")))


@pytest.mark.parametrize(("start", "end", "written"), [
    (date(2008, 6, 9), date(2008, 6, 10), "2008-06-09"),
    (date(2008, 12, 1), date(2009, 1, 1), "2008-12"),
    (date(2008, 1, 1), date(2009, 1, 1), "2008"),
    (date(2008, 1, 1), date(2008, 1, 3), "XXXX-XX-XX"),  # two days
    (date(2008, 1, 2), date(2009, 1, 2), "XXXX-XX-XX"),  # a year's length, not a year
    (date(2008, 1, 1), None, "XXXX-XX-XX"),
])
def test_task_date(start: date, end: date | None, written: str) -> None:
    assert task_date(Interval.of(start, end)) == written


def test_task_date_of_a_moment_and_of_nothing() -> None:
    minute = Interval(datetime(2008, 1, 7, 15, 0), datetime(2008, 1, 7, 15, 1))
    assert task_date(minute) == task_date(None) == "XXXX-XX-XX"
