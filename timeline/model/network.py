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

from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo

import attrs

from timeline.model.claim import Claim
from timeline.time.granularity import Granularity
from timeline.time.interval import (
    EASTERNMOST,
    SUPPORTED_END,
    SUPPORTED_START,
    WESTERNMOST,
    Interval,
    is_floating,
)

NEG = -(2**62)
POS = 2**62
_EPOCH = datetime(1, 1, 1)
_MICRO = timedelta(microseconds=1)
#: The supported calendar in the network's microseconds (``timeline.time.interval``), two
#: days wider: a time of its last day read at UTC-12 is in UTC past its end, and exact.
_FIRST = (SUPPORTED_START - timedelta(days=2) - _EPOCH) // _MICRO
_END = (SUPPORTED_END + timedelta(days=2) - _EPOCH) // _MICRO


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

    def __repr__(self) -> str:
        """``<Conflict dates 'treaty': ... ('a', 'b')>``, not every claim in full."""
        from timeline.export.wording import conflict_repr

        return conflict_repr(self)


class Frame:
    """Converts between datetimes and the integer microseconds the network computes in.

    Civil (``floating``): every time is taken on the wall clock. Absolute: aware times are
    instants; a floating one is read in ``zone`` when the corpus declares one, else widened
    over every zone (its earliest instant for a lower bound, its latest for an upper one).
    """

    def __init__(self, floating: bool, zone: tzinfo | None = None) -> None:
        if floating and zone is not None:
            raise ValueError("a civil frame has no zone")
        self.floating = floating
        self.zone = zone

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
        elif is_floating(moment) and self.zone is not None:
            naive = moment.replace(tzinfo=self.zone).astimezone(UTC).replace(tzinfo=None)
        elif is_floating(moment):
            naive = moment.replace(tzinfo=None) + widen
        else:
            naive = moment.astimezone(UTC).replace(tzinfo=None)
        return (naive - _EPOCH) // _MICRO

    def moment(self, micro: int) -> datetime | None:
        """The datetime of a bound; ``None`` (open) for one propagated past the supported
        calendar ("5000 years after" an event of 6000): weaker than what was computed,
        so never false, and no overflow downstream (#13)."""
        if not _FIRST <= micro < _END:
            return None
        naive = _EPOCH + timedelta(microseconds=micro)
        if self.floating:
            return naive
        moment = naive.replace(tzinfo=UTC)
        return moment if self.zone is None else moment.astimezone(self.zone)


def frame_for(claims: Iterable[Claim], zone: tzinfo | None = None) -> Frame:
    """Civil when every claimed time is floating, absolute as soon as one is not; absolute
    in ``zone`` when the corpus declares one (its floating times are read in it)."""
    if zone is not None:
        return Frame(floating=False, zone=zone)
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

    def distances(self, sources: Sequence[int], targets: Sequence[int]) -> dict[
            tuple[int, int], int]:
        """Shortest constraint paths: ``x_t - x_s <= d[s, t]`` (``POS`` when unconstrained).

        Only the events connected to the sources are visited, their strongly connected
        components in topological order (linear on chains and fans; weights may be
        negative, so Bellman-Ford with a queue inside a component). A negative cycle has no
        shortest paths: then the bounded rounds of Bellman-Ford give what they always gave.
        """
        out: dict[tuple[int, int], int] = {}
        order = strong_components(sources, self.edges)
        for source in sources:
            dist: dict[int, int] | None = {source: 0}
            for component in order:
                assert dist is not None
                if not _shortest(dist, self.edges, component, POS):
                    dist = None
                    break
            if dist is None:
                dist = self._rounds_from(source)
            for target in targets:
                out[source, target] = dist.get(target, POS)
        return out

    def _rounds_from(self, source: int) -> dict[int, int]:
        """Bellman-Ford from one source in at most as many rounds as there are variables
        (where a negative cycle leaves the distances)."""
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
        return dist


