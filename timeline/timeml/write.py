"""Write TimeML: a read document with a new set of TIMEX3 tags inline, or plain text tagged.

``write_timeml(doc, timexes)`` gives back the document ``read_timeml`` read, with its gold
TIMEX3s inside ``<TEXT>`` replaced by ``timexes``. Everything else stays: the elements
outside ``<TEXT>`` (DOCID, DCT, headers, MAKEINSTANCE and links), their comments, and the
EVENT, SIGNAL and other tags inside it. The output is UTF-8 XML with a fresh declaration;
attributes are written with double quotes, an empty element as ``<X/>``.

Where a new TIMEX3 crosses another inline tag (an EVENT that starts before it and ends
inside it, or the reverse), the TIMEX3 wins and the other tag is *clipped* to its part
outside the TIMEX3: ``<EVENT>year-</EVENT>`` for an EVENT ``year-end`` crossed by a TIMEX3
``end of the year``. Its start tag stays where it was and its attributes are kept; only
its extent shrinks, which is never empty (a crossing tag has characters on both sides).
TIMEX3s must not overlap one another: TimeML gives no TIMEX3 inside a TIMEX3.

Links (TLINK ...) that name the replaced gold TIMEX3s by ``tid`` are kept as they are;
new TIMEX3s from mentions get fresh ``tid``s above every ``t<number>`` in the document,
so that no old link points at a new tag by accident.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime

from timeline.tagger.scan import Mention
from timeline.timeml.read import (
    Annotation,
    Comment,
    Element,
    Node,
    ProcessingInstruction,
    Timex,
    TimeMLDocument,
    TimeMLError,
    moment_of,
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
    return f"<{tag}{written}{'/' if empty else ''}>"


# --- inline content of <TEXT> -------------------------------------------------------------------

def _next_tid(doc: TimeMLDocument) -> int:
    """One more than every ``t<number>`` id the document uses, gold TIMEX3s included."""
    highest = -1
    ids = [t.tid for t in doc.timexes]
    ids.extend(e.attributes.get("tid") for e in doc.root.iter())
    for tid in ids:
        m = None if tid is None else _TID_NUMBER.fullmatch(tid)
        if m is not None:
            highest = max(highest, int(m[1]))
    return highest + 1


def _timexes(doc: TimeMLDocument, given: Iterable[Timex | Mention]) -> list[Timex]:
    """The TIMEX3s to write, sorted, each inside the text, none overlapping another."""
    number = _next_tid(doc)
    timexes: list[Timex] = []
    for item in given:
        if isinstance(item, Mention):
            start, end = item.extent
            attributes = {"tid": f"t{number}", **item.value.to_timex()}
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
    timexes.sort(key=lambda t: t.span or (0, 0))
    for before, after in zip(timexes, timexes[1:], strict=False):
        assert before.span is not None and after.span is not None
        if after.span[0] < before.span[1]:
            raise TimeMLError(f"TIMEX3s overlap: {before.text!r} {list(before.span)} and "
                              f"{after.text!r} {list(after.span)}", file=doc.name)
    return timexes


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


def _inline(doc: TimeMLDocument, timexes: list[Timex]) -> str:
    """The content of ``<TEXT>``: the text with every tag placed by its span.

    Tags are opened in order of start, the longer first, a TIMEX3 before any other tag
    with the same span, then in document order; a tag is closed before any tag that it
    does not contain is opened. With no two tags crossing (``clip`` sees to it), that is
    one well-nested tree.
    """
    spans = [t.span for t in timexes if t.span is not None]
    items: list[tuple[int, int, int, int, str, Mapping[str, str]]] = []
    for order, timex in enumerate(timexes):
        assert timex.span is not None
        items.append((timex.span[0], timex.span[1], 0, order, "TIMEX3", timex.attributes))
    for order, annotation in enumerate(doc.annotations):
        if annotation.span is None:
            continue
        start, end = clip(annotation.span, spans)
        items.append((start, end, 1, order, annotation.tag, annotation.attributes))
    items.sort(key=lambda i: (i[0], -i[1], i[2], i[3]))

    text = doc.text
    out: list[str] = []
    open_tags: list[tuple[int, str]] = []  # (end, tag)
    pos = 0
    for start, end, _, _, tag, attributes in items:
        while open_tags and open_tags[-1][0] < end:  # does not contain the new tag: close
            close_at, closing = open_tags.pop()
            out.append(_text(text[pos:close_at]))
            out.append(f"</{closing}>")
            pos = close_at
        out.append(_text(text[pos:start]))
        pos = start
        out.append(_start_tag(tag, attributes))
        open_tags.append((end, tag))
    while open_tags:
        close_at, closing = open_tags.pop()
        out.append(_text(text[pos:close_at]))
        out.append(f"</{closing}>")
        pos = close_at
    out.append(_text(text[pos:]))
    return "".join(out)


# --- the tree outside <TEXT> --------------------------------------------------------------------

def _misc(node: Comment | ProcessingInstruction) -> str:
    if isinstance(node, Comment):
        # "--" cannot appear in a comment; one read back from XML never has it.
        return f"<!--{node.text.replace('--', '- -')}-->"
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
    document back). A ``TimeMLError`` names the document when two overlap or one lies
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
    seconds only when there are some and the offset when it has one."""
    if not isinstance(dct, datetime):
        return dct.isoformat()
    spec = "minutes" if dct.second == 0 and dct.microsecond == 0 else "seconds"
    value = dct.replace(microsecond=0).isoformat(timespec=spec)
    return value.replace("+00:00", "Z")


def plain_document(text: str, dct: date | datetime | None = None, *,
                   name: str = "<text>") -> TimeMLDocument:
    """A minimal TimeML document holding ``text``: a ``<DCT>`` when ``dct`` is given, a
    ``<TEXT>``, nothing else. Characters XML cannot hold become U+FFFD (``xml_safe``)."""
    text = xml_safe(text)
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
    moment = None if dct is None else moment_of(dct_value(dct))
    return TimeMLDocument(name, text, moment, dct_timex, (), (), root)


def to_timeml(text: str, mentions: Iterable[Mention | Timex],
              dct: date | datetime | None = None) -> str:
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
