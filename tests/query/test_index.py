"""The interval index answers exactly what a linear scan answers, in the same order.

The scan reads ``None`` as minus infinity for a start and plus infinity for an end, in the
intervals and the windows alike, and orders by start, then end, then insertion.
Speed is measured in ``benchmarks/bench_index.py``, never here.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline.query.index as index_module
from timeline.query.index import UNBOUNDED_END, UNBOUNDED_START, IntervalIndex

Item = tuple[str, int | None, int | None]
Window = tuple[int | None, int | None]

# --- the linear scan ----------------------------------------------------------------------


def low(value: int | None) -> float:
    return -math.inf if value is None else value


def high(value: int | None) -> float:
    return math.inf if value is None else value


def scan(items: list[Item], keep: Callable[[float, float], bool]) -> list[str]:
    """Keys of the items ``keep(start, end)`` accepts, by start, end, insertion order."""
    ordered = sorted(range(len(items)),
                     key=lambda i: (low(items[i][1]), high(items[i][2]), i))
    return [items[i][0] for i in ordered if keep(low(items[i][1]), high(items[i][2]))]


def scan_overlapping(items: list[Item], lo: int | None, hi: int | None) -> list[str]:
    return scan(items, lambda start, end: start < high(hi) and end > low(lo))


def scan_within(items: list[Item], lo: int | None, hi: int | None) -> list[str]:
    return scan(items, lambda start, end: start >= low(lo) and end <= high(hi))


def scan_containing(items: list[Item], lo: int | None, hi: int | None) -> list[str]:
    return scan(items, lambda start, end: start <= low(lo) and end >= high(hi))


# --- strategies ---------------------------------------------------------------------------

#: Mostly a small range, where intervals repeat and share ends (the news case), sometimes
#: wide values, so that lengths fall into many classes, and the extremes of the range.
VALUES = (st.integers(-12, 12) | st.integers(-10**6, 10**6)
          | st.sampled_from([UNBOUNDED_START + 1, UNBOUNDED_END - 1, -(2**40), 2**40]))


@st.composite
def bounded_pairs(draw: st.DrawFn, values: st.SearchStrategy[int]) -> Window:
    """``(start, end)`` with ``start < end`` where both are given; ``None`` unbounded."""
    start, end = draw(st.none() | values), draw(st.none() | values)
    if start is not None and end is not None:
        if start == end:
            end = start + 1 if start + 1 < UNBOUNDED_END else None
        elif start > end:
            start, end = end, start
    return start, end


@st.composite
def items(draw: st.DrawFn) -> list[Item]:
    """Intervals with keys drawn from a few letters, so that keys repeat too."""
    pairs = draw(st.lists(bounded_pairs(VALUES), max_size=40))
    keys = draw(st.lists(st.sampled_from("abcdefg"), min_size=len(pairs), max_size=len(pairs)))
    return [(key, start, end) for key, (start, end) in zip(keys, pairs, strict=True)]


def windows() -> st.SearchStrategy[Window]:
    return bounded_pairs(VALUES)


# --- laws ---------------------------------------------------------------------------------

#: (SNAPSHOT_BUDGET, SNAPSHOT_SPANS): no snapshots; the default; a generous budget; snapshots
#: wherever possible. Each law holds for the index built each way, so every path is checked.
SETTINGS = [(0.0, 0.25), (index_module.SNAPSHOT_BUDGET, index_module.SNAPSHOT_SPANS),
            (4.0, 1.0), (math.inf, 1.0)]


def builds(given_items: list[Item]) -> list[IntervalIndex[str]]:
    """The index of the items under each of ``SETTINGS``."""
    saved = index_module.SNAPSHOT_BUDGET, index_module.SNAPSHOT_SPANS
    try:
        made = []
        for setting in SETTINGS:
            index_module.SNAPSHOT_BUDGET, index_module.SNAPSHOT_SPANS = setting
            made.append(IntervalIndex.build(given_items))
        return made
    finally:
        index_module.SNAPSHOT_BUDGET, index_module.SNAPSHOT_SPANS = saved


@given(items(), windows())
def test_overlapping_is_the_scan(given_items: list[Item], window: Window) -> None:
    expected = scan_overlapping(given_items, *window)
    for index in builds(given_items):
        assert index.overlapping(*window) == expected, index


@given(items(), windows())
def test_within_is_the_scan(given_items: list[Item], window: Window) -> None:
    expected = scan_within(given_items, *window)
    for index in builds(given_items):
        assert index.within(*window) == expected, index


@given(items(), windows())
def test_containing_is_the_scan(given_items: list[Item], window: Window) -> None:
    expected = scan_containing(given_items, *window)
    for index in builds(given_items):
        assert index.containing(*window) == expected, index


@given(items(), VALUES.filter(lambda value: value < UNBOUNDED_END - 1))
def test_at_is_the_scan(given_items: list[Item], instant: int) -> None:
    expected = scan(given_items, lambda start, end: start <= instant < end)
    for index in builds(given_items):
        assert index.at(instant) == expected == index.containing(instant, instant + 1)


@given(items(), windows())
def test_count_is_the_length_of_overlapping(given_items: list[Item], window: Window) -> None:
    for index in builds(given_items):
        assert index.count_overlapping(*window) == len(index.overlapping(*window))
        assert len(index) == len(given_items)


@given(st.lists(bounded_pairs(st.integers(0, 3)), max_size=60), windows())
def test_many_repeats(pairs: list[Window], window: Window) -> None:
    """Few distinct intervals, many keys each: spans hold runs of keys in insertion order."""
    given_items = [(f"k{i}", start, end) for i, (start, end) in enumerate(pairs)]
    for index in builds(given_items):
        assert index.overlapping(*window) == scan_overlapping(given_items, *window)
        assert index.within(*window) == scan_within(given_items, *window)
        assert index.containing(*window) == scan_containing(given_items, *window)


# --- examples -----------------------------------------------------------------------------

HOUR = 3_600_000_000
DAY = 24 * HOUR

NEWS: list[Item] = [
    ("vote", 10 * DAY, 11 * DAY),
    ("recount", 11 * DAY, 12 * DAY),
    ("march", 0, 31 * DAY),
    ("campaign", None, 10 * DAY),
    ("presidency", 11 * DAY, None),
    ("history", None, None),
    ("rally", 10 * DAY, 11 * DAY),
]


@pytest.mark.parametrize("setting", SETTINGS, ids=["none", "default", "generous", "all"])
def test_news_examples(setting: tuple[float, float], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "SNAPSHOT_BUDGET", setting[0])
    monkeypatch.setattr(index_module, "SNAPSHOT_SPANS", setting[1])
    index = IntervalIndex.build(NEWS)
    assert ("snapshots" in repr(index)) == (setting[0] > 0)
    assert index.overlapping(10 * DAY, 11 * DAY) == ["history", "march", "vote", "rally"]
    assert index.at(11 * DAY) == ["history", "march", "recount", "presidency"]
    assert index.within(10 * DAY, 12 * DAY) == ["vote", "rally", "recount"]
    assert index.within(None, 12 * DAY) == ["campaign", "vote", "rally", "recount"]
    assert index.within(None, None) == index.overlapping(None, None) == scan(
        NEWS, lambda start, end: True)
    assert index.containing(None, 5) == ["campaign", "history"]
    assert index.count_overlapping(None, None) == len(NEWS)
    assert index.count_overlapping(12 * DAY, 13 * DAY) == 3  # history, march, presidency


def test_half_open_ends_touch_without_overlapping() -> None:
    index = IntervalIndex.build([("monday", 0, DAY), ("tuesday", DAY, 2 * DAY)])
    assert index.overlapping(DAY, 2 * DAY) == ["tuesday"]
    assert index.overlapping(0, DAY) == ["monday"]
    assert index.at(DAY - 1) == ["monday"]
    assert index.count_overlapping(DAY, DAY + 1) == 1


def test_empty_index() -> None:
    index: IntervalIndex[str] = IntervalIndex.build([])
    assert len(index) == 0
    assert index.overlapping(None, None) == index.within(0, 1) == index.at(5) == []
    assert index.count_overlapping(0, 1) == 0
    assert "0 intervals" in repr(index)


@pytest.mark.parametrize("window", [(5, 5), (6, 5)])
def test_empty_windows_are_rejected(window: tuple[int, int]) -> None:
    index = IntervalIndex.build([("a", 0, 10)])
    text = rf"window \[{window[0]}, {window[1]}\) is empty"
    for query in (index.overlapping, index.within, index.containing, index.count_overlapping):
        with pytest.raises(ValueError, match=text):
            query(*window)


def test_empty_and_out_of_range_intervals_are_rejected() -> None:
    with pytest.raises(ValueError, match=r"interval 'b': \[3, 3\) is empty"):
        IntervalIndex.build([("a", 0, 1), ("b", 3, 3)])
    with pytest.raises(ValueError, match=r"interval 'c', end: 9223372036854775807 is outside"):
        IntervalIndex.build([("c", 0, UNBOUNDED_END)])
    with pytest.raises(ValueError, match=r"window \[None, -9223372036854775808\)"):
        IntervalIndex.build([("a", 0, 1)]).overlapping(None, UNBOUNDED_START)


def test_news_like_thousands() -> None:
    """Thousands of repeating intervals of many lengths: classes, spans and snapshots at scale."""
    rng = random.Random(20250224)
    # (length, starts on a multiple of): hours at any hour, months on "the first", ...
    kinds = [(HOUR, HOUR), (3 * HOUR, HOUR), (DAY, DAY), (3 * DAY, DAY), (7 * DAY, DAY),
             (30 * DAY, 30 * DAY), (365 * DAY, 365 * DAY), (3650 * DAY, 365 * DAY)]
    weights = [5, 5, 60, 5, 10, 8, 6, 1]
    given_items: list[Item] = []
    for number in range(3000):
        length, unit = rng.choices(kinds, weights)[0]
        start = rng.randrange(2000 * DAY // unit) * unit
        end = start + length
        bounds = rng.random()
        given_items.append((f"e{number}", None if bounds < 0.01 else start,
                            None if 0.01 <= bounds < 0.03 else end))
    order = sorted(range(len(given_items)), key=lambda i: (low(given_items[i][1]),
                                                           high(given_items[i][2]), i))
    ordered = [given_items[i] for i in order]
    indexes = builds(given_items)
    for _ in range(60):
        lo = rng.randrange(-10, 2010) * DAY + rng.choice([0, HOUR])
        hi = lo + rng.choice([HOUR, DAY, 7 * DAY, 30 * DAY, 365 * DAY])
        window = (None if lo < 0 else lo, hi)
        w_lo, w_hi = low(window[0]), high(window[1])
        overlapping = [k for k, s, e in ordered if low(s) < w_hi and high(e) > w_lo]
        within = [k for k, s, e in ordered if low(s) >= w_lo and high(e) <= w_hi]
        containing = [k for k, s, e in ordered if low(s) <= w_lo and high(e) >= w_hi]
        for index in indexes:
            assert index.overlapping(*window) == overlapping, (index, window)
            assert index.within(*window) == within, (index, window)
            assert index.containing(*window) == containing, (index, window)
            assert index.count_overlapping(*window) == len(overlapping)
    assert "snapshots" in repr(indexes[1])


def test_a_generator_is_read_once() -> None:
    index = IntervalIndex.build((str(day), day * DAY, (day + 1) * DAY) for day in range(100))
    assert index.overlapping(10 * DAY, 12 * DAY) == ["10", "11"]
    assert index.count_overlapping(None, 50 * DAY) == 50
