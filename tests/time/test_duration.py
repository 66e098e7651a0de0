"""TIMEX3 durations: parsing, writing back, and lengths in calendar arithmetic."""

from __future__ import annotations

from datetime import datetime
from fractions import Fraction

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from strategies import durations

from timeline.errors import TimexError
from timeline.time.duration import Duration, Unit


@pytest.mark.parametrize(("value", "parts"), [
    ("P3Y", ((Unit.YEAR, Fraction(3)),)),
    ("PT2H", ((Unit.HOUR, Fraction(2)),)),
    ("PXD", ((Unit.DAY, None),)),
    ("P1DE", ((Unit.DECADE, Fraction(1)),)),  # DE is a decade, not a day then E
    ("P2WE", ((Unit.WEEKEND, Fraction(2)),)),
    ("P1H", ((Unit.HALF, Fraction(1)),)),  # H before T is a half-year
    ("P1M", ((Unit.MONTH, Fraction(1)),)),
    ("PT1M", ((Unit.MINUTE, Fraction(1)),)),
    ("P1.5Y", ((Unit.YEAR, Fraction(3, 2)),)),
    ("P1DT12H", ((Unit.DAY, Fraction(1)), (Unit.HOUR, Fraction(12)))),
    ("P2CE", ((Unit.CENTURY, Fraction(2)),)),
    ("P1ML", ((Unit.MILLENNIUM, Fraction(1)),)),
    ("P3Q", ((Unit.QUARTER, Fraction(3)),)),
    ("PT30S", ((Unit.SECOND, Fraction(30)),)),
])
def test_from_timex(value: str, parts: tuple[tuple[Unit, Fraction | None], ...]) -> None:
    duration = Duration.from_timex(value)
    assert duration.parts == parts
    assert duration.to_timex() == value
    assert str(duration) == value


@pytest.mark.parametrize("value", [
    "", "P", "PT", "3Y", "P3", "P3YT", "PT2D", "P1.Y", "P.5Y", "P-1Y", "P3y", "P1DT", "PTT1H",
    "P" + "1" * 70 + "Y",  # too long
])
def test_malformed(value: str) -> None:
    with pytest.raises(TimexError, match="duration"):
        Duration.from_timex(value)


def test_known() -> None:
    assert Duration.from_timex("P3Y").known
    assert not Duration.from_timex("PXD").known
    assert not Duration.from_timex("P1YXM").known


@pytest.mark.parametrize(("value", "length"), [
    ("P3Y", relativedelta(years=3)),
    ("P1.5Y", relativedelta(years=1, months=6)),
    ("P2WE", relativedelta(days=4)),
    ("P1DE", relativedelta(years=10)),
    ("PT90M", relativedelta(hours=1, minutes=30)),
    ("P0.5D", relativedelta(hours=12)),
])
def test_to_relativedelta(value: str, length: relativedelta) -> None:
    assert Duration.from_timex(value).to_relativedelta() == length


def test_before_and_after() -> None:
    three_years = Duration.of(Unit.YEAR, 3)
    assert three_years.before(datetime(2025, 2, 24)) == datetime(2022, 2, 24)
    assert three_years.after(datetime(2024, 2, 29)) == datetime(2027, 2, 28)
    assert Duration.of(Unit.DAY, None).before(datetime(2025, 2, 24)) is None
    assert Duration.of(Unit.DAY, None).to_relativedelta() is None


def test_of() -> None:
    assert Duration.of(Unit.WEEK, 2).to_timex() == "P2W"
    assert Duration.of(Unit.HOUR, Fraction(1, 2)).to_timex() == "PT0.5H"
    with pytest.raises(ValueError, match="1"):
        Duration(())


def test_decimal_amounts_are_written_exactly() -> None:
    # Written with format(float, "g"), these rounded to six digits (P123456Y).
    assert Duration.from_timex("P123456.5Y").to_timex() == "P123456.5Y"
    assert Duration.from_timex("P0.1234567D").to_timex() == "P0.1234567D"
    assert Duration.of(Unit.DAY, Fraction(1, 3)).to_timex() == "P0.333333333333D"


@given(durations())
def test_timex_round_trip(value: str) -> None:
    assert Duration.from_timex(value).to_timex() == value
