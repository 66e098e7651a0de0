"""Write TimeML: a read document with a new set of TIMEX3 tags inline, or plain text tagged.

``write_timeml(doc, timexes)`` gives back the document ``read_timeml`` read, with its gold
TIMEX3s inside ``<TEXT>`` replaced by ``timexes``. Everything else stays: the elements
outside ``<TEXT>`` (DOCID, DCT, headers, MAKEINSTANCE and links), their comments, and the
EVENT, SIGNAL and other tags inside it. The output is UTF-8 XML with a fresh declaration;
attributes are written with double quotes, an empty element as ``<X />``.

Where a new TIMEX3 crosses another inline tag (an EVENT that starts before it and ends
inside it, or the reverse), the TIMEX3 wins and the other tag is *clipped* to its part
outside the TIMEX3: ``<EVENT>year-</EVENT>`` for an EVENT ``year-end`` crossed by a TIMEX3
``end of the year``. Its start tag stays where it was and its attributes are kept; only
its extent shrinks, which is never empty (a crossing tag has characters on both sides).
TIMEX3s must not cross one another; one inside another is written as XML nests it
(TimeML has no such thing, but gold files have been seen with it, and it reads back).

Links (TLINK ...) that name the replaced gold TIMEX3s by ``tid`` are kept as they are;
new TIMEX3s from mentions get fresh ``tid``s above every ``t<number>`` in the document,
so that no old link points at a new tag by accident.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TypeVar

import attrs

from timeline.tagger.scan import Mention
from timeline.time.anchor import Anchor, read_anchor
from timeline.timeml.read import (
    Annotation,
    Comment,
    Element,
    Node,
    ProcessingInstruction,
    TimeMLDocument,
    TimeMLError,
    Timex,
)

#: Root attributes of a document made from plain text: TimeML 1.2.1's schema.
TIMEML_ROOT = {
    "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "xsi:noNamespaceSchemaLocation": "http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd",
}

_TEXT_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord("\r"): "&#13;"}
# In attributes, line ends and tabs are escaped too: a parser turns literal ones into spaces.
_ATTRIBUTE_ESCAPES = {**_TEXT_ESCAPES, ord('"'): "&quot;", ord("\n"): "&#10;",
                      ord("\t"): "&#9;"}
# Characters XML 1.0 cannot carry at all, even as character references (§2.2).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TID_NUMBER = re.compile(r"t(\d+)")
_Tag = TypeVar("_Tag", Timex, Annotation)


def xml_safe(text: str) -> str:
    """``text`` with each character XML cannot hold (NUL, most C0 controls, lone surrogates,
    U+FFFE/U+FFFF) replaced by U+FFFD, one for one, so that offsets into it still hold."""
    return _NOT_XML.sub("\ufffd", text)


def _text(text: str) -> str:
    return xml_safe(text).translate(_TEXT_ESCAPES)


def _attribute(text: str) -> str:
    return xml_safe(text).translate(_ATTRIBUTE_ESCAPES)


def _start_tag(tag: str, attributes: Mapping[str, str], *, empty: bool = False) -> str:
    written = "".join(f' {name}="{_attribute(value)}"' for name, value in attributes.items())
    return f"<{tag}{written}{' /' if empty else ''}>"


# --- inline content of <TEXT> -------------------------------------------------------------------

def _next_tid(doc: TimeMLDocument) -> int:
    """One more than every ``t<number>`` the document uses as an id or names in a reference
    (``anchorTimeID``, ``beginPoint``, ``relatedToTime``), gold TIMEX3s included."""
    values = [v for t in doc.timexes for v in t.attributes.values()]
    values += [v for a in doc.annotations for v in a.attributes.values()]
    values += [v for e in doc.root.iter() for v in e.attributes.values()]
    numbers = [int(m[1]) for m in map(_TID_NUMBER.fullmatch, values) if m is not None]
    return max(numbers, default=-1) + 1


def _timexes(doc: TimeMLDocument, given: Iterable[Timex | Mention]) -> list[Timex]:
    """The TIMEX3s to write, each inside the text and none crossing another, in the order
    their start tags go: by start, the longer first, else as given."""
    number = _next_tid(doc)
    timexes: list[Timex] = []
    for item in given:
        if isinstance(item, Mention):
            start, end = item.extent
            attributes = {"tid": f"t{number}", **item.timex.to_timex()}
            number += 1
            timex = Timex.from_attributes(attributes, doc.text[start:end], (start, end))
        else:
            timex = item
        if timex.span is None:
            raise TimeMLError(f"TIMEX3 {timex.tid or timex.text!r} has no span in the text",
                              file=doc.name)
        start, end = timex.span
        if not 0 <= start <= end <= len(doc.text):
            raise TimeMLError(f"TIMEX3 {timex.tid or timex.text!r}: span [{start}, {end}) is "
                              f"outside the text (length {len(doc.text)})", file=doc.name)
        timexes.append(timex)
    timexes = _nesting_order(timexes)
    open_spans: list[Timex] = []
    for timex in timexes:
        assert timex.span is not None
        while open_spans and _span(open_spans[-1])[1] <= timex.span[0]:
            open_spans.pop()
        if open_spans and _span(open_spans[-1])[1] < timex.span[1]:
            other = open_spans[-1]
            raise TimeMLError(f"TIMEX3s cross: {other.text!r} {list(_span(other))} and "
                              f"{timex.text!r} {list(timex.span)}", file=doc.name)
        open_spans.append(timex)
    return timexes


def _span(item: Timex | Annotation) -> tuple[int, int]:
    assert item.span is not None  # checked by the caller
    return item.span


def _nesting_order(items: Iterable[_Tag]) -> list[_Tag]:
    """``items`` in an order their start tags can go: by start; among those with the same
    start, the longer first; an empty one stays where it was among them.

    Document order is such an order already and is kept, so that reading back gives the
    tags in the order they were read.
    """
    ordered = sorted(items, key=lambda item: _span(item)[0])
    i = 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and _span(ordered[j])[0] == _span(ordered[i])[0]:
            j += 1
        slots = [k for k in range(i, j) if _span(ordered[k])[1] > _span(ordered[k])[0]]
        longest = sorted((ordered[k] for k in slots), key=lambda item: -_span(item)[1])
        for k, item in zip(slots, longest, strict=True):
            ordered[k] = item
        i = j
    return ordered


def clip(span: tuple[int, int], timexes: Iterable[tuple[int, int]]) -> tuple[int, int]:
    """``span`` cut back to its part outside every TIMEX3 span it crosses.

    Crossing means overlapping without either containing the other; a span inside a
    TIMEX3, or around it, is left as it is. The part kept is never empty.

    >>> clip((0, 8), [(5, 12)]), clip((6, 20), [(0, 10)]), clip((2, 4), [(0, 10)])
    ((0, 5), (10, 20), (2, 4))
    """
    start, end = span
    for t_start, t_end in timexes:
        if start < t_start < end < t_end:
            end = t_start
        elif t_start < start < t_end < end:
            start = t_end
    return start, end


def _ordered(annotations: list[Annotation], timexes: list[Timex]) -> list[Timex | Annotation]:
    """Every tag in the order its start tag goes.

    Both lists are in ``_nesting_order``. A TIMEX3 goes in among the other tags with its
    start after those that hold it (those ending later: with the same span, the TIMEX3 is
    the outer one) and any empty tag before them; an empty TIMEX3 goes before them all.
    """
    ordered: list[Timex | Annotation] = []
    i = 0
    for timex in timexes:
        start, end = _span(timex)
        while i < len(annotations) and _span(annotations[i])[0] < start:
            ordered.append(annotations[i])
            i += 1
        if start == end:  # an empty TIMEX3 holds nothing and is closed at once
            ordered.append(timex)
            continue
        last = i
        for k in range(i, len(annotations)):
            a_start, a_end = _span(annotations[k])
            if a_start != start:
                break
            if a_end > end:
                last = k + 1
        ordered.extend(annotations[i:last])
        i = last
        ordered.append(timex)
    ordered.extend(annotations[i:])
    return ordered


def _inline(doc: TimeMLDocument, timexes: list[Timex]) -> str:
    """The content of ``<TEXT>``: the text with every tag placed by its span.

    Tags are opened in ``_ordered``'s order; before each, the open tags that do not hold
    it are closed. With no two tags crossing (``clip`` sees to it), that is one
    well-nested tree with every span as given.
    """
    spans = [_span(t) for t in timexes]
    # Clipping at the start moves a tag later, so the order is worked out again.
    annotations = _nesting_order(attrs.evolve(a, span=clip(a.span, spans))
                                 for a in doc.annotations if a.span is not None)
    text = doc.text
    out: list[str] = []
    open_tags: list[tuple[int, str]] = []  # (end, tag)
    pos = 0

    def close(until: int) -> None:
        nonlocal pos
        while open_tags and open_tags[-1][0] < until:
            close_at, closing = open_tags.pop()
            out.append(_text(text[pos:close_at]))
            out.append(f"</{closing}>")
            pos = close_at

    for item in _ordered(annotations, timexes):
        start, end = _span(item)
        tag = "TIMEX3" if isinstance(item, Timex) else item.tag
        close(end)
        out.append(_text(text[pos:start]))
        pos = start
        out.append(_start_tag(tag, item.attributes))
        open_tags.append((end, tag))
    close(len(text) + 1)
    out.append(_text(text[pos:]))
    return "".join(out)


# --- the tree outside <TEXT> --------------------------------------------------------------------

def _misc(node: Comment | ProcessingInstruction) -> str:
    if isinstance(node, Comment):
        # A comment may not hold "--" nor end in "-" (XML 1.0 §2.5); one read never does.
        text = node.text.replace("--", "- -")
        return f"<!--{text}{' ' if text.endswith('-') else ''}-->"
    return f"<?{node.target}{' ' + node.data if node.data else ''}?>"


def _tree(root: Element, inline: str) -> str:
    """Serialise ``root``; the first ``<TEXT>`` in document order gets ``inline`` as content.

    Iterative, so that depth costs no recursion.
    """
    out: list[str] = []
    text_done = False
    stack: list[Node | tuple[str]] = [root]  # a 1-tuple is an end tag still to write
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):
            out.append(f"</{node[0]}>")
        elif isinstance(node, str):
            out.append(_text(node))
        elif isinstance(node, Element):
            if node.tag == "TEXT" and not text_done:
                text_done = True
                out.append(_start_tag(node.tag, node.attributes))
                out.append(inline)
                out.append(f"</{node.tag}>")
            elif not node.children:
                out.append(_start_tag(node.tag, node.attributes, empty=True))
            else:
                out.append(_start_tag(node.tag, node.attributes))
                stack.append((node.tag,))
                stack.extend(reversed(node.children))
        else:
            out.append(_misc(node))
    return "".join(out)


def write_timeml(doc: TimeMLDocument, timexes: Iterable[Timex | Mention]) -> str:
    """The document with ``timexes`` as its TIMEX3 tags in ``<TEXT>``, as an XML string.

    ``timexes`` are mentions from the tagger (their ``extent`` is the span; ``type``,
    ``value``, ``mod``, ``quant`` and ``freq`` their attributes; each a new ``tid``) or
    ``Timex`` records (written as they are: ``write_timeml(doc, doc.timexes)`` gives the
    document back). A ``TimeMLError`` names the document when two cross or one lies
    outside the text.
    """
    chosen = _timexes(doc, timexes)
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    parts.extend(_misc(node) + "\n" for node in doc.prolog)
    parts.append(_tree(doc.root, _inline(doc, chosen)))
    parts.append("\n")
    parts.extend(_misc(node) + "\n" for node in doc.epilog)
    return "".join(parts)


def dct_value(dct: date | datetime) -> str:
    """The TIMEX3 value of a creation time: ``2025-02-24``, ``2025-02-25T11:38``, with the
    seconds only when there are some, and no zone: a TIMEX3 clock value carries none (no
    annotated corpus writes one; ``docs/conventions.md``), like the tagger's own."""
    if not isinstance(dct, datetime):
        return dct.isoformat()
    spec = "minutes" if dct.second == 0 and dct.microsecond == 0 else "seconds"
    return dct.replace(microsecond=0, tzinfo=None).isoformat(timespec=spec)


