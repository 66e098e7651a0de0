"""EDTF (ISO 8601-2, Library of Congress levels 0-2) to and from ``TimeValue``.

EDTF is how libraries and archives write uncertain dates; we write it from our own
interval model (``to_edtf``) and read it back into the best TIMEX3 value (``from_edtf``).
EDTF intervals are *closed*: ``2025-02-17/2025-02-23`` includes the 23rd. Our intervals
are half-open, so a date written as an interval end stands for all of itself (the whole
23rd), and the exclusive end is the day (month, year) after it.

Conventions, where the standard leaves room or our model differs:

- One granule, one form: a day ``2025-02-24``, a month ``2025-02``, a year ``2025``, a
  season ``2025-21``..``2025-24`` (spring, summer, autumn, winter), a quarter
  ``2025-33``..``2025-36``, a half ``2025-40``/``2025-41``, a decade ``199X``, a century
  ``18XX``. A week or a weekend has no EDTF form of its own and is its closed day interval
  (``2025-02-17/2025-02-23``).
- Seasons are written 21-24, not the hemisphere-specific 25-28, because TIMEX3's ``SP``,
  ``SU``, ``FA``, ``WI`` do not name a hemisphere either: 21-24 says what the text said.
  The months (meteorological, northern) are our reading of it, carried by the interval.
  On input, 25-28 read as 21-24, and 29-32 (southern) keep the season's TIMEX3 name with
  the southern months as the interval (southern spring 2025 is ``2025-SP`` over
  September-November; its summer starts in December, as our winter does). Such a value is
  written back as its southern code, so reading and writing it is a fixed point (#13).
  Quadrimesters 37-39 are the thirds of a year and read as ``2025`` START/MID/END.
- Times of day. EDTF requires seconds, so a clock time said to the minute is written
  ``2025-02-25T11:38:00`` (with ``Z`` or ``+hh:mm`` when aware), and a lone datetime whose
  seconds are ``00`` reads back as that minute (ISO 8601-1's reduced ``11:38`` is read
  too). A second that happens to be ``:00``, and an hour, are written as their datetime
  intervals. As an interval *end* a datetime is an instant, the exact exclusive end
  (``2025-02-24T17:00:00/2025-02-25T00:00:00`` is the evening): the closed and
  half-open readings differ by one instant, and writing ``23:59:59`` would be the arrow
  pitfall. The Library of Congress profile admits only dates in intervals; datetime
  intervals are ISO 8601-1/-2 and what our parts of days, hours and thirds of days need.
- Generic intervals: floating ends aligned to whole years are written ``YYYY/YYYY``, to
  whole months ``YYYY-MM/YYYY-MM``, to whole days ``YYYY-MM-DD/YYYY-MM-DD`` (inclusive
  last unit; never coarser than the value's own granularity, so "by 31 December 2030" is
  ``../2030-12-31``, not ``../2030``), anything else, and every aware interval, as
  datetimes. An interval whose two ends would read the same collapses to one date. An
  open end is ``..``; reading, an unknown end (``2025-02-24/``) is open too, as the model
  has no "unknown" bound. Sub-second bounds cannot be written: ``to_edtf`` gives ``None``.
- Qualifiers: TIMEX3 has one mod for a whole value, so a ``~`` or ``%`` anywhere (level 1
  at the end, level 2 on a component or interval end) makes the value ``APPROX``; ``?``
  (uncertain) leaves the value and mod as they are: TIMEX3 cannot say it. ``APPROX`` is
  written as the *unwidened* granule with ``~`` (``2025-02-24~``, ``2025-02-17~/2025-02-23~``)
  and read back with the widening ``apply_mod`` gives, so the interval round-trips.
  EDTF cannot qualify a time of day: an approximate time is written as its widened
  interval, keeping the interval and losing the ``~``. One mod only: an open end's
  mod, or START/MID/END, wins over ``~``. On an interval that is no
  granule, ``~`` gives ``APPROX`` with the exact interval written (there is no granule to
  widen by).
- Unspecified digits (``199X``, ``18XX``, ``2025-02-1X``) read as the hull of every date
  they allow: ``199X`` is the 1990s, ``2025-02-XX`` February (month-granular),
  ``2025-02-1X`` 10-19 February. A wholly unknown year (``XXXX-12-25``) has no interval:
  the value keeps its ``X`` digits (``XXXX-12-25``, DATE, no interval).
- Reading picks the best TIMEX3 value: an interval that is exactly one granule is that
  granule (``2025-02-17/2025-02-23`` is ``2025-W08``); exactly a third of one is that
  granule with START/MID/END; an open interval is its written end with ON_OR_BEFORE
  (``../2030-12-31``) or ON_OR_AFTER, or, after a datetime end, the minute it names with
  BEFORE (a datetime start: its minute ON_OR_AFTER), so that ``apply_mod`` reproduces
  the interval; any other interval is the value of the smallest granule containing it,
  with the exact interval kept, or, when no granule does (it crosses a century), a year
  with ``X`` for the digits its years do not share (``1XXX``) and no granularity.

Round trip: for a value built by ``TimeValue.of_granule`` with any granularity and mod,
``from_edtf(to_edtf(v)).interval == v.interval`` whenever ``to_edtf(v)`` is not ``None``.

>>> TimeValue.from_timex("2025-W08").edtf
'2025-02-17/2025-02-23'
>>> v = from_edtf("../2030-12-31")
>>> v.value, v.mod, str(v.interval)
('2030-12-31', <Mod.ON_OR_BEFORE: 'ON_OR_BEFORE'>, '[-inf, 2031-01-01)')
"""