def solve(events: Mapping[str, Sequence[Claim]], frame: Frame | None = None) -> Network:
    """Propagate every event's bounds from its claims and the order between events.

    Events linked by order claims are settled together, one connected group at a time, so a
    contradiction in one group never sets aside claims in another: the result for an event
    depends only on the events it is linked to (which is what lets ``as_of`` views settle
    each group on its own).
    """
    frame = frame or frame_for(c for claims in events.values() for c in claims)
    # Sorted, so the result does not depend on the order the corpus lists its events.
    events = {event: events[event] for event in sorted(events)}
    index = {event: 2 * i for i, event in enumerate(events)}
    n = 2 * len(index)
    conflicts: list[Conflict] = []
    lower, upper = [NEG] * n, [POS] * n
    for event, claims in events.items():
        s = index[event]
        items = [(b, c) for c in claims for b in bounds_of(c, frame)]
        bounds = claimed(event, items, conflicts)
        if bounds is not None:
            lower[s], upper[s], lower[s + 1], upper[s + 1] = bounds
    edges: dict[int, tuple[tuple[int, int], ...]] = {}
    for group in components(events):
        edges.update(_settle(group, events, index, lower, upper, conflicts))
    return Network(frame, index, lower, upper, edges, tuple(conflicts))


def components(events: Mapping[str, Sequence[Claim]]) -> list[list[str]]:
    """The events in groups linked by order claims (references to events not given are
    ignored), each group sorted, groups ordered by their first event."""
    parent = {event: event for event in events}

    def root(event: str) -> str:
        while parent[event] != event:
            parent[event] = parent[parent[event]]
            event = parent[event]
        return event

    for event, claims in events.items():
        for claim in claims:
            for other in claim.references:
                if other in parent:
                    a, b = root(event), root(other)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for event in sorted(events):
        groups.setdefault(root(event), []).append(event)
    return sorted(groups.values())


def _settle(group: Sequence[str], events: Mapping[str, Sequence[Claim]],
            index: Mapping[str, int], lower: list[int], upper: list[int],
            conflicts: list[Conflict]) -> dict[int, tuple[tuple[int, int], ...]]:
    """Propagate one linked group; when its order claims contradict, report the events whose
    bounds collapsed, set their order claims aside, and propagate again, until consistent."""
    variables = [v for event in group for v in (index[event], index[event] + 1)]
    base_lower = {v: lower[v] for v in variables}
    base_upper = {v: upper[v] for v in variables}
    dropped: set[str] = set()
    edges: dict[int, list[tuple[int, int]]] = {}

    def edge(u: int, v: int, w: int) -> None:
        edges.setdefault(u, []).append((v, w))

    while True:
        edges.clear()
        for event in group:
            s = index[event]
            edges.setdefault(s + 1, []).append((s, -1))  # start < end
            if event in dropped:
                continue
            for claim in events[event]:
                if not any(other in dropped or other not in index
                           for other in claim.references):
                    _relate(claim, s, index, edge)
        for v in variables:
            lower[v], upper[v] = base_lower[v], base_upper[v]
        frozen = {u: tuple(vs) for u, vs in edges.items()}
        if _propagate(lower, upper, frozen, variables):
            return frozen
        collapsed = {event for event in group
                     if lower[index[event]] > upper[index[event]]
                     or lower[index[event] + 1] > upper[index[event] + 1]} - dropped
        # The culprits are the order claims: an event with none of its own collapsed
        # because others were placed against it, so theirs are set aside.
        bad = {e for e in collapsed if any(c.references for c in events[e])}
        for event in collapsed - bad:
            bad |= {other for other in group if other not in dropped
                    and any(event in c.references for c in events[other])}
        if not bad:  # no single culprit: set aside every event of the group with order claims
            bad = {e for e in group if any(c.references for c in events[e])} - dropped
        if not bad:
            raise AssertionError("bounds without order claims are always consistent")
        for event in sorted(bad):
            involved = tuple(c for c in events[event] if c.references)
            conflicts.append(Conflict("order", event, involved,
                                      f"event {event!r}: its claims' order against other "
                                      f"events cannot all hold with their dates; they are "
                                      f"set aside"))
        dropped |= bad


