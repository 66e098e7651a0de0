"""Anaphoric dates count from the last date the text mentioned, not the article's (issue 6)."""

from __future__ import annotations

from datetime import date

import pytest

import timeline
from timeline.time.value import TimexType


def values(text: str, anchor: date) -> list[tuple[str, str]]:
    return [(text[m.extent[0]:m.extent[1]], m.timex.value) for m in timeline.tag(text, anchor)]


@pytest.mark.parametrize(("text", "anchor", "want"), [
    ("Profit fell in the third quarter. A year earlier it had risen.", date(1989, 11, 2),
     [("the third quarter", "1989-Q3"), ("A year earlier", "1988-Q3")]),
    ("The talks began on March 3, 2024. Two days later they collapsed.", date(2025, 2, 24),
     [("March 3, 2024", "2024-03-03"), ("Two days later", "2024-03-05")]),
    ("In 2019 the plant closed. The previous year it had cut jobs.", date(2025, 2, 24),
     [("2019", "2019"), ("The previous year", "2018")]),
    ("The fire started on Jan. 5, 2024, and the same day the mayor spoke.", date(2025, 2, 24),
     [("Jan. 5, 2024", "2024-01-05"), ("the same day", "2024-01-05")]),
    ("It opened on Jan. 5, 2024. A week later it shut, and two days later it reopened.",
     date(2025, 2, 24),
     [("Jan. 5, 2024", "2024-01-05"), ("A week later", "2024-01-12"),
      ("two days later", "2024-01-14")]),
    ("The deal was signed on Feb. 3, 2022; the following week, troops moved.",
     date(2025, 2, 24), [("Feb. 3, 2022", "2022-02-03"), ("the following week", "2022-W06")]),
    # Inside a signal ("on", "by") the anaphor still counts from the date before it, and
    # what follows counts from what it resolved to.
    ("He arrived on March 3, 2020. He left on the same day. Two days later he returned.",
     date(2025, 2, 24), [("March 3, 2020", "2020-03-03"), ("the same day", "2020-03-03"),
                         ("Two days later", "2020-03-05")]),
    ("Profit fell in the third quarter. For the quarter a year ago, it earned more.",
     date(1989, 11, 1), [("the third quarter", "1989-Q3"), ("the quarter a year ago", "1988-Q3")]),
    ("Shares fell Friday, down 4.5% from the previous Friday.", date(1989, 10, 30),
     [("Friday", "1989-10-27"), ("the previous Friday", "1989-10-20")]),
    ("It began on March 3, 2020. The following Monday it ended.", date(2025, 2, 24),
     [("March 3, 2020", "2020-03-03"), ("The following Monday", "2020-03-09")]),
    ("Shares rose on Oct. 12, 1989, and fell 3% for the day.", date(1989, 11, 1),
     [("Oct. 12, 1989", "1989-10-12"), ("the day", "1989-10-12")]),
    ("Talks began on May 4, 2021, and by the following week they had failed.",
     date(2025, 2, 24), [("May 4, 2021", "2021-05-04"), ("the following week", "2021-W19")]),
    # A part of the day told, or of the day after or before it.
    ("Troops advanced on March 3, 2020. That evening the general withdrew, and early the "
     "next morning the attack began.", date(2025, 2, 24),
     [("March 3, 2020", "2020-03-03"), ("That evening", "2020-03-03TEV"),
      ("early the next morning", "2020-03-04TMO")]),
])
def test_counted_from_the_last_date_told(text: str, anchor: date,
                                         want: list[tuple[str, str]]) -> None:
    assert values(text, anchor) == want


def test_with_no_date_before_it_counts_from_the_anchor() -> None:
    assert values("A year earlier, sales were flat.", date(2025, 2, 24)) == [
        ("A year earlier", "2024-02-24")]


def test_that_day_needs_a_date_at_least_as_fine() -> None:
    # After "in 2019" there is no one day to call "that day" (or "that night"): no date is
    # given, since the anchor's would be a guess.
    found = values("In 2019 the plant closed; that day was grim.", date(2025, 2, 24))
    assert found == [("2019", "2019")]
    found = values("In 2019 the plant closed. That night it burned.", date(2025, 2, 24))
    assert found == [("2019", "2019")]



def test_a_part_of_a_day_never_told_is_of_an_unknown_day() -> None:
    # #15: "that night" after an event the text does not date is a night all the same:
    # TIME XXXX-XX-XXTNI (what TimeML writes when it cannot compute a value), no interval;
    # the anchor's night would be a guess.
    assert values("That night it burned.", date(2025, 2, 24)) == [
        ("That night", "XXXX-XX-XXTNI")]
    [mention] = timeline.tag("After the attack, the next morning, troops left.",
                             date(2025, 2, 24))
    assert (mention.text, mention.value.value) == ("the next morning", "XXXX-XX-XXTMO")
    assert mention.value.type is TimexType.TIME and mention.value.interval is None
    # A day told before it still gives the day.
    assert values("On March 3 the army attacked. That night it burned.", date(2025, 3, 5)) == [
        ("March 3", "2025-03-03"), ("That night", "2025-03-03TNI")]


def test_durations_and_references_are_not_referred_to() -> None:
    # "three weeks" (a duration) and "now" (a reference) are no date to count from.
    found = values("On Jan. 5, 2024 it began; it lasted three weeks. Now, a year later...",
                   date(2025, 2, 24))
    assert found[-1] == ("a year later", "2025-01-05")


@pytest.mark.parametrize("text", [
    "Net rose in the third quarter to $5.2 million from $4.1 million a year ago.",
    "In the third quarter sales were higher than a year earlier.",
])
def test_a_year_back_in_a_comparison_is_the_quarter_reported(text: str) -> None:
    found = values(text, date(1989, 11, 2))
    assert found[-1][1] == "1988-Q3", found