from __future__ import annotations

import calendar
import enum
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import attrs
from dateutil.relativedelta import relativedelta

from timeline.errors import TimexError
from timeline.time import timex
from timeline.time.granularity import (
    Granularity,
    PartOfDay,
    Season,
    floor,
    part_of_day_span,
    span,
)
from timeline.time.interval import Interval, is_floating
from timeline.time.value import Mod, TimeValue, TimexType, apply_mod

MAX_LENGTH = 100  # longer strings are rejected before anything is parsed

_DIGITS = frozenset("0123456789")
_QUALIFIERS = frozenset("?~%")
_SEASON_CODE = {Season.SP: 21, Season.SU: 22, Season.FA: 23, Season.WI: 24}

#: Sub-year groupings (ISO 8601-2 codes 21-41): first month, length in months, and the
#: TIMEX3 code it keeps when its months are not the model's own (southern seasons).
_GROUPING: dict[int, tuple[int, int, str | None]] = {
    21: (3, 3, None), 22: (6, 3, None), 23: (9, 3, None), 24: (12, 3, None),
    25: (3, 3, None), 26: (6, 3, None), 27: (9, 3, None), 28: (12, 3, None),
    29: (9, 3, "SP"), 30: (12, 3, "SU"), 31: (3, 3, "FA"), 32: (6, 3, "WI"),
    33: (1, 3, None), 34: (4, 3, None), 35: (7, 3, None), 36: (10, 3, None),
    37: (1, 4, None), 38: (5, 4, None), 39: (9, 4, None),
    40: (1, 6, None), 41: (7, 6, None),
}
#: What a grouping is called in a TIMEX3 value with an unknown year (``XXXX-SP``).
_GROUPING_TIMEX: dict[int, tuple[str, Granularity]] = {
    21: ("SP", Granularity.SEASON), 22: ("SU", Granularity.SEASON),
    23: ("FA", Granularity.SEASON), 24: ("WI", Granularity.SEASON),
    25: ("SP", Granularity.SEASON), 26: ("SU", Granularity.SEASON),
    27: ("FA", Granularity.SEASON), 28: ("WI", Granularity.SEASON),
    29: ("SP", Granularity.SEASON), 30: ("SU", Granularity.SEASON),
    31: ("FA", Granularity.SEASON), 32: ("WI", Granularity.SEASON),
    33: ("Q1", Granularity.QUARTER), 34: ("Q2", Granularity.QUARTER),
    35: ("Q3", Granularity.QUARTER), 36: ("Q4", Granularity.QUARTER),
    40: ("H1", Granularity.HALF), 41: ("H2", Granularity.HALF),
}


class _Unit(enum.IntEnum):
    """How finely an interval end is written, finest first."""

    CLOCK = 0
    DAY = 1
    MONTH = 2
    YEAR = 3


