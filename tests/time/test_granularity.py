"""Calendar granules: floor, span, step, thirds, and the conventions they encode."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import datetimes, floating_datetimes, granularities, partitions

from timeline.time.granularity import (
    Granularity,
    PartOfDay,
    floor,
    part_of_day_span,
    shift,
    span,
    third,
)

G = Granularity


@pytest.mark.parametrize(("granularity", "moment", "start", "end"), [
    (G.SECOND, datetime(2025, 2, 25, 11, 38, 5, 123), datetime(2025, 2, 25, 11, 38, 5),
     datetime(2025, 2, 25, 11, 38, 6)),
    (G.MINUTE, datetime(2025, 2, 25, 11, 38, 5), datetime(2025, 2, 25, 11, 38),
     datetime(2025, 2, 25, 11, 39)),
    (G.HOUR, datetime(2025, 2, 25, 11, 38), datetime(2025, 2, 25, 11), datetime(2025, 2, 25, 12)),
    (G.DAY, datetime(2025, 2, 24, 23, 59), datetime(2025, 2, 24), datetime(2025, 2, 25)),
    # ISO weeks run Monday to Sunday; 19 February 2025 is a Wednesday of W08.
    (G.WEEK, datetime(2025, 2, 19, 8), datetime(2025, 2, 17), datetime(2025, 2, 24)),
    (G.WEEK, datetime(2025, 2, 23, 23), datetime(2025, 2, 17), datetime(2025, 2, 24)),
    # The weekend of an ISO week is its Saturday and Sunday, even seen from its Monday.
    (G.WEEKEND, datetime(2025, 2, 24), datetime(2025, 3, 1), datetime(2025, 3, 3)),
    (G.WEEKEND, datetime(2025, 3, 2, 12), datetime(2025, 3, 1), datetime(2025, 3, 3)),
    (G.MONTH, datetime(2024, 2, 29), datetime(2024, 2, 1), datetime(2024, 3, 1)),
    # Meteorological seasons; the winter of Y starts in December of Y.
    (G.SEASON, datetime(2025, 4, 10), datetime(2025, 3, 1), datetime(2025, 6, 1)),
    (G.SEASON, datetime(2025, 12, 5), datetime(2025, 12, 1), datetime(2026, 3, 1)),
    (G.SEASON, datetime(2026, 2, 28), datetime(2025, 12, 1), datetime(2026, 3, 1)),
    (G.QUARTER, datetime(2025, 6, 30), datetime(2025, 4, 1), datetime(2025, 7, 1)),
    (G.HALF, datetime(2024, 7, 1), datetime(2024, 7, 1), datetime(2025, 1, 1)),
    (G.YEAR, datetime(2025, 12, 31), datetime(2025, 1, 1), datetime(2026, 1, 1)),
    (G.DECADE, datetime(1999, 12, 31), datetime(1990, 1, 1), datetime(2000, 1, 1)),
    (G.CENTURY, datetime(1899, 5, 1), datetime(1800, 1, 1), datetime(1900, 1, 1)),
])
def test_floor_and_span(granularity: Granularity, moment: datetime, start: datetime,
                        end: datetime) -> None:
    assert floor(granularity, moment) == start
    assert span(granularity, start) == (start, end)


def test_parts_of_day_have_no_floor() -> None:
    with pytest.raises(ValueError, match="part of day"):
        floor(G.PART_OF_DAY, datetime(2025, 2, 24, 18))


@pytest.mark.parametrize(("part", "start", "end"), [
    (PartOfDay.MO, datetime(2025, 2, 24, 5), datetime(2025, 2, 24, 12)),
    (PartOfDay.EV, datetime(2025, 2, 24, 17), datetime(2025, 2, 25)),
    (PartOfDay.NI, datetime(2025, 2, 24, 20), datetime(2025, 2, 25, 6)),  # into the morning
])
def test_part_of_day_span(part: PartOfDay, start: datetime, end: datetime) -> None:
    assert part_of_day_span(datetime(2025, 2, 24), part) == (start, end)


def test_ranks_order_finest_first() -> None:
    assert G.SECOND < G.MINUTE < G.DAY < G.WEEK < G.MONTH < G.YEAR < G.CENTURY
    assert G.CENTURY > G.DECADE >= G.DECADE
    assert G.DAY <= G.DAY and not G.DAY < G.DAY
    assert [g.rank for g in G] == list(range(len(G)))


def test_shift_steps_whole_granules() -> None:
    assert shift(G.MONTH, datetime(2025, 1, 1), 2) == datetime(2025, 3, 1)
    assert shift(G.WEEK, datetime(2025, 2, 17), -1) == datetime(2025, 2, 10)
    assert shift(G.QUARTER, datetime(2025, 10, 1), 1) == datetime(2026, 1, 1)


@pytest.mark.parametrize(("granularity", "start", "which", "expected"), [
    # "late 2025": September-December (a third of 12 months, rounded outward)
    (G.YEAR, datetime(2025, 1, 1), 2, (datetime(2025, 9, 1), datetime(2026, 1, 1))),
    (G.YEAR, datetime(2025, 1, 1), 0, (datetime(2025, 1, 1), datetime(2025, 5, 1))),
    # "early February": 1-10 February; "mid-February" 10-19, sharing the 10th
    (G.MONTH, datetime(2025, 2, 1), 0, (datetime(2025, 2, 1), datetime(2025, 2, 11))),
    (G.MONTH, datetime(2025, 2, 1), 1, (datetime(2025, 2, 10), datetime(2025, 2, 20))),
    # "the end of the week": Friday-Sunday
    (G.WEEK, datetime(2025, 2, 17), 2, (datetime(2025, 2, 21), datetime(2025, 2, 24))),
    (G.DAY, datetime(2025, 2, 24), 1, (datetime(2025, 2, 24, 8), datetime(2025, 2, 24, 16))),
    (G.DECADE, datetime(1990, 1, 1), 0, (datetime(1990, 1, 1), datetime(1994, 1, 1))),
    (G.CENTURY, datetime(1800, 1, 1), 2, (datetime(1866, 1, 1), datetime(1900, 1, 1))),
])
def test_third(granularity: Granularity, start: datetime, which: int,
               expected: tuple[datetime, datetime]) -> None:
    assert third(granularity, start, which) == expected


@given(partitions(), datetimes())
def test_floor_holds_the_moment(granularity: Granularity, moment: datetime) -> None:
    start = floor(granularity, moment)
    lo, hi = span(granularity, start)
    assert lo <= moment < hi
    assert floor(granularity, start) == start  # a floor is its own floor
    assert floor(granularity, hi) == hi  # granules tile: the next one starts at the end


@given(floating_datetimes())
def test_week_granules_contain_their_anchor(moment: datetime) -> None:
    lo, hi = span(G.WEEK, floor(G.WEEK, moment))
    assert lo <= moment < hi
    assert lo.weekday() == 0 and hi - lo == timedelta(days=7)
    weekend_lo, weekend_hi = span(G.WEEKEND, floor(G.WEEKEND, moment))
    assert lo < weekend_lo < weekend_hi == hi  # the weekend closes its week
    assert weekend_lo.weekday() == 5


@given(granularities().filter(lambda g: g not in (G.SECOND, G.PART_OF_DAY)),
       floating_datetimes())
def test_thirds_lie_inside_and_cover_the_granule(granularity: Granularity,
                                                 moment: datetime) -> None:
    start = floor(granularity, moment)
    lo, hi = span(granularity, start)
    pieces = [third(granularity, start, which) for which in range(3)]
    for piece_lo, piece_hi in pieces:
        assert lo <= piece_lo < piece_hi <= hi
    (s_lo, s_hi), (m_lo, m_hi), (e_lo, e_hi) = pieces
    assert s_lo == lo and e_hi == hi
    assert m_lo <= s_hi and e_lo <= m_hi  # START ∪ MID ∪ END covers it, no gap
    assert s_lo <= m_lo <= e_lo and s_hi <= m_hi <= e_hi


@given(st.sampled_from([G.MINUTE, G.HOUR, G.DAY]), datetimes())
def test_thirds_keep_the_zone(granularity: Granularity, moment: datetime) -> None:
    start = floor(granularity, moment)
    for piece in third(granularity, start, 1):
        assert piece.tzinfo is moment.tzinfo


def test_the_first_decade_and_century_end_where_their_unit_does() -> None:
    """#13: there is no year 0, so 00XX starts in year 1, and still ends with year 99
    (it ran to year 100, and its EDTF '00XX' read back as another interval)."""
    from timeline.time.value import TimeValue

    assert str(TimeValue.from_timex("00XX").interval) == "[0001-01-01, 0100-01-01)"
    assert str(TimeValue.from_timex("000X").interval) == "[0001-01-01, 0010-01-01)"
    assert str(TimeValue.from_timex("01XX").interval) == "[0100-01-01, 0200-01-01)"
    again = TimeValue.from_edtf(TimeValue.from_timex("00XX").edtf or "")
    assert again.interval == TimeValue.from_timex("00XX").interval
