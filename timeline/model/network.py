"""Bounds on when events start and end, from their claims and the order between them.

Each event has a start and an end. Its claims' intervals bound both (an event "on Monday"
starts and ends within that Monday); claims that place it against another event add
difference constraints (``end <= other's start``, ``start - other's start <= 2 h``). These
form a simple temporal network; propagating the bounds until they are stable gives each
event's earliest and latest start and end. Times are integer microseconds in one frame:
civil (floating) when every time in the corpus is, otherwise absolute, with each floating
bound widened over every zone (UTC-12 to UTC+14) so nothing is claimed that could be false.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta

import attrs

from timeline.model.claim import Claim
from timeline.time.interval import EASTERNMOST, WESTERNMOST, Interval, is_floating

NEG = -(2**62)
POS = 2**62
_EPOCH = datetime(1, 1, 1)
_MICRO = timedelta(microseconds=1)


@attrs.frozen
class EventTime:
    """An indeterminate interval: bounds on an event's start and on its end (``None``: open).

    The event certainly covers ``[latest_start, earliest_end)`` when that is not empty, and
    possibly covers ``[earliest_start, latest_end)``.
    """

    earliest_start: datetime | None
    latest_start: datetime | None
    earliest_end: datetime | None
    latest_end: datetime | None

    @property
    def hull(self) -> Interval:
        """Everything the event possibly covers."""
        return Interval(self.earliest_start, self.latest_end)

    @property
    def core(self) -> Interval | None:
        """What the event certainly covers, if anything."""
        lo, hi = self.latest_start, self.earliest_end
        if lo is None or hi is None or lo >= hi:
            return None
        return Interval(lo, hi)

    @property
    def exact(self) -> bool:
        return (self.earliest_start is not None and self.earliest_start == self.latest_start
                and self.earliest_end is not None and self.earliest_end == self.latest_end)


@attrs.frozen
class Conflict:
    """Claims that cannot all be true: disjoint intervals, or an impossible order."""

    kind: str  # "dates" (claims' intervals share nothing) or "order" (constraints clash)
    event: str
    claims: tuple[Claim, ...]
    message: str


class Frame:
    """Converts between datetimes and the integer microseconds the network computes in."""

    def __init__(self, floating: bool) -> None:
        self.floating = floating

    def lower(self, moment: datetime | None) -> int:
        """A lower bound: in an absolute frame, a floating time's earliest instant."""
        if moment is None:
            return NEG
        return self._micro(moment, -EASTERNMOST)

    def upper(self, moment: datetime | None) -> int:
        """An upper bound: in an absolute frame, a floating time's latest instant."""
        if moment is None:
            return POS
        return self._micro(moment, -WESTERNMOST)

    def _micro(self, moment: datetime, widen: timedelta) -> int:
        if self.floating:
            naive = moment.replace(tzinfo=None)
        elif is_floating(moment):
            naive = moment.replace(tzinfo=None) + widen
        else:
            naive = moment.astimezone(UTC).replace(tzinfo=None)
        return (naive - _EPOCH) // _MICRO

    def moment(self, micro: int) -> datetime | None:
        if micro <= NEG // 2 or micro >= POS // 2:
            return None
        naive = _EPOCH + timedelta(microseconds=micro)
        return naive if self.floating else naive.replace(tzinfo=UTC)


def frame_for(claims: Iterable[Claim]) -> Frame:
    """Civil when every claimed time is floating, absolute as soon as one is not."""
    for claim in claims:
        interval = claim.value.interval if claim.value is not None else None
        if interval is not None and not interval.floating:
            return Frame(floating=False)
    return Frame(floating=True)


@attrs.frozen
class Network:
    """The propagated bounds and the constraint graph they came from."""

    frame: Frame
    index: Mapping[str, int]  # event id -> its start variable (end is start + 1)
    lower: Sequence[int]
    upper: Sequence[int]
    edges: Mapping[int, tuple[tuple[int, int], ...]]  # u -> ((v, w), ...): x_v <= x_u + w
    conflicts: tuple[Conflict, ...]

    def time(self, event: str) -> EventTime:
        s = self.index[event]
        m = self.frame.moment
        return EventTime(m(self.lower[s]), m(self.upper[s]), m(self.lower[s + 1]),
                         m(self.upper[s + 1]))

    def distances(self, sources: Sequence[int], targets: Sequence[int]) -> dict[
            tuple[int, int], int]:
        """Shortest constraint paths: ``x_t - x_s <= d[s, t]`` (``POS`` when unconstrained).

        Bellman-Ford from each source over the constraint graph (weights may be negative);
        only the events connected to the sources are visited.
        """
        out: dict[tuple[int, int], int] = {}
        for source in sources:
            dist = {source: 0}
            frontier = [source]
            for _ in range(len(self.lower) + 1):
                changed = []
                for u in frontier:
                    for v, w in self.edges.get(u, ()):
                        if dist[u] + w < dist.get(v, POS):
                            dist[v] = dist[u] + w
                            changed.append(v)
                if not changed:
                    break
                frontier = changed
            for target in targets:
                out[source, target] = dist.get(target, POS)
        return out


