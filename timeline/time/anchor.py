"""Anchors as users write them: a ``date``, a ``datetime`` or an ISO 8601 string.

Every function that takes an anchor (``resolve``, ``tag``, ``scan``, window queries, the
TimeML writers) reads it here, so ``resolve("last week", "2025-02-24")`` works as
``resolve("last week", date(2025, 2, 24))`` does, and a bad one is reported the same way.
"""

from __future__ import annotations

from datetime import date, datetime

from timeline.errors import ResolveError, TimelineError

#: What an anchor argument may be: ``read_anchor`` reads it.
Anchor = date | datetime | str


def iso_moment(text: str) -> date | datetime | None:
    """An ISO 8601 date (a ``date``: no time is invented) or datetime (floating or aware);
    ``None`` when ``text`` is neither. The one reading of ISO moments users write."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def read_anchor(value: object, *, error: type[TimelineError] = ResolveError,
                what: str = "anchor") -> date | datetime:
    """A ``date`` or ``datetime`` from one, or from an ISO 8601 string.

    ``2025-02-24`` stays a date (a date is a day, not its midnight: the anchor's
    granularity is what the article gave); ``2025-02-24T11:38`` is a floating datetime;
    ``2025-02-24T11:38+01:00`` and ``2025-02-24T10:38Z`` are aware. Anything else raises
    ``error`` (a ``ResolveError`` unless the caller says otherwise) naming the value.

    >>> read_anchor("2025-02-24")
    datetime.date(2025, 2, 24)
    >>> read_anchor("2025-02-24T10:38Z")
    datetime.datetime(2025, 2, 24, 10, 38, tzinfo=datetime.timezone.utc)
    """
    if isinstance(value, date):  # a datetime (or a pandas Timestamp) is a date too
        return value
    if isinstance(value, str):
        moment = iso_moment(value.strip())
        if moment is not None:
            return moment
        raise error(f"{what}: expected an ISO date or datetime such as 2025-02-24, "
                    f"2025-02-24T11:38 or 2025-02-24T11:38+01:00, got {value!r}")
    raise error(f"{what}: expected a date, a datetime or an ISO string such as 2025-02-24, "
                f"got {type(value).__name__} {value!r}")


__all__ = ["Anchor", "iso_moment", "read_anchor"]
