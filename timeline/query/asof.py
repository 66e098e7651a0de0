"""What was known when: every event's state after each of its claims became public.

A timeline and all its "as of" views share one ``Knowledge`` of the corpus. For each way of
reading publication times (certainly or possibly published; a floating or an aware "as of"
time) it keeps, once, every claim's publication as an integer key, each event's claims in
the order they became known, and the running intersection (and hull) of their intervals
and the running status. A view at T is then a key and nothing else (O(log n) to make);
an event of it is a bisection into its own claims, looked up in a cache of the states an
event has passed through. Events linked to others by order claims ("after the vote") are
settled together, one linked group at a time (``timeline.model.network.solve``), and cached
by which of their claims are known.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from itertools import compress
from operator import attrgetter
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.model.event import Event, EventSpec, maybe_same_of, status_of
from timeline.model.network import (
    NEG,
    OPEN,
    POS,
    Bounds4,
    Conflict,
    EventTime,
    Frame,
    Network,
    bounds_of,
    claimed,
    components,
    feasible,
    frame_for,
    meet,
    solve,
)
from timeline.query.index import IntervalIndex
from timeline.query.moments import Moment
from timeline.time.interval import EASTERNMOST, WESTERNMOST, as_datetime, is_floating

_EPOCH = datetime(1, 1, 1)
_MICRO = timedelta(microseconds=1)
_DAY = timedelta(days=1)
_AFTER_WEST = -WESTERNMOST // _MICRO  # 12 h: a floating time's latest instant is this later
_BEFORE_EAST = EASTERNMOST // _MICRO  # 14 h: its earliest instant is this earlier
#: Which claimed status speaks for an event: lower rank wins (``event._PRECEDENCE``).
_RANK = {Status.OCCURRED: 0, Status.REPORTED: 1, Status.SCHEDULED: 2, Status.EXPECTED: 3}
_BY_RANK = (Status.OCCURRED, Status.REPORTED, Status.SCHEDULED, Status.EXPECTED)
_MISSING = object()
_by_rank = attrgetter("rank")


def cutoff(moment: Moment) -> datetime:
    """An "as of" time: a date means the end of that day (all it published is known)."""
    if isinstance(moment, datetime):
        return moment
    return as_datetime(moment) + _DAY


def micro(moment: datetime) -> int:
    """Microseconds since 0001-01-01 of a naive time, or of an aware one in UTC."""
    if not is_floating(moment):
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return (moment - _EPOCH) // _MICRO


def localized(moment: datetime, zone: tzinfo | None) -> datetime:
    """A floating time read in the corpus's zone, when it declares one."""
    if zone is None or not is_floating(moment):
        return moment
    return moment.replace(tzinfo=zone)


def publication_key(published: Moment, *, possibly: bool, floating_cutoff: bool,
                    zone: tzinfo | None = None) -> int:
    """The claim is known as of a cutoff ``T`` exactly when this key is ``<= micro(T)``.

    Certainly known: its latest possible publication instant is no later than T's earliest
    (a date-only publication is out by the end of its day; a floating time, or a floating T,
    may be anywhere from UTC-12 to UTC+14). Possibly known: its earliest is no later than
    T's latest. Both floating: civil times compare as they are. In a corpus with a
    ``zone``, a floating publication is read in it (and a floating T is too: the caller
    localizes it and passes ``floating_cutoff=False``).
    """
    if isinstance(published, datetime):
        moment = published
    else:
        moment = as_datetime(published) + (timedelta(0) if possibly else _DAY)
    moment = localized(moment, zone)
    key = micro(moment)
    if is_floating(moment) == floating_cutoff:
        return key
    if floating_cutoff:  # an aware publication against a floating T
        return key - _AFTER_WEST if possibly else key + _BEFORE_EAST
    return key - _BEFORE_EAST if possibly else key + _AFTER_WEST  # floating vs aware T


