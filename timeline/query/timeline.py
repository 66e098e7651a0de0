"""``Timeline``: events with provenance, and the questions asked of them.

A timeline is built from articles and event specs (claims with quotes). Each event's time
is computed from its claims and the order between events (``timeline.model.network``);
questions about order and overlap answer with Allen's relations still possible, and
``as_of`` rebuilds the timeline from only what had been published by a given time.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

import attrs

from timeline.errors import QueryError, TimelineError
from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.model.event import Event, EventSpec, status_of
from timeline.model.network import NEG, POS, EventTime, Network, solve
from timeline.query.allen import Bounds, Differences, possible_relations
from timeline.query.index import IntervalIndex
from timeline.time.interval import Interval, as_datetime, is_on_or_before
from timeline.time.value import TimeValue

Window = Interval | date | datetime | str | TimeValue
Moment = date | datetime


def _cutoff(moment: Moment) -> datetime:
    """An "as of" time: a date means the end of that day (all it published is known)."""
    if isinstance(moment, datetime):
        return moment
    return as_datetime(moment) + timedelta(days=1)


def known_by(claim: Claim, moment: Moment, *, possibly: bool = False) -> bool:
    """Whether the claim's article was published by ``moment``.

    A date-only publication is certainly out at the end of its day in the latest zone
    (UTC-12), a floating time at that time in the latest zone; with ``possibly``, the
    earliest instead (the start of the day, or the time, at UTC+14).
    """
    cutoff = _cutoff(moment)
    published = claim.known_from
    if isinstance(published, datetime):
        first = last = published
    else:
        first = as_datetime(published)
        last = first + timedelta(days=1)
    answer = is_on_or_before(first if possibly else last, cutoff)
    return answer is not False if possibly else answer is True


@attrs.frozen
class Change:
    """What became known between two times about one event, and the claims that told it.

    ``kind`` is ``added``, ``narrowed`` (its time bounds only tightened), ``moved`` (they
    changed otherwise), ``status`` or ``conflict``; ``old``/``new`` hold the before and after.
    """

    kind: str
    event: str
    old: Any
    new: Any
    claims: tuple[Claim, ...]


class Timeline:
    """Events from a corpus, each traceable to its articles' quotes, in time order."""

    def __init__(self, articles: Sequence[Article], specs: Sequence[EventSpec], *,
                 as_of: Moment | None = None, possibly: bool = False) -> None:
        self.articles: dict[str, Article] = {a.id: a for a in articles}
        self._specs = tuple(specs)
        self.as_of_time = as_of
        self.possibly = possibly
        known: dict[str, tuple[Claim, ...]] = {}
        for spec in specs:
            claims = tuple(c for c in spec.claims
                           if as_of is None or known_by(c, as_of, possibly=possibly))
            if claims:
                known[spec.id] = claims
        # Against an event nobody had yet written about, nothing can be placed.
        known = {event: tuple(_drop_unknown(c, known) for c in claims)
                 for event, claims in known.items()}
        self._network: Network = solve(known)
        conflicts: dict[str, list[Any]] = {}
        for conflict in self._network.conflicts:
            conflicts.setdefault(conflict.event, []).append(conflict)
        by_spec = {spec.id: spec for spec in specs}
        events: dict[str, Event] = {}
        for event_id, claims in known.items():
            spec = by_spec[event_id]
            time = self._network.time(event_id)
            status = status_of(claims)
            if as_of is not None and status.pending and time.latest_end is not None and (
                    is_on_or_before(time.latest_end, _cutoff(as_of)) is True):
                status = Status.UNCONFIRMED
            events[event_id] = Event(spec.id, spec.title, spec.actors, spec.place, claims,
                                     time, status, tuple(conflicts.get(event_id, ())),
                                     spec.note)
        self._events = events
        self._order = self._sort()
        self._index: IntervalIndex[str] | None = None

    # -- access ---------------------------------------------------------------------

    @property
    def events(self) -> list[Event]:
        """The events in time order (``sorted()``)."""
        return [self._events[i] for i in self._order]

    def __getitem__(self, event_id: str) -> Event:
        try:
            return self._events[event_id]
        except KeyError:
            raise QueryError(f"no event {event_id!r} in this timeline") from None

    def get(self, event_id: str) -> Event | None:
        """The event, or ``None`` when this timeline (or view) does not have it."""
        return self._events.get(event_id)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._events

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self._events)

    @property
    def specs(self) -> tuple[EventSpec, ...]:
        """The corpus's events as written, with every claim (known in this view or not),
        in time order where the view has them and in corpus order after."""
        rank = {event_id: i for i, event_id in enumerate(self._order)}
        return tuple(sorted(self._specs, key=lambda s: rank.get(s.id, len(rank))))

    def to_json(self) -> dict[str, Any]:
        """Lossless JSON-ready data (``timeline.export.json``)."""
        from timeline.export.json import to_json

        return to_json(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Timeline:
        """Rebuild a timeline from ``to_json``'s output."""
        from timeline.export.json import from_json

        return from_json(data)

    @property
    def conflicts(self) -> list[Any]:
        return list(self._network.conflicts)

    def _event(self, event: str | Event) -> Event:
        return self[event if isinstance(event, str) else event.id]

    # -- order ----------------------------------------------------------------------

    def _key(self, event_id: str) -> tuple[int, int, str]:
        s = self._network.index[event_id]
        return self._network.lower[s], self._network.upper[s + 1], event_id

    def _sort(self) -> list[str]:
        """A total order consistent with every stated order, then earliest start, latest end, id.

        Kahn's algorithm over the before/after claims, taking the smallest key first.
        """
        successors: dict[str, set[str]] = {e: set() for e in self._events}
        indegree = dict.fromkeys(self._events, 0)
        for event in self._events.values():
            for claim in event.claims:
                for first, second in _precedences(event.id, claim):
                    if first in successors and second in successors and (
                            second not in successors[first]):
                        successors[first].add(second)
                        indegree[second] += 1
        heap = [self._key(e) for e, d in indegree.items() if d == 0]
        heapq.heapify(heap)
        order: list[str] = []
        while heap:
            event_id = heapq.heappop(heap)[2]
            order.append(event_id)
            for nxt in successors[event_id]:
                indegree[nxt] -= 1
                if indegree[nxt] == 0:
                    heapq.heappush(heap, self._key(nxt))
        if len(order) < len(self._events):  # a cycle (only from hand-made data): by key
            placed = set(order)
            order.extend(sorted((e for e in self._events if e not in placed), key=self._key))
        return order

    def sorted(self) -> list[Event]:
        """Events in an order consistent with every certain "before"."""
        return self.events

    def relation(self, a: str | Event, b: str | Event) -> frozenset[str]:
        """Allen's relations still possible between two events, given everything known."""
        first, second = self._event(a), self._event(b)
        net = self._network
        sa, sb = net.index[first.id], net.index[second.id]
        ba = Bounds(_open(net.lower[sa]), _open(net.upper[sa]), _open(net.lower[sa + 1]),
                    _open(net.upper[sa + 1]))
        bb = Bounds(_open(net.lower[sb]), _open(net.upper[sb]), _open(net.lower[sb + 1]),
                    _open(net.upper[sb + 1]))
        d = net.distances([sa, sa + 1, sb, sb + 1], [sa, sa + 1, sb, sb + 1])

        def span(x: int, y: int) -> tuple[int | None, int | None]:
            """Bounds on x - y: x - y <= d[y, x] and y - x <= d[x, y]."""
            hi, lo = d[y, x], d[x, y]
            return (None if lo >= POS else -lo), (None if hi >= POS else hi)

        known = Differences(span(sa, sb), span(sa, sb + 1), span(sa + 1, sb),
                            span(sa + 1, sb + 1))
        return possible_relations(ba, bb, known)

    def _holds(self, a: str | Event, b: str | Event, names: set[str]) -> bool | None:
        possible = self.relation(a, b)
        if not possible:
            return None
        if possible <= names:
            return True
        if not possible & names:
            return False
        return None

    def before(self, a: str | Event, b: str | Event) -> bool | None:
        """Whether ``a`` ends before ``b`` starts (or just as it starts); ``None``: either."""
        return self._holds(a, b, {"before", "meets"})

    def after(self, a: str | Event, b: str | Event) -> bool | None:
        return self._holds(a, b, {"after", "met-by"})

    def overlaps(self, a: str | Event, b: str | Event) -> bool | None:
        """Whether the two share some time; ``None`` when the evidence allows both."""
        return self._holds(a, b, {"overlaps", "overlapped-by", "starts", "started-by",
                                  "during", "contains", "finishes", "finished-by", "equals"})

    def during(self, a: str | Event, b: str | Event) -> bool | None:
        return self._holds(a, b, {"during", "starts", "finishes", "equals"})

    # -- windows --------------------------------------------------------------------

    @property
    def index(self) -> IntervalIndex[str]:
        """The interval index over every event's possible span, built on first use."""
        if self._index is None:
            net = self._network
            self._index = IntervalIndex.build(
                (e, _open(net.lower[net.index[e]]), _open(net.upper[net.index[e] + 1]))
                for e in self._order)
        return self._index

    def _window(self, window: Window, anchor: Moment | None, certain: bool) -> tuple[
            int | None, int | None]:
        interval = _as_interval(window, anchor)
        frame = self._network.frame
        if certain:  # narrowest in the network's frame: every zone must agree
            lo = None if interval.start is None else frame.upper(interval.start)
            hi = None if interval.end is None else frame.lower(interval.end)
        else:
            lo = None if interval.start is None else frame.lower(interval.start)
            hi = None if interval.end is None else frame.upper(interval.end)
        if lo is not None and hi is not None and lo >= hi:
            raise QueryError(f"window {window!r} is empty in this timeline's frame")
        return lo, hi

    def overlapping(self, window: Window, *, anchor: Moment | None = None,
                    certain: bool = False) -> list[Event]:
        """Events that possibly (or, with ``certain``, certainly) share time with the window."""
        lo, hi = self._window(window, anchor, certain)
        keys = self.index.overlapping(lo, hi)
        if certain:
            keys = [k for k in keys if self._certainly_overlaps(k, lo, hi)]
        return [self._events[k] for k in keys]

    def _certainly_overlaps(self, event_id: str, lo: int | None, hi: int | None) -> bool:
        net = self._network
        s = net.index[event_id]
        latest_start, earliest_end = net.upper[s], net.lower[s + 1]
        return (hi is None or latest_start < hi) and (lo is None or earliest_end > lo)

    def within(self, window: Window, *, anchor: Moment | None = None,
               certain: bool = False) -> list[Event]:
        """Events that possibly (or certainly) lie wholly inside the window."""
        lo, hi = self._window(window, anchor, certain)
        net = self._network
        if certain:
            return [self._events[k] for k in self.index.within(lo, hi)]
        out = []
        for k in self.index.overlapping(lo, hi):
            s = net.index[k]
            if (lo is None or net.upper[s] >= lo) and (hi is None or net.lower[s + 1] <= hi):
                out.append(self._events[k])
        return out

    def at(self, instant: Moment, *, certain: bool = False) -> list[Event]:
        """Events that possibly (or certainly) were going on at an instant."""
        moment = as_datetime(instant)
        return self.overlapping(Interval(moment, moment + timedelta(microseconds=1)),
                                certain=certain)

    def count(self, window: Window, *, anchor: Moment | None = None) -> int:
        """How many events possibly share time with the window, in O(log n)."""
        lo, hi = self._window(window, anchor, False)
        return self.index.count_overlapping(lo, hi)

    # -- knowledge over time --------------------------------------------------------

    def as_of(self, moment: Moment, *, possibly: bool = False) -> Timeline:
        """The timeline as it stood at ``moment``: only claims published by then.

        A date means the end of that day. Events announced for a time that has passed
        with no claim that they happened read ``unconfirmed``.
        """
        return Timeline(list(self.articles.values()), self._specs, as_of=moment,
                        possibly=possibly)

    def changes(self, start: Moment, end: Moment) -> list[Change]:
        """What became known between two times, event by event, with the claims responsible."""
        old, new = self.as_of(start), self.as_of(end)
        out: list[Change] = []
        for event in new.events:
            if event.id not in old:
                out.append(Change("added", event.id, None, event.time, event.claims))
                continue
            before = old[event.id]
            fresh = tuple(c for c in event.claims if c not in before.claims)
            if event.time != before.time:
                kind = "narrowed" if _within(event.time, before.time) else "moved"
                out.append(Change(kind, event.id, before.time, event.time, fresh))
            if event.status != before.status:
                out.append(Change("status", event.id, before.status, event.status, fresh))
            new_conflicts = tuple(c for c in event.conflicts if c not in before.conflicts)
            if new_conflicts:
                out.append(Change("conflict", event.id, before.conflicts, event.conflicts,
                                  fresh))
        return out


def _open(micro: int) -> int | None:
    return None if micro <= NEG // 2 or micro >= POS // 2 else micro


def _within(inner: EventTime, outer: EventTime) -> bool:
    """Whether ``inner``'s bounds are all at least as tight as ``outer``'s."""
    def ge(a: datetime | None, b: datetime | None) -> bool:
        return b is None or (a is not None and a >= b)

    def le(a: datetime | None, b: datetime | None) -> bool:
        return b is None or (a is not None and a <= b)

    return (ge(inner.earliest_start, outer.earliest_start)
            and le(inner.latest_start, outer.latest_start)
            and ge(inner.earliest_end, outer.earliest_end)
            and le(inner.latest_end, outer.latest_end))


def _precedences(event: str, claim: Claim) -> list[tuple[str, str]]:
    out = []
    if claim.before is not None:
        out.append((event, claim.before))
    if claim.after is not None:
        out.append((claim.after, event))
    if claim.relative_to is not None and claim.offset is not None:
        if claim.offset.before:
            out.append((event, claim.relative_to))
        if claim.offset.after:
            out.append((claim.relative_to, event))
    return out


def _drop_unknown(claim: Claim, known: Mapping[str, object]) -> Claim:
    changes: dict[str, Any] = {}
    for key in ("before", "after", "relative_to"):
        if getattr(claim, key) is not None and getattr(claim, key) not in known:
            changes[key] = None
            if key == "relative_to":
                changes["offset"] = None
    return attrs.evolve(claim, **changes) if changes else claim


def _as_interval(window: Window, anchor: Moment | None) -> Interval:
    """A window from an interval, a date or datetime, a TIMEX3 value or an expression."""
    if isinstance(window, Interval):
        return window
    if isinstance(window, TimeValue):
        value = window
    elif isinstance(window, datetime):
        return Interval(window, window + timedelta(microseconds=1))
    elif isinstance(window, date):
        day = as_datetime(window)
        return Interval(day, day + timedelta(days=1))
    elif isinstance(window, str):
        try:
            value = TimeValue.from_timex(window)
        except TimelineError:
            if anchor is None:
                raise QueryError(f"window {window!r} is not a TIMEX3 value; to use an "
                                 f"expression, give its anchor") from None
            from timeline.tagger.resolve import resolve

            value = resolve(window, anchor)
    else:
        raise QueryError(f"cannot use {window!r} as a window")
    if value.interval is None:
        raise QueryError(f"window {value.value!r} has no interval")
    return value.interval


__all__ = ["Change", "QueryError", "Timeline", "known_by"]
