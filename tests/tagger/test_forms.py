"""Every form the foundation issue (#3) lists, and the seed articles' own phrases, resolve.

Anchors are Monday 24 and Tuesday 25 February 2025, the seed articles' dates.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

import timeline

MON = date(2025, 2, 24)
TUE = date(2025, 2, 25)

# (expression, anchor, tense, type, value, mod)
FORMS: list[tuple[str, date | datetime, str | None, str, str, str | None]] = [
    # absolute
    ("February 25, 2025", MON, None, "DATE", "2025-02-25", None),
    ("Feb. 25", MON, None, "DATE", "2025-02-25", None),
    ("25 February 2025", MON, None, "DATE", "2025-02-25", None),
    ("2025-02-24", MON, None, "DATE", "2025-02-24", None),
    ("February 25, 2025 at 11:38", MON, None, "TIME", "2025-02-25T11:38", None),
    ("2/25/2025", MON, None, "DATE", "2025-02-25", None),
    ("1998", MON, None, "DATE", "1998", None),
    ("the 1990s", MON, None, "DATE", "199", None),
    ("the 19th century", MON, None, "DATE", "18", None),
    ("early 2022", MON, None, "DATE", "2022", "START"),
    ("mid-March", MON, None, "DATE", "2025-03", "MID"),
    ("late last year", MON, None, "DATE", "2024", "END"),
    ("the first quarter", MON, None, "DATE", "2025-Q1", None),
    ("Q3 2024", MON, None, "DATE", "2024-Q3", None),
    ("the second half of 2024", MON, None, "DATE", "2024-H2", None),
    ("summer 2024", MON, None, "DATE", "2024-SU", None),
    ("11:38 a.m. EST", MON, None, "TIME", "2025-02-24T11:38", None),
    ("noon", MON, None, "TIME", "2025-02-24T12:00", None),
    ("2 p.m. Monday", TUE, "past", "TIME", "2025-02-24T14:00", None),
    # days
    ("today", MON, None, "DATE", "2025-02-24", None),
    ("yesterday", MON, None, "DATE", "2025-02-23", None),
    ("tomorrow", MON, None, "DATE", "2025-02-25", None),
    ("tonight", MON, None, "TIME", "2025-02-24TNI", None),
    ("this morning", MON, None, "TIME", "2025-02-24TMO", None),
    ("Monday", TUE, "past", "DATE", "2025-02-24", None),
    ("on Monday", TUE, None, "DATE", "2025-02-24", None),
    ("last Monday", TUE, None, "DATE", "2025-02-24", None),
    ("next Monday", TUE, None, "DATE", "2025-03-03", None),
    ("this Friday", TUE, None, "DATE", "2025-02-28", None),
    ("Monday evening", TUE, None, "TIME", "2025-02-24TEV", None),
    ("the day before yesterday", TUE, None, "DATE", "2025-02-23", None),
    # weeks to centuries
    ("this week", TUE, None, "DATE", "2025-W09", None),
    ("last week", TUE, None, "DATE", "2025-W08", None),
    ("next week", TUE, None, "DATE", "2025-W10", None),
    ("earlier this week", TUE, None, "DATE", "2025-W09", None),
    ("later this week", MON, None, "DATE", "2025-W09", None),
    ("this weekend", MON, None, "DATE", "2025-W09-WE", None),
    ("last weekend", MON, None, "DATE", "2025-W08-WE", None),
    ("earlier this month", MON, None, "DATE", "2025-02", None),
    ("last month", MON, None, "DATE", "2025-01", None),
    ("this year", MON, None, "DATE", "2025", None),
    ("last year", MON, None, "DATE", "2024", None),
    ("last quarter", MON, None, "DATE", "2024-Q4", None),
    ("the end of this year", TUE, None, "DATE", "2025", "END"),
    ("by the end of the year", TUE, None, "DATE", "2025", "END"),
    ("by 2030", TUE, None, "DATE", "2030", "ON_OR_BEFORE"),
    ("three years ago", MON, None, "DATE", "2022", None),
    ("two weeks ago", MON, None, "DATE", "2025-W07", None),
    ("in two days", MON, None, "DATE", "2025-02-26", None),
    ("two weeks from now", MON, None, "DATE", "2025-W11", None),
    ("in a week or two", TUE, None, "DATE", "2025-W10", "APPROX"),
    ("within weeks", TUE, None, "DURATION", "PXW", None),
    ("in the coming weeks", TUE, None, "DURATION", "PXW", None),
    ("the past few days", TUE, None, "DATE", "PAST_REF", None),
    ("recent days", TUE, None, "DATE", "PAST_REF", None),  # places, does not measure
    ("days before February 24, 2022", TUE, None, "DATE", "2022-02-24", "BEFORE"),
    # durations and sets
    ("three years", MON, None, "DURATION", "P3Y", None),
    ("two hours", MON, None, "DURATION", "PT2H", None),
    ("a decade", MON, None, "DURATION", "P1DE", None),
    ("the past three years", MON, None, "DURATION", "P3Y", None),
    ("three-year-old", MON, None, "DURATION", "P3Y", None),
    ("80-year", MON, None, "DURATION", "P80Y", None),
    ("several days", MON, None, "DURATION", "PXD", None),
    ("a few weeks", MON, None, "DURATION", "PXW", None),
    ("every Monday", MON, None, "SET", "XXXX-WXX-1", None),
    ("weekly", MON, None, "SET", "P1W", None),
    ("annually", MON, None, "SET", "P1Y", None),
    # references
    ("now", MON, None, "DATE", "PRESENT_REF", None),
    ("recently", MON, None, "DATE", "PAST_REF", None),
    ("the future", MON, None, "DATE", "FUTURE_REF", None),
    ("currently", MON, None, "DATE", "PRESENT_REF", None),
    # numbers in words and digits
    ("twenty-one days", MON, None, "DURATION", "P21D", None),
    ("3 days", MON, None, "DURATION", "P3D", None),
    ("twenty-one years ago", MON, None, "DATE", "2004", None),
    # the seed articles' own phrases
    ("later Monday", MON, None, "DATE", "2025-02-24", None),
    ("Earlier on Monday", TUE, "past", "DATE", "2025-02-24", None),
    ("Monday afternoon", TUE, "past", "TIME", "2025-02-24TAF", None),
    ("Sunday", TUE, "past", "DATE", "2025-02-23", None),
    ("in February 2022", TUE, None, "DATE", "2022-02", None),
    ("in early 2022", TUE, None, "DATE", "2022", "START"),
    ("the last few days", TUE, None, "DATE", "PAST_REF", None),
    ("later on Monday", MON, None, "DATE", "2025-02-24", None),
    ("2022", TUE, None, "DATE", "2022", None),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "type_", "value", "mod"), FORMS,
                         ids=[f"{f[0]}@{f[1]}" for f in FORMS])
def test_form(text: str, anchor: date, tense: str | None, type_: str, value: str,
              mod: str | None) -> None:
    got = timeline.resolve(text, anchor, tense=tense)
    assert (got.type.value, got.value, got.mod.value if got.mod else None) == (type_, value, mod)
    if got.type.value in ("DATE", "TIME") and not got.value.endswith("_REF"):
        assert got.interval is not None


@pytest.mark.parametrize("text", ["banana", "the", "they may meet", "2,000 troops",
                                  "last", "Monday Tuesday", ""])
def test_not_a_time_expression(text: str) -> None:
    with pytest.raises(timeline.ResolveError, match="time expression"):
        timeline.resolve(text, MON)


@pytest.mark.parametrize(("text", "extents"), [
    # A range of lengths is one expression, as TimeML draws "a week or two" ...
    ("The talks could last a week or two.", [("a week or two", "P1W", "EQUAL_OR_MORE")]),
    ("It takes between two and six days.",
     [("between two and six days", "P2D", "EQUAL_OR_MORE")]),
    ("They met one or two days ago.", [("one or two days ago", "2025-02-23", "APPROX")]),
    # ... but two lengths in two units stay two, and falling amounts are no range.
    ("It will take two weeks to three months.",
     [("two weeks", "P2W", None), ("three months", "P3M", None)]),
    ("It took three or two days.", [("two days", "P2D", None)]),
    ("They won 3-2 after two days.", [("two days", "P2D", None)]),
    # A difference between two times is a length, and a time on its day takes no other.
    ("The deal came at 2 a.m. Tuesday, two days later than promised.",
     [("2 a.m. Tuesday", "2025-02-18T02:00", None), ("two days", "P2D", None)]),
    # Two years told as one span; a number joined to a measure is no year.
    ("The 2024-25 season ended after a 2000-meter race.", [("2024-25", "P2Y", None)]),  # #15
])
def test_ranges_of_lengths(text: str, extents: list[tuple[str, str, str | None]]) -> None:
    got = [(text[slice(*m.extent)], m.value.value, m.value.mod.value if m.value.mod else None)
           for m in timeline.tag(text, MON)]
    assert got == extents


def test_the_early_hours_are_of_a_day() -> None:
    sunday = timeline.tag("Drones struck in the early hours of Sunday.", TUE)
    assert [(m.value.value, m.value.mod.value if m.value.mod else None) for m in sunday] == [
        ("2025-02-23", "START")]
    march = timeline.tag("It rained in the early hours of March.", TUE)
    assert [(m.value.value, m.value.mod) for m in march] == [("2024-03", None)]  # rained: past
