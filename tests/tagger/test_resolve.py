"""Phrase mode: one expression resolved on its own, and the causes it names when it cannot."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import timeline
from timeline.errors import ResolveError


# #13: at the calendar's edges the words are a time expression; the date they name is not
# on the calendar. "not a time expression" sent the user looking at the words.
@pytest.mark.parametrize(("text", "anchor", "said"), [
    ("today", date(9999, 12, 31), "'today' against 9999-12-31"),
    ("tomorrow", date(9999, 12, 31), "'tomorrow' against 9999-12-31"),
    ("next year", datetime(9999, 6, 1, 12), "'next year' against 9999-06-01T12:00:00"),
    ("yesterday", date(1, 1, 1), "'yesterday' against 0001-01-01"),
    ("last week", date(1, 1, 2), "'last week' against 0001-01-02"),
    ("three days ago", date(1, 1, 2), "'three days ago' against 0001-01-02"),
])
def test_past_the_calendar_edge_names_the_cause(text: str, anchor: date | datetime,
                                                 said: str) -> None:
    with pytest.raises(ResolveError) as caught:
        timeline.resolve(text, anchor)
    assert str(caught.value) == f"{said} falls outside the calendar (years 1 to 9999)"


def test_near_the_edge_what_fits_still_resolves() -> None:
    # #13
    assert timeline.resolve("March 3", date(9999, 12, 31)).value == "9999-03-03"
    assert timeline.resolve("yesterday", date(9999, 12, 31)).value == "9999-12-30"
    with pytest.raises(ResolveError, match="not a time expression: 'blah'"):
        timeline.resolve("blah", date(9999, 12, 31))
    with pytest.raises(ResolveError, match="not a time expression"):
        timeline.resolve("February 30", date(2025, 2, 24))


def test_running_text_at_the_edge_leaves_the_expression_out() -> None:
    # #13: in running text the expression is simply not a mention, as for "February 30".
    mentions = timeline.tag("It ends tomorrow, not on March 3.", date(9999, 12, 31))
    assert [m.text for m in mentions] == ["on March 3"]
