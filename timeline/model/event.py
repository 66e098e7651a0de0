"""``Event``: something that happened or is expected, with every claim about its time."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from timeline.errors import CorpusError
from timeline.model.article import Article
from timeline.model.claim import Claim, Status
from timeline.model.network import Conflict, EventTime

#: Keys an ``[[events]]`` table may have.
KEYS = frozenset({"id", "title", "actors", "place", "note", "claims"})
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
    """An event as the corpus describes it, before its time is computed."""

    id: str
    title: str
    actors: tuple[str, ...]
    place: str | None
    note: str | None
    claims: tuple[Claim, ...]

    @classmethod
    def from_toml(cls, table: Mapping[str, Any], *, articles: Mapping[str, Article],
                  file: str, position: int) -> EventSpec:
        """One ``[[events]]`` table and its claims; errors name file, event and field."""
        if not isinstance(table, Mapping):
            raise CorpusError("expected a table", file=file, entry=f"event {position}")
        raw_id = table.get("id")
        entry = f"event {raw_id!r}" if isinstance(raw_id, str) else f"event {position}"
        for key in sorted(set(table) - KEYS):
            raise CorpusError(f"unknown field; expected one of {', '.join(sorted(KEYS))}",
                              file=file, entry=entry, field=key)
        if not isinstance(raw_id, str) or not _ID.fullmatch(raw_id):
            raise CorpusError("expected lower-case letters, digits and hyphens",
                              file=file, entry=entry, field="id")
        title = table.get("title")
        if not isinstance(title, str) or not title.strip():
            raise CorpusError("expected a non-empty string", file=file, entry=entry,
                              field="title")
        actors = table.get("actors", [])
        if not isinstance(actors, list) or not all(isinstance(a, str) for a in actors):
            raise CorpusError("expected a list of strings", file=file, entry=entry,
                              field="actors")
        for key in ("place", "note"):
            if key in table and not isinstance(table[key], str):
                raise CorpusError("expected a string", file=file, entry=entry, field=key)
        raw_claims = table.get("claims", [])
        if not isinstance(raw_claims, list) or not raw_claims:
            raise CorpusError("an event needs at least one [[events.claims]]", file=file,
                              entry=entry, field="claims")
        claims = tuple(
            Claim.from_toml(c, event=raw_id, articles=articles, file=file,
                            entry=f"{entry}, claim {i}")
            for i, c in enumerate(raw_claims, start=1))
        return cls(raw_id, title, tuple(actors), table.get("place"), table.get("note"), claims)


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

    @property
    def conflicted(self) -> bool:
        return bool(self.conflicts)

    @property
    def articles(self) -> tuple[str, ...]:
        """The articles that report the event, in the order of its claims."""
        return tuple(dict.fromkeys(c.article for c in self.claims))

    def _repr_html_(self) -> str:
        from timeline.export.notebook import event_html

        return event_html(self)
