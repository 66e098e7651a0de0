"""Laws of resolution that hold for every anchor, checked with generated anchors and texts."""

from __future__ import annotations

import contextlib
import operator
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline import TimelineError
from timeline.time.interval import Interval
from timeline.time.value import TimeValue

anchors_as_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
anchors_as_datetimes = st.datetimes(min_value=datetime(1900, 1, 1),
                                    max_value=datetime(2100, 12, 31))
aware_anchors = st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2100, 12, 30),
                             timezones=st.sampled_from([UTC,
                                                        timezone(timedelta(hours=-5)),
                                                        timezone(timedelta(hours=9))]))
anchors = st.one_of(anchors_as_dates, anchors_as_datetimes, aware_anchors)
UNITS = ["day", "week", "weekend", "month", "quarter", "year", "decade", "century"]


def _interval(text: str, anchor: date | datetime) -> Interval:
    interval = timeline.resolve(text, anchor).interval
    assert interval is not None
    return interval


@given(anchors)
def test_today_and_this_week_contain_the_anchor(anchor: date | datetime) -> None:
    for text in ("today", "this week", "this month", "this year", "this quarter", "now"):
        assert _interval(text, anchor).contains(anchor), text


@given(anchors, st.sampled_from(UNITS))
def test_last_ends_no_later_than_this_starts(anchor: date | datetime, unit: str) -> None:
    last = _interval(f"last {unit}", anchor)
    this = _interval(f"this {unit}", anchor)
    following = _interval(f"next {unit}", anchor)
    assert last.end is not None and this.start is not None
    assert last.end <= this.start
    assert this.end is not None and following.start is not None
    assert this.end <= following.start


@given(anchors_as_dates, st.integers(min_value=1, max_value=60),
       st.sampled_from(["days", "weeks", "months", "years"]))
def test_ago_moves_back_and_in_moves_forward(anchor: date, amount: int, unit: str) -> None:
    before = _interval(f"{amount} {unit} ago", anchor)
    after = _interval(f"in {amount} {unit}", anchor)
    today = _interval("today", anchor)
    assert before.end is not None and today.start is not None and before.end <= today.start
    assert after.start is not None and today.end is not None and after.start >= today.end


@given(anchors_as_dates, st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday"]))
def test_weekday_direction_follows_the_tense(anchor: date, day: str) -> None:
    past = timeline.resolve(day, anchor, tense="past")
    future = timeline.resolve(day, anchor, tense="future")
    assert past.interval is not None and future.interval is not None
    assert past.interval.start is not None and future.interval.start is not None
    assert past.interval.start <= datetime(anchor.year, anchor.month, anchor.day)
    assert future.interval.start >= datetime(anchor.year, anchor.month, anchor.day)
    assert future.interval.start - past.interval.start in (timedelta(0), timedelta(days=7))


@settings(max_examples=300)
@given(st.text(max_size=60), anchors)
def test_arbitrary_text_raises_only_timeline_errors(text: str, anchor: date | datetime) -> None:
    with contextlib.suppress(TimelineError):
        timeline.resolve(text, anchor)


@given(st.lists(st.sampled_from([*"0123456789 -/.,:amp", "May ", "last ", "week", "Monday",
                                 " of ", "the "]),
                max_size=15).map("".join), anchors)
def test_date_like_text_raises_only_timeline_errors(text: str, anchor: date | datetime) -> None:
    try:
        value = timeline.resolve(text, anchor)
    except TimelineError:
        return
    assert value.value


#: Words the rules compose: a word salad of them reaches the composite rules (a weekday and
#: a date, a position and a date, "earlier" and a day) with every kind of inner value.
SALAD = [
    "Monday", "Friday", "March", "May", "Christmas", "Easter", "Ramadan", "2024", "1998", "12",
    "25", "3", "the", "of", "a", "few", "several", "days", "weeks", "months", "years", "day",
    "week", "month", "year", "quarter", "ago", "later", "earlier", "before", "after", "since",
    "until", "by", "on", "in", "at", "last", "next", "this", "past", "coming", "recent",
    "early", "late", "mid", "end", "start", ",", ".", "and", "morning", "night", "noon",
    "3:16", "p.m.", "about", "nearly", "more", "than", "within", "for", "every", "twice",
    "daily", "today", "yesterday", "now", "then", "same", "following", "previous", "year-ago",
    "third", "fiscal", "Q3", "weekend", "overnight", "dawn", "decade", "1990s", "FY2025",
    "3Q24", "-"
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SALAD), min_size=1, max_size=8).map(" ".join), anchors)
def test_tagging_word_salad_never_fails(text: str, anchor: date | datetime) -> None:
    for mention in timeline.tag(text, anchor):
        assert mention.value.value


