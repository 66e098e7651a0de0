"""The error hierarchy: one ``except TimelineError`` catches all the library raises on bad input."""

from __future__ import annotations

from collections.abc import Sequence


class TimelineError(Exception):
    """Base of every error the library raises for bad input or data."""


class TimexError(TimelineError, ValueError):
    """A TIMEX3 value, EDTF string or other serialised time cannot be read."""


class ResolveError(TimelineError, ValueError):
    """A text is not a time expression the rules know, or cannot be resolved against its anchor."""


class CorpusError(TimelineError, ValueError):
    """A corpus file (``sources.toml``, ``events.toml``, an article) is malformed.

    Carries where the problem is so that the message can name it:
    ``sources.toml: article '002', published: not a date or datetime``. A file with several
    problems raises one error whose ``problems`` holds each (at most ``LIMIT``; ``omitted``
    counts the rest) and whose message is the first's, with how many more there are, so
    one run shows everything to fix. A single problem's ``problems`` is ``(itself,)``.
    """

    #: The most problems one error carries: enough to fix a file in one pass, few enough to read.
    LIMIT = 20

    def __init__(self, message: str, *, file: str | None = None, entry: str | None = None,
                 field: str | None = None, problems: Sequence[CorpusError] = (),
                 omitted: int = 0) -> None:
        self.file = file
        self.entry = entry
        self.field = field
        self.message = message
        self.problems: tuple[CorpusError, ...] = tuple(problems) or (self,)
        self.omitted = omitted
        where = ": ".join(p for p in (file, entry, field) if p)
        text = f"{where}: {message}" if where else message
        more = len(self.problems) - 1 + omitted
        if more:
            text += f" (and {more} more problem{'' if more == 1 else 's'})"
        super().__init__(text)

    @classmethod
    def of(cls, problems: Sequence[CorpusError]) -> CorpusError:
        """One error for many: each problem flattened into ``problems``, capped at ``LIMIT``.

        ``problems`` must not be empty; one problem comes back as it is.
        """
        flat = [p for error in problems for p in error.problems]
        omitted = sum(error.omitted for error in problems) + max(0, len(flat) - cls.LIMIT)
        if len(flat) == 1 and not omitted:
            return flat[0]
        first = flat[0]
        return cls(first.message, file=first.file, entry=first.entry, field=first.field,
                   problems=flat[:cls.LIMIT], omitted=omitted)


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
