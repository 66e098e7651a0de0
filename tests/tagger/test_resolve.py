"""Phrase mode: one expression resolved on its own, and the causes it names when it cannot."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import timeline
from timeline.errors import ResolveError


# #13: at the calendar's edges the words are a time expression; what is wrong is the anchor,
# or the date the words name. "not a time expression" sent the user looking at the words.
@pytest.mark.parametrize(("text", "anchor", "said"), [
    ("today", date(9999, 12, 31), "anchor: 9999-12-31"),
    ("next year", datetime(9999, 6, 1, 12), "anchor: 9999-06-01T12:00:00"),
    ("yesterday", date(1, 1, 1), "anchor: 0001-01-01"),
    ("tomorrow", date(9799, 12, 31), "'tomorrow': [9800-01-01, 9800-01-02)"),
    ("next year", date(9799, 6, 1), "'next year': [9800-01-01, 9801-01-01)"),
    ("yesterday", date(200, 1, 1), "'yesterday': [0199-12-31, 0200-01-01)"),
    ("three days ago", date(200, 1, 2), "'three days ago': [0199-12-30, 0199-12-31)"),
])
def test_past_the_calendar_edge_names_the_cause(text: str, anchor: date | datetime,
                                                 said: str) -> None:
    with pytest.raises(ResolveError) as caught:
        timeline.resolve(text, anchor)
    assert str(caught.value) == (f"{said} is outside the supported calendar, years 0200 to "
                                 f"9799")


def test_near_the_edge_what_fits_still_resolves() -> None:
    # #13
    assert timeline.resolve("March 3", date(9799, 12, 31), tense="past").value == "9799-03-03"
    assert timeline.resolve("yesterday", date(9799, 12, 31)).value == "9799-12-30"
    with pytest.raises(ResolveError, match="not a time expression: 'blah'"):
        timeline.resolve("blah", date(9799, 12, 31))
    with pytest.raises(ResolveError, match="not a time expression"):
        timeline.resolve("February 30", date(2025, 2, 24))


def test_running_text_needs_an_anchor_in_the_calendar() -> None:
    # #13: tagging against an anchor outside the supported calendar is refused, naming it.
    with pytest.raises(ResolveError, match="anchor: 9999-12-31 is outside"):
        timeline.tag("It ends tomorrow, not on March 3.", date(9999, 12, 31))
    mentions = timeline.tag("It ended yesterday.", date(9799, 12, 30))
    assert [m.value.value for m in mentions] == ["9799-12-29"]
