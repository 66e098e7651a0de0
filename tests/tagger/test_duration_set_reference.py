"""Durations, sets and references: values, the lengths and periods attached to them, the
intervals anchored lengths cover, and spans found in running text.

The rule tables' own examples (``tests/tagger/test_rules.py``) check each rule in isolation;
these check what a caller sees through ``timeline.resolve`` and ``timeline.scan``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline import TimelineError
from timeline.time.granularity import Granularity
from timeline.time.value import TimexType

MON = date(2025, 2, 24)
MIDNIGHT = datetime(2025, 2, 24)
NEXT_DAY = datetime(2025, 2, 25)


# (text, value, mod, the attached length or period)
DURATIONS: list[tuple[str, str, str | None, str]] = [
    ("three years", "P3Y", None, "P3Y"),
    ("twenty-one days", "P21D", None, "P21D"),
    ("a fortnight", "P2W", None, "P2W"),
    ("half an hour", "PT30M", None, "PT30M"),
    ("an hour and a half", "PT1H30M", None, "PT1H30M"),
    ("several days", "PXD", None, "PXD"),
    ("more than three years", "P3Y", "MORE_THAN", "P3Y"),
    ("nearly a decade", "P1DE", "LESS_THAN", "P1DE"),
    ("up to 10 days", "P10D", "EQUAL_OR_LESS", "P10D"),
    ("at least a century", "P1CE", "EQUAL_OR_MORE", "P1CE"),
    ("about three weeks", "P3W", "APPROX", "P3W"),
    ("three-year-old", "P3Y", None, "P3Y"),
    ("the past three years", "P3Y", None, "P3Y"),
    ("three years and two months", "P3Y2M", None, "P3Y2M"),
]


@pytest.mark.parametrize(("text", "value", "mod", "length"), DURATIONS,
                         ids=[d[0] for d in DURATIONS])
def test_duration_value_and_length(text: str, value: str, mod: str | None, length: str) -> None:
    got = timeline.resolve(text, MON)
    assert got.type is TimexType.DURATION
    assert (got.value, got.mod.value if got.mod else None) == (value, mod)
    assert got.duration is not None
    assert got.duration.to_timex() == length


def test_plain_durations_have_no_interval() -> None:
    assert timeline.resolve("three years", MON).interval is None
    assert timeline.resolve("for years", MON).interval is None


# (text, anchor, interval as ISO strings, None for an open end)
ANCHORED: list[tuple[str, date | datetime, tuple[str | None, str | None]]] = [
    ("the past three years", MON, ("2022-02-25", "2025-02-25")),
    ("the last three days", MON, ("2025-02-22", "2025-02-25")),
    ("the past 18 months", MON, ("2023-08-25", "2025-02-25")),
    ("the next two weeks", MON, ("2025-02-24", "2025-03-10")),
    ("the last 24 hours", MON, ("2025-02-23", "2025-02-25")),
    ("the last 24 hours", datetime(2025, 2, 25, 11, 38),
     ("2025-02-24T11:38:00", "2025-02-25T11:39:00")),
    ("the past three years", datetime(2025, 2, 25, 11, 38), ("2022-02-26", "2025-02-26")),
]


@pytest.mark.parametrize(("text", "anchor", "interval"), ANCHORED,
                         ids=[f"{a[0]}@{a[1]}" for a in ANCHORED])
def test_anchored_duration_interval(text: str, anchor: date | datetime,
                                    interval: tuple[str | None, str | None]) -> None:
    got = timeline.resolve(text, anchor)
    assert got.type is TimexType.DURATION
    assert got.interval is not None
    assert got.interval.to_iso(dates=True) == interval


@pytest.mark.parametrize(("text", "type_", "value", "interval"), [
    ("the past few days", TimexType.DATE, "PAST_REF", (None, "2025-02-25")),
    ("the coming months", TimexType.DURATION, "PXM", ("2025-02-24", None)),
    ("in the coming months", TimexType.DURATION, "PXM", ("2025-02-24", None)),
    ("the weeks ahead", TimexType.DURATION, "PXW", ("2025-02-24", None)),
    ("in future quarters", TimexType.DATE, "FUTURE_REF", ("2025-02-24", None)),
])
def test_no_amount_open_on_the_far_side(text: str, type_: TimexType, value: str,
                                        interval: tuple[str | None, str | None]) -> None:
    # The past few days place events in the recent past (as "in recent days"); the coming
    # months are the length TimeML writes, from the anchor's day on, however introduced.
    got = timeline.resolve(text, MON)
    assert (got.type, got.value) == (type_, value)
    assert got.interval is not None
    assert got.interval.to_iso(dates=True) == interval


def test_the_past_week_stays_a_calendar_week() -> None:
    # No amount and a singular unit: the date rules' calendar week, not a length.
    got = timeline.resolve("the past week", MON)
    assert (got.type, got.value) == (TimexType.DATE, "2025-W08")


# (text, value, quant, freq, period)
SETS: list[tuple[str, str, str | None, str | None, str]] = [
    ("every Monday", "XXXX-WXX-1", "EVERY", None, "P1W"),
    ("each Monday", "XXXX-WXX-1", "EACH", None, "P1W"),
    ("on Mondays", "XXXX-WXX-1", None, None, "P1W"),
    ("every week", "P1W", "EVERY", None, "P1W"),
    ("weekly", "P1W", None, None, "P1W"),
    ("daily", "P1D", None, None, "P1D"),
    ("monthly", "P1M", None, None, "P1M"),
    ("annually", "P1Y", None, None, "P1Y"),
    ("every two weeks", "P2W", "EVERY", None, "P2W"),
    ("every other day", "P2D", "EVERY", None, "P2D"),
    ("twice a week", "P1W", None, "2X", "P1W"),
    ("three times a year", "P1Y", None, "3X", "P1Y"),
    ("once a month", "P1M", None, "1X", "P1M"),
    ("every morning", "XXXX-XX-XXTMO", "EVERY", None, "P1D"),
    ("every January", "XXXX-01", "EVERY", None, "P1Y"),
]


@pytest.mark.parametrize(("text", "value", "quant", "freq", "period"), SETS,
                         ids=[s[0] for s in SETS])
def test_set(text: str, value: str, quant: str | None, freq: str | None, period: str) -> None:
    got = timeline.resolve(text, MON)
    assert got.type is TimexType.SET
    assert (got.value, got.quant, got.freq) == (value, quant, freq)
    assert got.duration is not None and got.duration.to_timex() == period
    assert got.interval is None
    attributes = got.to_timex()
    assert attributes["type"] == "SET"
    assert attributes.get("quant") == quant and attributes.get("freq") == freq


# (text, value, interval)
REFERENCES: list[tuple[str, str, tuple[str | None, str | None]]] = [
    ("now", "PRESENT_REF", ("2025-02-24", "2025-02-25")),
    ("right now", "PRESENT_REF", ("2025-02-24", "2025-02-25")),
    ("currently", "PRESENT_REF", ("2025-02-24", "2025-02-25")),
    ("at present", "PRESENT_REF", ("2025-02-24", "2025-02-25")),
    ("these days", "PRESENT_REF", ("2025-02-24", "2025-02-25")),
    ("recently", "PAST_REF", (None, "2025-02-25")),
    ("lately", "PAST_REF", (None, "2025-02-25")),
    ("the past", "PAST_REF", (None, "2025-02-25")),
    ("the future", "FUTURE_REF", ("2025-02-24", None)),
    ("soon", "FUTURE_REF", ("2025-02-24", None)),
]


@pytest.mark.parametrize(("text", "value", "interval"), REFERENCES,
                         ids=[r[0] for r in REFERENCES])
def test_reference(text: str, value: str, interval: tuple[str | None, str | None]) -> None:
    got = timeline.resolve(text, MON)
    assert (got.type, got.value, got.granularity) == (TimexType.DATE, value, None)
    assert got.interval is not None
    assert got.interval.to_iso(dates=True) == interval


def test_recent_units_are_the_recent_past_in_those_units() -> None:
    got = timeline.resolve("in recent years", MON)
    assert (got.type, got.value, got.granularity) == (TimexType.DATE, "PAST_REF",
                                                      Granularity.YEAR)
    assert got.interval is not None
    assert got.interval.to_iso(dates=True) == (None, "2025-02-25")


def test_present_of_a_timed_anchor_is_its_minute() -> None:
    got = timeline.resolve("now", datetime(2025, 2, 25, 11, 38))
    assert got.interval is not None
    assert got.interval.to_iso() == ("2025-02-25T11:38:00", "2025-02-25T11:39:00")


def test_soon_in_a_past_report_is_not_after_the_anchor() -> None:
    with pytest.raises(timeline.ResolveError):
        timeline.resolve("soon", MON, tense="past")


@pytest.mark.parametrize("text", [
    "now that it passed", "the current offer", "the 15-member Council", "second-hand",
    "a second round", "a quarter of voters", "a year-on-year rise", "as soon as possible",
    "the future of NATO", "one of these days", "Mondays are quiet", "the Daily Mail",
    "she will decide later", "he once said", "previously announced", "some day",
])
def test_not_durations_sets_or_references(text: str) -> None:
    assert timeline.scan(text, MON) == []


PARAGRAPH = (
    "For more than three years, talks have stalled. Now negotiators meet every Monday "
    "and twice a week by phone, and over the past 18 months the gap has narrowed. "
    "In recent weeks officials said a deal could come soon, perhaps in the near future."
)


def test_scan_finds_mentions_with_their_spans() -> None:
    found = timeline.scan(PARAGRAPH, MON)
    # Keyed by TIMEX3 extent: a signal before it ("For", "in") may be part of the match.
    by_extent = {PARAGRAPH[m.extent[0]:m.extent[1]]: m for m in found}
    expected = {
        "more than three years": ("DURATION", "P3Y", "MORE_THAN"),
        "Now": ("DATE", "PRESENT_REF", None),
        "every Monday": ("SET", "XXXX-WXX-1", None),
        "twice a week": ("SET", "P1W", None),
        "the past 18 months": ("DURATION", "P18M", None),
        "recent weeks": ("DATE", "PAST_REF", None),
        "soon": ("DATE", "FUTURE_REF", None),
        "the near future": ("DATE", "FUTURE_REF", None),
    }
    assert sorted(by_extent) == sorted(expected)
    for extent, (type_, value, mod) in expected.items():
        mention = by_extent[extent]
        got = mention.value
        assert (got.type.value, got.value, got.mod.value if got.mod else None) == (
            type_, value, mod)
        assert PARAGRAPH[mention.start:mention.end] == mention.text
        assert mention.start <= mention.extent[0] < mention.extent[1] <= mention.end
    assert by_extent["recent weeks"].text == "In recent weeks"
    assert by_extent["every Monday"].text == "every Monday"


@pytest.mark.parametrize(("text", "extent"), [
    ("The board meets weekly.", "weekly"),
    ("The reserve will be adjusted quarterly and reviewed.", "quarterly"),
    ("Interest is paid monthly in arrears.", "monthly"),
    ("Qantas plans daily flights to Bombay.", None),
    ("It was less than 5% of average daily volume.", None),
    ("Sales should rise 8.5% annually.", None),
    ("The company reported its first quarterly loss.", None),
])
def test_frequency_words_are_sets_as_adverbs_not_as_adjectives(text: str,
                                                               extent: str | None) -> None:
    found = timeline.scan(text, MON)
    assert [text[m.extent[0]:m.extent[1]] for m in found] == ([extent] if extent else [])
    assert all(m.value.type is TimexType.SET for m in found)


def test_genitive_is_matched_but_outside_the_extent() -> None:
    text = "It was a day's work."
    [mention] = timeline.scan(text, MON)
    assert mention.text == "a day's"
    assert text[mention.extent[0]:mention.extent[1]] == "a day"
    assert mention.value.value == "P1D"


# Units as the text says them, and how TIMEX3 writes N of them.
UNIT_FORMS: dict[str, tuple[str, int]] = {
    "second": ("PT{}S", 1), "minute": ("PT{}M", 1), "hour": ("PT{}H", 1),
    "day": ("P{}D", 1), "week": ("P{}W", 1), "fortnight": ("P{}W", 2),
    "month": ("P{}M", 1), "quarter": ("P{}Q", 1), "year": ("P{}Y", 1),
    "decade": ("P{}DE", 1), "century": ("P{}CE", 1),
}
PLURAL = {"century": "centuries"}


def _units(unit: str, amount: int) -> str:
    return unit if amount == 1 else PLURAL.get(unit, unit + "s")


@given(st.integers(min_value=1, max_value=500), st.sampled_from(sorted(UNIT_FORMS)),
       st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_n_units_is_a_length_of_n_units(amount: int, unit: str, anchor: date) -> None:
    form, per = UNIT_FORMS[unit]
    got = timeline.resolve(f"{amount} {_units(unit, amount)}", anchor)
    assert got.type is TimexType.DURATION
    assert got.value == form.format(amount * per)
    assert got.duration is not None and got.duration.to_timex() == got.value


_STEP = {"day": relativedelta(days=1), "week": relativedelta(weeks=1),
         "fortnight": relativedelta(weeks=2), "month": relativedelta(months=1),
         "quarter": relativedelta(months=3), "year": relativedelta(years=1)}
_CLOCK = {"second": timedelta(seconds=1), "minute": timedelta(minutes=1),
          "hour": timedelta(hours=1)}


@given(st.integers(min_value=1, max_value=500), st.sampled_from(sorted([*_STEP, *_CLOCK])),
       st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_the_past_n_units_ends_with_the_anchor_day(amount: int, unit: str,
                                                   anchor: date) -> None:
    got = timeline.resolve(f"the past {amount} {_units(unit, amount)}", anchor)
    assert got.interval is not None
    day = datetime(anchor.year, anchor.month, anchor.day)
    end = day + timedelta(days=1)
    assert got.interval.end == end
    if unit in _STEP:
        assert got.interval.start == end - _STEP[unit] * amount
    else:  # every moment of the anchor's day, reaching back the whole length
        assert got.interval.start == day - _CLOCK[unit] * amount


@given(st.integers(min_value=1, max_value=100_000), st.sampled_from(["centuries", "decades"]),
       st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_windows_past_the_calendar_raise_only_timeline_errors(amount: int, unit: str,
                                                              anchor: date) -> None:
    for text in (f"the past {amount} {unit}", f"the next {amount} {unit}"):
        try:
            got = timeline.resolve(text, anchor)
        except TimelineError:
            continue
        assert got.interval is not None


def test_business_days_are_a_length_not_counted_on_the_calendar() -> None:
    # Eight trading days after a date skip the days markets close: not the calendar's
    # eighth day, so the length and the date are tagged apart.
    text = "Eight trading days after Oct. 12, 2023, the index rose."
    found = [(text[m.extent[0]:m.extent[1]], m.timex.value) for m in timeline.scan(text, MON)]
    assert found == [("Eight trading days", "P8D"), ("Oct. 12, 2023", "2023-10-12")]
    calendar = timeline.scan("eight days after Oct. 12, 2023", MON)
    assert [m.timex.value for m in calendar] == ["2023-10-20"]


@pytest.mark.parametrize(("text", "type_", "value"), [
    # "in two days" from now is a date; in a sentence about the past it measures.
    ("The talks will end in two days.", TimexType.DATE, "2025-02-26"),
    ("Baghdad replied in less than an hour.", TimexType.DURATION, "PT1H"),
    ("It was the first order in about a decade.", TimexType.DURATION, "P1DE"),
    # After a modal (or "to") "one day" is some day to come; elsewhere a length.
    ("Islam will one day be the second largest religion.", TimexType.DATE, "FUTURE_REF"),
    ("He hopes to one day lead it.", TimexType.DATE, "FUTURE_REF"),
    ("Someday we will know.", TimexType.DATE, "FUTURE_REF"),
    ("The strike lasted one day.", TimexType.DURATION, "P1D"),
    ("It was due to one day of rain.", TimexType.DURATION, "P1D"),
    ("He said it would take one day.", TimexType.DURATION, "P1D"),
])
def test_a_length_or_a_date_by_the_words_around(text: str, type_: TimexType,
                                                 value: str) -> None:
    [mention] = timeline.scan(text, MON)
    assert (mention.timex.type, mention.timex.value) == (type_, value)


@pytest.mark.parametrize(("text", "want"), [
    ("In a speech, saying at the time he was willing to leave.", [("the time", "PAST_REF")]),
    ("It will be paid at a later date.", [("a later date", "FUTURE_REF")]),
    ("Just months ago it was losing money.", [("months ago", "PAST_REF")]),
    ("At the time of the crash he was asleep.", []),
])
def test_vague_times_in_running_text(text: str, want: list[tuple[str, str]]) -> None:
    found = [(text[slice(*m.extent)], m.timex.value) for m in timeline.scan(text, MON)]
    assert found == want


@pytest.mark.parametrize(("text", "extent", "mod"), [
    ("The system evolved over several years.", "several years", None),
    ("The money can be used over three years.", "three years", None),
    ("The tour is likely to last over a week.", "over a week", "MORE_THAN"),
    ("It has been closed for over a decade.", "over a decade", "MORE_THAN"),
])
def test_over_bounds_a_length_only_where_a_length_is_asked_for(text: str, extent: str,
                                                               mod: str | None) -> None:
    # After "for", "last", "took" it is "more than"; after another verb, "during".
    [mention] = timeline.scan(text, MON)
    got = mention.timex
    assert (text[slice(*mention.extent)], got.mod.value if got.mod else None) == (extent, mod)
