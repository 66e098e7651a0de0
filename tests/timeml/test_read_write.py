"""TimeML in and out: offsets, every attribute kept, untrusted input refused, write-back,
crossing tags clipped, and read -> write -> read lossless on generated documents."""

from __future__ import annotations

import os
import re
import socket
import warnings
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from timeline.tagger.scan import scan
from timeline.timeml.read import (
    MAX_DEPTH,
    Annotation,
    TimeMLDocument,
    TimeMLError,
    Timex,
    moment_of,
    parse_timeml,
    read_timeml,
)
from timeline.timeml.write import clip, plain_document, to_timeml, write_timeml

# A document laid out as TimeBank 1.2 lays them out: header, DCT, TEXT with inline EVENT and
# TIMEX3 tags, then MAKEINSTANCE and links after TEXT.
TIMEBANK_LIKE = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">

<DOCID>wsj_9999</DOCID>

<DCT><TIMEX3 tid="t0" type="DATE" value="1989-11-02" temporalFunction="false" \
functionInDocument="CREATION_TIME">11/02/89</TIMEX3></DCT>

<EXTRAINFO>
WSJ891102-0188 = 891102 891102-0188.
</EXTRAINFO>

<TEXT>
The company <EVENT eid="e1" class="REPORTING">said</EVENT> AT&amp;T <SIGNAL sid="s1">\
<EVENT eid="e2" class="OCCURRENCE">rose</EVENT></SIGNAL> \
<TIMEX3 tid="t1" type="DATE" value="1989-11-01" temporalFunction="true" \
functionInDocument="NONE" anchorTimeID="t0">yesterday</TIMEX3> and will \
<EVENT eid="e3" class="OCCURRENCE">close</EVENT> by \
<TIMEX3 tid="t2" type="DATE" value="1989-12-31" mod="END" foo="bar &quot;x&quot;">year-end\
</TIMEX3>, for <TIMEX3 tid="t3" type="DURATION" value="P3Y" beginPoint="t4" endPoint="t0" \
quant="EVERY" freq="1X">three years</TIMEX3>.
</TEXT>

<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0" />
<SLINK lid="l2" relType="EVIDENTIAL" eventInstanceID="ei1" subordinatedEventInstance="ei2" />
<ALINK lid="l3" relType="INITIATES" eventInstanceID="ei2" relatedToEventInstance="ei3" />