def solve(events: Mapping[str, Sequence[Claim]], frame: Frame | None = None) -> Network:
    """Propagate every event's bounds from its claims and the order between events."""
    frame = frame or frame_for(c for claims in events.values() for c in claims)
    # Sorted, so the result does not depend on the order the corpus lists its events.
    events = {event: events[event] for event in sorted(events)}
    index = {event: 2 * i for i, event in enumerate(events)}
    n = 2 * len(index)
    edges: dict[int, list[tuple[int, int]]] = {}
    conflicts: list[Conflict] = []

    def edge(u: int, v: int, w: int) -> None:
        edges.setdefault(u, []).append((v, w))

    base_lower, base_upper = [NEG] * n, [POS] * n
    for event, claims in events.items():
        s = index[event]
        dated = [c for c in claims if c.value is not None and c.value.interval is not None]
        bounds = _claimed(event, dated, frame, conflicts)
        if bounds is not None:
            lo, hi = bounds
            base_lower[s], base_lower[s + 1] = lo, lo + 1
            base_upper[s], base_upper[s + 1] = hi - 1, hi
    # Propagate; when the order claims contradict, report the events whose bounds
    # collapsed, set their order claims aside, and propagate again, until consistent.
    dropped: set[str] = set()
    while True:
        edges.clear()
        for event, claims in events.items():
            s = index[event]
            edge(s + 1, s, -1)  # start < end
            if event in dropped:
                continue
            for claim in claims:
                if not any(other in dropped for other in claim.references):
                    _relate(claim, s, index, edge)
        lower, upper = list(base_lower), list(base_upper)
        frozen = {u: tuple(vs) for u, vs in edges.items()}
        if _propagate(lower, upper, frozen):
            break
        bad = {event for event, s in index.items()
               if lower[s] > upper[s] or lower[s + 1] > upper[s + 1]} - dropped
        if not bad:  # no single culprit: set aside every event with order claims
            bad = {e for e, claims in events.items() if any(c.references for c in claims)}
            bad -= dropped
        if not bad:
            raise AssertionError("bounds without order claims are always consistent")
        for event in sorted(bad):
            involved = tuple(c for c in events[event] if c.references)
            conflicts.append(Conflict("order", event, involved,
                                      f"event {event!r}: its claims' order against other "
                                      f"events cannot all hold with their dates; they are "
                                      f"set aside"))
        dropped |= bad
    return Network(frame, index, lower, upper, frozen, tuple(conflicts))


def _claimed(event: str, dated: Sequence[Claim], frame: Frame,
             conflicts: list[Conflict]) -> tuple[int, int] | None:
    """The intersection of the claims' intervals, or their hull (with a conflict) if empty."""
    if not dated:
        return None
    spans = []
    for claim in dated:
        assert claim.value is not None and claim.value.interval is not None
        interval = claim.value.interval
        spans.append((frame.lower(interval.start), frame.upper(interval.end), claim))
    lo = max(s[0] for s in spans)
    hi = min(s[1] for s in spans)
    if lo < hi:
        return lo, hi
    clashing = tuple(c for a, b, c in spans
                     if any(a >= other_hi or other_lo >= b for other_lo, other_hi, _ in spans))
    conflicts.append(Conflict(
        "dates", event, clashing,
        f"event {event!r}: claims date it in intervals that share no time ("
        + "; ".join(f"{c.article}: {c.when or c.date} = {c.value.value if c.value else '?'}"
                    for c in clashing) + ")"))
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _relate(claim: Claim, s: int, index: Mapping[str, int],
            edge: Callable[[int, int, int], None]) -> None:
    e = s + 1
    if claim.before is not None:
        edge(index[claim.before], e, 0)  # end <= other's start
    if claim.after is not None:
        edge(s, index[claim.after] + 1, 0)  # other's end <= start
    if claim.relative_to is not None and claim.offset is not None:
        other = index[claim.relative_to]
        offset = claim.offset
        if offset.start_hi is not None:
            edge(other, s, offset.start_hi // _MICRO)
        if offset.start_lo is not None:
            edge(s, other, -(offset.start_lo // _MICRO))
        if offset.before:
            edge(other, e, 0)
        if offset.after:
            edge(s, other + 1, 0)


def _propagate(lower: list[int], upper: list[int],
               edges: Mapping[int, tuple[tuple[int, int], ...]]) -> bool:
    """Narrow the bounds along the constraints until stable; False on a contradiction."""
    n = len(lower)
    pending = set(range(n))
    for _ in range(n + 2):
        if not pending:
            return all(lower[i] <= upper[i] for i in range(n))
        touched: set[int] = set()
        for u in pending:
            for v, w in edges.get(u, ()):
                if upper[u] < POS and upper[u] + w < upper[v]:
                    upper[v] = upper[u] + w
                    touched.add(v)
                if lower[v] > NEG and lower[v] - w > lower[u]:
                    lower[u] = lower[v] - w
                    touched.add(u)
        pending = touched | {u for u in edges if any(v in touched for v, _ in edges[u])}
        if any(lower[i] > upper[i] for i in touched):
            return False
    return False
