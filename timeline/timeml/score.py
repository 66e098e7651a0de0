"""Score TIMEX3s against gold as TempEval-3 Task A does, and say what went wrong.

The measures (UzZaman et al. 2013, "SemEval-2013 Task 1: TempEval-3", §4.1):

- *strict* extent: a system TIMEX3 with exactly a gold one's span;
- *relaxed* extent: a system TIMEX3 overlapping a gold one by at least one character.
  Each gold TIMEX3 is paired with at most one system TIMEX3 and each system TIMEX3 with at
  most one gold; where several overlap, the pairing is the one with the most pairs, then
  the most exact-span pairs, then the most characters in common (a minimum-cost maximum
  flow, so one long gold TIMEX3 overlapping two system ones never costs a later gold
  TIMEX3 its only partner);
- P = matches / system TIMEX3s, R = matches / gold TIMEX3s, F1 their harmonic mean;
- *type*, *value* and *mod* F1: the share of relaxed pairs whose attribute agrees, times
  the relaxed F1 (which is the same as 2·correct / (gold + system)); a mod absent on both
  sides agrees.

Strict matches are counted on their own, as pairs of identical spans, whatever the
relaxed pairing chose. Gold TIMEX3s with an empty extent (TimeML's non-consuming tags)
cannot be found in text and are not scored.

Every disagreement is listed with a *kind* that groups it with its like: ``missed: DATE``,
``spurious: DURATION``, ``extent: too long``, ``type: DURATION as DATE``, ``mod: END as
none``, and for values a diagnosis computed from the two strings (``value: wrong year``,
``value: wrong week (weekday)``, ``value: wrong granularity (month vs day)``, ``value:
duration vs date``, ``value: PRESENT_REF vs date``, ...; see ``value_error_kind``).
"""

from __future__ import annotations

import heapq
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import attrs

from timeline.errors import TimexError
from timeline.tagger.scan import Mention, scan
from timeline.time import timex as timex_values
from timeline.time.duration import Duration
from timeline.time.granularity import Granularity
from timeline.time.jsontext import JSONable, JSONText, dump_json
from timeline.timeml.read import TimeMLError, Timex, read_timeml

CATEGORIES = ("missed", "spurious", "extent", "type", "value", "mod")


@attrs.frozen
class Scored(JSONable):
    """A TIMEX3 as the scorer compares it: span, text, type, value, mod; for system
    TIMEX3s from the tagger, the rule that found it."""

    start: int
    end: int
    text: str
    type: str | None
    value: str | None
    mod: str | None
    rule: str | None = None

    @classmethod
    def of(cls, item: Timex | Mention | Scored, text: str = "") -> Scored:
        """From a gold ``Timex``, a tagger ``Mention`` (its TIMEX3 ``extent``) or as is."""
        if isinstance(item, Scored):
            return item
        if isinstance(item, Mention):
            start, end = item.extent
            value = item.timex
            shown = text[start:end] if text else item.text[start - item.start:end - item.start]
            return cls(start, end, shown, value.type.value, value.value,
                       value.mod.value if value.mod else None, item.rule)
        if item.span is None:
            raise ValueError(f"TIMEX3 {item.tid or item.text!r} has no span to score")
        return cls(item.span[0], item.span[1], item.text, item.type, item.value, item.mod)

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "span": [self.start, self.end],
                               "type": self.type, "value": self.value, "mod": self.mod}
        if self.rule is not None:
            out["rule"] = self.rule
        return out


@attrs.frozen
class Disagreement(JSONable):
    """One thing the system got wrong: its ``category`` (one of ``CATEGORIES``), its finer
    ``kind``, the document, and the gold and system TIMEX3s concerned (one may be ``None``)."""

    category: str
    kind: str
    file: str
    gold: Scored | None
    system: Scored | None

    def to_dict(self) -> dict[str, Any]:
        return {"category": self.category, "kind": self.kind, "file": self.file,
                "gold": None if self.gold is None else self.gold.to_dict(),
                "system": None if self.system is None else self.system.to_dict()}


def _f1(correct: int, gold: int, system: int) -> float:
    """2·correct / (gold + system): F1 of P = correct/system and R = correct/gold."""
    return 2 * correct / (gold + system) if gold + system else 1.0


def _ratio(part: int, whole: int) -> float:
    """A share that is 1.0 when there is nothing to get wrong (gold against itself, empty)."""
    return part / whole if whole else 1.0