</TimeML>
"""


def test_reads_text_offsets_and_every_timex_attribute() -> None:
    doc = parse_timeml(TIMEBANK_LIKE, name="wsj_9999.tml")
    assert doc.name == "wsj_9999.tml"
    assert doc.text.startswith("\nThe company said AT&T rose yesterday")
    assert doc.dct == date(1989, 11, 2)
    assert doc.dct_timex is not None and doc.dct_timex.text == "11/02/89"
    assert doc.dct_timex.function_in_document == "CREATION_TIME" and doc.dct_timex.span is None
    t1, t2, t3 = doc.timexes
    for timex in doc.timexes:
        assert timex.span is not None and doc.text[slice(*timex.span)] == timex.text
    assert (t1.tid, t1.text, t1.type, t1.value, t1.anchor_time_id, t1.temporal_function,
            t1.function_in_document) == ("t1", "yesterday", "DATE", "1989-11-01", "t0", "true",
                                         "NONE")
    assert (t2.mod, dict(t2.other)) == ("END", {"foo": 'bar "x"'})
    assert (t3.begin_point, t3.end_point, t3.quant, t3.freq) == ("t4", "t0", "EVERY", "1X")
    assert t2.attributes == {"tid": "t2", "type": "DATE", "value": "1989-12-31", "mod": "END",
                             "foo": 'bar "x"'}


def test_inline_annotations_nested_and_in_order() -> None:
    doc = parse_timeml(TIMEBANK_LIKE)
    assert [(a.tag, a.text) for a in doc.annotations] == [
        ("EVENT", "said"), ("SIGNAL", "rose"), ("EVENT", "rose"), ("EVENT", "close")]
    signal, rose = doc.annotations[1:3]
    assert signal.span == rose.span and rose.attributes["eid"] == "e2"
    assert [link.tag for link in doc.links] == ["MAKEINSTANCE", "TLINK", "SLINK", "ALINK"]
    assert doc.links[1].attributes["relatedToTime"] == "t0"


def test_entities_and_line_ends_count_as_the_parser_delivers_them() -> None:
    doc = parse_timeml("<TimeML><TEXT>a&amp;b\r\nc&#13;<TIMEX3 tid='t1' type='DATE' "
                      "value='2025'>2025</TIMEX3></TEXT></TimeML>")
    assert doc.text == "a&b\nc\r2025"
    assert doc.timexes[0].span == (6, 10)
    assert doc.dct is None and doc.dct_timex is None


@pytest.mark.parametrize(("value", "moment"), [
    ("1998-01-08", date(1998, 1, 8)),
    ("1990-08-15T13:37", datetime(1990, 8, 15, 13, 37)),
    ("1998-02-13T14:26:00", datetime(1998, 2, 13, 14, 26)),
    ("2025-02-25T11:38-05:00", datetime(2025, 2, 25, 11, 38,
                                        tzinfo=timezone(timedelta(hours=-5)))),
    ("1998-01-08TEV", date(1998, 1, 8)),
    ("1998-W02", None),
    ("PRESENT_REF", None),
    ("1998-02-30", None),
])
def test_dct_values(value: str, moment: date | datetime | None) -> None:
    assert moment_of(value) == moment


def test_dct_from_a_creation_time_timex_when_there_is_no_dct_element() -> None:
    doc = parse_timeml('<TimeML><HEAD><TIMEX3 tid="t9" type="DATE" value="1990-08-15" '
                      'functionInDocument="CREATION_TIME">Aug 15</TIMEX3></HEAD>'
                      "<TEXT>x</TEXT></TimeML>")
    assert doc.dct == date(1990, 8, 15)


def test_reads_files_and_declared_encodings(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_bytes('<?xml version="1.0" encoding="ISO-8859-1"?>\n<TimeML><TEXT>café '
                     '<TIMEX3 tid="t1" type="DATE" value="2025">2025</TIMEX3></TEXT>'
                     '</TimeML>'.encode("latin-1"))
    doc = read_timeml(path)
    assert doc.name == str(path)
    assert doc.text == "café 2025" and doc.timexes[0].span == (5, 9)
    assert read_timeml(str(path)) == doc


@pytest.mark.parametrize(("document", "message"), [
    ('<?xml version="1.0"?><!DOCTYPE TimeML SYSTEM "timeml.dtd"><TimeML><TEXT/></TimeML>',
     "DOCTYPE"),
    ('<!DOCTYPE x [<!ENTITY a "aaaa">]><x><TEXT>&a;</TEXT></x>', "DOCTYPE"),
    ("<TimeML><TEXT>unclosed</TimeML>", "not well-formed XML"),
    ("<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT> element"),
    ("<TimeML><TEXT>" + "<EVENT>" * (MAX_DEPTH + 1) + "</EVENT>" * (MAX_DEPTH + 1)
     + "</TEXT></TimeML>", "nested more than"),
])
def test_refuses_what_it_cannot_read_with_one_message_naming_the_file(document: str,
                                                                      message: str) -> None:
    with pytest.raises(TimeMLError, match=message) as caught:
        parse_timeml(document, name="bad.tml")
    assert str(caught.value).startswith("bad.tml: ")


def test_entity_declarations_are_refused_even_without_a_doctype_name() -> None:
    with pytest.raises(TimeMLError, match="refused"):
        parse_timeml('<!DOCTYPE TimeML [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
                     "<TimeML><TEXT>&lol2;</TEXT></TimeML>")


# --- hostile input (#13) --------------------------------------------------------------------

def _declared(encoding: str, body: str = "<TimeML><TEXT>x</TEXT></TimeML>") -> bytes:
    return f'<?xml version="1.0" encoding="{encoding}"?>{body}'.encode()


@pytest.mark.parametrize("encoding", [
    "bogus",  # LookupError before #13
    "UTF-16",  # on UTF-8 bytes
    "utf-32", "utf-7", "shift_jis",  # multi-byte: ValueError before #13
    "rot13", "idna", "undefined",  # codecs that are not text encodings, or always fail
])
def test_an_encoding_it_cannot_read_is_a_timeml_error_naming_the_file(encoding: str,
                                                                      tmp_path: Path) -> None:
    # #13: one such file aborted `timeline eval DIR` with a traceback
    with pytest.raises(TimeMLError) as caught:
        parse_timeml(_declared(encoding), name="bad.tml")
    assert str(caught.value).startswith("bad.tml: ")
    path = tmp_path / "bad.tml"
    path.write_bytes(_declared(encoding))
    with pytest.raises(TimeMLError, match=re.escape(f"{path}: ")):
        read_timeml(path)


def test_encodings_it_can_read_are_read() -> None:
    body = "<TimeML><TEXT>€ café</TEXT></TimeML>"
    assert parse_timeml(_declared("cp1252", "") + body.encode("cp1252")).text == "€ café"
    utf16 = f'<?xml version="1.0" encoding="UTF-16"?>{body}'.encode("utf-16")
    assert parse_timeml(utf16).text == "€ café"
    # a str is decoded already: whatever its declaration says, it is read as it is (#13)
    assert parse_timeml(f'<?xml version="1.0" encoding="utf-32"?>{body}').text == "€ café"


def test_a_lone_surrogate_is_a_timeml_error() -> None:
    # #13: a UnicodeEncodeError before
    with pytest.raises(TimeMLError, match=r"character 16: a lone surrogate \(U\+D800\)"):
        parse_timeml("<TimeML><TEXT>ab\ud800</TEXT></TimeML>", name="s.tml")


def test_paths_and_texts_come_through_distinct_parameters(tmp_path: Path) -> None:
    # #13: a string not starting with "<" was guessed to be a path, one starting with it text
    path = tmp_path / "doc.tml"
    path.write_text(TIMEBANK_LIKE, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        by_path = read_timeml(str(path))
        assert read_timeml(path) == by_path
        assert read_timeml(path.read_bytes(), name=str(path)) == by_path
        assert parse_timeml(TIMEBANK_LIKE, name=str(path)) == by_path
    with pytest.warns(DeprecationWarning, match="parse_timeml"):
        assert read_timeml(TIMEBANK_LIKE, name=str(path)) == by_path
    with pytest.raises(FileNotFoundError):
        read_timeml("Vote on <TIMEX3>Tuesday</TIMEX3>")  # a path, never guessed to be text


def test_a_path_that_is_no_regular_file_is_a_timeml_error(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match="NUL"):
        read_timeml("a\x00b.tml")
    with pytest.raises(TimeMLError, match="not a regular file"):
        read_timeml(tmp_path)
    fifo = tmp_path / "fifo.tml"
    os.mkfifo(fifo)
    with pytest.raises(TimeMLError, match="not a regular file"):  # never blocks on it
        read_timeml(fifo)
    with pytest.raises(TimeMLError, match="str or bytes"):
        parse_timeml(3, name="x")  # type: ignore[arg-type]


SECRET = "s3cret-of-the-host"

#: The classic XML attacks (#13), as the audit ran them (defusedxml's list and more): each is
#: refused, or read with nothing fetched, expanded or included. ``{secret}`` is a local file.
ATTACKS: list[tuple[str, str, str]] = [
    ("billion laughs", "refused",
     '<!DOCTYPE TimeML [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
     '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
     "<TimeML><TEXT>&d;</TEXT></TimeML>"),
    ("quadratic blowup", "refused",
     f'<!DOCTYPE TimeML [<!ENTITY a "{"x" * 50_000}">]><TimeML><TEXT>{"&a;" * 2_000}'
     "</TEXT></TimeML>"),
    ("external entity, local file", "refused",
     '<!DOCTYPE TimeML [<!ENTITY x SYSTEM "file://{secret}">]><TimeML><TEXT>&x;</TEXT>'
     "</TimeML>"),
    ("external entity, remote", "refused",
     '<!DOCTYPE TimeML [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]><TimeML><TEXT>&x;</TEXT>'
     "</TimeML>"),
    ("external parameter entity (out of band)", "refused",
     '<!DOCTYPE TimeML [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>'
     "<TimeML><TEXT>x</TEXT></TimeML>"),
    ("internal parameter entity", "refused",
     '<!DOCTYPE TimeML [<!ENTITY % p "<!ENTITY x \'y\'>"> %p;]><TimeML><TEXT>&x;</TEXT>'
     "</TimeML>"),
    ("DTD retrieval, SYSTEM", "refused",
     '<!DOCTYPE TimeML SYSTEM "file://{secret}"><TimeML><TEXT>x</TEXT></TimeML>'),
    ("DTD retrieval, PUBLIC", "refused",
     '<!DOCTYPE TimeML PUBLIC "-//X//EN" "http://127.0.0.1:9/t.dtd"><TimeML><TEXT>x</TEXT>'
     "</TimeML>"),
    ("entity in an attribute default", "refused",
     '<!DOCTYPE TimeML [<!ENTITY x SYSTEM "file://{secret}"><!ATTLIST TEXT a CDATA "&x;">]>'
     "<TimeML><TEXT>x</TEXT></TimeML>"),
    ("undeclared entity reference", "refused",
     "<TimeML><TEXT>&secret;</TEXT></TimeML>"),
    ("XInclude inside TEXT", "read",
     '<TimeML><TEXT>a<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
     'href="file://{secret}" parse="text"/>b</TEXT></TimeML>'),
    ("XInclude in the header", "read",
     '<TimeML xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file://{secret}" '
     'parse="text"/><TEXT>ab</TEXT></TimeML>'),
    ("XSLT stylesheet", "read",
     '<?xml-stylesheet type="text/xsl" href="file://{secret}"?><TimeML><TEXT>ab</TEXT>'
     "</TimeML>"),
    ("schema location", "read",
     '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
     'xsi:noNamespaceSchemaLocation="file://{secret}"><TEXT>ab</TEXT></TimeML>'),
    ("deep nesting", "refused",
     "<TimeML><TEXT>" + "<a>" * 100_000 + "</a>" * 100_000 + "</TEXT></TimeML>"),
    ("UTF-7 declared (script smuggling)", "refused",
     '<?xml version="1.0" encoding="UTF-7"?><TimeML><TEXT>+ADw-script+AD4-</TEXT></TimeML>'),
]


@pytest.mark.parametrize(("attack", "outcome", "document"), ATTACKS,
                         ids=[a[0] for a in ATTACKS])
def test_xml_attacks_are_refused_or_harmless(attack: str, outcome: str, document: str,
                                             tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"{attack}: the reader opened a socket")

    monkeypatch.setattr(socket, "socket", no_network)
    source = document.replace("{secret}", str(secret)).encode("utf-8")
    try:
        doc = parse_timeml(source, name="attack.tml")
    except TimeMLError as exc:
        assert outcome == "refused", f"{attack}: {exc}"
        assert str(exc).startswith("attack.tml: ")
        return
    assert outcome == "read", attack
    assert doc.text == "ab"
    assert SECRET not in write_timeml(doc, doc.timexes)


# --- writing -------------------------------------------------------------------------------------

def test_gold_written_back_reads_back_the_same_and_is_valid_xml() -> None:
    doc = parse_timeml(TIMEBANK_LIKE)
    written = write_timeml(doc, doc.timexes)
    ET.fromstring(written.encode("utf-8"))
    assert parse_timeml(written) == doc
    assert "<DOCID>wsj_9999</DOCID>" in written
    assert '<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0" />' \
        in written


def test_system_timexes_replace_gold_and_keep_everything_else() -> None:
    doc = parse_timeml(TIMEBANK_LIKE)
    mentions = scan(doc.text, date(1989, 11, 2))
    written = write_timeml(doc, mentions)
    back = parse_timeml(written)
    assert [t.span for t in back.timexes] == [m.extent for m in mentions]
    assert [t.value for t in back.timexes] == [m.value.value for m in mentions]
    assert back.dct_timex == doc.dct_timex
    assert back.annotations == doc.annotations  # no crossing here
    assert back.links == doc.links and back.text == doc.text
    # New ids start above every id in use or named (t0..t4 above), so no old link names them.
    assert [t.tid for t in back.timexes] == [f"t{5 + i}" for i in range(len(mentions))]


def test_a_crossing_tag_is_clipped_to_its_part_outside_the_timex() -> None:
    doc = parse_timeml('<TimeML><TEXT>by <EVENT eid="e1">year-end</EVENT> of the '
                      '<EVENT eid="e2">old year</EVENT> now</TEXT></TimeML>')
    assert doc.text == "by year-end of the old year now"
    end_of_year = Timex("end of the old", (8, 22), tid="t1", type="DATE", value="1989")
    back = parse_timeml(write_timeml(doc, [end_of_year]))
    assert back.timexes[0].span == (8, 22)
    assert [(a.attributes["eid"], a.text) for a in back.annotations] == [
        ("e1", "year-"), ("e2", " year")]
    assert clip((3, 11), [(8, 22)]) == (3, 8) and clip((19, 27), [(8, 22)]) == (22, 27)


def test_tags_inside_or_around_a_timex_stay_whole() -> None:
    doc = parse_timeml('<TimeML><TEXT><EVENT eid="e1">the war of 1812</EVENT> and '
                      '<SIGNAL sid="s1">on</SIGNAL> Monday</TEXT></TimeML>')
    timexes = [Timex("1812", (11, 15), tid="t1", type="DATE", value="1812"),
               Timex("on Monday", (20, 29), tid="t2", type="DATE", value="1812-06-01")]
    back = parse_timeml(write_timeml(doc, timexes))
    assert back.annotations == doc.annotations
    assert [t.span for t in back.timexes] == [(11, 15), (20, 29)]


@pytest.mark.parametrize(("timexes", "message"), [
    ([Timex("a", (0, 5)), Timex("b", (3, 8))], "cross"),
    ([Timex("a", (0, 50))], "outside the text"),
    ([Timex("a", None)], "no span"),
])
def test_timexes_that_cannot_be_written(timexes: list[Timex], message: str) -> None:
    doc = parse_timeml("<TimeML><TEXT>0123456789</TEXT></TimeML>", name="x.tml")
    with pytest.raises(TimeMLError, match=message):
        write_timeml(doc, timexes)


def test_plain_text_as_minimal_timeml() -> None:
    text = "Votes \x0c on Monday & <Tuesday>\r\nend"
    anchor = datetime(2025, 2, 25, 11, 38)
    mentions = scan(text, anchor)
    written = to_timeml(text, mentions, anchor)
    ET.fromstring(written.encode("utf-8"))
    back = parse_timeml(written)
    assert back.text == text.replace("\x0c", "\ufffd")  # offsets hold, XML holds
    assert back.dct == anchor and back.dct_timex is not None
    assert back.dct_timex.value == "2025-02-25T11:38" and back.dct_timex.type == "TIME"
    assert [(t.span, t.value) for t in back.timexes] == [
        (m.extent, m.value.value) for m in mentions]
    assert back.timexes[0].text == "Monday"
    assert plain_document("x").dct is None


# --- read -> write -> read is lossless ----------------------------------------------------------

# A small alphabet (generating from all of Unicode costs seconds): markup characters,
# quotes, line ends and tabs, accented, astral and non-breaking characters.
_TEXT = st.text(st.sampled_from(list('ab é\u00a0\u20ac\U0001F600&<>"\'\r\n\t];')), max_size=12)
_NAMES = st.sampled_from(["tid", "type", "value", "mod", "anchorTimeID", "quant", "freq",
                          "beginPoint", "functionInDocument", "eid", "class", "x-note", "k"])
_ATTRIBUTES = st.dictionaries(_NAMES, _TEXT, max_size=4)


def _attributes(attributes: dict[str, str]) -> str:
    return "".join(f" {name}={quoteattr(value)}" for name, value in attributes.items())


@st.composite
def _content(draw: st.DrawFn, depth: int = 0) -> str:
    """Text with TIMEX3, EVENT and SIGNAL tags, nested up to two deep, escaped as a file would
    be (a carriage return as a reference or literally, which a parser reads as a newline)."""
    pieces = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["text", "TIMEX3", "EVENT", "SIGNAL", "empty"]))
        raw = draw(_TEXT)
        text = escape(raw, {"\r": "&#13;"} if draw(st.booleans()) else {})
        if kind == "text":
            pieces.append(text)
        elif kind == "empty":
            pieces.append(f"<EVENT{_attributes(draw(_ATTRIBUTES))}/>")
        else:
            inner = text + (draw(_content(depth + 1)) if depth < 2 else "")
            pieces.append(f"<{kind}{_attributes(draw(_ATTRIBUTES))}>{inner}</{kind}>")
    return "".join(pieces)


@st.composite
def _documents(draw: st.DrawFn) -> str:
    dct = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
    links = "".join(f"<TLINK{_attributes(draw(_ATTRIBUTES))} />\n"
                    for _ in range(draw(st.integers(0, 2))))
    comment = "<!-- a comment -->\n" if draw(st.booleans()) else ""
    return (f'<?xml version="1.0" ?>\n{comment}<TimeML>\n<DOCID>{escape(draw(_TEXT))}</DOCID>\n'
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}">{dct}</TIMEX3></DCT>\n'
            f"<TEXT>{draw(_content())}</TEXT>\n{links}</TimeML>\n")


@settings(deadline=None)
@given(_documents())
def test_read_write_read_is_lossless(source: str) -> None:
    doc = parse_timeml(source, name="generated.tml")
    written = write_timeml(doc, doc.timexes)
    assert parse_timeml(written, name="generated.tml") == doc
    assert write_timeml(parse_timeml(written), doc.timexes) == written


@st.composite
def _with_timexes(draw: st.DrawFn) -> tuple[TimeMLDocument, list[Timex]]:
    doc = parse_timeml(draw(_documents()))
    cuts = sorted(draw(st.lists(st.integers(0, len(doc.text)), max_size=6)))
    timexes = [Timex(doc.text[a:b], (a, b), tid=f"t{100 + i}", type="DATE", value="2025")
               for i, (a, b) in enumerate(zip(cuts[::2], cuts[1::2], strict=False))]
    return doc, timexes


def _crosses(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[0] < a[1] < b[1] or b[0] < a[0] < b[1] < a[1]


@settings(deadline=None)
@given(_with_timexes())
def test_any_timexes_are_written_in_place_and_crossing_tags_clipped(
        case: tuple[TimeMLDocument, list[Timex]]) -> None:
    doc, timexes = case
    back = parse_timeml(write_timeml(doc, timexes))
    assert back.timexes == tuple(timexes)
    spans = [t.span for t in timexes if t.span is not None]
    expected = [Annotation(a.tag, a.attributes, clip(a.span, spans),
                           doc.text[slice(*clip(a.span, spans))])
                for a in doc.annotations if a.span is not None]
    assert sorted(back.annotations, key=repr) == sorted(expected, key=repr)
    for annotation in back.annotations:
        assert annotation.span is not None
        assert not any(_crosses(annotation.span, span) for span in spans)
    assert back.root == doc.root and back.text == doc.text


def test_a_timex_with_the_same_span_as_another_tag_is_the_outer_one() -> None:
    doc = parse_timeml('<TimeML><TEXT>on <EVENT eid="e1">Monday</EVENT></TEXT></TimeML>')
    written = write_timeml(doc, [Timex("Monday", (3, 9), tid="t1", type="DATE",
                                       value="2025-02-24")])
    assert '<TIMEX3 tid="t1" type="DATE" value="2025-02-24"><EVENT eid="e1">Monday</EVENT>' \
        "</TIMEX3>" in written


# --- mutated documents: read, or a TimeMLError; never another exception (#13) -----------------

#: Declarations the audit found raising LookupError or ValueError, and some that are fine.
_DECLARATIONS = st.sampled_from(["bogus", "UTF-16", "utf-32", "UTF-7", "latin-1", "cp1252",
                                 "utf-8", "shift_jis", "rot13", "idna", "ascii"]) | st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-_."), min_size=1, max_size=12)
#: Hostile characters: NUL, C0 and C1 controls, lone surrogates, bidi controls, the
#: tagger's placeholders, a BOM, markup.
_HOSTILE = st.sampled_from(["\x00", "\x01", "\x85", "\ud800", "\udfff", "\u202e", "\ue000",
                            "\ufeff", "<", "&", "]]>", "<!DOCTYPE x>", "\r"])


@st.composite
def _mutated(draw: st.DrawFn) -> str | bytes:
    source = draw(_documents())
    at = draw(st.integers(0, len(source)))
    end = draw(st.integers(at, min(len(source), at + 8)))
    source = source[:at] + draw(_HOSTILE | _TEXT | st.just("")) + source[end:]
    if not draw(st.booleans()):
        return source
    if draw(st.booleans()):
        declared = draw(_DECLARATIONS)
        source = source.replace('<?xml version="1.0" ?>',
                                f'<?xml version="1.0" encoding="{declared}"?>')
    data = source.encode("utf-8", "surrogatepass")
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(st.binary(max_size=4) | st.just(b"")) + data[at:]


@settings(deadline=None)  # 100; --hypothesis-profile=stress: 3000
@given(_mutated())
def test_a_mutated_document_is_read_or_a_timeml_error(source: str | bytes) -> None:
    try:
        doc = parse_timeml(source, name="mutated.tml")
    except TimeMLError as exc:
        assert str(exc).startswith("mutated.tml: ")
        event("TimeMLError")
        return
    event("read")
    for timex in doc.timexes:
        assert timex.span is not None and doc.text[slice(*timex.span)] == timex.text
    for annotation in doc.annotations:
        assert annotation.span is not None
        assert doc.text[slice(*annotation.span)] == annotation.text
    assert parse_timeml(write_timeml(doc, doc.timexes), name="mutated.tml") == doc
