"""Named days computed per year (issue 6): the calendar rules and the tense in text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.tagger.resolvers.holiday import holiday_in, nth_weekday


@given(st.integers(1583, 4099))
def test_easter_is_a_sunday_between_march_22_and_april_25(year: int) -> None:
    day = holiday_in("easter:0", year)[0]
    assert day.isoweekday() == 7
    assert date(year, 3, 22) <= day <= date(year, 4, 25)


@pytest.mark.parametrize(("year", "want"), [
    (1961, date(1961, 4, 2)), (2008, date(2008, 3, 23)), (2011, date(2011, 4, 24)),
    (2019, date(2019, 4, 21)), (2038, date(2038, 4, 25)), (2285, date(2285, 3, 22)),
])
def test_easter_on_known_years(year: int, want: date) -> None:
    assert holiday_in("easter:0", year)[0] == want


@pytest.mark.parametrize(("year", "want"), [
    (2021, date(2021, 5, 2)), (2023, date(2023, 4, 16)), (2024, date(2024, 5, 5)),
    (2025, date(2025, 4, 20)),
])
def test_orthodox_easter_on_known_years(year: int, want: date) -> None:
    assert holiday_in("orthodox:0", year)[0] == want


@pytest.mark.parametrize(("text", "anchor", "value"), [
    ("the Orthodox Easter truce", date(2025, 4, 10), "2025-04-20"),  # both Easters agree
    ("Orthodox Easter 2024", date(2025, 2, 24), "2024-05-05"),
    ("Orthodox Christmas", date(2025, 1, 3), "2025-01-07"),
])
def test_orthodox_days(text: str, anchor: date, value: str) -> None:
    assert [m.value.value for m in timeline.tag(text, anchor)] == [value]


@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 7), st.integers(1, 4))
def test_the_nth_weekday_is_that_weekday_in_its_week_of_the_month(
        year: int, month: int, weekday: int, n: int) -> None:
    day = nth_weekday(year, month, weekday, n)
    assert (day.year, day.month, day.isoweekday()) == (year, month, weekday)
    assert (day.day - 1) // 7 == n - 1
    last = nth_weekday(year, month, weekday, -1)
    next_month = date(year + month // 12, month % 12 + 1, 1)
    assert last.month == month and last.isoweekday() == weekday
    assert (next_month - last).days <= 7  # within the month's last seven days


@pytest.mark.parametrize(("text", "anchor", "want"), [
    ("Stores will close on Thanksgiving.", date(2025, 11, 3), "2025-11-27"),
    ("The fire broke out on Christmas Eve.", date(2025, 1, 10), "2024-12-24"),
    ("Voters go to the polls on Election Day 2026.", date(2025, 2, 24), "2026-11-03"),
    ("Talks resumed after Easter.", date(2025, 5, 2), "2025-04-20"),
    ("Shoppers will crowd stores on Black Friday.", date(2025, 11, 3), "2025-11-28"),
    ("Sales peaked on Cyber Monday.", date(2025, 12, 10), "2025-12-01"),
])
def test_holidays_in_running_text(text: str, anchor: date, want: str) -> None:
    found = [m.timex.value for m in timeline.tag(text, anchor)]
    assert want in found, found


def test_ramadan_outside_the_calendars_tables_is_not_guessed() -> None:
    # The Umm al-Qura tables run from 1924 to 2077.
    assert [m.text for m in timeline.tag("during Ramadan 1900", date(1990, 6, 1))] == [
        "1900"]
    assert [m.text for m in timeline.tag("during Ramadan 2090", date(2090, 6, 1))] == [
        "2090"]


@pytest.mark.parametrize(("text", "anchor", "value", "interval"), [
    # 1446 AH: Ramadan had 29 days, Eid al-Fitr on 30 March.
    ("during Ramadan", date(2025, 3, 10), "2025-03", ("2025-03-01", "2025-03-30")),
    ("Eid al-Fitr", date(2025, 4, 2), "2025-03-30", ("2025-03-30", "2025-03-31")),
    ("Eid al-Adha", date(2024, 6, 1), "2024-06-16", ("2024-06-16", "2024-06-17")),
    # A month that is no calendar month is named by the smallest period holding it.
    ("during Ramadan", date(1990, 6, 1), "1990-SP", ("1990-03-27", "1990-04-26")),
    # 2030 holds two Ramadans (1451 and 1452 AH); "Ramadan 2030" is the first.
    ("Ramadan 2030", date(2025, 1, 1), "2029-WI", ("2030-01-05", "2030-02-04")),
])
def test_islamic_holidays_by_the_umm_al_qura_calendar(
        text: str, anchor: date, value: str, interval: tuple[str, str]) -> None:
    [mention] = timeline.tag(text, anchor)
    assert mention.value.value == value
    assert mention.value.interval is not None
    assert tuple(mention.value.interval.to_iso(dates=True)) == interval


@pytest.mark.parametrize("text", [
    "She was his Girl Friday.", "Robinson Crusoe and Man Friday.", "Super Tuesday primaries",
    "the crash of Black Monday", "It runs Windows 2000.",
])
def test_names_holding_a_weekday_or_a_year_are_no_dates(text: str) -> None:
    assert timeline.tag(text, date(2025, 2, 24)) == []
