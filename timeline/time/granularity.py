"""Calendar granules: the units a time expression names, and how to find, step and split them.

A granule is one concrete unit of the calendar (the week of 17 February 2025, the
summer of 2024, the 1990s). Every function here works on civil (wall-clock) datetimes
and keeps their ``tzinfo`` untouched, so a granule of an aware anchor is the granule in
that anchor's own zone.

Conventions (see ``docs/conventions.md``):

- weeks are ISO 8601 weeks, Monday to Sunday; a weekend is the Saturday and Sunday of
  its ISO week (``2025-W09-WE`` is 1-2 March 2025);
- seasons are meteorological and northern-hemisphere by default: spring is March-May,
  summer June-August, autumn September-November, winter December to February, and the
  winter of year Y starts in December of Y;
- decades start at years ending in 0 (the 1990s are 1990-1999), centuries at years
  ending in 00 (the 19th century, TIMEX3 ``18``, is 1800-1899), as TimeML writes them.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime, timedelta, timezone

from dateutil.relativedelta import relativedelta


class Granularity(enum.Enum):
    """The size of what an expression names, set by the rule that matched it."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    PART_OF_DAY = "part of day"
    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @property
    def rank(self) -> int:
        """Position from finest (0) to coarsest, for comparing sizes."""
        return _ORDER.index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Granularity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Granularity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Granularity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Granularity):
            return NotImplemented
        return self.rank >= other.rank


_ORDER = list(Granularity)


class Season(enum.Enum):
    """TIMEX3 season codes; the value is the first month of the meteorological season."""

    SP = 3
    SU = 6
    FA = 9
    WI = 12


class PartOfDay(enum.Enum):
    """TIMEX3 part-of-day codes with their civil hours ``[start, end)`` (end may pass midnight).

    Wide on purpose: "this morning" in news is not a precise clock range, so each part
    covers every hour it is commonly used for, and neighbours overlap.
    """

    MO = (5, 12)  # morning
    MI = (11, 14)  # midday
    AF = (12, 18)  # afternoon
    EV = (17, 24)  # evening
    NI = (20, 30)  # night, until 06:00 the next day
    DT = (6, 18)  # daytime

    @property
    def hours(self) -> tuple[int, int]:
        start, end = self.value
        return start, end


# Which sub-unit a granule is split into for START / MID / END, and how many it holds
# (None: count it, as the days of a month vary).
_SUB: dict[Granularity, Granularity] = {
    Granularity.MINUTE: Granularity.SECOND,
    Granularity.HOUR: Granularity.MINUTE,
    Granularity.PART_OF_DAY: Granularity.HOUR,
    Granularity.DAY: Granularity.HOUR,
    Granularity.WEEKEND: Granularity.HOUR,
    Granularity.WEEK: Granularity.DAY,
    Granularity.MONTH: Granularity.DAY,
    Granularity.SEASON: Granularity.MONTH,
    Granularity.QUARTER: Granularity.MONTH,
    Granularity.HALF: Granularity.MONTH,
    Granularity.YEAR: Granularity.MONTH,
    Granularity.DECADE: Granularity.YEAR,
    Granularity.CENTURY: Granularity.YEAR,
}