def _frame_cutoff(frame: Frame, floating: bool, key: int) -> int:
    """The latest bound, in the frame, that certainly lies on or before a cutoff (floating
    or not) whose ``micro`` is ``key``."""
    if frame.floating == floating:
        return key
    if frame.floating:  # a floating bound's latest instant is 12 h after its civil time
        return key - _AFTER_WEST
    return key - _BEFORE_EAST  # an aware bound against a floating moment's earliest instant


class Entry:
    """One event as a view shows it, with its bounds in the frame's microseconds.

    ``pending`` (announced, not reported done) and ``end`` (its latest end) decide whether a
    view reads it unconfirmed; ``rank`` sorts entries by earliest start, latest end and id
    in one integer comparison.
    """

    __slots__ = ("bounds", "end", "event", "pending", "position", "rank")

    def __init__(self, event: Event, bounds: Bounds4, position: int) -> None:
        self.event = event
        self.bounds = bounds
        self.position = position  # of the event's id among all the corpus's ids, sorted
        self.end = bounds[3]
        self.pending = event.status.pending
        # Bounds shifted to be non-negative (each fits in 64 bits), then the id's position.
        self.rank = ((bounds[0] - NEG) << 128) | ((bounds[3] - NEG) << 64) | position

    def unconfirmed(self) -> Entry:
        """The same, announced for a time that has passed with no report it happened."""
        return Entry(attrs.evolve(self.event, status=Status.UNCONFIRMED), self.bounds,
                     self.position)

    def __repr__(self) -> str:
        return f"Entry({self.event!r}, {self.bounds!r})"


class _EventHistory:
    """One event's claims in the order they became known, and its state after each."""

    __slots__ = ("entries", "keys", "late", "order", "spec")

    def __init__(self, knowledge: Knowledge, spec: EventSpec, keys: Sequence[int]) -> None:
        self.spec = spec
        self.order = sorted(range(len(keys)), key=lambda i: (keys[i], i))
        self.keys = [keys[i] for i in self.order]
        # The event after its first k claims (k = 1..n, stored at k - 1), from the running
        # intersection of their intervals (their hull once it is empty), the best status.
        self.entries: list[Entry] = []
        # Past its announced time with no report it happened: made when first asked for.
        self.late: dict[int, Entry] = {}
        claim_bounds = knowledge.bounds[spec.id]
        agreed, rank = OPEN, len(_BY_RANK)
        for k, i in enumerate(self.order, start=1):
            for piece in claim_bounds[i]:
                agreed = meet(agreed, piece)
            rank = min(rank, _RANK[spec.claims[i].status])
            claims = self.claims(k)
            if not feasible(agreed):  # a conflict: the shared code finds which claims clash
                self.entries.append(knowledge.alone(spec, claims))
                continue
            self.entries.append(knowledge.entry(spec, claims, agreed, _BY_RANK[rank], ()))

    def claims(self, k: int) -> tuple[Claim, ...]:
        """The first ``k`` claims to become known, in corpus order."""
        return tuple(self.spec.claims[i] for i in sorted(self.order[:k]))


