"""Read a TimeML document: its DCT, the plain text of ``<TEXT>`` with exact character
offsets, the gold TIMEX3s with all their attributes, and every other annotation.

Everything is kept so that ``timeline.timeml.write`` can give the document back: the
elements outside ``<TEXT>`` (DOCID, DCT, headers, MAKEINSTANCE and the links) as a small
tree, and the elements inside it (TIMEX3, EVENT, SIGNAL, whatever else, nested as they
like) as spans over the plain text. Offsets count characters (code points) of the text
as an XML parser delivers it: entities and character references decoded, line ends
normalised to ``\\n`` as XML 1.0 §2.11 requires.

The input is untrusted: a document type declaration or an entity declaration is refused
(no entity expansion, no external fetches), and nesting deeper than ``MAX_DEPTH`` is too.
Bytes are decoded as their XML declaration says: UTF-8, UTF-16 and single-byte encodings;
any other (unknown, UTF-32, Shift_JIS), like a lone surrogate in a ``str``, is a
``TimeMLError`` naming the document. ``read_timeml`` takes a path (or bytes),
``parse_timeml`` a document's text.
Comments and processing instructions inside ``<TEXT>`` are dropped; outside it they are kept.
"""

from __future__ import annotations

import re
import stat
import warnings
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import Any
from xml.parsers import expat

import attrs

from timeline.errors import CorpusError

#: Elements nested deeper than this are refused: TimeML is a few levels deep, and a
#: document nested thousands deep is an attack on whatever walks it.
MAX_DEPTH = 200

#: The TIMEX3 attributes ``Timex`` names as fields, in TimeML 1.2.1's order.
TIMEX_FIELDS: dict[str, str] = {
    "tid": "tid",
    "type": "type",
    "value": "value",
    "mod": "mod",
    "anchorTimeID": "anchor_time_id",
    "functionInDocument": "function_in_document",
    "temporalFunction": "temporal_function",
    "quant": "quant",
    "freq": "freq",
    "beginPoint": "begin_point",
    "endPoint": "end_point",
}

#: Elements outside ``<TEXT>`` that ``TimeMLDocument.links`` lists.
LINK_TAGS = frozenset({"MAKEINSTANCE", "TLINK", "SLINK", "ALINK"})


class TimeMLError(CorpusError):
    """A TimeML document that cannot be read (not XML, a DTD, no ``<TEXT>``) or written
    (overlapping TIMEX3s); the message names the document."""


