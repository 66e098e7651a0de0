"""Half-open intervals of civil or absolute time, honest about the zone they were said in.

An article dated "24 February 2025" with no zone does not say *when* that day was on the
world's clock: it began anywhere from 10:00 UTC on the 23rd (at UTC+14) to 12:00 UTC on the
24th (at UTC-12). Times without a zone are *floating* (civil) times, as RFC 5545 and
ISO 8601 call them, and stay that way: two floating times compare on the wall clock, but a
floating time compared with an absolute instant (an aware ``datetime``) is only certainly
earlier or later when it is so in every zone from UTC-12 to UTC+14. Such comparisons
answer ``True``, ``False`` or ``None`` (it depends on the zone).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import attrs

from timeline.errors import ResolveError, TimelineError

#: The easternmost civil offset in use (Kiribati): a floating time happens earliest there.
EASTERNMOST = timedelta(hours=14)
#: The westernmost civil offset (Baker Island): a floating time happens latest there.
WESTERNMOST = timedelta(hours=-12)


#: The first and last years the library supports (see ``in_calendar``).
FIRST_YEAR = 200
LAST_YEAR = 9799


def in_calendar(moment: date | datetime) -> bool:
    """Whether ``moment`` lies in the supported calendar: years 200 to 9799 on its own clock.

    Python's ``datetime`` holds years 1 to 9999, and the time model computes around every
    moment it holds: a floating time widened over UTC-12..+14, an aware one read in UTC,
    the granule of any size containing it (the largest, a century, reaches up to 100
    years either way), that granule widened by one more for "about" (``Mod.APPROX``), a
    day added for an end. A century and a century more, with the day, on each side is
    what the bounds leave: 0100-0199 widened is 0001, 9800-9899 is past 9999. Inside
    them no reading, step or rounding the library does can overflow, so the check is
    made once, where a moment comes in (a publication time, a claim's date or value, an
    ``as_of`` time, an anchor), and nothing downstream needs its own. The year is read
    as written, on the moment's own clock (an aware ``9799-12-31T23:00-05:00`` is in).
    """
    return FIRST_YEAR <= moment.year <= LAST_YEAR


#: The ends of the supported calendar, floating (``SUPPORTED`` is the interval).
SUPPORTED_START = datetime(FIRST_YEAR, 1, 1)
SUPPORTED_END = datetime(LAST_YEAR + 1, 1, 1)


def calendar_problem(moment: date | datetime) -> str | None:
    """Why ``moment`` is outside the supported calendar, naming it; ``None`` when inside.

    For callers that collect problems (``CorpusError`` per field); ``check_moment`` raises.
    """
    if in_calendar(moment):
        return None
    return (f"{moment.isoformat()} is outside the supported calendar, years "
            f"{FIRST_YEAR:04d} to {LAST_YEAR:04d}")


def check_moment(moment: date | datetime, *, error: type[TimelineError] = ResolveError,
                 what: str = "moment") -> date | datetime:
    """``moment`` itself when it is in the supported calendar (``in_calendar``), else
    ``error`` (a ``ResolveError`` unless the caller says otherwise) naming it and ``what``.

    >>> check_moment(date(2025, 2, 24))
    datetime.date(2025, 2, 24)
    >>> try:
    ...     check_moment(date(9999, 12, 31), what="anchor")
    ... except ResolveError as exc:
    ...     print(exc)
    anchor: 9999-12-31 is outside the supported calendar, years 0200 to 9799
    """
    problem = calendar_problem(moment)
    if problem is not None:
        raise error(f"{what}: {problem}")
    return moment


def interval_problem(interval: Interval) -> str | None:
    """Why ``interval`` leaves the supported calendar, naming it; ``None`` when both its
    ends are in (an exclusive end may be the calendar's own end, ``9800-01-01``)."""
    start, end = interval.start, interval.end
    try:
        last = None if end is None else end - timedelta(microseconds=1)
    except OverflowError:  # an end at the first instant Python has (#13)
        last = end
    if all(moment is None or in_calendar(moment) for moment in (start, last)):
        return None
    return (f"{interval} is outside the supported calendar, years "
            f"{FIRST_YEAR:04d} to {LAST_YEAR:04d}")


def check_interval(interval: Interval, *, error: type[TimelineError] = ResolveError,
                   what: str = "interval") -> Interval:
    """``interval`` itself when ``interval_problem`` finds nothing, else ``error`` naming
    it and ``what``: for a computed value, such as an expression resolved near the edge."""
    problem = interval_problem(interval)
    if problem is not None:
        raise error(f"{what}: {problem}")
    return interval


def is_floating(moment: datetime) -> bool:
    """A datetime without a UTC offset is civil time in an unknown zone."""
    return moment.tzinfo is None or moment.utcoffset() is None


def utc_range(moment: datetime) -> tuple[datetime, datetime]:
    """Earliest and latest absolute instants (UTC) a datetime can denote.

    An aware datetime is one instant; a floating one spans the world's offsets, so
    ``2025-02-24T00:00`` is ``[2025-02-23T10:00Z, 2025-02-24T12:00Z]``.
    """
    if is_floating(moment):
        naive = moment.replace(tzinfo=None)
        return (naive - EASTERNMOST).replace(tzinfo=UTC), (naive - WESTERNMOST).replace(tzinfo=UTC)
    instant = moment.astimezone(UTC)
    return instant, instant


def as_datetime(moment: date | datetime) -> datetime:
    """A date becomes the floating midnight that starts it."""
    if isinstance(moment, datetime):
        return moment
    return datetime(moment.year, moment.month, moment.day)


def is_before(a: datetime, b: datetime) -> bool | None:
    """Whether ``a`` is strictly earlier than ``b``; ``None`` when it depends on the unknown zone.

    Two floating or two aware datetimes compare exactly. A floating and an aware one
    compare over every offset from UTC-12 to UTC+14.
    """
    if is_floating(a) == is_floating(b):
        return a.replace(tzinfo=None) < b.replace(tzinfo=None) if is_floating(a) else a < b
    a_lo, a_hi = utc_range(a)
    b_lo, b_hi = utc_range(b)
    if a_hi < b_lo:
        return True
    if a_lo >= b_hi:
        return False
    return None


def is_on_or_before(a: datetime, b: datetime) -> bool | None:
    """Whether ``a <= b``; ``None`` when it depends on the unknown zone."""
    after = is_before(b, a)
    return None if after is None else not after


def clock_reading(moment: datetime) -> datetime:
    """What a clock in ``moment``'s zone shows at the instant ``moment`` names.

    A wall time in a zone's DST gap (02:10 on the night clocks jump from 02:00 to 03:00)
    is no clock's reading: it names the instant an offset before the jump gives, which
    the zone's clocks show as 03:10. Any other moment, a floating one or one in a fold
    (whose ``fold`` already picks the instant), is returned as it is (#13).
    """
    zone = moment.tzinfo
    if zone is None or type(zone) is timezone:
        return moment
    return moment.astimezone(UTC).astimezone(zone)


def _settled(moment: datetime | None) -> datetime | None:
    """``moment``, with a fixed UTC offset when its zone's wall clock is ambiguous there.

    In a zone's DST gap or fold the offset depends on ``fold``, and PEP 495 makes such a
    datetime unequal to every datetime of another zone, itself in UTC included: a bound
    there would never equal its own JSON copy, and two such bounds of one zone compare by
    wall clock, not instant (#13). Any other bound keeps its zone, for the arithmetic
    that follows it.
    """
    if moment is None:
        return None
    zone = moment.tzinfo
    if zone is None or type(zone) is timezone:
        return moment
    offset = moment.utcoffset()
    if offset is None or moment.replace(fold=1 - moment.fold).utcoffset() == offset:
        return moment
    return moment.replace(tzinfo=timezone(offset), fold=0)


def _check_order(instance: Interval, attribute: attrs.Attribute[datetime | None],
                 end: datetime | None) -> None:
    start = instance.start
    if start is None or end is None:
        return
    if is_floating(start) != is_floating(end):
        raise ValueError(f"interval mixes floating and absolute ends: {start} and {end}")
    if not is_before(start, end):
        raise ValueError(f"interval is empty: [{start.isoformat()}, {end.isoformat()})")


@attrs.frozen
class Interval:
    """``[start, end)`` with an exact exclusive end; ``None`` is unbounded on that side.

    Both ends are floating or both are aware. An interval is never empty: an empty
    intersection is a conflict for the caller to report (``intersect`` returns ``None``).

    >>> week = Interval.of(date(2025, 2, 17), date(2025, 2, 24))
    >>> week.contains(datetime(2025, 2, 23, 23, 59))
    True
    >>> week.contains(datetime(2025, 2, 24))
    False
    """

    start: datetime | None = attrs.field(converter=_settled)
    end: datetime | None = attrs.field(converter=_settled, validator=_check_order)

    @classmethod
    def of(cls, start: date | datetime | None, end: date | datetime | None) -> Interval:
        """Build from dates (floating midnights) or datetimes."""
        return cls(None if start is None else as_datetime(start),
                   None if end is None else as_datetime(end))

    @property
    def floating(self) -> bool:
        """True when the interval is civil time in an unknown zone (or fully unbounded)."""
        for end in (self.start, self.end):
            if end is not None:
                return is_floating(end)
        return True

    @property
    def bounded(self) -> bool:
        return self.start is not None and self.end is not None

    def contains(self, moment: date | datetime) -> bool | None:
        """Whether the interval holds ``moment``; ``None`` when that depends on the zone."""
        point = as_datetime(moment)
        after_start = True if self.start is None else is_on_or_before(self.start, point)
        before_end = True if self.end is None else is_before(point, self.end)
        if after_start is False or before_end is False:
            return False
        if after_start is None or before_end is None:
            return None
        return True

    def ends_by(self, moment: datetime) -> bool | None:
        """Whether the whole interval is over at ``moment`` (its end is on or before it)."""
        if self.end is None:
            return False
        return is_on_or_before(self.end, moment)

    def starts_by(self, moment: datetime) -> bool | None:
        """Whether the interval has begun at ``moment`` (its start is on or before it)."""
        if self.start is None:
            return True
        return is_on_or_before(self.start, moment)

    def to_absolute(self, *, widest: bool = True) -> Interval | None:
        """The interval as absolute UTC instants.

        ``widest=True`` covers every zone the civil interval could have been said in
        (what it *possibly* covers); ``widest=False`` keeps only what it covers in every
        zone (what it *certainly* covers), which is ``None`` when nothing is certain, as
        for a single floating day (24 h long, but the offsets span 26 h).
        """
        if not self.floating:
            return self
        lo = None if self.start is None else utc_range(self.start)[0 if widest else 1]
        hi = None if self.end is None else utc_range(self.end)[1 if widest else 0]
        if lo is not None and hi is not None and lo >= hi:
            return None
        return Interval(lo, hi)

    def _aligned(self, other: Interval) -> tuple[Interval, Interval]:
        """Bring two intervals into one frame: civil if both are, else widest absolute."""
        if self.floating == other.floating:
            return self, other
        a = self.to_absolute()
        b = other.to_absolute()
        assert a is not None and b is not None  # widest is never empty
        return a, b

    def intersect(self, other: Interval) -> Interval | None:
        """The common part; ``None`` when they share nothing (a conflict, not an empty interval)."""
        a, b = self._aligned(other)
        start = _max_start(a.start, b.start)
        end = _min_end(a.end, b.end)
        if start is not None and end is not None and start >= end:
            return None
        return Interval(start, end)

    def hull(self, other: Interval) -> Interval:
        """The smallest interval covering both."""
        a, b = self._aligned(other)
        start = None if a.start is None or b.start is None else min(a.start, b.start)
        end = None if a.end is None or b.end is None else max(a.end, b.end)
        return Interval(start, end)

    def to_iso(self, *, dates: bool = False) -> tuple[str | None, str | None]:
        """ISO 8601 strings for the ends; with ``dates``, midnights are written as plain dates."""
        return _iso(self.start, dates), _iso(self.end, dates)

    @classmethod
    def from_iso(cls, start: str | None, end: str | None) -> Interval:
        """Read back what ``to_iso`` wrote (dates become floating midnights)."""
        return cls(_parse_iso(start), _parse_iso(end))

    def __str__(self) -> str:
        """``[2025-02-24, 2025-02-24T18:00)``: for reading. A strict order between events
        moves a bound by one microsecond ("before 18:00" ends at 17:59:59.999999); such
        steps, within ``_STEP`` of a whole second, are shown as that second (``to_iso``
        and the JSON keep the exact bound)."""
        lo, hi = _iso(without_steps(self.start), True), _iso(without_steps(self.end), True)
        return f"[{lo or '-inf'}, {hi or '+inf'})"


def _max_start(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _min_end(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


#: How far from a whole second a bound may be and still be shown as it (``Interval.__str__``).
_STEP = 10  # microseconds: strict orders chain a step per event, a few at most


def without_steps(moment: datetime | None) -> datetime | None:
    """The whole second a bound is within ``_STEP`` microseconds of, else the bound.

    The solver keeps a start before its end, and an event after the one it follows, by
    a microsecond a step ("before 18:00" ends at 17:59:59.999999): exact in its integer
    microseconds, but what a reader (``Interval.__str__``, DataFrames) should see is the
    instant the sources gave, 18:00, as the half-open bound it is.
    """
    if moment is None:
        return None
    if moment.microsecond <= _STEP:
        return moment.replace(microsecond=0)
    if moment.microsecond >= 1_000_000 - _STEP:
        return moment.replace(microsecond=0) + timedelta(seconds=1)
    return moment


def _iso(moment: datetime | None, dates: bool) -> str | None:
    if moment is None:
        return None
    if dates and moment.time() == datetime.min.time() and is_floating(moment):
        return moment.date().isoformat()
    return moment.isoformat()


def _parse_iso(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(text)


#: The supported calendar as an interval, ``[0200-01-01, 9800-01-01)`` (``in_calendar``).
SUPPORTED = Interval(SUPPORTED_START, SUPPORTED_END)
