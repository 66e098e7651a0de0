"""Each seed article tagged against its publication date reads as a careful reader would
(issue 6). The seeds ship with the package, so this needs nothing outside the repository."""

from __future__ import annotations

from datetime import datetime

import pytest

import timeline
from timeline.tagger.scan import Mention
from timeline.time.value import Mod


@pytest.fixture(scope="module")
def tagged() -> dict[str, tuple[str, list[Mention]]]:
    tl = timeline.load("seeds")
    return {a.id: (a.text, timeline.tag(a.text, a.published)) for a in tl.articles.values()}


def timexes(tagged: dict[str, tuple[str, list[Mention]]], article: str) -> list[
        tuple[str, str, Mod | None]]:
    text, mentions = tagged[article]
    return [(text[m.extent[0]:m.extent[1]], m.timex.value, m.timex.mod) for m in mentions]


def test_002_every_monday_is_the_24th(tagged: dict[str, tuple[str, list[Mention]]]) -> None:
    found = timexes(tagged, "002")
    mondays = [(t, v) for t, v, _ in found if "Monday" in t]
    assert len(mondays) >= 10
    assert all(v.startswith("2025-02-24") for _, v in mondays), mondays
    assert ("Sunday", "2025-02-23", None) in found
    assert ("February 25, 2025 at 11:38", "2025-02-25T11:38", None) in found


def test_002_later_this_week_is_in_week_9_after_the_article(
        tagged: dict[str, tuple[str, list[Mention]]]) -> None:
    _, mentions = tagged["002"]
    [later] = [m for m in mentions if m.text == "later this week"]
    assert later.value.value == "2025-W09"
    assert later.value.interval is not None and later.value.interval.start is not None
    # From the article's own day (docs/conventions.md: "later this week" includes it).
    assert later.value.interval.start >= datetime(2025, 2, 25)
    assert later.value.interval.end == datetime(2025, 3, 3)


def test_000(tagged: dict[str, tuple[str, list[Mention]]]) -> None:
    found = timexes(tagged, "000")
    assert ("last week", "2025-W08", None) in found
    assert ("this week", "2025-W09", None) in found
    assert any(t.lower() == "three years" and v == "P3Y" for t, v, _ in found)
    assert ("2030", "2030", None) in found  # "by 2030": the signal stays outside
    assert ("the end of this year", "2025", Mod.END) in found
    assert ("a week or two", "2025-W10", Mod.APPROX) in found




def test_no_false_positives_on_the_seeds_words(
        tagged: dict[str, tuple[str, list[Mention]]]) -> None:
    """Every expression found in the seeds is one a reader would call a time."""
    for article, (text, mentions) in tagged.items():
        for m in mentions:
            shown = text[m.extent[0]:m.extent[1]]
            assert shown.strip(), (article, m)
            assert shown not in ("may", "march", "second"), (article, shown)


def test_a_duration_adjective_leaves_the_determiner_to_its_noun() -> None:
    # "the eight-year war": the TIMEX3 is "eight-year"; "the nine months" keeps "the".
    text = "After the eight-year war, profit for the nine months rose."
    found = [(text[m.extent[0]:m.extent[1]], m.timex.value)
             for m in timeline.tag(text, datetime(1990, 8, 15).date())]
    assert found == [("eight-year", "P8Y"), ("the nine months", "P9M")]


def test_a_year_before_a_quarter_is_no_count() -> None:
    # "the 1988 second quarter" is that quarter, not 1988 seconds; "weeks or months" is one
    # vague length; "mid-afternoon yesterday" a part of yesterday.
    text = ("A charge in the 1988 second quarter, weeks or months later, was noted at "
            "mid-afternoon yesterday.")
    found = [(text[m.extent[0]:m.extent[1]], m.timex.value, m.timex.mod)
             for m in timeline.tag(text, datetime(1989, 11, 2).date())]
    assert found == [("the 1988 second quarter", "1988-Q2", None),
                     ("weeks or months", "PXW", Mod.APPROX),
                     ("mid-afternoon yesterday", "1989-11-01TAF", Mod.MID)]