@attrs.frozen
class Counts:
    """The counts Task A's measures come from; they add up across documents.

    ``type``, ``value`` and ``mod`` count the relaxed pairs whose attribute agrees.
    """

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0
    mod: int = 0

    def __add__(self, other: Counts) -> Counts:
        return _summed(self, other)

    def precision(self, matched: int) -> float:
        return _ratio(matched, self.system)

    def recall(self, matched: int) -> float:
        return _ratio(matched, self.gold)

    def f1(self, matched: int) -> float:
        return _f1(matched, self.gold, self.system)

    def accuracy(self, attribute: str) -> float:
        """The share of relaxed pairs whose ``type``, ``value`` or ``mod`` agrees."""
        return _ratio(getattr(self, attribute), self.relaxed)

    def measures(self) -> dict[str, dict[str, float]]:
        """Strict and relaxed P/R/F1; type, value and mod accuracy and F1."""
        out = {extent: {"precision": self.precision(getattr(self, extent)),
                        "recall": self.recall(getattr(self, extent)),
                        "f1": self.f1(getattr(self, extent))}
               for extent in ("strict", "relaxed")}
        for attribute in ("type", "value", "mod"):
            out[attribute] = {"accuracy": self.accuracy(attribute),
                              "f1": self.f1(getattr(self, attribute))}
        return out


_Tally = TypeVar("_Tally", "Counts", "ErrorCounts")


def _summed(one: _Tally, other: _Tally) -> _Tally:
    """Two tallies of one kind added field by field (documents' counts add up)."""
    return type(one)(*(a + b for a, b in zip(attrs.astuple(one), attrs.astuple(other),
                                             strict=True)))


@attrs.frozen
class ErrorCounts:
    """What the relaxed pairing leaves over or gets half right, by cause; they add up.

    The extent measures say how much went wrong, these say what (issue 15): ``spurious``,
    system TIMEX3s overlapping no gold one (to the annotators, no time expression at all);
    ``missed``, gold TIMEX3s no system one overlaps; ``extent``, relaxed pairs whose spans
    differ (found, but cut wrong). What is left is rarer: ``split``, system TIMEX3s left
    unpaired though they overlap a gold one (a gold TIMEX3 found in pieces), and
    ``merged``, gold TIMEX3s left unpaired though a system one overlaps them (one system
    TIMEX3 over several gold ones). So gold = relaxed + missed + merged and system =
    relaxed + spurious + split.
    """

    spurious: int = 0
    missed: int = 0
    extent: int = 0
    split: int = 0
    merged: int = 0

    def __add__(self, other: ErrorCounts) -> ErrorCounts:
        return _summed(self, other)

    def per_100_gold(self, gold: int) -> dict[str, float | None]:
        """Each count per 100 gold TIMEX3s, so sources of any size compare; ``None`` when
        there is no gold TIMEX3 (a spurious one there is no rate of anything)."""
        return {name: 100 * count / gold if gold else None
                for name, count in attrs.asdict(self).items()}


@attrs.frozen
class DocumentScore:
    """One document: its counts, the relaxed pairs (gold, system), what went wrong, and
    the error counts by cause."""

    file: str
    counts: Counts
    pairs: tuple[tuple[Scored, Scored], ...]
    disagreements: tuple[Disagreement, ...]
    error_counts: ErrorCounts = ErrorCounts()


# --- pairing ------------------------------------------------------------------------------------

def _overlapping(gold: Sequence[Scored], system: Sequence[Scored]) -> list[tuple[int, int, int]]:
    """Every (gold index, system index, characters in common) that overlap, by a sweep."""
    events = sorted([(g.start, 0, i) for i, g in enumerate(gold) if g.end > g.start]
                    + [(s.start, 1, j) for j, s in enumerate(system) if s.end > s.start])
    active: tuple[list[int], list[int]] = ([], [])
    spans = (gold, system)
    found: list[tuple[int, int, int]] = []
    for start, side, index in events:
        other = 1 - side
        active[other][:] = [k for k in active[other] if spans[other][k].end > start]
        for k in active[other]:
            common = min(spans[side][index].end, spans[other][k].end) - start
            found.append((index, k, common) if side == 0 else (k, index, common))
        active[side].append(index)
    return sorted(found)


