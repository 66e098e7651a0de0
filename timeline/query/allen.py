"""Allen's 13 interval relations between intervals whose ends are known only within bounds.

An event reported as "early March" has a start somewhere in a range and an end somewhere in
another; between two such events several of Allen's relations may be possible.
``possible_relations`` returns exactly those for which some concrete pair of intervals fits
every bound, every known difference and the relation itself, so "certainly before" and
"possibly overlaps" are answers, not guesses.

Time is integers (microseconds on one clock, the caller converts); ``None`` bounds nothing.
Intervals are half-open, ``[start, end)`` with ``start < end``: adjacent days *meet*, they
never overlap. The check is exact: each relation is a conjunction of endpoint comparisons,
so bounds, differences and relation together form a simple temporal network (constraints
``x_j - x_i <= w`` over the origin and the four endpoints; on integers ``x < y`` is
``x - y <= -1``), which has a solution exactly when its distance graph has no negative
cycle. An integer network that has a real solution has an integer one (shortest-path
distances are sums of the weights), so nothing is lost by working on integers.

>>> march_2 = Bounds.exact(2, 3)
>>> early_march = Bounds(earliest_start=1, latest_start=10, earliest_end=2, latest_end=11)
>>> sorted(possible_relations(march_2, Bounds.exact(3, 4)))
['meets']
>>> sorted(possible_relations(Bounds.exact(1, 2), early_march))
['before', 'equals', 'meets', 'starts']
>>> holds(Bounds.exact(1, 3), early_march, INTERSECTING) is None  # possibly, not certainly
True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

import attrs

#: Allen's relations of ``a`` to ``b``, in the conventional order (each the converse of its
#: mirror image: ``before`` and ``after``, ``meets`` and ``met-by``, ... ``equals`` alone).
RELATIONS: tuple[str, ...] = (
    "before", "meets", "overlaps", "starts", "during", "finishes", "equals",
    "finished-by", "contains", "started-by", "overlapped-by", "met-by", "after",
)

#: The relation of ``b`` to ``a`` when ``a`` stands in the key relation to ``b``.
CONVERSE: dict[str, str] = {name: RELATIONS[-1 - i] for i, name in enumerate(RELATIONS)}

#: Relations in which the two intervals share no instant (half-open, so meeting is disjoint).
DISJOINT: frozenset[str] = frozenset({"before", "meets", "met-by", "after"})
#: Relations in which the intervals share at least one instant: ``IntervalIndex.overlapping``.
INTERSECTING: frozenset[str] = frozenset(RELATIONS) - DISJOINT
#: ``a`` lies inside ``b`` (``b.start <= a.start``, ``a.end <= b.end``): ``IntervalIndex.within``.
WITHIN: frozenset[str] = frozenset({"starts", "during", "finishes", "equals"})
#: ``a`` covers ``b`` (the converse of ``WITHIN``): ``IntervalIndex.containing``.
CONTAINING: frozenset[str] = frozenset(CONVERSE[name] for name in WITHIN)

# The nodes of the network: the origin (time 0) and the endpoints of a and b.
_ORIGIN, _A_START, _A_END, _B_START, _B_END = range(5)
_NODES = range(5)

#: An edge ``(i, j, w)`` is the constraint ``x_j - x_i <= w``.
_Edge = tuple[int, int, int]


def _less(x: int, y: int) -> list[_Edge]:
    """``x < y``, which on integers is ``x - y <= -1``."""
    return [(y, x, -1)]


def _equal(x: int, y: int) -> list[_Edge]:
    return [(y, x, 0), (x, y, 0)]


#: Each relation as endpoint comparisons, the definitions of Allen (1983) for ``[s, e)``.
_CONSTRAINTS: dict[str, list[_Edge]] = {
    "before": _less(_A_END, _B_START),
    "meets": _equal(_A_END, _B_START),
    "overlaps": _less(_A_START, _B_START) + _less(_B_START, _A_END) + _less(_A_END, _B_END),
    "starts": _equal(_A_START, _B_START) + _less(_A_END, _B_END),
    "during": _less(_B_START, _A_START) + _less(_A_END, _B_END),
    "finishes": _less(_B_START, _A_START) + _equal(_A_END, _B_END),
    "equals": _equal(_A_START, _B_START) + _equal(_A_END, _B_END),
    "finished-by": _less(_A_START, _B_START) + _equal(_A_END, _B_END),
    "contains": _less(_A_START, _B_START) + _less(_B_END, _A_END),
    "started-by": _equal(_A_START, _B_START) + _less(_B_END, _A_END),
    "overlapped-by": _less(_B_START, _A_START) + _less(_A_START, _B_END) + _less(_B_END, _A_END),
    "met-by": _equal(_B_END, _A_START),
    "after": _less(_B_END, _A_START),
}


_Validator = Callable[[Any, "attrs.Attribute[int | None]", "int | None"], None]


def _check_range(earliest: str, latest: str) -> _Validator:
    """A validator for the later field: ``earliest <= latest`` where both are given."""

    def check(instance: Any, attribute: attrs.Attribute[int | None], value: int | None) -> None:
        low, high = getattr(instance, earliest), getattr(instance, latest)
        if low is not None and high is not None and low > high:
            raise ValueError(f"{earliest} {low} is after {latest} {high}")

    return check


@attrs.frozen
class Bounds:
    """What is known of an interval ``[start, end)``: the range of each end, ``None`` unbounded.

    ``None`` is no constraint: with ``latest_end=None`` the end may be any instant after the
    start, so an ongoing event ("since March") and an event whose end was not reported both
    read as "ends at some point after its start".

    The start lies in ``[earliest_start, latest_start]`` and the end in
    ``[earliest_end, latest_end]`` (closed ranges of instants). Bounds that admit no
    interval at all (every start at or after every end) are allowed here and show up as an
    empty ``possible_relations``, a conflict for the caller to report.

    >>> Bounds.exact(5, 9)
    Bounds(earliest_start=5, latest_start=5, earliest_end=9, latest_end=9)
    >>> Bounds(earliest_start=3, latest_start=2)
    Traceback (most recent call last):
    ...
    ValueError: earliest_start 3 is after latest_start 2
    """

    earliest_start: int | None = None
    latest_start: int | None = attrs.field(
        default=None, validator=_check_range("earliest_start", "latest_start"))
    earliest_end: int | None = None
    latest_end: int | None = attrs.field(
        default=None, validator=_check_range("earliest_end", "latest_end"))

    @classmethod
    def exact(cls, start: int | None, end: int | None) -> Bounds:
        """An interval known exactly; ``None`` leaves that end free (only ``start < end`` holds)."""
        return cls(start, start, end, end)


#: A closed range ``(lo, hi)`` of a difference; ``None`` is unbounded on that side.
Range = tuple[int | None, int | None]
#: Nothing known.
UNKNOWN: Range = (None, None)


def _check_pair(instance: Differences, attribute: attrs.Attribute[Range],
                value: Range) -> None:
    low, high = value
    if low is not None and high is not None and low > high:
        raise ValueError(f"{attribute.name}: range ({low}, {high}) is empty")


def _negated(pair: Range) -> Range:
    low, high = pair
    return (None if high is None else -high, None if low is None else -low)


@attrs.frozen
class Differences:
    """Known ranges ``(lo, hi)`` of differences between endpoints of ``a`` and ``b``, or ``None``.

    ``start_start`` bounds ``a.start - b.start``, ``start_end`` bounds ``a.start - b.end``,
    ``end_start`` bounds ``a.end - b.start`` and ``end_end`` bounds ``a.end - b.end``, both
    ends of each range included. Such knowledge comes from order constraints ("two days
    after the vote") propagated between events, and is tighter than the bounds of each
    interval alone: two events known to be one day apart may each float over a month.
    """

    start_start: Range = attrs.field(default=UNKNOWN, validator=_check_pair)
    start_end: Range = attrs.field(default=UNKNOWN, validator=_check_pair)
    end_start: Range = attrs.field(default=UNKNOWN, validator=_check_pair)
    end_end: Range = attrs.field(default=UNKNOWN, validator=_check_pair)

    def converse(self) -> Differences:
        """The same knowledge seen from ``b``: ranges of ``b``'s endpoints minus ``a``'s."""
        return Differences(start_start=_negated(self.start_start),
                           start_end=_negated(self.end_start),
                           end_start=_negated(self.start_end),
                           end_end=_negated(self.end_end))


def _edges(a: Bounds, b: Bounds, known: Differences | None) -> list[_Edge]:
    """The network of the inputs alone: bounds, known differences and ``start < end``."""
    edges: list[_Edge] = []

    def at_least(node: int, value: int | None) -> None:  # node - origin >= value
        if value is not None:
            edges.append((node, _ORIGIN, -value))

    def at_most(node: int, value: int | None) -> None:  # node - origin <= value
        if value is not None:
            edges.append((_ORIGIN, node, value))

    for bounds, start, end in ((a, _A_START, _A_END), (b, _B_START, _B_END)):
        at_least(start, bounds.earliest_start)
        at_most(start, bounds.latest_start)
        at_least(end, bounds.earliest_end)
        at_most(end, bounds.latest_end)
        edges += _less(start, end)
    if known is not None:
        for (x, y), (low, high) in (((_A_START, _B_START), known.start_start),
                                    ((_A_START, _B_END), known.start_end),
                                    ((_A_END, _B_START), known.end_start),
                                    ((_A_END, _B_END), known.end_end)):
            if high is not None:  # x - y <= high
                edges.append((y, x, high))
            if low is not None:  # y - x <= -low
                edges.append((x, y, -low))
    return edges


def _closure(edges: list[_Edge]) -> list[list[float]] | None:
    """All-pairs shortest distances (Floyd–Warshall); ``None`` on a negative cycle."""
    distance: list[list[float]] = [[0 if i == j else math.inf for j in _NODES] for i in _NODES]
    for i, j, w in edges:
        if w < distance[i][j]:
            distance[i][j] = w
    for k in _NODES:
        via_k = distance[k]
        for i in _NODES:
            to_k = distance[i][k]
            if to_k == math.inf:
                continue
            row = distance[i]
            for j in _NODES:
                through = to_k + via_k[j]
                if through < row[j]:
                    row[j] = through
    if any(distance[i][i] < 0 for i in _NODES):
        return None
    return distance


def _tighten(distance: list[list[float]], edge: _Edge) -> bool:
    """Add one constraint to a closed network in place; False when it makes it inconsistent.

    A new edge ``i -> j`` closes a negative cycle exactly when ``w + d(j, i) < 0``;
    otherwise every shortest path improves at most by going through it once.
    """
    i, j, w = edge
    if w + distance[j][i] < 0:
        return False
    if w < distance[i][j]:
        after_j = distance[j]
        for row in distance:
            to_i = row[i]
            if to_i == math.inf:
                continue
            for q in _NODES:
                through = to_i + w + after_j[q]
                if through < row[q]:
                    row[q] = through
    return True


def possible_relations(a: Bounds, b: Bounds, known: Differences | None = None) -> frozenset[str]:
    """The relations of ``a`` to ``b`` that some concrete intervals within the bounds satisfy.

    Empty when the inputs admit no pair of intervals at all (a conflict for the caller to
    report). One relation means it holds certainly; ``relation_holds`` reads the set.

    >>> sorted(possible_relations(Bounds.exact(0, 10), Bounds(2, 3, 8, 12)))
    ['contains', 'finished-by', 'overlaps']
    """
    base = _closure(_edges(a, b, known))
    if base is None:
        return frozenset()
    possible = []
    for name in RELATIONS:
        distance = [row[:] for row in base]
        if all(_tighten(distance, edge) for edge in _CONSTRAINTS[name]):
            possible.append(name)
    return frozenset(possible)


def _names(relations: str | Iterable[str]) -> frozenset[str]:
    names = frozenset([relations] if isinstance(relations, str) else relations)
    unknown = sorted(names - set(RELATIONS))
    if unknown:
        raise ValueError(f"unknown Allen relation {', '.join(map(repr, unknown))}; "
                         f"expected one of {', '.join(RELATIONS)}")
    return names


def relation_holds(possible: frozenset[str], relations: str | Iterable[str]) -> bool | None:
    """True if the relation (or one of the set) certainly holds, False if it cannot, else None.

    ``None`` means "possibly": some admissible intervals satisfy it and some do not.
    An empty ``possible`` is a conflict, not an answer, and raises ``ValueError``: callers
    report it before asking.

    >>> relation_holds(frozenset({"before", "meets"}), DISJOINT)
    True
    >>> relation_holds(frozenset({"before", "meets"}), "meets") is None
    True
    """
    if not possible:
        raise ValueError("no Allen relation is possible: the bounds conflict")
    names = _names(relations)
    if possible <= names:
        return True
    if possible.isdisjoint(names):
        return False
    return None


def holds(a: Bounds, b: Bounds, relations: str | Iterable[str],
          known: Differences | None = None) -> bool | None:
    """``relation_holds(possible_relations(a, b, known), relations)``: None means "possibly"."""
    return relation_holds(possible_relations(a, b, known), relations)


def certainly_before(a: Bounds, b: Bounds, known: Differences | None = None) -> bool:
    """Whether ``a`` ends no later than ``b`` starts in every admissible pair (before or meets).

    False when it is only possible, or impossible; also False on conflicting bounds.
    """
    possible = possible_relations(a, b, known)
    return bool(possible) and possible <= {"before", "meets"}