def _frozen_mapping(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


def _mapping_field() -> Any:
    # Read-only, compared by content, left out of the hash (a mapping has none).
    return attrs.field(factory=dict, converter=_frozen_mapping, hash=False)


@attrs.frozen
class Element:
    """An element outside ``<TEXT>``: tag, attributes in document order, children.

    The ``<TEXT>`` element itself is kept here with no children: its content is the
    document's ``text`` and annotations.
    """

    tag: str
    attributes: Mapping[str, str] = _mapping_field()
    children: tuple[Node, ...] = ()

    def iter(self) -> list[Element]:
        """This element and every element below it, in document order."""
        found: list[Element] = []
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            found.append(element)
            stack.extend(c for c in reversed(element.children) if isinstance(c, Element))
        return found

    @property
    def content(self) -> str:
        """The character data of this element and all below it."""
        pieces: list[str] = []
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                pieces.append(node)
            elif isinstance(node, Element):
                stack.extend(reversed(node.children))
        return "".join(pieces)


@attrs.frozen
class Comment:
    """An XML comment outside ``<TEXT>``."""

    text: str


@attrs.frozen
class ProcessingInstruction:
    """An XML processing instruction outside ``<TEXT>`` (not the XML declaration)."""

    target: str
    data: str


Node = Element | Comment | ProcessingInstruction | str


@attrs.frozen
class Timex:
    """A TIMEX3: where it is, its text, and every attribute the file gave it.

    ``span`` is ``[start, end)`` in the document's plain text, ``None`` for a TIMEX3
    outside ``<TEXT>`` (the DCT). The attributes TimeML 1.2.1 defines are fields, under
    Python names (``anchorTimeID`` is ``anchor_time_id``); any other is kept in ``other``.
    Values are the strings the file gave, unchecked: gold data is read, not judged.
    """

    text: str
    span: tuple[int, int] | None
    tid: str | None = None
    type: str | None = None
    value: str | None = None
    mod: str | None = None
    anchor_time_id: str | None = None
    function_in_document: str | None = None
    temporal_function: str | None = None
    quant: str | None = None
    freq: str | None = None
    begin_point: str | None = None
    end_point: str | None = None
    other: Mapping[str, str] = _mapping_field()

    @classmethod
    def from_attributes(cls, attributes: Mapping[str, str], text: str,
                        span: tuple[int, int] | None) -> Timex:
        named = {field: attributes[name] for name, field in TIMEX_FIELDS.items()
                 if name in attributes}
        other = {k: v for k, v in attributes.items() if k not in TIMEX_FIELDS}
        return cls(text, span, **named, other=other)

    @property
    def attributes(self) -> dict[str, str]:
        """Every attribute under its TimeML name: the defined ones in order, then the rest."""
        out = {name: getattr(self, field) for name, field in TIMEX_FIELDS.items()
               if getattr(self, field) is not None}
        out.update(self.other)
        return out


@attrs.frozen
class Annotation:
    """Any other element: an EVENT or SIGNAL inside ``<TEXT>`` (with its span and text), or a
    MAKEINSTANCE or link outside it (``span`` and ``text`` ``None``)."""

    tag: str
    attributes: Mapping[str, str] = _mapping_field()
    span: tuple[int, int] | None = None
    text: str | None = None


@attrs.frozen
class TimeMLDocument:
    """A TimeML document as read: what a tagger needs, what a scorer needs, and the rest.

    ``text`` is the plain text of ``<TEXT>``; ``timexes`` its gold TIMEX3s and
    ``annotations`` its other elements (EVENT, SIGNAL, ...), each in the order its start
    tag came. ``dct`` is the DCT's value as a date, or as a datetime when it has a time;
    ``None`` when the document has none, or one that is not a calendar day (the DCT's
    TIMEX3 is still in ``dct_timex``). ``root`` is the whole element tree with an empty
    ``<TEXT>``; ``prolog`` and ``epilog`` the comments and processing instructions around it.
    """

    name: str
    text: str
    dct: date | datetime | None
    dct_timex: Timex | None
    timexes: tuple[Timex, ...]
    annotations: tuple[Annotation, ...]
    root: Element
    prolog: tuple[Comment | ProcessingInstruction, ...] = ()
    epilog: tuple[Comment | ProcessingInstruction, ...] = ()

    def anchor(self) -> date | datetime:
        """The DCT as the date to tag against; ``TimeMLError`` naming the file when the
        document has none, or one that names no calendar day."""
        if self.dct is None:
            shown = "it has none" if self.dct_timex is None else \
                f"its value {self.dct_timex.value!r} is not a day"
            raise TimeMLError(f"no usable DCT to tag against ({shown})", file=self.name)
        return self.dct

    @property
    def links(self) -> tuple[Annotation, ...]:
        """MAKEINSTANCE, TLINK, SLINK and ALINK elements outside ``<TEXT>``, in document order."""
        return tuple(Annotation(e.tag, e.attributes) for e in self.root.iter()
                     if e.tag in LINK_TAGS)


_FULL_DATE = re.compile(r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
                        r"(?:T(?P<time>[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
                        r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?)|T[A-Z]{2})?")


def moment_of(value: str) -> date | datetime | None:
    """The calendar day, or the moment, a DCT value names; ``None`` for anything coarser.

    ``1998-01-08`` is a date; ``1990-08-15T13:37`` and ``1998-02-13T14:26:00`` are
    datetimes (with their offset when they have one); a part of the day
    (``1998-01-08TEV``) keeps the day; ``1998-W02`` or ``PRESENT_REF`` give ``None``.
    """
    m = _FULL_DATE.fullmatch(value.strip())
    if m is None:
        return None
    try:
        if m["time"] is None:
            return date.fromisoformat(m["date"])
        return datetime.fromisoformat(f"{m['date']}T{m['time']}")
    except ValueError:  # 1998-02-30: the shape of a date, not a day of the calendar
        return None


# --- parsing ------------------------------------------------------------------------------------

class _Open:
    """An element being built outside ``<TEXT>``."""

    def __init__(self, tag: str, attributes: dict[str, str]) -> None:
        self.tag = tag
        self.attributes = attributes
        self.children: list[Node] = []

    def add(self, node: Node) -> None:
        if isinstance(node, str) and self.children and isinstance(self.children[-1], str):
            self.children[-1] += node
        else:
            self.children.append(node)

    def close(self) -> Element:
        return Element(self.tag, self.attributes, tuple(self.children))