#: The coarsest unit a value's ends are written in: never coarser than what it names.
_CAP: dict[Granularity, _Unit] = {
    Granularity.SECOND: _Unit.CLOCK,
    Granularity.MINUTE: _Unit.CLOCK,
    Granularity.HOUR: _Unit.CLOCK,
    Granularity.PART_OF_DAY: _Unit.CLOCK,
    Granularity.DAY: _Unit.DAY,
    Granularity.WEEKEND: _Unit.DAY,
    Granularity.WEEK: _Unit.DAY,
    Granularity.MONTH: _Unit.MONTH,
    Granularity.SEASON: _Unit.MONTH,
    Granularity.QUARTER: _Unit.MONTH,
    Granularity.HALF: _Unit.MONTH,
    Granularity.YEAR: _Unit.YEAR,
    Granularity.DECADE: _Unit.YEAR,
    Granularity.CENTURY: _Unit.YEAR,
}

_ONE: dict[_Unit, relativedelta] = {
    _Unit.DAY: relativedelta(days=1),
    _Unit.MONTH: relativedelta(months=1),
    _Unit.YEAR: relativedelta(years=1),
}


# ---------------------------------------------------------------------------------------
# Writing


def to_edtf(value: TimeValue) -> str | None:
    """The value's interval in EDTF; ``None`` for sets, unanchored lengths, and no interval.

    A value whose interval is its own granule gets the granule's form (``2025-21``), an
    approximate one the unwidened granule with ``~``; anything else is its interval.
    ``None`` too for an end EDTF cannot write inside the calendar: a local-mean-time
    offset (``+10:36:20``) is written in UTC, whole minutes, and in year 1 UTC can be
    year 0 (#13).
    """
    try:
        return _write(value)
    except _Unwritable:
        return None


class _Unwritable(ValueError):
    """An end that cannot be written in EDTF without leaving Python's calendar."""


def _write(value: TimeValue) -> str | None:
    interval = value.interval
    if value.type is TimexType.SET or interval is None:
        return None
    if interval.start is None and interval.end is None:
        return None
    granule = _granule_of(value)
    granularity = value.granularity
    if granule is not None and granule.interval is not None:
        granularity = granule.granularity
        if interval == granule.interval:
            native = _native(granularity, granule.interval)
            if native is not None:
                return native
        elif value.mod is Mod.APPROX and _widened(granularity, granule.interval) == interval:
            approximate = _approximate(granularity, granule.interval)
            if approximate is not None:
                return approximate
        elif granularity is Granularity.SEASON:
            southern = _southern(value.value, value.mod, interval)
            if southern is not None:
                return southern
    cap = _Unit.YEAR if granularity is None else _CAP[granularity]
    return _render_interval(interval, cap)


def _southern(text: str, mod: Mod | None, interval: Interval) -> str | None:
    """The southern code (29-32) of a season value whose interval is the southern months.

    ``2038-WI`` over June-August is what ``2038-32`` reads as; written as its months it
    would read back as the northern ``2038-SU`` (#13).
    """
    if mod not in (None, Mod.APPROX) or interval.start is None:
        return None
    year, _, name = text.partition("-")
    for code, (first_month, months, season) in _GROUPING.items():
        if season != name or not year.isdigit():
            continue
        start = datetime(int(year), first_month, 1, tzinfo=interval.start.tzinfo)
        end = _past(start, relativedelta(months=months))
        if end is None:  # southern summer 9999 ends past the calendar
            continue
        own = Interval(start, end)
        if mod is None and own == interval:
            return f"{year}-{code}"
        if mod is Mod.APPROX and _widened(Granularity.SEASON, own) == interval:
            return f"{year}-{code}~"
    return None


def _granule_of(value: TimeValue) -> timex.Granule | None:
    """The granule a DATE or TIME value names, before its mod; ``None`` for anything else."""
    if value.type not in (TimexType.DATE, TimexType.TIME) or value.value in timex.REFERENCES:
        return None
    try:
        return timex.parse(value.value)
    except TimexError:
        return None


def _widened(granularity: Granularity, interval: Interval) -> Interval | None:
    try:
        return apply_mod(Mod.APPROX, granularity, interval)
    except (ValueError, OverflowError):  # widening past the calendar's edge
        return None


