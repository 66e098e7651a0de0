"""The constraint network: near-linear propagation that gives exactly what the plain
round-by-round propagation gives (#13), on random networks, contradictions included."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import network
from timeline.model.claim import Claim, Offset, Status
from timeline.model.network import NEG, POS, Frame, Network, solve, strong_components
from timeline.time.granularity import Granularity
from timeline.time.value import TimeValue

Edges = dict[int, tuple[tuple[int, int], ...]]


# -- the reference: the propagation and distances as they were before #13 ---------------

def reference_propagate(lower: list[int], upper: list[int], edges: Mapping[int, tuple[
        tuple[int, int], ...]], variables: Sequence[int]) -> bool:
    """Rounds over the pending variables, each scanning every constraint for the next."""
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
        pending = touched | {u for u in edges if any(v in touched for v, _ in edges[u])}
        if any(lower[i] > upper[i] for i in touched):
            return False
    return False


def reference_distances(net: Network, sources: Sequence[int], targets: Sequence[int]) -> dict[
        tuple[int, int], int]:
    """Bellman-Ford from each source, in at most as many rounds as there are variables."""
    out: dict[tuple[int, int], int] = {}
    for source in sources:
        dist = {source: 0}
        frontier = [source]
        for _ in range(len(net.lower) + 1):
            changed = []
            for u in frontier:
                for v, w in net.edges.get(u, ()):
                    if dist[u] + w < dist.get(v, POS):
                        dist[v] = dist[u] + w
                        changed.append(v)
            if not changed:
                break
            frontier = changed
        for target in targets:
            out[source, target] = dist.get(target, POS)
    return out


# -- random networks ---------------------------------------------------------------------

@st.composite
def networks(draw: st.DrawFn) -> tuple[list[int], list[int], Edges, list[int]]:
    """Bounds and constraints on a few variables: small weights of either sign (so
    negative cycles and collapsed bounds are common), open bounds and the open bounds
    less one microsecond that claims with an open end give."""
    n = draw(st.integers(1, 10))
    lows = st.one_of(st.just(NEG), st.just(NEG + 1), st.integers(-20, 40))
    highs = st.one_of(st.just(POS), st.just(POS - 1), st.integers(-20, 40))
    lower = [draw(lows) for _ in range(n)]
    upper = [draw(highs) for _ in range(n)]
    triples = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1),
                                      st.one_of(st.integers(-4, 4), st.integers(-50, 50))),
                            max_size=3 * n))
    edges: dict[int, list[tuple[int, int]]] = {}
    for u, v, w in triples:
        edges.setdefault(u, []).append((v, w))
    variables = draw(st.permutations(list(range(n))))
    return lower, upper, {u: tuple(vs) for u, vs in edges.items()}, variables


@settings(max_examples=400, deadline=None)
@given(networks())
def test_propagation_is_the_reference_exactly(drawn: tuple[list[int], list[int], Edges,
                                                           list[int]]) -> None:
    """#13: same verdict and the same bounds, where they settle and where a contradiction
    stops the rounds (``_settle`` reads the collapsed events from there)."""
    lower, upper, edges, variables = drawn
    lo, hi = list(lower), list(upper)
    assert network._propagate(lo, hi, edges, variables) == reference_propagate(
        lower, upper, edges, variables)
    assert (lo, hi) == (lower, upper)


@settings(max_examples=300, deadline=None)
@given(networks(), st.data())
def test_distances_are_the_reference_exactly(drawn: tuple[list[int], list[int], Edges,
                                                          list[int]],
                                             data: st.DataObject) -> None:
    """#13: shortest paths by components equal Bellman-Ford's, negative cycles included."""
    lower, upper, edges, variables = drawn
    net = Network(Frame(floating=True), {}, lower, upper, edges, ())
    sources = data.draw(st.lists(st.sampled_from(variables), min_size=1, max_size=4))
    targets = data.draw(st.lists(st.sampled_from(variables), min_size=1, max_size=4))
    assert net.distances(sources, targets) == reference_distances(net, sources, targets)


@settings(max_examples=300, deadline=None)
@given(networks())
def test_components_are_in_topological_order(drawn: tuple[list[int], list[int], Edges,
                                                          list[int]]) -> None:
    _, _, edges, variables = drawn
    order = strong_components(variables, edges)
    assert sorted(v for component in order for v in component) == sorted(variables)
    place = {v: i for i, component in enumerate(order) for v in component}
    for u, vs in edges.items():
        for v, _ in vs:
            assert place[u] <= place[v]
            if place[u] == place[v]:  # one component: each reaches the other
                assert _reaches(edges, v, u)


def _reaches(edges: Edges, start: int, goal: int) -> bool:
    seen, todo = {start}, [start]
    while todo:
        u = todo.pop()
        if u == goal:
            return True
        for v, _ in edges.get(u, ()):
            if v not in seen:
                seen.add(v)
                todo.append(v)
    return False


# -- random events: solve() with the reference propagation, conflicts and all -------------

START = datetime(2025, 3, 1)
OFFSETS = ("three days before", "2 days after", "within two days", "shortly after",
           "days before", "shortly before", "one day after")