class _Reader:
    """Expat callbacks building the document; one instance reads one document."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.stack: list[_Open] = []
        self.root: Element | None = None
        self.prolog: list[Comment | ProcessingInstruction] = []
        self.epilog: list[Comment | ProcessingInstruction] = []
        self.depth = 0
        # Inside <TEXT>: how deep (0 = not inside), the text so far, the open inline elements.
        self.text_depth = 0
        self.seen_text = False
        self.text_element: tuple[str, dict[str, str]] | None = None
        self.pieces: list[str] = []
        self.offset = 0
        self.inline: list[tuple[str, dict[str, str], int, int]] = []
        self.closed: list[tuple[int, str, dict[str, str], int, int]] = []
        self.order = 0

    def fail(self, message: str) -> TimeMLError:
        return TimeMLError(message, file=self.name)

    # Security: no DTD, so no entity can be declared, expanded or fetched.
    def doctype(self, name: str, *_: Any) -> None:
        raise self.fail(f"document type declaration <!DOCTYPE {name}> refused: a TimeML "
                        f"file to read must not declare a DTD or entities")

    def entity(self, name: str, *_: Any) -> None:
        raise self.fail(f"entity declaration <!ENTITY {name}> refused: a TimeML file to "
                        f"read must not declare entities")

    def start(self, tag: str, flat: list[str]) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(f"elements nested more than {MAX_DEPTH} deep")
        attributes = dict(zip(flat[::2], flat[1::2], strict=True))
        if self.text_depth:
            self.text_depth += 1
            self.inline.append((tag, attributes, self.offset, self.order))
            self.order += 1
        elif tag == "TEXT" and not self.seen_text:
            self.seen_text = True
            self.text_depth = 1
            self.text_element = (tag, attributes)
        else:
            self.stack.append(_Open(tag, attributes))

    def end(self, tag: str) -> None:
        self.depth -= 1
        if self.text_depth > 1:
            self.text_depth -= 1
            inline_tag, attributes, start, order = self.inline.pop()
            self.closed.append((order, inline_tag, attributes, start, self.offset))
            return
        if self.text_depth == 1:
            self.text_depth = 0
            assert self.text_element is not None
            self._attach(Element(*self.text_element))
            return
        self._attach(self.stack.pop().close())

    def _attach(self, element: Element) -> None:
        if self.stack:
            self.stack[-1].add(element)
        else:
            self.root = element

    def data(self, text: str) -> None:
        if self.text_depth:
            self.pieces.append(text)
            self.offset += len(text)
        elif self.stack:
            self.stack[-1].add(text)

    def _misc(self, node: Comment | ProcessingInstruction) -> None:
        if self.text_depth:
            return  # inside <TEXT>: the annotation model has no place for them
        if self.stack:
            self.stack[-1].add(node)
        elif self.root is None:
            self.prolog.append(node)
        else:
            self.epilog.append(node)

    def comment(self, text: str) -> None:
        self._misc(Comment(text))

    def instruction(self, target: str, data: str) -> None:
        self._misc(ProcessingInstruction(target, data))


#: The encoding an XML declaration names, for messages: the name only, bounded.
_DECLARED = re.compile(rb"(?:\xef\xbb\xbf)?<\?xml[^>]{0,200}?"
                       rb"""encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})""")


def _parse(data: bytes | str, name: str) -> _Reader:
    reader = _Reader(name)
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.ordered_attributes = True
    parser.StartDoctypeDeclHandler = reader.doctype
    parser.EntityDeclHandler = reader.entity
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data
    parser.CommentHandler = reader.comment
    parser.ProcessingInstructionHandler = reader.instruction
    try:
        parser.Parse(data, True)
    except TimeMLError:
        raise
    except expat.ExpatError as exc:
        raise reader.fail(f"not well-formed XML: {expat.ErrorString(exc.code)} "
                          f"(line {exc.lineno}, column {exc.offset + 1})") from None
    except UnicodeEncodeError as exc:  # a str holding a lone surrogate has no UTF-8 form
        raise reader.fail(f"character {exc.start}: a lone surrogate "
                          f"(U+{ord(exc.object[exc.start]):04X}) is not XML") from None
    except (LookupError, ValueError) as exc:
        # pyexpat reads an encoding it does not know itself through Python's codecs: an
        # unknown name is a LookupError, a multi-byte one (UTF-32, Shift_JIS) a ValueError.
        if not isinstance(data, bytes) or reader.depth or reader.root or reader.prolog:
            raise  # not the declaration: a bug, not bad input
        declared = _DECLARED.match(data)
        shown = f" {declared[1].decode('ascii')!r}" if declared else ""
        raise reader.fail(f"cannot read the encoding{shown} its XML declaration names "
                          f"({exc}); UTF-8, UTF-16 and single-byte encodings are read") from None
    return reader


def _document(reader: _Reader) -> TimeMLDocument:
    if reader.root is None:  # expat reports a missing root itself; kept for mypy
        raise reader.fail("no root element")
    if not reader.seen_text:
        raise reader.fail("no <TEXT> element")
    text = "".join(reader.pieces)
    timexes: list[Timex] = []
    annotations: list[Annotation] = []
    for _, tag, attributes, start, end in sorted(reader.closed, key=lambda c: c[0]):
        if tag == "TIMEX3":
            timexes.append(Timex.from_attributes(attributes, text[start:end], (start, end)))
        else:
            annotations.append(Annotation(tag, attributes, (start, end), text[start:end]))
    dct_timex = _dct_timex(reader.root, timexes)
    dct = None if dct_timex is None or dct_timex.value is None else moment_of(dct_timex.value)
    return TimeMLDocument(reader.name, text, dct, dct_timex, tuple(timexes),
                          tuple(annotations), reader.root, tuple(reader.prolog),
                          tuple(reader.epilog))


def _dct_timex(root: Element, timexes: Sequence[Timex]) -> Timex | None:
    """The TIMEX3 inside ``<DCT>``; else one marked ``functionInDocument="CREATION_TIME"``
    outside ``<TEXT>``, then inside it (older TimeBank releases put it in a header)."""
    elements = root.iter()
    for element in elements:
        if element.tag == "DCT":
            for inner in element.iter():
                if inner.tag == "TIMEX3":
                    return Timex.from_attributes(inner.attributes, inner.content, None)
    for element in elements:
        if (element.tag == "TIMEX3"
                and element.attributes.get("functionInDocument") == "CREATION_TIME"):
            return Timex.from_attributes(element.attributes, element.content, None)
    for timex in timexes:
        if timex.function_in_document == "CREATION_TIME":
            return timex
    return None


def read_timeml(source: str | PathLike[str] | bytes, *,
                name: str | None = None) -> TimeMLDocument:
    """Read a TimeML file from its path, or a document from its bytes.

    A path is read as bytes and decoded as its XML declaration says (UTF-8 by default; UTF-16
    and single-byte encodings too). ``name`` is what messages and ``TimeMLDocument.name``
    call it: the path as given by default, ``<bytes>`` for bytes. A ``TimeMLError`` names
    the document for anything it cannot read (not XML, a DTD, an encoding it cannot decode,
    no ``<TEXT>``, not a regular file); a file that cannot be opened raises the ``OSError``.
    A document's text as a ``str`` goes to ``parse_timeml``. A ``str`` starting with ``<``
    is still read as text here, with a ``DeprecationWarning``, for one release: the guess
    took a text with anything before its first tag for a path.
    """
    if isinstance(source, bytes):
        return parse_timeml(source, name=name if name is not None else "<bytes>")
    if isinstance(source, str) and source.lstrip("\ufeff \t\r\n").startswith("<"):
        warnings.warn("read_timeml(text) is deprecated: pass the text to parse_timeml(text), "
                      "and only paths and bytes to read_timeml (it stops guessing in the next "
                      "release)", DeprecationWarning,
                      stacklevel=2)
        return parse_timeml(source, name=name if name is not None else "<string>")
    label = name if name is not None else str(source)
    path = Path(source)
    try:
        regular = stat.S_ISREG(path.stat().st_mode)
    except ValueError:  # the OS takes no NUL in a path
        raise TimeMLError("not a path: it holds a NUL character", file=repr(label)) from None
    if not regular:  # a FIFO would block, a device never end
        raise TimeMLError("not a regular file", file=label)
    return parse_timeml(path.read_bytes(), name=label)


def parse_timeml(document: str | bytes, *, name: str = "<string>") -> TimeMLDocument:
    """Read a TimeML document from its text (or its bytes, decoded as its XML declaration
    says); ``name`` is what messages and ``TimeMLDocument.name`` call it.

    A ``str`` is already decoded, so its declaration's encoding is not used; a lone
    surrogate in it, which XML cannot hold, is a ``TimeMLError`` as anything else it cannot
    read (not XML, a DTD, an entity declaration, no ``<TEXT>``).

    >>> doc = parse_timeml('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2025-02-24">'
    ...                    'Feb 24</TIMEX3></DCT><TEXT>Vote on <TIMEX3 tid="t1" type="DATE" '
    ...                    'value="2025-02-25">Tuesday</TIMEX3>.</TEXT></TimeML>')
    >>> doc.dct, doc.text, doc.timexes[0].span, doc.timexes[0].value
    (datetime.date(2025, 2, 24), 'Vote on Tuesday.', (8, 15), '2025-02-25')
    """
    if not isinstance(document, str | bytes):
        raise TimeMLError(f"expected the document's text (str or bytes), got "
                          f"{type(document).__name__}", file=name)
    return _document(_parse(document, name))