def _native(granularity: Granularity, interval: Interval) -> str | None:
    """The granule's own EDTF form; ``None`` where EDTF has none (weeks, hours, ...)."""
    start = interval.start
    assert start is not None
    g = granularity
    year = f"{start.year:04d}"
    if g is Granularity.DAY:
        return _format(start, _Unit.DAY)
    if g is Granularity.MONTH:
        return _format(start, _Unit.MONTH)
    if g is Granularity.YEAR:
        return year
    if g is Granularity.SEASON:
        return f"{year}-{_SEASON_CODE[Season(start.month)]}"
    if g is Granularity.QUARTER:
        return f"{year}-{33 + (start.month - 1) // 3}"
    if g is Granularity.HALF:
        return f"{year}-{40 if start.month <= 6 else 41}"
    if g is Granularity.DECADE:
        return f"{year[:3]}X"
    if g is Granularity.CENTURY:
        return f"{year[:2]}XX"
    if g is Granularity.MINUTE or (g is Granularity.SECOND and start.second != 0):
        # A lone datetime with :00 seconds reads back as a minute.
        return _format(start, _Unit.CLOCK)
    return None


def _approximate(granularity: Granularity, interval: Interval) -> str | None:
    """The unwidened granule with ``~``; ``None`` for times of day, which EDTF cannot qualify."""
    if granularity in (Granularity.WEEK, Granularity.WEEKEND):
        start, end = interval.start, interval.end
        assert start is not None and end is not None
        last = end - timedelta(days=1)
        return f"{_format(start, _Unit.DAY)}~/{_format(last, _Unit.DAY)}~"
    if granularity <= Granularity.PART_OF_DAY:
        return None
    native = _native(granularity, interval)
    return None if native is None else native + "~"


def _render_interval(interval: Interval, cap: _Unit) -> str | None:
    """``start/end`` in the coarsest unit both ends align to (at most ``cap``), ``..`` if open."""
    start, end = interval.start, interval.end
    ends = [moment for moment in (start, end) if moment is not None]
    if any(moment.microsecond for moment in ends):
        return None  # EDTF has no fractions of a second
    unit = _Unit.CLOCK
    if interval.floating:
        for candidate in (_Unit.YEAR, _Unit.MONTH, _Unit.DAY):
            if candidate <= cap and all(_aligned(m, candidate) for m in ends) and (
                    end is None or end != datetime.min):
                unit = candidate
                break
    lo = ".." if start is None else _format(start, unit)
    if end is None:
        hi = ".."
    elif unit is _Unit.CLOCK:
        hi = _format(end, unit)
    else:
        hi = _format(end - _ONE[unit], unit)  # EDTF ends are inclusive
    return lo if lo == hi else f"{lo}/{hi}"


def _aligned(moment: datetime, unit: _Unit) -> bool:
    if moment.hour or moment.minute or moment.second or moment.microsecond:
        return False
    if unit is _Unit.DAY:
        return True
    if moment.day != 1:
        return False
    return unit is _Unit.MONTH or moment.month == 1


def _format(moment: datetime, unit: _Unit) -> str:
    if unit is _Unit.YEAR:
        return f"{moment.year:04d}"
    if unit is _Unit.MONTH:
        return f"{moment.year:04d}-{moment.month:02d}"
    day = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    if unit is _Unit.DAY:
        return day
    offset = moment.utcoffset()
    if offset is not None and offset % timedelta(minutes=1):
        try:
            moment = moment.astimezone(UTC)  # EDTF offsets are whole minutes; instant kept
        except OverflowError:
            raise _Unwritable(f"{moment.isoformat()} in UTC is outside the calendar") from None
        offset = timedelta(0)
        day = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    return f"{day}T{moment:%H:%M:%S}{_offset(offset)}"


def _offset(offset: timedelta | None) -> str:
    if offset is None:
        return ""
    if not offset:
        return "Z"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


# ---------------------------------------------------------------------------------------
# Reading


@attrs.frozen
class _Point:
    """One date or datetime as written: the span ``[lo, hi)`` it allows and its qualifiers.

    ``clock`` is set for a datetime, which is an instant (``lo``) as an interval end.
    ``hi`` is ``None`` past the calendar's end (``9999``, ``9999-12-31``): such a point
    can start an open interval (``9999/..``, which we write) and nothing else (#13).
    """

    lo: datetime
    hi: datetime | None
    clock: bool = False
    approximate: bool = False
    season: str | None = None  # TIMEX3 season of a southern-hemisphere code

    def end(self) -> datetime:
        """``hi``, or ``_Malformed`` when it lies past the calendar's end."""
        if self.hi is None:
            raise _Malformed(f"{self.lo.isoformat()} ends past the calendar (year 9999)")
        return self.hi