class History:
    """Every event's states for one reading of publication times."""

    def __init__(self, knowledge: Knowledge, *, possibly: bool, floating_cutoff: bool) -> None:
        self.knowledge = knowledge
        self.events: dict[str, _EventHistory] = {}
        firsts: list[tuple[int, str]] = []
        keys_of: dict[str, list[int]] = {}
        for spec in knowledge.specs.values():
            keys = keys_of[spec.id] = [publication_key(c.known_from, possibly=possibly,
                                                       floating_cutoff=floating_cutoff,
                                                       zone=knowledge.zone)
                                       for c in spec.claims]
            history = _EventHistory(knowledge, spec, keys)
            self.events[spec.id] = history
            firsts.append((history.keys[0], spec.id))
        firsts.sort()
        self.first_keys = [key for key, _ in firsts]
        self.first_ids = [event for _, event in firsts]
        # A linked group needs settling as soon as one of its order claims is known.
        self.linked_from: dict[int, int] = {}
        for number, group in enumerate(knowledge.groups):
            self.linked_from[number] = min(
                (key for event in group
                 for key, c in zip(keys_of[event], knowledge.specs[event].claims, strict=True)
                 if c.references), default=POS)
        # The times each linked group changes (each of its claims becoming known, from the
        # first order claim on). It is settled at one of them when a view first asks (each
        # settling takes the whole group: done for every time up front, a chain of N
        # events told by N articles took N settlings of up to N events); the same with
        # members past their announced time marked unconfirmed, made when first asked for.
        self.group_keys: list[list[int]] = []
        for number, group in enumerate(knowledge.groups):
            self.group_keys.append(sorted({k for event in group for k in self.events[event].keys
                                           if k >= self.linked_from[number]}))
        self._settled: dict[tuple[int, int], dict[str, Entry]] = {}
        self.late: dict[tuple[int, int, tuple[str, ...]], dict[str, Entry]] = {}
        # Events on their own, in the order of their final state (every claim known): a
        # view takes those it knows whole with one mask, in order, with no per-event
        # Python; only events it knows in part (a stabbing query) and linked groups are
        # looked at one by one.
        solo = sorted((h for event, h in self.events.items()
                       if event not in knowledge.group_of),
                      key=lambda h: h.entries[-1].rank)
        self.solo = solo
        self.finals = [h.entries[-1] for h in solo]
        self.last_keys = [h.keys[-1] for h in solo]
        self.pending = [i for i, h in enumerate(solo) if h.entries[-1].pending]
        self.partial: IntervalIndex[int] = IntervalIndex.build(
            (i, h.keys[0], h.keys[-1]) for i, h in enumerate(solo) if h.keys[0] < h.keys[-1])


    def settled(self, group: int, at: int) -> dict[str, Entry]:
        """The linked group settled with what was known at its ``at``-th change."""
        settled = self._settled.get((group, at))
        if settled is None:
            key = self.group_keys[group][at]
            settled = self._settled[group, at] = self.knowledge.settle(
                {e: claims for e in self.knowledge.groups[group]
                 if (claims := self.known(e, key))})
        return settled

    def known(self, event: str, key: int) -> tuple[Claim, ...]:
        """The event's claims known by ``key``, in corpus order."""
        past = self.events[event]
        return past.claims(bisect_right(past.keys, key))