#: Bounds on an event's start and end, in a frame's microseconds: earliest and latest
#: start, earliest and latest end (``NEG``/``POS`` when open). An event "on Monday" starts
#: and ends within Monday: ``(monday, tuesday - 1, monday + 1, tuesday)``.
Bounds4 = tuple[int, int, int, int]
OPEN: Bounds4 = (NEG, POS, NEG, POS)


def bounds_of(claim: Claim, frame: Frame) -> tuple[Bounds4, ...]:
    """What the claim says of its event's start and end, in one or two pieces (none when
    it dates neither).

    Its interval holds the whole event, or only its start or end (``part``); an event
    ``ongoing`` when the article came out had started by then and had not yet ended. The
    two are kept apart, so a claim that contradicts itself (dated to last year, yet still
    going on) is reported like two claims that contradict each other.
    """
    pieces: list[Bounds4] = []
    interval = claim.value.interval if claim.value is not None else None
    if interval is not None:
        lo, hi = frame.lower(interval.start), frame.upper(interval.end)
        if claim.part is not None and _instant(claim):
            # "began at 2:30 p.m.", "ended at 4 p.m.": a clock time that starts or ends an
            # event names that instant (as a range's end does), not any time in its minute.
            at = frame.upper(interval.start)
            pieces.append((lo, at, NEG, POS) if claim.part == "start" else (NEG, POS, lo, at))
        elif claim.part == "start":
            pieces.append((lo, hi - 1, NEG, POS))
        elif claim.part == "end":
            pieces.append((NEG, POS, lo + 1, hi))
        else:
            pieces.append((lo, hi - 1, lo + 1, hi))
    if claim.ongoing:
        published = claim.known_from
        start = published if isinstance(published, datetime) else datetime(
            published.year, published.month, published.day)
        end = start + (_MICRO if isinstance(published, datetime) else timedelta(days=1))
        pieces.append((NEG, frame.upper(end) - 1, frame.lower(start) + 1, POS))
    return tuple(pieces)


def _instant(claim: Claim) -> bool:
    """A clock time to the minute or second, with nothing around it ("about 4 p.m.")."""
    value = claim.value
    return (value is not None and value.mod is None
            and value.granularity in (Granularity.MINUTE, Granularity.SECOND))


def meet(a: Bounds4, b: Bounds4) -> Bounds4:
    """Both at once, a start kept before its end (may be empty: see ``feasible``)."""
    s_lo, s_hi, e_lo, e_hi = max(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), min(a[3], b[3])
    return s_lo, min(s_hi, e_hi - 1), max(e_lo, s_lo + 1), e_hi


def feasible(bounds: Bounds4) -> bool:
    return bounds[0] <= bounds[1] and bounds[2] <= bounds[3]


def claimed(event: str, items: Sequence[tuple[Bounds4, Claim]],
            conflicts: list[Conflict]) -> Bounds4 | None:
    """What the claims agree on, or their hull (with a conflict) when they cannot all hold.

    ``items`` are the claims that date the event, with each piece of their ``bounds_of``.
    The claims reported are those that contradict another one (or themselves); when only
    three or more together contradict, all of them.
    """
    if not items:
        return None
    agreed = OPEN
    for bounds, _ in items:
        agreed = meet(agreed, bounds)
    if feasible(agreed):
        return agreed
    clashing = tuple(dict.fromkeys(
        c for bounds, c in items if any(not feasible(meet(bounds, other)) for other, _ in items)))
    clashing = clashing or tuple(dict.fromkeys(c for _, c in items))
    conflicts.append(Conflict(
        "dates", event, clashing,
        f"event {event!r}: claims date it in intervals that share no time ("
        + "; ".join(f"{c.article}: {_describe(c)}" for c in clashing) + ")"))
    return meet(OPEN, (min(b[0] for b, _ in items), max(b[1] for b, _ in items),
                       min(b[2] for b, _ in items), max(b[3] for b, _ in items)))