def _past(moment: datetime, length: timedelta | relativedelta) -> datetime | None:
    """``moment + length``; ``None`` past the calendar's end."""
    try:
        return moment + length
    except (OverflowError, ValueError):
        return None


@attrs.frozen
class _Unknown:
    """A date whose year is wholly unspecified: a TIMEX3 value with ``X`` digits, no interval."""

    value: str
    granularity: Granularity


class _Malformed(ValueError):
    """Why a string is not EDTF; ``from_edtf`` turns it into a ``TimexError`` naming the text."""


def from_edtf(text: str) -> TimeValue:
    """Read an EDTF date, datetime or interval into the best TIMEX3 value (see the module).

    ``TimexError`` names the text when it is not EDTF, is longer than ``MAX_LENGTH``, or
    lies outside the calendar (years 1-9999).
    """
    if not isinstance(text, str):
        raise TimexError(f"EDTF must be a string, got {text!r}")
    if len(text) > MAX_LENGTH:
        raise TimexError(f"EDTF string too long ({len(text)} characters): {text[:20]!r}...")
    try:
        if "/" in text:
            left, _, right = text.partition("/")
            return _read_interval(left, right)
        return _read_single(text)
    except (ValueError, OverflowError) as exc:
        raise TimexError(f"not an EDTF date or interval: {text!r} ({exc})") from None


def _read_single(text: str) -> TimeValue:
    point = _parse_point(text)
    if isinstance(point, _Unknown):
        return TimeValue(TimexType.DATE, point.value, None, None, point.granularity)
    interval = Interval(point.lo, point.end())
    if point.season is not None:
        mod = Mod.APPROX if point.approximate else None
        if mod is not None:
            interval = apply_mod(mod, Granularity.SEASON, interval)
        value = f"{point.lo.year:04d}-{point.season}"
        return _value(value, Granularity.SEASON, mod, interval)
    return _closed(interval, point.approximate)


def _read_interval(left: str, right: str) -> TimeValue:
    if "/" in right:
        raise _Malformed("more than one '/'")
    start = None if left in ("", "..") else _parse_point(left)
    end = None if right in ("", "..") else _parse_point(right)
    if isinstance(start, _Unknown) or isinstance(end, _Unknown):
        raise _Malformed("an interval end needs a year")
    if start is None and end is None:
        raise _Malformed("an interval needs at least one end")
    if start is None:
        assert end is not None
        return _open_before(end)
    if end is None:
        return _open_after(start)
    lo, hi = start.lo, end.lo if end.clock else end.end()
    if is_floating(lo) != is_floating(hi):
        raise _Malformed("one end has a UTC offset and the other not")
    if lo >= hi:
        raise _Malformed("the interval ends before it starts")
    return _closed(Interval(lo, hi), start.approximate or end.approximate)


def _closed(interval: Interval, approximate: bool) -> TimeValue:
    """The best value for a bounded interval: a granule, a third of one, or a container."""
    exact = _exact(interval)
    if exact is not None:
        value, granularity = exact
        if approximate:
            return _value(value, granularity, Mod.APPROX,
                          apply_mod(Mod.APPROX, granularity, interval))
        return _value(value, granularity, None, interval)
    third = _third_of(interval)
    if third is not None:
        value, granularity, part = third
        return _value(value, granularity, part, interval)
    container = _container(interval)
    mod = Mod.APPROX if approximate else None
    if container is None:
        return _value(_common_years(interval), None, mod, interval)
    return _value(container[0], container[1], mod, interval)


def _open_before(end: _Point) -> TimeValue:
    """``../end``: the written end ON_OR_BEFORE, or BEFORE the minute a datetime end names."""
    if end.clock:
        value, granularity = _instant(end.lo)
        return _value(value, granularity, Mod.BEFORE, Interval(None, end.lo))
    hi = end.end()
    exact = _exact(Interval(end.lo, hi))
    if exact is None:  # a hull of unspecified digits: name its last day
        exact = timex.render(Granularity.DAY, hi - timedelta(days=1)), Granularity.DAY
    return _value(exact[0], exact[1], Mod.ON_OR_BEFORE, Interval(None, hi))


