"""A static index of half-open integer intervals for window queries, built once, read many times.

Built for news: a million events, most a single day, some hours, weeks, months or years, a
few spanning decades or open-ended, over thirty years. In pure Python every step taken per
result costs more than the whole answer should, so the index is laid out to answer with
slices, which copy in C:

* **Intervals repeat.** Dates in news have a granularity, so thousands of events share the
  very same ``[start, end)`` (a day, a month, a year). Each distinct interval is stored
  once, as a *span*, and all keys are kept in one list in the order results are returned
  (by start, then end, then insertion order), the keys of a span side by side.
* **Most of an answer is one slice.** Every interval *starting* inside ``[lo, hi)``
  overlaps it, and those are consecutive in that order: one slice of the key list. Left
  to find are the intervals that started earlier and still run at ``lo``. ``within`` is
  such a slice less the few spans running past ``hi``.
* **Lengths cluster.** Spans are grouped into classes by length (powers of two, neighbours
  merged while that stays cheap), each sorted by start in ``array('q')`` columns. In a
  class of lengths ``[shortest, longest]``, a span starting before ``lo`` still runs at
  ``lo`` exactly when its start is in ``(lo - longest, lo)`` and its end is past ``lo``;
  every start after ``lo - shortest`` qualifies unseen, so only the thin zone between is
  filtered, and nothing at all in a class of one length, such as all the days.
* **Long intervals are few but always running.** Years and decades would add dozens of
  spans to every answer. The longest classes (as many as fit ``SNAPSHOT_BUDGET``) also
  get *snapshots*: between consecutive endpoints of theirs, the keys of those alive,
  copied in result order. Those that started well before ``lo`` are then one more slice.

A query costs a few bisections per class plus the answer: ``O(c log n + k)`` for ``c``
classes (three or four in news, never more than about 64); ``count_overlapping`` is two
bisections. Open-ended spans (``None`` start or end) are kept apart, sorted by their bounded
end, and found by one bisection. Memory is the caller's keys in one list, a few machine
integers per distinct span, and the snapshots' copies of the long ones' keys (at most
``SNAPSHOT_BUDGET`` per key): no Python object per interval.

>>> index = IntervalIndex.build([("war", 10, 50), ("truce", 50, 60), ("talks", 40, None)])
>>> index.overlapping(45, 55)
['war', 'talks', 'truce']
>>> index.count_overlapping(45, 55), index.at(50), index.within(40, None)
(3, ['talks', 'truce'], ['talks', 'truce'])
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable, Sequence
from itertools import chain, repeat
from operator import mul, sub
from typing import Generic, TypeVar

from timeline.errors import QueryError

K = TypeVar("K", bound=Hashable)

#: Stand-ins for an unbounded start and end: every real value lies strictly between them.
UNBOUNDED_START = -(2**63)
UNBOUNDED_END = 2**63 - 1

#: Neighbouring length classes merge while a query is expected to filter at most this many
#: spans in the merged class's zone: a bisection saved costs about as much as filtering 15.
MERGE_LIMIT = 16

#: Snapshots of the long intervals may hold at most this many keys per key indexed ...
SNAPSHOT_BUDGET = 0.5
#: ... and cover at most this share of the distinct intervals (which bounds the build).
SNAPSHOT_SPANS = 0.25


def _column(values: Iterable[int] = ()) -> array[int]:
    """A column of signed 64-bit integers (positions, starts, ends, counts)."""
    return array("q", values)


def _pairs(bounds: Iterable[int]) -> Iterable[slice]:
    """``[a, b, c, d]`` -> ``slice(a, b), slice(c, d)``."""
    flat = iter(bounds)
    return map(slice, flat, flat)


class _Spans:
    """Spans sorted by ``column`` (their start, or their end when the start is unbounded).

    A span is known by where its keys lie in the key list: ``bounds`` holds the offset and
    the stop of each span, interleaved, so one slice of it describes a run of spans.
    """

    __slots__ = ("bounds", "column")

    def __init__(self, column: array[int], spans: Iterable[int], first: array[int]) -> None:
        self.column = column
        self.bounds = _column(chain.from_iterable((first[span], first[span + 1])
                                                  for span in spans))


class _Class(_Spans):
    """Bounded spans whose lengths lie in ``[shortest, longest]``, sorted by start.

    ``ends`` is ``None`` when every span in the class has the same length: the end then
    follows from the start and no query needs to look at it.
    """

    __slots__ = ("ends", "longest", "shortest")

    def __init__(self, spans: array[int], starts: array[int], ends: array[int],
                 first: array[int]) -> None:
        super().__init__(_column(map(starts.__getitem__, spans)), spans, first)
        class_ends = _column(map(ends.__getitem__, spans))
        lengths = [end - start for start, end in zip(self.column, class_ends, strict=True)]
        self.shortest, self.longest = min(lengths), max(lengths)
        self.ends = None if self.shortest == self.longest else class_ends

    def collect(self, bounds: list[int], start_from: int, start_below: int,
                end_from: int) -> None:
        """Add the spans with ``start_from <= start < start_below`` and ``end >= end_from``.

        Only starts in ``[end_from - longest, end_from - shortest)`` need their end looked
        at; later ones reach ``end_from`` whatever their length.
        """
        earliest = max(start_from, end_from - self.longest)
        if earliest >= start_below:
            return
        starts = self.column
        last = bisect_left(starts, start_below)
        first = bisect_left(starts, earliest, 0, last)
        if self.ends is not None:
            sure = bisect_left(starts, end_from - self.shortest, first, last)
            if first < sure:  # the zone is small and few pass: a comprehension beats compress
                pairs = self.bounds
                for kept in [position for position, end in enumerate(self.ends[first:sure], first)
                             if end >= end_from]:
                    bounds += pairs[2 * kept:2 * kept + 2]
            first = sure
        if first < last:
            bounds += self.bounds[2 * first:2 * last]


class _Bucket:
    """The spans of one or more length classes while the classes are being chosen."""

    __slots__ = ("earliest", "latest", "longest", "shortest", "spans")

    def __init__(self, spans: array[int], starts: array[int], ends: array[int]) -> None:
        self.spans = spans
        self.earliest, self.latest = starts[spans[0]], starts[spans[-1]]
        lengths = [ends[span] - starts[span] for span in spans]
        self.shortest, self.longest = min(lengths), max(lengths)

    def zone(self) -> float:
        """Spans a query expects to filter: density of starts times the width of doubt."""
        extent = self.latest - self.earliest + 1
        return len(self.spans) * (self.longest - self.shortest) / extent

    def merge(self, other: _Bucket) -> _Bucket:
        merged = _Bucket.__new__(_Bucket)
        merged.spans = _column(sorted(self.spans + other.spans))
        merged.earliest = min(self.earliest, other.earliest)
        merged.latest = max(self.latest, other.latest)
        merged.shortest = min(self.shortest, other.shortest)
        merged.longest = max(self.longest, other.longest)
        return merged


def _classes(buckets: list[_Bucket]) -> list[_Bucket]:
    """Merge neighbouring length classes while the zone a query filters stays small."""
    chosen: list[_Bucket] = []
    for bucket in buckets:
        if chosen:
            merged = chosen[-1].merge(bucket)
            if merged.zone() <= MERGE_LIMIT:
                chosen[-1] = merged
                continue
        chosen.append(bucket)
    return chosen


class _Snapshots(Generic[K]):
    """The long spans alive through each segment between consecutive endpoints of theirs.

    Segment ``k`` is ``[points[k], points[k + 1])``; the keys of the spans that start at or
    before it and end at or after it are ``keys[first[k]:first[k + 1]]``, copied in result
    order with each key's start beside it. No endpoint of a long span falls inside a
    segment, so the long spans running at any instant of it are exactly those, and the ones
    that started more than ``reach`` before the instant form one slice.
    """

    __slots__ = ("first", "keys", "points", "reach", "starts")

    def __init__(self, spans: list[int], points: array[int], span_starts: array[int],
                 span_ends: array[int], first: array[int], keys: list[K],
                 reach: int) -> None:
        segments: list[list[int]] = [[] for _ in range(len(points) - 1)]
        for span in spans:  # in result order, so each segment is too
            for segment in range(bisect_left(points, span_starts[span]),
                                 bisect_left(points, span_ends[span])):
                segments[segment].append(span)
        self.points, self.reach = points, reach
        self.keys: list[K] = []
        self.starts = _column()
        self.first = _column([0])
        for alive in segments:
            for span in alive:
                offset, stop = first[span], first[span + 1]
                self.keys += keys[offset:stop]
                self.starts.extend(repeat(span_starts[span], stop - offset))
            self.first.append(len(self.keys))

    @staticmethod
    def size(spans: list[int], span_starts: array[int], span_ends: array[int],
             first: array[int]) -> tuple[int, array[int]]:
        """How many keys the snapshots of these spans would hold, and the segments' ends."""
        starts = list(map(span_starts.__getitem__, spans))
        ends = list(map(span_ends.__getitem__, spans))
        points = _column(sorted(set(starts).union(ends)))
        segments = map(sub, map(bisect_left, repeat(points), ends),
                       map(bisect_left, repeat(points), starts))
        sizes = map(sub, map(first.__getitem__, [span + 1 for span in spans]),
                    map(first.__getitem__, spans))
        return sum(map(mul, sizes, segments)), points

    def running(self, instant: int) -> list[K]:
        """Keys of the long spans running at ``instant`` that started before ``instant - reach``."""
        segment = bisect_right(self.points, instant) - 1
        if not 0 <= segment < len(self.points) - 1:
            return []
        offset, stop = self.first[segment], self.first[segment + 1]
        return self.keys[offset:bisect_left(self.starts, instant - self.reach, offset, stop)]