def floor(granularity: Granularity, moment: datetime) -> datetime:
    """Start of the granule of this size that contains ``moment``.

    Parts of the day are not a partition (they overlap), so they have no floor.
    """
    g = granularity
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if g is Granularity.SECOND:
        return moment.replace(microsecond=0)
    if g is Granularity.MINUTE:
        return moment.replace(second=0, microsecond=0)
    if g is Granularity.HOUR:
        return moment.replace(minute=0, second=0, microsecond=0)
    if g is Granularity.DAY:
        return day
    if g is Granularity.WEEK:
        return day - timedelta(days=day.weekday())
    if g is Granularity.WEEKEND:
        return day - timedelta(days=day.weekday()) + timedelta(days=5)
    if g is Granularity.MONTH:
        return day.replace(day=1)
    if g is Granularity.QUARTER:
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if g is Granularity.HALF:
        return day.replace(month=1 if day.month <= 6 else 7, day=1)
    if g is Granularity.SEASON:
        if day.month == 12:
            return day.replace(day=1)
        if day.month <= 2:
            return day.replace(year=day.year - 1, month=12, day=1)
        return day.replace(month=(day.month - 3) // 3 * 3 + 3, day=1)
    if g is Granularity.YEAR:
        return day.replace(month=1, day=1)
    if g is Granularity.DECADE:
        return day.replace(year=day.year // 10 * 10, month=1, day=1)
    if g is Granularity.CENTURY:
        return day.replace(year=day.year // 100 * 100, month=1, day=1)
    raise ValueError(f"{g.value} granules overlap and have no floor")


def step(granularity: Granularity) -> relativedelta:
    """The length of one granule, for stepping from one to the next."""
    return _STEP[granularity]


_STEP: dict[Granularity, relativedelta] = {
    Granularity.SECOND: relativedelta(seconds=1),
    Granularity.MINUTE: relativedelta(minutes=1),
    Granularity.HOUR: relativedelta(hours=1),
    Granularity.DAY: relativedelta(days=1),
    Granularity.WEEK: relativedelta(weeks=1),
    Granularity.WEEKEND: relativedelta(weeks=1),
    Granularity.MONTH: relativedelta(months=1),
    Granularity.SEASON: relativedelta(months=3),
    Granularity.QUARTER: relativedelta(months=3),
    Granularity.HALF: relativedelta(months=6),
    Granularity.YEAR: relativedelta(years=1),
    Granularity.DECADE: relativedelta(years=10),
    Granularity.CENTURY: relativedelta(years=100),
}


def shift(granularity: Granularity, start: datetime, count: int) -> datetime:
    """Start of the granule ``count`` granules after the one starting at ``start``."""
    return start + step(granularity) * count


def span(granularity: Granularity, start: datetime) -> tuple[datetime, datetime]:
    """``[start, end)`` of the granule that starts at ``start``.

    A weekend is its two days, not the week it steps by.
    """
    if granularity is Granularity.WEEKEND:
        return start, start + timedelta(days=2)
    if granularity in _YEARS and start.year < _YEARS[granularity]:
        # The first decade and century have no year 0 to start from (00XX is years 1-99):
        # the granule still ends where its calendar unit does (#13).
        size = _YEARS[granularity]
        return start, start.replace(year=(start.year // size + 1) * size)
    if granularity in _CLOCK and start.tzinfo is not None and type(start.tzinfo) is not timezone:
        # An hour, minute or second is a length of time, not of wall clock: across a zone's
        # DST change (or inside its fold, where arithmetic forgets ``fold``) the end is
        # the instant one unit later, in the start's zone (#13).
        return start, (start.astimezone(UTC) + step(granularity)).astimezone(start.tzinfo)
    return start, start + step(granularity)


#: Granules that are lengths of time, whatever a zone's wall clock does.
_CLOCK = frozenset({Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND})

#: Granules counted in whole years, by their length.
_YEARS = {Granularity.DECADE: 10, Granularity.CENTURY: 100}


def part_of_day_span(day: datetime, part: PartOfDay) -> tuple[datetime, datetime]:
    """``[start, end)`` of a part of a given day; "night" runs into the next morning."""
    start, end = part.hours
    return day + timedelta(hours=start), day + timedelta(hours=end)


def third(granularity: Granularity, start: datetime, which: int) -> tuple[datetime, datetime]:
    """The first (0), middle (1) or last (2) third of a granule, rounded outward to whole sub-units.

    This is what the TIMEX3 mods START, MID and END cover: "early 2022" is January-April,
    "mid-February 2025" 10-19 February (rounded outward, so neighbouring thirds may share a
    day), "the end of the week" Friday-Sunday. Rounding outward keeps the interval honest:
    it never excludes a day a reader could mean.
    """
    lo, hi = span(granularity, start)
    sub = _SUB[granularity]
    units = _count(sub, lo, hi)
    first = (units * which) // 3  # floor of units*which/3
    last = -((-units * (which + 1)) // 3)  # ceiling of units*(which+1)/3
    return shift(sub, lo, first), shift(sub, lo, last)


def _count(unit: Granularity, lo: datetime, hi: datetime) -> int:
    """How many whole ``unit`` granules fit in ``[lo, hi)`` (both aligned to the unit)."""
    if unit is Granularity.MONTH:
        return (hi.year - lo.year) * 12 + hi.month - lo.month
    if unit is Granularity.YEAR:
        return hi.year - lo.year
    seconds = {Granularity.DAY: 86400, Granularity.HOUR: 3600, Granularity.MINUTE: 60,
               Granularity.SECOND: 1}[unit]
    return int((hi.replace(tzinfo=None) - lo.replace(tzinfo=None)).total_seconds()) // seconds