def _open_after(start: _Point) -> TimeValue:
    """``start/..``: the written start (or its first day, or its minute) ON_OR_AFTER."""
    interval = Interval(start.lo, None)
    exact: tuple[str, Granularity] | None = None
    if start.clock:
        exact = _instant(start.lo)
    elif start.hi is not None:
        exact = _exact(Interval(start.lo, start.hi))
    if exact is None or not _readable(exact[0]):
        # unspecified digits, or a last granule of the calendar (#13): its first day
        return _day_value(start.lo, Mod.ON_OR_AFTER, interval)
    return _value(exact[0], exact[1], Mod.ON_OR_AFTER, interval)


def _instant(moment: datetime) -> tuple[str, Granularity]:
    granularity = Granularity.SECOND if moment.second else Granularity.MINUTE
    return timex.render(granularity, moment), granularity


def _value(value: str, granularity: Granularity | None, mod: Mod | None,
           interval: Interval) -> TimeValue:
    clock = granularity is not None and granularity <= Granularity.PART_OF_DAY
    kind = TimexType.TIME if clock else TimexType.DATE
    return TimeValue(kind, value, mod, interval, granularity)


def _candidate_values(interval: Interval) -> Iterator[tuple[str, Granularity, Interval]]:
    """Each granule (finest first) holding the interval's start, with its value and interval."""
    start = interval.start
    assert start is not None
    for granularity in Granularity:
        if granularity is Granularity.PART_OF_DAY:
            continue
        try:
            value = timex.render(granularity, start)
            granule = timex.parse(value)
            own = granule.interval
            if own is not None and granularity <= Granularity.HOUR and not is_floating(start):
                # A clock value is written without its zone: the granule is read in the
                # start's own zone, as the interval was.
                own = Interval(*span(granularity, floor(granularity, start)))
        except (ValueError, OverflowError):  # past the calendar's edge
            continue
        if own is not None:
            yield value, granularity, own


def _exact(interval: Interval) -> tuple[str, Granularity] | None:
    """The granule that is exactly this interval, if any (zone included)."""
    start = interval.start
    assert start is not None
    if is_floating(start):
        day = start.replace(hour=0, minute=0, second=0, microsecond=0)
        for part in PartOfDay:
            try:
                granule = Interval(*part_of_day_span(day, part))
            except OverflowError:  # the night of 9999-12-31 ends past the calendar
                continue
            if granule == interval:
                return timex.render(Granularity.PART_OF_DAY, day, part), Granularity.PART_OF_DAY
    for value, granularity, granule in _candidate_values(interval):
        if granule == interval:
            return value, granularity
    return None


def _third_of(interval: Interval) -> tuple[str, Granularity, Mod] | None:
    """The granule this interval is the START, MID or END third of, finest first."""
    for value, granularity, granule in _candidate_values(interval):
        if granularity is Granularity.SECOND:
            continue  # a second has no thirds
        for mod in (Mod.START, Mod.MID, Mod.END):
            try:
                if apply_mod(mod, granularity, granule) == interval:
                    return value, granularity, mod
            except (ValueError, OverflowError):
                break
    return None


def _container(interval: Interval) -> tuple[str, Granularity] | None:
    """The finest granule (in the start's own zone) that holds the whole interval."""
    start, end = interval.start, interval.end
    assert start is not None and end is not None
    if not is_floating(start) and end.utcoffset() != start.utcoffset():
        try:
            end = end.astimezone(start.tzinfo)
        except OverflowError:  # read in the start's zone, past the calendar's edge
            return None
    for granularity in Granularity:
        if granularity is Granularity.PART_OF_DAY:
            continue
        try:
            granule_start, granule_end = span(granularity, floor(granularity, start))
            value = timex.render(granularity, start)
        except (ValueError, OverflowError):
            continue
        if granule_start <= start and end <= granule_end:  # a weekday has no weekend
            return value, granularity
    return None


def _day_value(day: datetime, mod: Mod, interval: Interval) -> TimeValue:
    """The day with ``mod``, keeping ``interval``; the last day of the calendar (whose end
    is past 9999, so its value would not read back) is its year's digits, ``9XXX`` (#13)."""
    value = timex.render(Granularity.DAY, day)
    if _readable(value):
        return _value(value, Granularity.DAY, mod, interval)
    return _value(_shared_digits(day.year, day.year), None, mod, interval)


