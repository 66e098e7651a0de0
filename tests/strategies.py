"""Shared hypothesis strategies for the time model: datetimes, granules, intervals, durations.

Datetimes stay within 1900-2100, where every granule, its APPROX widening and its
neighbours are inside Python's calendar. Aware datetimes use fixed offsets in quarter
hours from UTC-12 to UTC+14, the range the interval model assumes for floating times.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import assume
from hypothesis import strategies as st

from timeline.time import timex
from timeline.time.duration import MAX_LENGTH
from timeline.time.granularity import Granularity, PartOfDay
from timeline.time.interval import Interval
from timeline.time.value import Mod, TimeValue

EARLIEST = datetime(1900, 1, 1)
LATEST = datetime(2100, 12, 31, 23, 59, 59)

#: The mods ``TimeValue.of_granule`` is exercised with (the date-relevant ones).
GRANULE_MODS: tuple[Mod | None, ...] = (
    None, Mod.START, Mod.MID, Mod.END, Mod.APPROX,
    Mod.BEFORE, Mod.AFTER, Mod.ON_OR_BEFORE, Mod.ON_OR_AFTER,
)

#: Granularities whose TIMEX3 value carries a UTC offset (clock times).
CLOCK = (Granularity.SECOND, Granularity.MINUTE, Granularity.HOUR)


def offsets() -> st.SearchStrategy[timezone]:
    """Fixed UTC offsets from -12:00 to +14:00 in quarter hours (``Z`` included)."""
    return st.integers(min_value=-48, max_value=56).map(
        lambda quarters: timezone(timedelta(minutes=15 * quarters)))


def floating_datetimes() -> st.SearchStrategy[datetime]:
    """Civil datetimes with no zone, to the second (TIMEX3 and EDTF stop there)."""
    return st.datetimes(min_value=EARLIEST, max_value=LATEST).map(
        lambda moment: moment.replace(microsecond=0))


def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Datetimes with a fixed UTC offset, to the second."""
    return st.builds(lambda moment, zone: moment.replace(tzinfo=zone),
                     floating_datetimes(), offsets())


def datetimes() -> st.SearchStrategy[datetime]:
    """Floating or aware datetimes in 1900-2100."""
    return st.one_of(floating_datetimes(), aware_datetimes())


def granularities() -> st.SearchStrategy[Granularity]:
    return st.sampled_from(list(Granularity))


def partitions() -> st.SearchStrategy[Granularity]:
    """Granularities whose granules tile time (everything but parts of days and weekends)."""
    return st.sampled_from([g for g in Granularity
                            if g not in (Granularity.PART_OF_DAY, Granularity.WEEKEND)])


def parts_of_day() -> st.SearchStrategy[PartOfDay]:
    return st.sampled_from(list(PartOfDay))


@st.composite
def timex_values(draw: st.DrawFn) -> str:
    """The TIMEX3 value of some granule of a generated datetime (any granularity)."""
    granularity = draw(granularities())
    moment = draw(aware_datetimes() if granularity in CLOCK else floating_datetimes())
    return timex.render(granularity, moment, draw(parts_of_day()))


@st.composite
def granule_values(draw: st.DrawFn,
                   mods: tuple[Mod | None, ...] = GRANULE_MODS) -> TimeValue:
    """A ``TimeValue.of_granule``: any granularity, any of ``mods``, floating or aware.

    An aware moment gives a granule in its own zone (an aware interval), even where the
    TIMEX3 value, a date, cannot carry the zone.
    """
    granularity = draw(granularities())
    moment = draw(datetimes())
    part = draw(parts_of_day()) if granularity is Granularity.PART_OF_DAY else None
    return TimeValue.of_granule(granularity, moment, mod=draw(st.sampled_from(mods)),
                                part=part)


@st.composite
def intervals(draw: st.DrawFn, *, floating: bool | None = None,
              bounded: bool = False) -> Interval:
    """A non-empty interval, floating or aware (``floating=None``: either), maybe open."""
    if floating is None:
        floating = draw(st.booleans())
    moments = floating_datetimes() if floating else aware_datetimes()
    a, b = draw(moments), draw(moments)
    if a == b:
        b = a + timedelta(seconds=draw(st.integers(min_value=1, max_value=10**6)))
    lo, hi = (a, b) if a < b else (b, a)
    start: datetime | None = lo
    end: datetime | None = hi
    if not bounded:
        open_side = draw(st.sampled_from(["none"] * 4 + ["start", "end"]))
        start = None if open_side == "start" else lo
        end = None if open_side == "end" else hi
    return Interval(start, end)


_DATE_LETTERS = ("ML", "CE", "DE", "Y", "H", "Q", "M", "W", "WE", "D")
_CLOCK_LETTERS = ("H", "M", "S")


def amounts() -> st.SearchStrategy[str]:
    """Amounts as TIMEX3 writes them canonically: ``3``, ``1.5``, ``0.25`` or ``X``."""
    whole = st.integers(min_value=0, max_value=10**6).map(str)
    decimal = st.builds(
        lambda units, places: f"{units}.{places}",
        st.integers(min_value=0, max_value=10**6),
        st.integers(min_value=1, max_value=10**8).filter(lambda n: n % 10 != 0).map(str),
    )
    return st.one_of(whole, decimal, st.just("X"))


@st.composite
def durations(draw: st.DrawFn) -> str:
    """A canonical TIMEX3 duration (``P3Y``, ``PT2H``, ``P1DT1.5H``, ``PXD``), not too long."""
    date = draw(st.lists(st.tuples(amounts(), st.sampled_from(_DATE_LETTERS)), max_size=3))
    clock = draw(st.lists(st.tuples(amounts(), st.sampled_from(_CLOCK_LETTERS)),
                          min_size=0 if date else 1, max_size=3))
    text = "P" + "".join(a + u for a, u in date)
    text += "T" + "".join(a + u for a, u in clock) if clock else ""
    assume(len(text) <= MAX_LENGTH)
    return text