def test_last_year_names_the_calendar_year_even_in_a_comparison() -> None:
    # "A year ago" counts back from the period reported; "last year" names a year.
    found = values("Third-quarter profit was $5 million, compared with $4.5 million last year.",
                   date(1989, 11, 2))
    assert found[-1] == ("last year", "1988")


def test_a_year_back_outside_a_comparison_stays_a_year() -> None:
    found = values("In the third quarter it grew. A year ago it opened a plant.",
                   date(1989, 11, 2))
    assert found[-1] == ("A year ago", "1988")


def test_year_ago_periods_compare_with_the_report_not_the_last_date() -> None:
    found = values("It lost money in the 1988 period. The year-ago results included a charge.",
                   date(1989, 11, 2))
    assert found[-1] == ("The year-ago", "1988")


def test_the_latest_period_is_the_quarter_reported() -> None:
    text = ("Net income rose in the third quarter. Sales in the first quarter of 1990 "
            "should rise too. Sales in the latest period were flat.")
    assert values(text, date(1989, 11, 2))[-1] == ("the latest period", "1989-Q3")


def test_a_quarter_not_over_is_not_the_one_reported() -> None:
    # A forecast's quarter is not the report's: the latest complete one is.
    text = "The fourth quarter should be weak. The latest quarter was strong."
    assert values(text, date(1989, 11, 2)) == [
        ("The fourth quarter", "1989-Q4"), ("The latest quarter", "1989-Q3")]


def test_a_fiscal_quarter_said_to_have_ended_is_the_one_reported() -> None:
    # Its label is the company's fiscal year's, not the calendar's: it ended, so it is over.
    text = "Its fourth quarter ended Sept. 30 was strong. Sales in the latest period rose."
    assert values(text, date(1989, 11, 2))[-1] == ("the latest period", "1989-Q4")


@pytest.mark.parametrize(("text", "want"), [
    ("The rights end on Nov. 30, 1989. Until then, the stock is convertible.",
     [("Nov. 30, 1989", "1989-11-30", None), ("then", "1989-11-30", "ON_OR_BEFORE")]),
    ("It opened in 2019, and since then it has grown.",
     [("2019", "2019", None), ("then", "2019", "ON_OR_AFTER")]),
    ("He resigned. Since then, prices fell.", []),  # no date told: nothing to give
    ("Then he left.", []),  # "then" alone orders events, it names no date
])
def test_then_is_the_date_last_told(text: str, want: list[tuple[str, str, str | None]]) -> None:
    found = [(text[m.extent[0]:m.extent[1]], m.value.value,
              m.value.mod.value if m.value.mod else None)
             for m in timeline.tag(text, date(2025, 2, 24))]
    assert found == want


def test_overnight_is_the_night_before_the_day_last_told() -> None:
    text = "London shares fell on Friday, hit by overnight losses in New York."
    assert values(text, date(1989, 10, 30))[-1] == ("overnight", "1989-10-26TNI")
    # No day told: the night before the anchor's day.
    assert values("Shares fell overnight.", date(1989, 10, 30)) == [
        ("overnight", "1989-10-29TNI")]


def test_the_morning_is_part_of_the_day_last_told() -> None:
    text = "Prices were dashed Friday. Dealers placed orders in the morning."
    assert values(text, date(1989, 10, 30))[-1] == ("the morning", "1989-10-27TMO")


@pytest.mark.parametrize(("text", "want"), [
    ("It's the second day of an offensive.", ("the second day", "1998-03-06")),
    ("Today is the eighth day of the operation.", ("the eighth day", "1998-03-06")),
    ("The strike began Monday. Tuesday was the second day of the strike.",
     ("the second day", "1998-03-03")),
])
def test_counting_the_days_of_something_names_the_day_spoken_of(
        text: str, want: tuple[str, str]) -> None:
    assert values(text, date(1998, 3, 6))[-1] == want


def test_the_first_day_of_a_thing_not_told_as_now_is_no_date() -> None:
    assert values("He missed the first day of school.", date(1998, 3, 6)) == []


@pytest.mark.parametrize(("text", "want"), [
    ("He resigned on Monday. The day before, he had met the king.",
     ("The day before", "2025-03-02")),
    ("They arrived on March 3 and left the week after.", ("the week after", "2025-W11")),
])
def test_the_unit_before_or_after_counts_from_the_date_last_told(
        text: str, want: tuple[str, str]) -> None:
    assert values(text, date(2025, 3, 5))[-1] == want


def test_a_comparison_period_is_not_counted_from_again() -> None:
    # Each "a year earlier" among a report's figures compares with the quarter reported,
    # not with the comparison before it.
    text = ("In the third quarter, net rose to $5 million from $4 million a year earlier. "
            "America West earned $2 million, compared with a loss of $1 million a year "
            "earlier.")
    found = values(text, date(1989, 11, 2))
    assert [v for t, v in found if t == "a year earlier"] == ["1988-Q3", "1988-Q3"]


def test_the_latest_quarter_named_is_the_one_reported() -> None:
    text = ("Acme posted a 20% gain in third-quarter net. After a flat second quarter, the "
            "gain came from higher prices. Charges taken in the year-earlier period hurt.")
    assert values(text, date(1989, 11, 1))[-1] == ("the year-earlier period", "1988-Q3")
    # A fiscal quarter is a company's own: it starts a report whatever came before.
    text = ("Bethlehem's third-quarter net fell. Intergroup posted net income for the fiscal "
            "second quarter of $8.6 million. The latest period includes gains.")
    assert values(text, date(1989, 10, 26))[-1] == ("The latest period", "1989-Q2")
