"""Allen relations under uncertainty: exact cases, converses, monotonicity, a brute-force oracle.

The oracle enumerates every concrete integer interval inside small bounds (an unbounded end
ranges over a margin around them) and collects the relations actually realised; the
network-based ``possible_relations`` must agree with it exactly, not just contain it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.query.allen import (
    CONTAINING,
    CONVERSE,
    DISJOINT,
    INTERSECTING,
    RELATIONS,
    UNKNOWN,
    WITHIN,
    Bounds,
    Differences,
    Range,
    certainly_before,
    holds,
    possible_relations,
    relation_holds,
)

# --- the relations themselves -------------------------------------------------------------

#: One hand-made pair of exact intervals ``[s, e)`` for each relation of a to b.
EXAMPLES = {
    "before": ((0, 2), (3, 5)),
    "meets": ((0, 3), (3, 5)),
    "overlaps": ((0, 4), (3, 5)),
    "starts": ((3, 4), (3, 5)),
    "during": ((4, 5), (3, 6)),
    "finishes": ((4, 6), (3, 6)),
    "equals": ((3, 6), (3, 6)),
    "finished-by": ((1, 6), (3, 6)),
    "contains": ((1, 7), (3, 6)),
    "started-by": ((3, 7), (3, 6)),
    "overlapped-by": ((4, 7), (3, 6)),
    "met-by": ((6, 7), (3, 6)),
    "after": ((7, 9), (3, 6)),
}


def relation_of(a: tuple[int, int], b: tuple[int, int]) -> str:
    """The one relation of two concrete intervals, straight from the endpoint comparisons."""
    (a_start, a_end), (b_start, b_end) = a, b
    if a_end < b_start:
        return "before"
    if a_end == b_start:
        return "meets"
    if b_end < a_start:
        return "after"
    if b_end == a_start:
        return "met-by"
    # They share an instant: compare starts, then ends.
    if a_start == b_start:
        return "equals" if a_end == b_end else "starts" if a_end < b_end else "started-by"
    if a_start < b_start:
        return "finished-by" if a_end == b_end else "overlaps" if a_end < b_end else "contains"
    return "finishes" if a_end == b_end else "during" if a_end < b_end else "overlapped-by"


def test_relations_are_the_thirteen_in_order() -> None:
    assert RELATIONS[:7] == ("before", "meets", "overlaps", "starts", "during", "finishes",
                             "equals")
    assert len(RELATIONS) == len(set(RELATIONS)) == 13
    assert set(EXAMPLES) == set(RELATIONS)


def test_converse_is_an_involution() -> None:
    assert CONVERSE["before"] == "after"
    assert CONVERSE["overlaps"] == "overlapped-by"
    assert CONVERSE["equals"] == "equals"
    assert all(CONVERSE[CONVERSE[name]] == name for name in RELATIONS)


def test_named_sets() -> None:
    assert set(RELATIONS) == DISJOINT | INTERSECTING
    assert not DISJOINT & INTERSECTING
    assert {"equals"} == WITHIN & CONTAINING
    assert {CONVERSE[name] for name in WITHIN} == CONTAINING


@pytest.mark.parametrize("name", RELATIONS)
def test_exact_intervals_have_exactly_their_relation(name: str) -> None:
    a, b = EXAMPLES[name]
    assert relation_of(a, b) == name
    assert possible_relations(Bounds.exact(*a), Bounds.exact(*b)) == {name}
    assert possible_relations(Bounds.exact(*b), Bounds.exact(*a)) == {CONVERSE[name]}


@given(st.integers(-10**16, 10**16), st.integers(1, 10**12), st.integers(-10**16, 10**16),
       st.integers(1, 10**12))
def test_exact_intervals_have_one_relation(a_start: int, a_length: int, b_start: int,
                                           b_length: int) -> None:
    a, b = (a_start, a_start + a_length), (b_start, b_start + b_length)
    assert possible_relations(Bounds.exact(*a), Bounds.exact(*b)) == {relation_of(a, b)}


# --- uncertainty --------------------------------------------------------------------------

def test_unknown_intervals_allow_every_relation() -> None:
    assert possible_relations(Bounds(), Bounds()) == set(RELATIONS)


def test_none_leaves_an_end_unconstrained() -> None:
    """``None`` in bounds is no constraint: an end known only to follow its start."""
    since_5 = Bounds.exact(5, None)
    assert possible_relations(since_5, Bounds.exact(5, None)) == {"starts", "equals",
                                                                  "started-by"}
    assert possible_relations(Bounds.exact(0, 5), since_5) == {"meets"}
    assert possible_relations(Bounds.exact(None, 3), since_5) == {"before"}
    assert possible_relations(Bounds.exact(None, None), since_5) == set(RELATIONS)


def test_an_interval_somewhere_in_a_week() -> None:
    """Start in days 0-6, end in days 1-7, against day 3: all but those needing 3 < end < 4."""
    somewhere = Bounds(earliest_start=0, latest_start=6, earliest_end=1, latest_end=7)
    day_3 = Bounds.exact(3, 4)
    assert possible_relations(somewhere, day_3) == {
        "before", "meets", "equals", "started-by", "finished-by", "contains", "met-by", "after"}


def test_differences_pin_the_order() -> None:
    """Two events floating over a month, the second known to start two days after the first."""
    month = Bounds(earliest_start=0, latest_start=30, earliest_end=1, latest_end=31)
    assert len(possible_relations(month, month)) == 13
    two_days_later = Differences(start_start=(-2, -2), end_end=(-2, -2))
    assert possible_relations(month, month, two_days_later) == {"before", "meets", "overlaps"}
    assert possible_relations(month, month, two_days_later.converse()) == {
        "after", "met-by", "overlapped-by"}


def test_conflicting_inputs_allow_nothing() -> None:
    ends_before_it_starts = Bounds(earliest_start=10, latest_end=10)
    assert possible_relations(ends_before_it_starts, Bounds()) == frozenset()
    contradictory = Differences(start_start=(1, 1), end_end=(0, 0))
    assert possible_relations(Bounds.exact(0, 2), Bounds.exact(0, 2), contradictory) == set()


def test_bounds_validate_their_ranges() -> None:
    with pytest.raises(ValueError, match="earliest_end 5 is after latest_end 4"):
        Bounds(earliest_end=5, latest_end=4)
    with pytest.raises(ValueError, match=r"end_start: range \(3, 2\) is empty"):
        Differences(end_start=(3, 2))


def test_relation_holds_reads_certain_possible_impossible() -> None:
    assert relation_holds(frozenset({"before"}), "before") is True
    assert relation_holds(frozenset({"before", "meets"}), DISJOINT) is True
    assert relation_holds(frozenset({"before", "meets"}), "meets") is None
    assert relation_holds(frozenset({"before", "meets"}), ["after", "during"]) is False
    with pytest.raises(ValueError, match="unknown Allen relation 'overlap'"):
        relation_holds(frozenset({"before"}), "overlap")
    with pytest.raises(ValueError, match="bounds conflict"):
        relation_holds(frozenset(), "before")


def test_holds_and_certainly_before() -> None:
    week = Bounds(earliest_start=0, latest_start=6, earliest_end=1, latest_end=7)
    assert holds(Bounds.exact(7, 8), week, "before") is False
    assert holds(Bounds.exact(7, 8), week, "after") is None  # met-by when the week ends on 7
    assert holds(Bounds.exact(7, 8), week, {"after", "met-by"}) is True
    assert holds(Bounds.exact(3, 4), week, INTERSECTING) is None
    assert certainly_before(week, Bounds.exact(7, 8))
    assert not certainly_before(week, Bounds.exact(6, 8))
    assert not certainly_before(Bounds(earliest_start=3, latest_end=3), week)  # a conflict


# --- laws ---------------------------------------------------------------------------------

def optional(values: st.SearchStrategy[int]) -> st.SearchStrategy[int | None]:
    return st.none() | values


@st.composite
def ranges(draw: st.DrawFn, values: st.SearchStrategy[int]) -> Range:
    """A closed range ``(lo, hi)`` with ``lo <= hi``, either side possibly unbounded."""
    low, high = draw(optional(values)), draw(optional(values))
    if low is not None and high is not None and low > high:
        low, high = high, low
    return low, high


@st.composite
def bounds(draw: st.DrawFn, values: st.SearchStrategy[int]) -> Bounds:
    (earliest_start, latest_start), (earliest_end, latest_end) = (draw(ranges(values)),
                                                                  draw(ranges(values)))
    return Bounds(earliest_start, latest_start, earliest_end, latest_end)


@st.composite
def differences(draw: st.DrawFn, values: st.SearchStrategy[int]) -> Differences | None:
    if draw(st.booleans()):
        return None
    return Differences(*(draw(ranges(values)) for _ in range(4)))


@st.composite
def narrowed_range(draw: st.DrawFn, outer: Range) -> Range:
    """A range inside ``outer``: each side kept or moved inwards, never crossing."""
    low, high = outer
    inside = st.integers(min_value=low, max_value=high)
    new_low = draw(optional(inside) if low is None else inside)
    floor = low if new_low is None else new_low
    inside = st.integers(min_value=floor, max_value=high)
    return new_low, draw(optional(inside) if high is None else inside)


@st.composite
def narrowed(draw: st.DrawFn, wide: Bounds) -> Bounds:
    (earliest_start, latest_start), (earliest_end, latest_end) = (
        draw(narrowed_range((wide.earliest_start, wide.latest_start))),
        draw(narrowed_range((wide.earliest_end, wide.latest_end))))
    return Bounds(earliest_start, latest_start, earliest_end, latest_end)


@st.composite
def narrowed_differences(draw: st.DrawFn, wide: Differences | None) -> Differences | None:
    outer = wide or Differences()
    pairs = [draw(narrowed_range(pair)) for pair in (outer.start_start, outer.start_end,
                                                     outer.end_start, outer.end_end)]
    return Differences(*pairs) if wide is not None or draw(st.booleans()) else None


VALUES = st.integers(-50, 50)


@given(bounds(VALUES), bounds(VALUES), differences(VALUES))
def test_converse_law(a: Bounds, b: Bounds, known: Differences | None) -> None:
    forward = possible_relations(a, b, known)
    backward = possible_relations(b, a, None if known is None else known.converse())
    assert backward == {CONVERSE[name] for name in forward}


@given(st.data(), bounds(VALUES), bounds(VALUES), differences(VALUES))
def test_narrowing_never_adds_relations(data: st.DataObject, a: Bounds, b: Bounds,
                                        known: Differences | None) -> None:
    narrow_a, narrow_b = data.draw(narrowed(a)), data.draw(narrowed(b))
    narrow_known = data.draw(narrowed_differences(known))
    assert possible_relations(narrow_a, narrow_b, narrow_known) <= possible_relations(a, b, known)
    assert possible_relations(narrow_a, b, known) <= possible_relations(a, b, known)


@given(ranges(VALUES), st.data())
def test_narrowed_range_stays_inside(outer: Range, data: st.DataObject) -> None:
    """The strategy above really narrows (else the monotonicity test proves nothing)."""
    low, high = data.draw(narrowed_range(outer))
    assert low is None or high is None or low <= high
    if outer[0] is not None:
        assert low is not None and low >= outer[0]
    if outer[1] is not None:
        assert high is not None and high <= outer[1]


# --- the brute-force oracle ---------------------------------------------------------------

#: Finite bounds lie in 0..4 and known differences in -3..3; an unbounded end ranges over
#: MARGIN beyond them on either side. Every relation that is possible at all is realised
#: within that margin: a network whose constants are this small has a solution this close.
SMALL = st.integers(0, 4)
SMALL_DIFFERENCES = st.integers(-3, 3)
MARGIN = (-7, 11)


def concrete(b: Bounds) -> Iterator[tuple[int, int]]:
    """Every integer interval ``[s, e)`` within ``b``, unbounded ends limited to ``MARGIN``."""
    low, high = MARGIN
    for start in range(low if b.earliest_start is None else b.earliest_start,
                       (high if b.latest_start is None else b.latest_start) + 1):
        for end in range(max(start + 1, low if b.earliest_end is None else b.earliest_end),
                         (high if b.latest_end is None else b.latest_end) + 1):
            yield start, end


def within(value: int, pair: Range) -> bool:
    low, high = pair
    return (low is None or low <= value) and (high is None or value <= high)


def oracle(a: Bounds, b: Bounds, known: Differences | None) -> set[str]:
    known = known or Differences()
    found = set()
    b_intervals = list(concrete(b))
    for a_start, a_end in concrete(a):
        for b_start, b_end in b_intervals:
            if (within(a_start - b_start, known.start_start)
                    and within(a_start - b_end, known.start_end)
                    and within(a_end - b_start, known.end_start)
                    and within(a_end - b_end, known.end_end)):
                found.add(relation_of((a_start, a_end), (b_start, b_end)))
    return found


@given(bounds(SMALL), bounds(SMALL), differences(SMALL_DIFFERENCES))
def test_agrees_with_brute_force(a: Bounds, b: Bounds, known: Differences | None) -> None:
    assert possible_relations(a, b, known) == oracle(a, b, known)


def test_oracle_margin_is_wide_enough() -> None:
    """Unbounded on every side, the oracle still sees all 13 relations (and the margin used)."""
    assert oracle(Bounds(), Bounds(), None) == set(RELATIONS)
    assert UNKNOWN == (None, None)