def plain_document(text: str, dct: Anchor | None = None, *,
                   name: str = "<text>") -> TimeMLDocument:
    """A minimal TimeML document holding ``text``: a ``<DCT>`` when ``dct`` is given, a
    ``<TEXT>``, nothing else. Characters XML cannot hold become U+FFFD (``xml_safe``).
    ``dct`` is a date, a datetime or an ISO string (``read_anchor``)."""
    text = xml_safe(text)
    dct = None if dct is None else read_anchor(dct, error=TimeMLError, what="dct")
    children: list[Node] = ["\n"]
    dct_timex = None
    if dct is not None:
        value = dct_value(dct)
        attributes = {"tid": "t0", "type": "TIME" if isinstance(dct, datetime) else "DATE",
                      "value": value, "temporalFunction": "false",
                      "functionInDocument": "CREATION_TIME"}
        dct_timex = Timex.from_attributes(attributes, value, None)
        children += [Element("DCT", {}, (Element("TIMEX3", attributes, (value,)),)), "\n"]
    children += [Element("TEXT"), "\n"]
    root = Element("TimeML", TIMEML_ROOT, tuple(children))
    # The document's moment is the anchor itself, in its zone (its value has none).
    moment = dct.replace(microsecond=0) if isinstance(dct, datetime) else dct
    return TimeMLDocument(name, text, moment, dct_timex, (), (), root)


def to_timeml(text: str, mentions: Iterable[Mention | Timex],
              dct: Anchor | None = None) -> str:
    """Plain text and its mentions as a minimal TimeML document (see ``plain_document``).

    >>> from datetime import date
    >>> from timeline.tagger.scan import scan
    >>> text = "The vote was on Monday."
    >>> print(to_timeml(text, scan(text, date(2025, 2, 25)), date(2025, 2, 25)))
    ... # doctest: +ELLIPSIS
    <?xml version="1.0" encoding="UTF-8"?>
    <TimeML ...>
    <DCT><TIMEX3 tid="t0" type="DATE" value="2025-02-25" ...>2025-02-25</TIMEX3></DCT>
    <TEXT>The vote was on <TIMEX3 tid="t1" type="DATE" value="2025-02-24">Monday</TIMEX3>.</TEXT>
    </TimeML>
    <BLANKLINE>
    """
    return write_timeml(plain_document(text, dct), mentions)


__all__ = ["Annotation", "clip", "plain_document", "to_timeml", "write_timeml", "xml_safe"]