def _common_years(interval: Interval) -> str:
    """A TIMEX3 year with ``X`` for the digits the interval's years do not share (``1XXX``)."""
    start, end = interval.start, interval.end
    assert start is not None and end is not None
    return _shared_digits(start.year, (end - timedelta(microseconds=1)).year)


def _shared_digits(first_year: int, last_year: int) -> str:
    """The digits two years share, ``X`` for the rest, as far as ``timex.parse`` reads it."""
    first, last = f"{first_year:04d}", f"{last_year:04d}"
    shared = 0
    while shared < 4 and first[shared] == last[shared]:
        shared += 1
    while shared > 0 and not _readable(first[:shared] + "X" * (4 - shared)):
        shared -= 1  # 9999 and 999X end in year 10000: write 99XX ... 9XXX, which read (#13)
    return first[:shared] + "X" * (4 - shared)


def _readable(value: str) -> bool:
    """Whether ``timex.parse`` reads ``value``: no value we write may be one we cannot read."""
    try:
        timex.parse(value)
    except TimexError:
        return False
    return True


def _parse_point(text: str) -> _Point | _Unknown:
    """One side of an EDTF string: a date (with qualifiers and ``X`` digits) or a datetime."""
    date_text, t, clock_text = text.partition("T")
    components = date_text.split("-")
    if len(components) > 3:
        raise _Malformed("too many '-' (negative years are outside the calendar)")
    bodies: list[str] = []
    approximate = False
    qualified = False
    for component in components:
        body, marks = _strip_qualifiers(component)
        bodies.append(body)
        approximate = approximate or "~" in marks or "%" in marks
        qualified = qualified or bool(marks)
    year = bodies[0]
    if len(year) != 4 or not set(year) <= _DIGITS | {"X"}:
        raise _Malformed("a year is four digits or X")
    for body in bodies[1:]:
        if len(body) != 2 or not set(body) <= _DIGITS | {"X"}:
            raise _Malformed("a month, day or season is two digits or X")
    if t:
        if qualified:
            raise _Malformed("EDTF does not qualify times of day")
        return _parse_datetime(bodies, clock_text)
    grouping: int | None = None
    if len(bodies) > 1 and set(bodies[1]) <= _DIGITS and int(bodies[1]) > 12:
        grouping = int(bodies[1])
        if grouping not in _GROUPING or len(bodies) > 2:
            raise _Malformed(f"no sub-year grouping {bodies[1]}")
    if year == "XXXX":
        return _unknown_year(bodies, grouping)
    if grouping is not None:
        first_month, months, season = _GROUPING[grouping]
        years = [number for number in _numbers(year) if number]  # no year 0
        if not years:
            raise _Malformed("year 0000 is outside the calendar")
        lo = datetime(years[0], first_month, 1)
        hi = _past(datetime(years[-1], first_month, 1), relativedelta(months=months))
        if len(years) > 1:
            season = None  # a hull of several years' seasons names no one season
        return _Point(lo, hi, approximate=approximate, season=season)
    lo = _first_date(bodies, descending=False)
    last = _first_date(bodies, descending=True)
    unit = (_Unit.YEAR, _Unit.MONTH, _Unit.DAY)[len(bodies) - 1]
    return _Point(lo, _past(last, _ONE[unit]), approximate=approximate)


def _strip_qualifiers(component: str) -> tuple[str, str]:
    """Split ``?2004~`` into ``2004`` and its marks: at most one before and one after."""
    marks = ""
    if component[:1] and component[0] in _QUALIFIERS:
        marks += component[0]
        component = component[1:]
    if component[-1:] and component[-1] in _QUALIFIERS:
        marks += component[-1]
        component = component[:-1]
    return component, marks


def _numbers(body: str, descending: bool = False) -> Iterator[int]:
    """Every number the digits allow, ``X`` standing for any digit, in order."""
    digits = "9876543210" if descending else "0123456789"
    options = [digits if char == "X" else char for char in body]
    for combination in itertools.product(*options):
        yield int("".join(combination))


def _first_date(bodies: list[str], *, descending: bool) -> datetime:
    """The earliest (or latest) calendar date the year, month and day digits allow."""
    has_month, has_day = len(bodies) > 1, len(bodies) > 2
    for year in _numbers(bodies[0], descending):
        if year == 0:
            continue  # year 0 is outside Python's calendar
        months = _numbers(bodies[1], descending) if has_month else iter([1])
        for month in months:
            if not 1 <= month <= 12:
                continue
            if not has_day:
                return datetime(year, month, 1)
            days_in_month = calendar.monthrange(year, month)[1]
            for day in _numbers(bodies[2], descending):
                if 1 <= day <= days_in_month:
                    return datetime(year, month, day)
    raise _Malformed("no calendar date matches")