def _bound(value: int | None, unbounded: int, what: str) -> int:
    """``value``, or ``unbounded`` for None; ``what`` names it in the error."""
    if value is None:
        return unbounded
    if not UNBOUNDED_START < value < UNBOUNDED_END:
        raise QueryError(f"{what}: {value} is outside the signed 64-bit range of the index")
    return value


def _window(lo: int | None, hi: int | None) -> tuple[int, int]:
    """The window ``[lo, hi)`` in the index's integers; an empty one is a caller's error."""
    low = UNBOUNDED_START if lo is None else lo
    high = UNBOUNDED_END if hi is None else hi
    if (lo is not None and not UNBOUNDED_START < lo < UNBOUNDED_END) or (
            hi is not None and not UNBOUNDED_START < hi < UNBOUNDED_END):
        for value, unbounded in ((lo, UNBOUNDED_START), (hi, UNBOUNDED_END)):
            _bound(value, unbounded, f"window [{lo}, {hi})")  # raises for the one out of range
    if low >= high:
        raise QueryError(f"window [{lo}, {hi}) is empty: lo must be below hi")
    return low, high


class IntervalIndex(Generic[K]):
    """Keys of half-open intervals ``[start, end)``, found by how they meet a window.

    ``None`` is unbounded: a ``None`` start lies before every instant and a ``None`` end
    after every instant, for the intervals indexed and for the windows asked about alike.
    Every query returns keys in one order: by start, then end, then insertion order.
    Build it with ``IntervalIndex.build``; it never changes afterwards.
    """

    __slots__ = ("_always", "_classes", "_end_counts", "_end_values", "_first", "_from",
                 "_keys", "_long", "_short", "_single", "_snapshots", "_span_starts",
                 "_until")

    def __init__(self) -> None:
        self._keys: list[K] = []
        self._first = _column([0])  # span i holds keys[first[i]:first[i + 1]]
        self._single = True  # every span holds one key
        self._span_starts = _column()  # start of each span, ascending
        self._end_values = _column()  # distinct ends, ascending, and how many keys end ...
        self._end_counts = _column([0])  # ... before each: counts[j] for values[:j]
        self._classes: list[_Class] = []  # every bounded span, in classes by length
        self._from = _Spans(_column(), (), self._first)  # no end, by start
        self._until = _Spans(_column(), (), self._first)  # no start, by end
        self._always: list[int] = []  # bounds of the keys with neither start nor end
        # With snapshots, the classes split: short ones, and the long spans in one.
        self._snapshots: _Snapshots[K] | None = None
        self._short: list[_Class] = []
        self._long: _Class | None = None

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
                raise QueryError(f"interval {key!r}: [{start}, {end}) is empty")
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
        values, counts = _column(), _column([0])
        for span in sorted(range(len(span_ends)), key=span_ends.__getitem__):
            end, size = span_ends[span], first[span + 1] - first[span]
            if values and values[-1] == end:
                counts[-1] += size
            else:
                values.append(end)
                counts.append(counts[-1] + size)
        self._end_values, self._end_counts = values, counts

        buckets: dict[int, array[int]] = {}
        until, since = _column(), _column()
        for span, (start, end) in enumerate(zip(span_starts, span_ends, strict=True)):
            if start == UNBOUNDED_START:
                if end == UNBOUNDED_END:
                    self._always = [first[span], first[span + 1]]
                else:  # spans are ordered by start then end, so these come sorted by end
                    until.append(span)
            elif end == UNBOUNDED_END:
                since.append(span)
            else:
                length = (end - start).bit_length()
                bucket = buckets.get(length)
                if bucket is None:
                    bucket = buckets[length] = _column()
                bucket.append(span)
        self._until = _Spans(_column(map(span_ends.__getitem__, until)), until, first)
        self._from = _Spans(_column(map(span_starts.__getitem__, since)), since, first)
        by_length = [_Bucket(spans, span_starts, span_ends) for _, spans in sorted(buckets.items())]

        def made(chosen: list[_Bucket]) -> list[_Class]:
            return [_Class(bucket.spans, span_starts, span_ends, first) for bucket in chosen]

        self._classes = made(_classes(by_length))
        # The longest classes whose snapshots fit the budget get them (with the open-ended).
        split = self._split(by_length, list(since), span_starts, span_ends)
        if split is not None:
            cut, points = split
            self._short = made(_classes(by_length[:cut]))
            long_spans = sorted(chain.from_iterable(bucket.spans for bucket in by_length[cut:]))
            if long_spans:
                self._long = _Class(_column(long_spans), span_starts, span_ends, first)
            reach = max((group.longest for group in self._short), default=0)
            self._snapshots = _Snapshots(sorted(long_spans + list(since)), points, span_starts,
                                         span_ends, first, self._keys, reach)
            self._classes = [*self._short, *([self._long] if self._long else [])]

    def _split(self, by_length: list[_Bucket], since: list[int], span_starts: array[int],
               span_ends: array[int]) -> tuple[int, array[int]] | None:
        """The first length class to snapshot and the segments' ends, or None for none.

        The snapshots of a longer suffix of classes hold more keys (more spans, and their
        endpoints cut the others' segments finer), so the longest suffix within
        ``SNAPSHOT_BUDGET`` is found by bisection; suffixes of more than ``SNAPSHOT_SPANS``
        of all spans are not tried, which keeps the build near linear.
        """
        budget = SNAPSHOT_BUDGET * len(self._keys)
        limit = SNAPSHOT_SPANS * len(self._span_starts)
        suffix = len(since)
        low = len(by_length)
        while low > 0 and suffix + len(by_length[low - 1].spans) <= limit:
            low -= 1
            suffix += len(by_length[low].spans)

        def size(cut: int) -> tuple[int, array[int]]:
            spans = list(chain(since, *(bucket.spans for bucket in by_length[cut:])))
            return _Snapshots.size(spans, span_starts, span_ends, self._first)

        best: tuple[int, array[int]] | None = None
        high = len(by_length)  # fits: try shorter classes in [low, high)
        top = size(high)
        if top[0] > budget or (not since and high == low):
            return None
        best = (high, top[1])
        while low < high:
            middle = (low + high) // 2
            held, points = size(middle)
            if held <= budget:
                best, high = (middle, points), middle
            else:
                low = middle + 1
        if best[0] == len(by_length) and not since:
            return None
        return best

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        snapshot = "" if self._snapshots is None else (
            f", {len(self._snapshots.keys)} keys in snapshots of the long ones")
        return (f"<IntervalIndex of {len(self._keys)} intervals, {len(self._span_starts)} "
                f"distinct, {len(self._classes)} length classes{snapshot}>")

    # --- the pieces of an answer ---------------------------------------------------------

    def _reaching(self, start_from: int, start_below: int, end_from: int) -> list[int]:
        """Bounds of the spans with ``start_from <= start < start_below, end >= end_from``.

        Offsets and stops in the key list, interleaved and ascending (the spans' keys are
        disjoint runs there, so sorting all bounds together keeps each pair together).
        """
        bounds: list[int] = []
        for group in self._classes:
            group.collect(bounds, start_from, start_below, end_from)
        if start_from == UNBOUNDED_START < start_below:
            bounds += self._unbounded_start(end_from)
        since = self._from
        if since.bounds and end_from <= UNBOUNDED_END:
            position = bisect_left(since.column, start_from)
            stop = bisect_left(since.column, start_below, position)
            bounds += since.bounds[2 * position:2 * stop]
        bounds.sort()  # ascending runs, one per class: the merge is C work
        return bounds

    def _unbounded_start(self, end_from: int) -> array[int]:
        """Bounds of the spans with no start and ``end >= end_from`` (they come first)."""
        until = self._until
        bounds = until.bounds[2 * bisect_left(until.column, end_from):]
        if self._always and end_from <= UNBOUNDED_END:
            bounds.extend(self._always)
        return bounds

    def _add_keys(self, found: list[K], bounds: Sequence[int]) -> None:
        """Append the keys from each offset to its stop in ``bounds``, in order."""
        keys = self._keys
        if self._single:
            found += map(keys.__getitem__, bounds[::2])
        else:
            found += chain.from_iterable(map(keys.__getitem__, _pairs(bounds)))

    def _running(self, lo: int) -> list[K]:
        """Keys of the intervals running at ``lo`` that started before it, in result order.

        With snapshots: those without a start, then the long ones from the snapshot of
        ``lo``'s segment that started more than ``reach`` earlier (one slice), then the
        short ones and the long ones that started since, from the classes.
        """
        snapshots = self._snapshots
        found: list[K] = []
        if snapshots is None or lo == UNBOUNDED_START:
            self._add_keys(found, self._reaching(UNBOUNDED_START, lo, lo + 1))
            return found
        if self._until.bounds or self._always:
            self._add_keys(found, self._unbounded_start(lo + 1))
        found += snapshots.running(lo)
        bounds: list[int] = []
        for group in self._short:
            group.collect(bounds, UNBOUNDED_START, lo, lo + 1)
        recent = lo - snapshots.reach  # a long span started since is still running
        for spans in (self._long, self._from):
            if spans is not None and spans.bounds:
                position = bisect_left(spans.column, recent)
                bounds += spans.bounds[2 * position:2 * bisect_left(spans.column, lo, position)]
        bounds.sort()
        self._add_keys(found, bounds)
        return found

    # --- queries -------------------------------------------------------------------------

    def overlapping(self, lo: int | None, hi: int | None) -> list[K]:
        """Keys of the intervals sharing an instant with ``[lo, hi)``: ``start < hi``, ``end > lo``.

        Half-open, so an interval ending at ``lo`` or starting at ``hi`` is not included.
        Those running at ``lo`` come first, then all that start in the window (one slice).
        """
        lo, hi = _window(lo, hi)
        starting = bisect_left(self._span_starts, lo)
        stop = bisect_left(self._span_starts, hi, starting)
        found = self._keys[self._first[starting]:self._first[stop]]
        found[:0] = self._running(lo)  # moves pointers only: the keys are touched once
        return found

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
        ``[None, 10)``. All that start in the window, less the few running past ``hi``.
        """
        lo, hi = _window(lo, hi)
        starting = bisect_left(self._span_starts, lo)
        stop = bisect_left(self._span_starts, hi, starting)
        leaving_out = self._reaching(lo, hi, hi + 1)
        # The slices between the spans left out: [first, offset 0), [stop 0, offset 1), ...
        pieces = _pairs([self._first[starting], *leaving_out, self._first[stop]])
        return list(chain.from_iterable(map(self._keys.__getitem__, pieces)))

    def containing(self, lo: int | None, hi: int | None) -> list[K]:
        """Keys of the intervals covering all of ``[lo, hi)``: ``start <= lo`` and ``end >= hi``."""
        lo, hi = _window(lo, hi)
        found: list[K] = []
        self._add_keys(found, self._reaching(UNBOUNDED_START, lo + 1, hi))
        return found

    def at(self, instant: int) -> list[K]:
        """Keys of the intervals holding ``instant``: ``start <= instant < end``."""
        return self.containing(instant, instant + 1)
