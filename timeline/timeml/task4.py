"""SemEval-2015 Task 4 ("TimeLine: Cross-Document Event Ordering"): its documents, its
timeline files and its official measure.

A Track A document is TimeML holding a DOCID, a DCT, a headline (``<EXTRAINFO>``) and the
text as ``<s id>`` sentences of whitespace-separated tokens. ``read_task4`` reads one
through ``timeline.timeml.read`` (so no DTD, no entities, a bounded depth) and rebuilds its
text so that every token has a known character span: sentences joined by a newline,
tokens as English prints them (no space before a comma, a full stop or a clitic such as
"'s", none after an opening bracket or quote: ``_glued``), so the tagger and the draft
read "April 28, 2003" and "Apple's", not "April 28 , 2003". ``Task4Document.mention``
turns a character span of that text into the task's ``DOCID-SENTID-token`` form, the
names the timelines use.

A timeline file has the entity's name on its first line and then one line per event:
``ORDER<TAB>DATE<TAB>MENTION[<TAB>MENTION ...]`` (``read_timeline``, ``write_timeline``).

``score`` is the task's measure, temporal awareness (UzZaman & Allen 2011) as the task's
evaluation script computes it with the TempEval-3 tools, per timeline and micro-averaged:

- the lines are sorted as the script sorts them (numbers in a line compared as numbers),
  lines of ORDER 0 are left out, and every mention becomes an interval: the k-th time a
  mention string occurs is the same node in the gold and the system timelines;
- every mention is SIMULTANEOUS with a node for its DATE string (``XXXX-XX-XX`` too), and
  the mentions, in that order, are chained: BEFORE the next when the next has a larger
  ORDER, else SIMULTANEOUS. The date links come first, then the chain;
- the relations are added to a graph of interval end points in that order. One the graph
  already implies is left out of the *reduced* relations (the reduction is the script's:
  implied by the relations before it, not by all the others); one the graph contradicts is
  a *violation*, not added to the graph but still counted among the reduced relations;
- precision is the share of the system's reduced relations that the gold implies (its
  closure) or states; recall the share of the gold's reduced relations the system implies
  or states. Micro P and R add the counts over timelines; a timeline with no system file
  counts its gold relations, none found (the task's README says so; its script skipped it).

Each of these details moves a row of the task's calibration table when left out; with all
of them the table is reproduced to four decimals.

The closure is kept as classes of equal points (a union-find) with strict edges between
classes; a query is a search over classes, so a timeline of a few hundred mentions scores
in milliseconds.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from timeline.time.interval import Interval
from timeline.timeml.read import Element, TimeMLError, read_timeml


class Task4Error(TimeMLError):
    """A SemEval-2015 Task 4 document or timeline file that cannot be read, or a span that
    names no token; the message names the file."""


# --- documents ----------------------------------------------------------------------------------

@attrs.frozen
class Token:
    """One whitespace-separated token of a sentence: the sentence's ``id``, the token's
    place in it (from 0), its text and its span ``[start, end)`` in the document's text."""

    sentence: str
    index: int
    text: str
    start: int
    end: int


