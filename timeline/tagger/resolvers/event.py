"""Resolvers for times told from an event, not a date: "the day after the election".

TimeML tags "the day" there as a DATE whose value the event's date would give. The text
gives no such date (a date it told earlier may be any event's), so the value is the one
TimeML writes when it cannot compute it: the unit's form with unknown digits
(``XXXX-XX-XX``, ``XXXX-WXX``, ``XXXX-XX``, ``XXXX``), and no interval. Nothing is guessed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.errors import ResolveError
from timeline.tagger.resolvers import resolver
from timeline.time.granularity import Granularity
from timeline.time.value import TimeValue, TimexType

if TYPE_CHECKING:
    from timeline.tagger.context import Context
    from timeline.tagger.scan import Match

#: The value of one unit of an unknown date, by the unit's name.
UNKNOWN = {
    "day": ("XXXX-XX-XX", Granularity.DAY),
    "week": ("XXXX-WXX", Granularity.WEEK),
    "month": ("XXXX-XX", Granularity.MONTH),
    "year": ("XXXX", Granularity.YEAR),
}


@resolver("of_event")
def of_event(m: Match, ctx: Context) -> TimeValue:
    """the day (week, month, year) before or after an event: that unit, of a date unknown."""
    unit = m.text("unit").lower()
    if unit not in UNKNOWN:
        raise ResolveError(f"no unit of an event: {unit!r}")
    value, granularity = UNKNOWN[unit]
    return TimeValue(TimexType.DATE, value, None, None, granularity)


__all__ = ["UNKNOWN", "of_event"]
