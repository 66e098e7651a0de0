"""Resolver functions, registered by name: a rule's ``resolver`` names one of them.

Each takes the rule's ``Match`` and the ``Context`` and returns a ``TimeValue``, or
raises ``ResolveError`` when the words fit but the calendar does not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.tagger.context import Context
    from timeline.tagger.scan import Match
    from timeline.time.value import TimeValue

Resolver = Callable[["Match", "Context"], "TimeValue"]

RESOLVERS: dict[str, Resolver] = {}


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    """Register a resolver under the name rule tables use."""

    def register(function: Resolver) -> Resolver:
        if name in RESOLVERS:
            raise ValueError(f"resolver {name!r} registered twice")
        RESOLVERS[name] = function
        return function

    return register


# Registration happens on import.
from timeline.tagger.resolvers import (  # noqa: E402
    calendar,
    date,
    duration,
    event,
    holiday,
    reference,
    set,
    time,
)

__all__ = ["RESOLVERS", "Resolver", "calendar", "date", "duration", "event", "holiday",
           "reference", "resolver", "set", "time"]
