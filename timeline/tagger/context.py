"""What a resolver needs besides the words: the anchor, the tense, the reading conventions."""

from __future__ import annotations

import enum
from datetime import datetime

import attrs

from timeline.errors import ResolveError
from timeline.tagger.rules import Lexicon
from timeline.time.anchor import Anchor, read_anchor
from timeline.time.granularity import Granularity, floor, span
from timeline.time.interval import Interval, as_datetime, check_moment, clock_reading


class CalendarEdge(ResolveError):
    """The words fit a rule but the date they name lies past the calendar's edge (before
    year 1 or after 9999): "tomorrow" against 9999-12-31. Phrase mode names this cause
    rather than "not a time expression"."""


class Tense(enum.Enum):
    """Which way an undirected expression ("Monday", "in March") points from the anchor."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"

    @classmethod
    def parse(cls, tense: str | Tense | None) -> Tense | None:
        if tense is None or isinstance(tense, Tense):
            return tense
        try:
            return cls(tense.lower())
        except ValueError:
            raise ResolveError(
                f"tense must be past, present or future, not {tense!r}") from None


DATE_ORDERS = ("mdy", "dmy")


@attrs.frozen
class Context:
    """The anchor a mention is resolved against, and how to read undirected forms.

    ``anchor`` is a floating or aware datetime; a date-only anchor is kept as its
    midnight with ``anchor_granularity`` DAY, so "today" is the whole day, never midnight.
    """

    anchor: datetime
    anchor_granularity: Granularity
    tense: Tense | None
    date_order: str
    lexicon: Lexicon
    #: The tense was read from a verb some words off (a guess), not given by the caller.
    inferred: bool = False
    #: The tense was read from the sentence at all (near or far), not given by the caller.
    from_sentence: bool = False
    #: Whether undirected forms take their tense from the sentence (running text) or have
    #: none to read (a phrase resolved on its own).
    read_sentence: bool = True
    #: The last date the text mentioned before an anaphoric expression ("a year earlier",
    #: "the same day"): its granule start and granularity; ``None``: the anchor's day.
    reference: tuple[datetime, Granularity] | None = None
    #: The last quarter the text named before it: the period a report is about ("the
    #: latest period", "the quarter"), even after other dates came between.
    quarter: datetime | None = None

    @property
    def reference_point(self) -> tuple[datetime, Granularity]:
        """What "earlier", "that day" and "the following week" count from."""
        if self.reference is not None:
            return self.reference
        return self.day, Granularity.DAY

    @classmethod
    def make(cls, anchor: Anchor, lexicon: Lexicon, *, tense: str | Tense | None = None,
             date_order: str = "mdy", read_sentence: bool = True) -> Context:
        """The context of a text published at ``anchor`` (a date, a datetime or an ISO
        string: ``read_anchor``), which must lie in the supported calendar (#13: an anchor
        at its edge, 9999-12-31, is named as the cause, not "not a time expression")."""
        anchor = check_moment(read_anchor(anchor), what="anchor")
        if isinstance(anchor, datetime):
            anchor = clock_reading(anchor)  # a wall time in a DST gap is no clock's reading
        if date_order not in DATE_ORDERS:
            raise ResolveError(f"date order must be 'mdy' or 'dmy', not {date_order!r}")
        granularity = Granularity.MINUTE if isinstance(anchor, datetime) else Granularity.DAY
        return cls(as_datetime(anchor), granularity, Tense.parse(tense), date_order, lexicon,
                   read_sentence=read_sentence)

    @property
    def day(self) -> datetime:
        """Midnight starting the anchor's day, in the anchor's frame."""
        return floor(Granularity.DAY, self.anchor)

    @property
    def interval(self) -> Interval:
        """The anchor as an interval: its day, or its minute when the time is known."""
        return Interval(*span(self.anchor_granularity, floor(self.anchor_granularity,
                                                             self.anchor)))

    def with_tense(self, tense: Tense | None, *, inferred: bool = False,
                   from_sentence: bool = False) -> Context:
        return attrs.evolve(self, tense=tense, inferred=inferred, from_sentence=from_sentence)