def pair(gold: Sequence[Scored], system: Sequence[Scored]) -> list[tuple[int, int]]:
    """The relaxed pairing: most pairs, then most exact-span pairs, then most overlap.

    A minimum-cost maximum flow (successive shortest paths, Dijkstra with potentials) on
    gold -> system edges weighted ``exact·M + overlap``, ``M`` above any total overlap, so
    that one exact pair outweighs any amount of overlap. Deterministic: ties go the same
    way on every run.
    """
    edges = _overlapping(gold, system)
    if not edges:
        return []
    n_gold, n_system = len(gold), len(system)
    big = 1 + sum(common for _, _, common in edges)
    source, sink = n_gold + n_system, n_gold + n_system + 1
    size = sink + 1
    to: list[int] = []
    capacity: list[int] = []
    cost: list[int] = []
    adjacent: list[list[int]] = [[] for _ in range(size)]

    def add(u: int, v: int, weight: int) -> None:
        adjacent[u].append(len(to))
        to.append(v)
        capacity.append(1)
        cost.append(weight)
        adjacent[v].append(len(to))
        to.append(u)
        capacity.append(0)
        cost.append(-weight)

    used_gold = sorted({g for g, _, _ in edges})
    used_system = sorted({s for _, s, _ in edges})
    for g in used_gold:
        add(source, g, 0)
    for s in used_system:
        add(n_gold + s, sink, 0)
    potential = [0] * size
    for g, s, common in edges:
        exact = gold[g].span == system[s].span
        weight = -(big * exact + common)
        add(g, n_gold + s, weight)
        # Shortest distances in the first graph (source -> gold -> system -> sink, a DAG):
        # potentials that make every reduced cost non-negative for Dijkstra.
        potential[n_gold + s] = min(potential[n_gold + s], weight)
    potential[sink] = min(potential[n_gold + s] for s in used_system)

    infinity = float("inf")
    while True:
        distance = [infinity] * size
        via = [-1] * size
        distance[source] = 0
        queue: list[tuple[float, int]] = [(0, source)]
        while queue:
            d, u = heapq.heappop(queue)
            if d > distance[u]:
                continue
            for e in adjacent[u]:
                if capacity[e] == 0:
                    continue
                v = to[e]
                nd = d + cost[e] + potential[u] - potential[v]
                if nd < distance[v]:
                    distance[v] = nd
                    via[v] = e
                    heapq.heappush(queue, (nd, v))
        if distance[sink] == infinity:
            break
        for node in range(size):
            if distance[node] < infinity:
                potential[node] += int(distance[node])
        node = sink
        while node != source:
            e = via[node]
            capacity[e] -= 1
            capacity[e ^ 1] += 1
            node = to[e ^ 1]
    pairs = []
    for g in used_gold:
        for e in adjacent[g]:
            if n_gold <= to[e] < source and capacity[e] == 0 and cost[e] <= 0:
                pairs.append((g, to[e] - n_gold))
    return sorted(pairs)


# --- what went wrong ----------------------------------------------------------------------------

_REFERENCES = frozenset(timex_values.REFERENCES)


def _shape(value: str) -> str:
    if value in _REFERENCES:
        return value
    if value.startswith("P"):
        try:
            Duration.from_timex(value)
        except TimexError:
            return "other"
        return "duration"
    try:
        timex_values.parse(value)
    except TimexError:
        return "other"
    return "date"


def _without_zone(value: str) -> str:
    if "T" not in value:
        return value
    day, _, clock = value.partition("T")
    for sign in ("Z", "+", "-"):
        clock = clock.split(sign)[0]
    return f"{day}T{clock}"


def _duration_kind(gold: str, system: str) -> str:
    g, s = Duration.from_timex(gold), Duration.from_timex(system)
    if [unit for unit, _ in g.parts] != [unit for unit, _ in s.parts]:
        return "value: wrong duration unit"
    if g.known != s.known:
        return "value: duration amount X vs number" if not g.known else \
            "value: duration amount number vs X"
    return "value: wrong duration amount"


def _day_kind(gold: datetime, system: datetime) -> str:
    delta = (system.date() - gold.date()).days
    if (gold.month, gold.day) == (system.month, system.day):
        return "value: wrong year"
    if delta % 7 == 0:
        return "value: wrong week (weekday)"
    if abs(delta) == 1:
        return "value: off by one day"
    if (gold.year, gold.month) == (system.year, system.month):
        return "value: wrong day of month"
    return "value: wrong date"


_CLOCK = (Granularity.SECOND, Granularity.MINUTE, Granularity.HOUR, Granularity.PART_OF_DAY)


