"""``Event``: something that happened or is expected, with every claim about its time."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import Any

import attrs

from timeline.errors import CorpusError
from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.model.network import Conflict, EventTime
from timeline.model.problems import Problems
from timeline.time.value import TimeValue

#: Keys an ``[[events]]`` table may have.
KEYS = frozenset({"id", "title", "actors", "place", "note", "claims", "maybe_same"})
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")

#: Which claimed status speaks for the event when its claims differ: having happened
#: outranks being announced, and first-hand outranks reported.
_PRECEDENCE = (Status.OCCURRED, Status.REPORTED, Status.SCHEDULED, Status.EXPECTED)


def status_of(claims: Sequence[Claim]) -> Status:
    """The event's status from its claims (``UNCONFIRMED`` is set by views, not here)."""
    present = {c.status for c in claims}
    for status in _PRECEDENCE:
        if status in present:
            return status
    return Status.EXPECTED


@attrs.frozen
class EventSpec:
    """An event as the corpus describes it, before its time is computed.

    Build one from an ``[[events]]`` table (``from_toml``) or in Python (``build``): both
    check it the same way.
    """

    id: str
    title: str
    actors: tuple[str, ...]
    place: str | None
    note: str | None
    claims: tuple[Claim, ...]
    #: Events this one may be the same as (the draft's suggestions, for the user to merge
    #: or dismiss): symmetric for readers (``Event.maybe_same``), written on one side.
    maybe_same: tuple[str, ...] = ()

    @classmethod
    def from_toml(cls, table: Mapping[str, Any], *, articles: Mapping[str, Article],
                  file: str | None, position: int,
                  resolved: dict[tuple[str, str, str], TimeValue | str] | None = None
                  ) -> EventSpec:
        """One ``[[events]]`` table and its claims; every problem of it is reported (one
        ``CorpusError`` holding each, naming file, event and field). ``resolved``: the
        expressions resolved so far (``Claim.from_toml``)."""
        if not isinstance(table, Mapping):
            raise CorpusError("expected a table", file=file, entry=f"event {position}")
        raw_id = table.get("id")
        entry = f"event {raw_id!r}" if isinstance(raw_id, str) else f"event {position}"
        problems = Problems(file=file, entry=entry)
        for key in sorted(set(table) - KEYS):
            problems.add(key, f"unknown field; expected one of {', '.join(sorted(KEYS))}")
        raw_claims = table.get("claims", [])
        claims: list[Claim] = []
        if isinstance(raw_claims, list) and isinstance(raw_id, str):
            for i, raw in enumerate(raw_claims, start=1):
                claim = problems.attempt(partial(
                    Claim.from_toml, raw, event=raw_id, articles=articles, file=file,
                    entry=f"{entry}, claim {i}", resolved=resolved))
                if claim is not None:
                    claims.append(claim)
        actors, same = table.get("actors", []), table.get("maybe_same", [])
        return cls._checked(raw_id, table.get("title"),
                            tuple(actors) if isinstance(actors, list) else actors,
                            table.get("place"), table.get("note"), claims,
                            given=len(raw_claims) if isinstance(raw_claims, list) else None,
                            problems=problems,
                            maybe_same=tuple(same) if isinstance(same, list) else same)

    @classmethod
    def build(cls, id: str, title: str, claims: Iterable[Claim], *,
              actors: Iterable[str] = (), place: str | None = None,
              note: str | None = None, maybe_same: Iterable[str] = ()) -> EventSpec:
        """An event built in Python from ``Claim.build`` claims, checked as ``events.toml``'s
        events are: an id of lower-case letters, digits and hyphens, a title, at least one
        claim, each made for this event (``Claim.build(..., event=id)``); ``maybe_same``
        the ids of events it may be the same as (checked against the corpus's events by
        ``Timeline.from_articles``, as loading checks them)."""
        problems = Problems(entry=f"event {id!r}")
        given: tuple[object, ...] = tuple(claims)
        for i, claim in enumerate(given, start=1):
            if not isinstance(claim, Claim):
                problems.add("claims", f"claim {i}: expected a Claim, got {claim!r}")
            elif claim.event != id:
                problems.add("claims", f"claim {i} was built for event {claim.event!r}; "
                                       f"build it with event={id!r}")
        actors = actors if isinstance(actors, str) else tuple(actors)
        same = maybe_same if isinstance(maybe_same, str) else tuple(maybe_same)
        return cls._checked(id, title, actors, place, note,
                            [c for c in given if isinstance(c, Claim)], given=len(given),
                            problems=problems, maybe_same=same)

    @classmethod
    def _checked(cls, event_id: object, title: object, actors: object, place: object,
                 note: object, claims: Sequence[Claim], *, given: int | None,
                 problems: Problems, maybe_same: object = ()) -> EventSpec:
        """The one check of an event's own fields, for ``from_toml`` and ``build``;
        ``given`` is how many claims it was given (``None``: not a list). Whether the
        events ``maybe_same`` names exist is ``check_specs``'s to say."""
        if not isinstance(event_id, str) or not _ID.fullmatch(event_id):
            problems.add("id", "expected lower-case letters, digits and hyphens")
        if not isinstance(title, str) or not title.strip():
            problems.add("title", "expected a non-empty string")
        if not isinstance(actors, tuple) or not all(isinstance(a, str) for a in actors):
            problems.add("actors", "expected a list of strings")
        for key, value in (("place", place), ("note", note)):
            if value is not None and not isinstance(value, str):
                problems.add(key, "expected a string")
        if not given:
            problems.add("claims", "an event needs at least one [[events.claims]]")
        _check_maybe_same(event_id, maybe_same, problems)
        problems.raise_any()
        assert isinstance(event_id, str) and isinstance(title, str)
        assert isinstance(actors, tuple) and isinstance(place, str | None)
        assert isinstance(note, str | None) and isinstance(maybe_same, tuple)
        return cls(event_id, title, actors, place, note, tuple(claims), maybe_same)


