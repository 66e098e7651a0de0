"""Half-open intervals and the floating/absolute zone model (see ``interval.py``'s docstring).

A floating (civil) time is certain against an absolute instant only when it is so in
every zone from UTC-12 to UTC+14: the floating day 24 February 2025 possibly covers
[23T10:00Z, 25T12:00Z) and certainly covers nothing, as 26 h of offsets exceed its 24 h.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import datetimes, floating_datetimes, intervals

from timeline.errors import QueryError, ResolveError
from timeline.time.granularity import Granularity
from timeline.time.interval import (
    FIRST_YEAR,
    LAST_YEAR,
    Interval,
    check_interval,
    check_moment,
    clock_reading,
    in_calendar,
    is_before,
    is_floating,
    is_on_or_before,
    utc_range,
)
from timeline.time.value import Mod, TimeValue

DAY = Interval.of(date(2025, 2, 24), date(2025, 2, 25))  # floating


def z(*args: int) -> datetime:
    """An instant in UTC."""
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def within(inner: Interval, outer: Interval) -> bool:
    """Whether ``inner`` lies inside ``outer`` (same frame)."""
    starts_inside = outer.start is None or (inner.start is not None and outer.start <= inner.start)
    ends_inside = outer.end is None or (inner.end is not None and inner.end <= outer.end)
    return starts_inside and ends_inside


# --- construction -------------------------------------------------------------------------


def test_dates_become_floating_midnights() -> None:
    assert Interval(datetime(2025, 2, 24), datetime(2025, 2, 25)) == DAY
    assert DAY.floating and DAY.bounded
    assert str(DAY) == "[2025-02-24, 2025-02-25)"
    assert str(Interval(None, datetime(2025, 2, 24, 12))) == "[-inf, 2025-02-24T12:00:00)"


@pytest.mark.parametrize(("start", "end"), [
    (datetime(2025, 2, 24), datetime(2025, 2, 24)),
    (datetime(2025, 2, 25), datetime(2025, 2, 24)),
    (z(2025, 2, 24, 12), datetime(2025, 2, 24, 12, tzinfo=timezone(timedelta(hours=1)))),
])
def test_empty_intervals_are_refused(start: datetime, end: datetime) -> None:
    with pytest.raises(ValueError, match="empty"):
        Interval(start, end)


def test_mixed_frames_are_refused() -> None:
    with pytest.raises(ValueError, match="mixes floating and absolute"):
        Interval(datetime(2025, 2, 24), z(2025, 2, 25))


def test_unbounded_interval_counts_as_floating() -> None:
    assert Interval(None, None).floating
    assert not Interval(z(2025, 2, 24), None).floating
    assert not Interval(None, None).bounded


@given(datetimes(), datetimes())
def test_no_interval_is_ever_empty(a: datetime, b: datetime) -> None:
    assume(is_floating(a) == is_floating(b))
    if a < b:
        interval = Interval(a, b)
        assert interval.start is not None and interval.end is not None
        assert interval.start < interval.end
    else:
        with pytest.raises(ValueError, match="empty"):
            Interval(a, b)


# --- floating against absolute -----------------------------------------------------------


def test_utc_range_of_a_floating_midnight() -> None:
    assert utc_range(datetime(2025, 2, 24)) == (z(2025, 2, 23, 10), z(2025, 2, 24, 12))
    aware = datetime(2025, 2, 24, 9, tzinfo=timezone(timedelta(hours=-5)))
    assert utc_range(aware) == (z(2025, 2, 24, 14), z(2025, 2, 24, 14))


@pytest.mark.parametrize(("moment", "expected"), [
    (z(2025, 2, 23, 9, 59), False),  # before midnight even at UTC+14
    (z(2025, 2, 23, 10), None),  # midnight at UTC+14: inside there, before it elsewhere
    (z(2025, 2, 24, 11), None),  # inside the day at UTC+0, not yet at UTC-12
    # 12:30Z is inside the day from UTC-12 to UTC+11, but at UTC+14 it is 02:30 on the 25th
    (z(2025, 2, 24, 12, 30), None),
    (z(2025, 2, 25, 11, 59), None),  # still the 24th at UTC-12
    (z(2025, 2, 25, 12), False),  # the 25th everywhere
    (z(2025, 2, 25, 13), False),
])
def test_floating_day_contains_instant(moment: datetime, expected: bool | None) -> None:
    assert DAY.contains(moment) is expected


@pytest.mark.parametrize(("moment", "expected"), [
    (datetime(2025, 2, 24), True),
    (date(2025, 2, 24), True),
    (datetime(2025, 2, 24, 23, 59, 59), True),
    (datetime(2025, 2, 25), False),  # the exclusive end
    (datetime(2025, 2, 23, 23, 59), False),
])
def test_floating_day_contains_floating(moment: date | datetime, expected: bool) -> None:
    assert DAY.contains(moment) is expected


def test_no_instant_is_certainly_inside_a_floating_day() -> None:
    assert DAY.to_absolute(widest=False) is None
    assert DAY.to_absolute() == Interval(z(2025, 2, 23, 10), z(2025, 2, 25, 12))
    three_days = Interval.of(date(2025, 2, 24), date(2025, 2, 27))
    assert three_days.to_absolute(widest=False) == Interval(z(2025, 2, 24, 12),
                                                           z(2025, 2, 26, 10))
    absolute = Interval(z(2025, 2, 24), z(2025, 2, 25))
    assert absolute.to_absolute() is absolute and absolute.to_absolute(widest=False) is absolute
    assert Interval(None, datetime(2025, 2, 24)).to_absolute() == Interval(None, z(2025, 2, 24, 12))


@pytest.mark.parametrize(("a", "b", "expected"), [
    (datetime(2025, 2, 24), datetime(2025, 2, 24, 0, 1), True),
    (z(2025, 2, 24), z(2025, 2, 24), False),
    (datetime(2025, 2, 24), z(2025, 2, 24, 12), None),  # a is 24T12:00Z at UTC-12
    (datetime(2025, 2, 24), z(2025, 2, 24, 12, 0, 1), True),
    (datetime(2025, 2, 24), z(2025, 2, 23, 10), False),  # earliest: equal, not before
    (datetime(2025, 2, 24), z(2025, 2, 23, 10, 0, 1), None),
    (z(2025, 2, 23, 9, 59), datetime(2025, 2, 24), True),
    (z(2025, 2, 24, 12), datetime(2025, 2, 24), False),
])
def test_is_before_is_tri_state(a: datetime, b: datetime, expected: bool | None) -> None:
    assert is_before(a, b) is expected


def test_is_on_or_before() -> None:
    assert is_on_or_before(datetime(2025, 2, 24), datetime(2025, 2, 24)) is True
    assert is_on_or_before(z(2025, 2, 23, 10), datetime(2025, 2, 24)) is True  # UTC+14 midnight
    assert is_on_or_before(z(2025, 2, 24, 12), datetime(2025, 2, 24)) is None  # only at UTC-12
    assert is_on_or_before(datetime(2025, 2, 24), z(2025, 2, 24)) is None
    assert is_on_or_before(datetime(2025, 2, 25), z(2025, 2, 24, 9)) is False


@pytest.mark.parametrize(("moment", "ends_by", "starts_by"), [
    (z(2025, 2, 23, 9), False, False),  # not begun anywhere
    (z(2025, 2, 24, 9), False, None),  # begun east of UTC-12, over nowhere (UTC+14: 23:00)
    (z(2025, 2, 24, 11), None, None),  # already over at UTC+14, not begun at UTC-12
    (z(2025, 2, 24, 12), None, True),  # begun everywhere
    (z(2025, 2, 25, 11), None, True),  # still going at UTC-12
    (z(2025, 2, 25, 12), True, True),  # over everywhere
    (datetime(2025, 2, 25), True, True),
    (datetime(2025, 2, 24, 12), False, True),
])
def test_ends_by_and_starts_by(moment: datetime, ends_by: bool | None,
                               starts_by: bool | None) -> None:
    assert DAY.ends_by(moment) is ends_by
    assert DAY.starts_by(moment) is starts_by


def test_open_ends_have_begun_and_never_end() -> None:
    since = Interval(None, datetime(2025, 2, 24))
    until = Interval(datetime(2025, 2, 24), None)
    assert since.starts_by(z(1900, 1, 1)) is True
    assert until.ends_by(z(2100, 1, 1)) is False
    assert until.contains(z(2100, 1, 1)) is True
    assert since.contains(datetime(2025, 2, 23)) is True


# --- intersection and hull ---------------------------------------------------------------


def test_intersection_in_one_frame() -> None:
    week = Interval.of(date(2025, 2, 17), date(2025, 2, 24))
    assert week.intersect(DAY) is None  # adjacent, half-open: nothing shared
    assert week.intersect(Interval.of(date(2025, 2, 23), None)) == Interval.of(
        date(2025, 2, 23), date(2025, 2, 24))
    assert week.hull(DAY) == Interval.of(date(2025, 2, 17), date(2025, 2, 25))


def test_mixed_frame_intersection_uses_the_widest_absolute_frame() -> None:
    morning_utc = Interval(z(2025, 2, 24), z(2025, 2, 24, 6))
    assert DAY.intersect(morning_utc) == morning_utc
    assert morning_utc.intersect(DAY) == morning_utc
    # The floating day possibly reaches 25T12:00Z, so it meets an instant range after midnight UTC.
    late = Interval(z(2025, 2, 25, 6), z(2025, 2, 26))
    assert DAY.intersect(late) == Interval(z(2025, 2, 25, 6), z(2025, 2, 25, 12))
    assert DAY.intersect(Interval(z(2025, 2, 25, 12), None)) is None
    assert DAY.hull(late) == Interval(z(2025, 2, 23, 10), z(2025, 2, 26))


@given(intervals(), intervals())
def test_intersection_never_widens_and_is_symmetric(a: Interval, b: Interval) -> None:
    common = a.intersect(b)
    assert common == b.intersect(a)
    if common is None:
        return
    x, y = a._aligned(b)
    assert within(common, x) and within(common, y)
    if common.bounded:
        assert common.start is not None and common.end is not None
        assert common.start < common.end  # never empty


@given(intervals(), intervals())
def test_hull_contains_both(a: Interval, b: Interval) -> None:
    hull = a.hull(b)
    assert hull == b.hull(a)
    x, y = a._aligned(b)
    assert within(x, hull) and within(y, hull)


@given(intervals(floating=True))
def test_intersection_with_itself_is_itself(a: Interval) -> None:
    assert a.intersect(a) == a
    assert a.hull(a) == a


@given(intervals(floating=True, bounded=True))
def test_certain_within_possible(a: Interval) -> None:
    widest = a.to_absolute()
    certain = a.to_absolute(widest=False)
    assert widest is not None
    if certain is not None:
        assert within(certain, widest)


@given(floating_datetimes(), intervals(floating=True, bounded=True))
def test_contains_agrees_with_bounds(moment: datetime, a: Interval) -> None:
    assert a.start is not None and a.end is not None
    assert a.contains(moment) is (a.start <= moment < a.end)


@given(intervals())
def test_iso_round_trip(a: Interval) -> None:
    assert Interval.from_iso(*a.to_iso()) == a
    assert Interval.from_iso(*a.to_iso(dates=True)) == a


@pytest.mark.parametrize(("interval", "shown"), [
    (Interval(datetime(2025, 2, 24), datetime(2025, 2, 24, 17, 59, 59, 999_999)),
     "[2025-02-24, 2025-02-24T18:00:00)"),
    (Interval(datetime(2025, 2, 24, 0, 0, 0, 2), None), "[2025-02-24, +inf)"),
    (Interval(None, datetime(2025, 2, 24, 23, 59, 59, 999_990)), "[-inf, 2025-02-25)"),
    # Not a strict order's step: a bound a hundred microseconds off is shown as it is.
    (Interval(datetime(2025, 2, 24, 0, 0, 0, 100), None), "[2025-02-24T00:00:00.000100, +inf)"),
])
def test_printing_shows_a_strict_orders_step_as_the_whole_second(interval: Interval,
                                                                 shown: str) -> None:
    assert str(interval) == shown
    assert Interval.from_iso(*interval.to_iso()) == interval  # the exact bounds are kept


# --- the supported calendar (#13) ----------------------------------------------------


@pytest.mark.parametrize(("moment", "inside"), [
    (date(200, 1, 1), True),
    (datetime(9799, 12, 31, 23, 59, tzinfo=timezone(-timedelta(hours=12))), True),
    (date(199, 12, 31), False), (date(9800, 1, 1), False), (date(1, 1, 1), False),
    (datetime(9999, 12, 31, 23, tzinfo=timezone(-timedelta(hours=5))), False),
])
def test_in_calendar(moment: date, inside: bool) -> None:
    # Issue 13: the one range, on the moment's own clock.
    assert in_calendar(moment) is inside
    if inside:
        assert check_moment(moment) is moment
    else:
        with pytest.raises(ResolveError, match=re.escape(moment.isoformat())):
            check_moment(moment)


@given(st.datetimes(min_value=datetime(FIRST_YEAR, 1, 1),
                    max_value=datetime(LAST_YEAR, 12, 31, 23, 59, 59, 999999)),
       st.sampled_from([None, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12)),
                        timezone(timedelta(minutes=-1))]),
       st.sampled_from(list(Granularity)))
def test_nothing_the_model_does_in_the_calendar_overflows(moment: datetime, zone: timezone | None,
                                                         granularity: Granularity) -> None:
    # Issue 13: the range's why, as a law: a moment in it, read in every zone, in the
    # granule of any size holding it, "about" that granule, a day on, stays in datetime.
    moment = moment.replace(tzinfo=zone)
    utc_range(moment)
    if granularity is not Granularity.PART_OF_DAY:
        v = TimeValue.of_granule(granularity, moment, mod=Mod.APPROX)
        assert v.interval is not None and v.interval.end is not None
        v.interval.to_absolute()
        v.interval.end + timedelta(days=1)
        assert v.edtf is not None


def test_check_interval_names_it() -> None:
    assert check_interval(Interval.of(date(9799, 12, 31), date(9800, 1, 1))) is not None
    with pytest.raises(QueryError, match=r"window: \[9800-01-01, \+inf\) is outside"):
        check_interval(Interval.of(date(9800, 1, 1), None), error=QueryError, what="window")


# --- bounds in a zone's DST gap or fold (#13) -----------------------------------------
def test_a_bound_in_a_fold_or_gap_equals_its_fixed_offset_copy() -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    london = zoneinfo.ZoneInfo("Europe/London")
    for wall in (datetime(2025, 10, 26, 1, 30, fold=1, tzinfo=london),   # fold
                 datetime(2025, 3, 30, 1, 30, tzinfo=london)):           # gap
        interval = Interval(wall, wall.replace(hour=5))
        assert interval.start is not None
        copy = Interval(datetime.fromisoformat(interval.start.isoformat()), interval.end)
        assert copy == interval
        assert interval.start.utcoffset() == wall.utcoffset()
    ordinary = datetime(2025, 6, 1, 12, tzinfo=london)
    assert Interval(ordinary, None).start.tzinfo is london  # type: ignore[union-attr]


def test_clock_reading_moves_a_gap_wall_time_to_the_clock() -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    london = zoneinfo.ZoneInfo("Europe/London")
    gap = datetime(2025, 3, 30, 1, 30, tzinfo=london)
    assert clock_reading(gap).replace(tzinfo=None) == datetime(2025, 3, 30, 2, 30)
    assert clock_reading(gap) == gap.astimezone(UTC)
    fold = datetime(2025, 10, 26, 1, 30, fold=1, tzinfo=london)
    assert (clock_reading(fold).hour, clock_reading(fold).fold) == (1, 1)
    floating = datetime(2025, 3, 30, 1, 30)
    assert clock_reading(floating) is floating


def test_an_end_at_the_first_instant_python_has_is_outside_the_calendar() -> None:
    """``interval_problem`` names it instead of overflowing (#13, found by the harness)."""
    from timeline.time.interval import interval_problem

    first = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14)))
    problem = interval_problem(Interval(None, first))
    assert problem is not None and "outside the supported calendar" in problem
    assert interval_problem(Interval(None, datetime(1, 1, 1))) is not None