class Knowledge:
    """A corpus's articles and events, the frame they are computed in, and their histories."""

    def __init__(self, articles: Iterable[Article], specs: Iterable[EventSpec], *,
                 zone: str | None = None) -> None:
        #: The corpus's declared zone: its floating times are read in it.
        self.zone = None if zone is None else ZoneInfo(zone)
        self.articles: dict[str, Article] = {a.id: a for a in articles}
        self.corpus_order = tuple(specs)
        self.specs: dict[str, EventSpec] = {s.id: s for s in self.corpus_order if s.claims}
        self.maybe_same = maybe_same_of(self.corpus_order)
        #: The frame views compare events in (ranks, windows, "as of" deadlines): absolute
        #: as soon as one claimed time is aware.
        self.frame = frame_for((c for s in self.specs.values() for c in s.claims), self.zone)
        self._moments: dict[tuple[bool, int], object] = {}
        self.by_position = sorted(self.specs)
        self.positions = {event: i for i, event in enumerate(self.by_position)}
        linked = components({e: s.claims for e, s in self.specs.items()})
        self.groups = [g for g in linked
                       if len(g) > 1 or any(c.references for c in self.specs[g[0]].claims)]
        self.group_of = {event: n for n, group in enumerate(self.groups) for event in group}
        #: The frame each event is computed and shown in: its own linked group's. Floating
        #: times compare on the wall clock with each other; only a group that has an aware
        #: time too is widened over the world's zones, so one aware article does not move
        #: or widen an event that none of its claims touches.
        self.frames: dict[str, Frame] = {}
        civil = Frame(floating=True)
        for group in linked:
            floating = self.frame.floating or (self.zone is None and frame_for(
                c for event in group for c in self.specs[event].claims).floating)
            self.frames.update(dict.fromkeys(group, civil if floating else self.frame))
        self.bounds: dict[str, list[tuple[Bounds4, ...]]] = {
            event: [bounds_of(c, self.frames[event]) for c in spec.claims]
            for event, spec in self.specs.items()}
        #: Every "a before b" the corpus states (views check their order against these),
        #: with the event whose claim states it and the events that claim names: a view
        #: whose solver set aside the order claims of one of those orders by the rest.
        self.stated = [(a, b, event, c.references) for event in self.group_of
                       for c in self.specs[event].claims for a, b in precedences(event, c)]
        self.precedences = [(a, b) for a, b, _, _ in self.stated]
        self._histories: dict[tuple[bool, bool], History] = {}
        self._whole: dict[str, Entry] | None = None

    def _moment(self, frame: Frame, bound: int) -> datetime | None:
        moment = self._moments.get((frame.floating, bound), _MISSING)
        if moment is _MISSING:
            moment = self._moments[frame.floating, bound] = frame.moment(bound)
        return moment  # type: ignore[return-value]

    def frame_of(self, events: Iterable[str]) -> Frame:
        """One frame for computing some events together: theirs when they share one, else
        the corpus's."""
        frames = {self.frames[event] for event in events}
        return frames.pop() if len(frames) == 1 else self.frame

    def _shared(self, frame: Frame, four: Bounds4) -> Bounds4:
        """Bounds in an event's own frame as the corpus's frame reads them: a civil time
        widened over every zone when the corpus's frame is absolute."""
        if frame.floating == self.frame.floating:
            return four
        lo_start, hi_start, lo_end, hi_end = four
        return (lo_start if lo_start <= NEG // 2 else lo_start - _BEFORE_EAST,
                hi_start if hi_start >= POS // 2 else hi_start + _AFTER_WEST,
                lo_end if lo_end <= NEG // 2 else lo_end - _BEFORE_EAST,
                hi_end if hi_end >= POS // 2 else hi_end + _AFTER_WEST)

    def history(self, *, possibly: bool, floating_cutoff: bool) -> History:
        """Built on first use for each reading, then shared by every view."""
        history = self._histories.get((possibly, floating_cutoff))
        if history is None:
            history = self._histories[possibly, floating_cutoff] = History(
                self, possibly=possibly, floating_cutoff=floating_cutoff)
        return history

    def whole(self) -> dict[str, Entry]:
        """Every event with every claim: the timeline itself."""
        if self._whole is None:
            entries: dict[str, Entry] = {}
            for event, spec in self.specs.items():
                if event not in self.group_of:
                    entries[event] = self.alone(spec, spec.claims)
            for group in self.groups:
                entries.update(self.settle({e: self.specs[e].claims for e in group}))
            self._whole = {event: entries[event] for event in sorted(entries)}
        return self._whole

    def alone(self, spec: EventSpec, claims: tuple[Claim, ...]) -> Entry:
        """An event with no order claims: its claims' intersection, or hull on a conflict."""
        conflicts: list[Conflict] = []
        claim_bounds = self.bounds[spec.id]
        position = {id(c): i for i, c in enumerate(spec.claims)}
        dated = [(b, c) for c in claims for b in claim_bounds[position[id(c)]]]
        bounds = claimed(spec.id, dated, conflicts)
        return self.entry(spec, claims, OPEN if bounds is None else bounds, status_of(claims),
                          tuple(conflicts))

    def settle(self, known: Mapping[str, tuple[Claim, ...]]) -> dict[str, Entry]:
        """A linked group (or several): solve their network together (views mark the
        unconfirmed afterwards, so one settling serves every time it holds for)."""
        # Event ids are kept as the corpus wrote them; only the network skips references
        # to events nothing was known of yet.
        applied = _applicable(known)
        network = solve(applied, self.frame_of(known))
        written = {id(a): c for event, claims in known.items()
                   for a, c in zip(applied[event], claims, strict=True)}
        by_event: dict[str, list[Conflict]] = {}
        for conflict in network.conflicts:
            conflict = attrs.evolve(conflict, claims=tuple(written.get(id(c), c)
                                                           for c in conflict.claims))
            by_event.setdefault(conflict.event, []).append(conflict)
        out = {}
        for event, claims in known.items():
            s = network.index[event]
            four = (network.lower[s], network.upper[s], network.lower[s + 1],
                    network.upper[s + 1])
            out[event] = self.entry(self.specs[event], claims, four, status_of(claims),
                                    tuple(by_event.get(event, ())))
        return out

    def network(self, known: Mapping[str, tuple[Claim, ...]]) -> Network:
        """The constraint network of some events (for distances between them)."""
        return solve(_applicable(known), self.frame_of(known))

    def entry(self, spec: EventSpec, claims: tuple[Claim, ...], four: Bounds4, status: Status,
              conflicts: tuple[Conflict, ...]) -> Entry:
        """Make the event from bounds in its own frame (its datetimes shared with every
        other bound at the same time); the entry keeps them in the corpus's frame."""
        frame = self.frames[spec.id]
        time = EventTime(*(self._moment(frame, bound) for bound in four))
        event = Event(spec.id, spec.title, spec.actors, spec.place, claims, time, status,
                      conflicts, spec.note, self.maybe_same.get(spec.id, ()))
        return Entry(event, self._shared(frame, four), self.positions[spec.id])


class State:
    """What a timeline or view knows: everything, or what had been published by a time."""

    def __init__(self, knowledge: Knowledge, moment: Moment | None, possibly: bool) -> None:
        self.knowledge = knowledge
        self.history: History | None = None
        self.key = POS
        self.deadline: int | None = None
        if moment is not None:  # kept lean: a view costs this and nothing more
            limit = moment if isinstance(moment, datetime) else as_datetime(moment) + _DAY
            limit = localized(limit, knowledge.zone)
            floating = is_floating(limit)
            self.history = knowledge.history(possibly=possibly, floating_cutoff=floating)
            self.key = key = (limit - _EPOCH) // _MICRO if floating else micro(limit)
            self.deadline = _frame_cutoff(knowledge.frame, floating, key)

    def __len__(self) -> int:
        if self.history is None:
            return len(self.knowledge.specs)
        return bisect_right(self.history.first_keys, self.key)

    def count(self, event: str) -> int:
        """How many of the event's claims are known (0: the event is not)."""
        spec = self.knowledge.specs.get(event)
        if spec is None:
            return 0
        if self.history is None:
            return len(spec.claims)
        return bisect_right(self.history.events[event].keys, self.key)

    def claims(self, event: str) -> tuple[Claim, ...]:
        """The event's known claims, in corpus order."""
        if self.history is None:
            return self.knowledge.specs[event].claims
        return self.history.known(event, self.key)

    def entry(self, event: str) -> Entry | None:
        """The event as known at this state, or ``None`` if nothing about it was."""
        if self.history is None:
            return self.knowledge.whole().get(event)
        history = self.history.events.get(event)
        if history is None:
            return None
        k = bisect_right(history.keys, self.key)
        if k == 0:
            return None
        group = self.knowledge.group_of.get(event)
        if group is not None and self.history.linked_from[group] <= self.key:
            return self._settled(group)[event]
        return self._alone(history, k)

    def entries(self) -> dict[str, Entry]:
        """Every event known at this state, by id."""
        ordered, _ = self.collect()
        return {entry.event.id: entry for entry in ordered}

    def collect(self) -> tuple[list[Entry], dict[str, Entry]]:
        """Every event known at this state, sorted by rank (earliest start, latest end, id),
        and those of linked groups by id (only they can be ordered against one another)."""
        if self.history is None:
            whole = self.knowledge.whole()
            group_of = self.knowledge.group_of
            ordered = sorted(whole.values(), key=_by_rank)
            return ordered, {event: e for event, e in whole.items() if event in group_of}
        history, key, deadline = self.history, self.key, self.deadline
        assert deadline is not None
        # Events on their own with every claim known: a mask over their final states.
        finals = history.finals
        late = [i for i in history.pending
                if history.last_keys[i] <= key and finals[i].end <= deadline]
        if late:
            finals = list(finals)
            for i in late:
                finals[i] = self._late(history.solo[i], len(history.solo[i].keys))
        ordered = list(compress(finals, [last <= key for last in history.last_keys]))
        # Those known in part, and the linked groups, one by one.
        extra = [self._alone(history.solo[i], bisect_right(history.solo[i].keys, key))
                 for i in history.partial.at(key)]
        linked: dict[str, Entry] = {}
        for number, members in enumerate(self.knowledge.groups):
            if history.linked_from[number] <= key:
                settled = self._settled(number)
                linked.update((e, settled[e]) for e in members if e in settled)
                continue
            for event in members:
                past = history.events[event]
                k = bisect_right(past.keys, key)
                if k:
                    linked[event] = self._alone(past, k)
        extra.extend(linked.values())
        extra.sort(key=_by_rank)
        ordered.extend(extra)
        ordered.sort(key=_by_rank)  # two sorted runs: a merge
        return ordered, linked

    def _alone(self, history: _EventHistory, k: int) -> Entry:
        """The event after its first ``k`` claims, unconfirmed if its time has passed."""
        assert self.deadline is not None
        entry = history.entries[k - 1]
        if entry.end <= self.deadline and entry.pending:
            return self._late(history, k)
        return entry

    @staticmethod
    def _late(history: _EventHistory, k: int) -> Entry:
        late = history.late.get(k)
        if late is None:
            late = history.late[k] = history.entries[k - 1].unconfirmed()
        return late

    def _settled(self, group: int) -> dict[str, Entry]:
        """A linked group as known here (settled when first asked for), marked
        unconfirmed where an announced time has passed by this state's time."""
        history, deadline = self.history, self.deadline
        assert history is not None and deadline is not None
        at = bisect_right(history.group_keys[group], self.key) - 1
        base = history.settled(group, at)
        late = tuple(e for e, entry in base.items() if entry.pending and entry.end <= deadline)
        if not late:
            return base
        marked = history.late.get((group, at, late))
        if marked is None:
            marked = dict(base)
            for e in late:
                marked[e] = base[e].unconfirmed()
            history.late[group, at, late] = marked
        return marked

    def network(self, events: Sequence[str]) -> Network:
        """The network of the linked groups holding ``events``, as known here."""
        wanted: set[str] = set()
        for event in events:
            group = self.knowledge.group_of.get(event)
            wanted.update([event] if group is None else self.knowledge.groups[group])
        known = {e: self.claims(e) for e in sorted(wanted) if self.count(e)}
        return self.knowledge.network(known)


def precedences(event: str, claim: Claim) -> list[tuple[str, str]]:
    """The "first before second" pairs a claim states (for ordering, not for bounds)."""
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


def _applicable(known: Mapping[str, tuple[Claim, ...]]) -> dict[str, tuple[Claim, ...]]:
    """The claims as the network can apply them: placed only against events known too."""
    return {event: tuple(_drop_unknown(c, known) for c in claims)
            for event, claims in known.items()}


def _drop_unknown(claim: Claim, known: Mapping[str, object]) -> Claim:
    """Against an event nobody had yet written about, nothing can be placed."""
    changes: dict[str, Any] = {}
    for key in ("before", "after", "relative_to"):
        if getattr(claim, key) is not None and getattr(claim, key) not in known:
            changes[key] = None
            if key == "relative_to":
                changes["offset"] = None
    return attrs.evolve(claim, **changes) if changes else claim


__all__ = [
    "Bounds4",
    "Entry",
    "History",
    "Knowledge",
    "State",
    "cutoff",
    "localized",
    "micro",
    "precedences",
    "publication_key",
]