def _describe(claim: Claim) -> str:
    said = f"{claim.when or claim.date} = {claim.value.value}" if claim.value else ""
    if claim.part:
        said = f"{claim.part} {said}"
    if claim.ongoing:
        said = f"{said}, ongoing" if said else "ongoing"
    return said


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
               edges: Mapping[int, tuple[tuple[int, int], ...]], variables: Sequence[int]) -> bool:
    """Narrow the bounds along the constraints until stable; False on a contradiction.

    Only ``variables`` (closed under ``edges``) are visited. Consistent constraints have
    one stable state, whatever the order of the steps: it is found in near-linear time
    (``_stable``). On a contradiction there is none, and ``_settle`` reads which events
    collapsed from where the round-by-round propagation stops (``_rounds``), so that is
    replayed from the same start.
    """
    start = [(v, lower[v], upper[v]) for v in variables]
    if _stable(lower, upper, edges, variables):
        return True
    for v, lo, hi in start:
        lower[v], upper[v] = lo, hi
    return _rounds(lower, upper, edges, variables)


def _stable(lower: list[int], upper: list[int],
            edges: Mapping[int, tuple[tuple[int, int], ...]], variables: Sequence[int]) -> bool:
    """The bounds' one stable state, or False when there is none or a bound collapses.

    An upper bound moves forward along ``x_v <= x_u + w``, a lower bound backward: each is
    a shortest-path problem (from the finite bounds), solved over the strongly connected
    components in topological order (backward for the lower bounds), so a chain or a fan
    of N events takes O(N) steps, not rounds over the whole group.
    """
    ordered = _acyclic_order(variables, edges)
    if ordered is not None:  # the common case (order claims alone never make a cycle)
        for u in ordered:
            hi = upper[u]
            if hi < POS:
                for v, w in edges.get(u, ()):
                    if hi + w < upper[v]:
                        upper[v] = hi + w
        for u in reversed(ordered):  # each after every variable it constrains
            for v, w in edges.get(u, ()):
                lo = lower[v]
                if lo > NEG and lo - w > lower[u]:
                    lower[u] = lo - w
        return all(lower[v] <= upper[v] for v in variables)
    order = strong_components(variables, edges)
    ups = {v: upper[v] for v in variables}
    for component in order:
        if not _shortest(ups, edges, component, POS):
            return False  # a negative cycle keeps lowering a finite upper bound
    backward: dict[int, list[tuple[int, int]]] = {}
    for u in variables:
        for v, w in edges.get(u, ()):
            backward.setdefault(v, []).append((u, w))
    # Lower bounds, negated, are upper bounds on -x along the reversed constraints.
    downs = {v: -lower[v] for v in variables}
    for component in reversed(order):
        if not _shortest(downs, backward, component, -NEG):
            return False
    for v in variables:
        lower[v], upper[v] = -downs[v], ups[v]
    return all(lower[v] <= upper[v] for v in variables)


def _acyclic_order(variables: Sequence[int],
                   edges: Mapping[int, Sequence[tuple[int, int]]]) -> list[int] | None:
    """The variables in an order every constraint goes forward in, or ``None`` when they
    are in a cycle (Kahn's algorithm: cheaper than finding the components)."""
    waiting = dict.fromkeys(variables, 0)
    for u in variables:
        for v, _ in edges.get(u, ()):
            waiting[v] += 1
    ordered = [v for v, n in waiting.items() if n == 0]
    for u in ordered:  # grows as it goes
        for v, _ in edges.get(u, ()):
            waiting[v] -= 1
            if waiting[v] == 0:
                ordered.append(v)
    return ordered if len(ordered) == len(waiting) else None


