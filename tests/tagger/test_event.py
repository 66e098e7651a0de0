"""Times told from an event, not a date: "the day after the election" (#15)."""

from __future__ import annotations

from datetime import date

import pytest

import timeline
from timeline.time.value import TimexType

WEDNESDAY = date(2025, 2, 26)


def extents(text: str) -> list[tuple[str, str]]:
    return [(text[slice(*m.extent)], m.timex.value) for m in timeline.tag(text, WEDNESDAY)]


@pytest.mark.parametrize(("text", "want"), [
    ("The day after the election, he resigned.", [("The day", "XXXX-XX-XX")]),
    ("He resigned the week before the vote.", [("the week", "XXXX-WXX")]),
    ("In the month after the attack, prices rose.", [("the month", "XXXX-XX")]),
    ("She retired the year before her death.", [("the year", "XXXX")]),
    # A date told earlier may be any event's: the event's own date stays unknown.
    ("On March 3 the army attacked. The day after the election, troops left.",
     [("March 3", "2025-03-03"), ("The day", "XXXX-XX-XX")]),
])
def test_a_unit_from_an_event_is_of_an_unknown_date(text: str,
                                                   want: list[tuple[str, str]]) -> None:
    assert extents(text) == want


def test_the_value_is_honest() -> None:
    [mention] = timeline.tag("The day after the election, he resigned.", WEDNESDAY)
    value = mention.timex
    assert value.type is TimexType.DATE and value.interval is None
    assert value.edtf is None  # nothing to place on a calendar


@pytest.mark.parametrize(("text", "want"), [
    # Dates, not events, after the signal.
    ("The day after tomorrow they vote.", [("The day after tomorrow", "2025-02-28")]),
    # A length before the signal is a duration; "the day before," counts from the date told.
    ("Two days after the vote, he quit.", [("Two days", "P2D")]),
    ("Talks began on March 3. The day before, they met.",
     [("March 3", "2025-03-03"), ("The day before", "2025-03-02")]),
    # No unit of time: nothing.
    ("Day after day the rain fell.", []),
])
def test_not_from_an_event(text: str, want: list[tuple[str, str]]) -> None:
    assert extents(text) == want


@pytest.mark.parametrize(("text", "want"), [
    # In apposition to a date of its unit, the phrase renames that date.
    ("Prices fell after Oct. 12, the day before the plunge, and rose.",
     [("Oct. 12", "2024-10-12"), ("the day", "2024-10-12")]),
    ("In 1987, the year before the election, he ran.",
     [("1987", "1987"), ("the year", "1987")]),
    # Not in apposition (no comma), or of another unit: the event's date stays unknown.
    ("On Oct. 12 the day before the plunge came.",
     [("Oct. 12", "2024-10-12"), ("the day", "XXXX-XX-XX")]),
    ("In October, the day before the plunge, they sold.",
     [("October", "2024-10"), ("the day", "XXXX-XX-XX")]),
])
def test_a_date_in_apposition_gives_the_value(text: str, want: list[tuple[str, str]]) -> None:
    assert extents(text) == want