@attrs.frozen
class Task4Document:
    """A Task 4 document: DOCID, DCT, headline, and its text rebuilt token by token.

    ``text`` holds the sentences in document order, one a line, their tokens spaced as
    English prints them (entities decoded), so ``text[token.start:token.end] ==
    token.text``. ``name`` is what messages call the document (its path).
    """

    name: str
    docid: str
    dct: date | datetime
    headline: str
    text: str
    tokens: tuple[Token, ...] = attrs.field(repr=False)
    _starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    @_starts.default
    def _token_starts(self) -> tuple[int, ...]:
        return tuple(t.start for t in self.tokens)

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens that overlap ``[start, end)``, in order; an empty span overlaps the
        token it lies in (a caret inside a word names the word), a reversed one nothing."""
        from bisect import bisect_right

        if end < start:
            return ()
        first = max(bisect_right(self._starts, start) - 1, 0)
        found: list[Token] = []
        for token in self.tokens[first:]:
            if token.start >= max(end, start + 1):
                break
            if token.end > start:
                found.append(token)
        return tuple(found)

    def mention(self, start: int, end: int) -> str:
        """The task's name for the tokens ``[start, end)`` overlaps: ``DOCID-SENTID-token``,
        several tokens joined by ``_`` (``11778-3-accounts_for``).

        ``Task4Error`` naming the document when the span overlaps no token, or tokens of
        two sentences (the task's mentions lie in one sentence).
        """
        tokens = self.tokens_in(start, end)
        if not tokens:
            raise Task4Error(f"characters [{start}, {end}) hold no token", file=self.name)
        sentences = {t.sentence for t in tokens}
        if len(sentences) > 1:
            raise Task4Error(f"characters [{start}, {end}) run across sentences "
                             f"{', '.join(sorted(sentences))}", file=self.name)
        return f"{self.docid}-{tokens[0].sentence}-" + "_".join(t.text for t in tokens)


def _content(root: Element, tag: str) -> str | None:
    for element in root.iter():
        if element.tag == tag:
            return " ".join(element.content.split())
    return None


#: Tokens written against the word before them in English: closing punctuation, the
#: percent sign, and the clitics a tokeniser splits off ("Apple 's", "do n't", "1980 's").
_CLOSERS = frozenset({",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "...", "''",
                      "\u201d", "\u2019"})
_CLITICS = frozenset({"'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m",
                      "\u2019s", "\u2019", "\u2019re", "\u2019ve", "\u2019ll", "\u2019d",
                      "\u2019m"})
#: Tokens written against the word after them: opening brackets and quotes, currency.
_OPENERS = frozenset({"(", "[", "{", "``", "\u201c", "\u2018", "$", "\u00a3", "\u20ac"})


def _glued(previous: str, word: str, quote_open: bool) -> bool:
    """Whether ``word`` is written with no space after ``previous``, as English prints
    it: "April 28, 2003", "Apple's", "(WWDC)", "don't", "5%", ""quoted"" (a straight
    double quote opens when none is open, else closes)."""
    if word in _CLOSERS or word.lower() in _CLITICS or previous in _OPENERS:
        return True
    if word == '"':
        return quote_open  # a closing quote
    return previous == '"' and quote_open  # the word after an opening quote


def read_task4(source: str | PathLike[str] | bytes, *, name: str | None = None) -> Task4Document:
    """Read a Task 4 document from its path, or from its bytes.

    Read as ``read_timeml`` reads TimeML (safely, decoded as its declaration says); a
    ``Task4Error`` names the document when it has no DOCID, no DCT that is a day, a
    sentence without an ``id`` or two with the same. A file that cannot be opened raises
    its ``OSError``.
    """
    try:
        doc = read_timeml(source, name=name)
    except TimeMLError as exc:  # the same message, as this module's error
        raise Task4Error(exc.message, file=exc.file, entry=exc.entry,
                         field=exc.field) from None
    label = doc.name

    def fail(message: str) -> Task4Error:
        return Task4Error(message, file=label)

    docid = _content(doc.root, "DOCID")
    if not docid:
        raise fail("no <DOCID>")
    if doc.dct is None:
        raise fail("no DCT naming a day (<DCT><TIMEX3 value=...>)")
    pieces: list[str] = []
    tokens: list[Token] = []
    seen: set[str] = set()
    offset = 0
    for annotation in doc.annotations:
        if annotation.tag != "s":
            continue
        sentence = annotation.attributes.get("id")
        if sentence is None or not sentence.strip():
            raise fail(f"a sentence with no id: {(annotation.text or '')[:40]!r}")
        if sentence in seen:
            raise fail(f"two sentences with id {sentence!r}")
        seen.add(sentence)
        if pieces:
            pieces.append("\n")
            offset += 1
        quotes = 0  # straight double quotes seen in the sentence: odd, one is open
        previous = ""
        for index, word in enumerate((annotation.text or "").split()):
            if index and not _glued(previous, word, quotes % 2 == 1):
                pieces.append(" ")
                offset += 1
            quotes += word == '"'
            tokens.append(Token(sentence, index, word, offset, offset + len(word)))
            pieces.append(word)
            offset += len(word)
            previous = word
    if not seen:
        raise fail("no <s id> sentences in <TEXT>")
    return Task4Document(label, docid, doc.dct, _content(doc.root, "EXTRAINFO") or "",
                         "".join(pieces), tuple(tokens))


# --- timeline files -----------------------------------------------------------------------------

def _no_space(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not value or any(c.isspace() for c in value):
        raise ValueError(f"{attribute.name} must be a non-empty string without whitespace: "
                         f"{value!r}")


def _mentions(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not value:
        raise ValueError("a row needs at least one mention")
    for mention in value:
        _no_space(instance, attribute, mention)


def _entity(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if (not isinstance(value, str) or not value.strip() or value != value.strip()
            or any(c.isspace() and c != " " for c in value)):
        raise ValueError(f"an entity is a name on one line, words parted by spaces, with "
                         f"no space around it: {value!r}")


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _rows(value: Iterable[TimelineRow]) -> tuple[TimelineRow, ...]:
    return tuple(value)


@attrs.frozen
class TimelineRow:
    """One line of a timeline: ORDER (0: not placed in time), DATE as the task writes it
    (an opaque string: ``2008-03`` and ``2008-03-XX`` differ), and the coreferent mentions."""

    order: int = attrs.field(validator=[attrs.validators.instance_of(int),
                                        attrs.validators.ge(0)])
    date: str = attrs.field(validator=_no_space)
    mentions: tuple[str, ...] = attrs.field(converter=_strings, validator=_mentions)


@attrs.frozen
class EntityTimeline:
    """The timeline of one target entity: its name and its rows in file order."""

    entity: str = attrs.field(validator=_entity)
    rows: tuple[TimelineRow, ...] = attrs.field(converter=_rows, default=())

    @property
    def file_name(self) -> str:
        """The task's file name for it: lower case, spaces to ``_`` (``steve_jobs.txt``)."""
        return timeline_file_name(self.entity)


def timeline_file_name(entity: str) -> str:
    """``Steve Jobs`` -> ``steve_jobs.txt``, as the task names its timeline files."""
    return "_".join(entity.lower().split()) + ".txt"


#: The DATE of an event the text does not date to a day, a month or a year.
UNKNOWN_DATE = "XXXX-XX-XX"


def task_date(interval: Interval | None) -> str:
    """The DATE the task writes for an interval: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` when
    it is exactly that day, month or year (on its own clock), else ``XXXX-XX-XX``.

    >>> task_date(Interval.of(date(2008, 6, 1), date(2008, 7, 1)))
    '2008-06'
    >>> task_date(Interval.of(date(2007, 12, 31), date(2008, 1, 7)))  # a week
    'XXXX-XX-XX'
    """
    if interval is None or interval.start is None or interval.end is None:
        return UNKNOWN_DATE
    start, end = interval.start.replace(tzinfo=None), interval.end.replace(tzinfo=None)
    if start.time() != time(0) or end.time() != time(0):
        return UNKNOWN_DATE
    first, last = start.date(), end.date()
    if last == first + timedelta(days=1):
        return first.isoformat()
    if first.day == 1 and last == (first + timedelta(days=31)).replace(day=1):
        return f"{first.year:04d}-{first.month:02d}"
    if (first.month, first.day) == (1, 1) and last == date(first.year + 1, 1, 1):
        return f"{first.year:04d}"
    return UNKNOWN_DATE


def parse_timeline(text: str, *, name: str = "<string>") -> EntityTimeline:
    """A timeline from a file's text; ``Task4Error`` naming ``name`` and the line for a
    line that is not ``ORDER<TAB>DATE<TAB>MENTION...`` (blank lines are skipped)."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise Task4Error("the first line must name the entity", file=name)
    rows: list[TimelineRow] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = [f.strip() for f in line.rstrip().split("\t")]
        where = f"line {number}"
        if len(fields) < 3 or not all(fields):
            raise Task4Error("expected ORDER<TAB>DATE<TAB>MENTION[<TAB>MENTION ...]",
                             file=name, entry=where)
        if not fields[0].isascii() or not fields[0].isdigit():
            raise Task4Error(f"ORDER must be a whole number, not {fields[0]!r}", file=name,
                             entry=where)
        try:
            rows.append(TimelineRow(int(fields[0]), fields[1], tuple(fields[2:])))
        except ValueError as exc:
            raise Task4Error(str(exc), file=name, entry=where) from None
    try:
        return EntityTimeline(lines[0].strip(), tuple(rows))
    except ValueError as exc:
        raise Task4Error(str(exc), file=name, entry="line 1") from None


def read_timeline(path: str | PathLike[str]) -> EntityTimeline:
    """Read a timeline file (UTF-8); ``Task4Error`` naming it when it is not one, the
    ``OSError`` when it cannot be opened."""
    label = str(path)
    file = Path(path)
    if not stat.S_ISREG(file.stat().st_mode):
        raise Task4Error("not a regular file", file=label)
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Task4Error(f"not UTF-8 (byte {exc.start})", file=label) from None
    return parse_timeline(text, name=label)


def write_timeline(timeline: EntityTimeline) -> str:
    """The timeline in the task's format: the entity's name, then one line per row."""
    lines = [timeline.entity]
    lines.extend("\t".join((str(row.order), row.date, *row.mentions)) for row in timeline.rows)
    return "\n".join(lines) + "\n"


# --- the measure --------------------------------------------------------------------------------

#: A node of the graph: ("event", mention, k) for the k-th occurrence of a mention, or
#: ("date", DATE) for a date string.
Node = tuple[str, ...]
#: A relation: ("SIMULTANEOUS" | "BEFORE", x, y).
Relation = tuple[str, Node, Node]

SIMULTANEOUS = "SIMULTANEOUS"
BEFORE = "BEFORE"

_DIGITS = re.compile(r"([0-9]+)")


def _natural_key(line: str) -> list[tuple[int, int | str]]:
    """The evaluation script's line order: digit runs compare as numbers, the rest as text."""
    return [(0, int(piece)) if i % 2 else (1, piece)
            for i, piece in enumerate(_DIGITS.split(line))]


def relations(timeline: EntityTimeline) -> list[Relation]:
    """The timeline's relations in the order the measure adds them: each placed mention
    SIMULTANEOUS with its DATE, then the chain of mentions in line order."""
    lines = sorted(timeline.rows, key=lambda row: _natural_key(
        "\t".join((str(row.order), row.date, *row.mentions))))
    seen: dict[str, int] = {}
    placed: list[tuple[Node, int]] = []
    out: list[Relation] = []
    for row in lines:
        if row.order == 0:
            continue
        for mention in row.mentions:
            k = seen.get(mention, 0)
            seen[mention] = k + 1
            node: Node = ("event", mention, str(k))
            placed.append((node, row.order))
            out.append((SIMULTANEOUS, node, ("date", row.date)))
    for (x, order), (y, next_order) in pairwise(placed):
        out.append((BEFORE if order < next_order else SIMULTANEOUS, x, y))
    return out


def _key(relation: Relation) -> tuple[str, frozenset[Node] | tuple[Node, Node]]:
    """A relation up to its converse: SIMULTANEOUS is symmetric, X BEFORE Y is Y AFTER X."""
    kind, x, y = relation
    return (kind, frozenset((x, y))) if kind == SIMULTANEOUS else (kind, (x, y))


class PointGraph:
    """The closure of SIMULTANEOUS and BEFORE between intervals, as points.

    Each interval is a start point before an end point; SIMULTANEOUS makes the starts equal
    and the ends equal, X BEFORE Y puts X's end before Y's start. Equal points share a class
    (union-find), and every other relation is a strict edge between classes, so ``x < y``
    holds exactly when a path leads from x's class to y's.
    """

    def __init__(self) -> None:
        self._points: dict[Node, tuple[int, int]] = {}
        self._parent: list[int] = []
        self._after: list[set[int]] = []
        #: Every class's successors as a bit set, built on the first query after a change.
        self._reach: dict[int, int] | None = None

    def __contains__(self, node: Node) -> bool:
        return node in self._points

    def _point(self) -> int:
        self._reach = None
        self._parent.append(len(self._parent))
        self._after.append(set())
        return len(self._parent) - 1

    def _add_node(self, node: Node) -> None:
        start, end = self._point(), self._point()
        self._after[start].add(end)
        self._points[node] = (start, end)

    def _find(self, point: int) -> int:
        root = point
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[point] != root:
            self._parent[point], point = root, self._parent[point]
        return root

    def _union(self, a: int, b: int) -> None:
        self._reach = None
        a, b = self._find(a), self._find(b)
        if a != b:
            self._parent[b] = a
            self._after[a] |= self._after[b]
            self._after[b] = set()

    def _before(self, a: int, b: int) -> bool:
        """Whether point ``a`` is strictly before point ``b``: a path of edges between them."""
        source, target = self._find(a), self._find(b)
        if source == target:
            return False
        seen = {source}
        stack = [source]
        while stack:
            for point in self._after[stack.pop()]:
                found = self._find(point)
                if found == target:
                    return True
                if found not in seen:
                    seen.add(found)
                    stack.append(found)
        return False

    def _closure(self) -> dict[int, int]:
        """Each class's successors (strictly after it), as bits: a DAG in post-order."""
        if self._reach is not None:
            return self._reach
        reach: dict[int, int] = {}
        for root in {self._find(p) for p in range(len(self._parent))}:
            if root in reach:
                continue
            stack: list[tuple[int, bool]] = [(root, False)]
            while stack:
                point, done = stack.pop()
                if done:
                    bits = 0
                    for after in self._after[point]:
                        target = self._find(after)
                        bits |= (1 << target) | reach[target]
                    reach[point] = bits
                    continue
                if point in reach:
                    continue
                stack.append((point, True))
                stack.extend((self._find(a), False) for a in self._after[point]
                             if self._find(a) not in reach)
        self._reach = reach
        return reach

    def _compare(self, a: int, b: int) -> str:
        """``=``, ``<``, ``>`` or ``?`` (neither follows) between two points."""
        if self._find(a) == self._find(b):
            return "="
        if self._before(a, b):
            return "<"
        if self._before(b, a):
            return ">"
        return "?"

    def implies(self, relation: Relation) -> bool:
        """Whether the relations added so far imply ``relation`` (False for a node not seen)."""
        kind, x, y = relation
        if x not in self._points or y not in self._points:
            return False
        (xs, xe), (ys, ye) = self._points[x], self._points[y]
        if kind == SIMULTANEOUS:
            return self._find(xs) == self._find(ys) and self._find(xe) == self._find(ye)
        return bool(self._closure()[self._find(xe)] >> self._find(ys) & 1)

    def add(self, relation: Relation) -> str:
        """Add ``relation``: ``"added"``, ``"implied"`` (nothing to add) or ``"violated"``
        (it contradicts the graph, which is left as it was)."""
        kind, x, y = relation
        fresh = x not in self._points or y not in self._points
        for node in (x, y):
            if node not in self._points:
                self._add_node(node)
        (xs, xe), (ys, ye) = self._points[x], self._points[y]
        if kind == SIMULTANEOUS:
            if not fresh:
                starts, ends = self._compare(xs, ys), self._compare(xe, ye)
                if starts == ends == "=":
                    return "implied"
                if starts not in "=?" or ends not in "=?":
                    return "violated"
            self._union(xs, ys)
            self._union(xe, ye)
            return "added"
        if not fresh:
            order = self._compare(xe, ys)
            if order == "<":
                return "implied"
            if order != "?":
                return "violated"
        self._reach = None
        self._after[self._find(xe)].add(ys)
        return "added"


@attrs.frozen
class TimelineScore:
    """One timeline's counts: the system's reduced relations and how many of them the gold
    implies, the gold's reduced relations and how many the system implies."""

    file: str
    system: int
    system_found: int
    gold: int
    gold_found: int
    missing: bool = False

    @property
    def precision(self) -> float:
        return self.system_found / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@attrs.frozen
class Task4Score:
    """Every timeline's score and the micro average: counts added over the timelines."""

    timelines: tuple[TimelineScore, ...]

    @property
    def precision(self) -> float:
        system = sum(t.system for t in self.timelines)
        return sum(t.system_found for t in self.timelines) / system if system else 0.0

    @property
    def recall(self) -> float:
        gold = sum(t.gold for t in self.timelines)
        return sum(t.gold_found for t in self.timelines) / gold if gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@attrs.frozen
class _Built:
    graph: PointGraph = attrs.field(eq=False)
    reduced: tuple[Relation, ...]
    stated: frozenset[tuple[str, Any]]


def _build(timeline: EntityTimeline) -> _Built:
    graph = PointGraph()
    reduced: list[Relation] = []
    seen: set[Relation] = set()
    for relation in relations(timeline):
        if relation in seen:
            continue
        seen.add(relation)
        if graph.add(relation) != "implied":
            reduced.append(relation)  # a violation counts, as the script counts it
    return _Built(graph, tuple(reduced), frozenset(_key(r) for r in seen))


def _found(reduced: Sequence[Relation], other: _Built) -> int:
    return sum(1 for r in reduced if _key(r) in other.stated or other.graph.implies(r))


def score_timeline(system: EntityTimeline | None, gold: EntityTimeline, *,
                   file: str | None = None) -> TimelineScore:
    """Score one system timeline against its gold (``None``: no system file, so nothing
    found and the gold's relations counted)."""
    name = file if file is not None else gold.file_name
    truth = _build(gold)
    if system is None:
        return TimelineScore(name, 0, 0, len(truth.reduced), 0, missing=True)
    answer = _build(system)
    return TimelineScore(name, len(answer.reduced), _found(answer.reduced, truth),
                         len(truth.reduced), _found(truth.reduced, answer))


def timeline_files(folder: str | PathLike[str]) -> list[Path]:
    """The ``.txt`` files in ``folder`` (not below it), sorted; ``Task4Error`` when none."""
    directory = Path(folder)
    if not directory.is_dir():
        raise Task4Error("not a directory", file=str(folder))
    found = sorted(p for p in directory.iterdir() if p.suffix == ".txt" and p.is_file())
    if not found:
        raise Task4Error("no .txt timeline files in this folder", file=str(folder))
    return found


def score(system_dir: str | PathLike[str], gold_dir: str | PathLike[str]) -> Task4Score:
    """Score every gold timeline of ``gold_dir`` against the file of the same name in
    ``system_dir`` (a missing one scores 0 with its gold relations counted; system files
    with no gold are not scored)."""
    system_folder = Path(system_dir)
    if not system_folder.is_dir():
        raise Task4Error("not a directory", file=str(system_dir))
    scores: list[TimelineScore] = []
    for path in timeline_files(gold_dir):
        answer = system_folder / path.name
        system = read_timeline(answer) if answer.is_file() else None
        scores.append(score_timeline(system, read_timeline(path), file=path.name))
    return Task4Score(tuple(scores))


def score_timelines(pairs: Iterable[tuple[EntityTimeline | None, EntityTimeline]]) -> Task4Score:
    """Score (system, gold) pairs already read: the micro average over them."""
    return Task4Score(tuple(score_timeline(s, g) for s, g in pairs))


__all__ = [
    "UNKNOWN_DATE",
    "EntityTimeline",
    "PointGraph",
    "Task4Document",
    "Task4Error",
    "Task4Score",
    "TimelineRow",
    "TimelineScore",
    "Token",
    "parse_timeline",
    "read_task4",
    "read_timeline",
    "relations",
    "score",
    "score_timeline",
    "score_timelines",
    "task_date",
    "timeline_file_name",
    "timeline_files",
    "write_timeline",
]
