"""TIMEX3 date and time values to and from granules."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import (
    aware_datetimes,
    floating_datetimes,
    granularities,
    partitions,
    parts_of_day,
    timex_values,
)

from timeline.errors import TimexError
from timeline.time import timex
from timeline.time.granularity import Granularity, PartOfDay
from timeline.time.interval import Interval

G = Granularity
MINUS_5 = timezone(timedelta(hours=-5))


@pytest.mark.parametrize(("value", "granularity", "start", "end"), [
    ("2025-02-24", G.DAY, datetime(2025, 2, 24), datetime(2025, 2, 25)),
    ("2025-02", G.MONTH, datetime(2025, 2, 1), datetime(2025, 3, 1)),
    ("2025", G.YEAR, datetime(2025, 1, 1), datetime(2026, 1, 1)),
    ("2025-W08", G.WEEK, datetime(2025, 2, 17), datetime(2025, 2, 24)),
    ("2025-W09-WE", G.WEEKEND, datetime(2025, 3, 1), datetime(2025, 3, 3)),
    ("2025-W08-3", G.DAY, datetime(2025, 2, 19), datetime(2025, 2, 20)),
    ("2020-W53", G.WEEK, datetime(2020, 12, 28), datetime(2021, 1, 4)),
    ("2025-02-24TEV", G.PART_OF_DAY, datetime(2025, 2, 24, 17), datetime(2025, 2, 25)),
    ("2025-02-24TNI", G.PART_OF_DAY, datetime(2025, 2, 24, 20), datetime(2025, 2, 25, 6)),
    ("2025-02-24TMO", G.PART_OF_DAY, datetime(2025, 2, 24, 5), datetime(2025, 2, 24, 12)),
    ("2025-02-25T11:38", G.MINUTE, datetime(2025, 2, 25, 11, 38), datetime(2025, 2, 25, 11, 39)),
    ("2025-02-25T11", G.HOUR, datetime(2025, 2, 25, 11), datetime(2025, 2, 25, 12)),
    ("2025-02-25T11:38:05", G.SECOND, datetime(2025, 2, 25, 11, 38, 5),
     datetime(2025, 2, 25, 11, 38, 6)),
    ("2025-02-25T11:38:00-05:00", G.SECOND, datetime(2025, 2, 25, 11, 38, tzinfo=MINUS_5),
     datetime(2025, 2, 25, 11, 38, 1, tzinfo=MINUS_5)),
    ("2025-02-25T11:38Z", G.MINUTE, datetime(2025, 2, 25, 11, 38, tzinfo=UTC),
     datetime(2025, 2, 25, 11, 39, tzinfo=UTC)),
    ("2025-02-25T11:38+0530", G.MINUTE,
     datetime(2025, 2, 25, 11, 38, tzinfo=timezone(timedelta(hours=5, minutes=30))),
     datetime(2025, 2, 25, 11, 39, tzinfo=timezone(timedelta(hours=5, minutes=30)))),
    ("2025-Q1", G.QUARTER, datetime(2025, 1, 1), datetime(2025, 4, 1)),
    ("2024-H2", G.HALF, datetime(2024, 7, 1), datetime(2025, 1, 1)),
    ("2025-SP", G.SEASON, datetime(2025, 3, 1), datetime(2025, 6, 1)),
    ("2025-SU", G.SEASON, datetime(2025, 6, 1), datetime(2025, 9, 1)),
    ("2025-FA", G.SEASON, datetime(2025, 9, 1), datetime(2025, 12, 1)),
    ("2025-WI", G.SEASON, datetime(2025, 12, 1), datetime(2026, 3, 1)),
    ("199", G.DECADE, datetime(1990, 1, 1), datetime(2000, 1, 1)),
    ("199X", G.DECADE, datetime(1990, 1, 1), datetime(2000, 1, 1)),
    ("18", G.CENTURY, datetime(1800, 1, 1), datetime(1900, 1, 1)),
    ("18XX", G.CENTURY, datetime(1800, 1, 1), datetime(1900, 1, 1)),
    # ISO 8601's end of the day: the instant the next one begins.
    ("2025-02-28T24:00", G.MINUTE, datetime(2025, 3, 1), datetime(2025, 3, 1, 0, 1)),
    ("2025-12-31T24:00", G.MINUTE, datetime(2026, 1, 1), datetime(2026, 1, 1, 0, 1)),
])
def test_parse(value: str, granularity: Granularity, start: datetime, end: datetime) -> None:
    granule = timex.parse(value)
    assert granule.granularity is granularity
    assert granule.interval == Interval(start, end)


@pytest.mark.parametrize(("value", "granularity"), [
    ("XXXX-WXX-1", G.DAY),
    ("XXXX-02-24", G.DAY),
    ("2025-XX", G.MONTH),
    ("2025-WXX", G.WEEK),
    ("XXXX-SU", G.SEASON),
    ("XXXX-02-24TEV", G.PART_OF_DAY),
    ("00", G.CENTURY),  # year 0 is outside Python's calendar
])
def test_unknown_digits_have_no_interval(value: str, granularity: Granularity) -> None:
    granule = timex.parse(value)
    assert granule.granularity is granularity
    assert granule.interval is None


@pytest.mark.parametrize("value", [
    "", "2025-2-24", "2025-02-30", "2025-13", "2025-W54", "2025-W00", "2025-Q5", "2025-H3",
    "2025-SX", "2025-02-24T25", "2025-02-24T24:30", "2025-02-24T11:60", "2025-02-24TXX",
    "0000", "20251",
    "2025-02-24 11:38", "PRESENT_REF", "P3Y", "tomorrow", "２０２５", "2025-02-24T11:38+99:00",
    "2021-W53",  # 2021 has 52 ISO weeks
    "x" * 65,
    # These end past 9999: once a bare ValueError or OverflowError escaped.
    "99", "999", "9999", "9999-12-31", "9999-12-31T23:59:59", "9999-W52-WE",
])
def test_malformed(value: str) -> None:
    with pytest.raises(TimexError):
        timex.parse(value)


def test_error_names_the_value() -> None:
    with pytest.raises(TimexError, match="'2025-02-30'"):
        timex.parse("2025-02-30")


@pytest.mark.parametrize(("granularity", "moment", "value"), [
    (G.DAY, datetime(2025, 2, 24, 15), "2025-02-24"),
    (G.WEEK, datetime(2025, 2, 19), "2025-W08"),
    (G.WEEK, datetime(2021, 1, 3), "2020-W53"),  # ISO year, not calendar year
    (G.WEEKEND, datetime(2025, 2, 24), "2025-W09-WE"),
    (G.MONTH, datetime(2025, 2, 24), "2025-02"),
    (G.SEASON, datetime(2026, 1, 15), "2025-WI"),
    (G.QUARTER, datetime(2025, 5, 1), "2025-Q2"),
    (G.HALF, datetime(2024, 8, 1), "2024-H2"),
    (G.YEAR, datetime(2025, 2, 24), "2025"),
    (G.DECADE, datetime(1994, 1, 1), "199"),
    (G.CENTURY, datetime(1850, 1, 1), "18"),
    (G.HOUR, datetime(2025, 2, 25, 11, 38), "2025-02-25T11"),
    (G.MINUTE, datetime(2025, 2, 25, 11, 38, 5), "2025-02-25T11:38"),
    (G.SECOND, datetime(2025, 2, 25, 11, 38, 5), "2025-02-25T11:38:05"),
    # No zone in a clock value (no annotated corpus writes one): the interval keeps it.
    (G.MINUTE, datetime(2025, 2, 25, 11, 38, tzinfo=UTC), "2025-02-25T11:38"),
    (G.MINUTE, datetime(2025, 2, 25, 11, 38, tzinfo=MINUS_5), "2025-02-25T11:38"),
])
def test_render(granularity: Granularity, moment: datetime, value: str) -> None:
    assert timex.render(granularity, moment) == value


def test_render_part_of_day() -> None:
    assert timex.render(G.PART_OF_DAY, datetime(2025, 2, 24), PartOfDay.EV) == "2025-02-24TEV"
    with pytest.raises(ValueError, match="part"):
        timex.render(G.PART_OF_DAY, datetime(2025, 2, 24))


@given(partitions(), st.one_of(floating_datetimes(), aware_datetimes()))
def test_rendered_granule_holds_the_moment(granularity: Granularity, moment: datetime) -> None:
    moment = moment.replace(tzinfo=None)  # values are written without a zone
    granule = timex.parse(timex.render(granularity, moment))
    assert granule.granularity is granularity
    assert granule.interval is not None
    assert granule.interval.contains(moment) is True


@given(granularities(), floating_datetimes(), parts_of_day())
def test_render_parse_render(granularity: Granularity, moment: datetime,
                             part: PartOfDay) -> None:
    value = timex.render(granularity, moment, part)
    granule = timex.parse(value)
    assert granule.interval is not None and granule.interval.start is not None
    assert timex.render(granularity, granule.interval.start, part) == value


@given(timex_values())
def test_generated_values_parse(value: str) -> None:
    assert timex.parse(value).interval is not None


#: Characters TIMEX3 values are made of, so that generated text gets past the first check.
TIMEX_ALPHABET = "0123456789-WXTQHSPUFAIEVMONDZ:+."


@given(st.one_of(st.text(max_size=80), st.text(alphabet=TIMEX_ALPHABET, max_size=30)))
def test_arbitrary_text_raises_only_timex_error(text: str) -> None:
    with contextlib.suppress(TimexError):  # anything else fails the test
        timex.parse(text)