def _shortest(dist: dict[int, int], edges: Mapping[int, Sequence[tuple[int, int]]],
              component: Sequence[int], infinite: int) -> bool:
    """Settle one strongly connected component (every earlier one settled) and pass its
    distances on along its edges; False on a negative cycle through a finite distance.

    A distance at ``infinite`` (or beyond, in ``dist.get``) is none and passes nothing on.
    Inside a component with a cycle, Bellman-Ford with a queue: a distance whose path
    has as many edges as the component has variables went round a negative cycle.
    """
    if len(component) == 1:  # the common case, on its own: no cycle but a loop to itself
        u = component[0]
        du = dist.get(u, infinite)
        if du < infinite:
            for v, w in edges.get(u, ()):
                if v == u:
                    if w < 0:
                        return False
                elif du + w < dist.get(v, infinite):
                    dist[v] = du + w
        return True
    inside = set(component)
    steps = dict.fromkeys(component, 0)
    queue = deque(u for u in component if dist.get(u, infinite) < infinite)
    queued = set(queue)
    while queue:
        u = queue.popleft()
        queued.discard(u)
        du = dist[u]
        for v, w in edges.get(u, ()):
            if v in inside and du + w < dist.get(v, infinite):
                dist[v] = du + w
                steps[v] = steps[u] + 1
                if steps[v] >= len(component):
                    return False
                if v not in queued:
                    queued.add(v)
                    queue.append(v)
    for u in component:
        du = dist.get(u, infinite)
        if du < infinite:
            for v, w in edges.get(u, ()):
                if du + w < dist.get(v, infinite):
                    dist[v] = du + w
    return True


def strong_components(roots: Iterable[int],
                      edges: Mapping[int, Sequence[tuple[int, int]]]) -> list[list[int]]:
    """The strongly connected components of what ``roots`` reach, in topological order
    (an edge between two goes from an earlier to a later one).

    Tarjan's algorithm, with an explicit stack so a chain of any length fits.
    """
    number: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    out: list[list[int]] = []
    for root in roots:
        if root in number:
            continue
        number[root] = low[root] = len(number)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(edges.get(root, ())))]
        while work:
            node, successors = work[-1]
            for v, _ in successors:
                if v not in number:
                    number[v] = low[v] = len(number)
                    stack.append(v)
                    on_stack.add(v)
                    work.append((v, iter(edges.get(v, ()))))
                    break
                if v in on_stack:
                    low[node] = min(low[node], number[v])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == number[node]:
                    component = []
                    while True:
                        v = stack.pop()
                        on_stack.discard(v)
                        component.append(v)
                        if v == node:
                            break
                    out.append(component)
    out.reverse()
    return out


def _rounds(lower: list[int], upper: list[int],
            edges: Mapping[int, tuple[tuple[int, int], ...]], variables: Sequence[int]) -> bool:
    """Narrow the bounds round by round until stable; False on a contradiction, the bounds
    left as they stood at the end of the round that found it.

    Each round steps every pending variable's constraints; after as many rounds as there
    are variables without settling, a negative cycle makes the constraints unsatisfiable.
    Which events ``_settle`` reports depends on where this stops (the rounds' sets are
    made as they always were, so it stops in the same place); the variables a round
    touched lead to their predecessors through a reversed index, not a scan of every
    constraint, so a long chain costs rounds of a few steps each.
    """
    before: dict[int, list[int]] = {}
    for u, vs in edges.items():
        for v, _ in vs:
            before.setdefault(v, []).append(u)
    position = {u: i for i, u in enumerate(edges)}
    pending = set(variables)
    for _ in range(len(variables) + 2):
        if not pending:
            return all(lower[i] <= upper[i] for i in variables)
        touched: set[int] = set()
        for u in pending:
            for v, w in edges.get(u, ()):
                if upper[u] < POS and upper[u] + w < upper[v]:
                    upper[v] = upper[u] + w
                    touched.add(v)
                if lower[v] > NEG and lower[v] - w > lower[u]:
                    lower[u] = lower[v] - w
                    touched.add(u)
        # The constraints' sources that reach a touched variable, added in the order of
        # ``edges`` (as a scan of it would add them: the set, and so the next round's
        # order, comes out the same).
        reaching = sorted({u for v in touched for u in before.get(v, ())},
                          key=position.__getitem__)
        pending = touched | set(reaching)
        if any(lower[i] > upper[i] for i in touched):
            return False
    return False