@st.composite
def claim_sets(draw: st.DrawFn) -> dict[str, tuple[Claim, ...]]:
    """A few events with dated claims (days, weeks, parts, ongoing) and order claims
    against any other event, in any direction (cycles too: ``solve`` takes what views
    leave of a corpus), so contradictions of every kind come up."""
    n = draw(st.integers(1, 6))
    ids = [f"e{i}" for i in range(n)]
    out = {}
    for event in ids:
        claims = []
        for _ in range(draw(st.integers(1, 3))):
            fields: dict[str, object] = {}
            if draw(st.booleans()):
                day = START + timedelta(days=draw(st.integers(0, 8)))
                grain = draw(st.sampled_from([Granularity.DAY, Granularity.DAY,
                                              Granularity.WEEK, Granularity.HOUR]))
                fields["value"] = TimeValue.of_granule(grain, day)
                fields["part"] = draw(st.sampled_from([None, None, "start", "end"]))
            if n > 1 and draw(st.booleans()):
                other = draw(st.sampled_from([i for i in ids if i != event]))
                key = draw(st.sampled_from(["before", "after", "relative_to"]))
                fields[key] = other
                if key == "relative_to":
                    fields["offset"] = Offset.parse(draw(st.sampled_from(OFFSETS)))
            known = date(2025, 3, draw(st.integers(1, 12)))
            fields["ongoing"] = draw(st.sampled_from([False, False, False, True]))
            claims.append(Claim(event=event, article="a", quote="q", span=(0, 1),
                                status=Status.OCCURRED, known_from=known, **fields))
        out[event] = tuple(claims)
    return out


@settings(max_examples=200, deadline=None)
@given(claim_sets())
def test_solve_is_the_reference_exactly(events: dict[str, tuple[Claim, ...]]) -> None:
    """#13: the same bounds, the same conflicts (which events' order claims are set aside),
    the same constraints kept, and the same distances between every two variables."""
    fast = solve(events)
    with mock.patch.object(network, "_propagate", reference_propagate):
        slow = solve(events)
    assert (fast.lower, fast.upper, fast.edges, fast.conflicts) == (
        slow.lower, slow.upper, slow.edges, slow.conflicts)
    every = list(range(len(fast.lower)))
    assert fast.distances(every, every) == reference_distances(slow, every, every)


# -- long chains and wide fans (#13) ------------------------------------------------------

def _chain(n: int, last: TimeValue, *, fan: bool = False) -> dict[str, tuple[Claim, ...]]:
    """Event k after event k - 1 (``fan``: after event 0), ids sorted the other way round,
    only the first (on ``START``'s day) and the last (``last``) dated: the bounds have to
    travel the whole chain."""
    def name(k: int) -> str:
        return f"e{n - k:06d}"

    def claim(k: int, **fields: object) -> Claim:
        return Claim(event=name(k), article="a", quote="q", span=(0, 1),
                     status=Status.OCCURRED, known_from=date(2025, 3, 1), **fields)

    events = {}
    for k in range(n):
        claims = []
        if k == 0:
            claims.append(claim(k, value=TimeValue.of_granule(Granularity.DAY, START)))
        if k == n - 1:
            claims.append(claim(k, value=last))
        if k:
            claims.append(claim(k, after=name(0 if fan else k - 1)))
        events[name(k)] = tuple(claims)
    return events


def _micro(moment: datetime) -> int:
    return (moment - datetime(1, 1, 1)) // timedelta(microseconds=1)


APRIL = TimeValue.of_granule(Granularity.MONTH, datetime(2025, 4, 1))


def test_a_long_chain_settles_in_near_linear_time() -> None:
    """#13: 20,000 events each after the one before, ids in the reverse order: the rounds
    of the old propagation took minutes on this (each scanned every constraint); the
    bounds still travel the whole chain, a microsecond an event."""
    n = 20_000
    net = solve(_chain(n, APRIL))
    assert net.conflicts == ()
    first, second, last_but_one, last = (net.index[f"e{n - k:06d}"] for k in (0, 1, n - 2,
                                                                             n - 1))
    # Each event starts once the one before has ended, and after it started itself.
    assert net.lower[last_but_one] == _micro(START) + n - 2
    assert net.upper[second + 1] == _micro(datetime(2025, 5, 1)) - (n - 2)
    assert net.distances([first, last], [first, last]) == {
        (first, first): 0, (first, last): POS, (last, first): -(n - 1), (last, last): 0}


def test_a_wide_fan() -> None:
    """#13: 20,000 events each after one event, the last of them on the same day as it."""
    n = 20_000
    net = solve(_chain(n, TimeValue.of_granule(Granularity.DAY, START), fan=True))
    assert net.conflicts == ()
    hub, spoke = net.index[f"e{n:06d}"], net.index[f"e{n - 1:06d}"]
    day = _micro(START)
    assert net.lower[spoke] == day + 1
    assert net.upper[hub + 1] == day + 24 * 3600 * 10**6 - 1


def test_a_contradiction_along_a_chain() -> None:
    """#13: a chain whose last event is dated before its first is reported, and its order
    claims set aside, exactly as the round-by-round propagation reported it."""
    events = _chain(300, TimeValue.of_granule(Granularity.DAY, datetime(2025, 2, 1)))
    fast = solve(events)
    with mock.patch.object(network, "_propagate", reference_propagate):
        slow = solve(events)
    assert fast.conflicts == slow.conflicts != ()
    assert (fast.lower, fast.upper, fast.edges) == (slow.lower, slow.upper, slow.edges)