def _date_kind(gold: str, system: str) -> str:
    g, s = timex_values.parse(gold), timex_values.parse(system)
    if g.interval is not None and g.interval == s.interval:
        return "value: same interval, other form"
    if g.granularity is not s.granularity:
        return f"value: wrong granularity ({g.granularity.value} vs {s.granularity.value})"
    if g.interval is None or s.interval is None:
        if g.interval is None and s.interval is None:
            return "value: wrong unspecified (X) value"
        return "value: X digits vs number" if g.interval is None else \
            "value: number vs X digits"
    g_start, s_start = g.interval.start, s.interval.start
    assert g_start is not None and s_start is not None  # a granule has both ends
    granularity = g.granularity
    if granularity in _CLOCK:
        if g_start.date() != s_start.date():
            return _day_kind(g_start, s_start).replace("value: ", "value: time on ")
        if _without_zone(gold) == _without_zone(system):
            return "value: time zone"
        if granularity is Granularity.PART_OF_DAY:
            return "value: wrong part of day"
        return "value: wrong clock time"
    if granularity is Granularity.DAY:
        return _day_kind(g_start, s_start)
    if len(gold) > 4 and g_start.year != s_start.year and gold[4:] == system[4:]:
        return "value: wrong year"
    return f"value: wrong {granularity.value}"


def value_error_kind(gold: str | None, system: str | None) -> str:
    """What is wrong with a system value, from the two strings.

    >>> value_error_kind("1998-02-13", "1998-02-20")
    'value: wrong week (weekday)'
    >>> value_error_kind("1998-02", "1997-02"), value_error_kind("P3Y", "1995")
    ('value: wrong year', 'value: duration vs date')
    >>> value_error_kind("PAST_REF", "1998"), value_error_kind("1998-02", "1998-02-13")
    ('value: PAST_REF vs date', 'value: wrong granularity (month vs day)')
    """
    if gold is None or system is None:
        return f"value: {'none' if gold is None else 'some'} vs " \
               f"{'none' if system is None else 'some'}"
    g, s = _shape(gold), _shape(system)
    if g != s:
        return f"value: {g} vs {s}"
    if g == "duration":
        return _duration_kind(gold, system)
    if g == "date":
        return _date_kind(gold, system)
    return f"value: wrong {g}" if g != "other" else "value: unreadable"


def _extent_kind(gold: Scored, system: Scored) -> str:
    if system.start <= gold.start and gold.end <= system.end:
        return "extent: too long"
    if gold.start <= system.start and system.end <= gold.end:
        return "extent: too short"
    return "extent: shifted"


def _pair_disagreements(file: str, gold: Scored, system: Scored) -> list[Disagreement]:
    found = []
    if gold.span != system.span:
        found.append(Disagreement("extent", _extent_kind(gold, system), file, gold, system))
    if gold.type != system.type:
        found.append(Disagreement("type", f"type: {gold.type} as {system.type}", file, gold,
                                  system))
    if gold.value != system.value:
        found.append(Disagreement("value", value_error_kind(gold.value, system.value), file,
                                  gold, system))
    if gold.mod != system.mod:
        found.append(Disagreement("mod", f"mod: {gold.mod or 'none'} as {system.mod or 'none'}",
                                  file, gold, system))
    return found


def _position(disagreement: Disagreement) -> int:
    shown = disagreement.gold or disagreement.system
    return 0 if shown is None else shown.start


def score_document(gold: Iterable[Timex | Scored], system: Iterable[Mention | Timex | Scored],
                   *, text: str = "", file: str = "") -> DocumentScore:
    """Task A counts and disagreements for one document.

    ``text`` is the document's plain text, which gives each mention its TIMEX3 text.
    """
    golds = [g for g in (Scored.of(item) for item in gold) if g.end > g.start]
    systems = [Scored.of(item, text) for item in system]
    pairs = pair(golds, systems)
    strict = sum((Counter(g.span for g in golds) & Counter(s.span for s in systems)).values())
    counts = Counts(gold=len(golds), system=len(systems), strict=strict, relaxed=len(pairs),
                    type=sum(golds[g].type == systems[s].type for g, s in pairs),
                    value=sum(golds[g].value == systems[s].value for g, s in pairs),
                    mod=sum(golds[g].mod == systems[s].mod for g, s in pairs))
    found: list[Disagreement] = []
    by_gold = dict(pairs)
    for i, g in enumerate(golds):
        if i in by_gold:
            found.extend(_pair_disagreements(file, g, systems[by_gold[i]]))
        else:
            found.append(Disagreement("missed", f"missed: {g.type}", file, g, None))
    paired_system = {s for _, s in pairs}
    for j, s in enumerate(systems):
        if j not in paired_system:
            found.append(Disagreement("spurious", f"spurious: {s.type}", file, None, s))
    found.sort(key=_position)
    overlaps = _overlapping(golds, systems)
    overlapped = {g for g, _, _ in overlaps}
    overlapping = {s for _, s, _ in overlaps}
    errors = ErrorCounts(
        spurious=len(systems) - len(overlapping), missed=len(golds) - len(overlapped),
        extent=sum(golds[g].span != systems[s].span for g, s in pairs),
        split=len(overlapping) - len(pairs), merged=len(overlapped) - len(pairs))
    return DocumentScore(file, counts, tuple((golds[g], systems[s]) for g, s in pairs),
                         tuple(found), errors)


