"""The error hierarchy: one ``except TimelineError`` catches all the library raises on bad input."""

from __future__ import annotations


class TimelineError(Exception):
    """Base of every error the library raises for bad input or data."""


class TimexError(TimelineError, ValueError):
    """A TIMEX3 value, EDTF string or other serialised time cannot be read."""


class ResolveError(TimelineError, ValueError):
    """A text is not a time expression the rules know, or cannot be resolved against its anchor."""


class CorpusError(TimelineError, ValueError):
    """A corpus file (``sources.toml``, ``events.toml``, an article) is malformed.

    Carries where the problem is so that the message can name it:
    ``sources.toml: article '002', published: not a date or datetime``.
    """

    def __init__(self, message: str, *, file: str | None = None, entry: str | None = None,
                 field: str | None = None) -> None:
        self.file = file
        self.entry = entry
        self.field = field
        where = ": ".join(p for p in (file, entry, field) if p)
        super().__init__(f"{where}: {message}" if where else message)


class RuleTableError(TimelineError):
    """A rule table in ``timeline/lang`` is broken; raised when the tables are loaded."""


class QueryError(TimelineError, ValueError):
    """A query names an event a timeline does not have, or a window it cannot use."""


class UnknownEventError(QueryError, KeyError):
    """``tl["no-such-id"]``: no event by that id; a ``KeyError`` too, as a mapping's lookup is.

    ``KeyError`` shows its message as a repr (quoted); this one reads as written.
    """

    def __init__(self, event_id: object, message: str | None = None) -> None:
        self.event_id = event_id
        super().__init__(message or f"no event {event_id!r} in this timeline")

    def __str__(self) -> str:
        return BaseException.__str__(self)

    def __reduce__(self) -> tuple[type[UnknownEventError], tuple[object, str]]:
        """Pickled with its id and message (``args`` holds only the message)."""
        return type(self), (self.event_id, str(self))
