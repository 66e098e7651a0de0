"""A static index of half-open integer intervals for window queries, built once, read many times.

Built for news: a million events, most a single day, some hours, weeks, months or years, a
few spanning decades or open-ended, over thirty years. Three observations make it fast in
pure Python, where every step done per result in the interpreter costs more than the whole
answer should:

* **Intervals repeat.** Dates in news have a granularity, so thousands of events share the
  very same ``[start, end)`` (a day, a month, a year). The index stores each distinct
  interval once, as a *span*, and keeps all keys in one list in the order results are
  returned (by start, then end, then insertion order), the keys of a span side by side.
* **Most of an answer is one slice.** Every interval *starting* inside ``[lo, hi)``
  overlaps it, and those intervals are consecutive in that order: one slice of the key
  list, copied in C. What is left to find are the intervals that started earlier and are
  still running at ``lo``; ``within`` is such a slice less the few spans that run past ``hi``.
* **Lengths cluster.** Those few are found by grouping spans into classes by length
  (powers of two, neighbours merged while that stays cheap), each sorted by start in
  ``array('q')`` columns. In a class of lengths ``[shortest, longest]``, a span starting
  before ``lo`` still runs at ``lo`` exactly when its start is in ``(lo - longest, lo)`` and
  its end is past ``lo``, and every start after ``lo - shortest`` qualifies unseen: only the
  thin zone between is filtered, in C (``compress``), and not at all in a class of one
  length, such as all the days.

A query costs a few bisections per class plus the answer: ``O(c log n + k)`` for ``c``
classes (a handful in news, never more than about 64); ``count_overlapping`` is two
bisections. Open-ended spans (``None`` start or end) have classes of their own, sorted by
their bounded end. Memory is the caller's keys in one list plus a few machine integers per
distinct span: no Python object per interval.

>>> index = IntervalIndex.build([("war", 10, 50), ("truce", 50, 60), ("talks", 40, None)])
>>> index.overlapping(45, 55)
['war', 'talks', 'truce']
>>> index.count_overlapping(45, 55), index.at(50), index.within(40, None)
(3, ['talks', 'truce'], ['talks', 'truce'])
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable
from itertools import compress, pairwise
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)

#: Stand-ins for an unbounded start and end: every real value lies strictly between them.
UNBOUNDED_START = -(2**63)
UNBOUNDED_END = 2**63 - 1

#: Neighbouring length classes merge while a query is expected to filter at most this many
#: spans in the merged class's zone: a bisection saved costs about as much as filtering 20.
MERGE_LIMIT = 16


def _column(values: Iterable[int] = ()) -> array[int]:
    """A column of signed 64-bit integers (positions, starts, ends, counts)."""
    return array("q", values)


class _Class:
    """Bounded spans whose lengths lie in ``[shortest, longest]``, sorted by start.

    ``ends`` is ``None`` when every span in the class has the same length: the end then
    follows from the start and no query needs to look at it.
    """

    __slots__ = ("ends", "longest", "shortest", "spans", "starts")

    def __init__(self, spans: array[int], span_starts: array[int], span_ends: array[int]) -> None:
        self.spans = spans
        self.starts = _column(map(span_starts.__getitem__, spans))
        ends = _column(map(span_ends.__getitem__, spans))
        lengths = [end - start for start, end in zip(self.starts, ends, strict=True)]
        self.shortest, self.longest = min(lengths), max(lengths)
        self.ends = None if self.shortest == self.longest else ends

    def zone(self) -> float:
        """Spans a query expects to filter: the density of starts times the unsure width."""
        extent = self.starts[-1] - self.starts[0] + 1
        return len(self.spans) * (self.longest - self.shortest) / extent


def _bound(value: int | None, unbounded: int, what: str) -> int:
    if value is None:
        return unbounded
    if not UNBOUNDED_START < value < UNBOUNDED_END:
        raise ValueError(f"{what}: {value} is outside the signed 64-bit range of the index")
    return value


def _window(lo: int | None, hi: int | None) -> tuple[int, int]:
    """The window ``[lo, hi)`` in the index's integers; an empty one is a caller's error."""
    if lo is not None and hi is not None and lo >= hi:
        raise ValueError(f"window [{lo}, {hi}) is empty: lo must be below hi")
    return (_bound(lo, UNBOUNDED_START, f"window [{lo}, {hi})"),
            _bound(hi, UNBOUNDED_END, f"window [{lo}, {hi})"))


class IntervalIndex(Generic[K]):
    """Keys of half-open intervals ``[start, end)``, found by how they meet a window.

    ``None`` is unbounded: a ``None`` start lies before every instant and a ``None`` end
    after every instant, for the intervals indexed and for the windows asked about alike.
    Every query returns keys in one order: by start, then end, then insertion order.
    Build it with ``IntervalIndex.build``; it never changes afterwards.
    """

    __slots__ = ("_always", "_classes", "_end_counts", "_end_values", "_first", "_from_spans",
                 "_from_starts", "_keys", "_single", "_span_starts", "_until_ends",
                 "_until_spans")

    def __init__(self) -> None:
        self._keys: list[K] = []
        self._first = _column([0])  # span i holds keys[first[i]:first[i + 1]]
        self._single = True  # every span holds one key, so span i is keys[i]
        self._span_starts = _column()  # start of each span, ascending
        self._end_values = _column()  # distinct ends, ascending, and how many keys end ...
        self._end_counts = _column([0])  # ... before each: counts[j] for values[:j]
        self._classes: list[_Class] = []
        self._from_starts = _column()  # spans with a start and no end, by start
        self._from_spans = _column()
        self._until_ends = _column()  # spans with an end and no start, by end
        self._until_spans = _column()
        self._always = -1  # the span with neither start nor end, if any

    @classmethod
    def build(cls, items: Iterable[tuple[K, int | None, int | None]]) -> IntervalIndex[K]:
        """Index ``(key, start, end)`` triples; ``start < end`` where both are given.

        Keys need not be distinct: the index stores what it is given and returns each
        occurrence. ``ValueError`` names the first empty or out-of-range interval.
        """
        keys: list[K] = []
        starts, ends = _column(), _column()
        for key, start, end in items:
            low = _bound(start, UNBOUNDED_START, f"interval {key!r}, start")
            high = _bound(end, UNBOUNDED_END, f"interval {key!r}, end")
            if low >= high:
                raise ValueError(f"interval {key!r}: [{start}, {end}) is empty")
            keys.append(key)
            starts.append(low)
            ends.append(high)
        # Two stable sorts give the order (start, end, insertion) with C-level key lookups.
        order = sorted(range(len(keys)), key=ends.__getitem__)
        order.sort(key=starts.__getitem__)
        index = cls()
        index._keys = [keys[i] for i in order]
        del keys
        starts = _column(map(starts.__getitem__, order))
        ends = _column(map(ends.__getitem__, order))
        del order
        index._index(starts, ends)
        return index

    def _index(self, starts: array[int], ends: array[int]) -> None:
        """Group equal intervals into spans, count the ends, sort spans into length classes."""
        first, span_starts, span_ends = _column(), _column(), _column()
        previous = (0, 0)  # no interval is empty, so this matches none
        for position, pair in enumerate(zip(starts, ends, strict=True)):
            if pair != previous:
                first.append(position)
                span_starts.append(pair[0])
                span_ends.append(pair[1])
                previous = pair
        first.append(len(starts))
        self._first, self._span_starts = first, span_starts
        self._single = len(span_starts) == len(starts)

        # How many keys end at each distinct end, accumulated in order of the ends.
        sizes = _column(b - a for a, b in pairwise(first))
        values, counts = _column(), _column([0])
        for span in sorted(range(len(span_ends)), key=span_ends.__getitem__):
            end = span_ends[span]
            if values and values[-1] == end:
                counts[-1] += sizes[span]
            else:
                values.append(end)
                counts.append(counts[-1] + sizes[span])
        del sizes
        self._end_values, self._end_counts = values, counts

        buckets: dict[int, array[int]] = {}
        for span, (start, end) in enumerate(zip(span_starts, span_ends, strict=True)):
            if start == UNBOUNDED_START:
                if end == UNBOUNDED_END:
                    self._always = span
                else:  # spans are ordered by start then end, so these come sorted by end
                    self._until_ends.append(end)
                    self._until_spans.append(span)
            elif end == UNBOUNDED_END:
                self._from_starts.append(start)
                self._from_spans.append(span)
            else:
                length = (end - start).bit_length()
                bucket = buckets.get(length)
                if bucket is None:
                    bucket = buckets[length] = _column()
                bucket.append(span)
        classes: list[_Class] = []
        for _, spans in sorted(buckets.items()):
            group = _Class(spans, span_starts, span_ends)
            if classes:
                merged = _Class(_column(sorted(classes[-1].spans + spans)), span_starts,
                                span_ends)
                if merged.zone() <= MERGE_LIMIT:
                    classes[-1] = merged
                    continue
            classes.append(group)
        self._classes = classes

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return (f"<IntervalIndex of {len(self._keys)} intervals, {len(self._span_starts)} "
                f"distinct, {len(self._classes)} length classes>")

    # --- the pieces of an answer ---------------------------------------------------------

    def _reaching(self, start_from: int, start_below: int, end_from: int) -> list[int]:
        """Spans with ``start_from <= start < start_below`` and ``end >= end_from``, sorted.

        The classes' work: in a class of lengths ``[shortest, longest]`` only starts in
        ``[end_from - longest, end_from - shortest)`` need their end looked at.
        """
        spans: list[int] = []
        for group in self._classes:
            earliest = max(start_from, end_from - group.longest)
            if earliest >= start_below:
                continue
            starts = group.starts
            last = bisect_left(starts, start_below)
            first = bisect_left(starts, earliest, 0, last)
            if group.ends is None:
                sure = first
            else:
                sure = bisect_left(starts, end_from - group.shortest, first, last)
                if first < sure:
                    spans += compress(group.spans[first:sure],
                                      map(end_from.__le__, group.ends[first:sure]))
            if sure < last:
                spans += group.spans[sure:last]
        if start_from == UNBOUNDED_START < start_below:
            if self._until_ends:
                spans += self._until_spans[bisect_left(self._until_ends, end_from):]
            if self._always >= 0 and end_from <= UNBOUNDED_END:
                spans.append(self._always)
        if self._from_starts and end_from <= UNBOUNDED_END:
            spans += self._from_spans[bisect_left(self._from_starts, start_from):
                                      bisect_left(self._from_starts, start_below)]
        spans.sort()  # sorted runs, one per class: the merge is C work
        return spans

    def _keys_of(self, spans: list[int]) -> list[K]:
        """The keys of the spans, in the order given."""
        keys = self._keys
        if self._single:
            return list(map(keys.__getitem__, spans))
        first = self._first
        found: list[K] = []
        for span in spans:
            found += keys[first[span]:first[span + 1]]
        return found

    def _run(self, first_span: int, last_span: int, leaving_out: list[int]) -> list[K]:
        """The keys of the consecutive spans ``[first_span, last_span)`` but the sorted few."""
        first, keys = self._first, self._keys
        found: list[K] = []
        for span in leaving_out:
            found += keys[first[first_span]:first[span]]
            first_span = span + 1
        found += keys[first[first_span]:first[last_span]]
        return found

    # --- queries -------------------------------------------------------------------------

    def overlapping(self, lo: int | None, hi: int | None) -> list[K]:
        """Keys of the intervals sharing an instant with ``[lo, hi)``: ``start < hi``, ``end > lo``.

        Half-open, so an interval ending at ``lo`` or starting at ``hi`` is not included.
        Those running at ``lo`` come first, then all that start in the window (one slice).
        """
        lo, hi = _window(lo, hi)
        running = self._reaching(UNBOUNDED_START, lo, lo + 1)
        starting = bisect_left(self._span_starts, lo)
        return self._keys_of(running) + self._run(
            starting, bisect_left(self._span_starts, hi, starting), [])

    def count_overlapping(self, lo: int | None, hi: int | None) -> int:
        """``len(overlapping(lo, hi))`` by two bisections: ``#(start < hi) - #(end <= lo)``.

        Every interval ending at or before ``lo`` also starts before ``hi``, so the
        difference counts exactly the intervals that overlap.
        """
        lo, hi = _window(lo, hi)
        started = self._first[bisect_left(self._span_starts, hi)]
        ended = self._end_counts[bisect_right(self._end_values, lo)]
        return started - ended

    def within(self, lo: int | None, hi: int | None) -> list[K]:
        """Keys of the intervals inside ``[lo, hi)``: ``start >= lo`` and ``end <= hi``.

        An unbounded interval is within an unbounded window only: ``(None, 5)`` lies within
        ``[None, 10)``. All that start in the window, less those running past ``hi``.
        """
        lo, hi = _window(lo, hi)
        starting = bisect_left(self._span_starts, lo)
        stop = bisect_left(self._span_starts, hi, starting)
        return self._run(starting, stop, self._reaching(lo, hi, hi + 1))

    def containing(self, lo: int | None, hi: int | None) -> list[K]:
        """Keys of the intervals covering all of ``[lo, hi)``: ``start <= lo`` and ``end >= hi``."""
        lo, hi = _window(lo, hi)
        return self._keys_of(self._reaching(UNBOUNDED_START, lo + 1, hi))

    def at(self, instant: int) -> list[K]:
        """Keys of the intervals holding ``instant``: ``start <= instant < end``."""
        return self.containing(instant, instant + 1)