# --- a whole corpus -----------------------------------------------------------------------------

@attrs.frozen
class ErrorKind(JSONable):
    """A kind of disagreement: how often it happened, and its first example."""

    kind: str
    count: int
    example: Disagreement

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "count": self.count, "example": self.example.to_dict()}


#: The error counts and the F1 measures a per-source table shows (``GroupScore.headline``).
HEADLINE_ERRORS = ("spurious", "missed", "extent")
HEADLINE_MEASURES = ("strict", "relaxed", "type", "value")


@attrs.frozen
class GroupScore(JSONable):
    """Task A and the error counts summed over a group of documents: a source, a kind of
    news, a whole corpus. Per 100 gold TIMEX3s, so groups of any size compare."""

    name: str
    documents: int
    counts: Counts
    error_counts: ErrorCounts

    @classmethod
    def of(cls, name: str, documents: Iterable[DocumentScore]) -> GroupScore:
        scores = list(documents)
        return cls(name, len(scores), sum((d.counts for d in scores), Counts()),
                   sum((d.error_counts for d in scores), ErrorCounts()))

    def headline(self) -> dict[str, float | None]:
        """The numbers a per-source table shows, in its order: gold TIMEX3s; spurious,
        missed and extent errors per 100 gold (``None`` with no gold); strict, relaxed,
        type and value F1 (percent).

        >>> row = GroupScore("x", 1, Counts(4, 5, 3, 4, 4, 2, 4), ErrorCounts(1, 0, 1))
        >>> list(row.headline().items())[:4]
        [('gold', 4), ('spurious', 25.0), ('missed', 0.0), ('extent', 25.0)]
        >>> round(row.headline()["relaxed F1"], 1), round(row.headline()["value F1"], 1)
        (88.9, 44.4)
        """
        counts = self.counts
        per_100 = self.error_counts.per_100_gold(counts.gold)
        return {"gold": counts.gold, **{name: per_100[name] for name in HEADLINE_ERRORS},
                **{f"{measure} F1": 100 * counts.f1(getattr(counts, measure))
                   for measure in HEADLINE_MEASURES}}

    def to_dict(self) -> dict[str, Any]:
        """Documents, gold and system counts, errors and errors per 100 gold, the measures."""
        counts = self.counts
        errors = self.error_counts
        return {"name": self.name, "documents": self.documents, "gold": counts.gold,
                "system": counts.system, **attrs.asdict(errors),
                "per_100_gold": errors.per_100_gold(counts.gold), **counts.measures()}