def _check_maybe_same(event_id: object, maybe_same: object, problems: Problems) -> None:
    """A list of other events' ids, each once: a suggestion that names its own event or
    repeats itself says nothing and is most likely a slip of the hand."""
    if not isinstance(maybe_same, tuple) or not all(isinstance(o, str) for o in maybe_same):
        problems.add("maybe_same", "expected a list of event ids")
        return
    for other in sorted(set(maybe_same)):
        if not _ID.fullmatch(other):
            problems.add("maybe_same", f"{other!r} is not an event id (lower-case letters, "
                                       f"digits and hyphens)")
        elif other == event_id:
            problems.add("maybe_same", "names the event itself")
        elif maybe_same.count(other) > 1:
            problems.add("maybe_same", f"{other!r} is named twice")


def check_specs(specs: Sequence[EventSpec], problems: Problems, *,
                ids: Iterable[str] = ()) -> None:
    """The checks across events, for ``events.toml`` and ``Timeline.from_articles`` alike:
    unique ids, references only to known events, no cycle of events placed against each
    other. Problems go to ``problems``; ``ids`` are events known besides ``specs`` (those
    of a file whose entries failed their own checks, so as not to report them twice)."""
    seen: set[str] = set()
    for spec in specs:
        if spec.id in seen:
            problems.add("id", "duplicate id", entry=f"event {spec.id!r}")
        seen.add(spec.id)
    known = seen | set(ids)
    for spec in specs:
        for other in spec.maybe_same:
            if other not in known:
                problems.add("maybe_same", f"unknown event {other!r}; name an event of the "
                                           f"file, or remove it once decided",
                             entry=f"event {spec.id!r}")
        for i, claim in enumerate(spec.claims, start=1):
            for key in ("before", "after", "relative_to"):
                other = getattr(claim, key)
                if other is not None and other not in known:
                    problems.add(key, f"unknown event {other!r}",
                                 entry=f"event {spec.id!r}, claim {i}")
    cycle = _cycle(specs)
    if cycle is not None:
        path, i = cycle
        problems.add("relative_to/before/after",
                     f"events placed against each other in a cycle: {' -> '.join(path)}",
                     entry=f"event {path[-2]!r}, claim {i}")


def maybe_same_of(specs: Iterable[EventSpec]) -> dict[str, tuple[str, ...]]:
    """Each event's ``maybe_same``, read both ways: a suggestion written on one of two events
    is about both (the ids it names first, then those naming it, in corpus order)."""
    specs = tuple(specs)
    both: dict[str, dict[str, None]] = {}
    for spec in specs:
        for other in spec.maybe_same:
            both.setdefault(spec.id, {})[other] = None
    for spec in specs:
        for other in spec.maybe_same:
            both.setdefault(other, {})[spec.id] = None
    return {event: tuple(others) for event, others in both.items()}


def _cycle(specs: Sequence[EventSpec]) -> tuple[list[str], int] | None:
    """A cycle of events placed against each other (its path, first event repeated last,
    and the claim of the last step), or ``None``.

    Depth-first, with an explicit stack: a corpus may chain thousands of events.
    """
    refers = {spec.id: [(i, other) for i, c in enumerate(spec.claims, start=1)
                        for other in c.references] for spec in specs}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in refers:
        if root in state:
            continue
        state[root] = 1
        path = [root]
        stack = [iter(refers[root])]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            i, other = step
            if state.get(other) == 1:
                return [*path[path.index(other):], other], i
            if other not in state and other in refers:
                state[other] = 1
                path.append(other)
                stack.append(iter(refers[other]))
    return None


@attrs.frozen
class Event:
    """An event with its claims, its computed time and status, and any conflict between them.

    ``time`` bounds its start and end from what the claims agree on and from the order
    between events; when claims contradict each other, every claim is kept, ``conflicts``
    says which, and ``time`` is their hull (``conflicted`` is True).
    """

    id: str
    title: str
    actors: tuple[str, ...]
    place: str | None
    claims: tuple[Claim, ...]
    time: EventTime
    status: Status
    conflicts: tuple[Conflict, ...] = ()
    note: str | None = None
    #: Events this one may be the same as, suggested on either of them (``maybe_same``).
    maybe_same: tuple[str, ...] = ()

    @property
    def conflicted(self) -> bool:
        return bool(self.conflicts)

    @property
    def articles(self) -> tuple[str, ...]:
        """The articles that report the event, in the order of its claims."""
        return tuple(dict.fromkeys(c.article for c in self.claims))

    def __repr__(self) -> str:
        """``<Event 'ga-vote': 24 Feb 2025, before 18:00 [occurred], 5 claims from 5
        articles>``: what it holds, in the chronology's words."""
        from timeline.export.wording import event_repr

        return event_repr(self)

    def _repr_html_(self) -> str:
        from timeline.export.notebook import event_html

        return event_html(self)
