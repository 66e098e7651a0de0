"""``read_anchor``: anchors as users write them (date, datetime, ISO string), one reader for
every function that takes one (issue 12)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import datetimes

import timeline
from timeline.errors import QueryError, ResolveError
from timeline.time.anchor import read_anchor
from timeline.timeml.read import TimeMLError
from timeline.timeml.write import plain_document, to_timeml


@pytest.mark.parametrize(("text", "expected"), [
    ("2025-02-24", date(2025, 2, 24)),
    (" 2025-02-24\n", date(2025, 2, 24)),
    ("2025-02-25T11:38", datetime(2025, 2, 25, 11, 38)),
    ("2025-02-25T11:38:05.250", datetime(2025, 2, 25, 11, 38, 5, 250000)),
    ("2025-02-25T11:38+01:00", datetime(2025, 2, 25, 11, 38,
                                        tzinfo=timezone(timedelta(hours=1)))),
    ("2025-02-25T10:38Z", datetime(2025, 2, 25, 10, 38, tzinfo=UTC)),
    ("2025-02-25 10:38", datetime(2025, 2, 25, 10, 38)),
])
def test_iso_strings(text: str, expected: date | datetime) -> None:
    got = read_anchor(text)
    assert got == expected
    assert type(got) is type(expected)  # a date stays a date: it is a day, not its midnight
    assert got.utcoffset() == expected.utcoffset() if isinstance(got, datetime) else True


@pytest.mark.parametrize("value", [date(2025, 2, 24), datetime(2025, 2, 25, 11, 38),
                                   datetime(2025, 2, 25, 11, 38, tzinfo=UTC)])
def test_dates_and_datetimes_pass_through(value: date) -> None:
    assert read_anchor(value) is value


@pytest.mark.parametrize("value", ["yesterday", "", "2025-02-30", "24/02/2025", 20250224,
                                   None, b"2025-02-24", ["2025-02-24"]])
def test_anything_else_names_the_value(value: Any) -> None:
    with pytest.raises(ResolveError, match="anchor: expected") as caught:
        read_anchor(value)
    assert repr(value) in str(caught.value)


def test_the_caller_chooses_the_error() -> None:
    with pytest.raises(QueryError, match="'soon'"):
        read_anchor("soon", error=QueryError)


@given(st.one_of(st.dates(), datetimes()))
def test_isoformat_reads_back(moment: date) -> None:
    got = read_anchor(moment.isoformat())
    assert got == moment and type(got) is type(moment)
    if isinstance(moment, datetime):
        assert isinstance(got, datetime) and got.utcoffset() == moment.utcoffset()


# --- every public function that takes an anchor ------------------------------------------------

def test_resolve_tag_and_scan_take_iso_strings() -> None:
    assert timeline.resolve("last week", "2025-02-24") == timeline.resolve(
        "last week", date(2025, 2, 24))
    text = "The vote was on Monday at 3 p.m."
    aware = datetime(2025, 2, 25, 11, 38, tzinfo=UTC)
    assert timeline.tag(text, "2025-02-25T11:38Z") == timeline.tag(text, aware)
    assert timeline.scan(text, "2025-02-25T11:38Z", tense="past") == timeline.scan(
        text, aware, tense="past")


def test_a_bad_anchor_is_a_resolve_error_naming_it() -> None:
    for call in (timeline.resolve, timeline.scan, timeline.tag):
        with pytest.raises(ResolveError, match="'last Tuesday'"):
            call("on Monday", "last Tuesday")


def test_timeml_takes_an_iso_dct() -> None:
    assert to_timeml("on Monday", [], "2025-02-25") == to_timeml("on Monday", [],
                                                               date(2025, 2, 25))
    assert plain_document("x", "2025-02-25T11:38Z").dct == plain_document(
        "x", datetime(2025, 2, 25, 11, 38, tzinfo=UTC)).dct
    with pytest.raises(TimeMLError, match=r"dct: .*'Feb 25'"):
        plain_document("x", "Feb 25")