@attrs.frozen
class Evaluation(JSONable):
    """Task A over a corpus, with the tagging speed.

    ``seconds`` is the time spent tagging only (not reading, writing or scoring) and
    ``characters`` the plain text tagged; ``startup_seconds`` the first, untimed call
    that loads the rule tables.
    """

    documents: tuple[DocumentScore, ...]
    characters: int
    seconds: float
    startup_seconds: float = 0.0

    @property
    def counts(self) -> Counts:
        return sum((d.counts for d in self.documents), Counts())

    @property
    def characters_per_second(self) -> float | None:
        """``None`` when no time was measured (nothing to tag)."""
        return self.characters / self.seconds if self.seconds > 0 else None

    @property
    def error_counts(self) -> ErrorCounts:
        return sum((d.error_counts for d in self.documents), ErrorCounts())

    def groups(self, key: Callable[[str], str],
               order: Callable[[str], Any] | None = None) -> list[GroupScore]:
        """The documents grouped by ``key`` of their file name, each group summed; sorted
        by ``order`` of the group's name (default: the name).

        ``key`` is, say, ``lambda file: source_of(file).code`` (``timeline.timeml.sources``).
        """
        grouped: dict[str, list[DocumentScore]] = {}
        for document in self.documents:
            grouped.setdefault(key(document.file), []).append(document)
        return [GroupScore.of(name, grouped[name]) for name in sorted(grouped, key=order)]

    @property
    def disagreements(self) -> list[Disagreement]:
        return [d for doc in self.documents for d in doc.disagreements]

    def error_kinds(self) -> list[ErrorKind]:
        """Every kind of disagreement, most frequent first (then by name), with an example."""
        counts: Counter[str] = Counter()
        first: dict[str, Disagreement] = {}
        for d in self.disagreements:
            counts[d.kind] += 1
            first.setdefault(d.kind, d)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [ErrorKind(kind, count, first[kind]) for kind, count in ranked]

    def to_dict(self, errors: int | None = None) -> dict[str, Any]:
        """Counts, measures and speed; with ``errors``, that many most frequent error kinds."""
        counts = self.counts
        out: dict[str, Any] = {"documents": len(self.documents), "gold": counts.gold,
                               "system": counts.system, **attrs.asdict(self.error_counts),
                               "per_100_gold": self.error_counts.per_100_gold(counts.gold),
                               **counts.measures(),
                               "characters": self.characters, "seconds": self.seconds,
                               "characters_per_second": self.characters_per_second,
                               "startup_seconds": self.startup_seconds,
                               "speed_measures": "tagging only"}
        if errors is not None:
            out["errors"] = [k.to_dict() for k in self.error_kinds()[:errors]]
        return out

    def to_json(self, errors: int | None = None, *, indent: int | None = None) -> JSONText:
        """``to_dict`` as JSON text (``timeline evaluate --json`` writes it with ``indent=2``).

        It gave the dict until 0.1.0: for one release the text still answers
        ``e.to_json()["f1"]`` with a ``DeprecationWarning`` (``timeline.time.jsontext``).
        """
        return dump_json(self.to_dict(errors), "Evaluation", indent=indent)


Tagger = Callable[[str, date | datetime], Sequence[Mention]]


def evaluate(paths: Iterable[str | Path], *, tagger: Tagger = scan,
             clock: Callable[[], float] = time.perf_counter) -> Evaluation:
    """Tag each TimeML file against its own DCT and score it against its gold TIMEX3s.

    Only the ``tagger`` calls are timed. The first call (on an empty text) is timed apart
    as ``startup_seconds``: it loads the rule tables, a cost paid once per process.

    Every file is read, and its DCT checked, before any is tagged: the first that cannot be
    (not XML, an encoding it cannot decode, no usable DCT) stops the run with a
    ``TimeMLError`` naming it, so a score never silently leaves a gold file out.
    """
    documents = [read_timeml(path) for path in paths]
    anchors = [doc.anchor() for doc in documents]  # every DCT checked before any tagging
    startup = 0.0
    if documents:
        began = clock()
        tagger("", anchors[0])
        startup = clock() - began
    scores = []
    seconds = 0.0
    characters = 0
    for doc, anchor in zip(documents, anchors, strict=True):
        began = clock()
        mentions = tagger(doc.text, anchor)
        seconds += clock() - began
        characters += len(doc.text)
        scores.append(score_document(doc.timexes, mentions, text=doc.text,
                                     file=Path(doc.name).name))
    return Evaluation(tuple(scores), characters, seconds, startup)


def timeml_files(folder: str | Path) -> list[Path]:
    """The ``.tml`` files in ``folder`` (not below it), sorted; ``TimeMLError`` when none."""
    directory = Path(folder)
    if not directory.is_dir():
        raise TimeMLError("not a directory", file=str(folder))
    found = sorted(p for p in directory.iterdir() if p.suffix == ".tml" and p.is_file())
    if not found:
        raise TimeMLError("no .tml files in this folder", file=str(folder))
    return found


__all__ = [
    "CATEGORIES",
    "Counts",
    "Disagreement",
    "DocumentScore",
    "ErrorCounts",
    "ErrorKind",
    "Evaluation",
    "GroupScore",
    "Scored",
    "evaluate",
    "pair",
    "score_document",
    "timeml_files",
    "value_error_kind",
]