def _unknown_year(bodies: list[str], grouping: int | None) -> _Unknown:
    """``XXXX-12-25`` and the like: the TIMEX3 value with ``X`` components, no interval."""
    if grouping is not None:
        if grouping not in _GROUPING_TIMEX:
            raise _Malformed(f"sub-year grouping {grouping} has no TIMEX3 form")
        code, granularity = _GROUPING_TIMEX[grouping]
        return _Unknown(f"XXXX-{code}", granularity)
    parts = ["XXXX"]
    for body, limit in zip(bodies[1:], (12, 31), strict=False):
        if set(body) <= _DIGITS:
            if not 1 <= int(body) <= limit:
                raise _Malformed(f"no month or day {body}")
            parts.append(body)
        else:
            parts.append("XX")
    if len(bodies) == 3 and "XX" not in parts and int(parts[2]) > calendar.monthrange(
            2000, int(parts[1]))[1]:
        raise _Malformed("no such day in any year")
    granularity = (Granularity.YEAR, Granularity.MONTH, Granularity.DAY)[len(bodies) - 1]
    return _Unknown("-".join(parts), granularity)


def _parse_datetime(bodies: list[str], clock: str) -> _Point:
    """``2025-02-25T11:38:00[Z|+hh:mm]``: the minute (``:00`` seconds) or second it names."""
    if len(bodies) != 3 or not all(set(body) <= _DIGITS for body in bodies):
        raise _Malformed("a time needs a full date")
    cut = next((i for i, char in enumerate(clock) if char in "Z+-"), len(clock))
    fields = clock[:cut].split(":")
    if len(fields) not in (2, 3) or not all(
            len(field) == 2 and set(field) <= _DIGITS for field in fields):
        raise _Malformed("a time is hh:mm:ss")
    hour, minute = int(fields[0]), int(fields[1])
    second = int(fields[2]) if len(fields) == 3 else 0
    zone = _zone(clock[cut:])
    moment = datetime(int(bodies[0]), int(bodies[1]), int(bodies[2]), hour, minute, second,
                      tzinfo=zone)
    length = timedelta(seconds=1) if second else timedelta(minutes=1)
    return _Point(moment, _past(moment, length), clock=True)


def _zone(text: str) -> timezone | None:
    """``""`` (floating), ``Z``, ``+hh``, ``+hh:mm`` or ``+hhmm``."""
    if not text:
        return None
    if text == "Z":
        return UTC
    digits = text[1:].replace(":", "", 1) if text[3:4] == ":" else text[1:]
    if len(digits) not in (2, 4) or not set(digits) <= _DIGITS:
        raise _Malformed(f"bad UTC offset {text!r}")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        raise _Malformed(f"bad UTC offset {text!r}")
    sign = -1 if text[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def describe(interval: Interval) -> TimeValue:
    """The best TIMEX3 value for any interval, keeping the interval exactly.

    A granule is itself (``[2025-02-17, 2025-02-24)`` is ``2025-W08``), a third of one is
    it with START/MID/END, anything else the smallest granule containing it; an interval
    open on one side is the day at its bounded end with ON_OR_BEFORE / ON_OR_AFTER
    (BEFORE / AFTER when that end is not a midnight). Used to name event times, which
    come from several claims and need not be a granule.
    """
    start, end = interval.start, interval.end
    if start is not None and end is not None:
        return _closed(interval, False)
    if end is not None:
        midnight = end == floor(Granularity.DAY, end) and end.toordinal() > 1
        # (before 0001-01-01 there is no day to be on or before: BEFORE that day, #13)
        day = end - timedelta(days=1) if midnight else floor(Granularity.DAY, end)
        return _day_value(day, Mod.ON_OR_BEFORE if midnight else Mod.BEFORE, interval)
    if start is not None:
        midnight = start == floor(Granularity.DAY, start)
        return _day_value(start, Mod.ON_OR_AFTER if midnight else Mod.AFTER, interval)
    return TimeValue(TimexType.DATE, "XXXX", None, interval, None)