@pytest.mark.parametrize("text", [
    # Each once raised an AssertionError: a reference value ("days ago": PAST_REF, with a
    # granularity) where a composite rule wanted a bounded day.
    "Monday days ago ago", "Friday past days", "late past years same",
    "days ago weekend 25 3Q24", "earlier recent days night year",
])
def test_reference_values_inside_composites(text: str) -> None:
    for anchor in (date(2025, 2, 24), datetime(2025, 2, 25, 23, 59)):
        timeline.tag(text, anchor)


# #13: text joined from date and time phrases, with and without zones, the joins of ranges
# and anaphora between them: a zoned clock time before "the next day" and a dash-joined
# date raised TypeError (aware against floating), and a set took a second clock time.
CLOCKS = ["2 p.m.", "9 a.m.", "14:00", "11:38 a.m.", "noon", "11:00", "10 p.m.", "midnight"]
ZONES = ["", "", " GMT", " EST", " UTC+3", " ET", " Kyiv time", " UTC-11:30"]
DATES = ["the next day", "the same day", "that night", "a day later", "the following week",
         "March 3", "March 5, 2024", "Monday", "Wednesday", "last week", "the quarter",
         "the first quarter", "a year earlier", "three days", "2019", "yesterday", "Feb. 29"]
SETS = ["every Sunday", "daily", "every Monday at 9 a.m.", "9 p.m. every Sunday", "weekly"]
PHRASES = [*DATES, *SETS, *(c + z for c in CLOCKS for z in ZONES if z)]
JOINS = [" - ", " \u2013 ", " to ", " until ", " through ", " and ", ", ", " then ", " ",
         ". ", " ended ", " began at ", " from "]
phrase = st.one_of(st.builds(operator.add, st.sampled_from(CLOCKS), st.sampled_from(ZONES)),
                   st.sampled_from(DATES), st.sampled_from(SETS))
joined = st.lists(st.tuples(phrase, st.one_of(st.just(" "), st.sampled_from(JOINS))),
                  min_size=1, max_size=7).map(lambda parts: "".join(p + j for p, j in parts))
zoned_anchors = st.one_of(anchors, st.datetimes(
    min_value=datetime(1990, 1, 2), max_value=datetime(2040, 12, 30),
    timezones=st.sampled_from([timezone(timedelta(hours=14)), timezone(timedelta(hours=-12)),
                               timezone(timedelta(hours=5, minutes=45))])))


@settings(max_examples=300, deadline=None)
@given(joined, zoned_anchors)
def test_joined_phrases_tag_with_exact_spans(text: str, anchor: date | datetime) -> None:
    try:
        mentions = timeline.tag(text, anchor)
    except TimelineError:
        return
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text


@settings(max_examples=300, deadline=None)
@given(joined, zoned_anchors)
def test_every_value_tagged_reads_back(text: str, anchor: date | datetime) -> None:
    # #13: no value the tagger writes may be one TimeValue.from_timex cannot read.
    try:
        mentions = timeline.tag(text, anchor)
    except TimelineError:
        return
    for mention in mentions:
        assert TimeValue.from_timex(mention.value.value).value == mention.value.value


PLACEHOLDERS = "\ue000\ue001\ue002\ue003"


WORDS = ["March", "3", ",", "2024", "at", "2", "p.m.", "GMT", "on", "Monday", "the", "next",
         "day", "last", "week", "every", "Sunday", "9", "daily", "ago", "three", "days", "-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(" " + PLACEHOLDERS)),
                min_size=1, max_size=6).map(lambda parts: "".join(w + s for w, s in parts)),
       anchors)
def test_placeholders_in_the_input_keep_spans(text: str, anchor: date | datetime) -> None:
    # #13: the scanner's own placeholders in the input were read as spaces ("every<U+E003>
    # day" was the mention "every day").
    try:
        mentions = timeline.tag(text, anchor)
    except TimelineError:
        return
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
