"""Finding a plain text's own date: metadata lines and datelines, absolute and near the
start; never a relative date, a date inside a story sentence, or one far down the text."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from timeline.timeml.dateline import HEAD, dateline_anchor, find_dateline

SEED_002_HEAD = ("Ukraine\n\nU.S. Wins Backing for U.N. Resolution on Ukraine War That Doesn’t "
                 "Blame Russia\n\nAuthor: Laurence Norman, Annie Linskey and Jane Lytvynenko "
                 "Source: WSJ:\nFebruary 25, 2025 at 11:38\n\nOn third anniversary of "
                 "invasion, Trump says he is talking to Moscow.")


@pytest.mark.parametrize(("text", "moment", "why"), [
    (" date 2025-02-24 As tensions mount, world leaders are set to meet this week.",
     date(2025, 2, 24), "label"),
    ("Published: Feb. 25, 2025\n\nThe vote was on Monday.", date(2025, 2, 25), "label"),
    ("Updated on 25 February 2025, after the vote on 24 February 2022 was recalled.",
     date(2025, 2, 25), "label"),
    (SEED_002_HEAD, datetime(2025, 2, 25, 11, 38), "position"),
    ("Feb. 25, 2025\nThe vote was on Monday.", date(2025, 2, 25), "position"),
    ("25 February 2025\n\nLeaders met.", date(2025, 2, 25), "position"),
    ("WASHINGTON (AP) — Feb. 25, 2025 — The U.N. voted on a resolution that was passed.",
     date(2025, 2, 25), "position"),
    ("By Jane Doe | March 3, 2025\nLeaders met.", date(2025, 3, 3), "position"),
    ("Posted 11:38 GMT, 25 Feb 2025\nText", datetime(2025, 2, 25, 11, 38, tzinfo=UTC),
     "label"),
    ("Updated: 11:38 AM EST, Tue February 25, 2025",
     datetime(2025, 2, 25, 11, 38, tzinfo=timezone(timedelta(hours=-5))), "label"),
])
def test_datelines_are_found(text: str, moment: date | datetime, why: str) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.moment, found.why) == (moment, why)
    assert text[found.start:found.end] == found.text
    assert dateline_anchor(text) == moment


@pytest.mark.parametrize("text", [
    "",
    "The vote was on Monday, and another is due next week.",     # relative only
    "Feb. 25\nThe vote was on Monday.",                           # no year: uses an anchor
    "On Feb. 24, 2022, Russia invaded Ukraine, and the war goes on.",  # a story sentence
    "Russia invaded Ukraine on February 24, 2022, and the war goes on.",
    "Russia, which invaded its neighbour three years ago, February 24 2022, says it will talk.",
    "In 2025 the leaders met.",                                   # a year is not a day
    "Leaders met.\n" * (HEAD // 13 + 1) + "February 25, 2025\n",  # too far down
])
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_the_first_dateline_wins_and_day_first_dates_read_with_date_order() -> None:
    text = "03/02/2025\nMarch 9, 2025\nLeaders met."
    assert dateline_anchor(text) == date(2025, 3, 2)
    assert dateline_anchor(text, date_order="dmy") == date(2025, 2, 3)


def test_a_credit_may_stand_between_the_dateline_and_its_dash() -> None:
    """'WASHINGTON, Feb. 24, 2025 (Reuters) - ...': the credit is no story words (#12)."""
    text = "WASHINGTON, Feb. 24, 2025 (Reuters) - The U.S. voted against the resolution."
    found = find_dateline(text)
    assert found is not None
    assert (found.text, found.moment, found.why, found.yearless) == (
        "Feb. 24, 2025", date(2025, 2, 24), "position", False)


@pytest.mark.parametrize("text", [
    "WASHINGTON, Feb. 24 (Reuters) - The U.S. voted against the resolution.",
    "UNITED NATIONS, Feb 24 — The U.S. voted against the resolution.",
    "Published: Feb. 24\nThe U.S. voted.",
])
def test_a_dateline_without_its_year_is_read_only_in_a_year_given(text: str) -> None:
    assert find_dateline(text) is None  # the year would be invented
    found = find_dateline(text, year=2025)
    assert found is not None
    assert (found.moment, found.value, found.yearless) == (date(2025, 2, 24), "2025-02-24",
                                                           True)


@pytest.mark.parametrize("text", [
    "The council voted on Monday, Feb. 24.",     # a sentence, not a dateline
    "Feb. 24\nThe council voted.",               # no dash, credit or label: too weak
    "Feb. 29 (Reuters) - The council voted.",    # no such day in 2025
])
def test_a_yearless_date_needs_a_dateline_shape(text: str) -> None:
    assert find_dateline(text, year=2025) is None
