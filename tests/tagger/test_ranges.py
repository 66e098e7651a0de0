"""A range said as one phrase resolves to one interval (timeline/tagger/ranges.py, #12)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline.errors import ResolveError, TimelineError
from timeline.tagger.resolve import resolve_mention

MONDAY = date(2025, 2, 24)


def _interval(text: str, anchor: date = MONDAY, tense: str | None = None) -> list[str | None]:
    return timeline.resolve(text, anchor, tense=tense).to_dict()["interval"]


@pytest.mark.parametrize(("text", "interval"), [
    # Dates of any size, joined as news joins them; the last day is held whole.
    ("from March 3 to March 5", ["2025-03-03", "2025-03-06"]),
    ("from March 3 to 5", ["2025-03-03", "2025-03-06"]),
    ("March 3 - 5", ["2025-03-03", "2025-03-06"]),
    ("3 - 5 March", ["2025-03-03", "2025-03-06"]),
    ("March 3 \u2013 April 5", ["2025-03-03", "2025-04-06"]),
    ("Monday through Wednesday", ["2025-02-24", "2025-02-27"]),
    ("Monday thru Wednesday", ["2025-02-24", "2025-02-27"]),
    ("from Monday until Wednesday", ["2025-02-24", "2025-02-27"]),
    ("Monday-Wednesday", ["2025-02-24", "2025-02-27"]),
    ("between Monday and Wednesday", ["2025-02-24", "2025-02-27"]),
    ("from 1990 to 1995", ["1990-01-01", "1996-01-01"]),
    ("from 2025-02-24 till 2025-03-01", ["2025-02-24", "2025-03-02"]),
    # Clock times end at the instant they name.
    ("between 2:30 p.m. and 4 p.m.", ["2025-02-24T14:30:00", "2025-02-24T16:00:00"]),
    ("2:30 p.m. to 4 p.m.", ["2025-02-24T14:30:00", "2025-02-24T16:00:00"]),
    ("from 10 a.m. to noon", ["2025-02-24T10:00:00", "2025-02-24T12:00:00"]),
    ("from 10 p.m. to midnight", ["2025-02-24T22:00:00", "2025-02-25"]),
])
def test_a_range_runs_from_the_first_start_to_the_second_end(
        text: str, interval: list[str]) -> None:
    assert _interval(text) == interval


@pytest.mark.parametrize(("text", "interval"), [
    # The meridiem is shared, either way round; of the two, the shorter range.
    ("from 9 to 11 a.m.", ["2025-02-24T09:00:00", "2025-02-24T11:00:00"]),
    ("between 2 and 4 p.m.", ["2025-02-24T14:00:00", "2025-02-24T16:00:00"]),
    ("from 2:30 to 4 p.m.", ["2025-02-24T14:30:00", "2025-02-24T16:00:00"]),
    ("from 11 to 1 p.m.", ["2025-02-24T11:00:00", "2025-02-24T13:00:00"]),
    ("from 11 a.m. to 2", ["2025-02-24T11:00:00", "2025-02-24T14:00:00"]),
    ("from 9 p.m. to 1", ["2025-02-24T21:00:00", "2025-02-25T01:00:00"]),
    # The zone too.
    ("from 2 to 4 p.m. ET", ["2025-02-24T14:00:00-05:00", "2025-02-24T16:00:00-05:00"]),
    ("from 2 p.m. to 4 p.m. ET", ["2025-02-24T14:00:00-05:00", "2025-02-24T16:00:00-05:00"]),
    # The year, from whichever end states it.
    ("from March 3, 2024 to March 5", ["2024-03-03", "2024-03-06"]),
    ("from March 3 to March 5, 2024", ["2024-03-03", "2024-03-06"]),
    ("from Dec. 20 to Jan. 5, 2024", ["2023-12-20", "2024-01-06"]),
])
def test_an_end_takes_what_it_lacks_from_the_other(text: str, interval: list[str]) -> None:
    assert _interval(text) == interval


def test_clock_times_take_the_day_said_before_after_or_on_one_end() -> None:
    wednesday = date(2025, 2, 26)
    monday = ["2025-02-24T14:00:00", "2025-02-24T16:00:00"]
    for text in ("Monday from 2 p.m. to 4 p.m.", "Monday, from 2 to 4 p.m.",
                 "from 2 p.m. to 4 p.m. Monday", "from 2 to 4 p.m. on Monday",
                 "from 2 p.m. Monday to 4 p.m."):
        assert _interval(text, wednesday, "past") == monday, text
    assert _interval("Monday from 2 p.m. to 4 p.m.", wednesday, "future") == [
        "2025-03-03T14:00:00", "2025-03-03T16:00:00"]


def test_a_range_rises() -> None:
    tuesday = date(2025, 2, 25)
    # The past sends a bare Wednesday back a week; the range brings it after Monday.
    assert _interval("Monday through Wednesday", tuesday, "past") == [
        "2025-02-24", "2025-02-27"]
    assert _interval("from November to February") == ["2024-11-01", "2025-03-01"]
    assert _interval("Wednesday through Monday") == ["2025-02-26", "2025-03-04"]
    assert _interval("from 10 p.m. to 2 a.m.") == ["2025-02-24T22:00:00", "2025-02-25T02:00:00"]
    assert _interval("from 10 p.m. to 2 a.m. Tuesday", date(2025, 2, 27), "past") == [
        "2025-02-24T22:00:00", "2025-02-25T02:00:00"]
    assert _interval("from 9 a.m. Monday to 5 p.m. Friday", date(2025, 2, 26), "past") == [
        "2025-02-24T09:00:00", "2025-02-28T17:00:00"]
    # An end whose week is said stays where it is said.
    assert _interval("from Friday to next Friday") == ["2025-02-21", "2025-03-01"]


def test_the_value_is_the_smallest_unit_holding_both_ends() -> None:
    # As for "March 20-21": the unit's value, the interval exactly, the EDTF interval.
    cases = {
        "from March 3 to March 5": ("2025-W10", "DATE", "2025-03-03/2025-03-05"),
        "from March 20 to March 21": ("2025-W12", "DATE", "2025-03-20/2025-03-21"),
        "from March 28 to March 31": ("2025-03", "DATE", "2025-03-28/2025-03-31"),
        "from March 3, 2024 to April 5": ("2024-SP", "DATE", "2024-03-03/2024-04-05"),
        "from 1990 to 1995": ("199", "DATE", "1990/1995"),
        "from November to February": ("202", "DATE", "2024-11/2025-02"),
        "between 2:30 p.m. and 4 p.m.": ("2025-02-24", "DATE",
                                         "2025-02-24T14:30:00/2025-02-24T16:00:00"),
        "from 2 to 2:45 p.m.": ("2025-02-24T14", "TIME",
                                "2025-02-24T14:00:00/2025-02-24T14:45:00"),
    }
    for text, (value, kind, edtf) in cases.items():
        got = timeline.resolve(text, MONDAY)
        assert (got.value, got.type.value, got.edtf) == (value, kind, edtf), text


def test_the_range_is_one_mention_over_the_phrase_with_its_two_ends() -> None:
    mention = resolve_mention("from March 3 to March 5.", MONDAY)
    assert (mention.rule, mention.start, mention.end) == ("range", 0, 23)
    assert [end.value.value for end in mention.children] == ["2025-03-03", "2025-03-05"]


def test_ends_of_different_sizes_make_the_hull() -> None:
    assert _interval("from Monday to 2027") == ["2025-02-24", "2028-01-01"]
    assert _interval("from 2020 to now") == ["2020-01-01", "2025-02-25"]
    assert _interval("from early March to late April") == ["2025-03-01", "2025-05-01"]
    assert _interval("from before 2020 to 2022") == [None, "2023-01-01"]


@pytest.mark.parametrize(("text", "words"), [
    ("from March 5, 2025 to March 3, 2025", "ends ('March 3, 2025', 2025-03-03) before"),
    ("from Feb. 24, 2025 at 4 p.m. to Feb. 24, 2025 at 2 p.m.", "before it starts"),
    ("from 2027 to 2025", "before it starts"),
    ("from three weeks to a month", "'three weeks' is a duration"),
    ("from 2 p.m. ET to 4 p.m. local time", "a zone on one end only"),
])
def test_a_range_that_cannot_be_one_is_an_error_naming_it(text: str, words: str) -> None:
    with pytest.raises(ResolveError) as caught:
        timeline.resolve(text, MONDAY)
    assert text in str(caught.value) and words in str(caught.value)


@pytest.mark.parametrize("text", [
    "from Monday and Wednesday", "between Monday to Wednesday", "March 3 to the summit",
    "from 9 to 11", "Tuesday from March to May", "the vote to Friday",
])
def test_what_is_no_range_is_rejected_as_before(text: str) -> None:
    with pytest.raises(ResolveError, match="not a time expression"):
        timeline.resolve(text, MONDAY)


def test_running_text_keeps_two_timex3s_for_a_range() -> None:
    # TimeML tags the two ends; the tagger does so in running text.
    mentions = timeline.tag("The talks ran from March 3 to March 5, 2024.", MONDAY)
    assert [(m.text, m.value.value) for m in mentions] == [
        ("March 3", "2024-03-03"), ("March 5, 2024", "2024-03-05")]


def _spoken(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


@given(st.dates(date(1950, 1, 1), date(2080, 12, 31)), st.integers(0, 800),
       st.booleans(), st.sampled_from(["from {} to {}", "from {} through {}", "{} to {}",
                                       "between {} and {}", "{} - {}", "from {} until {}"]))
def test_a_range_of_two_dates_holds_both_whole(first: date, days: int, yearless: bool,
                                               form: str) -> None:
    last = first + timedelta(days=days)
    second = f"{last:%B} {last.day}" if yearless and last.year == first.year else _spoken(last)
    value = timeline.resolve(form.format(_spoken(first), second), MONDAY)
    assert value.interval is not None
    assert (value.interval.start, value.interval.end) == (
        datetime(first.year, first.month, first.day),
        datetime(last.year, last.month, last.day) + timedelta(days=1))


_ENDS = ["Monday", "Wednesday", "Friday", "March 3", "March 5, 2024", "November", "February",
         "2 p.m.", "4:30 p.m.", "9 a.m.", "noon", "1998", "2026", "next week", "last month",
         "Dec. 20", "Jan. 5, 2025", "midnight", "11", "2:30"]


@given(st.sampled_from(_ENDS), st.sampled_from(_ENDS),
       st.sampled_from(["from {} to {}", "between {} and {}", "{} through {}", "{} - {}"]),
       st.dates(date(1990, 1, 1), date(2030, 12, 31)),
       st.sampled_from([None, "past", "future"]))
def test_a_range_reaches_the_starts_of_both_its_ends(first: str, last: str, form: str,
                                                   anchor: date, tense: str | None) -> None:
    text = form.format(first, last)
    try:
        mention = resolve_mention(text, anchor, tense=tense)
    except TimelineError:
        return  # no range these words make: rejected, never another error
    interval = mention.value.interval
    assert interval is not None
    if mention.rule != "range" or len(mention.children) != 2:
        return  # one expression of its own ("2 p.m. Monday")
    first_end, last_end = mention.children
    assert first_end.value.interval is not None and last_end.value.interval is not None
    start, end = first_end.value.interval.start, last_end.value.interval.start
    assert start is not None and end is not None
    assert interval.contains(start) is True, text
    if end < start:
        # A coarser end that holds the start ("from Monday to February", Monday in
        # February): the range runs from the start to the end of it.
        assert last_end.value.interval.contains(start) is True, text
        assert interval.end == last_end.value.interval.end, text
        return
    # The second end's start is held, or, for a clock time, is the instant the range ends
    # at: "to 2 p.m." ends at 14:00, which a half-open interval does not hold.
    assert interval.contains(end) is True or interval.end == end, text


def test_the_command_line_resolves_a_range(capsys: pytest.CaptureFixture[str]) -> None:
    from timeline.cli import main

    assert main(["resolve", "between 2:30 p.m. and 4 p.m.", "--anchor", "2025-02-24"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["interval"] == ["2025-02-24T14:30:00", "2025-02-24T16:00:00"]
    assert printed["edtf"] == "2025-02-24T14:30:00/2025-02-24T16:00:00"
    assert main(["resolve", "from March 5, 2025 to March 3, 2025", "--anchor",
                 "2025-02-24"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("timeline: not a range: 'from March 5, 2025 to March 3, 2025'")
    assert len(err.splitlines()) == 1
